import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeSecret, fingerprint, keyBody, redact, redactKeysDeep, REDACTED_TAIL_LENGTH } from '../src/index.js';
import { ALPHANUMERIC, keyKind, keyOf, randomKey } from './support.js';

const KEY = keyOf('live', 'a8Kd93LmQz7Xw2Pq');

/** True when some `length`-character piece of `secret` appears in `text`. */
function leaksPiece(text: string, secret: string, length: number): boolean {
  for (let start = 0; start + length <= secret.length; start++) if (text.includes(secret.slice(start, start + length))) return true;
  return false;
}

describe('redact', () => {
  it.each([
    ['a live key', KEY, 'eng_live_…w2Pq'],
    ['a test key', keyOf('test', 'Zr81mQ0pLk2v'), 'eng_test_…Lk2v'],
    ['a long key', keyOf('live', `${'Q'.repeat(300)}tail`), 'eng_live_…tail'],
    ['a body too short to hide anything', keyOf('live', 'abcdefgh'), 'eng_live_…'],
    ['text that is no key', 'hunter2', '…'],
  ])('shows %s as prefix, ellipsis and the last four body characters', (_name, key, expected) => {
    expect(redact(key)).toBe(expected);
  });

  it('keeps four characters', () => {
    expect(REDACTED_TAIL_LENGTH).toBe(4);
  });
});

describe('fingerprint', () => {
  it('is the first 16 hex characters of SHA-256 over the full key (a known answer)', () => {
    // printf %s 'eng_live_a8Kd93LmQz7Xw2Pq' | sha256sum
    expect(fingerprint(KEY)).toBe('917178f66622bf18');
  });

  it('is stable, 16 lower-case hex characters, and differs between keys', () => {
    expect(fingerprint(KEY)).toBe(fingerprint(`${KEY}`));
    expect(fingerprint(KEY)).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint(KEY)).not.toBe(fingerprint(keyOf('test', 'a8Kd93LmQz7Xw2Pq')));
    expect(fingerprint(KEY)).not.toBe(fingerprint(keyOf('live', 'a8Kd93LmQz7Xw2Pr')));
  });
});

describe('describeSecret', () => {
  it('holds the kind, the redacted form and the fingerprint, and no more of the key', () => {
    const description = describeSecret(keyOf('test', 'Zr81mQ0pLk2vW9'));
    expect(description).toEqual({ kind: 'test', redacted: 'eng_test_…2vW9', fingerprint: fingerprint(keyOf('test', 'Zr81mQ0pLk2vW9')) });
    expect(leaksPiece(JSON.stringify(description), 'Zr81mQ0pLk2vW9', 5)).toBe(false);
  });
});

describe('redact and fingerprint: properties', () => {
  it('redacts to exactly prefix + … + the last four body characters', () => {
    fc.assert(
      fc.property(randomKey, (key) => {
        const body = keyBody(key);
        expect(redact(key)).toBe(`${key.slice(0, 'eng_live_'.length)}…${body.slice(-4)}`);
      }),
      { numRuns: 2_000 },
    );
  });

  it('never shows more than four body characters: no five-character piece of the body survives', () => {
    // Biased bodies on purpose: repeated and degenerate bodies are where a sloppy redaction leaks.
    fc.assert(
      fc.property(keyKind, fc.string({ unit: fc.constantFrom(...ALPHANUMERIC), minLength: 12, maxLength: 200 }), (kind, body) => {
        const key = keyOf(kind, body);
        const redacted = redact(key);
        // The fingerprint is hash output: five of its hex digits can match the body by chance.
        const { fingerprint: _hash, ...shown } = describeSecret(key);
        const description = Object.values(shown).join(' ');
        for (const text of [redacted, description]) {
          expect(leaksPiece(text, body, 5)).toBe(false);
          expect(text.includes(key)).toBe(false);
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it('fingerprints as the first 16 hex of SHA-256, and distinct keys get distinct fingerprints', () => {
    fc.assert(
      fc.property(randomKey, randomKey, (a, b) => {
        expect(fingerprint(a)).toBe(createHash('sha256').update(a).digest('hex').slice(0, 16));
        if (a !== b) expect(fingerprint(a)).not.toBe(fingerprint(b));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('redactKeysDeep', () => {
  it('redacts every string of plain data, object keys too, and keeps other values', () => {
    const key = keyOf('live', 'AbCdEfGh12345678');
    const bytes = Buffer.from(key);
    const value = { a: [`x ${key}`, 1, null, { b: key }], [key]: true, bytes, nullProto: Object.assign(Object.create(null) as object, { c: key }) };
    const redacted = redactKeysDeep(value);
    expect(JSON.stringify({ ...redacted, bytes: undefined })).not.toContain(key);
    expect(redacted.a[0]).toBe(`x ${redact(key)}`);
    expect(redacted.bytes).toBe(bytes);
    expect(value.a[0]).toBe(`x ${key}`);
  });
});
