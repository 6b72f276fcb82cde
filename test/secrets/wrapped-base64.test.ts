// A key in base64 wrapped at 76 or 64 columns (`base64 .env > env.b64`, `openssl base64`), with
// the line break anywhere: inside the prefix's own base64 signature, which the prefilter looks
// for, or inside the key, which a reader of one line at a time would cut short. Every reader finds
// the whole key, under its own fingerprint: the directory audit, history (and HEAD presence) and
// staged.
import { fingerprint } from '@engium/core';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { commitFiles, expectNoFullKey, fakeKey, git, gitRepo, runScanner, writeFiles } from '../support/index.js';

const KEY = fakeKey('live', 1901);
const wrap = (text: string, width: number) => `${(text.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join('\n')}\n`;
/** The encoded .env of a key after `pad` bytes: every alignment and every place of the line break. */
const encodedEnv = (pad: number, width: number) => wrap(Buffer.from(`${'#'.repeat(pad)}\nENGIUM_API_KEY=${KEY}\nREGION=eu\n`).toString('base64'), width);

const FILES = Object.fromEntries(
  [76, 64].flatMap((width) => Array.from({ length: width }, (_, pad) => [`secrets/${width}/env-${String(pad).padStart(2, '0')}.b64`, encodedEnv(pad, width)] as const)),
);

function report(args: string[], cwd?: string): ScanReport {
  const result = runScanner([...args, '--format', 'json', '--fail-on', 'none'], cwd ? { cwd } : {});
  expectNoFullKey(result.stdout + result.stderr, [KEY]);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ScanReport;
}

/** Each file's fingerprints. */
function byFile(scan: ScanReport): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const finding of scan.findings) found.set(finding.file, [...(found.get(finding.file) ?? []), finding.secret.fingerprint]);
  return found;
}

describe('keys in wrapped base64', () => {
  const repo = gitRepo();
  commitFiles(repo, FILES);
  const expected = new Map(Object.keys(FILES).map((file) => [file, [fingerprint(KEY)]]));

  it('are found whole in every file by the directory audit', () => {
    expect(byFile(report([repo, '--no-graph']))).toEqual(expected);
  });

  it('are found whole by history, which reads such files from their blobs, and are still there at HEAD', () => {
    const scan = report(['history', repo]);
    expect(byFile(scan)).toEqual(expected);
    expect(scan.findings.every((finding) => finding.commit?.presentAtHead === true)).toBe(true);
  });

  it('are found whole by staged, which reads such files from the index', () => {
    writeFiles(repo, { 'more/env.b64': encodedEnv(35, 76), 'more/pem.txt': `-----BEGIN ENV-----\n${encodedEnv(8, 64)}-----END ENV-----\n` });
    git(repo, 'add', '-A');
    expect(byFile(report(['staged'], repo))).toEqual(new Map([['more/env.b64', [fingerprint(KEY)]], ['more/pem.txt', [fingerprint(KEY)]]]));
  });
});
