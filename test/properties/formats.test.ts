// Every output format keeps its structure whatever file names and messages hold: JSON parses back
// to the report, SARIF validates against the official 2.1.0 schema, and the text report carries no
// terminal control character from a name. Reports are generated (fast-check) with hostile names:
// newlines, quotes, `%`, `::`, `,`, `:`, ANSI escapes, leading dashes, non-ASCII and astral text.
import fc from 'fast-check';
import { describeSecret, SEVERITIES, type Exposure } from '@engium/core';
import { describe, expect, it } from 'vitest';
import type { Finding, ScanReport } from '../../packages/scanner/src/finding.js';
import { renderReport } from '../../packages/scanner/src/report/index.js';
import { RULES } from '../../packages/scanner/src/rules.js';
import { expectValidReport, expectValidSarif } from '../scanner/support.js';
import { expectNoFullKey, fakeKey } from '../support/index.js';

const HOSTILE_PIECES = ['\n', '\r', '\r\n', '%', '%0A', '::', ',', ':', '"', "'", '`', '\u001b[31m', '\u001b]0;pwned\u0007', '\u009b', '--', '-rf', '\\', '/', '..', ' ', '\t', '\u0000', 'é', '😀', '漢', '\u202e', '::error::x', '=', '<', '>', '&', '*', '|', '#'];
const hostileText = fc.array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')).filter((text) => text.length > 0);
/** A relative path as reports hold them: never absolute, anything else goes. */
const filePath = fc.array(hostileText, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/')).filter((path) => !/^(\/|[A-Za-z]:\\)/.test(path));

const KEYS = Array.from({ length: 8 }, (_, i) => fakeKey(i % 2 ? 'test' : 'live', 950 + i));
const ruleIds = Object.values(RULES).map((rule) => rule.id);

const finding: fc.Arbitrary<Finding> = fc
  .record({
    file: filePath,
    line: fc.integer({ min: 1, max: 100_000 }),
    column: fc.integer({ min: 1, max: 100_000 }),
    ruleId: fc.constantFrom(...ruleIds),
    severity: fc.constantFrom(...SEVERITIES),
    message: hostileText,
    exposure: fc.constantFrom<Exposure>('client', 'server', 'unknown'),
    key: fc.constantFrom(...KEYS),
    snippet: fc.option(hostileText, { nil: undefined }),
    commit: fc.option(fc.record({ sha: fc.constant('0123456789abcdef0123456789abcdef01234567'), author: hostileText, date: fc.constant('2026-01-01T00:00:00Z'), presentAtHead: fc.boolean() }), { nil: undefined }),
    origin: fc.option(fc.record({ file: filePath, line: fc.integer({ min: 1, max: 1000 }), column: fc.integer({ min: 1, max: 1000 }), inRepository: fc.boolean() }), { nil: undefined }),
    chain: fc.option(fc.array(filePath, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  })
  .map(({ key, snippet, origin, chain, commit, ...rest }) => ({
    ...rest,
    secret: describeSecret(key),
    encoding: 'plain' as const,
    ...(snippet === undefined ? {} : { snippet: { text: snippet, column: 1 } }),
    ...(origin === undefined ? {} : { origin }),
    // The schema asks a client finding for its chain.
    ...(chain === undefined && rest.exposure !== 'client' ? {} : { chain: chain ?? [rest.file] }),
    ...(commit === undefined ? {} : { commit }),
  }));

const report: fc.Arbitrary<ScanReport> = fc.record({
  findings: fc.array(finding, { maxLength: 6 }),
  skipped: fc.array(fc.record({ file: filePath, reason: hostileText }), { maxLength: 3 }),
  warnings: fc.array(fc.record({ file: filePath, message: hostileText }), { maxLength: 3 }),
}).map(({ findings, skipped, warnings }) => ({
  version: 1,
  findings,
  stats: { filesScanned: findings.length, bytesScanned: 0, durationMs: 1, skipped, suppressed: 0, baselined: 0, warnings },
}) as ScanReport);

describe('output formats round-trip whatever names and messages hold', () => {
  it('JSON parses back to the same report and validates against the report schema', () => {
    fc.assert(
      fc.property(report, (generated) => {
        const text = renderReport(generated, 'json');
        const parsed = JSON.parse(text) as ScanReport;
        expect(parsed.findings).toEqual(generated.findings);
        expectValidReport(parsed);
        expectNoFullKey(text, KEYS);
      }),
      { numRuns: 300 },
    );
  });

  it('SARIF validates against the official 2.1.0 schema and keeps every name as data', () => {
    fc.assert(
      fc.property(report, (generated) => {
        const text = renderReport(generated, 'sarif');
        const log = JSON.parse(text) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
        expectValidSarif(log);
        expect(log.runs[0]?.results).toHaveLength(generated.findings.length);
        expectNoFullKey(text, KEYS);
      }),
      { numRuns: 200 },
    );
  });

  it('the text report writes no terminal control character taken from a name or message', () => {
    fc.assert(
      fc.property(report, (generated) => {
        const text = renderReport(generated, 'text', { color: false });
        // eslint-disable-next-line no-control-regex -- the point: none of these may reach a terminal
        expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
        expectNoFullKey(text, KEYS);
      }),
      { numRuns: 300 },
    );
  });
});
