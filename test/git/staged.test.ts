// `engium-scan staged` on real repositories: it reads the index, never the working tree, in the
// first commit, renamed files, staged .env files, worktrees and submodules.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { commitFiles, expectNoFullKey, fakeKey, git, gitRepo, runScanner, tempDir, writeFiles } from '../support/index.js';

const LIVE = fakeKey('live', 801);
const OTHER = fakeKey('live', 802);
const TEST = fakeKey('test', 803);
const KEYS = [LIVE, OTHER, TEST];

function staged(cwd: string, ...args: string[]) {
  const result = runScanner(['staged', '--format', 'json', ...args], { cwd });
  expectNoFullKey(result.stdout + result.stderr, KEYS);
  return { ...result, report: result.stdout ? (JSON.parse(result.stdout) as ScanReport) : undefined };
}

const files = (report: ScanReport | undefined) => report?.findings.map((finding) => `${finding.file}:${finding.line}`) ?? [];

describe('engium-scan staged', () => {
  it('works in the first commit of a repository, with the advice in the message', () => {
    const repo = gitRepo();
    writeFiles(repo, { 'src/a.ts': `// client\nexport const key = "${LIVE}";\n` });
    git(repo, 'add', '-A');
    const { status, report } = staged(repo);
    expect(status).toBe(1);
    expect(report?.findings).toMatchObject([{ ruleId: 'engium/staged-key', severity: 'high', file: 'src/a.ts', line: 2, column: 21 }]);
    const message = report?.findings[0]?.message ?? '';
    expect(message).toMatch(/Unstage/);
    expect(message).toContain('.env.local');
    expect(message).toMatch(/rotate/i);
    expect(message).toContain('git commit --no-verify');
  });

  it('calls a key a staged CI workflow sets as a public variable client, as the directory audit does', () => {
    const repo = gitRepo();
    writeFiles(repo, { '.github/workflows/deploy.yml': `jobs:\n  build:\n    env:\n      VITE_ENGIUM_KEY: ${LIVE}\n      ENGIUM_API_KEY: ${OTHER}\n` });
    git(repo, 'add', '-A');
    const { report } = staged(repo);
    const [shipped, secret] = report?.findings ?? [];
    expect(shipped).toMatchObject({ file: '.github/workflows/deploy.yml', line: 4, exposure: 'client', severity: 'critical' });
    expect(shipped?.chain?.[0]).toContain('.github/workflows/deploy.yml:4 (sets VITE_ENGIUM_KEY: Vite exposes VITE_ variables');
    expect(secret).toMatchObject({ line: 5 });
    expect(secret?.exposure).not.toBe('client');
  });

  it('reads the index: an unstaged edit neither hides a staged key nor invents one', () => {
    const repo = gitRepo();
    commitFiles(repo, { 'a.ts': 'const a = 1;\n', 'b.ts': 'const b = 1;\n' });
    writeFiles(repo, { 'a.ts': `const a = "${LIVE}";\n` });
    git(repo, 'add', 'a.ts');
    writeFiles(repo, { 'a.ts': 'const a = 2;\n', 'b.ts': `const b = "${OTHER}";\n`, 'c.ts': `const c = "${OTHER}";\n` });
    const { status, report } = staged(repo);
    expect(status).toBe(1);
    expect(files(report)).toEqual(['a.ts:1']);

    git(repo, 'reset', '-q', 'a.ts');
    expect(staged(repo).report?.findings).toEqual([]);
    expect(staged(repo).status).toBe(0);
  });

  it('scans only added lines of modified files, whole renamed files, and whole staged .env files', () => {
    const repo = gitRepo();
    commitFiles(repo, {
      'old.ts': `// engium-ignore\nconst k = "${TEST}";\n${'const filler = 1;\n'.repeat(20)}`,
      'kept.ts': `const known = "${OTHER}";\nconst x = 1;\n`,
      '.env.production': `NEXT_PUBLIC_ENGIUM_KEY=${LIVE}\nOTHER=1\n`,
    });
    git(repo, 'mv', 'old.ts', 'new.client.ts');
    writeFiles(repo, { 'kept.ts': `const known = "${OTHER}";\nconst x = 2;\n`, '.env.production': `NEXT_PUBLIC_ENGIUM_KEY=${LIVE}\nOTHER=2\n` });
    git(repo, 'add', '-A');
    const { report } = staged(repo, '--fail-on', 'none');
    // kept.ts: its key is on an unchanged line; the renamed file's key is ignored inline.
    expect(files(report)).toEqual(['.env.production:1']);
    expect(report?.findings[0]).toMatchObject({ severity: 'critical', exposure: 'client' });
    expect(report?.stats.suppressed).toBe(1);
  });

  it('reads staged UTF-16 files (PowerShell and Notepad write them) whole from the index, and still skips binary files', () => {
    const repo = gitRepo();
    const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const filler = Array.from({ length: 30 }, (_, index) => `// setting ${index}\r\n`).join('');
    commitFiles(repo, { 'config.ts': utf16le(filler) });
    writeFiles(repo, {
      '.env': utf16le(`NEXT_PUBLIC_ENGIUM_KEY=${LIVE}\r\n`),
      // The key goes in at line 31, in a hunk that does not show the byte-order mark.
      'config.ts': utf16le(`${filler}export const key = "${OTHER}";\r\n`),
      'img.bin': Buffer.concat([Buffer.from('\0A\0B', 'latin1'), Buffer.from([1, 2, 3, 0xff, 10, 0, 9, 10]), Buffer.from(TEST)]),
    });
    git(repo, 'add', '-A');
    const { status, report } = staged(repo);
    expect(status).toBe(1);
    expect(report?.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.exposure}`).sort()).toEqual(['.env:1:24 client', 'config.ts:31:21 unknown']);
    expect(report?.stats.skipped).toEqual([{ file: 'img.bin', reason: 'binary file: not scanned' }]);
  });

  it('reports a key in a UTF-16 file the merge itself adds, and not one the merged branch committed or HEAD already held', () => {
    const repo = gitRepo();
    const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    commitFiles(repo, { 'base.env': utf16le(`ENGIUM_API_KEY=${TEST}\r\n`), 'readme.md': 'main\n' });
    git(repo, 'checkout', '-q', '-b', 'feat');
    commitFiles(repo, { 'feat.env': utf16le(`ENGIUM_API_KEY=${OTHER}\r\n`) }, 'feat');
    git(repo, 'checkout', '-q', 'main');
    commitFiles(repo, { 'readme.md': 'main 2\n' }, 'main');
    git(repo, 'merge', '-q', '--no-ff', '--no-commit', 'feat');
    // In the merge: a new UTF-16 file with a key, and a line added to a file whose key HEAD held.
    writeFiles(repo, { 'win.env': utf16le(`ENGIUM_API_KEY=${LIVE}\r\n`), 'base.env': utf16le(`ENGIUM_API_KEY=${TEST}\r\nOTHER=1\r\n`) });
    git(repo, 'add', '-A');
    const { status, report } = staged(repo);
    expect(files(report)).toEqual(['win.env:1']);
    expect(status).toBe(1);
  });

  it('in a merge, reports only what the merge itself adds, not what the merged branch committed', () => {
    const repo = gitRepo();
    commitFiles(repo, { 'a.ts': 'const a = 1;\n' });
    git(repo, 'checkout', '-q', '-b', 'side');
    commitFiles(repo, { 'side.ts': `const s = "${LIVE}";\n` }, 'side adds a key');
    git(repo, 'checkout', '-q', 'main');
    commitFiles(repo, { 'main.ts': 'const m = 1;\n' }, 'main moves on');
    git(repo, 'merge', '-q', '--no-ff', '--no-commit', 'side');
    expect(staged(repo).report?.findings).toEqual([]);

    writeFiles(repo, { 'a.ts': `const a = "${OTHER}";\n` });
    git(repo, 'add', 'a.ts');
    const { status, report } = staged(repo);
    expect(status).toBe(1);
    expect(files(report)).toEqual(['a.ts:1']);
  });

  it('honours the config allowlist and a baseline, like the directory audit', () => {
    const repo = gitRepo();
    writeFiles(repo, { 'a.ts': `const a = "${LIVE}";\n`, 'b.ts': `const b = "${OTHER}";\n` });
    git(repo, 'add', 'a.ts', 'b.ts');
    const first = staged(repo).report;
    const fingerprintOf = (file: string) => first?.findings.find((finding) => finding.file === file)?.secret.fingerprint;
    const config = join(tempDir(), 'engium.config.json');
    writeFileSync(config, JSON.stringify({ allowlist: [{ fingerprint: fingerprintOf('a.ts'), reason: 'revoked sample key' }] }));
    const baseline = join(tempDir(), 'baseline.json');
    writeFileSync(baseline, JSON.stringify({ version: 1, findings: [{ fingerprint: fingerprintOf('b.ts'), file: 'b.ts', ruleId: 'engium/staged-key' }] }));
    const result = staged(repo, '--config', config, '--baseline', baseline);
    expect(result.status).toBe(0);
    expect(result.report?.findings).toMatchObject([{ file: 'b.ts', baselined: true }]);
    expect(result.report?.stats).toMatchObject({ suppressed: 1, baselined: 1 });
  });

  it('works in a linked worktree and inside a submodule', () => {
    const repo = gitRepo();
    commitFiles(repo, { 'a.ts': 'const a = 1;\n' });
    const worktree = join(tempDir(), 'wt');
    git(repo, 'worktree', 'add', '-q', '-b', 'wt', worktree);
    writeFiles(worktree, { 'w.ts': `const w = "${LIVE}";\n` });
    git(worktree, 'add', 'w.ts');
    expect(files(staged(worktree).report)).toEqual(['w.ts:1']);
    expect(staged(repo).report?.findings).toEqual([]);

    const library = gitRepo();
    commitFiles(library, { 'lib.ts': 'export {};\n' });
    const parent = gitRepo();
    git(parent, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', library, 'vendor/lib');
    const submodule = join(parent, 'vendor/lib');
    writeFiles(submodule, { 'lib.ts': `export const k = "${OTHER}";\n` });
    git(submodule, 'add', 'lib.ts');
    expect(files(staged(submodule).report)).toEqual(['lib.ts:1']);
  });

  it('reads hostile file names exactly (newline, quote, non-ASCII, space)', () => {
    const repo = gitRepo();
    const name = 'we"ird\nnäme with space.ts';
    writeFiles(repo, { [name]: `const k = "${LIVE}";\n` });
    git(repo, 'add', '-A');
    expect(staged(repo).report?.findings.map((finding) => finding.file)).toEqual([name]);
  });

  it('in a subfolder, reports paths relative to it; outside a repository, exit 2', () => {
    const repo = gitRepo();
    writeFiles(repo, { 'pkg/app/x.ts': `const x = "${LIVE}";\n`, 'top.ts': `const t = "${OTHER}";\n` });
    git(repo, 'add', '-A');
    expect(files(staged(join(repo, 'pkg')).report)).toEqual(['app/x.ts:1']);
    const outside = runScanner(['staged'], { cwd: tempDir() });
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/not a git repository/);
  });
});
