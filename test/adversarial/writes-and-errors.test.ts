// Writes into a repository someone else wrote, and the errors a user meets: `baseline` and `-o`
// never follow a committed symlink out of the repository, a file outside the working directory is
// replaced only with a notice, write failures are one line with the path and the reason (exit 2,
// no stack), a reader that closes the pipe early does not turn the exit code into a finding, a BOM
// in the config is fine, a glob that would match everything is refused, `init` refuses a
// package.json it cannot edit, and `baseline` refuses options it would ignore.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { SCANNER_CLI, expectNoFullKey, fakeKey, gitRepo, runScanner as runUnbounded, tempDir, writeFiles, type CliResult } from '../support/index.js';
import { HEAP_MB, located } from './support.js';

const KEY = fakeKey('live', 950);
const MANY = Array.from({ length: 40 }, (_, index) => fakeKey('live', 960 + index));
const KEYS = [KEY, ...MANY];

/** The CLI with its heap capped; each case's time is capped by the suite's test timeout. */
function runScanner(args: string[], options: { cwd?: string } = {}): CliResult {
  return runUnbounded(args, { ...options, env: { NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` } });
}

/** A repository with one key in it. */
function repoWithKey(prefix: string): string {
  const dir = tempDir(prefix);
  writeFiles(dir, { 'src/app.ts': `export const k = "${KEY}";\n` });
  return dir;
}

/** The CLI's stderr is one line: the error, with no stack trace. */
function expectOneLineError(stderr: string, pattern: RegExp): void {
  expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(pattern)]);
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe('writes never follow a committed symlink', () => {
  it('`baseline` refuses a .engium-baseline.json that links out of the repository, and leaves the target alone', () => {
    const dir = repoWithKey('engium-adv-write-baseline-');
    const victim = join(tempDir('engium-adv-victim-'), 'bashrc');
    writeFileSync(victim, 'export PATH=/usr/bin\n');
    symlinkSync(victim, join(dir, '.engium-baseline.json'));
    const result = runScanner(['baseline', dir, '--no-graph']);
    expect(result.status).toBe(2);
    expectOneLineError(result.stderr, /^engium-scan: cannot write .*\.engium-baseline\.json: it is a symbolic link \(not followed\)/);
    expect(readFileSync(victim, 'utf8')).toBe('export PATH=/usr/bin\n');
  });

  it.each([['scan'], ['merge']])('`%s -o` refuses a report path that is a symlink, and leaves the target alone', (command) => {
    const dir = repoWithKey('engium-adv-write-output-');
    const victim = join(tempDir('engium-adv-victim-'), 'authorized_keys');
    writeFileSync(victim, 'ssh-ed25519 AAAA\n');
    symlinkSync(victim, join(dir, 'report.json'));
    const reportFile = join(tempDir('engium-adv-merge-in-'), 'r.json');
    runScanner([dir, '--no-graph', '--format', 'json', '-o', reportFile]);
    const args = command === 'scan' ? [dir, '--no-graph', '--format', 'json', '-o', join(dir, 'report.json')] : ['merge', reportFile, '-o', join(dir, 'report.json')];
    const result = runScanner(args);
    expect(result.status).toBe(2);
    expectOneLineError(result.stderr, /^engium-scan: cannot write .*report\.json: it is a symbolic link \(not followed\)/);
    expect(readFileSync(victim, 'utf8')).toBe('ssh-ed25519 AAAA\n');
  });

  it('replaces a file outside the working directory only with a notice, whole, and leaves no temp file', () => {
    const dir = repoWithKey('engium-adv-write-outside-');
    const elsewhere = tempDir('engium-adv-elsewhere-');
    writeFileSync(join(elsewhere, 'report.json'), 'old\n');
    const cwd = tempDir('engium-adv-cwd-');
    const result = runScanner([dir, '--no-graph', '--format', 'json', '-o', join(elsewhere, 'report.json')], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^engium-scan: replaced .*report\.json, which is outside the working directory$/m);
    const report = JSON.parse(readFileSync(join(elsewhere, 'report.json'), 'utf8')) as ScanReport;
    expect(located(report)).toEqual([`src/app.ts:1:19 ${redact(KEY)}`]);
    expect(readdirSync(elsewhere)).toEqual(['report.json']);
  });

  it('writes to /dev/null, a stream with no file to replace, as asked', () => {
    const result = runScanner([repoWithKey('engium-adv-devnull-'), '--no-graph', '-o', '/dev/null']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
  });
});

describe('write failures are one line with the path and the reason, exit 2', () => {
  const dir = repoWithKey('engium-adv-write-fail-');
  const folder = tempDir('engium-adv-a-folder-');
  it.each([
    ['a directory', folder, /cannot write .*: it is a directory$/],
    ['/dev/full', '/dev/full', /cannot write \/dev\/full: ENOSPC \(no space left on device\)$/],
    ['a missing folder', join(folder, 'missing/report.json'), /cannot write .*missing\/report\.json: the folder .*missing does not exist \(ENOENT\)$/],
  ])('-o to %s', (_name, output, pattern) => {
    for (const command of [[dir], ['baseline', dir]]) {
      const result = runScanner([...command, '--no-graph', '-o', output]);
      expect(result.status).toBe(2);
      expectOneLineError(result.stderr, pattern);
      expectNoFullKey(result.stderr, KEYS);
    }
  });
});

describe('a reader that closes the pipe early', () => {
  const dir = tempDir('engium-adv-epipe-');
  writeFiles(dir, Object.fromEntries(MANY.flatMap((key, index) => Array.from({ length: 25 }, (_, copy) => [`src/f${index}-${copy}.ts`, `export const k = "${key}";\n`]))));

  it.each([
    ['no threshold is met', ['--fail-on', 'none'], 0],
    ['findings fail the run', [], 1],
  ])('ends quietly with the exit code of the scan when %s (`| head -1`)', (_name, extra, status) => {
    const result = spawnSync('bash', ['-c', 'set -o pipefail; "$0" "$1" "$2" "$3" --no-graph "${@:4}" | head -1 >/dev/null', process.execPath, `--max-old-space-size=${HEAP_MB}`, SCANNER_CLI, dir, ...extra], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(status);
  });
});

describe('config errors', () => {
  it('accepts a byte-order mark before the JSON', () => {
    const dir = repoWithKey('engium-adv-bom-');
    writeFileSync(join(dir, 'engium.config.json'), `\uFEFF${JSON.stringify({ exclude: ['src/**'] })}`);
    const result = runScanner([dir, '--no-graph', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as ScanReport).findings).toEqual([]);
    expect(result.status).toBe(0);
  });

  it.each([
    ['exclude', ['!']],
    ['exclude', ['']],
    ['exclude', ['!!']],
    ['include', ['! ']],
    ['buildDirs', ['!']],
  ])('refuses %s %j: a glob that is empty or only "!" would match every file', (field, globs) => {
    const dir = repoWithKey('engium-adv-negation-');
    writeFileSync(join(dir, 'engium.config.json'), JSON.stringify({ [field]: globs }));
    const result = runScanner([dir, '--no-graph']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`invalid config .*\\n\\s+/${field}/0: (a glob that is empty or only "!" would match every file|must NOT have fewer than 1 characters)`));
  });

  it('never quotes the bytes of a file that is not JSON, a config or a baseline, which may be anything a path leads to', () => {
    const elsewhere = tempDir('engium-adv-not-json-');
    writeFileSync(join(elsewhere, 'shadow'), `root:$6$never-quoted-hash:19000:0:99999:7:::\n${KEY}\n`);
    const dir = repoWithKey('engium-adv-quote-');
    for (const args of [['-c', join(elsewhere, 'shadow')], ['--baseline', join(elsewhere, 'shadow')]]) {
      const result = runScanner([dir, '--no-graph', ...args]);
      expect(result.status).toBe(2);
      expectOneLineError(result.stderr, /(config|baseline) .*shadow.*invalid JSON/);
      expect(result.stderr).not.toMatch(/root|never-quoted/);
      expectNoFullKey(result.stderr, KEYS);
    }
  });

  it('`pack` quotes no bytes of a package.json npm cannot parse: npm shows the text near the error, a key cut short', () => {
    const dir = tempDir('engium-adv-pack-json-');
    writeFileSync(join(dir, 'package.json'), `{"name":"x","version":"1.0.0"\n// ${KEY}\n}\n`);
    const result = runScanner(['pack', dir]);
    expect(result.status).toBe(2);
    expectOneLineError(result.stderr, /^engium-scan: npm pack --dry-run failed in .*EJSONPARSE.*at position 30 \(the text near it is not shown\)/);
    // No redaction knows a key by its first characters: none may be quoted.
    expect(result.stderr).not.toContain(KEY.slice(0, 12));
  });
});

describe('init and baseline refuse what they cannot honour', () => {
  it.each([['[]'], ['null'], ['"a string"'], ['{"scripts": "husky"}']])('init refuses package.json %s and changes nothing', (text) => {
    const repo = gitRepo('engium-adv-init-');
    writeFileSync(join(repo, 'package.json'), text);
    const result = runScanner(['init', repo]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/package\.json.* is not a JSON object.*; fix it and run init again/);
    expect(result.stdout).not.toMatch(/set up|added|appended/);
    expect(readFileSync(join(repo, 'package.json'), 'utf8')).toBe(text);
  });

  it.each([[['--format', 'sarif']], [['--fail-on', 'low']], [['--baseline', 'old.json']], [['-f', 'text']]])('baseline refuses %j instead of ignoring it', (option) => {
    const dir = repoWithKey('engium-adv-baseline-opts-');
    const result = runScanner(['baseline', dir, '--no-graph', ...option]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown option/);
    expect(readdirSync(dir)).toEqual(['src']);
  });
});
