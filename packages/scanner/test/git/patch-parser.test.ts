// The patch parser on real `git log -p` output from repositories made in temp dirs: hostile
// names, renames, binary files, merges, huge lines.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commitFiles, git, gitRepo } from '../../../../test/support/index.js';
import { fakeKey } from '../../../../test/support/fake-key.mjs';
import { splitLines, LINE_WINDOW_OVERLAP, type LineSink } from '../../src/git/lines.js';
import { PatchParser, type AddedLine, type CommitHeader, type FileChange } from '../../src/git/patch-parser.js';
import { historyLogArguments } from '../../src/git/history-scan.js';
import { spawnGit } from '../../src/git/process.js';
import { pathFromDiffGitLine, unquotePath } from '../../src/git/quoted-path.js';
import { wordsWithKeyPrefix } from '../../src/git/head-presence.js';

interface Parsed {
  commits: CommitHeader[];
  added: { sha: string; path: string; line: number; text: string; offset: number }[];
  files: FileChange[];
}

async function parseLog(repo: string, revisions: string[] = ['HEAD']): Promise<Parsed> {
  const parsed: Parsed = { commits: [], added: [], files: [] };
  let sha = '';
  const parser = new PatchParser({
    commit(header) {
      parsed.commits.push(header);
      sha = header.sha;
    },
    added(line: AddedLine) {
      parsed.added.push({ sha, path: line.file.path, line: line.line, text: line.bytes.toString('utf8'), offset: line.offset });
    },
    fileDone(file) {
      parsed.files.push({ ...file });
    },
  });
  const { child, finished } = spawnGit(repo, historyLogArguments(revisions));
  child.stdin.end();
  await parser.read(child.stdout);
  await finished;
  return parsed;
}

describe('quoted paths', () => {
  it('reads C-quoted names byte for byte', () => {
    expect(unquotePath('"b/new\\nline \\"q\\" \\\\ \\303\\251t\\303\\251.txt"')).toBe('b/new\nline "q" \\ été.txt');
    expect(unquotePath('b/with space.txt\t')).toBe('b/with space.txt');
  });
  it('splits bare and quoted `diff --git` names', () => {
    expect(pathFromDiffGitLine('a/x y.bin b/x y.bin')).toBe('x y.bin');
    expect(pathFromDiffGitLine('"a/t\\tab" "b/t\\tab"')).toBe('t\tab');
  });
});

