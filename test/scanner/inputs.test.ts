// Bad and unusual input: gitignore rules at every level, node_modules and .git, binary, huge and
// non-UTF-8 files, unreadable files, symlink loops and links out of the tree. The scan goes on,
// says what it skipped and why, and the exit code tells the truth.
import { chmodSync, mkdirSync, openSync, symlinkSync, writeSync, closeSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { SCANNER_CLI, expectNoFullKey, fakeKey, gitRepo, tempDir, writeFiles } from '../support/index.js';
import { readableScannerCli } from '../support/readable-cli.js';
import { expectValidReport, scanJson } from './support.js';

const visible = fakeKey('live', 31);
const ignoredKey = fakeKey('live', 32);
const nested = fakeKey('live', 33);
const reincluded = fakeKey('live', 34);
const dependency = fakeKey('live', 35);
const gitInternal = fakeKey('live', 36);
const inBinary = fakeKey('live', 37);
const latin1 = fakeKey('live', 38);
const hugeStart = fakeKey('live', 39);
const hugeEnd = fakeKey('test', 40);
const outside = fakeKey('live', 41);
const unreadable = fakeKey('live', 42);
const keys = [visible, ignoredKey, nested, reincluded, dependency, gitInternal, inBinary, latin1, hugeStart, hugeEnd, outside, unreadable];

const files = (report: ScanReport) => report.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.secret.redacted}`);

describe('gitignore and skipped folders', () => {
  const dir = gitRepo();
  writeFiles(dir, {
    '.gitignore': 'logs/\n*.secret\n!keep.secret\n',
    'src/app.ts': `export const k = "${visible}";\n`,
    'logs/today.log': `key=${ignoredKey}\n`,
    'notes.secret': `key=${ignoredKey}\n`,
    'keep.secret': `key=${reincluded}\n`,
    'packages/web/.gitignore': 'generated/\n',
    'packages/web/generated/keys.ts': `export const k = "${ignoredKey}";\n`,
    'packages/web/src/index.ts': `export const k = "${nested}";\n`,
    'node_modules/some-sdk/index.js': `module.exports = "${dependency}";\n`,
    'packages/web/node_modules/x/index.js': `module.exports = "${dependency}";\n`,
  });
  writeFiles(join(dir, '.git'), { 'notes.txt': `key=${gitInternal}\n` });

  it('applies .gitignore at every level and never reads node_modules or .git', () => {
    const { report } = scanJson(dir, keys, ['--no-graph']);
    expect(files(report)).toEqual([
      `keep.secret:1:5 ${redact(reincluded)}`,
      `packages/web/src/index.ts:1:19 ${redact(nested)}`,
      `src/app.ts:1:19 ${redact(visible)}`,
    ]);
  });
});

describe('binary, non-UTF-8 and huge files', () => {
  const dir = tempDir();
  const binary = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]), Buffer.from(inBinary)]);
  writeFiles(dir, {
    'logo.png': binary,
    'legacy.txt': Buffer.concat([Buffer.from('caf\xe9 ', 'latin1'), Buffer.from(`${latin1}\n`)]),
  });
  // 40 MB of minified-looking text on a few long lines, with a key near each end.
  const huge = join(dir, 'dist/vendor.js');
  mkdirSync(join(dir, 'dist'));
  const fd = openSync(huge, 'w');
  writeSync(fd, `var a="${hugeStart}";`);
  const block = Buffer.from('function f(a,b){return a+b}var x=[1,2,3].map(function(v){return v*2});'.repeat(14_000));
  for (let i = 0; i < 40; i++) writeSync(fd, i % 10 === 9 ? Buffer.concat([block, Buffer.from('\n')]) : block);
  writeSync(fd, `var z="${hugeEnd}";\n`);
  closeSync(fd);

  const { report, status } = scanJson(dir, keys, ['--no-graph']);

  it('skips binary files with a reason and decodes non-UTF-8 text around the key', () => {
    expect(report.stats.skipped).toContainEqual({ file: 'logo.png', reason: 'binary file' });
    expect(files(report)).toContain(`legacy.txt:1:6 ${redact(latin1)}`);
  });

  it('reads huge files in regions with a warning, with exact lines and columns', () => {
    expect(files(report)).toContain(`dist/vendor.js:1:8 ${redact(hugeStart)}`);
    const endLine = 1 + 4; // a newline after every tenth block
    const endColumn = 'var z="'.length + 1;
    expect(files(report)).toContain(`dist/vendor.js:${endLine}:${endColumn} ${redact(hugeEnd)}`);
    expect(report.stats.warnings?.some((warning) => warning.file === 'dist/vendor.js' && /read in .* regions/.test(warning.message))).toBe(true);
    expect(status).toBe(1);
  });
});

describe('files around the size of the read buffer', () => {
  // Files are read into a 4 MiB buffer without asking their size; one that fills it is read again
  // at its full size. The key sits in each file's last bytes, on either side of that edge.
  const BUFFER = 4 * 1024 * 1024;
  const dir = tempDir();
  const sizes = { 'under.txt': BUFFER - 1, 'exact.txt': BUFFER, 'over.txt': BUFFER + 1 };
  const ending = `=${visible}\n`;
  writeFiles(dir, Object.fromEntries(Object.entries(sizes).map(([name, size]) => [name, `${'#'.repeat(size - ending.length)}${ending}`])));

  it('finds the key at the end of each, at its exact column', () => {
    const { report } = scanJson(dir, keys, ['--no-graph']);
    expect(files(report)).toEqual(Object.entries(sizes).sort(([a], [b]) => a.localeCompare(b)).map(([name, size]) => `${name}:1:${size - ending.length + 2} ${redact(visible)}`));
    expect(report.stats.bytesScanned).toBe(Object.values(sizes).reduce((sum, size) => sum + size, 0));
  });
});

describe('symlinks and unreadable files', () => {
  const dir = tempDir();
  const elsewhere = tempDir();
  writeFiles(elsewhere, { 'secrets.env': `ENGIUM_API_KEY=${outside}\n` });
  writeFiles(dir, { 'src/app.ts': `export const k = "${visible}";\n`, 'private/key.txt': `${unreadable}\n` });
  symlinkSync('..', join(dir, 'src/loop'));
  symlinkSync(elsewhere, join(dir, 'outside'));
  symlinkSync(join(dir, 'src/app.ts'), join(dir, 'alias.ts'));
  symlinkSync(join(dir, 'missing.ts'), join(dir, 'dangling.ts'));

  it('never follows links out of the tree or around a loop, and says so', () => {
    const { report } = scanJson(dir, keys, ['--no-graph']);
    expect(files(report)).toEqual([`private/key.txt:1:1 ${redact(unreadable)}`, `src/app.ts:1:19 ${redact(visible)}`]);
    expect(report.stats.skipped).toEqual(
      expect.arrayContaining([
        { file: 'src/loop', reason: expect.stringMatching(/symlink loop/) },
        { file: 'outside', reason: expect.stringMatching(/outside the scanned directory/) },
        { file: 'dangling.ts', reason: expect.stringMatching(/broken symlink/) },
      ]),
    );
  });

  it('reports an unreadable file with its reason and scans the rest', () => {
    chmodSync(join(dir, 'private/key.txt'), 0o000);
    // Permissions do not bind root: run the CLI as an unprivileged user when the tests run as root.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      chmodSync(dir, 0o755);
      for (const sub of ['src', 'private']) chmodSync(join(dir, sub), 0o755);
    }
    const command = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    const result = spawnSync(command[0] ?? '', [...command.slice(1), asRoot ? readableScannerCli() : SCANNER_CLI, dir, '--format', 'json', '--no-graph'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expectNoFullKey(result.stdout + result.stderr, keys);
    const report = JSON.parse(result.stdout) as ScanReport;
    expectValidReport(report);
    expect(report.stats.skipped).toContainEqual({ file: 'private/key.txt', reason: 'unreadable (EACCES)' });
    expect(files(report)).toEqual([`src/app.ts:1:19 ${redact(visible)}`]);
    expect(result.status).toBe(1);
    chmodSync(join(dir, 'private/key.txt'), 0o644);
  });
});
