// A git config that re-encodes what `git log` prints: `i18n.logOutputEncoding` (a repository's
// `.git/config`, or a user's global config). With UTF-16 every commit line of the log held NULs,
// the log read as no commit at all, and `history` reported no key in a history full of them; with
// Latin-1 an author's name came out mangled. The log is now read in UTF-8 whatever the config says.
import { redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import { fakeKey, git, gitRepo, writeFiles } from '../support/index.js';
import { located, scanBounded } from './support.js';

const FIRST = fakeKey('live', 2400);
const SECOND = fakeKey('live', 2401);

describe('history under i18n.logOutputEncoding', () => {
  it.each([['UTF-16'], ['ISO-8859-1']])('%s: every key is found, at its commit, with the author as written', (encoding) => {
    const repo = gitRepo('engium-adv-log-encoding-');
    const commit = (files: Record<string, string>, message: string) => {
      writeFiles(repo, files);
      git(repo, 'add', '-A');
      git(repo, '-c', 'user.name=Zoë Dupré', '-c', 'user.email=zoe@example.com', 'commit', '-q', '--no-verify', '--author=Zoë Dupré <zoe@example.com>', '-m', message);
      return git(repo, 'rev-parse', 'HEAD');
    };
    const first = commit({ 'a.js': `const a = '${FIRST}';\n` }, 'first');
    const second = commit({ 'b.js': `const b = '${SECOND}';\n` }, 'second');
    git(repo, 'config', 'i18n.logOutputEncoding', encoding);

    const { report, status } = scanBounded(['history', repo], [FIRST, SECOND]);
    expect(located(report)).toEqual([`a.js:1:12 ${redact(FIRST)}`, `b.js:1:12 ${redact(SECOND)}`]);
    expect(report.findings.map((finding) => finding.commit?.sha)).toEqual([first, second]);
    expect(report.findings.map((finding) => finding.commit?.author)).toEqual(['Zoë Dupré <zoe@example.com>', 'Zoë Dupré <zoe@example.com>']);
    expect(status).toBe(1);
  });
});
