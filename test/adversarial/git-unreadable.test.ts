// A history git cannot read whole: a corrupt object in the middle of it, one that rename detection
// reads before the commit's header is shown, one at HEAD (whose keys are still said to be there),
// and a partial (blobless) clone whose remote is gone.
// `git log` dies at the first such object; what it showed before is kept, the commits after it are
// read, each commit it could not read is a warning naming it and git's reason, and the exit code
// says the history is not proven clean (2) unless a finding already fails the run (1).
import { chmodSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import { commitFiles, fakeKey, git, gitRepo, runScanner, tempDir } from '../support/index.js';
import { expectSafeOutput, scanBounded } from './support.js';

const BEFORE = fakeKey('live', 2320);
const LOST = fakeKey('live', 2321);
const AFTER = fakeKey('live', 2322);
const RENAMED = fakeKey('live', 2323);
const FETCHED = fakeKey('test', 2324);
const KEYS = [BEFORE, LOST, AFTER, RENAMED, FETCHED];

/** Overwrites the loose object `id` with bytes that do not inflate. */
function corrupt(repo: string, id: string): void {
  const path = join(repo, '.git', 'objects', id.slice(0, 2), id.slice(2));
  chmodSync(path, 0o644);
  writeFileSync(path, 'not a zlib stream\n');
}

const historyOf = (report: { findings: { file: string; commit?: { sha: string } }[] }) => report.findings.map((finding) => `${finding.file}@${finding.commit?.sha.slice(0, 7)}`).sort();

describe('a corrupt object in the middle of the history', () => {
  it('keeps the keys before it, reads the commits after it, and names the commit it could not read', () => {
    const repo = gitRepo('engium-adv-corrupt-');
    const first = commitFiles(repo, { 'a.js': `const a = '${BEFORE}';\n` }, 'first');
    const broken = commitFiles(repo, { 'b.js': `const b = '${LOST}';\n` }, 'broken');
    const last = commitFiles(repo, { 'c.js': `const c = '${AFTER}';\n` }, 'last');
    const blob = git(repo, 'rev-parse', `${broken}:b.js`);
    corrupt(repo, blob);

    const { report, status, stderr } = scanBounded(['history', repo], KEYS);
    expect(historyOf(report)).toEqual([`a.js@${first.slice(0, 7)}`, `c.js@${last.slice(0, 7)}`]);
    expect(report.findings.map((finding) => finding.secret.redacted).sort()).toEqual([redact(BEFORE), redact(AFTER)].sort());
    expect(report.stats.warnings).toEqual([{ file: '.', message: expect.stringMatching(new RegExp(`^commit ${broken}: git could not read it \\(.*${blob}.*\\): keys it added may be missing`)) }]);
    // A live key was found: that is what fails the run.
    expect(status).toBe(1);
    expect(stderr).not.toMatch(/unexpected error/);

    // With no finding that fails the run, the exit code still says the history is not proven clean.
    const lenient = runScanner(['history', repo, '--fail-on', 'none', '-q']);
    expect(lenient.status).toBe(2);
    expect(lenient.stderr).toMatch(/git could not read every commit of the history/);
    expectSafeOutput(lenient.stdout + lenient.stderr, KEYS, 'history -q');
  });

  it('names the right commit when rename detection reads the object before the commit is shown', () => {
    const repo = gitRepo('engium-adv-corrupt-rename-');
    const body = Array.from({ length: 40 }, (_, index) => `export const line${index} = ${index};\n`).join('');
    const first = commitFiles(repo, { 'old.js': body, 'a.js': `const a = '${BEFORE}';\n` }, 'first');
    git(repo, 'mv', 'old.js', 'new.js');
    writeFileSync(join(repo, 'new.js'), `${body}const k = '${RENAMED}';\n`);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '--no-verify', '-m', 'rename');
    const renamed = git(repo, 'rev-parse', 'HEAD');
    const last = commitFiles(repo, { 'c.js': `const c = '${AFTER}';\n` }, 'last');
    corrupt(repo, git(repo, 'rev-parse', `${renamed}:new.js`));

    const { report, status } = scanBounded(['history', repo], KEYS);
    expect(historyOf(report)).toEqual([`a.js@${first.slice(0, 7)}`, `c.js@${last.slice(0, 7)}`]);
    expect(report.stats.warnings).toEqual([{ file: '.', message: expect.stringMatching(new RegExp(`^commit ${renamed}: git could not read it`)) }]);
    expect(report.stats.warnings?.[0]?.message).not.toContain(first);
    expect(status).toBe(1);
  });
});

describe('a corrupt object at HEAD', () => {
  it('still says which keys are at HEAD: every file git can read there is read', () => {
    const repo = gitRepo('engium-adv-corrupt-head-');
    commitFiles(repo, { 'a.js': `const a = '${BEFORE}';\n`, 'b.js': `const b = '${LOST}';\n` }, 'only');
    corrupt(repo, git(repo, 'rev-parse', 'HEAD:b.js'));

    const { report, status } = scanBounded(['history', repo], KEYS);
    expect(report.findings.map((finding) => [finding.file, finding.commit?.presentAtHead])).toEqual([['a.js', true]]);
    expect(report.findings[0]?.message).toContain('At HEAD it is still in a.js.');
    expect(report.findings[0]?.message).not.toContain('gone at HEAD');
    expect(report.stats.filesScanned).toBe(2);
    expect(status).toBe(1);
  });
});

describe('a blobless clone whose remote is gone', () => {
  it('scans the commits whose blobs it holds, and names each it could not fetch', () => {
    const origin = gitRepo('engium-adv-promisor-');
    git(origin, 'config', 'uploadpack.allowFilter', 'true');
    git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
    const gone = commitFiles(origin, { 'a.js': `const a = '${LOST}';\n` }, 'first');
    commitFiles(origin, { 'a.js': 'const a = process.env.ENGIUM_API_KEY;\n' }, 'second');
    const kept = commitFiles(origin, { 'b.js': `const b = '${FETCHED}';\n` }, 'third');
    const clone = join(tempDir('engium-adv-promisor-clone-'), 'clone');
    git(tempDir(), 'clone', '-q', '--filter=blob:none', `file://${origin}`, clone);
    renameSync(origin, `${origin}-moved`);

    const { report, status, stderr } = scanBounded(['history', clone], KEYS, { timeoutMs: 120_000 });
    expect(historyOf(report)).toEqual([`b.js@${kept.slice(0, 7)}`]);
    expect(report.stats.warnings?.map((warning) => warning.message.slice(0, 'commit '.length + 40))).toContain(`commit ${gone}`);
    expect(report.stats.warnings?.every((warning) => /promisor remote|could not fetch/.test(warning.message))).toBe(true);
    // The one key found is a test key (low): the unread commits make the exit code 2.
    expect(status).toBe(2);
    expect(stderr).toMatch(/git could not read every commit/);
  });
});