describe('PatchParser on real git log -p', () => {
  it('reports added lines with new-file line numbers, oldest commit first', async () => {
    const repo = gitRepo();
    const first = commitFiles(repo, { 'a.txt': 'one\ntwo\nthree\n' }, 'first');
    const second = commitFiles(repo, { 'a.txt': 'one\nTWO\nthree\nfour\n' }, 'second');
    const parsed = await parseLog(repo);
    expect(parsed.commits.map((commit) => commit.sha)).toEqual([first, second]);
    expect(parsed.commits[0]?.author).toBe('Ada Lovelace <ada@example.com>');
    expect(parsed.commits[0]?.date).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(parsed.added).toEqual([
      { sha: first, path: 'a.txt', line: 1, text: 'one', offset: 0 },
      { sha: first, path: 'a.txt', line: 2, text: 'two', offset: 0 },
      { sha: first, path: 'a.txt', line: 3, text: 'three', offset: 0 },
      { sha: second, path: 'a.txt', line: 2, text: 'TWO', offset: 0 },
      { sha: second, path: 'a.txt', line: 4, text: 'four', offset: 0 },
    ]);
  });

  it('survives hostile file names: newlines, quotes, tabs, spaces, non-ASCII, diff-like text', async () => {
    const repo = gitRepo();
    const names = ['new\nline.txt', 'quote"d.txt', 'tab\there.txt', 'with space.txt', 'été/ünï.txt', 'x b/y.txt', '+++ b.txt'];
    commitFiles(repo, Object.fromEntries(names.map((name, index) => [name, `line ${index}\n+++ b/fake\n@@ -1 +1 @@\n`])));
    const parsed = await parseLog(repo);
    expect(new Set(parsed.added.map((added) => added.path))).toEqual(new Set(names));
    for (const [index, name] of names.entries()) {
      expect(parsed.added.filter((added) => added.path === name).map((added) => added.text)).toEqual([`line ${index}`, '+++ b/fake', '@@ -1 +1 @@']);
    }
  });

  it('marks binary files and reads renames without re-adding their lines', async () => {
    const repo = gitRepo();
    commitFiles(repo, { 'img.bin': Buffer.from([0, 1, 2, 0, 255, 10, 0]), 'old name.txt': 'a\nb\nc\nd\ne\n' });
    git(repo, 'mv', 'old name.txt', 'new name.txt');
    commitFiles(repo, { 'new name.txt': 'a\nb\nc\nd\ne\nf\n' }, 'rename');
    const parsed = await parseLog(repo);
    expect(parsed.files.find((file) => file.path === 'img.bin')?.binary).toBe(true);
    const renamed = parsed.files.find((file) => file.status === 'renamed');
    expect(renamed).toMatchObject({ path: 'new name.txt', oldPath: 'old name.txt' });
    expect(parsed.added.filter((added) => added.path === 'new name.txt')).toEqual([
      expect.objectContaining({ line: 6, text: 'f' }),
    ]);
  });

  it('marks Unicode text by a byte-order mark on line 1 or a NUL opening a later added line, and never UTF-8 text', async () => {
    const repo = gitRepo();
    const lines = Array.from({ length: 20 }, (_, index) => `line ${index}\r\n`).join('');
    commitFiles(repo, {
      'le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('one line\r\n', 'utf16le')]),
      'be.txt': Buffer.from('one line\nand two\n', 'utf16le').swap16(),
      'grows.ps1': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines, 'utf16le')]),
      'plain.txt': 'plain text\nwith ünïcödé\n',
    });
    commitFiles(repo, { 'grows.ps1': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${lines}one more\r\n`, 'utf16le')]) }, 'grow');
    // Binary bytes with NULs here and there are no UTF-16: NUL every other byte, ASCII between.
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 251 === 0 ? 0 : (i * 31 + 7) % 256;
    commitFiles(repo, { 'asset.bin': binary, 'nul-led.bin': Buffer.concat([Buffer.from([0, 0x41, 0x10, 0, 0xff]), binary]) }, 'binaries');
    const parsed = await parseLog(repo);
    const unicode = parsed.files.map((file) => `${file.path} ${file.unicodeText}`);
    expect(unicode).toEqual(['be.txt true', 'grows.ps1 true', 'le.txt true', 'plain.txt false', 'grows.ps1 true', 'asset.bin false', 'nul-led.bin false']);
    // The second change of grows.ps1 shows neither line 1 nor its mark.
    expect(parsed.added.filter((added) => added.path === 'grows.ps1' && added.sha !== parsed.commits[0]?.sha).map((added) => added.line)).toEqual([21]);
  });

  it('reports only what a merge itself added (combined diff), not what its branches brought', async () => {
    const repo = gitRepo();
    commitFiles(repo, { 'a.txt': '1\n2\n3\n' });
    git(repo, 'checkout', '-q', '-b', 'side');
    const side = commitFiles(repo, { 'b.txt': 'side\n' }, 'side');
    git(repo, 'checkout', '-q', 'main');
    commitFiles(repo, { 'c.txt': 'main\n' }, 'main');
    git(repo, 'merge', '-q', '--no-ff', '--no-commit', 'side');
    commitFiles(repo, { 'a.txt': '1\n2\n3\nevil\n' }, 'merge with an extra line');
    const merge = git(repo, 'rev-parse', 'HEAD');
    const parsed = await parseLog(repo);
    expect(parsed.added.filter((added) => added.sha === merge)).toEqual([{ sha: merge, path: 'a.txt', line: 4, text: 'evil', offset: 0 }]);
    expect(parsed.added.find((added) => added.text === 'side')?.sha).toBe(side);
  });
});

describe('PatchParser with keyLinesOnly', () => {
  it('hands on only the added lines that may hold a key, located as usual, and counts every added byte', async () => {
    const key = fakeKey('live', 801);
    const repo = gitRepo();
    commitFiles(repo, { 'a.ts': 'one\ntwo\nthree\n' }, 'first');
    commitFiles(repo, { 'a.ts': `one\n// engium-ignore\nconst k = "${key}";\nthree\nfour\n` }, 'second');
    const added: { line: number; text: string; previous?: string }[] = [];
    const files: FileChange[] = [];
    const parser = new PatchParser(
      {
        added(line) {
          added.push({ line: line.line, text: line.bytes.toString('utf8'), ...(line.previous ? { previous: line.previous.toString('utf8') } : {}) });
        },
        fileDone(file) {
          files.push({ ...file });
        },
      },
      { keyLinesOnly: true },
    );
    const { child, finished } = spawnGit(repo, historyLogArguments(['HEAD']));
    child.stdin.end();
    await parser.read(child.stdout);
    await finished;
    expect(added).toEqual([{ line: 3, text: `const k = "${key}";`, previous: '// engium-ignore' }]);
    const addedText = ['one', 'two', 'three', '// engium-ignore', `const k = "${key}";`, 'four'];
    expect(files.map((file) => file.addedBytes).reduce((sum, bytes) => sum + bytes, 0)).toBe(addedText.join('').length);
  });
});

