import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from '@engium/core';
import { snippetOf } from '../../src/analyse/snippet.js';

const body = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'), minLength: 16, maxLength: 40 });
const filler = fc.string({ unit: fc.constantFrom(...'abc xyz=;"\'(){}+-_.,'), maxLength: 300 });

describe('snippetOf', () => {
  it('never holds a key, and points at the redacted key', () => {
    fc.assert(
      fc.property(filler, body, body, filler, fc.boolean(), (before, own, other, after, secondKey) => {
        const key = `eng_live_${own}`;
        const another = `eng_test_${other}`;
        const line = `${before}"${key}"${after}${secondKey ? ` "${another}"` : ''}`;
        const column = before.length + 2;
        const snippet = snippetOf(line, column, key.length, redact(key));
        expect(snippet.text.includes(key)).toBe(false);
        expect(snippet.text.includes(another)).toBe(false);
        expect(snippet.text.slice(snippet.column - 1).startsWith(redact(key))).toBe(true);
      }),
    );
  });

  it('redacts an encoded span as a whole and windows long lines', () => {
    const encoded = Buffer.from(['eng', 'live', 'Xq7Lm2Pz9Rt4Vw8K'].join('_')).toString('base64');
    const line = `${'x'.repeat(500)}atob("${encoded}")${'y'.repeat(500)}`;
    const snippet = snippetOf(line, 507, encoded.length, 'eng_live_…Vw8K');
    expect(snippet.text).not.toContain(encoded);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.length).toBeLessThan(200);
    expect(snippet.text.slice(snippet.column - 1, snippet.column - 1 + 14)).toBe('eng_live_…Vw8K');
  });
});
