// A scanned repository's own git config and attributes must neither run anything nor hide content:
// `core.fsmonitor` and hooks in `.git/config`, a textconv driver, and a committed `.gitattributes`
// that marks sources `-diff` and env files `binary`. `staged` and `history` still see every added
// line as text (our own binary rule applies: a NUL in a file that is not text by its name), and
// nothing from the repository runs. Each case has a time limit, and the CLI a capped heap.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '@engium/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { commitFiles, fakeKey, git, gitRepo, writeFiles } from '../support/index.js';
import { scanBounded } from './support.js';

const TIME_LIMIT_MS = 120_000;
const JS = fakeKey('live', 1600);
const ENV = fakeKey('live', 1601);
const TS = fakeKey('live', 1602);
const NUL_JS = fakeKey('live', 1603);
const IMAGE = fakeKey('live', 1604);
const KEYS = [JS, ENV, TS, NUL_JS, IMAGE];

/** A command that would leave `marker` behind if git ran it. */
function markerCommand(dir: string, marker: string): string {
  const script = join(dir, `${marker}.sh`);
  writeFileSync(script, `#!/bin/sh\ntouch "${join(dir, marker)}"\nexit 0\n`, { mode: 0o755 });
  return script;
}

function hostileRepository(): { repo: string; markers: string[]; base: string } {
  const repo = gitRepo('engium-adv-gitconfig-');
  const base = commitFiles(repo, { 'README.md': '# app\n' }, 'initial');
  const markers = ['fsmonitor-ran', 'textconv-ran', 'hook-ran'];
  git(repo, 'config', 'core.fsmonitor', markerCommand(repo, 'fsmonitor-ran'));
  git(repo, 'config', 'diff.evil.textconv', markerCommand(repo, 'textconv-ran'));
  const hook = markerCommand(repo, 'hook-ran');
  for (const name of ['reference-transaction', 'post-index-change', 'pre-auto-gc']) writeFileSync(join(repo, '.git', 'hooks', name), `#!/bin/sh\nexec "${hook}"\n`, { mode: 0o755 });
  writeFiles(repo, {
    '.gitattributes': '*.js -diff\n.env* binary\n*.ts diff=evil\n',
    'dist/app.js': `var k="${JS}";\n`,
    '.env.production': `ENGIUM_KEY=${ENV}\n`,
    'src/client.ts': `export const k = "${TS}";\n`,
    'dist/nul.js': Buffer.concat([Buffer.from('/*'), Buffer.from([0]), Buffer.from(`*/var n="${NUL_JS}";\n`)]),
    // A true binary file keeps its verdict: skipped, its bytes not searched.
    'assets/logo.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), Buffer.from(`\n+${IMAGE}\n`)]),
  });
  return { repo, markers, base };
}

const expected = ['.env.production:1', 'dist/app.js:1', 'dist/nul.js:1', 'src/client.ts:1'];
const where = (findings: { file: string; line: number }[]) => findings.map((finding) => `${finding.file}:${finding.line}`).sort();

describe('a repository whose .gitattributes and .git/config try to hide keys or run commands', () => {
  let repo: string;
  let markers: string[];
  let base: string;
  beforeAll(() => {
    ({ repo, markers, base } = hostileRepository());
    git(repo, 'add', '-A');
  });
  // The test's own git commands (add, commit) run the hooks and the monitor: clear their traces first.
  const clearMarkers = () => markers.forEach((marker) => rmSync(join(repo, marker), { force: true }));
  const ranNothing = () => expect(markers.filter((marker) => existsSync(join(repo, marker)))).toEqual([]);

  it('staged: every staged key is found, the image is skipped as binary, nothing of the repository runs', () => {
    clearMarkers();
    const { report, status } = scanBounded(['staged', repo], KEYS);
    expect(where(report.findings)).toEqual(expected);
    expect(report.stats.skipped).toEqual([{ file: 'assets/logo.png', reason: 'binary file: not scanned' }]);
    expect(status).toBe(1);
    ranNothing();
  }, TIME_LIMIT_MS);

  it('history: the commit is scanned the same way', () => {
    git(repo, 'commit', '-q', '--no-verify', '-m', 'hide keys behind attributes');
    clearMarkers();
    const { report } = scanBounded(['history', repo, '--range', `${base}..HEAD`], KEYS);
    expect(where(report.findings)).toEqual(expected);
    expect(report.findings.map((finding) => finding.secret.redacted).sort()).toEqual([JS, ENV, TS, NUL_JS].map(redact).sort());
    expect(report.stats.skipped).toEqual([{ file: 'assets/logo.png', reason: 'binary file in 1 commit: not scanned' }]);
    ranNothing();
  }, TIME_LIMIT_MS);

  it('scan: the directory audit (which asks git for tracked files) runs nothing either', () => {
    clearMarkers();
    const { report } = scanBounded([repo, '--no-graph'], KEYS);
    expect(where(report.findings)).toEqual(expected);
    ranNothing();
  }, TIME_LIMIT_MS);
});
