import { describe, expect, it } from 'vitest';
import { errorMessage, escapeJson, escapeText, jsonOutput, redactReport } from '../../src/report/escape.js';
import { fakeKey } from '../../../../test/support/index.js';

const KEY = fakeKey('live', 1900);

describe('escapeText', () => {
  it('shows control, separator, bidi and zero-width characters as escapes', () => {
    expect(escapeText('a\nb\tc\r\u001b[2J\u0085\u2028\u202e\u2066\u200b\ufeff')).toBe('a\\nb\\tc\\r\\x1b[2J\\x85\\u2028\\u202e\\u2066\\u200b\\ufeff');
  });

  it('breaks a leading workflow command, after spaces too, and only there', () => {
    expect(escapeText('::error::x')).toBe('\\x3a:error::x');
    expect(escapeText('  ::warning::x')).toBe('  \\x3a:warning::x');
    expect(escapeText('src/::error::x.ts')).toBe('src/::error::x.ts');
  });

  it('escapes lone surrogates and keeps paired ones', () => {
    expect(escapeText('\ud800 😀')).toBe('\\ud800 😀');
  });

  it('leaves ordinary text alone', () => {
    expect(escapeText('src/app.ts: é 漢 😀 % , :')).toBe('src/app.ts: é 漢 😀 % , :');
  });
});

describe('escapeJson and jsonOutput', () => {
  it('escapes what JSON.stringify leaves raw and still parses to the same value', () => {
    const value = { file: 'a\u2028b\u202ec\u0085', n: 1 };
    const text = jsonOutput(value);
    expect(text).not.toMatch(/[\u0085\u2028\u202e]/);
    expect(JSON.parse(text)).toEqual(value);
    expect(escapeJson('"\u2029"')).toBe('"\\u2029"');
  });
});

describe('redactReport and errorMessage', () => {
  it('redacts a key in any string of a report, keys of objects included', () => {
    const report = { findings: [{ file: `src/${KEY}.ts`, commit: { author: `Mallory <${KEY}@example.com>` } }], stats: { [KEY]: 1 } };
    const text = JSON.stringify(redactReport(report));
    expect(text).not.toContain(KEY);
    expect(text).toContain(`src/eng_live_…${KEY.slice(-4)}.ts`);
    // The input is not changed.
    expect(report.findings[0]?.file).toBe(`src/${KEY}.ts`);
  });

  it('puts a message on one line, redacted and escaped', () => {
    expect(errorMessage(`cannot read ${KEY}\n::error::x`)).toBe(`cannot read eng_live_…${KEY.slice(-4)}\\n::error::x`);
  });
});
