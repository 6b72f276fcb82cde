// `engium-scan staged` in the middle of a merge conflict. git shows no diff for a path left in
// conflict (`* Unmerged path m.js`), and the scan used to pass over it in silence: "no keys in 0
// files" while the file held a key between conflict markers. The path is now listed as not
// scanned, with why; once resolved and added, the hook scans it (and git commit refuses it before).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import { commitFiles, fakeKey, git, gitRepo } from '../support/index.js';
import { located, scanBounded } from './support.js';

const KEY = fakeKey('live', 2380);

describe('staged during a merge conflict', () => {
  it('lists the unmerged path as not scanned, and scans it once it is resolved and added', () => {
    const repo = gitRepo('engium-adv-conflict-');
    commitFiles(repo, { 'README.md': '# app\n' }, 'start');
    const main = git(repo, 'rev-parse', '--abbrev-ref', 'HEAD');
    git(repo, 'checkout', '-q', '-b', 'feature');
    commitFiles(repo, { 'src/config.js': 'export const key = process.env.ENGIUM_API_KEY;\n' }, 'feature');
    git(repo, 'checkout', '-q', main);
    commitFiles(repo, { 'src/config.js': `export const key = '${KEY}';\n` }, 'main');
    expect(() => git(repo, 'merge', '-q', 'feature')).toThrow();

    const during = scanBounded(['staged', repo], [KEY]);
    expect(during.report.findings).toEqual([]);
    expect(during.report.stats.skipped).toEqual([{ file: 'src/config.js', reason: expect.stringMatching(/^unmerged \(a merge conflict\): not scanned/) }]);
    expect(during.status).toBe(0);

    // Resolved by hand with a new key line, and added: the merge's own addition is found.
    writeFileSync(join(repo, 'src/config.js'), `export const key = '${KEY}';\nexport const other = '${KEY}';\n`);
    git(repo, 'add', 'src/config.js');
    const after = scanBounded(['staged', repo], [KEY]);
    expect(located(after.report)).toEqual([`src/config.js:2:23 ${redact(KEY)}`]);
    expect(after.report.stats.skipped).toEqual([]);
    expect(after.status).toBe(1);
  });
});
