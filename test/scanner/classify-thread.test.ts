// The classify thread builds the module graph while the main thread reads files. It must change
// nothing but the time: the same report as classifying on the main thread, TypeScript loaded on
// the thread rather than the main one, and a failed thread costs a warning, not a finding.
import { fingerprint } from '@engium/core';
import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileAnalysis } from '../../packages/scanner/src/analyse/index.js';
import type * as ClassifyModule from '../../packages/scanner/src/classify/index.js';
import type * as ClassifyThreadModule from '../../packages/scanner/src/classify/thread.js';
import { analyseFiles } from '../../packages/scanner/src/analyse/parallel.js';
import { discoverFiles } from '../../packages/scanner/src/discover/index.js';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import type * as Scanner from '../../packages/scanner/src/index.js';
import { plantedKeys } from '../../examples/acme-shop-keys.mjs';
import { REPO_ROOT, expectNoFullKey, fakeKey, tempDir, writeFiles } from '../support/index.js';

// The worker script exists only in the compiled scanner, so these tests run dist/.
const DIST = join(REPO_ROOT, 'packages/scanner/dist');
const { scanDirectory } = (await import(join(DIST, 'index.js'))) as typeof Scanner;
const { ClassifyThread } = (await import(join(DIST, 'classify/thread.js'))) as typeof ClassifyThreadModule;
const { classify, classifyOn } = (await import(join(DIST, 'classify/index.js'))) as typeof ClassifyModule;

const keys = { ...plantedKeys, reexported: fakeKey('live', 2201), serverOnly: fakeKey('live', 2202), island: fakeKey('test', 2203) };

/** The bundled example, plus what the graph decides from module heads and re-exports. */
function tree(): string {
  const dir = tempDir('engium-classify-thread-');
  cpSync(join(REPO_ROOT, 'examples/acme-shop'), dir, { recursive: true });
  writeFiles(dir, {
    'lib/keys.ts': `export const REEXPORTED = "${keys.reexported}";\n`,
    'lib/index.ts': `export { REEXPORTED } from './keys';\n`,
    'components/Widget.tsx': `"use client";\nimport { REEXPORTED } from '../lib';\nexport default function Widget() { return <b>{REEXPORTED.length}</b>; }\n`,
    'app/widget/page.tsx': `import Widget from '../../components/Widget';\nexport default function Page() { return <Widget />; }\n`,
    'lib/server-key.ts': `import 'server-only';\nexport const SERVER = "${keys.serverOnly}";\n`,
    'app/api/server/route.ts': `import { SERVER } from '../../../lib/server-key';\nexport const GET = () => Response.json({ length: SERVER.length });\n`,
    'components/Island.tsx': `// A comment before the directive\n'use client'\nexport const ISLAND = "${keys.island}";\nexport default () => ISLAND.length;\n`,
  });
  return dir;
}

const comparable = (report: ScanReport): ScanReport => ({ ...report, stats: { ...report.stats, durationMs: 0 } });

describe('the classify thread', () => {
  const dir = tree();

  it('gives the same report as classifying on the main thread', async () => {
    const threaded = await scanDirectory(dir, { threads: 1 });
    const alone = await scanDirectory(dir, { threads: 1, classifyThread: false });
    expect(comparable(threaded)).toEqual(comparable(alone));
    const findingsOf = (key: string) => threaded.findings.filter((finding) => finding.secret.fingerprint === fingerprint(key) && !finding.file.startsWith('.next/'));
    expect(findingsOf(keys.reexported).map(({ exposure, chain }) => ({ exposure, chain }))).toEqual([
      { exposure: 'client', chain: ['components/Widget.tsx ("use client")', 'lib/index.ts', 'lib/keys.ts'] },
    ]);
    expect(threaded.findings.find((finding) => finding.file === 'lib/server-key.ts')?.exposure).toBe('server');
    expect(threaded.findings.find((finding) => finding.file === 'components/Island.tsx')?.exposure).toBe('client');
    expectNoFullKey(JSON.stringify(threaded), Object.values(keys));
  });

  it('loads TypeScript on its own thread, not the main one', () => {
    const loadedOnMain = (classifyThread: boolean) => {
      const script = [
        `const { scanDirectory } = await import(${JSON.stringify(join(DIST, 'index.js'))});`,
        `const report = await scanDirectory(${JSON.stringify(dir)}, { threads: 1, classifyThread: ${classifyThread} });`,
        `const { createRequire } = await import('node:module');`,
        `const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) => /[\\\\/](ts-morph|@ts-morph|typescript)[\\\\/]/.test(path));`,
        `console.log(JSON.stringify({ clients: report.findings.filter((finding) => finding.exposure === 'client').length, loaded: loaded.length > 0, warnings: report.stats.warnings.length }));`,
      ].join('\n');
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      return JSON.parse(result.stdout) as { clients: number; loaded: boolean };
    };
    const threaded = loadedOnMain(true);
    const alone = loadedOnMain(false);
    expect(threaded).toEqual({ clients: alone.clients, loaded: false, warnings: 0 });
    expect(alone.loaded).toBe(true);
    expect(alone.clients).toBeGreaterThan(3);
  });

  it('ends the run at once when the path cannot be scanned: the CLI started the thread, and closes it', () => {
    // A hang (a thread left loading TypeScript or waiting for files) is stopped by the timeout.
    const result = spawnSync(process.execPath, [join(DIST, 'cli.js'), join(dir, 'no-such-folder')], { encoding: 'utf8', timeout: 30_000 });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cannot scan .*no-such-folder: ENOENT/);
  });

  it('falls back to the main thread, with a warning, when the thread dies', async () => {
    const failing = join(tempDir('engium-failing-worker-'), 'worker.mjs');
    writeFileSync(failing, `import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (request) => { if (request.kind === 'classify') throw new Error('out of luck'); });\n`);
    const thread = ClassifyThread.start(failing);
    expect(thread).toBeDefined();
    const { files } = discoverFiles(dir);
    const { analyses } = await analyseFiles(files, { root: dir, moduleHeads: true }, { threads: 1 });
    const withHits: FileAnalysis[] = analyses.filter((analysis) => analysis.hits.length > 0);
    const options = { root: dir, config: {}, files };
    try {
      thread?.prepare(options, withHits);
      const classified = await classifyOn(thread, withHits, options);
      const expected = await classify(withHits, options);
      expect(classified.problems[0]?.message).toMatch(/^the classify thread failed \(.*out of luck\); findings were classified on the main thread$/);
      expect(classified.candidates).toEqual(expected.candidates);
      expect(classified.candidates.some((candidate) => candidate.exposure === 'client' && candidate.chain?.length)).toBe(true);
    } finally {
      await thread?.close();
    }
  });
});
