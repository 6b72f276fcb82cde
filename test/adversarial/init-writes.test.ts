// `engium-scan init` in a repository someone else wrote. Its package.json and `.husky/pre-commit`
// are read as a scan reads files (never a FIFO or a device, never through a link out of the
// repository) and written only in place: a committed `.husky/pre-commit -> ~/.bashrc` must not get
// our line, a dangling one must not create an executable file wherever it points, a `.husky` folder
// that links out must not receive the hook. Each is refused with the path and the reason, exit 2,
// before any file is changed; and what init prints is escaped like every other output.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fakeKey, gitRepo, tempDir } from '../support/index.js';
import { expectSafeOutput, runLimited } from './support.js';

const KEY = fakeKey('live', 2310);
const PACKAGE = '{\n  "name": "app"\n}\n';

/** A repository with a package.json, and a folder outside it holding `bashrc`. */
function setting(): { repo: string; victim: string } {
  const repo = gitRepo('engium-adv-init-');
  writeFileSync(join(repo, 'package.json'), PACKAGE);
  const victim = tempDir('engium-adv-init-victim-');
  writeFileSync(join(victim, 'bashrc'), 'export PATH=/usr/bin\n');
  return { repo, victim };
}

/** Runs init with a time limit (a FIFO would hang a plain read) and checks its output is safe. */
async function init(repo: string) {
  const result = await runLimited(['init', repo], { timeoutMs: 60_000 });
  expect(result.timedOut, 'init hung').toBe(false);
  expectSafeOutput(result.stdout + result.stderr, [KEY], 'init');
  return result;
}

describe('init refuses what would write outside the repository, and changes nothing', () => {
  it.each([
    ['.husky/pre-commit links to a file outside', (repo: string, victim: string) => {
      mkdirSync(join(repo, '.husky'));
      symlinkSync(join(victim, 'bashrc'), join(repo, '.husky/pre-commit'));
    }, /\.husky\/pre-commit: symlink \(not followed\)/],
    ['.husky/pre-commit links to a file that is not there yet', (repo: string, victim: string) => {
      mkdirSync(join(repo, '.husky'));
      symlinkSync(join(victim, 'autostart.sh'), join(repo, '.husky/pre-commit'));
    }, /\.husky\/pre-commit: symlink \(not followed\)/],
    ['.husky links to a folder outside', (repo: string, victim: string) => symlinkSync(victim, join(repo, '.husky')), /\.husky\/pre-commit: its folder leads outside the repository/],
    ['package.json links to a file outside', (repo: string, victim: string) => {
      writeFileSync(join(victim, 'package.json'), PACKAGE);
      rmSync(join(repo, 'package.json'));
      symlinkSync(join(victim, 'package.json'), join(repo, 'package.json'));
    }, /package\.json: symlink \(not followed\)/],
  ])('%s', async (name, arrange, reason) => {
    const { repo, victim } = setting();
    arrange(repo, victim);
    const before = readdirSync(victim).map((name) => [name, readFileSync(join(victim, name), 'utf8')]);
    const result = await init(repo);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr).toMatch(/fix it and run init again\n$/);
    expect(result.stdout).toBe('');
    expect(readdirSync(victim).map((name) => [name, readFileSync(join(victim, name), 'utf8')])).toEqual(before);
    // Nothing in the repository changed either: every file is checked before any is written.
    if (!name.startsWith('package.json')) expect(readFileSync(join(repo, 'package.json'), 'utf8')).toBe(PACKAGE);
  });
});

describe('init reads no FIFO, device or huge file, and quotes none of its bytes', () => {
  it.each([
    ['a FIFO', (path: string) => execFileSync('mkfifo', [path]), /not a regular file \(a FIFO\)/],
    ['a link to /dev/zero', (path: string) => symlinkSync('/dev/zero', path), /symlink \(not followed\)/],
    ['5 MB of JSON', (path: string) => writeFileSync(path, `{"name":"${'x'.repeat(5 * 1024 * 1024)}"}`), /larger than 4 MB/],
    ['JSON that does not parse, with a key near the error', (path: string) => writeFileSync(path, `{"name":"app","k":${KEY}}`), /is not valid JSON \(invalid JSON\)/],
  ])('package.json is %s: exit 2 at once, with the reason', async (_name, make, reason) => {
    const repo = gitRepo('engium-adv-init-read-');
    make(join(repo, 'package.json'));
    const result = await init(repo);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr).not.toContain(KEY.slice(0, 10));
    expect(readdirSync(repo)).toEqual(['.git', 'package.json']);
  });

  it('prints a repository path with control characters escaped', async () => {
    const repo = join(mkdtempSync(join(tempDir('engium-adv-init-name-'), 'x')), 'app\u001b[31m\nnext: rm -rf');
    mkdirSync(repo);
    execFileSync('git', ['init', '-q', repo]);
    const result = await init(repo);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('app\\x1b[31m\\nnext: rm -rf');
    expect(readFileSync(join(repo, '.husky/pre-commit'), 'utf8')).toContain('engium-scan staged');
  });
});
