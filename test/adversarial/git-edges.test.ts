// git edge cases: an empty repository, one git refuses to read, a shallow clone, a range whose
// base is gone (force push), a commit with thousands of files, submodules and Git LFS pointers. Each ends with an exit code
// that tells the truth and a clear message, never an unexpected error.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '@engium/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commitFiles, fakeKey, git, gitRepo, runScanner, tempDir, writeFiles } from '../support/index.js';
import { startGitHubServer, type GitHubServer } from '../action/github-server.js';
import { runAction } from '../action/run-action.js';
import { located, scanBounded } from './support.js';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const OLD = fakeKey('live', 840);
const MANY = fakeKey('live', 841);
const SUBMODULE = fakeKey('live', 842);
const FORCED = fakeKey('live', 843);
const FORCED_IN = fakeKey('live', 972);
const KEYS = [OLD, MANY, SUBMODULE, FORCED, FORCED_IN];

describe('an empty repository', () => {
  const repo = gitRepo('engium-adv-empty-');
  it.each([[['history', '--all']], [['history']], [['staged']], [[]]])('engium-scan %j: no finding, exit 0, no unexpected error', (args) => {
    const [command = '', ...rest] = args;
    const result = command ? scanBounded([command, repo, ...rest], KEYS) : scanBounded([repo], KEYS);
    expect(result.report.findings).toEqual([]);
    expect(result.stderr).not.toMatch(/unexpected error/);
    expect(result.status).toBe(0);
  });
});

describe('a repository git refuses to read', () => {
  it('the audit says that what only git could tell is missing, instead of scanning as if no file were tracked', () => {
    const repo = gitRepo('engium-adv-refused-');
    // Tracked although ignored (`git add -f`): only git can say it is committed.
    commitFiles(repo, { '.gitignore': 'vendor/\n', 'src/app.ts': 'export {};\n' });
    writeFiles(repo, { 'vendor/forced.ts': `export const k = '${FORCED_IN}';\n` });
    git(repo, 'add', '-f', 'vendor/forced.ts');
    git(repo, 'commit', '-q', '--no-verify', '-m', 'vendor');
    expect(located(scanBounded([repo], KEYS).report)).toEqual([`vendor/forced.ts:1:19 ${redact(FORCED_IN)}`]);
    // A broken index; as root, a repository another user owns (not a safe.directory) is refused the same way.
    writeFileSync(join(repo, '.git/index'), 'not an index\n');
    const { report } = scanBounded([repo], KEYS);
    expect(report.findings).toEqual([]);
    expect(report.stats.warnings).toEqual([
      {
        file: '.',
        message: expect.stringMatching(/^git could not list the tracked files \(git ls-files .*index.*\): files git tracks although a \.gitignore rule matches them are not scanned/),
      },
    ]);
  });
});

describe('a bare repository', () => {
  it('the audit says it has no files to read and names the command that scans its commits; history finds the key', () => {
    const origin = gitRepo('engium-adv-bare-origin-');
    commitFiles(origin, { 'src/key.ts': `export const k = '${FORCED_IN}';\n` });
    const bare = join(tempDir('engium-adv-bare-'), 'repo.git');
    git(origin, 'clone', '-q', '--bare', origin, bare);
    const audit = scanBounded([bare], KEYS);
    expect(audit.report.findings).toEqual([]);
    expect(audit.report.stats.warnings).toEqual([{ file: '.', message: 'a bare repository has no work tree to audit: `engium-scan history --all` scans its commits' }]);
    expect(located(scanBounded(['history', bare, '--all'], KEYS).report)).toEqual([`src/key.ts:1:19 ${redact(FORCED_IN)}`]);
  });
});

describe('a shallow clone', () => {
  let clone: string;
  beforeAll(() => {
    const origin = gitRepo('engium-adv-origin-');
    commitFiles(origin, { 'src/old.ts': `export const k = '${OLD}';\n` }, 'add key');
    commitFiles(origin, { 'src/old.ts': 'export const k = process.env.ENGIUM_API_KEY;\n' }, 'remove key');
    commitFiles(origin, { 'src/b.ts': 'export const b = 1;\n' }, 'more');
    clone = join(tempDir('engium-adv-shallow-'), 'clone');
    git(origin, 'clone', '-q', '--depth', '1', `file://${origin}`, clone);
  });

  it('scans the history it has and warns that older commits are missing', () => {
    const { report, status } = scanBounded(['history', clone, '--all'], KEYS);
    expect(report.stats.warnings).toContainEqual({ file: '.', message: expect.stringMatching(/shallow clone: older commits are missing/) });
    expect(status).toBe(0);
  });

  it('names a range base the clone does not have, with exit 2', () => {
    const result = runScanner(['history', clone, '--range', 'HEAD~2..HEAD']);
    expect(result.stderr).toMatch(/--range: unknown revision "HEAD~2"/);
    expect(result.status).toBe(2);
  });
});

