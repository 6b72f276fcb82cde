// Keys and control characters in everything a report quotes: a key in a file name, a folder name,
// a `sourceMappingURL`, a commit's author name and e-mail, a report given to `merge`; newlines,
// tabs, U+2028, bidi overrides and `::` workflow commands in names, config keys and merge inputs.
// No output (text, JSON, SARIF, stderr) of scan, history, staged or merge may hold a full key, a raw
// control or bidi character, or a line that starts (after spaces) with `::`. Each run has a time
// limit and the CLI a capped heap.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeKey, git, gitRepo, runScanner, tempDir } from '../support/index.js';
import { expectSafeOutput, scanBounded } from './support.js';

const TIME_LIMIT_MS = 180_000;
const IN_FILE = fakeKey('live', 1700);
const IN_NAME = fakeKey('live', 1701);
const IN_FOLDER = fakeKey('test', 1702);
const IN_MAP_URL = fakeKey('live', 1703);
const IN_AUTHOR = fakeKey('live', 1704);
const IN_EMAIL = fakeKey('test', 1705);
const IN_REPORT = fakeKey('live', 1706);
const KEYS = [IN_FILE, IN_NAME, IN_FOLDER, IN_MAP_URL, IN_AUTHOR, IN_EMAIL, IN_REPORT];

const NAMES = [
  `src/${IN_NAME}.ts`,
  `${IN_FOLDER}/app.ts`,
  'src/::warning::forged.ts',
  'src/line\n::error::forged.ts',
  'src/tab\there.ts',
  'src/sep\u2028\u2029.ts',
  'src/\u202egnp.ts',
  'src/\u2066isolate\u2069.ts',
  'src/ ::notice::indented.ts',
];
const BYTE_NAME = Buffer.concat([Buffer.from('src/'), Buffer.from([0xff, 0xfe, 0x1b]), Buffer.from('[2J.ts')]);

describe('keys and control characters in names, URLs, authors and merged reports', () => {
  let repo: string;
  let base: string;
  beforeAll(() => {
    repo = gitRepo('engium-adv-outputs-');
    writeFileSync(join(repo, 'README.md'), '# app\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '--no-verify', '-m', 'initial');
    base = git(repo, 'rev-parse', 'HEAD');
    for (const name of NAMES) {
      mkdirSync(join(repo, name, '..'), { recursive: true });
      writeFileSync(join(repo, name), `export const k = "${IN_FILE}";\n`);
    }
    writeFileSync(Buffer.concat([Buffer.from(`${repo}/`), BYTE_NAME]), `export const k = "${IN_FILE}";\n`);
    // A bundle whose map URL holds a key: the map is missing, and the warning names the URL.
    mkdirSync(join(repo, 'dist'), { recursive: true });
    writeFileSync(join(repo, 'dist/app.js'), `var k="${IN_FILE}";\n//# sourceMappingURL=${IN_MAP_URL}.map\n`);
    git(repo, 'add', '-A');
    git(repo, '-c', `user.name=Mallory ${IN_AUTHOR}\n::error::x`, 'commit', '-q', '--no-verify', '-m', 'hostile', `--author=Mallory ${IN_AUTHOR} \u202e <${IN_EMAIL}@example.com>`);
  });

  it('scan, history and staged: every format and stderr are safe', () => {
    git(repo, 'rm', '-q', '--cached', '--', 'dist/app.js');
    try {
      for (const command of [[repo, '--no-graph'], ['history', repo, '--range', `${base}..HEAD`], ['staged', repo]]) {
        for (const format of ['text', 'json', 'sarif']) {
          const result = runScanner([...command, '--format', format], { env: { FORCE_COLOR: '0' } });
          expectSafeOutput(result.stdout, KEYS, `${command[0]} ${format} stdout`);
          expectSafeOutput(result.stderr, KEYS, `${command[0]} ${format} stderr`);
        }
      }
    } finally {
      git(repo, 'add', '--', 'dist/app.js');
    }
  }, TIME_LIMIT_MS);

  it('keeps the findings: every hostile name is reported, in its escaped form', () => {
    const { report } = scanBounded([repo, '--no-graph'], KEYS);
    // One per name, the byte name, and the bundle's two keys (its code's, and its map URL's).
    expect(report.findings).toHaveLength(NAMES.length + 3);
    const files = report.findings.map((finding) => finding.file);
    expect(files).toContain('src/eng_live_…' + IN_NAME.slice(-4) + '.ts');
    expect(files).toContain('src/\\xff\\xfe\u001b[2J.ts');
    expect(report.stats.warnings?.map((warning) => warning.message).join('\n')).toContain(`eng_live_…${IN_MAP_URL.slice(-4)}.map`);
    const history = scanBounded(['history', repo, '--range', `${base}..HEAD`], KEYS).report;
    expect(history.findings[0]?.commit?.author).toMatch(/^Mallory eng_live_…\w{4} \u202e <eng_test_…\w{4}@example\.com>$/);
  }, TIME_LIMIT_MS);

  it('baseline: the file holds no full key, and the next scan matches its entries', () => {
    const baseline = join(tempDir('engium-adv-baseline-'), 'baseline.json');
    const written = runScanner(['baseline', repo, '--no-graph', '-o', baseline]);
    expect(written.status, written.stderr).toBe(0);
    expectSafeOutput(readFileSync(baseline, 'utf8'), KEYS, 'baseline file');
    const { report } = scanBounded([repo, '--no-graph', '--baseline', baseline], KEYS);
    expect(report.findings.filter((finding) => !finding.baselined)).toEqual([]);
  }, TIME_LIMIT_MS);

  it('merge: a report with keys and control characters in it comes out redacted and escaped', () => {
    const dir = tempDir('engium-adv-merge-');
    const hostile = {
      version: 1,
      repository: `org/${IN_REPORT}\n::error::x`,
      findings: [],
      stats: { filesScanned: 1, bytesScanned: 1, durationMs: 1, skipped: [{ file: `${IN_REPORT}\u202e\n::warning::y`, reason: `why ${IN_REPORT}` }], suppressed: 0, baselined: 0 },
    };
    writeFileSync(join(dir, 'good.json'), JSON.stringify(hostile));
    const broken = join(dir, `broken\n::error::${IN_REPORT}.json`);
    writeFileSync(broken, `{"not": "a report ${IN_REPORT}\u001b[2J"}`);
    const result = runScanner(['merge', join(dir, 'good.json'), broken]);
    expectSafeOutput(result.stdout, KEYS, 'merge stdout');
    expectSafeOutput(result.stderr, KEYS, 'merge stderr');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('broken\\n::error::eng_live_…');
  }, TIME_LIMIT_MS);

  it('config errors quote hostile keys escaped, on stderr', () => {
    const dir = tempDir('engium-adv-config-');
    writeFileSync(join(dir, 'engium.config.json'), JSON.stringify({ [`\n::error::${IN_REPORT}\u202e`]: true }));
    const result = runScanner([dir]);
    expect(result.status).toBe(2);
    expectSafeOutput(result.stderr, KEYS, 'config error');
    expect(result.stderr).toContain('\\n::error::eng_live_…');
  }, TIME_LIMIT_MS);
});
