/**
 * Adversarial inputs of several megabytes for every pattern and scanner loop in core. Each test
 * asserts a result, not a time: in linear time each finishes in well under a second, while a
 * quadratic pattern (a backtracking `/\/+$/`, a nested `(.+\/)?`, a decoder that re-reads what it
 * has read) needs at least 10^12 steps on these sizes and runs far past vitest's timeout.
 */
import { describe, expect, it } from 'vitest';
import {
  credentialQueryParameters,
  DEFAULT_API_BASE_URL,
  engiumApiPath,
  findEncodedKeys,
  findKeys,
  findNeedles,
  fingerprint,
  isKeyBearingEnvName,
  isPlaceholder,
  isTenantId,
  matchKeys,
  mayContainKey,
  pathMarker,
  placeholderReason,
  prologueDirectives,
  publicEnvPrefix,
  redact,
  requiresAuthorization,
} from '../src/index.js';
import { keyOf } from './support.js';

const MB = 1024 * 1024;

/** `unit` repeated to about `megabytes` MB. */
const big = (unit: string, megabytes = 2): string => unit.repeat(Math.ceil((megabytes * MB) / unit.length));

const hex = (text: string): string => [...text].map((char) => `\\x${char.charCodeAt(0).toString(16)}`).join('');

describe('linear time: key grammar', () => {
  it('handles a prefix repeated without bodies', () => {
    expect(findKeys(big('eng_live_', 4))).toEqual([]);
    expect(findKeys(big('eng_test_eng_live_', 4))).toEqual([]);
  });

  it('handles one body that runs for megabytes and then joins an identifier', () => {
    expect(matchKeys(`eng_live_${big('a', 5)}_`)).toEqual([]);
    expect(matchKeys(`b${'eng_live_'}${big('Q7x', 5)}`)).toEqual([]);
  });

  it('finds a key with a body of megabytes, in full', () => {
    const key = keyOf('test', big('Q7xZ', 4));
    const [found] = findKeys(` ${key} `);
    expect(found?.length).toBe(key.length);
    expect(fingerprint(found?.key ?? '')).toBe(fingerprint(key));
    expect(redact(found?.key ?? '')).toBe('eng_test_…Q7xZ');
  });

  it('handles bodies one character too short, back to back', () => {
    expect(findKeys(big(`eng_live_${'A1b2C3d4E5f'} `, 6))).toEqual([]);
  });

  it('finds fifty thousand keys', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => keyOf(i % 2 ? 'live' : 'test', `Zq9k${i.toString(36).padStart(4, 'x')}Lm2P`)).join('\n');
    expect(findKeys(text)).toHaveLength(50_000);
  });
});

describe('linear time: placeholders', () => {
  it.each([
    ['one character', big('a', 5), 'mostly-one-character'],
    ['a counting run', big('0123456789', 5), 'counting-run'],
    ['words', big('foobar', 1), 'made-of-words'],
    ['camelCase words', `checkout${big('FlowRedesign', 1)}`, 'identifier-words'],
    ['letters and a long number', `${big('kqzmw', 5)}123456`, undefined],
    ['a marker word and letters in mixed case', `YOUR${big('kQzMw', 5)}`, undefined],
    ['a random-looking body', big('kQ7zMw2X', 5), undefined],
  ])('classifies a body of megabytes: %s', (_name, body, reason) => {
    expect(placeholderReason(keyOf('live', body))).toBe(reason);
  });

  it('checks template syntax in megabytes of text', () => {
    expect(isPlaceholder(big('$a', 10))).toBe(false);
    expect(isPlaceholder(`${big('$a', 10)}{`)).toBe(true);
  });
});

describe('linear time: base64', () => {
  it('handles megabytes of base64 characters without a key', () => {
    expect(findKeys(big('A', 10))).toEqual([]);
    expect(findKeys(big('-_', 10))).toEqual([]);
    expect(findKeys(big('ZW5n', 10))).toEqual([]);
  });

  it('handles the encoded prefix repeated at every alignment', () => {
    for (const lead of ['', ' ', '  ']) {
      const encoded = Buffer.from(lead + big('eng_live_')).toString('base64');
      expect(findEncodedKeys(encoded)).toEqual([]);
    }
    expect(findKeys(big('ZW5nX2xpdmVf'))).toEqual([]);
    expect(findKeys(big('ZW5nX2xpdmVfQUFB'))).toEqual([]);
  });

  it('decodes a key of megabytes in full', () => {
    const key = keyOf('live', big('Zq9k', 3));
    const [found] = findKeys(`"${Buffer.from(`"${key}"`).toString('base64')}"`);
    expect(found?.encoding).toBe('base64');
    expect(fingerprint(found?.key ?? '')).toBe(fingerprint(key));
  });

  it('finds every key in a large base64 blob', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => keyOf('live', `Zq9k${i.toString(36).padStart(4, 'x')}Lm2P`));
    const blob = Buffer.from(JSON.stringify(keys)).toString('base64');
    expect(findKeys(blob).map(({ key }) => key)).toEqual(keys);
  });
});