describe('a commit with thousands of files', () => {
  const repo = gitRepo('engium-adv-many-');
  beforeAll(() => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 5_000; i++) files[`gen/f${i}.ts`] = i === 4_321 ? `export const k = '${MANY}';\n` : `export const v${i} = ${i};\n`;
    commitFiles(repo, files, 'generated');
  });

  it('history finds the one key among 5,000 added files', () => {
    const { report, status } = scanBounded(['history', repo, '--all'], KEYS);
    expect(located(report)).toEqual([`gen/f4321.ts:1:19 ${redact(MANY)}`]);
    expect(status).toBe(1);
  });
});

describe('submodules and LFS pointers', () => {
  let repo: string;
  beforeAll(() => {
    const sub = gitRepo('engium-adv-sub-');
    commitFiles(sub, { 'lib/key.ts': `export const k = '${SUBMODULE}';\n` }, 'sub');
    repo = gitRepo('engium-adv-super-');
    commitFiles(repo, {
      // A Git LFS pointer: text that names a blob by its SHA-256, never the content.
      'assets/model.bin': 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n',
      '.gitattributes': 'assets/*.bin filter=lfs diff=lfs merge=lfs -text\n',
    }, 'lfs');
    git(repo, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', `file://${sub}`, 'vendor/sub');
    git(repo, 'commit', '-q', '--no-verify', '-m', 'add submodule');
  });

  it('scans the submodule checkout as files of the tree, and history records it as a gitlink without failing', () => {
    const tree = scanBounded([repo, '--no-graph'], KEYS);
    expect(located(tree.report)).toEqual([`vendor/sub/lib/key.ts:1:19 ${redact(SUBMODULE)}`]);
    const history = scanBounded(['history', repo, '--all'], KEYS);
    // The submodule's own commits live in its repository: the superproject's history has a gitlink.
    expect(history.report.findings).toEqual([]);
    expect(history.status).toBe(0);
  });

  it('reports nothing for an LFS pointer (no key, no error)', () => {
    const { report } = scanBounded([repo, '--no-graph'], KEYS);
    expect(report.findings.filter((finding) => finding.file.startsWith('assets/'))).toEqual([]);
    expect(report.stats.skipped.filter((entry) => entry.file.startsWith('assets/'))).toEqual([]);
  });
});

describe('a force-pushed range in the action', () => {
  let server: GitHubServer;
  beforeAll(async () => {
    server = await startGitHubServer();
  });
  afterAll(() => server.close());

  it('scans wider on a push whose "before" commit no longer exists and whose commits are all on the default branch: a warning, the leak, a failing step, no key', async () => {
    const repo = gitRepo('engium-adv-forced-');
    commitFiles(repo, { 'README.md': '# app\n' }, 'initial');
    const head = commitFiles(repo, { 'src/forced.ts': `export const k = '${FORCED}';\n` }, 'rewritten history');
    const run = await runAction({
      eventName: 'push',
      payload: { ref: 'refs/heads/feature', before: 'f'.repeat(40), after: head, forced: true, repository: { default_branch: 'main', full_name: 'acme/app' }, commits: [] },
      workspace: repo,
      apiUrl: server.url,
      inputs: { eslint: 'false', issues: 'false' },
    });
    // The range cannot be told, so the step must not pass as if it had been scanned: the tree at head is.
    const said = run.commands.filter((command) => command.command === 'warning').map((command) => command.message).join('\n');
    expect(said).toMatch(new RegExp(`cannot fetch commit f{12} .*Every commit of ${head.slice(0, 12)} is on main, so what the push changed cannot be told\\. Scanning the whole tree at ${head.slice(0, 12)}`, 's'));
    const errors = run.commands.filter((command) => command.command === 'error');
    expect(errors.some((command) => command.properties.file === 'src/forced.ts' && command.message.includes(redact(FORCED)))).toBe(true);
    // Only the runner's own mask command carries the key, which the runner consumes.
    const printed = run.stdout.split('\n').filter((line) => line !== `::add-mask::${FORCED}`);
    expect(printed.join('\n') + run.stderr).not.toContain(FORCED);
    expect(run.status).not.toBe(0);
  });
});
