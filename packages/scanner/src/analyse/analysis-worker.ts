/**
 * A worker thread of `AnalysisThreads`: started early, it waits for a batch of the scan's files,
 * claims them from the shared counter until none are left, then posts its analyses back (without
 * the file records, which the main thread already has) and waits for the next batch.
 */
import { parentPort } from 'node:worker_threads';
import type { DiscoveredFile } from '../discover/index.js';
import { analyseFile, type AnalyseContext, type FileAnalysis } from './index.js';
import { SharedClaims } from './parallel.js';

export interface WorkerInput {
  files: readonly DiscoveredFile[];
  context: AnalyseContext;
  claims: { counter: SharedArrayBuffer; bytes: SharedArrayBuffer };
}

export interface WorkerResult {
  analyses: { index: number; analysis: Omit<FileAnalysis, 'file'> }[];
}

parentPort?.on('message', ({ files, context, claims: buffers }: WorkerInput) => {
  const claims = new SharedClaims(buffers);
  const result: WorkerResult = { analyses: [] };
  for (let index = claims.next(); index < files.length; index = claims.next()) {
    const file = files[index];
    if (file === undefined) break;
    const { file: _file, ...analysis } = analyseFile(file, context);
    claims.addBytes(analysis.bytes);
    result.analyses.push({ index, analysis });
  }
  parentPort?.postMessage(result);
});
