// Any key embedded in any text, at any offset, in any supported encoding, is found by the
// scanner CLI at that offset: the line, and the column (1-based UTF-16, as editors count) where
// the key or its encoded form starts. Cases are generated (fast-check, fixed seed), written as
// files of one temp dir, and checked against one `engium-scan --format json` run.
import fc from 'fast-check';
import { redact } from '@engium/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { tempDir, writeFiles } from '../support/index.js';
import { scanBounded } from '../adversarial/support.js';

const BODY = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Text that cannot join a key or its encodings: no word, base64 or token characters. */
const SEPARATORS = [' ', '\n', '\r\n', '\t', '"', "'", '`', ',', '.', ':', ';', '(', ')', '[', ']', '<', '>', '!', '?', '*', '|', '@', 'é', 'ß', '€', '→', '😀', '漢', '\u00a0', '\ufeff'];
const surrounding = fc.string({ unit: fc.constantFrom(...SEPARATORS), maxLength: 60 });

const ENCODERS = {
  plain: (key: string) => key,
  base64: (key: string) => Buffer.from(key).toString('base64').replace(/=+$/, ''),
  percent: (key: string) => [...key].map((char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
  escape: (key: string) => [...key].map((char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
  'html-entity': (key: string) => [...key].map((char) => `&#${char.charCodeAt(0)};`).join(''),
} as const;
type Encoding = keyof typeof ENCODERS;

interface Case {
  before: string;
  key: string;
  encoding: Encoding;
  after: string;
}

const caseArbitrary: fc.Arbitrary<Case> = fc.record({
  before: surrounding,
  key: fc.tuple(fc.constantFrom('live', 'test'), fc.noBias(fc.string({ unit: fc.constantFrom(...BODY), minLength: 12, maxLength: 48 }))).map(([kind, body]) => `eng_${kind}_${body}`),
  encoding: fc.constantFrom(...(Object.keys(ENCODERS) as Encoding[])),
  after: surrounding,
});

/** Where the encoded key starts: 1-based line, and 1-based column in UTF-16 units. */
function expectedPosition(before: string): { line: number; column: number } {
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
}

describe('keys embedded anywhere are found at their offset, through the CLI', () => {
  const cases = fc.sample(caseArbitrary, { numRuns: 150, seed: 4242 });
  const dir = tempDir('engium-prop-offsets-');
  let report: ScanReport;

  beforeAll(() => {
    writeFiles(dir, Object.fromEntries(cases.map((one, i) => [`case-${i}.txt`, `${one.before}${ENCODERS[one.encoding](one.key)}${one.after}`])));
    ({ report } = scanBounded([dir, '--no-graph'], cases.map((one) => one.key)));
  }, 120_000);

  it('reports each key once, in its encoding, at the line and column where it starts', () => {
    const found = new Map(report.findings.map((finding) => [finding.file, finding]));
    const mismatches: string[] = [];
    for (const [i, one] of cases.entries()) {
      const finding = found.get(`case-${i}.txt`);
      const { line, column } = expectedPosition(one.before);
      const expected = `${line}:${column} ${one.encoding} ${redact(one.key)}`;
      const actual = finding ? `${finding.line}:${finding.column} ${finding.encoding} ${finding.secret.redacted}` : 'not found';
      if (actual !== expected) mismatches.push(`case-${i} (${JSON.stringify(one.before.slice(-12))} + ${one.encoding}): expected ${expected}, got ${actual}`);
    }
    expect(mismatches).toEqual([]);
    expect(report.findings).toHaveLength(cases.length);
  });
});
