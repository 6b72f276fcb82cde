// Whatever an input holds, no output holds a full key or a raw control character. Generated (fast-
// check) file names, folder names, commit authors, messages and merged reports carry full keys,
// control characters (newline and tab too), U+2028, bidi overrides, `::` workflow commands, lone
// surrogates and, in real repositories, bytes that are not UTF-8. Checked on the writers for every
// format and on `merge`, then end to end on real files and commits through scan, history and staged.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describeSecret, SEVERITIES, type Exposure } from '@engium/core';
import { describe, expect, it } from 'vitest';
import type { Finding, ScanReport } from '../../packages/scanner/src/finding.js';
import { mergeReports } from '../../packages/scanner/src/merge/merge-reports.js';
import { jsonOutput, redactReport } from '../../packages/scanner/src/report/escape.js';
import { renderReport } from '../../packages/scanner/src/report/index.js';
import { RULES } from '../../packages/scanner/src/rules.js';
import { expectSafeOutput } from '../adversarial/support.js';
import { fakeKey, git, gitRepo, runScanner } from '../support/index.js';

const KEYS = Array.from({ length: 6 }, (_, i) => fakeKey(i % 2 ? 'test' : 'live', 1800 + i));
const CONTROL = ['\n', '\r', '\t', '\r\n', '\u0000', '\u0007', '\u001b[31m', '\u001b]0;x\u0007', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069', '\u200f', '\ufeff'];
const PIECES = [...CONTROL, '::', '::error::x', '::warning file=a::b', ' ', '-', '%0A', 'é', '😀', '\ud800', '\udfff'];
/** Text that holds at least one full key (as a whole token) among hostile pieces. */
const withKey = fc
  .tuple(fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }), fc.constantFrom(...KEYS), fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 4 }))
  .map(([before, key, after]) => `${before.join('')} ${key} ${after.join('')}`);
const hostile = fc.oneof(withKey, fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')));
const path = fc.array(hostile, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));
const ruleIds = Object.values(RULES).map((rule) => rule.id);

const finding: fc.Arbitrary<Finding> = fc
  .record({
    file: path,
    line: fc.integer({ min: 1, max: 1000 }),
    column: fc.integer({ min: 1, max: 1000 }),
    ruleId: fc.constantFrom(...ruleIds),
    severity: fc.constantFrom(...SEVERITIES),
    message: hostile,
    exposure: fc.constantFrom<Exposure>('client', 'server', 'unknown'),
    key: fc.constantFrom(...KEYS),
    snippet: fc.option(hostile, { nil: undefined }),
    author: fc.option(hostile, { nil: undefined }),
    origin: fc.option(path, { nil: undefined }),
  })
  .map(({ key, snippet, author, origin, ...rest }) => ({
    ...rest,
    secret: describeSecret(key),
    encoding: 'plain' as const,
    chain: [rest.file],
    ...(snippet === undefined ? {} : { snippet: { text: snippet, column: 1 } }),
    ...(origin === undefined ? {} : { origin: { file: origin, line: 1, column: 1 } }),
    ...(author === undefined ? {} : { commit: { sha: '0123456789abcdef0123456789abcdef01234567', author, date: '2026-01-01T00:00:00Z', presentAtHead: true } }),
  }));

const report: fc.Arbitrary<ScanReport> = fc
  .record({
    repository: fc.option(hostile, { nil: undefined }),
    findings: fc.array(finding, { maxLength: 5 }),
    skipped: fc.array(fc.record({ file: path, reason: hostile }), { maxLength: 3 }),
    warnings: fc.array(fc.record({ file: path, message: hostile }), { maxLength: 3 }),
  })
  .map(({ repository, findings, skipped, warnings }) => ({
    version: 1,
    ...(repository === undefined ? {} : { repository }),
    findings,
    stats: { filesScanned: findings.length, bytesScanned: 0, durationMs: 1, skipped, suppressed: 0, baselined: 0, warnings },
  }) as ScanReport);

