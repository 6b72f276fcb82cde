// Files that are not files, where every reader expects one: FIFOs (which block whoever opens them),
// sockets, `/dev/zero` and `/dev/urandom` (which never end), symlink loops, and links out of the
// repository, as scanned files, source maps, ignore files (root and nested), `.env`, the config and
// the baseline. Each case runs the CLI with a time limit, a heap cap and a watch on its resident
// memory: a hang or an unbounded read fails the case instead of stalling the suite.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { redact } from '@engium/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { REPO_ROOT, expectNoFullKey, fakeKey, tempDir, writeFiles } from '../support/index.js';
import { expectValidReport } from '../scanner/support.js';
import { located, runLimited } from './support.js';

const VISIBLE = fakeKey('live', 930);
const BUNDLED = fakeKey('live', 931);
const HIDDEN = fakeKey('live', 932);
const LOOPED = fakeKey('live', 933);
const ZERO = fakeKey('live', 934);
const RANDOM = fakeKey('live', 935);
const OUTSIDE = fakeKey('live', 936);
const MAPPED = fakeKey('live', 937);
const KEYS = [VISIBLE, BUNDLED, HIDDEN, LOOPED, ZERO, RANDOM, OUTSIDE, MAPPED];

/** Limits for a scan of a few files: seconds and tens of megabytes, whatever the files claim to be. */
const TIME_LIMIT_MS = 60_000;
const PEAK_MB = 400;

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

function reasonsByFile(report: ScanReport): Map<string, string[]> {
  const reasons = new Map<string, string[]>();
  for (const { file, reason } of report.stats.skipped) reasons.set(file, [...(reasons.get(file) ?? []), reason]);
  return reasons;
}

function warningsOf(report: ScanReport, file: string): string[] {
  return (report.stats.warnings ?? []).filter((warning) => warning.file === file).map((warning) => warning.message);
}

/** A one-segment map: generated line 1, column 0 comes from line 1, column 0 of `source`. */
function mapOf(source: string): string {
  return JSON.stringify({ version: 3, sources: [source], names: [], mappings: 'AAAA' });
}

