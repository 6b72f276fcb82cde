import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findKeys, findNeedles, KEY_NEEDLES, mayContainKey, searchNeedles } from '../src/index.js';
import { ALPHANUMERIC, FULL_ENCODERS, keyOf, randomKey, surroundingText } from './support.js';

const KEY = keyOf('test', 'Zr81mQ0pLk2vW9');
/** The SIMD pass scans this many bytes at a time. */
const CHUNK = 256 * 1024;
const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('prefilter', () => {
  it.each(Object.entries(FULL_ENCODERS).flatMap(([name, encode]) => [0, 1, 2, 3, 4, 5, 6].map((variant) => [`${name} #${variant}`, encode(KEY, variant).text] as const)))(
    'passes the fully encoded form %s',
    (_name, text) => {
      expect(findKeys(text)).toHaveLength(1);
      expect(mayContainKey(bytes(text))).toBe(true);
    },
  );

  it('passes keys that keep a plain underscore next to an encoded character', () => {
    for (const text of [KEY.replace('_Z', '_\\x5a'), KEY.replace('_Z', '_%5A'), KEY.replace('_Z', '_&#90;'), KEY.replace('_Z', '_\\u005a')]) {
      expect(findKeys(text)).toHaveLength(1);
      expect(mayContainKey(bytes(text))).toBe(true);
    }
  });

  it.each([
    ['prose', 'The quick brown fox jumps over the lazy dog.'],
    ['code without keys', 'const user_name = process.env.USER_NAME; fetch(url, { headers });'],
    ['an identifier with eng_', 'eng_subscription eng_x'],
    ['empty input', ''],
    ['binary bytes', '\u0000\u0001\u00ff\u00fe'],
  ])('rejects %s', (_name, text) => {
    expect(mayContainKey(bytes(text))).toBe(false);
    expect(findKeys(text)).toEqual([]);
  });

  it('accepts a Uint8Array view into a larger buffer, reading only the view', () => {
    const whole = bytes(`xxxxxxxx${KEY}yyyy`);
    const view = new Uint8Array(whole.buffer, whole.byteOffset + 8, KEY.length);
    expect(mayContainKey(view)).toBe(true);
    const before = new Uint8Array(whole.buffer, whole.byteOffset, 8);
    expect(mayContainKey(before)).toBe(false);
  });

  it('finds needles at their byte offsets, in order, once each', () => {
    const text = `a${KEY} \\x5f %5F`;
    const hits = findNeedles(bytes(text));
    expect(hits).toEqual([...new Set(hits)].sort((a, b) => a - b));
    expect(hits).toContain(1 + 'eng'.length);
    expect(hits).toContain(text.indexOf('\\x5f'));
    expect(hits).toContain(text.indexOf('%5F'));
    expect(findNeedles(bytes('nothing here'))).toEqual([]);
  });

  it('takes a plain _live_ or _test_ only before a body, or where the body may go on encoded or past the end', () => {
    for (const text of ['eng_live_subscription_count', 'x = "eng_live_xxxx";', 'ENGIUM_KEY=eng_test_YOUR_KEY_HERE\n']) {
      expect(findNeedles(bytes(text)), text).toEqual([]);
    }
    for (const text of ['"eng_live_Zr81mQ0pLk2vW9"', 'eng_live_Zr8\\x31mQ0pLk2vW9', 'eng_live_Zr8%31mQ0pLk2vW9', 'eng_live_Zr8&#49;mQ0pLk2vW9', 'cut at eng_live_Zr8']) {
      expect(findNeedles(bytes(text)), text).toEqual([text.indexOf('_live_')]);
    }
  });

  it('takes a plain _live_ or _test_ only right after the prefix g, plain or encoded', () => {
    expect(findNeedles(bytes('is_test_mode e._live_reload export{x as _test_helpers} _live_'))).toEqual([]);
    for (const g of ['g', '\\x67', '%67', '\\u0067', '\\u{67}', '&#103;', '&#x67;']) {
      const text = `en${g}_live_Zr81mQ0pLk2vW9`;
      expect(findNeedles(bytes(text)), text).toEqual([text.indexOf('_live_')]);
    }
  });

  it('has only needles that are valid, non-empty byte strings', () => {
    for (const needle of KEY_NEEDLES) {
      expect(needle.length).toBeGreaterThan(1);
      expect([...needle].every((char) => char.charCodeAt(0) < 0x80)).toBe(true);
    }
  });
});