describe('no output holds a full key or a raw control character, whatever the report holds', () => {
  it('text, JSON and SARIF', () => {
    fc.assert(
      fc.property(report, (generated) => {
        for (const format of ['text', 'json', 'sarif'] as const) expectSafeOutput(renderReport(generated, format), KEYS, format);
      }),
      { numRuns: 300 },
    );
  });

  it('merge, as `engium-scan merge` writes it', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostile, report), { minLength: 1, maxLength: 3 }), (reports) => {
        const merged = redactReport(mergeReports(reports.map(([repository, generated]) => ({ repository, report: generated }))));
        expectSafeOutput(jsonOutput(merged), KEYS, 'merge');
      }),
      { numRuns: 200 },
    );
  });
});

/** A file or folder name as bytes: hostile pieces, a key, and bytes that are not UTF-8 (never `/` or NUL). */
const NAME_PIECES = [...CONTROL.filter((piece) => !piece.includes('\u0000')), '::', '::error::x', ' ', 'é'].map((piece) => Buffer.from(piece));
const INVALID_UTF8 = [Buffer.from([0xff]), Buffer.from([0xc3, 0x28]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0x80])];
const nameBytes = fc
  .tuple(fc.array(fc.constantFrom(...NAME_PIECES, ...INVALID_UTF8), { maxLength: 3 }), fc.option(fc.constantFrom(...KEYS), { nil: undefined }), fc.array(fc.constantFrom(...NAME_PIECES, ...INVALID_UTF8), { maxLength: 3 }))
  .map(([before, key, after]) => Buffer.concat([...before, Buffer.from(key === undefined ? 'f' : ` ${key} `), ...after]))
  .filter((name) => name.length > 0 && !name.equals(Buffer.from('.')) && !name.equals(Buffer.from('..')));

describe('real repositories with generated names and authors', () => {
  it('scan, history and staged write no full key and no raw control character, in any format', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(nameBytes, fc.option(nameBytes, { nil: undefined })), { minLength: 1, maxLength: 4, selector: ([file, folder]) => Buffer.concat([folder ?? Buffer.alloc(0), Buffer.from('/'), file]).toString('hex') }),
        withKey.map((author) => author.replace(/[\n<>]/g, ' ').split(String.fromCharCode(0)).join(' ')),
        (entries, author) => {
          const repo = gitRepo('engium-prop-names-');
          writeFileSync(join(repo, 'README.md'), '# app\n');
          git(repo, 'add', '-A');
          git(repo, 'commit', '-q', '--no-verify', '-m', 'initial');
          const base = git(repo, 'rev-parse', 'HEAD');
          for (const [index, [file, folder]] of entries.entries()) {
            const dir = folder === undefined ? Buffer.from(repo) : Buffer.concat([Buffer.from(`${repo}/`), folder]);
            mkdirSync(dir, { recursive: true });
            writeFileSync(Buffer.concat([dir, Buffer.from('/'), file]), `export const k = "${KEYS[index % KEYS.length]}";\n`);
          }
          git(repo, 'add', '-A');
          git(repo, 'commit', '-q', '--no-verify', '-m', 'names', `--author=${author} <a@example.com>`);
          for (const command of [[repo, '--no-graph'], ['history', repo, '--range', `${base}..HEAD`]]) {
            for (const format of ['text', 'json', 'sarif']) {
              const result = runScanner([...command, '--format', format], { env: { FORCE_COLOR: '0' } });
              expectSafeOutput(result.stdout + result.stderr, KEYS, `${command[0]} ${format}`);
              expect(result.status, result.stderr).toBe(1);
            }
          }
          git(repo, 'reset', '-q', '--soft', base);
          const staged = runScanner(['staged', repo, '--format', 'json']);
          expectSafeOutput(staged.stdout + staged.stderr, KEYS, 'staged');
          expect((JSON.parse(staged.stdout) as ScanReport).findings).toHaveLength(entries.length);
        },
      ),
      { numRuns: 3 },
    );
  }, 300_000);
});
