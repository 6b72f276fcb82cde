import { UsageError } from '../config.js';
import { errorMessage } from '../report/escape.js';

/** Prints a usage or runtime error for people and returns exit code 2. */
export function reportError(error: unknown): 2 {
  // Messages quote arguments, config values and paths, any of which may hold a key or a control
  // character: each line is escaped on its own, so none can forge another.
  if (error instanceof UsageError) {
    console.error([`engium-scan: ${errorMessage(error.summary)}`, ...error.details.map((detail) => `  ${errorMessage(detail)}`)].join('\n'));
  } else {
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(stack.split('\n').map((line, index) => (index === 0 ? `engium-scan: unexpected error: ${errorMessage(line)}` : errorMessage(line))).join('\n'));
  }
  return 2;
}
