// What every worker thread of the scanner starts with.
import { Worker } from 'node:worker_threads';

/**
 * A worker thread running `file`, with the Node options this process has, as Node hands them on,
 * but without those only an entry script takes: a scan started by `node --input-type=module -e …`
 * would otherwise start workers that fail at once. Node refuses some options in an explicit list
 * (V8's `--max-old-space-size`), so one is given only when there is something to leave out.
 */
export function startWorkerThread(file: string): Worker {
  const options = process.execArgv.filter((option) => !option.startsWith('--input-type'));
  if (options.length === process.execArgv.length) return new Worker(file);
  try {
    return new Worker(file, { execArgv: options });
  } catch {
    return new Worker(file, { execArgv: [] });
  }
}
