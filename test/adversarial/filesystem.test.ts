// The file system as an attacker shapes it: symlink loops and links out of the repository (never
// followed), unreadable files and directories (run as an unprivileged user when the tests run as
// root, since root ignores modes), files deleted while the scan runs, a tree 300 directories deep,
// and 100,000 tiny files.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '@engium/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { SCANNER_CLI, collectOutput, expectNoFullKey, fakeKey, tempDir, writeFiles } from '../support/index.js';
import { expectValidReport } from '../scanner/support.js';
import { AS_ROOT, NOBODY, located, scanBounded } from './support.js';

const VISIBLE = fakeKey('live', 870);
const OUTSIDE = fakeKey('live', 871);
const LOCKED_FILE = fakeKey('live', 872);
const LOCKED_DIR = fakeKey('live', 873);
const DEEP = fakeKey('live', 874);
const TINY = fakeKey('live', 875);
const SURVIVOR = fakeKey('live', 876);
const DOOMED = fakeKey('live', 877);
const KEYS = [VISIBLE, OUTSIDE, LOCKED_FILE, LOCKED_DIR, DEEP, TINY, SURVIVOR, DOOMED];

describe('links, permissions and depth', () => {
  const dir = tempDir('engium-adv-fs-');
  const elsewhere = tempDir('engium-adv-fs-outside-');
  let deepPath = '';
  let report: ScanReport;
  let status: number;
  beforeAll(() => {
    writeFiles(elsewhere, { 'secrets.env': `ENGIUM_API_KEY=${OUTSIDE}\n`, 'nested/key.ts': `export const k = "${OUTSIDE}";\n` });
    writeFiles(dir, { 'src/app.ts': `export const k = "${VISIBLE}";\n`, 'locked/key.txt': `${LOCKED_DIR}\n`, 'private.txt': `${LOCKED_FILE}\n` });
    symlinkSync('.', join(dir, 'src/self'));
    symlinkSync('../src', join(dir, 'src/up'));
    mkdirSync(join(dir, 'a/b'), { recursive: true });
    symlinkSync('../../a', join(dir, 'a/b/loop'));
    symlinkSync(elsewhere, join(dir, 'outside-dir'));
    symlinkSync(join(elsewhere, 'secrets.env'), join(dir, '.env'));
    symlinkSync('/etc/passwd', join(dir, 'passwd'));
    symlinkSync('/proc/self/fd/0', join(dir, 'stdin'));
    // 300 levels: deeper than many recursive walkers' stacks allow for long names.
    deepPath = Array.from({ length: 300 }, (_, i) => `d${i}`).join('/');
    writeFiles(dir, { [`${deepPath}/key.ts`]: `export const k = "${DEEP}";\n` });
    chmodSync(join(dir, 'private.txt'), 0o000);
    chmodSync(join(dir, 'locked'), 0o000);
    if (AS_ROOT) for (const readable of [dir, elsewhere]) chmodSync(readable, 0o755);
    ({ report, status } = scanBounded([dir, '--no-graph'], KEYS, AS_ROOT ? { user: NOBODY } : {}));
    chmodSync(join(dir, 'locked'), 0o755);
    chmodSync(join(dir, 'private.txt'), 0o644);
  }, 120_000);

  it('never follows a link out of the repository or around a loop, and lists each with its reason', () => {
    expect(JSON.stringify(report)).not.toContain(redact(OUTSIDE));
    const reasons = new Map(report.stats.skipped.map((entry) => [entry.file, entry.reason]));
    expect(reasons.get('outside-dir')).toMatch(/outside the scanned directory/);
    expect(reasons.get('.env')).toMatch(/outside the scanned directory/);
    expect(reasons.get('passwd')).toMatch(/outside the scanned directory/);
    expect(reasons.get('src/self')).toMatch(/symlink loop/);
    expect(reasons.get('a/b/loop')).toMatch(/symlink loop/);
  });

  it('lists an unreadable file and an unreadable directory with the reason, and scans the rest', () => {
    const reasons = new Map(report.stats.skipped.map((entry) => [entry.file, entry.reason]));
    expect(reasons.get('private.txt')).toBe('unreadable (EACCES)');
    expect([...reasons].some(([file, reason]) => file.startsWith('locked') && /unreadable|EACCES|permission/i.test(reason))).toBe(true);
    expect(located(report)).toContain(`src/app.ts:1:19 ${redact(VISIBLE)}`);
  });

  it('walks a tree 300 directories deep', () => {
    expect(located(report)).toContain(`${deepPath}/key.ts:1:19 ${redact(DEEP)}`);
    expect(status).toBe(1);
  });
});

describe('100,000 tiny files', () => {
  const dir = tempDir('engium-adv-tiny-');
  beforeAll(() => {
    for (let d = 0; d < 100; d++) {
      const folder = join(dir, `pkg${d}`);
      mkdirSync(folder);
      for (let f = 0; f < 1000; f++) writeFileSync(join(folder, `m${f}.js`), d === 57 && f === 423 ? `k="${TINY}"\n` : `x=${f}\n`);
    }
  }, 300_000);

  it('scans them all in bounded memory and finds the one key', () => {
    const { report, status } = scanBounded([dir, '--no-graph'], KEYS);
    expect(report.stats.filesScanned).toBe(100_000);
    expect(located(report)).toEqual([`pkg57/m423.js:1:4 ${redact(TINY)}`]);
    expect(status).toBe(1);
  }, 300_000);
});

describe('files deleted while the scan runs', () => {
  const dir = tempDir('engium-adv-vanish-');
  beforeAll(() => {
    writeFiles(dir, { 'keep/key.ts': `export const k = "${SURVIVOR}";\n` });
    for (let d = 0; d < 20; d++) {
      mkdirSync(join(dir, `gone${d}`));
      for (let f = 0; f < 1000; f++) writeFileSync(join(dir, `gone${d}`, `f${f}.ts`), `export const k = "${DOOMED}";\n`);
    }
  }, 120_000);

  it('finishes with a valid report that still has the surviving key, whatever vanished when', async () => {
    const child = spawn(process.execPath, [SCANNER_CLI, dir, '--no-graph', '--format', 'json'], { env: { ...process.env, NO_COLOR: '1' } });
    const output = collectOutput(child);
    // Delete the folders one by one while the scanner lists and reads them.
    for (let d = 0; d < 20; d++) {
      await new Promise((resolve) => setTimeout(resolve, 15));
      rmSync(join(dir, `gone${d}`), { recursive: true, force: true });
    }
    const { status, stdout, stderr } = await output;
    expectNoFullKey(stdout + stderr, KEYS);
    const report = JSON.parse(stdout) as ScanReport;
    // Every finding is a whole key from one file: a read that raced a deletion must not mix bytes.
    expect(report.findings.filter((finding) => !/^eng_(live|test)_…[A-Za-z0-9]{4}$/.test(finding.secret.redacted))).toEqual([]);
    expectValidReport(report);
    expect(located(report)).toContain(`keep/key.ts:1:19 ${redact(SURVIVOR)}`);
    // A file that vanished after it was listed is skipped with the reason, never a crash.
    for (const entry of report.stats.skipped) expect(entry.reason).toMatch(/ENOENT|vanished|deleted|not found|unreadable/i);
    expect(status).toBe(1);
  }, 120_000);
});
