import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findKeys, fingerprint, isKey, isPlaceholder, redact } from '../src/index.js';
import { keyOf } from './support.js';

const KEY = keyOf('live', 'a8Kd93LmQz7Xw2Pq');

describe('findKeys', () => {
  it('finds a plain key at its offset', () => {
    const text = `const key = "${KEY}";`;
    expect(findKeys(text)).toMatchObject([{ key: KEY, kind: 'live', encoding: 'plain', index: 13 }]);
  });

  it('leaves out identifiers and placeholders', () => {
    expect(findKeys(`eng_live_subscription_count b${KEY} eng_live_xxxxxxxxxxxx`)).toEqual([]);
  });

  it('finds a base64-encoded key where its encoding starts', () => {
    const encoded = Buffer.from(`"${KEY}"`).toString('base64');
    const text = `atob("${encoded}")`;
    expect(findKeys(text)).toMatchObject([{ key: KEY, encoding: 'base64', index: 6 }]);
  });

  it('orders findings of every encoding by position', () => {
    const text = [`%65%6e%67%5f%6c%69%76%65%5f${'a8Kd93LmQz7Xw2Pq'}`, KEY, Buffer.from(` ${KEY}`).toString('base64')].join(' | ');
    const found = findKeys(text);
    expect(found.map(({ encoding }) => encoding)).toEqual(['percent', 'plain', 'base64']);
  });
});

describe('redact and fingerprint', () => {
  it('shows the prefix and last four body characters only', () => {
    expect(redact(KEY)).toBe('eng_live_…w2Pq');
    expect(fingerprint(KEY)).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('findKeys: properties over arbitrary text', () => {
  // Pieces that make keys, near-keys and encodings likely, mixed with arbitrary Unicode.
  const piece = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 4 }),
    fc.constantFrom('eng_', 'live_', 'test_', '_', 'a8Kd93LmQz7X', 'w2Pq', '\\x5f', '\\u{', '%5F', '&#95;', '&lowbar;', 'ZW5nX2xpdmVf', '==', '"', ' '),
  );

  it('never throws, and reports only whole keys inside the text, in order', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), (pieces, includePlaceholders) => {
        const text = pieces.join('');
        const found = findKeys(text, { includePlaceholders });
        let previous = -1;
        for (const occurrence of found) {
          expect(isKey(occurrence.key)).toBe(true);
          expect(occurrence.index).toBeGreaterThan(previous);
          expect(occurrence.index + occurrence.length).toBeLessThanOrEqual(text.length);
          expect(occurrence.length).toBeGreaterThanOrEqual(occurrence.encoding === 'plain' ? occurrence.key.length : 1);
          if (occurrence.encoding === 'plain') expect(text.slice(occurrence.index, occurrence.index + occurrence.length)).toBe(occurrence.key);
          if (!includePlaceholders) expect(isPlaceholder(occurrence.key)).toBe(false);
          previous = occurrence.index;
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it('finds with decode: false exactly the plain findings', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const plain = findKeys(text).filter(({ encoding }) => encoding === 'plain');
        const undecoded = findKeys(text, { decode: false });
        // A decoded reading may take over a plain key's offset (an escape that extends it); never the reverse.
        for (const occurrence of undecoded) expect(occurrence.encoding).toBe('plain');
        expect(plain.every((occurrence) => undecoded.some((other) => other.index === occurrence.index && other.key === occurrence.key))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
