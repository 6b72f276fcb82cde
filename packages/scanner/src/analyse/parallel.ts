/**
 * Stage 2 over every discovered file. This thread reads alone until a scan looks big enough to
 * repay starting workers (see AnalysisThreads); then every thread takes the next file from a
 * shared counter, so a few huge bundles never leave one idle, and results go back in discovery
 * order, so a report never depends on which thread read which file.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { DiscoveredFile } from '../discover/index.js';
import type { ScanWarning } from '../finding.js';
import { analyseFile, type AnalyseContext, type FileAnalysis } from './index.js';
import { MapsReadOnce } from './maps-read-once.js';
import type { WorkerInput, WorkerResult } from './analysis-worker.js';
import { nextReply, startWorkerThread, type StartedWorker } from '../workers.js';

export interface AnalysisProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
}

export interface AnalyseFilesOptions {
  /** Threads to analyse with: 1 keeps to this one; default: one per core, up to four, once a scan is big (one on two cores). */
  threads?: number;
  /** The worker script (tests run a failing one); default: the compiled analysis worker. */
  workerFile?: string;
  /** Called now and then while files are read. */
  onProgress?: (progress: AnalysisProgress) => void;
  /** The cores that bound the thread count; default: this machine's (tests of many workers pass more). */
  cores?: number;
}

/** Workers join once this thread has read this much and files remain: smaller scans end sooner alone. */
const WORKERS_AFTER_BYTES = 16 * 1024 * 1024;

/** …or as soon as discovery has found this many files, so that they start while it walks on. */
const WORKERS_AFTER_FILES = 3_000;

/** Threads in a default scan: file reading stops scaling past a few. */
const DEFAULT_MAX_THREADS = 4;

/**
 * Up to this many cores, a default scan keeps to one thread: measured on two, a worker's start-up
 * (an isolate loading the analysis modules) cost more than it saved, since the kernel's copying
 * and the garbage collector already keep the second core busy.
 */
const SINGLE_THREAD_CORES = 2;

/** The compiled worker (or its copy in the scanner's bundle/); absent in a one-file bundle (the action's) or from the TypeScript sources. */
const WORKER_FILE = fileURLToPath(new URL('./analysis-worker.js', import.meta.url));

/** Files and bytes taken by all threads, shared so that each claims the next file atomically. */
export class SharedClaims {
  readonly counter: Int32Array;
  readonly bytes: BigInt64Array;

  constructor(buffers?: { counter: SharedArrayBuffer; bytes: SharedArrayBuffer }) {
    this.counter = new Int32Array(buffers?.counter ?? new SharedArrayBuffer(4));
    this.bytes = new BigInt64Array(buffers?.bytes ?? new SharedArrayBuffer(8));
  }

  get buffers(): { counter: SharedArrayBuffer; bytes: SharedArrayBuffer } {
    return { counter: this.counter.buffer as SharedArrayBuffer, bytes: this.bytes.buffer as SharedArrayBuffer };
  }

  next(): number {
    return Atomics.add(this.counter, 0, 1);
  }

  taken(): number {
    return Atomics.load(this.counter, 0);
  }

  /** Bytes this thread read that the shared total does not count yet. */
  private unsharedBytes = 0;

  /** Adds to the shared total a megabyte at a time: a BigInt per file costs more than progress is worth. */
  addBytes(count: number): void {
    this.unsharedBytes += count;
    if (this.unsharedBytes < 1024 * 1024) return;
    Atomics.add(this.bytes, 0, BigInt(this.unsharedBytes));
    this.unsharedBytes = 0;
  }

  /** Bytes read so far, for progress: every thread's shared total and this one's latest. */
  bytesDone(): number {
    return Number(Atomics.load(this.bytes, 0)) + this.unsharedBytes;
  }
}

/**
 * Threads for a scan, and a warning when the request was cut: more threads than cores only adds
 * isolates (each tens of megabytes) that wait for a core, so `-j 512` gets the cores' count.
 * In a one-file bundle or run from its TypeScript sources, the scanner has no worker script: it reads alone.
 */
export function threadCount(requested: number | undefined, workerFile: string, cores = availableParallelism()): { threads: number; warning?: string } {
  if (!existsSync(workerFile)) return { threads: 1 };
  if (requested === undefined) return { threads: defaultThreadCount(cores) };
  const threads = Math.max(1, Math.floor(requested));
  if (threads <= cores) return { threads };
  return { threads: cores, warning: `--threads ${threads} is more than the ${cores} cores of this machine: ${cores} thread${cores === 1 ? '' : 's'} used` };
}

/** Threads for a scan that asks for none, on a machine with `cores` cores. */
export function defaultThreadCount(cores: number): number {
  return cores <= SINGLE_THREAD_CORES ? 1 : Math.min(DEFAULT_MAX_THREADS, cores);
}

