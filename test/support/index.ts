// Helpers shared by the end-to-end tests: temp dirs, real git repositories, the built CLI,
// and the check that no output holds a full key.
import { execFileSync, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCANNER_CLI = join(REPO_ROOT, 'packages/scanner/dist/cli.js');

/** A temp dir removed after the test file finishes. */
export function tempDir(prefix = 'engium-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes files (relative path → content) under `root`, creating folders. */
export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

/** The fixed identity and isolation every test's git runs with. */
export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Ada Lovelace',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada Lovelace',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: tmpdir(),
};

/** Runs git in `cwd` with a fixed identity and returns its trimmed stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: { ...process.env, ...GIT_ENV },
    encoding: 'utf8',
  }).trim();
}

/** A fresh git repository in a temp dir. */
export function gitRepo(prefix = 'engium-repo-'): string {
  const dir = tempDir(prefix);
  git(dir, 'init', '-q');
  return dir;
}

/** Writes files, stages everything and commits; returns the new commit's SHA. */
export function commitFiles(repo: string, files: Record<string, string | Buffer>, message = 'change'): string {
  writeFiles(repo, files);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '--no-verify', '-m', message);
  return git(repo, 'rev-parse', 'HEAD');
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `engium-scan` CLI as users do. */
export function runScanner(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [SCANNER_CLI, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Fails when any of `keys` appears whole in `output`. */
export function expectNoFullKey(output: string, keys: readonly string[]): void {
  for (const key of keys) expect(output.includes(key), `output holds a full key ending …${key.slice(-4)}`).toBe(false);
}

export { fakeKey } from './fake-key.mjs';

/**
 * Collects a spawned child's output until it exits. Decoding goes through `setEncoding`, so a
 * multi-byte character split across two pipe chunks is not read as U+FFFD.
 */
export async function collectOutput(child: ChildProcessWithoutNullStreams): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const status = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  return { status, stdout, stderr };
}