describe('FIFOs, sockets, devices and loops where scanned files, maps, ignore files and .env are expected', () => {
  const dir = tempDir('engium-adv-special-');
  let socket: Server;
  let report: ScanReport;
  let peakMb = 0;
  beforeAll(async () => {
    writeFiles(dir, {
      'src/app.ts': `export const k = "${VISIBLE}";\n`,
      'lib/util.ts': 'export const x = 1;\n',
      'dist/app.js': `var k="${BUNDLED}";\n//# sourceMappingURL=app.js.map\n`,
      'dist/hidden.js': `var k="${HIDDEN}";\n`,
      'dist/loop.js': `var k="${LOOPED}";\n//# sourceMappingURL=loop.js.map\n`,
      'dist/zero.js': `var k="${ZERO}";\n//# sourceMappingURL=zero.js.map\n`,
      'dist/random.js': `var k="${RANDOM}";\n//# sourceMappingURL=random.js.map\n`,
    });
    mkfifo(join(dir, 'src/pipe.js'));
    mkfifo(join(dir, '.gitignore'));
    mkfifo(join(dir, 'lib/.gitignore'));
    mkfifo(join(dir, 'dist/app.js.map'));
    mkfifo(join(dir, 'dist/hidden.js.map'));
    mkfifo(join(dir, '.env.local'));
    symlinkSync('loop.js.map', join(dir, 'dist/loop.js.map'));
    symlinkSync('/dev/zero', join(dir, 'dist/zero.js.map'));
    symlinkSync('/dev/urandom', join(dir, 'dist/random.js.map'));
    mkdirSync(join(dir, 'nested'));
    symlinkSync('/dev/zero', join(dir, 'nested/.gitignore'));
    symlinkSync('/dev/urandom', join(dir, '.env'));
    socket = createServer();
    await new Promise<void>((resolve) => socket.listen(join(dir, 'src/dev.sock'), resolve));
    const run = await runLimited([dir, '--no-graph', '--format', 'json'], { timeoutMs: TIME_LIMIT_MS });
    expect(run.timedOut, 'the scan hung').toBe(false);
    expectNoFullKey(run.stdout + run.stderr, KEYS);
    report = JSON.parse(run.stdout) as ScanReport;
    expectValidReport(report);
    peakMb = run.peakMb;
    expect(run.status).toBe(1);
  }, TIME_LIMIT_MS + 10_000);
  afterAll(() => new Promise<void>((resolve) => socket.close(() => resolve())));

  it('finishes in time and in bounded memory, with every key in a regular file found', () => {
    expect(peakMb).toBeGreaterThan(0);
    expect(peakMb).toBeLessThan(PEAK_MB);
    expect(located(report)).toEqual([
      `dist/app.js:1:8 ${redact(BUNDLED)}`,
      `dist/hidden.js:1:8 ${redact(HIDDEN)}`,
      `dist/loop.js:1:8 ${redact(LOOPED)}`,
      `dist/random.js:1:8 ${redact(RANDOM)}`,
      `dist/zero.js:1:8 ${redact(ZERO)}`,
      `src/app.ts:1:19 ${redact(VISIBLE)}`,
    ]);
  });

  it('lists each FIFO and socket the walk meets as skipped, with what it is', () => {
    const reasons = reasonsByFile(report);
    expect(reasons.get('src/pipe.js')).toEqual(['not a regular file (a FIFO)']);
    expect(reasons.get('src/dev.sock')).toEqual(['not a regular file (a socket)']);
    expect(reasons.get('.env.local')).toEqual(['not a regular file (a FIFO)']);
    expect(reasons.get('dist/app.js.map')).toEqual(['not a regular file (a FIFO)']);
    expect(reasons.get('.env')).toEqual([expect.stringMatching(/outside the scanned directory/)]);
  });

  it('applies no rules from an ignore file that is a FIFO or a link to /dev/zero, root or nested, and says so', () => {
    const reasons = reasonsByFile(report);
    expect(reasons.get('.gitignore')).toEqual(['.gitignore not applied: not a regular file (a FIFO)']);
    expect(reasons.get('lib/.gitignore')).toEqual(['.gitignore not applied: not a regular file (a FIFO)']);
    expect(reasons.get('nested/.gitignore')).toContain('.gitignore not applied: symlink (not followed)');
  });

  it('uses no source map that is a FIFO, a device or a loop: each is a warning and the finding stays in the bundle', () => {
    expect(warningsOf(report, 'dist/app.js')).toEqual([expect.stringMatching(/^source map app\.js\.map could not be used \(not a regular file \(a FIFO\)\)/)]);
    expect(warningsOf(report, 'dist/hidden.js')).toEqual([expect.stringMatching(/^source map beside the file could not be used \(not a regular file \(a FIFO\)\)/)]);
    expect(warningsOf(report, 'dist/loop.js')).toEqual([expect.stringMatching(/^source map loop\.js\.map could not be used \(symlink \(not followed\)|ELOOP/)]);
    expect(warningsOf(report, 'dist/zero.js')).toEqual([expect.stringMatching(/could not be used \(not a regular file \(a character device\)\)/)]);
    expect(warningsOf(report, 'dist/random.js')).toEqual([expect.stringMatching(/could not be used \(not a regular file \(a character device\)\)/)]);
    for (const finding of report.findings) expect(finding.origin).toBeUndefined();
  });
});

describe('a config or baseline that is not a regular file', () => {
  const cases: [string, (path: string) => void, RegExp][] = [
    ['a FIFO', mkfifo, /not a regular file \(a FIFO\)/],
    ['a link to /dev/zero', (path) => symlinkSync('/dev/zero', path), /outside the scanned directory|not a regular file \(a character device\)/],
    ['a link to /dev/urandom', (path) => symlinkSync('/dev/urandom', path), /outside the scanned directory|not a regular file \(a character device\)/],
  ];

  it.each(cases)('engium.config.json as %s is refused at once with one line, exit 2', async (_name, make, reason) => {
    const dir = tempDir('engium-adv-config-');
    writeFiles(dir, { 'src/app.ts': `export const k = "${VISIBLE}";\n` });
    make(join(dir, 'engium.config.json'));
    const run = await runLimited([dir, '--no-graph'], { timeoutMs: 30_000 });
    expect(run.timedOut, 'the scan hung').toBe(false);
    expect(run.peakMb).toBeLessThan(PEAK_MB);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^engium-scan: cannot read config .*engium\.config\.json: /)]);
    expect(run.stderr).toMatch(reason);
  }, 40_000);

  it.each(cases)('a --baseline file that is %s is refused at once with one line, exit 2', async (_name, make) => {
    const dir = tempDir('engium-adv-baseline-');
    writeFiles(dir, { 'src/app.ts': `export const k = "${VISIBLE}";\n` });
    make(join(dir, 'baseline.json'));
    const run = await runLimited([dir, '--no-graph', '--baseline', join(dir, 'baseline.json')], { timeoutMs: 30_000 });
    expect(run.timedOut, 'the scan hung').toBe(false);
    expect(run.peakMb).toBeLessThan(PEAK_MB);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^engium-scan: cannot read baseline .*baseline\.json: not a regular file \(a (FIFO|character device)\)$/)]);
  }, 40_000);
});