describe('wordsWithKeyPrefix', () => {
  it('takes whole words (letters, digits, _) around each key prefix', () => {
    const key = fakeKey('test', 802);
    const content = Buffer.from(`a="${key}" b=x${key} c=${key}_v2\n${key}\neng_live_\n`);
    expect([...wordsWithKeyPrefix(content)].sort()).toEqual([key, `${key}_v2`, `x${key}`, 'eng_live_'].sort());
  });
});

/** A line sink that keeps each line (or window) as a piece of its own. */
interface LinePiece {
  bytes: Buffer;
  start: number;
  mayHoldKey: boolean;
}
const collect =
  (pieces: LinePiece[]): LineSink =>
  (bytes, from, to, start, mayHoldKey) =>
    pieces.push({ bytes: Buffer.from(bytes.subarray(from, to)), start, mayHoldKey });

describe('splitLines', () => {
  it('cuts a huge line into overlapping windows and keeps ordinary lines whole', async () => {
    const huge = 'x'.repeat(15_000) + 'KEY' + 'y'.repeat(15_000);
    // A pipe hands git's output over in chunks: here 1,000 bytes each.
    const all = Buffer.from(`short\n${huge}\nafter\n`);
    const chunks = Array.from({ length: Math.ceil(all.length / 1000) }, (_, index) => all.subarray(index * 1000, (index + 1) * 1000));
    const pieces: LinePiece[] = [];
    await splitLines(Readable.from(chunks), collect(pieces), 3 * LINE_WINDOW_OVERLAP);
    expect(pieces[0]).toEqual({ bytes: Buffer.from('short'), start: 0, mayHoldKey: false });
    expect(pieces.at(-1)).toEqual({ bytes: Buffer.from('after'), start: 0, mayHoldKey: false });
    const windows = pieces.slice(1, -1);
    expect(windows.length).toBeGreaterThan(1);
    // Every byte of the huge line is in some window at its own offset.
    for (const window of windows) expect(window.bytes.toString()).toBe(huge.slice(window.start, window.start + window.bytes.length));
    expect(Math.max(...windows.map((window) => window.start + window.bytes.length))).toBe(huge.length);
  });

  it('marks the lines that may hold a key, also when a needle straddles two chunks', async () => {
    // Key-shaped bodies (built here, never written whole), and a near miss that is no key.
    const body = 'Zr81mQ0p'.repeat(2);
    const text = `plain\nx = "eng_live_${body}"\nother\nsplit eng_li|ve_${body}\nnear eng_live_subscription_count\nlast\n`;
    const [before, after] = text.split('|') as [string, string];
    const pieces: LinePiece[] = [];
    await splitLines(Readable.from([Buffer.from(before), Buffer.from(after)]), collect(pieces));
    expect(pieces.map((piece) => [piece.bytes.toString(), piece.mayHoldKey])).toEqual([
      ['plain', false],
      [`x = "eng_live_${body}"`, true],
      ['other', false],
      [`split eng_live_${body}`, true],
      ['near eng_live_subscription_count', false],
      ['last', false],
    ]);
  });
});
