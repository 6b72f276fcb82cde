// `engium-scan history` on real repositories: keys added then removed, the first commit named,
// HEAD presence, ranges and --all, binary and huge files, hostile names, every format.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { commitFiles, expectNoFullKey, fakeKey, git, gitRepo, runScanner, tempDir, writeFiles } from '../support/index.js';

const LIVE = fakeKey('live', 701);
const MOVED = fakeKey('live', 702);
const TEST = fakeKey('test', 703);
const SIDE = fakeKey('live', 704);
const KEYS = [LIVE, MOVED, TEST, SIDE];
const redactedOf = (key: string) => `${key.slice(0, 9)}…${key.slice(-4)}`;

function history(repo: string, ...args: string[]) {
  const result = runScanner(['history', repo, '--format', 'json', ...args]);
  expectNoFullKey(result.stdout + result.stderr, KEYS);
  return { ...result, report: result.stdout ? (JSON.parse(result.stdout) as ScanReport) : undefined };
}

describe('engium-scan history', () => {
  it('honours a baseline written by the directory audit for the same key and file, and only those', () => {
    const repo = gitRepo();
    commitFiles(repo, { 'src/api.ts': `const key = "${LIVE}";\n` }, 'accepted key');
    const baseline = join(tempDir(), 'baseline.json');
    const written = runScanner(['baseline', repo, '--output', baseline]);
    expect(written.status).toBe(0);
    commitFiles(repo, { 'src/api.ts': `const key = "${LIVE}";\nconst other = "${SIDE}";\n`, 'src/copy.ts': `const key = "${LIVE}";\n` }, 'new keys');

    const { status, report } = history(repo, '--baseline', baseline);
    expect(status).toBe(1);
    const located = (report?.findings ?? []).map((finding) => `${finding.file} ${finding.secret.redacted} ${finding.baselined === true}`).sort();
    expect(located).toEqual(
      [`src/api.ts ${redactedOf(LIVE)} true`, `src/api.ts ${redactedOf(SIDE)} false`, `src/copy.ts ${redactedOf(LIVE)} false`].sort(),
    );
    expect(report?.stats.baselined).toBe(1);
  });

  it('finds a key added then removed, names the commit that added it, and says it is gone at HEAD', () => {
    const repo = gitRepo();
    commitFiles(repo, { 'README.md': '# app\n' }, 'start');
    const added = commitFiles(repo, { 'src/api.ts': `import x from "y";\n\nconst key = "${LIVE}";\n` }, 'add api client');
    commitFiles(repo, { 'src/api.ts': `import x from "y";\n\nconst key = "${LIVE}";\nconst more = 1;\n` }, 'touch');
    commitFiles(repo, { 'src/api.ts': 'import x from "y";\n\nconst key = process.env.ENGIUM_API_KEY;\n' }, 'remove the key');

    const { status, report } = history(repo);
    expect(status).toBe(1);
    expect(report?.findings).toHaveLength(1);
    const [finding] = report?.findings ?? [];
    expect(finding).toMatchObject({
      ruleId: 'engium/history-key',
      severity: 'high',
      file: 'src/api.ts',
      line: 3,
      column: 14,
      secret: { kind: 'live', redacted: `eng_live_…${LIVE.slice(-4)}` },
      commit: { sha: added, author: 'Ada Lovelace <ada@example.com>', presentAtHead: false },
    });
    expect(finding?.commit?.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(finding?.message).toContain(added.slice(0, 12));
    expect(finding?.message).toMatch(/gone at HEAD/);
    expect(finding?.message).toMatch(/Rotate it now/);

    const text = runScanner(['history', repo]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(added);
    expectNoFullKey(text.stdout + text.stderr, KEYS);
  });

  it('says where a key still is at HEAD: in its file, or moved to another', () => {
    const repo = gitRepo();
    commitFiles(repo, { 'a.ts': `const a = "${LIVE}";\n`, 'b.ts': `const b = "${MOVED}";\n` }, 'keys');
    git(repo, 'rm', '-q', 'b.ts');
    commitFiles(repo, { 'lib/c.ts': `export const c = "${MOVED}";\n` }, 'move b');
    const { report } = history(repo);
    const byFile = new Map(report?.findings.map((finding) => [finding.file, finding]));
    expect(byFile.get('a.ts')?.commit?.presentAtHead).toBe(true);
    expect(byFile.get('a.ts')?.message).toContain('At HEAD it is still in a.ts');
    expect(byFile.get('b.ts')?.commit?.presentAtHead).toBe(true);
    expect(byFile.get('b.ts')?.message).toContain('gone from b.ts but still in lib/c.ts');
    expect(byFile.get('lib/c.ts')?.commit?.presentAtHead).toBe(true);
  });

  it('reads HEAD itself: a key a merge carried into a renamed file, with no line of the log adding it there', () => {
    const repo = gitRepo();
    const lines = Array.from({ length: 30 }, (_, index) => `export const line${index} = ${index};`);
    commitFiles(repo, { 'f.ts': `${lines.join('\n')}\n` }, 'base');
    git(repo, 'checkout', '-q', '-b', 'move');
    git(repo, 'rm', '-q', 'f.ts');
    commitFiles(repo, {}, 'drop f');
    commitFiles(repo, { 'g.ts': `${lines.join('\n')}\nexport const extra = 1;\n` }, 'add g'); // a rename only the merge sees
    git(repo, 'checkout', '-q', 'main');
    const keyed = [...lines];
    keyed[5] = `export const key = "${LIVE}";`;
    commitFiles(repo, { 'f.ts': `${keyed.join('\n')}\n` }, 'key in f');
    git(repo, 'merge', '-q', '--no-edit', 'move');
    expect(git(repo, 'show', 'HEAD:g.ts')).toContain(LIVE);

    const { report } = history(repo, '--all');
    expect(report?.findings.map((finding) => finding.file)).toEqual(['f.ts']);
    expect(report?.findings[0]?.commit?.presentAtHead).toBe(true);
    expect(report?.findings[0]?.message).toContain('gone from f.ts but still in g.ts');
  });

  it('finds a key still at HEAD in a binary file, not in a longer word, and encoded in its own file', () => {
    const repo = gitRepo();
    commitFiles(repo, { 'a.ts': `const a = "${LIVE}";\n`, 'b.ts': `const b = "${MOVED}";\n`, 'c.ts': `const c = "${TEST}";\n` }, 'keys');
    const binary = Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(` ${LIVE} `), Buffer.from([0, 255])]);
    commitFiles(
      repo,
      {
        'a.ts': 'const a = process.env.KEY;\n',
        'blob.bin': binary,
        'b.ts': 'const b = 1;\n',
        'other.ts': `const longer = "${MOVED}_v2";\n`,
        'c.ts': `const c = atob("${Buffer.from(TEST).toString('base64')}");\n`,
      },
      'move them',
    );
    const { report } = history(repo);
    const byFile = new Map(report?.findings.map((finding) => [finding.file, finding]));
    expect(byFile.get('a.ts')?.message).toContain('gone from a.ts but still in blob.bin');
    expect(byFile.get('b.ts')?.commit?.presentAtHead).toBe(false);
    expect(byFile.get('b.ts')?.message).not.toContain('still in');
    expect(byFile.get('c.ts')?.commit?.presentAtHead).toBe(true);
    expect(byFile.get('c.ts')?.message).toContain('At HEAD it is still in c.ts');
  });

  it('reads HEAD a batch of files at a time: a key past the first batch of files holding a needle is found', () => {
    const repo = gitRepo();
    commitFiles(repo, { 'a.ts': `const a = "${LIVE}";\n` }, 'key');
    // 300 files with a needle of the prefilter (`_%`) and no key, and the key moved after them.
    const needles = Object.fromEntries(Array.from({ length: 300 }, (_, index) => [`q/${String(index).padStart(3, '0')}.sql`, "SELECT 1 WHERE name LIKE 'a_%';\n"]));
    commitFiles(repo, { ...needles, 'a.ts': 'const a = 1;\n', 'z.ts': `const z = "${LIVE}";\n` }, 'move it');
    const { report } = history(repo);
    const byFile = new Map(report?.findings.map((finding) => [finding.file, finding]));
    expect(byFile.get('a.ts')?.message).toContain('gone from a.ts but still in z.ts');
  });

  it('on an unborn branch reads every other branch and calls each key gone at HEAD', () => {
    const repo = gitRepo();
    commitFiles(repo, { 'a.ts': `const a = "${LIVE}";\n` }, 'key');
    git(repo, 'checkout', '-q', '--orphan', 'fresh');
    const { status, report } = history(repo, '--all');
    expect(status).toBe(1);
    expect(report?.findings.map((finding) => [finding.file, finding.commit?.presentAtHead])).toEqual([['a.ts', false]]);
  });

  it('reads the whole history from a subfolder, whatever the repository config says about roots and relative diffs', () => {
    const repo = gitRepo();
    const first = commitFiles(repo, { 'a.ts': `const a = "${LIVE}";\n`, 'sub/keep.ts': 'const k = 1;\n' }, 'root commit');
    commitFiles(repo, { 'a.ts': 'const a = process.env.KEY;\n', 'b.ts': `const b = "${SIDE}";\n` }, 'second');
    git(repo, 'config', 'log.showRoot', 'false');
    git(repo, 'config', 'diff.relative', 'true');
    const { report } = history(join(repo, 'sub'), '--all');
    expect(report?.findings.map((finding) => [finding.file, finding.commit?.sha === first, finding.commit?.presentAtHead])).toEqual([
      ['a.ts', true, false],
      ['b.ts', false, true],
    ]);
  });

  it('reports a key once per file, with the first commit, however often it comes back', () => {
    const repo = gitRepo();
    const first = commitFiles(repo, { 'k.ts': `const k = "${LIVE}";\n` });
    commitFiles(repo, { 'k.ts': '' });
    commitFiles(repo, { 'k.ts': `const again = "${LIVE}";\n` });
    commitFiles(repo, { 'other.ts': `const k = "${LIVE}";\n` });
    const { report } = history(repo);
    expect(report?.findings.map((finding) => [finding.file, finding.commit?.sha === first])).toEqual([
      ['k.ts', true],
      ['other.ts', false],
    ]);
  });

  function branchyRepo() {
    const repo = gitRepo();
    const base = commitFiles(repo, { 'a.ts': `const a = "${LIVE}";\n` }, 'base');
    const middle = commitFiles(repo, { 'b.ts': `const b = "${TEST}";\n` }, 'middle');
    git(repo, 'checkout', '-q', '-b', 'feature');
    commitFiles(repo, { 'side.ts': `const s = "${SIDE}";\n` }, 'side');
    git(repo, 'checkout', '-q', 'main');
    const top = commitFiles(repo, { 'c.ts': 'const c = 1;\n' }, 'top');
    return { repo, base, middle, top };
  }

  it('--range, --since and --all choose the commits', () => {
    const { repo, base, middle, top } = branchyRepo();
    const files = (...args: string[]) => history(repo, ...args).report?.findings.map((finding) => finding.file) ?? [];
    expect(files()).toEqual(['a.ts', 'b.ts']);
    expect(files('--range', `${base}..${top}`)).toEqual(['b.ts']);
    expect(files('--range', `${middle}..HEAD`)).toEqual([]);
    expect(files('--since', base)).toEqual(['b.ts']);
    expect(files('--all')).toEqual(['a.ts', 'b.ts', 'side.ts']);
    expect(files('--range', 'main..feature')).toEqual(['side.ts']);

    // A stash was never shared: --all leaves it out.
    writeFiles(repo, { 'c.ts': `const wip = "${MOVED}";\n` });
    git(repo, 'stash', '-q');
    expect(files('--all')).toEqual(['a.ts', 'b.ts', 'side.ts']);
  });

  it('unknown refs and conflicting options are usage errors (exit 2)', () => {
    const { repo, base } = branchyRepo();
    for (const args of [['--range', 'nope..HEAD'], ['--since', 'v9.9.9'], ['--range', 'HEAD'], ['--all', '--since', base]]) {
      const result = history(repo, ...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/--range|--since|choose one/);
      expect(result.stdout).toBe('');
    }
    expect(history(repo, '--since', 'v9.9.9').stderr).toContain('unknown revision "v9.9.9"');
  });

  it('gets through binary files, huge minified lines and hostile file names', () => {
    const repo = gitRepo();
    const binary = Buffer.alloc(300_000);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
    binary.write(LIVE, 1000); // keys inside binary files are out of scope, but must not crash anything
    const minified = `var a=${'"x",'.repeat(3_000_000)}k="${TEST}";\n`;
    commitFiles(repo, { 'img.png': binary, 'dist/app.min.js': minified, 'we"ird\nname.ts': `const k = "${MOVED}";\n` });
    const result = history(repo);
    expect(result.status).toBe(1);
    const findings = result.report?.findings ?? [];
    expect(findings.map((finding) => finding.file).sort()).toEqual(['dist/app.min.js', 'we"ird\nname.ts']);
    expect(findings.find((finding) => finding.file === 'dist/app.min.js')?.column).toBe(minified.indexOf(TEST) + 1);
    expect(result.report?.stats.skipped).toEqual([{ file: 'img.png', reason: 'binary file in 1 commit: not scanned' }]);
  });

  it('reads UTF-16 files (PowerShell and Notepad write them) from their blobs: each key at its line, in the commit that added it', () => {
    const repo = gitRepo();
    const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
    const filler = Array.from({ length: 30 }, (_, index) => `SETTING_${index}=${index}\r\n`).join('');
    const first = commitFiles(repo, {
      '.env': utf16le(`ENGIUM_API_KEY=${LIVE}\r\n`),
      'notes.txt': utf16be(`key: ${TEST}\n`),
      'settings.env': utf16le(filler),
      // Opens like UTF-16, then is not: binary, as before.
      'img.bin': Buffer.concat([Buffer.from('\0A\0B', 'latin1'), Buffer.from([1, 2, 3, 0xff, 10, 0, 9, 10]), Buffer.from(SIDE)]),
    });
    // The key goes in at line 31, in a hunk that does not show line 1 and its byte-order mark.
    const second = commitFiles(repo, { 'settings.env': utf16le(`${filler}ENGIUM_API_KEY=${MOVED}\r\n`) });
    const { status, report } = history(repo);
    expect(status).toBe(1);
    const found = (report?.findings ?? []).map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.secret.redacted} ${finding.commit?.sha.slice(0, 12)}`).sort();
    expect(found).toEqual(
      [
        `.env:1:16 ${redactedOf(LIVE)} ${first.slice(0, 12)}`,
        `notes.txt:1:6 ${redactedOf(TEST)} ${first.slice(0, 12)}`,
        `settings.env:31:16 ${redactedOf(MOVED)} ${second.slice(0, 12)}`,
      ].sort(),
    );
    expect(report?.stats.skipped).toEqual([{ file: 'img.bin', reason: 'binary file in 1 commit: not scanned' }]);
    // HEAD is read as UTF-16 too: the keys are still there.
    for (const finding of report?.findings ?? []) {
      expect(finding.commit?.presentAtHead, finding.file).toBe(true);
      expect(finding.message).toContain(`At HEAD it is still in ${finding.file}`);
    }
  });

  it('blames a key in a file read whole on the commit that added it, not on a later change of the file in the range', () => {
    const repo = gitRepo();
    const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const first = commitFiles(repo, { 'win.env': utf16le(`ENGIUM_API_KEY=${LIVE}\r\n`) });
    const second = commitFiles(repo, { 'win.env': utf16le(`ENGIUM_API_KEY=${LIVE}\r\nOTHER=1\r\n`) });
    const third = commitFiles(repo, { 'win.env': utf16le(`ENGIUM_API_KEY=${LIVE}\r\nOTHER=1\r\nNEXT=${TEST}\r\n`) });
    const whole = history(repo).report?.findings.map((finding) => `${finding.secret.redacted} ${finding.commit?.sha}`);
    expect(whole?.sort()).toEqual([`${redactedOf(LIVE)} ${first}`, `${redactedOf(TEST)} ${third}`].sort());
    // The range starts after the commit that added LIVE: only TEST was added in it.
    const ranged = history(repo, '--range', `${first}..HEAD`).report?.findings.map((finding) => `${finding.secret.redacted} ${finding.commit?.sha}`);
    expect(ranged).toEqual([`${redactedOf(TEST)} ${third}`]);
    expect(second).not.toBe(third);
  });

  it('SARIF and --fail-on share the audit contract; an engium-ignore comment suppresses', () => {
    const repo = gitRepo();
    commitFiles(repo, { 'docs.md': `<!-- engium-ignore -->\nexample: ${LIVE}\n`, 't.ts': `const t = "${TEST}";\n` });
    const json = history(repo);
    expect(json.report?.findings.map((finding) => finding.file)).toEqual(['t.ts']);
    expect(json.report?.stats.suppressed).toBe(1);
    expect(json.status).toBe(0); // a test key is low, under the default high threshold
    expect(history(repo, '--fail-on', 'low').status).toBe(1);
    const sarif = runScanner(['history', repo, '--format', 'sarif']);
    expect(JSON.parse(sarif.stdout).runs[0].results[0].ruleId).toBe('engium/history-key');
    expectNoFullKey(sarif.stdout, KEYS);
  });

  it('warns that a shallow clone attributes older keys to its oldest commit', () => {
    const origin = gitRepo();
    commitFiles(origin, { 'a.ts': `const a = "${LIVE}";\n` }, 'old');
    commitFiles(origin, { 'b.ts': 'const b = 1;\n' }, 'new');
    const clone = join(tempDir(), 'clone');
    git(origin, 'clone', '-q', '--depth', '1', `file://${origin}`, clone);
    const { report } = history(clone);
    expect(report?.findings.map((finding) => finding.file)).toEqual(['a.ts']);
    expect(report?.stats.warnings?.[0]?.message).toMatch(/shallow clone/);
    expect(history(origin).report?.stats.warnings).toBeUndefined();
  });

  it('an empty repository has no history: exit 0; a plain folder is a usage error', () => {
    expect(history(gitRepo()).status).toBe(0);
    const outside = runScanner(['history', '/']);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/not a git repository/);
  });
});