describe('source maps outside the scanned directory', () => {
  const dir = tempDir('engium-adv-maps-out-');
  const outside = tempDir('engium-adv-maps-elsewhere-');
  const OUTSIDE_TEXT = 'root:x:0:0:outside-bytes-never-quoted';
  let report: ScanReport;
  beforeAll(async () => {
    writeFiles(outside, {
      passwd: `${OUTSIDE_TEXT}\n`,
      'valid.js.map': mapOf('outside-origin.ts'),
      'maps/c.js.map': mapOf('outside-through-folder.ts'),
    });
    writeFiles(dir, {
      'dist/a.js': `var k="${OUTSIDE}";\n//# sourceMappingURL=a.js.map\n`,
      'dist/b.js': `var k="${OUTSIDE}";\n//# sourceMappingURL=b.js.map\n`,
      'dist/c.js': `var k="${OUTSIDE}";\n//# sourceMappingURL=maps/c.js.map\n`,
      'dist/d.js': `var k="${MAPPED}";\n//# sourceMappingURL=inner/d.js.map\n`,
      // Sources resolve from where the map is named (dist/inner), as a browser resolves them.
      'maps/d.js.map': mapOf('../../src/d.ts'),
      'src/d.ts': 'export const k = process.env.KEY;\n',
    });
    symlinkSync(join(outside, 'passwd'), join(dir, 'dist/a.js.map'));
    symlinkSync(join(outside, 'valid.js.map'), join(dir, 'dist/b.js.map'));
    symlinkSync(join(outside, 'maps'), join(dir, 'dist/maps'));
    // A link to a folder inside the root: its maps are the repository's own, and are used.
    symlinkSync('../maps', join(dir, 'dist/inner'));
    const run = await runLimited([dir, '--no-graph', '--format', 'json'], { timeoutMs: TIME_LIMIT_MS });
    expect(run.timedOut).toBe(false);
    expectNoFullKey(run.stdout + run.stderr, KEYS);
    expect(run.stdout + run.stderr).not.toContain('outside-bytes-never-quoted');
    report = JSON.parse(run.stdout) as ScanReport;
    expectValidReport(report);
  }, TIME_LIMIT_MS + 10_000);

  it('never reads a map a link leads out of the root to, nor quotes its bytes', () => {
    expect(warningsOf(report, 'dist/a.js')).toEqual([expect.stringMatching(/^source map a\.js\.map could not be used \(outside the scanned directory\)/)]);
  });

  it('never takes an origin from a valid map outside the root, linked directly or through a linked folder', () => {
    expect(warningsOf(report, 'dist/b.js')).toEqual([expect.stringMatching(/outside the scanned directory/)]);
    expect(warningsOf(report, 'dist/c.js')).toEqual([expect.stringMatching(/outside the scanned directory/)]);
    expect(JSON.stringify(report)).not.toMatch(/outside-origin|outside-through-folder/);
  });

  it('still maps through a linked folder that stays inside the root', () => {
    const mapped = report.findings.find((finding) => finding.file === 'dist/d.js');
    expect(mapped?.origin).toEqual({ file: 'src/d.ts', line: 1, column: 1, inRepository: true });
  });
});

