// Helpers for the git end-to-end tests: git runs that may fail (a refused commit), and a temp
// repository wired like a user's after `npm install`: husky and engium-scan in node_modules.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GIT_ENV, REPO_ROOT, SCANNER_CLI } from '../support/index.js';

export interface GitRun {
  status: number;
  stdout: string;
  stderr: string;
  output: string;
}

/** Runs git like support's `git`, but hands back the exit code and both streams instead of throwing. */
export function gitRun(cwd: string, ...args: string[]): GitRun {
  const env: NodeJS.ProcessEnv = { ...process.env, ...GIT_ENV, NO_COLOR: '1' };
  delete env.HUSKY; // a CI's HUSKY=0 would skip the very hook under test
  const result = spawnSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, env, encoding: 'utf8' });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, output: result.stdout + result.stderr };
}

/**
 * Puts this repository's husky and the built scanner into `repo/node_modules`, as `npm install`
 * would (no network): husky by symlink, `engium-scan` as a bin script running the built CLI.
 */
export function installDevDependencies(repo: string): void {
  const modules = join(repo, 'node_modules');
  mkdirSync(join(modules, '.bin'), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules', 'husky'), join(modules, 'husky'), 'dir');
  const bin = join(modules, '.bin', 'engium-scan');
  writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${SCANNER_CLI}" "$@"\n`);
  chmodSync(bin, 0o755);
  writeFileSync(join(repo, '.gitignore'), 'node_modules/\n');
}
