// What every worker thread of the scanner starts with, and how its replies are awaited.
import { Worker } from 'node:worker_threads';

/** A started worker; `stopped` says why, should it end or fail. */
export interface StartedWorker {
  worker: Worker;
  stopped: Promise<Error>;
}

/**
 * A worker thread running `file`, with the Node options this process has, as Node hands them on,
 * but without those only an entry script takes: a scan started by `node --input-type=module -e …`
 * would otherwise start workers that fail at once. Node refuses some options in an explicit list
 * (V8's `--max-old-space-size`), so one is given only when there is something to leave out.
 */
export function startWorkerThread(file: string): StartedWorker {
  const worker = newWorker(file);
  const stopped = new Promise<Error>((resolve) => {
    worker.once('error', (error) => resolve(error));
    worker.once('exit', (code) => resolve(new Error(`it exited with code ${code} before it reported`)));
  });
  return { worker, stopped };
}

function newWorker(file: string): Worker {
  const options = process.execArgv.filter((option) => !option.startsWith('--input-type'));
  if (options.length === process.execArgv.length) return new Worker(file);
  try {
    return new Worker(file, { execArgv: options });
  } catch {
    return new Worker(file, { execArgv: [] });
  }
}

/** The worker's next message, or why it will send none. Ask before posting the request it answers. */
export function nextReply<T>({ worker, stopped }: StartedWorker): Promise<T | Error> {
  return Promise.race([new Promise<T>((resolve) => worker.once('message', resolve)), stopped]);
}
