// Built output: real esbuild bundles with linked, inline and hidden source maps, mapped back to
// the original file; `.map` files with sourcesContent; broken maps; build folders kept even when
// gitignored; client and server build folders.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '@engium/core';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { fakeKey, gitRepo, writeFiles } from '../support/index.js';
import { scanJson } from './support.js';

const linked = fakeKey('live', 21);
const inline = fakeKey('live', 22);
const hidden = fakeKey('test', 23);
const broken = fakeKey('live', 24);
const server = fakeKey('live', 25);
const cached = fakeKey('live', 26);
const keys = [linked, inline, hidden, broken, server, cached];

function source(key: string): string {
  return `import { helper } from './helper';\n\nexport function call(): string {\n  // the key sits on line 5\n  return helper("${key}");\n}\n`;
}

/** 1-based line and column of `needle` in a file. */
function position(path: string, needle: string): { line: number; column: number } {
  const text = readFileSync(path, 'utf8');
  const before = text.slice(0, text.indexOf(needle));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
}

describe('built output', () => {
  const dir = gitRepo();
  let report: ScanReport;

  beforeAll(async () => {
    writeFiles(dir, {
      '.gitignore': 'dist/\nbuild/\nout/\n.next/\n',
      'src/helper.ts': 'export const helper = (value: string): string => value.trim();\n',
      'src/linked.ts': source(linked),
      'src/inline.ts': source(inline),
      'src/hidden.ts': source(hidden),
      'src/broken.ts': source(broken),
      'src/server.ts': source(server),
      '.next/cache/old.js': `var k="${cached}";\n`,
    });
    const common = { absWorkingDir: dir, bundle: true, minify: true, format: 'esm' as const, logLevel: 'silent' as const };
    await build({ ...common, entryPoints: ['src/linked.ts'], outfile: join(dir, 'dist/app.js'), sourcemap: true });
    await build({ ...common, entryPoints: ['src/inline.ts'], outfile: join(dir, 'build/inline.js'), sourcemap: 'inline' });
    await build({ ...common, entryPoints: ['src/hidden.ts'], outfile: join(dir, '.next/static/chunks/hidden.js'), sourcemap: 'external', sourcesContent: false });
    await build({ ...common, entryPoints: ['src/broken.ts'], outfile: join(dir, 'out/broken.js'), sourcemap: true });
    writeFileSync(join(dir, 'out/broken.js.map'), '{"version":3,"mappings":');
    await build({ ...common, entryPoints: ['src/server.ts'], outfile: join(dir, '.next/server/app.js'), sourcemap: true, sourcesContent: false, platform: 'node' });
    // The sources are not what this test is about: remove them so only build output holds keys.
    for (const name of ['linked', 'inline', 'hidden', 'broken', 'server']) writeFileSync(join(dir, `src/${name}.ts`), source('redacted').replace('"redacted"', 'process.env.KEY ?? ""'));
    report = scanJson(dir, keys, ['--no-graph']).report;
  });

  const find = (key: string, file: string) => report.findings.find((finding) => finding.secret.redacted === redact(key) && finding.file === file);

  it('maps a bundle with a sourceMappingURL comment back to its source', () => {
    const finding = find(linked, 'dist/app.js');
    expect(finding).toMatchObject({ ruleId: 'engium/bundle-key', severity: 'high', exposure: 'unknown', ...position(join(dir, 'dist/app.js'), linked) });
    expect(finding?.origin).toEqual({ file: 'src/linked.ts', line: 5, column: 17, inRepository: true });
  });

  it('finds the key in the map’s sourcesContent and points at the original line', () => {
    const finding = find(linked, 'dist/app.js.map');
    expect(finding?.origin).toEqual({ file: 'src/linked.ts', line: 5, column: 18, inRepository: true });
  });

  it('maps through an inline data: map', () => {
    const finding = find(inline, 'build/inline.js');
    expect(finding?.origin).toEqual({ file: 'src/inline.ts', line: 5, column: 17, inRepository: true });
  });

  it('maps through a hidden map (a .map beside the file, no comment) and knows .next/static ships', () => {
    const finding = find(hidden, '.next/static/chunks/hidden.js');
    expect(finding).toMatchObject({ severity: 'medium', exposure: 'client' });
    expect(finding?.origin).toEqual({ file: 'src/hidden.ts', line: 5, column: 17, inRepository: true });
    expect(finding?.chain?.[0]).toContain('.next/static/chunks/hidden.js');
  });

  it('keeps the finding in the bundle and warns when the map is broken', () => {
    const finding = find(broken, 'out/broken.js');
    expect(finding).toBeDefined();
    expect(finding?.origin).toBeUndefined();
    expect(report.stats.warnings?.some((warning) => warning.file === 'out/broken.js' && /could not be used/.test(warning.message))).toBe(true);
  });

  it('treats .next/server as server output and skips ignored build caches', () => {
    expect(find(server, '.next/server/app.js')).toMatchObject({ exposure: 'server', severity: 'high' });
    expect(report.findings.some((finding) => finding.file.startsWith('.next/cache'))).toBe(false);
  });

  it('reports each bundle key exactly once per file', () => {
    expect(report.findings.map((finding) => `${finding.file} ${finding.secret.redacted}`)).toEqual([
      `.next/server/app.js ${redact(server)}`,
      `.next/static/chunks/hidden.js ${redact(hidden)}`,
      `build/inline.js ${redact(inline)}`,
      `dist/app.js ${redact(linked)}`,
      `dist/app.js.map ${redact(linked)}`,
      `out/broken.js ${redact(broken)}`,
    ]);
  });
});

