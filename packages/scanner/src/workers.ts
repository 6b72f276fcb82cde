// What every worker thread of the scanner starts with.

/**
 * Node options a worker thread inherits, without those only an entry script takes: a scan started
 * by `node --input-type=module -e …` would otherwise start workers that fail at once.
 */
export function workerExecArgv(): string[] {
  return process.execArgv.filter((option) => !option.startsWith('--input-type'));
}
