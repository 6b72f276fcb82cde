// The module graph's own inputs from a hostile repository: tsconfig files whose `include` reaches
// out of the tree (or through a link to `/`), and package.json or app.json nested deeper than any
// walker's stack. Each must cost the graph that one file, with a warning naming it, never the
// scan, and never a walk of the machine's whole file system.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { expectNoFullKey, fakeKey, tempDir, writeFiles } from '../support/index.js';
import { expectValidReport } from '../scanner/support.js';
import { runLimited, type LimitedRun } from './support.js';

const IN_SOURCE = fakeKey('live', 970);
const IN_BUNDLE = fakeKey('live', 971);
const KEYS = [IN_SOURCE, IN_BUNDLE];

function reportOf(run: LimitedRun): ScanReport {
  expect(run.timedOut, 'the scan hung').toBe(false);
  expectNoFullKey(run.stdout + run.stderr, KEYS);
  expect(run.stderr).not.toMatch(/RangeError|Maximum call stack/);
  const report = JSON.parse(run.stdout) as ScanReport;
  expectValidReport(report);
  return report;
}

/** A Vite app whose page imports the module that holds the key. */
function viteApp(dir: string, extra: Record<string, string> = {}): void {
  writeFiles(dir, {
    'index.html': '<script type="module" src="/src/main.ts"></script>\n',
    'package.json': JSON.stringify({ name: 'app', dependencies: { vite: '5' } }),
    'src/main.ts': "import { k } from './key';\nconsole.log(k);\n",
    'src/key.ts': `export const k = '${IN_SOURCE}';\n`,
    ...extra,
  });
}