describe('prefilter: properties', () => {
  it('never rejects bytes in which findKeys finds a plain or fully encoded key', () => {
    fc.assert(
      fc.property(randomKey, fc.constantFrom(...Object.keys(FULL_ENCODERS)), fc.nat(1000), surroundingText, surroundingText, (key, name, variant, before, after) => {
        const form = FULL_ENCODERS[name]?.(key, variant);
        if (!form) throw new Error(`no encoder ${name}`);
        const text = before + form.text + after;
        fc.pre(findKeys(text).length > 0);
        expect(mayContainKey(bytes(text))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it('passes every key whose underscores are plain or encoded in any way the decoders read', () => {
    const underscores: Record<string, string[]> = {
      escape: ['\\x5f', '\\x5F', '\\u005f', '\\u005F', '\\u{5f}', '\\u{5F}', '\\u{05f}', '\\u{00005F}'],
      percent: ['%5f', '%5F'],
      'html-entity': ['&#95;', '&#095;', '&#0000095;', '&#x5f;', '&#x5F;', '&#X5f;', '&#X5F;', '&#x005f;', '&#X00005F;', '&lowbar;', '&UnderBar;'],
    };
    const scheme = fc.constantFrom(...Object.keys(underscores));
    const underscore = (name: string): fc.Arbitrary<string> => fc.constantFrom('_', ...(underscores[name] ?? []));
    fc.assert(
      fc.property(
        scheme.chain((name) => fc.tuple(underscore(name), underscore(name))),
        fc.constantFrom('live', 'test'),
        fc.noBias(fc.string({ unit: fc.constantFrom(...ALPHANUMERIC), minLength: 12, maxLength: 40 })),
        surroundingText,
        ([first, second], kind, body, around) => {
          const text = `${around}eng${first}${kind}${second}${body}${around}`;
          expect(findKeys(text).map(({ key }) => key)).toEqual([`eng_${kind}_${body}`]);
          expect(mayContainKey(bytes(text))).toBe(true);
        },
      ),
      { numRuns: 3_000 },
    );
  });
});

/** The rule for a plain needle, spelled with regexes: the prefix's g before, a body (or more to come) after. */
function plainMayBeKey(text: Buffer, at: number): boolean {
  if (!'g7;}'.includes(String.fromCharCode(text[at - 1] ?? 0))) return false;
  const after = text.toString('latin1', at + '_live_'.length);
  const body = /^[A-Za-z0-9]*/.exec(after)?.[0] ?? '';
  const next = after[body.length];
  return next === undefined || '\\%&'.includes(next) || (body.length >= 12 && next !== '_');
}

/** Every offset where a needle starts, by the plainest search there is. */
function naiveNeedles(text: Buffer): number[] {
  const offsets = new Set<number>();
  for (const needle of KEY_NEEDLES) {
    const bytes = Buffer.from(needle, 'latin1');
    const plain = needle === '_live_' || needle === '_test_';
    for (let at = text.indexOf(bytes); at !== -1; at = text.indexOf(bytes, at + 1)) {
      if (!plain || plainMayBeKey(text, at)) offsets.add(at);
    }
  }
  return [...offsets].sort((a, b) => a - b);
}

describe('prefilter: the searches agree with one native pass per needle', () => {
  // Fragments of needles, their gate bytes and common code, so texts are dense with near misses.
  const fragment = fc.constantFrom(...KEY_NEEDLES, ...KEY_NEEDLES.map((needle) => needle.slice(0, -1)), '\\', '%', '&', '_', 'eng', 'x', '5f', '{', ';', ' ', 'l');

  it('finds the same offsets in texts dense with needles and near misses', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 200 }), (parts) => {
        const text = bytes(parts.join(''));
        expect(findNeedles(text)).toEqual(naiveNeedles(text));
        expect(mayContainKey(text)).toBe(naiveNeedles(text).length > 0);
      }),
      { numRuns: 3_000 },
    );
  });

  it('finds the same offsets in texts dense with backslashes, percent signs and ampersands', () => {
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 1, maxLength: 20 }), fc.nat(3000), (parts, padding) => {
        const text = bytes(`${'\\%&'.repeat(padding)}${parts.join('')}${'\\&%'.repeat(400)}${parts.join('')}`);
        expect(findNeedles(text)).toEqual(naiveNeedles(text));
      }),
      { numRuns: 300 },
    );
  });

  it('finds every needle and key that straddles the edge of a scanned chunk', () => {
    // The SIMD pass scans 256 KiB at a time; a needle's fingerprint, its bytes or a key's body may
    // sit on either side of the edge. Sweep each needle (and a key per plain needle) across it.
    const probes = [...KEY_NEEDLES.filter((needle) => !/^_(live|test)_$/.test(needle)), keyOf('live', 'Zr81mQ0pLk2vW9'), `"${keyOf('test', 'Zr81mQ0pLk2vW9')}"`];
    for (const probe of probes) {
      for (let start = CHUNK - probe.length - 2; start <= CHUNK + 2; start++) {
        const text = bytes(`${' '.repeat(start)}${probe}`.padEnd(2 * CHUNK + 64, ' '));
        expect(findNeedles(text), `${probe} at ${start}`).toEqual(naiveNeedles(text));
        expect(mayContainKey(text), `${probe} at ${start}`).toBe(true);
      }
    }
  });

  it('finds every needle when a chunk holds more candidates than one call of the SIMD pass returns', () => {
    // Thousands of candidates per chunk: the pass stops when its candidate list is full and the
    // next call goes on after the last one.
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 1, maxLength: 20 }), fc.nat(40_000), (parts, padding) => {
        const text = bytes(`${'_%'.repeat(padding)}${parts.join('')}${'&#00'.repeat(3000)}${parts.join('')}`);
        expect(findNeedles(text)).toEqual(naiveNeedles(text));
      }),
      { numRuns: 30 },
    );
  });

  it('passes every key whose prefix is plain and whose body is partly escaped, percent- or entity-encoded', () => {
    const encodings = [(char: string) => `\\x${char.charCodeAt(0).toString(16)}`, (char: string) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`, (char: string) => `&#${char.charCodeAt(0)};`];
    fc.assert(
      fc.property(randomKey, fc.array(fc.nat(2)), fc.array(fc.boolean()), surroundingText, (key, schemes, encodeAt, around) => {
        const prefixLength = 'eng_live_'.length;
        const body = [...key.slice(prefixLength)].map((char, i) => (encodeAt[i] ? (encodings[schemes[i] ?? 0] ?? encodings[0])?.(char) : char)).join('');
        const text = `${around}${key.slice(0, prefixLength)}${body}${around}`;
        fc.pre(findKeys(text).length > 0);
        expect(mayContainKey(bytes(text))).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });
});

/** A string literal that opens with `eng` and ends (or breaks into `${`) within a prefix's length. */
function naiveQuotedPrefix(text: string): boolean {
  return [...text.matchAll(/["'`]eng/g)].some(({ index }) => /["'`$]/.test(text.slice(index + 4, index + 4 + 'eng_live_'.length)));
}

describe('prefilter: quoted key prefixes', () => {
  it.each([
    ['a prefix concatenated', 'const key = "eng_" + "live_" + body;', true],
    ['a kind concatenated', "const key = 'eng_live_' + body;", true],
    ['a template literal', 'const key = `eng_live_${body}`;', true],
    ['a whole key in quotes', `const key = "${KEY}";`, false],
    ['an identifier', 'const eng_live_count = 1;', false],
    ['a longer string', "log('engagement rate for the quarter');", false],
  ])('%s', (_name, text, expected) => {
    expect(searchNeedles(bytes(text)).quotedPrefix).toBe(expected);
    expect(naiveQuotedPrefix(text)).toBe(expected);
  });

  it('finds a quoted prefix on either side of the edge of a scanned chunk', () => {
    for (let start = CHUNK - 8; start <= CHUNK + 2; start++) {
      const text = bytes(`${' '.repeat(start)}"eng_" + x`.padEnd(CHUNK + 64, ' '));
      expect(searchNeedles(text).quotedPrefix, `at ${start}`).toBe(true);
    }
  });

  it('agrees with a regex on texts dense with quotes and prefixes', () => {
    const piece = fc.constantFrom('"', "'", '`', '$', 'eng', 'en', 'g', '_', 'live_', 'x', ' ', '{');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(searchNeedles(bytes(text)).quotedPrefix).toBe(naiveQuotedPrefix(text));
      }),
      { numRuns: 3_000 },
    );
  });
});