describe('built output in a folder no build rule names', () => {
  const browser = fakeKey('live', 27);
  const node = fakeKey('live', 28);
  const plain = fakeKey('live', 29);
  const dir = gitRepo();
  let report: ScanReport;

  beforeAll(async () => {
    // A site whose bundles live where the server serves them (`static/js/`), a Node build in `lib/`,
    // both written with their maps, and a hand-written script with no map.
    writeFiles(dir, {
      'src/widget.ts': source(browser),
      'src/helper.ts': 'export const helper = (value: string): string => value.trim();\n',
      'server/job.ts': `import { readFileSync } from 'node:fs';\nexport const run = () => readFileSync('/tmp/x') && "${node}";\n`,
      'scripts/legacy.js': `window.ENGIUM = "${plain}";\n`,
    });
    await build({ entryPoints: [join(dir, 'src/widget.ts')], bundle: true, minify: true, sourcemap: true, platform: 'browser', outfile: join(dir, 'static/js/widget.min.js'), logLevel: 'silent' });
    await build({ entryPoints: [join(dir, 'server/job.ts')], bundle: true, sourcemap: true, platform: 'node', format: 'cjs', outfile: join(dir, 'lib/job.js'), logLevel: 'silent' });
    report = scanJson(dir, [browser, node, plain]).report;
  });

  const find = (key: string, file: string) => report.findings.find((finding) => finding.secret.redacted === redact(key) && finding.file === file);

  it('takes code with its source map beside it for a bundle: mapped back, and client when it is a browser IIFE', () => {
    const bundle = find(browser, 'static/js/widget.min.js');
    expect(bundle).toMatchObject({ ruleId: 'engium/bundle-key', exposure: 'client', severity: 'critical' });
    expect(bundle?.origin).toEqual({ file: 'src/widget.ts', line: 5, column: 17, inRepository: true });
    expect(find(browser, 'static/js/widget.min.js.map')?.origin?.file).toBe('src/widget.ts');
    // The source it maps back to ships with it.
    expect(find(browser, 'src/widget.ts')).toMatchObject({ exposure: 'client' });
  });

  it('maps a Node bundle back too, without calling it client', () => {
    const bundle = find(node, 'lib/job.js');
    expect(bundle).toMatchObject({ ruleId: 'engium/bundle-key' });
    expect(bundle?.exposure).not.toBe('client');
    expect(bundle?.origin?.file).toBe('server/job.ts');
  });

  it('leaves a script with no map beside it a source file', () => {
    expect(find(plain, 'scripts/legacy.js')).toMatchObject({ ruleId: 'engium/source-key' });
  });
});