/** `{"a":{"a":…"leaf"…}}`, `depth` objects deep. */
function nested(depth: number, leaf: string, key = 'a'): string {
  return `${`{"${key}":`.repeat(depth)}${JSON.stringify(leaf)}${'}'.repeat(depth)}`;
}

const exposures = (report: ScanReport) => report.findings.map((finding) => `${finding.file} ${finding.secret.redacted} ${finding.exposure}`);

describe('tsconfig files that would list the whole machine', () => {
  it('competing configs beside a link to `/` and configs that include `/**/*` or `../**/*`: the graph lists only the tree', async () => {
    const dir = tempDir('engium-adv-tsconfig-walk-');
    // Vite's own layout: configs that compete for src/, so the graph asks which includes a module.
    viteApp(dir, {
      'tsconfig.json': JSON.stringify({ files: [], references: [{ path: './tsconfig.app.json' }, { path: './tsconfig.node.json' }] }),
      'tsconfig.app.json': JSON.stringify({ include: ['/**/*', '../**/*'] }),
      'tsconfig.node.json': JSON.stringify({ include: ['vite.config.ts'] }),
    });
    symlinkSync('/', join(dir, 'root-link'));
    const report = reportOf(await runLimited([dir, '--format', 'json'], { timeoutMs: 60_000 }));
    expect(exposures(report)).toEqual([`src/key.ts ${redact(IN_SOURCE)} client`]);
  }, 70_000);
});

describe('JSON nested deeper than a stack', () => {
  it('a package.json with a 200,000-deep `exports` is not read, with a warning; the scan and the rest of the graph go on', async () => {
    const dir = tempDir('engium-adv-deep-package-');
    viteApp(dir, { 'dist/app.js': `var k="${IN_BUNDLE}";\n` });
    writeFiles(dir, { 'package.json': `{"name":"app","dependencies":{"vite":"5"},"exports":${nested(200_000, './x.js')}}` });
    for (const args of [[], ['--no-graph']]) {
      const report = reportOf(await runLimited([dir, '--format', 'json', ...args], { timeoutMs: 60_000 }));
      expect(report.findings.map((finding) => `${finding.file} ${finding.secret.redacted}`).sort()).toEqual([`dist/app.js ${redact(IN_BUNDLE)}`, `src/key.ts ${redact(IN_SOURCE)}`]);
      expect(report.stats.warnings).toContainEqual({ file: 'package.json', message: expect.stringMatching(/package\.json not read: nested deeper than \d+ levels/) });
    }
  }, 130_000);

  it("a dependency's package.json and the tsconfig nested 200,000 deep cost their own import and options, not the graph", async () => {
    const dir = tempDir('engium-adv-deep-dependency-');
    viteApp(dir, {
      'src/main.ts': "import evil from 'evil';\nimport { k } from './key';\nconsole.log(k, evil);\n",
      'node_modules/evil/package.json': `{"name":"evil","exports":${nested(200_000, './x.js', 'import')}}`,
      'tsconfig.json': `{"compilerOptions":${nested(200_000, 'x')}}`,
    });
    const report = reportOf(await runLimited([dir, '--format', 'json'], { timeoutMs: 60_000 }));
    expect(exposures(report)).toEqual([`src/key.ts ${redact(IN_SOURCE)} client`]);
    expect(report.stats.warnings).toContainEqual({ file: 'src/main.ts', message: expect.stringMatching(/cannot resolve "evil": .*nested too deep/) });
    expect(report.stats.warnings).toContainEqual({ file: 'tsconfig.json', message: expect.stringMatching(/tsconfig not parsed/) });
  }, 70_000);

  it('an Expo app.json nested 200,000 deep costs the graph that file only: the key still ships through the page', async () => {
    const dir = tempDir('engium-adv-deep-app-json-');
    viteApp(dir, {
      'package.json': JSON.stringify({ name: 'app', dependencies: { vite: '5', expo: '52' } }),
      'app.json': `{"expo":{"extra":${nested(200_000, 'x')}}}`,
    });
    const report = reportOf(await runLimited([dir, '--format', 'json'], { timeoutMs: 60_000 }));
    expect(exposures(report)).toEqual([`src/key.ts ${redact(IN_SOURCE)} client`]);
    expect(report.stats.warnings).toContainEqual({ file: 'app.json', message: expect.stringMatching(/config not read: .*nest/) });
  }, 70_000);
});

describe('a workspace package whose exports map names 100,000 files', () => {
  it('costs a bounded number of resolutions, however many modules import it, with a warning naming the package.json', async () => {
    const dir = tempDir('engium-adv-huge-exports-');
    const exportsMap = Object.fromEntries(Array.from({ length: 100_000 }, (_, index) => [`./p${index}`, `./missing${index}.js`]));
    const importers: Record<string, string> = {};
    for (let index = 0; index < 20; index++) importers[`src/m${index}.ts`] = `import ui from 'ui';\nexport const m${index} = ui;\n`;
    viteApp(dir, {
      ...importers,
      'packages/ui/package.json': JSON.stringify({ name: 'ui', exports: exportsMap }),
      'src/main.ts': `import { k } from './key';\n${Object.keys(importers).map((file) => `import './${file.slice(4, -3)}';`).join('\n')}\nconsole.log(k);\n`,
    });
    const report = reportOf(await runLimited([dir, '--format', 'json'], { timeoutMs: 30_000 }));
    expect(exposures(report)).toEqual([`src/key.ts ${redact(IN_SOURCE)} client`]);
    expect(report.stats.warnings).toContainEqual({ file: 'packages/ui/package.json', message: 'program analysis: names 100000 Node entry points; only the first 2000 are followed' });
  }, 40_000);
});

describe('a chain of 5,000 barrels that each read the key and pass it on', () => {
  it('is followed to the page in bounded memory: no copy of the path per module', async () => {
    const dir = tempDir('engium-adv-barrel-chain-');
    const modules: Record<string, string> = {};
    const length = 5000;
    for (let index = 0; index < length; index++) {
      const next = index + 1 < length ? `./r${index + 1}` : './key';
      modules[`src/r${index}.ts`] = `import { k } from '${next}';\nexport { k };\nexport * from './r0';\nconsole.log(k);\n`;
    }
    viteApp(dir, { ...modules, 'src/main.ts': "import { k } from './r0';\nconsole.log(k);\n" });
    const run = await runLimited([dir, '--format', 'json'], { timeoutMs: 60_000 });
    const report = reportOf(run);
    expect(exposures(report)).toEqual([`src/key.ts ${redact(IN_SOURCE)} client`]);
    expect(report.findings[0]?.chain?.slice(0, 3)).toEqual(['src/main.ts (Vite entry in index.html)', 'src/r0.ts', 'src/r1.ts']);
    expect(report.findings[0]?.chain).toHaveLength(length + 2);
    expect(run.peakMb).toBeLessThan(400);
  }, 70_000);
});
