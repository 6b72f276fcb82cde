// `--threads`: worker threads read files alongside the main thread. Whatever the thread count, the
// report is the same, byte for byte apart from the duration, and a bad file stays a skip.
import { chmodSync, cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../../packages/scanner/src/discover/index.js';
import type { FileAnalysis } from '../../packages/scanner/src/analyse/index.js';
import { Worker } from 'node:worker_threads';
import type { WorkerInput, WorkerResult } from '../../packages/scanner/src/analyse/analysis-worker.js';
import { analyseFiles, defaultThreadCount, SharedClaims, threadCount } from '../../packages/scanner/src/analyse/parallel.js';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { REPO_ROOT, fakeKey, runScanner, tempDir, writeFiles } from '../support/index.js';
import { scanJson } from './support.js';

const keys = Array.from({ length: 40 }, (_, index) => fakeKey(index % 3 === 0 ? 'test' : 'live', 300 + index));

/** A tree of several hundred files, keys spread through it in plain and hidden forms. */
function tree(): string {
  const dir = tempDir('engium-threads-');
  cpSync(join(REPO_ROOT, 'examples/acme-shop'), dir, { recursive: true });
  const files: Record<string, string | Buffer> = {};
  for (let index = 0; index < 400; index++) {
    const key = keys[index % keys.length] ?? '';
    const body = index % 10 === 0 ? `export const key = atob("${Buffer.from(key).toString('base64')}");\n` : index % 7 === 0 ? `export const key = "${key}";\n` : `export const n${index} = ${index};\n`;
    files[`src/module-${String(index).padStart(3, '0')}.ts`] = `// module ${index}\n${'const filler = 1;\n'.repeat(index % 50)}${body}`;
  }
  files['.env.production'] = `NEXT_PUBLIC_ENGIUM_KEY=${keys[1]}\n`;
  files['assets/logo.bin'] = Buffer.from([0, 1, 2, 3, ...Buffer.from(keys[2] ?? '')]);
  files['src/locked.ts'] = `export const k = "${keys[4]}";\n`;
  writeFiles(dir, files);
  // Root reads any file; elsewhere this one is a skip that every thread count must report alike.
  chmodSync(join(dir, 'src/locked.ts'), 0o000);
  return dir;
}

/** The report without what differs by thread count alone: the duration, and the cut to this machine's cores. */
function withoutDuration(report: ScanReport): ScanReport {
  const warnings = (report.stats.warnings ?? []).filter((warning) => !/^--threads \d+ is more than the \d+ cores/.test(warning.message));
  return { ...report, stats: { ...report.stats, durationMs: 0, warnings } };
}

describe('engium-scan --threads', () => {
  const dir = tree();

  it('reports the same findings, skips and warnings with one thread and with several', () => {
    const alone = scanJson(dir, keys, ['--threads', '1', '--fail-on', 'none']);
    expect(alone.status).toBe(0);
    expect(alone.report.findings.length).toBeGreaterThan(80);
    for (const threads of ['2', '3']) {
      const together = scanJson(dir, keys, ['--threads', threads, '--fail-on', 'none']);
      expect(together.status).toBe(0);
      expect(withoutDuration(together.report)).toEqual(withoutDuration(alone.report));
    }
  });

  it('rejects a thread count that is not a whole number of at least 1', () => {
    for (const value of ['0', '-1', '1.5', 'many']) {
      const result = runScanner([dir, '--threads', value]);
      expect(result.status, value).toBe(2);
      expect(result.stderr).toMatch(/--threads <count>.*expected a whole number of at least 1/);
    }
  });
});

describe('the default thread count', () => {
  it('keeps to one thread on one or two cores, and uses one per core up to four beyond', () => {
    expect([1, 2, 3, 4, 8, 64].map(defaultThreadCount)).toEqual([1, 1, 3, 4, 4, 4]);
  });
});

describe('an asked-for thread count', () => {
  it('is cut to the cores, with a warning that says so: `-j 512` starts no 511 isolates', () => {
    expect(threadCount(512, WORKER, 2)).toEqual({ threads: 2, warning: '--threads 512 is more than the 2 cores of this machine: 2 threads used' });
    expect(threadCount(3, WORKER, 8)).toEqual({ threads: 3 });
    expect(threadCount(undefined, WORKER, 8)).toEqual({ threads: 4 });
  });
});

/** The compiled worker, as the built CLI runs it (`npm test` builds before it tests). */
const WORKER = join(REPO_ROOT, 'packages/scanner/dist/analyse/analysis-worker.js');

describe('analysis workers', () => {
  const dir = tree();
  const { files } = discoverFiles(dir);
  const context = { root: dir };
  const sequential = async (): Promise<FileAnalysis[]> => (await analyseFiles(files, context, { threads: 1 })).analyses;

  it('a worker that is handed every file analyses each as this thread does', async () => {
    const worker = new Worker(WORKER);
    const input: WorkerInput = { files, context, claims: new SharedClaims().buffers };
    worker.postMessage(input);
    const result = await new Promise<WorkerResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    expect(result.analyses.map(({ index }) => index)).toEqual(files.map((_, index) => index));
    const expected = await sequential();
    expect(result.analyses.map(({ index, analysis }) => ({ ...analysis, file: files[index] }))).toEqual(expected);
    expect(expected.filter((analysis) => analysis.hits.length > 0).length).toBeGreaterThan(50);
  });

  it.each([
    ['throws as it starts', "throw new Error('no memory for a worker');", /an analysis worker failed \(no memory for a worker\)/],
    ['exits without a report', 'process.exit(3);', /an analysis worker failed \(it exited with code 3 before it reported\)/],
  ])('a worker that %s costs time, never findings: its files are read on the main thread', async (_name, script, warning) => {
    const workerFile = join(tempDir('engium-bad-worker-'), 'worker.mjs');
    writeFileSync(workerFile, script);
    const { analyses, problems } = await analyseFiles(files, context, { threads: 3, workerFile, cores: 4 });
    expect(analyses).toEqual(await sequential());
    expect(problems).toHaveLength(2);
    for (const problem of problems) expect(problem.message).toMatch(warning);
  });
});
