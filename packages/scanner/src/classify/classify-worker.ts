/**
 * The classify thread (see ClassifyThread): it loads TypeScript as soon as it starts, builds the
 * module graph once the sources are read, classifies their hits early to parse what they need,
 * and answers with the findings of every hit when the main thread has read the rest.
 */
import { parentPort } from 'node:worker_threads';
import type { FileAnalysis } from '../analyse/index.js';
import { loadTypeScript } from '../graph/typescript.js';
import type { ProgramAnalysis } from '../graph/types.js';
import { unpackFiles } from './file-list.js';
import type { Classification, ClassifyOptions } from './index.js';

export type ClassifyRequest =
  /** The sources are read: what the graph needs (the files packed by packFiles), and their hits (classified now, to warm its caches). */
  | { kind: 'prepare'; options: Omit<ClassifyOptions, 'files'>; files: string; analyses: FileAnalysis[] }
  /** Every file is read: classify all hits. */
  | { kind: 'classify'; analyses: FileAnalysis[] };

export type ClassifyReply = { kind: 'classified'; classification: Classification } | { kind: 'failed'; message: string };

// Loading TypeScript takes half a second: it starts now, while the main thread walks and reads,
// and before this thread loads the rest of the scanner (a dynamic import, so it waits). A failure
// here is reported by the graph load that needs it.
loadTypeScript().catch(() => undefined);
const { classify, loadProgramAnalysis } = await import('./index.js');

let options: ClassifyOptions | undefined;
let program: Promise<ProgramAnalysis> | undefined;
const loadProgram = (): Promise<ProgramAnalysis> => (program ??= loadProgramAnalysis(options as ClassifyOptions));
let warming: Promise<unknown> = Promise.resolve();

parentPort?.on('message', (request: ClassifyRequest) => {
  if (request.kind === 'prepare') {
    const prepared = { ...request.options, files: unpackFiles(request.files) };
    options = prepared;
    // Built at once: the hits of built files still being read may need it too.
    warming = loadProgram()
      .then(() => classify(request.analyses, prepared, loadProgram))
      .catch(() => undefined);
    return;
  }
  void warming
    .then(() => {
      if (!options) throw new Error('classify before prepare');
      return classify(request.analyses, options, loadProgram);
    })
    .then(
      (classification) => parentPort?.postMessage({ kind: 'classified', classification } satisfies ClassifyReply),
      (error: unknown) => parentPort?.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies ClassifyReply),
    );
});
