// Tools' own caches on the build machine (Parcel's .parcel-cache: an LMDB database and graph files
// holding copies of the sources and of the .env values the build inlined) are skipped whole: never
// served, and every key in them is also in the sources or env files they copy. Not gitignored, the
// folder is named once among the skipped files, with the advice to gitignore it.
import { redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import { commitFiles, fakeKey, git, gitRepo, writeFiles } from '../support/index.js';
import { scanJson } from './support.js';

const source = fakeKey('live', 4201);
const inlined = fakeKey('live', 4202);
const json = (value: unknown) => JSON.stringify(value, null, 2);

/** A Parcel app with the cache a build leaves: LMDB pages and a text snapshot (older Parcels cached text files). */
function parcelApp(dir: string, prefix = ''): void {
  writeFiles(dir, {
    [`${prefix}package.json`]: json({ name: 'status', private: true, source: 'src/index.html', devDependencies: { parcel: '2.16.4' } }),
    [`${prefix}src/index.html`]: '<!doctype html>\n<html><body><script type="module" src="./index.ts"></script></body></html>\n',
    [`${prefix}src/index.ts`]: `fetch('https://api.engium.app/api/v1/status', { headers: { Authorization: 'Bearer ${source}' } });\n`,
    [`${prefix}.parcel-cache/data.mdb`]: Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(`${source}\0${inlined}\0`), Buffer.alloc(64)]),
    [`${prefix}.parcel-cache/snapshot-13f2d5707e7af45c.txt`]: `const STATUS_KEY = '${source}';\nconst ANALYTICS = "${inlined}";\n`,
  });
}

describe("a tool's build cache", () => {
  it('is skipped whole, at any depth, and named once with why when it is not gitignored', () => {
    const dir = gitRepo();
    parcelApp(dir);
    parcelApp(dir, 'apps/web/');
    const { report } = scanJson(dir, [source, inlined]);
    expect(report.findings.filter((finding) => finding.file.includes('.parcel-cache'))).toEqual([]);
    expect(report.findings.filter((finding) => finding.secret.redacted === redact(inlined))).toEqual([]);
    // The key of the sources is still found there, once per source.
    expect(report.findings.filter((finding) => finding.secret.redacted === redact(source)).map((finding) => finding.file).sort()).toEqual(['apps/web/src/index.ts', 'src/index.ts']);
    const skipped = report.stats.skipped.filter((entry) => entry.file.includes('.parcel-cache'));
    expect(skipped.map((entry) => entry.file).sort()).toEqual(['.parcel-cache', 'apps/web/.parcel-cache']);
    for (const entry of skipped) expect(entry.reason).toMatch(/^Parcel's build cache: .*never served, so not scanned \(gitignore it: /);
  });

  it('is passed over without a word when gitignored, even with files committed there by force', () => {
    const dir = gitRepo();
    parcelApp(dir);
    writeFiles(dir, { '.gitignore': '.parcel-cache\n' });
    commitFiles(dir, {});
    git(dir, 'add', '-f', '.parcel-cache/snapshot-13f2d5707e7af45c.txt');
    git(dir, 'commit', '-q', '--no-verify', '-m', 'cache');
    const { report } = scanJson(dir, [source, inlined]);
    expect(report.findings.map((finding) => finding.file)).toEqual(['src/index.ts']);
    expect(report.stats.skipped.filter((entry) => entry.file.includes('.parcel-cache'))).toEqual([]);
  });
});
