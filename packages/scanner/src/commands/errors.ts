import { UsageError } from '../config.js';

/** Prints a usage or runtime error for people and returns exit code 2. */
export function reportError(error: unknown): 2 {
  const message = error instanceof UsageError ? error.message : `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  console.error(`engium-scan: ${message}`);
  return 2;
}