describe('a file swapped for a FIFO, a device or a link between discovery and reading', () => {
  const dir = tempDir('engium-adv-swap-');
  const outside = tempDir('engium-adv-swap-outside-');

  it('skips each with its reason, at once, and reads the rest', () => {
    writeFiles(outside, { 'secret.ts': `export const k = "${OUTSIDE}";\n` });
    writeFiles(dir, {
      'src/fifo.ts': 'export const a = 1;\n',
      'src/zero.ts': 'export const b = 1;\n',
      'src/link.ts': 'export const c = 1;\n',
      'src/kept.ts': `export const k = "${VISIBLE}";\n`,
    });
    const dist = (module: string): string => pathToFileURL(join(REPO_ROOT, 'packages/scanner/dist', module)).href;
    // Discover, swap, then analyse: in a child process, since a blocking open would hang the test runner itself.
    const script = `
      import { rmSync, symlinkSync } from 'node:fs';
      import { execFileSync } from 'node:child_process';
      import { join } from 'node:path';
      const { discoverFiles } = await import(${JSON.stringify(dist('discover/index.js'))});
      const { analyseFile } = await import(${JSON.stringify(dist('analyse/index.js'))});
      const [dir, outside] = process.argv.slice(1);
      const { files } = discoverFiles(dir);
      const swap = (name, make) => { rmSync(join(dir, 'src', name)); make(join(dir, 'src', name)); };
      swap('fifo.ts', (path) => execFileSync('mkfifo', [path]));
      swap('zero.ts', (path) => symlinkSync('/dev/zero', path));
      swap('link.ts', (path) => symlinkSync(join(outside, 'secret.ts'), path));
      const results = files.map((file) => analyseFile(file, { root: dir }));
      console.log(JSON.stringify(results.map(({ file, skipped, hits }) => ({ file: file.path, skipped: skipped?.reason, hits: hits.map((hit) => hit.secret.redacted) }))));
    `;
    const result = spawnSync(process.execPath, ['--input-type=module', '--max-old-space-size=128', '-e', script, dir, outside], { encoding: 'utf8', timeout: 30_000 });
    expect(result.signal, `the read hung or crashed: ${result.stderr}`).toBeNull();
    expectNoFullKey(result.stdout + result.stderr, KEYS);
    expect(JSON.parse(result.stdout)).toEqual([
      { file: 'src/fifo.ts', skipped: 'not a regular file (a FIFO)', hits: [] },
      { file: 'src/kept.ts', hits: [redact(VISIBLE)] },
      { file: 'src/link.ts', skipped: 'symlink (not followed)', hits: [] },
      { file: 'src/zero.ts', skipped: 'symlink (not followed)', hits: [] },
    ]);
  }, 40_000);
});

describe('a socket or FIFO passed where a report is merged', () => {
  it('is listed as unreadable with its reason, at once', async () => {
    const dir = tempDir('engium-adv-merge-fifo-');
    mkfifo(join(dir, 'pipe.json'));
    writeFileSync(join(dir, 'ok.json'), JSON.stringify({ version: 1, findings: [], stats: { filesScanned: 0, bytesScanned: 0, durationMs: 0, skipped: [], suppressed: 0, baselined: 0, warnings: [] } }));
    const run = await runLimited(['merge', join(dir, 'pipe.json'), join(dir, 'ok.json')], { timeoutMs: 30_000 });
    expect(run.timedOut, 'merge hung on the FIFO').toBe(false);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/pipe\.json: cannot read the report: not a regular file \(a FIFO\)/);
  }, 40_000);
});
