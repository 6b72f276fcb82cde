// Every reader and option has a bound, and hitting one is a warning or a clear refusal, never a
// crash or a machine's worth of memory: `-j 512`, a 300 MB source file under the module graph, a
// 300 MB source map, 200,000 exclude globs, a config or .gitignore of megabytes, ignore files of
// 100,000 rules. Big files are sparse (ftruncate), so they cost no disk and no time to make.
// Each case has a time limit and a watch on the resident memory of the CLI.
import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { expectNoFullKey, fakeKey, tempDir, writeFiles } from '../support/index.js';
import { expectValidReport } from '../scanner/support.js';
import { located, runLimited, type LimitedRun } from './support.js';

const THREADED = fakeKey('live', 940);
const HUGE_SOURCE = fakeKey('live', 941);
const HUGE_MAP = fakeKey('live', 942);
const UNIGNORED = fakeKey('live', 943);
const KEYS = [THREADED, HUGE_SOURCE, HUGE_MAP, UNIGNORED];

const MB = 1024 * 1024;
const PEAK_MB = 500;

/** A file of `size` bytes that starts with `head` and is a hole after it: no disk, no time. */
function sparseFile(path: string, head: string, size: number): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
}

function reportOf(run: LimitedRun): ScanReport {
  expect(run.timedOut, 'the scan hung').toBe(false);
  expectNoFullKey(run.stdout + run.stderr, KEYS);
  const report = JSON.parse(run.stdout) as ScanReport;
  expectValidReport(report);
  return report;
}

describe('the thread count', () => {
  it('`-j 512` is cut to the cores with a warning, in bounded memory', async () => {
    const dir = tempDir('engium-adv-threads-');
    const files: Record<string, string> = { 'src/key.ts': `export const k = "${THREADED}";\n` };
    for (let index = 0; index < 200; index++) files[`src/m${index}.ts`] = `export const v${index} = ${index};\n`;
    writeFiles(dir, files);
    const run = await runLimited([dir, '--no-graph', '-j', '512', '--format', 'json'], { timeoutMs: 120_000 });
    const report = reportOf(run);
    expect(run.peakMb).toBeLessThan(PEAK_MB);
    expect(located(report)).toEqual([`src/key.ts:1:19 ${redact(THREADED)}`]);
    expect(report.stats.warnings).toContainEqual({ file: '.', message: expect.stringMatching(/^--threads 512 is more than the \d+ cores of this machine: \d+ threads? used$/) });
  }, 130_000);
});

describe('a 300 MB source file under the module graph', () => {
  it('is left to the text rules: the key is found, the graph says why it did not parse the file, and memory stays bounded', async () => {
    const dir = tempDir('engium-adv-huge-module-');
    // A client entry imports it, so the graph's walk reaches it and must decide whether to parse it.
    writeFiles(dir, {
      'package.json': '{"name":"app"}\n',
      'engium.config.json': JSON.stringify({ clientEntries: ['src/main.ts'] }),
      'src/main.ts': "import './huge.js';\n",
    });
    sparseFile(join(dir, 'src/huge.js'), `export const k = "${HUGE_SOURCE}";\n${' '.repeat(16 * 1024)}\n`, 300 * MB);
    const run = await runLimited([dir, '--format', 'json'], { timeoutMs: 180_000 });
    const report = reportOf(run);
    expect(run.peakMb).toBeLessThan(PEAK_MB);
    expect(located(report)).toEqual([`src/huge.js:1:19 ${redact(HUGE_SOURCE)}`]);
    expect(report.stats.warnings).toContainEqual({ file: 'src/huge.js', message: 'program analysis: not read: larger than 8 MB (300 MB)' });
    // Unparsed, it is still reached: what imports it decides where it ships.
    expect(report.findings[0]?.exposure).toBe('client');
  }, 190_000);
});

describe('a 300 MB source map', () => {
  it('is not read: a warning says so and the finding stays in the bundle', async () => {
    const dir = tempDir('engium-adv-huge-map-');
    writeFiles(dir, { 'dist/app.js': `var k="${HUGE_MAP}";\n//# sourceMappingURL=app.js.map\n` });
    sparseFile(join(dir, 'dist/app.js.map'), '{"version":3,', 300 * MB);
    // The map is still scanned as a file, in regions: only the map reader refuses it.
    const run = await runLimited([dir, '--no-graph', '--format', 'json'], { timeoutMs: 120_000 });
    const report = reportOf(run);
    expect(run.peakMb).toBeLessThan(PEAK_MB);
    expect(located(report)).toEqual([`dist/app.js:1:8 ${redact(HUGE_MAP)}`]);
    expect(report.stats.warnings).toContainEqual({ file: 'dist/app.js', message: expect.stringMatching(/^source map app\.js\.map could not be used \(larger than 256 MB \(300 MB\)\)/) });
  }, 130_000);
});

