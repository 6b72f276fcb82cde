import { UsageError } from '../config.js';
import { errorMessage } from '../report/escape.js';

/** Prints a usage or runtime error for people and returns exit code 2. */
export function reportError(error: unknown): 2 {
  const message = error instanceof UsageError ? error.message : `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  // Messages quote arguments, config values and paths, any of which may hold a key or a control character.
  console.error(`engium-scan: ${errorMessage(message)}`);
  return 2;
}
