// `engium-scan init` and the husky pre-commit hook it installs, in real repositories: a commit
// carrying a key is refused with a redacted message and exit code 1, a clean one goes through.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitFiles, expectNoFullKey, fakeKey, git, gitRepo, runScanner, writeFiles } from '../support/index.js';
import { gitRun, installDevDependencies } from './helpers.js';

const LIVE = fakeKey('live', 601);

function userRepo(): string {
  const repo = gitRepo('engium-hook-');
  writeFiles(repo, { 'package.json': '{\n  "name": "app",\n  "private": true\n}\n', 'README.md': 'app\n' });
  installDevDependencies(repo);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '--no-verify', '-m', 'start');
  return repo;
}

describe('engium-scan init', () => {
  it('adds husky, a prepare script and a pre-commit hook, says so, and changes nothing the second time', () => {
    const repo = userRepo();
    const first = runScanner(['init'], { cwd: repo });
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('package.json: added husky@^9');
    expect(first.stdout).toContain('.husky/pre-commit: created');
    expect(first.stdout).toContain('core.hooksPath = .husky/_');
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(pkg.devDependencies.husky).toMatch(/^\^9/);
    expect(pkg.devDependencies['@engium/scanner']).toBeDefined();
    expect(pkg.scripts.prepare).toBe('husky');
    expect(git(repo, 'config', 'core.hooksPath')).toBe('.husky/_');
    const hook = readFileSync(join(repo, '.husky/pre-commit'), 'utf8');
    expect(hook).toContain('engium-scan staged');

    const again = runScanner(['init'], { cwd: repo });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('nothing changed');
    expect(readFileSync(join(repo, '.husky/pre-commit'), 'utf8')).toBe(hook);
  });

  it("keeps an existing husky hook's lines and a plain git hook's lines", () => {
    const repo = userRepo();
    writeFiles(repo, { '.husky/pre-commit': 'npm run lint\n' });
    runScanner(['init'], { cwd: repo });
    const hook = readFileSync(join(repo, '.husky/pre-commit'), 'utf8');
    expect(hook.startsWith('npm run lint\n')).toBe(true);
    expect(hook).toContain('engium-scan staged');

    const plain = userRepo();
    writeFileSync(join(plain, '.git/hooks/pre-commit'), '#!/bin/sh\necho "legacy check"\n', { mode: 0o755 });
    const result = runScanner(['init'], { cwd: plain });
    expect(result.stdout).toContain('existing .git/hooks/pre-commit');
    expect(readFileSync(join(plain, '.husky/pre-commit'), 'utf8')).toMatch(/^echo "legacy check"\n[\s\S]*engium-scan staged/);
  });

  it('without a package.json, points core.hooksPath at .husky so git runs the hook itself', () => {
    const repo = gitRepo('engium-hook-');
    const result = runScanner(['init'], { cwd: repo });
    expect(result.status).toBe(0);
    expect(git(repo, 'config', 'core.hooksPath')).toBe('.husky');
    expect(readFileSync(join(repo, '.husky/pre-commit'), 'utf8')).toMatch(/^#!\/bin\/sh\n/);
    expect(existsSync(join(repo, 'package.json'))).toBe(false);
  });

  it('outside a git repository: a clear error and exit code 2', () => {
    const result = runScanner(['init', '/']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/not a git repository/);
  });
});

describe('the installed husky hook', () => {
  it('refuses a commit carrying a key (exit 1, redacted message), lets a clean commit through', () => {
    const repo = userRepo();
    expect(runScanner(['init'], { cwd: repo }).status).toBe(0);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '--no-verify', '-m', 'hook');

    writeFiles(repo, { 'src/client.ts': `export const key = '${LIVE}';\n` });
    git(repo, 'add', 'src/client.ts');
    const refused = gitRun(repo, 'commit', '-m', 'add a key');
    expect(refused.status).toBe(1);
    expect(refused.output).toContain('engium/staged-key');
    expect(refused.output).toContain(`eng_live_…${LIVE.slice(-4)}`);
    expect(refused.output).toContain('git commit --no-verify');
    expectNoFullKey(refused.output, [LIVE]);
    expect(git(repo, 'log', '--format=%s', '-1')).toBe('hook');

    // The fix the message asks for: unstage, keep the key in a gitignored env file.
    git(repo, 'rm', '-q', '--cached', 'src/client.ts');
    writeFiles(repo, {
      'src/client.ts': 'export const key = process.env.ENGIUM_API_KEY;\n',
      '.env.local': `ENGIUM_API_KEY=${LIVE}\n`,
      '.gitignore': 'node_modules/\n.env.local\n',
    });
    git(repo, 'add', 'src/client.ts', '.gitignore');
    const accepted = gitRun(repo, 'commit', '-m', 'read the key from the environment');
    expect(accepted.status, accepted.output).toBe(0);
    expect(git(repo, 'log', '--format=%s', '-1')).toBe('read the key from the environment');
    expectNoFullKey(accepted.output, [LIVE]);
  });

  it('checks what `git commit -a` records (git hands the hook a temporary index)', () => {
    const repo = userRepo();
    runScanner(['init'], { cwd: repo });
    commitFiles(repo, { 'config.ts': 'export const url = "https://api.engium.app/api/v1";\n' }, 'config');
    writeFiles(repo, { 'config.ts': `export const key = "${LIVE}";\n` });
    const refused = gitRun(repo, 'commit', '-a', '-m', 'sneak it in');
    expect(refused.status).toBe(1);
    expect(refused.output).toContain('config.ts');
    expectNoFullKey(refused.output, [LIVE]);
  });
});
