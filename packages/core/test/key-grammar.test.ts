import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findKeys,
  isKey,
  KEY_PATTERN_SOURCE,
  KEY_PREFIXES,
  keyBody,
  keyKind,
  keyPattern,
  matchKeys,
  MIN_BODY_LENGTH,
} from '../src/index.js';
import { keyOf, randomBody, randomKey } from './support.js';

const BODY = 'a8Kd93LmQz7Xw2Pq';
const LIVE = keyOf('live', BODY);
const TEST = keyOf('test', BODY);

/** Offsets of the keys matchKeys finds in `text`. */
const offsets = (text: string): number[] => matchKeys(text).map((match) => match.index);

describe('key grammar: prefixes, body length, kinds', () => {
  it('knows both prefixes and the minimum body length', () => {
    expect(KEY_PREFIXES).toEqual({ live: 'eng_live_', test: 'eng_test_' });
    expect(MIN_BODY_LENGTH).toBe(12);
  });

  it.each([
    ['a live key', LIVE, true],
    ['a test key', TEST, true],
    ['a body of exactly 12', keyOf('live', 'a8Kd93LmQz7X'), true],
    ['a body of 11', keyOf('live', 'a8Kd93LmQz7'), false],
    ['a body of 1', keyOf('test', 'a'), false],
    ['no body', 'eng_live_', false],
    ['a long body of 200', keyOf('live', BODY.repeat(13).slice(0, 200)), true],
    ['an unknown kind', `eng_prod_${BODY}`, false],
    ['an upper-case prefix', `ENG_LIVE_${BODY}`, false],
    ['a dash in the body', keyOf('live', 'a8Kd93Lm-Qz7Xw2Pq'), false],
    ['an underscore in the body', keyOf('live', 'a8Kd93Lm_Qz7Xw2Pq'), false],
    ['a non-ASCII letter in the body', keyOf('live', 'a8Kd93LmQz7Xw2Pé'), false],
    ['surrounding space', ` ${LIVE}`, false],
  ])('isKey: %s', (_name, text, expected) => {
    expect(isKey(text)).toBe(expected);
  });

  it('reads kind and body from a key', () => {
    expect(keyKind(LIVE)).toBe('live');
    expect(keyKind(TEST)).toBe('test');
    expect(keyKind(`eng_prod_${BODY}`)).toBeUndefined();
    expect(keyBody(LIVE)).toBe(BODY);
    expect(keyBody(TEST)).toBe(BODY);
    expect(keyBody('not-a-key')).toBe('not-a-key');
  });

  it('gives a fresh global regex each time, so lastIndex state never leaks between callers', () => {
    const first = keyPattern();
    expect(first.flags).toContain('g');
    first.exec(`x ${LIVE}`);
    expect(first.lastIndex).toBeGreaterThan(0);
    expect(keyPattern().lastIndex).toBe(0);
    expect(keyPattern()).not.toBe(first);
    expect(new RegExp(`^${KEY_PATTERN_SOURCE}$`).test(LIVE)).toBe(true);
  });

  it('reports the kind of each match', () => {
    expect(matchKeys(`${LIVE} ${TEST}`).map(({ kind }) => kind)).toEqual(['live', 'test']);
  });
});

describe('key grammar: a key is a whole token', () => {
  it.each([
    ['an identifier that starts like a key', 'eng_live_subscription_count', []],
    ['a longer identifier ending in a key-like tail', 'eng_live_subscriptionCount_total', []],
    ['a letter before the prefix', `b${LIVE}`, []],
    ['a digit before the prefix', `1${LIVE}`, []],
    ['an underscore before the prefix', `_${LIVE}`, []],
    ['an underscore after the body', `${LIVE}_old`, []],
    ['a non-ASCII letter after the body', `${LIVE}é`, [0]],
    ['the key at the start of the text', `${LIVE} is set`, [0]],
    ['the key at the end of the text', `key: ${LIVE}`, [5]],
    ['the key alone', LIVE, [0]],
    ['inside double quotes', `const k = "${LIVE}";`, [11]],
    ['inside single quotes', `'${LIVE}'`, [1]],
    ['inside backticks', `\`Bearer ${LIVE}\``, [8]],
    ['in JSON', `{"apiKey":"${LIVE}","tenant":"t"}`, [11]],
    ['in a URL query', `https://api.engium.app/api/v1/x?api_key=${LIVE}&a=1`, [40]],
    ['in a URL path', `https://example.com/${LIVE}/x`, [20]],
    ['on an env line', `ENGIUM_API_KEY=${LIVE}`, [15]],
    ['on an env line with export and quotes', `export ENGIUM_API_KEY="${LIVE}"`, [23]],
    ['after a colon in YAML', `apiKey: ${LIVE}`, [8]],
    ['after a colon without space', `apiKey:${LIVE}`, [7]],
    ['in an Authorization header', `Authorization: Bearer ${LIVE}`, [22]],
    ['after a dash (a CLI flag value)', `--key=-${LIVE}`, [7]],
    ['next to a dot', `${LIVE}.`, [0]],
    ['two keys side by side', `${LIVE},${TEST}`, [0, LIVE.length + 1]],
    ['two keys on separate lines', `${LIVE}\n${TEST}\n`, [0, LIVE.length + 1]],
    ['a key that follows a prefix-only word', `eng_live_ ${LIVE}`, [10]],
    ['a key glued to another prefix', `eng_live_eng_test_${BODY}`, []],
  ])('%s', (_name, text, expected) => {
    expect(offsets(text)).toEqual(expected);
  });

  it('finds the whole of a long body, not a prefix of it', () => {
    const body = 'Zq9'.repeat(400);
    const [match] = matchKeys(` ${keyOf('test', body)} `);
    expect(match?.key.length).toBe('eng_test_'.length + body.length);
  });

  it('is found by findKeys with encoding plain and its length', () => {
    expect(findKeys(`x=${LIVE}`)).toEqual([{ key: LIVE, kind: 'live', encoding: 'plain', index: 2, length: LIVE.length }]);
  });
});

describe('key grammar: properties', () => {
  it('finds every random key at its offset when separated from its neighbours', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: fc.constantFrom(' ', '"', ',', '=', ':', '\n', '/'), minLength: 1, maxLength: 6 }), randomKey), { maxLength: 5 }), (parts) => {
        let text = '';
        const expected: { key: string; index: number }[] = [];
        for (const [separator, key] of parts) {
          text += separator;
          expected.push({ key, index: text.length });
          text += key;
        }
        expect(matchKeys(text).map(({ key, index }) => ({ key, index }))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('never finds a key inside a longer identifier', () => {
    fc.assert(
      fc.property(fc.constantFrom(...'abzAZ09_'), randomKey, fc.constantFrom(...'_'), (before, key, after) => {
        expect(matchKeys(`${before}${key}`)).toEqual([]);
        expect(matchKeys(`${key}${after}`)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts bodies of 12 or more characters and rejects shorter ones', () => {
    fc.assert(
      fc.property(randomBody(1, 40), (body) => {
        expect(isKey(keyOf('live', body))).toBe(body.length >= MIN_BODY_LENGTH);
      }),
      { numRuns: 500 },
    );
  });
});