/**
 * The threads of one scan. Workers take a while to start (a new isolate loading the analysis
 * modules), so they start as soon as a scan looks big: at once for an explicit thread count, when
 * discovery has found many files, or at the latest once this thread has read 16 MB.
 */
export class AnalysisThreads {
  private readonly threads: number;
  /** Why fewer threads run than were asked for, if they do. */
  private threadWarning: string | undefined;
  private workers: StartedWorker[] | undefined;

  constructor(
    requested: number | undefined,
    private readonly workerFile = WORKER_FILE,
    cores = availableParallelism(),
  ) {
    const { threads, warning } = threadCount(requested, workerFile, cores);
    this.threads = threads;
    this.threadWarning = warning;
    if (requested !== undefined) this.startWorkers();
  }

  /** Discovery calls this as it finds files. */
  readonly discovered = (filesFound: number): void => {
    if (filesFound === WORKERS_AFTER_FILES) this.startWorkers();
  };

  private startWorkers(): void {
    if (this.workers === undefined && this.threads > 1) this.workers = Array.from({ length: this.threads - 1 }, () => startWorkerThread(this.workerFile));
  }

  /** Every file's analysis, in the order of `files`, and a warning for each worker that failed. A scan may analyse in batches. */
  async analyse(files: readonly DiscoveredFile[], context: AnalyseContext, onProgress?: (progress: AnalysisProgress) => void): Promise<{ analyses: FileAnalysis[]; problems: ScanWarning[] }> {
    const claims = new SharedClaims();
    const analyses: (FileAnalysis | undefined)[] = new Array<FileAnalysis | undefined>(files.length);
    let results: Promise<(WorkerResult | Error)[]> | undefined;
    const feedWorkers = (): void => {
      const input: WorkerInput = { files, context, claims: claims.buffers };
      const workers = this.workers ?? [];
      results = Promise.all(workers.map((worker) => nextReply<WorkerResult>(worker)));
      for (const { worker } of workers) worker.postMessage(input);
    };
    if (this.workers) feedWorkers();
    let ownBytes = 0;
    let ownFiles = 0;
    // Maps are analysed with their bundle only while this thread reads alone: with workers, the map
    // is mostly claimed by one of them, and read again there.
    const maps = this.workers ? undefined : new MapsReadOnce(files);
    let ownContext: AnalyseContext = maps ? { ...context, maps } : context;
    for (let index = claims.next(); index < files.length; index = claims.next()) {
      const file = files[index];
      if (file === undefined) break;
      const analysis = maps?.take(file) ?? analyseFile(file, ownContext);
      analyses[index] = analysis;
      claims.addBytes(analysis.bytes);
      ownBytes += analysis.bytes;
      if (results === undefined && ownBytes >= WORKERS_AFTER_BYTES && index + 1 < files.length) {
        this.startWorkers();
        feedWorkers();
        if (this.workers?.length) ownContext = context;
      }
      if (onProgress && ++ownFiles % 256 === 0) {
        onProgress({ filesDone: Math.min(claims.taken(), files.length), filesTotal: files.length, bytesDone: claims.bytesDone() });
      }
    }
    // The cut thread count is said once, with the first batch.
    const problems: ScanWarning[] = this.threadWarning !== undefined ? [{ file: '.', message: this.threadWarning }] : [];
    this.threadWarning = undefined;
    const batch = (await results) ?? [];
    // A failed worker gets no more batches.
    this.workers = this.workers?.filter((_worker, index) => !(batch[index] instanceof Error));
    for (const result of batch) {
      if (result instanceof Error) {
        problems.push({ file: '.', message: `an analysis worker failed (${result.message}); its files were analysed again on the main thread` });
      } else {
        for (const { index, analysis } of result.analyses) analyses[index] = { ...analysis, file: files[index] as DiscoveredFile };
      }
    }
    // Files a failed worker had claimed are read here: a crash slows the scan but loses nothing.
    return { analyses: files.map((file, index) => analyses[index] ?? maps?.take(file) ?? analyseFile(file, context)), problems };
  }

  /** Stops the workers: they wait for batches until then. */
  async close(): Promise<void> {
    await Promise.all((this.workers ?? []).map(({ worker }) => worker.terminate()));
  }
}

/** Every file's analysis, in the order of `files`, and a warning for each worker that failed. */
export async function analyseFiles(
  files: readonly DiscoveredFile[],
  context: AnalyseContext,
  options: AnalyseFilesOptions = {},
): Promise<{ analyses: FileAnalysis[]; problems: ScanWarning[] }> {
  const threads = new AnalysisThreads(options.threads, options.workerFile, options.cores);
  try {
    return await threads.analyse(files, context, options.onProgress);
  } finally {
    await threads.close();
  }
}
