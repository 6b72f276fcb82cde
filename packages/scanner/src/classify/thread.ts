/**
 * Stage 3 beside stage 2: the module graph needs TypeScript (half a second to load) and parses,
 * which the text pass does not wait for. A classify thread starts with the scan, loads TypeScript
 * while this thread walks and reads, builds the graph once the sources are read (they are read
 * first), and classifies every hit when the built files are read too. In a one-file bundle (the
 * action's) or run from its TypeScript sources, the scanner has no worker script, and classifies on this thread. This module
 * loads nothing else, so the CLI starts the thread before it loads the scanner.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FileAnalysis } from '../analyse/index.js';
import { nextReply, startWorkerThread, type StartedWorker } from '../workers.js';
import type { ClassifyReply, ClassifyRequest } from './classify-worker.js';
import { packFiles } from './file-list.js';
import type { Classification, ClassifyOptions } from './index.js';

const WORKER_FILE = fileURLToPath(new URL('./classify-worker.js', import.meta.url));

export class ClassifyThread {
  private readonly started: StartedWorker;

  private constructor(workerFile: string) {
    this.started = startWorkerThread(workerFile);
  }

  /** A thread, or undefined where there is no worker script (the scan then classifies on its own thread). */
  static start(workerFile = WORKER_FILE): ClassifyThread | undefined {
    return existsSync(workerFile) ? new ClassifyThread(workerFile) : undefined;
  }

  /** The sources are read: the thread builds the graph, and classifies their hits to warm it. */
  prepare({ files, ...options }: ClassifyOptions, analyses: FileAnalysis[]): void {
    this.post({ kind: 'prepare', options, files: packFiles(files), analyses });
  }

  /** Every hit's finding; rejects when the thread failed (the caller then classifies itself). */
  async classify(analyses: FileAnalysis[]): Promise<Classification> {
    const reply = nextReply<ClassifyReply>(this.started);
    this.post({ kind: 'classify', analyses });
    const answer = await reply;
    if (answer instanceof Error) throw answer;
    if (answer.kind === 'failed') throw new Error(answer.message);
    return answer.classification;
  }

  private post(request: ClassifyRequest): void {
    this.started.worker.postMessage(request);
  }

  async close(): Promise<void> {
    await this.started.worker.terminate();
  }
}