describe('config bounds', () => {
  it('200,000 exclude globs are refused as invalid config, at once, in bounded memory', async () => {
    const dir = tempDir('engium-adv-globs-');
    writeFiles(dir, { 'engium.config.json': JSON.stringify({ exclude: Array.from({ length: 200_000 }, () => '*') }), 'src/app.ts': 'export {};\n' });
    const run = await runLimited([dir, '--no-graph'], { timeoutMs: 60_000 });
    expect(run.timedOut).toBe(false);
    expect(run.peakMb).toBeLessThan(PEAK_MB);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/invalid config .*\n\s+\/exclude: must NOT have more than 1000 items/);
  }, 70_000);

  it('globs with wildcards enough to backtrack for minutes on one long name or deep path are refused as invalid config, at once', async () => {
    const dir = tempDir('engium-adv-glob-wildcards-');
    const config = {
      exclude: [`src/${'*a'.repeat(12)}b`, 'src/**/*.test.*', 'packages/*/dist/**/*.js'],
      clientEntries: ['a/**/b/**/c/**/d.ts'],
      allowlist: [{ fingerprint: '0123456789abcdef', reason: 'docs', paths: Array.from({ length: 11 }, (_, index) => `docs${index}/*a*b*c`) }],
    };
    writeFiles(dir, { 'engium.config.json': JSON.stringify(config), [`src/${'a'.repeat(200)}`]: 'text\n' });
    const run = await runLimited([dir, '--no-graph'], { timeoutMs: 10_000 });
    expect(run.timedOut).toBe(false);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n').slice(1)).toEqual([
      '  /exclude/0: a glob of 12 wildcards, 12 in one name and 0 `**` folders (a leading one not counted) is more than the matcher takes in bounded time (at most 4, 3 and 2)',
      '  /clientEntries/0: a glob of 3 wildcards, 0 in one name and 3 `**` folders (a leading one not counted) is more than the matcher takes in bounded time (at most 4, 3 and 2)',
      '  /allowlist/0/paths: 11 globs of 3 or 4 wildcards, more than the 10 a list may hold',
    ]);
  }, 20_000);

  it('a config over 1 MB is refused before it is parsed', async () => {
    const dir = tempDir('engium-adv-big-config-');
    writeFiles(dir, { 'engium.config.json': JSON.stringify({ exclude: ['x'.repeat(2 * MB)] }), 'src/app.ts': 'export {};\n' });
    const run = await runLimited([dir, '--no-graph'], { timeoutMs: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(/^engium-scan: cannot read config .*engium\.config\.json: larger than 1 MB \(2 MB\)$/);
  }, 70_000);

  it('a .gitignore over 1 MB is skipped with the reason: its rules are not applied, so more is scanned, never less', async () => {
    const dir = tempDir('engium-adv-big-ignore-');
    writeFiles(dir, { '.gitignore': `secret.ts\n${'# padding\n'.repeat(120_000)}`, 'secret.ts': `export const k = "${UNIGNORED}";\n` });
    const run = await runLimited([dir, '--no-graph', '--format', 'json'], { timeoutMs: 60_000 });
    const report = reportOf(run);
    expect(report.stats.skipped).toContainEqual({ file: '.gitignore', reason: expect.stringMatching(/^\.gitignore not applied: larger than 1 MB/) });
    expect(located(report)).toEqual([`secret.ts:1:19 ${redact(UNIGNORED)}`]);
  }, 70_000);

  it('ignore files whose rules add up to more than 5,000 for a path are skipped with the reason, so each file costs a bounded number of tests', async () => {
    const dir = tempDir('engium-adv-many-ignore-rules-');
    // 100,000 rules in under a megabyte: tested against each of 300 files, that was 20 seconds.
    const manyRules = Array.from({ length: 100_000 }, (_, index) => `r${index}`).join('\n');
    const files: Record<string, string> = {
      '.gitignore': `secret.ts\n${manyRules}\n`,
      'secret.ts': `export const k = "${UNIGNORED}";\n`,
      // 4,000 rules at the root leave room for no more than 1,000 below it.
      'nested/.gitignore': `kept.ts\n${Array.from({ length: 3999 }, (_, index) => `a${index}`).join('\n')}\n`,
      'nested/deeper/.gitignore': `${Array.from({ length: 1001 }, (_, index) => `b${index}`).join('\n')}\nsecret.ts\n`,
      'nested/deeper/secret.ts': `export const k = "${UNIGNORED}";\n`,
      'nested/kept.ts': `export const k = "${UNIGNORED}";\n`,
    };
    for (let index = 0; index < 300; index++) files[`src/m${index}.ts`] = `export const v${index} = ${index};\n`;
    writeFiles(dir, files);
    const run = await runLimited([dir, '--no-graph', '--format', 'json'], { timeoutMs: 10_000 });
    const report = reportOf(run);
    expect(report.stats.skipped).toEqual([
      { file: '.gitignore', reason: '.gitignore not applied: 100001 rules are more than the 5000 the scan tests a file against' },
      { file: 'nested/deeper/.gitignore', reason: '.gitignore not applied: 1002 rules (with the 4000 of the ignore files above it) are more than the 5000 the scan tests a file against' },
    ]);
    // The skipped files' rules are not applied (more is scanned, never less); the nested one within the bound is.
    expect(located(report).sort()).toEqual([`nested/deeper/secret.ts:1:19 ${redact(UNIGNORED)}`, `secret.ts:1:19 ${redact(UNIGNORED)}`]);
  }, 20_000);

  it('a rule of many wildcards, which would backtrack for ever on a long name, is left out with the reason (a `!` one, its whole file)', async () => {
    const dir = tempDir('engium-adv-wildcard-rules-');
    writeFiles(dir, {
      // Each `*` is a `[^/]*` to the matcher: 10 of them against 200 letters never finished. The
      // file's other rules still apply: secret.ts stays ignored.
      '.gitignore': `/secret.ts\n${'*a'.repeat(10)}b\n/**/gen/**/*.*.*.ts\n`,
      [`src/${'a'.repeat(200)}`]: 'plain text\n',
      'secret.ts': `export const k = "${UNIGNORED}";\n`,
      'src/gen/x/keys.a.gen.ts': `export const k = "${UNIGNORED}";\n`,
      // Leaving out a `!` rule would ignore what it re-includes: the whole file is left out.
      'negated/.gitignore': `secret.ts\n!${'*a'.repeat(5)}b.ts\n`,
      'negated/secret.ts': `export const k = "${UNIGNORED}";\n`,
      // 101 rules of 3 wildcards count as 5,050: over the bound as well.
      'three/.gitignore': `${Array.from({ length: 101 }, (_, index) => `*a*a*a${index}`).join('\n')}\nsecret.ts\n`,
      'three/secret.ts': `export const k = "${UNIGNORED}";\n`,
      // A leading `**/` and one `*` are cheap, and applied.
      'cheap/.gitignore': '**/gen/*.ts\n',
      'cheap/x/gen/secret.ts': `export const k = "${UNIGNORED}";\n`,
    });
    const run = await runLimited([dir, '--no-graph', '--format', 'json'], { timeoutMs: 10_000 });
    const report = reportOf(run);
    expect(report.stats.skipped).toEqual([
      { file: '.gitignore', reason: `rule "${'*a'.repeat(10)}b" not applied: it has 10 \`*\` wildcards, more than the 4 the matcher takes in bounded time` },
      { file: '.gitignore', reason: 'rule "/**/gen/**/*.*.*.ts" not applied: it has 5 `*` wildcards, more than the 4 the matcher takes in bounded time' },
      { file: 'negated/.gitignore', reason: '.gitignore not applied: a `!` rule has 5 `*` wildcards, more than the 4 the matcher takes in bounded time' },
      { file: 'three/.gitignore', reason: '.gitignore not applied: 5051 rules (with the 1 of the ignore files above it) are more than the 5000 the scan tests a file against (a rule of 3 or more wildcards counts as 50)' },
    ]);
    expect(located(report).sort()).toEqual([`negated/secret.ts:1:19 ${redact(UNIGNORED)}`, `src/gen/x/keys.a.gen.ts:1:19 ${redact(UNIGNORED)}`, `three/secret.ts:1:19 ${redact(UNIGNORED)}`]);
  }, 20_000);

  it("applies a rule of 4 wildcards (GitHub's Node template has one) to real names, and leaves crafted long names to the other rules", async () => {
    const dir = tempDir('engium-adv-slow-rules-');
    const crafted = `report.${'1.'.repeat(100)}x`;
    writeFiles(dir, {
      '.gitignore': 'report.[0-9]*.[0-9]*.[0-9]*.[0-9]*.json\n*.log\n',
      'report.20240101.120000.123.0.json': `{"k": "${UNIGNORED}"}\n`,
      // Dozens of crafted names: each would cost the rule 0.2 s.
      ...Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`crafted/${index}/${crafted}`, 'plain\n'])),
      [`crafted/${'a'.repeat(80)}.log`]: `${UNIGNORED}\n`,
    });
    const run = await runLimited([dir, '--no-graph', '--format', 'json'], { timeoutMs: 10_000 });
    const report = reportOf(run);
    expect(report.stats.skipped).toEqual([]);
    // The template's file is ignored; a long name is still matched by the fast rules (*.log).
    expect(located(report)).toEqual([]);
    // The crafted files and the .gitignore are read; the template file and the .log are not.
    expect(report.stats.filesScanned).toBe(41);
  }, 20_000);
});