describe('linear time: escapes, percent-encoding and entities', () => {
  it.each([
    ['\\x41 runs', big('\\x41')],
    ['\\u0041 runs', big('\\u0041')],
    ['\\u{41} runs', big('\\u{41}')],
    ['%41 runs', big('%41')],
    ['&#65; runs', big('&#65;')],
    ['&#x41; runs', big('&#x41;')],
    ['&lowbar; runs', big('&lowbar;')],
    ['encoded underscores', big('\\x5f%5F&#95;')],
    ['backslashes', big('\\')],
    ['letters and backslashes', big('a\\')],
    ['unclosed code points', big('\\u{')],
    ['braces before one escape', `${big('{')}\\x41`],
    ['letters before one escape', `${big('a')}\\x41`],
    ['percent signs', big('%')],
    ['letters and percent signs', big('a%')],
    ['ampersands', big('&')],
    ['unfinished entities', big('&#')],
    ['unfinished long entities', big('&#1234567')],
    ['the escaped prefix repeated', big(hex('eng_live_'))],
    ['the percent-encoded prefix repeated', big('eng%5Flive%5F')],
    ['the entity-encoded prefix repeated', big('eng&#95;live&#95;')],
  ])('finds no key in megabytes of %s', (_name, text) => {
    expect(findKeys(text)).toEqual([]);
  });

  it('reads a key whose escaped body runs for megabytes, in full', () => {
    const text = hex('eng_live_') + big('\\x41', 4);
    const [found] = findKeys(text, { includePlaceholders: true });
    expect(found).toMatchObject({ encoding: 'escape', index: 0, length: text.length, placeholder: 'mostly-one-character' });
    expect(found?.key.length).toBe('eng_live_'.length + (text.length - hex('eng_live_').length) / 4);
  });

  it('finds every escaped key among megabytes of escapes', () => {
    const key = keyOf('test', 'Zr81mQ0pLk2vW9');
    const text = Array.from({ length: 10_000 }, () => `"${hex(key)}" ${'\\x20'.repeat(50)}`).join('');
    const found = findKeys(text);
    expect(found).toHaveLength(10_000);
    expect(new Set(found.map(({ key: k }) => k))).toEqual(new Set([key]));
  });
});

describe('linear time: prefilter', () => {
  it('scans megabytes of near-misses', () => {
    expect(mayContainKey(Buffer.from(big('_', 10)))).toBe(false);
    expect(mayContainKey(Buffer.from(big('_liv', 10)))).toBe(false);
    expect(mayContainKey(Buffer.from(big('\\u{', 10)))).toBe(false);
    expect(findNeedles(Buffer.from(big('_%')))).toHaveLength((2 * MB) / 2);
  });
});

describe('linear time: exposure', () => {
  it.each<[string, string, string[]]>([
    ['an unterminated block comment', `/*${big(' ', 10)}`, []],
    ['an unterminated comment full of stars', `/*${big('*', 10)}`, []],
    ['comment openers', big('/*/', 10), []],
    ['line comments, then a directive', `${big('// x\n', 10)}"use client";`, ['use client']],
    ['whitespace, then code', `${big(' \n', 10)}x`, []],
    ['an unterminated directive', `"use ${big('a', 10)}`, []],
    ['an unterminated directive with spaces', `'use ${big('a ', 10)}`, []],
    ['a long hashbang', `#!${big('x', 10)}`, []],
    ['block comments, then a directive', `${big('/* c */ ', 10)}'use server'`, ['use server']],
    ['a directive, spaces, then code on its line', `"use ${big('a ', 4)}"${big(' ', 4)}+ x`, []],
  ])('reads the prologue of %s', (_name, source, expected) => {
    expect(prologueDirectives(source)).toEqual(expected);
  });

  it('reads a prologue of a million directives', () => {
    expect(prologueDirectives(big('"use client";', 13))).toHaveLength(MB);
  });

  it.each([
    ['app segments', big('app/', 2), undefined],
    ['app segments, then a route', `${big('app/', 2)}route.ts`, 'next-route-handler'],
    ['route segments', big('route.ts/', 2), undefined],
    ['slashes', big('/', 4), undefined],
    ['server suffixes', big('.server', 4), undefined],
    ['pages segments', big('pages/', 2), undefined],
    ['lib server segments', big('src/lib/', 2), undefined],
    ['SvelteKit route segments', big('+page/', 2), undefined],
  ])('classifies a path of %s', (_name, path, id) => {
    expect(pathMarker(path)?.id).toBe(id);
  });

  it('checks env names of megabytes', () => {
    expect(isKeyBearingEnvName(big('ENGIUM_', 4))).toBe(false);
    expect(isKeyBearingEnvName(`${big('ENGIUM_', 4)}KEY`)).toBe(true);
    expect(publicEnvPrefix(big('NEXT_PUBLI', 4))).toBeUndefined();
  });
});

describe('linear time: API facts', () => {
  it('normalises paths of megabytes of slashes', () => {
    expect(requiresAuthorization('POST', `${big('/', 5)}a`)).toBe(true);
    expect(requiresAuthorization('POST', `/auth/login${big('/', 5)}`)).toBe(false);
    expect(engiumApiPath(`${DEFAULT_API_BASE_URL}${big('/', 5)}x`)).toBe(`${big('/', 5)}x`);
    expect(engiumApiPath(`${DEFAULT_API_BASE_URL}/x${big('/', 5)}`)).toBe('/x');
    expect(engiumApiPath(DEFAULT_API_BASE_URL, [`${DEFAULT_API_BASE_URL}${big('/', 5)}`])).toBe('/');
  });

  it('rejects URLs of megabytes', () => {
    expect(engiumApiPath(`https://${big('a', 10)}`)).toBeUndefined();
    expect(engiumApiPath(`${big('a', 10)}://x`)).toBeUndefined();
    expect(engiumApiPath(big('https://', 10))).toBeUndefined();
  });

  it('reads a million query parameters', () => {
    expect(credentialQueryParameters(`/a?${big('token=1&', 2)}`)).toHaveLength((2 * MB) / 8);
    expect(credentialQueryParameters(`/a?${big('%', 2)}`)).toEqual([]);
  });

  it('checks tenant IDs of megabytes', () => {
    expect(isTenantId(big(' ', 10))).toBe(false);
    expect(isTenantId(big('0', 10))).toBe(false);
    expect(isTenantId(big('0-', 10))).toBe(false);
  });
});
