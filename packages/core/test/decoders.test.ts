import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE64_SIGNATURES, findBase64Keys, findEncodedKeys, findKeys, findWrappedBase64Keys, fingerprint, holdsWrappedBase64Line, isWrappedBase64Line, mayContainKey, opensWithWrappedBase64 } from '../src/index.js';
import { FULL_ENCODERS, keyOf, randomKey, surroundingText } from './support.js';

const BODY = 'a8Kd93LmQz7Xw2Pq';
const KEY = keyOf('live', BODY);
const TEST_KEY = keyOf('test', BODY);

const hex = (text: string): string => [...text].map((char) => `\\x${char.charCodeAt(0).toString(16)}`).join('');
const percent = (text: string): string => [...text].map((char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`).join('');
const entities = (text: string): string => [...text].map((char) => `&#${char.charCodeAt(0)};`).join('');

describe('base64', () => {
  it('has a signature for each prefix at each of the three alignments', () => {
    const alignments = BASE64_SIGNATURES.map(({ alignment }) => alignment);
    expect(alignments.filter((alignment) => alignment === 0)).toHaveLength(2);
    expect(alignments.filter((alignment) => alignment === 1)).toHaveLength(2);
    expect(alignments.filter((alignment) => alignment === 2)).toHaveLength(2);
    for (const { signature } of BASE64_SIGNATURES) expect(signature.length).toBeGreaterThanOrEqual(10);
  });

  it.each([
    ['alignment 0, alone', KEY, 0],
    ['alignment 1, after a quote', `"${KEY}"`, 0],
    ['alignment 2, after two bytes', `: ${KEY}`, 0],
    ['alignment 0 in the second group', `{"k${KEY}`.replace('k', ':'), 4],
    ['alignment 1 in a later group', `k = ${KEY}`, 4],
    ['alignment 2 in a later group', `{"apiKey":"${KEY}"}`, 12],
    ['alignment 2 after a longer text', `token = ${KEY}\n`, 8],
    ['a test key', `'${TEST_KEY}'`, 0],
  ])('finds a key at %s', (_name, plain, groupStart) => {
    const encoded = Buffer.from(plain).toString('base64');
    const text = `data = "${encoded}";`;
    const [found] = findKeys(text);
    expect(found).toMatchObject({ key: plain.includes(TEST_KEY) ? TEST_KEY : KEY, encoding: 'base64', index: 8 + groupStart });
    // The reported text decodes back to bytes that hold the key.
    const reported = text.slice(found?.index, (found?.index ?? 0) + (found?.length ?? 0));
    expect(Buffer.from(reported, 'base64').toString('latin1')).toContain(found?.key);
  });

  it('finds base64url keys, whose alphabet uses - and _', () => {
    // `?>` before the key makes the url-safe alphabet differ from the standard one in the first group.
    const plain = `??>${KEY}`;
    const standard = Buffer.from(plain).toString('base64');
    const urlSafe = Buffer.from(plain).toString('base64url');
    expect(urlSafe).not.toBe(standard.replace(/=+$/, ''));
    expect(findKeys(`u=${urlSafe}`)).toMatchObject([{ key: KEY, encoding: 'base64', index: 2 + 4 }]);
  });

  it('reports the length of the base64 text that holds the key, without padding', () => {
    const encoded = Buffer.from(KEY).toString('base64');
    expect(findKeys(` ${encoded} `)).toMatchObject([{ index: 1, length: encoded.replace(/=+$/, '').length }]);
  });

  it('keeps the whole-token rule inside the decoded bytes', () => {
    expect(findKeys(Buffer.from(`b${KEY}`).toString('base64'))).toEqual([]);
    expect(findKeys(Buffer.from(`${KEY}_x`).toString('base64'))).toEqual([]);
    expect(findKeys(Buffer.from('eng_live_subscription_count').toString('base64'))).toEqual([]);
    expect(findKeys(Buffer.from(keyOf('live', 'a8Kd93LmQz7')).toString('base64'))).toEqual([]);
  });

  it('decodes a long key in full instead of cutting it at a window', () => {
    const longKey = keyOf('live', 'Xq7'.repeat(300));
    const [found] = findKeys(Buffer.from(`"${longKey}"`).toString('base64'));
    expect(found?.key.length).toBe(longKey.length);
    expect(fingerprint(found?.key ?? '')).toBe(fingerprint(longKey));
  });

  it('finds several keys in one base64 blob', () => {
    const plain = JSON.stringify({ a: KEY, b: TEST_KEY, c: keyOf('live', 'Zr81mQ0pLk2v') });
    const found = findBase64Keys(Buffer.from(plain).toString('base64'));
    expect(found.map(({ key }) => key).sort()).toEqual([KEY, TEST_KEY, keyOf('live', 'Zr81mQ0pLk2v')].sort());
  });

  it('ignores base64 text that holds no key', () => {
    expect(findBase64Keys(Buffer.from('hello eng_live_ world, eng_test_short').toString('base64'))).toEqual([]);
    expect(findBase64Keys('ZW5nX2xpdmVf')).toEqual([]);
  });
});

describe('escapes', () => {
  it.each([
    ['\\xNN lower case', hex(KEY), 'escape'],
    ['\\xNN upper-case digits', hex(KEY).toUpperCase().replaceAll('\\X', '\\x'), 'escape'],
    ['\\uNNNN', [...KEY].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''), 'escape'],
    ['\\u{NN}', [...KEY].map((char) => `\\u{${char.charCodeAt(0).toString(16)}}`).join(''), 'escape'],
    ['\\u{0000NN}', [...KEY].map((char) => `\\u{${char.charCodeAt(0).toString(16).padStart(6, '0')}}`).join(''), 'escape'],
    ['only the underscores escaped', KEY.replaceAll('_', '\\x5f'), 'escape'],
    ['only the prefix escaped', hex('eng_live_') + BODY, 'escape'],
    ['only the body escaped', `eng_live_${hex(BODY)}`, 'escape'],
    ['one body letter escaped', KEY.replace('Q', '\\x51'), 'escape'],
    ['percent-encoding', percent(KEY), 'percent'],
    ['percent-encoded underscores only', KEY.replaceAll('_', '%5F'), 'percent'],
    ['lower-case percent-encoding', percent(KEY).toLowerCase(), 'percent'],
    ['decimal entities', entities(KEY), 'html-entity'],
    ['zero-padded decimal entities', [...KEY].map((char) => `&#00${char.charCodeAt(0)};`).join(''), 'html-entity'],
    ['hex entities', [...KEY].map((char) => `&#x${char.charCodeAt(0).toString(16)};`).join(''), 'html-entity'],
    ['hex entities with X', [...KEY].map((char) => `&#X${char.charCodeAt(0).toString(16).toUpperCase()};`).join(''), 'html-entity'],
    ['&lowbar; for the underscores', KEY.replaceAll('_', '&lowbar;'), 'html-entity'],
    ['&UnderBar; for the underscores', KEY.replaceAll('_', '&UnderBar;'), 'html-entity'],
  ])('finds a key written with %s, at the offset and length of its encoded text', (_name, encoded, encoding) => {
    const before = 'const s = "';
    const text = `${before}${encoded}";\n`;
    expect(findKeys(text)).toEqual([{ key: KEY, kind: 'live', encoding, index: before.length, length: encoded.length }]);
  });

  it('counts an astral character before the key as the one token it is', () => {
    const encoded = `\\u{1F600}${hex(KEY)}`;
    expect(findKeys(`"${encoded}"`)).toMatchObject([{ key: KEY, encoding: 'escape', index: 1 + '\\u{1F600}'.length, length: hex(KEY).length }]);
    const entity = `&#128512;${entities(KEY)}`;
    expect(findKeys(entity)).toMatchObject([{ key: KEY, encoding: 'html-entity', index: '&#128512;'.length }]);
  });

  it('finds a key that an escaped space separates from a word', () => {
    // The plain matcher cannot see it: `0` comes right before the prefix in the raw text.
    expect(findKeys(`"\\x20${KEY}"`)).toEqual([{ key: KEY, kind: 'live', encoding: 'escape', index: 5, length: KEY.length }]);
  });

  it('reports one finding, the longer reading, where an escape extends a plain key', () => {
    const text = `"${KEY}\\x41"`;
    expect(findKeys(text)).toEqual([{ key: `${KEY}A`, kind: 'live', encoding: 'escape', index: 1, length: KEY.length + 4 }]);
  });

  it('keeps the whole-token rule on the decoded text', () => {
    expect(findKeys(`\\x62${hex(KEY)}`)).toEqual([]);
    expect(findKeys(`b${hex(KEY)}`)).toEqual([]);
    expect(findKeys(`${hex(KEY)}\\x5fold`)).toEqual([]);
    expect(findKeys(hex('eng_live_subscription_count'))).toEqual([]);
    expect(findKeys(percent(keyOf('live', 'a8Kd93LmQz7')))).toEqual([]);
  });

  it('leaves a plain key to the plain matcher, once', () => {
    const text = `${KEY} \\x41 %41 &#65;`;
    expect(findKeys(text)).toEqual([{ key: KEY, kind: 'live', encoding: 'plain', index: 0, length: KEY.length }]);
    expect(findEncodedKeys(text)).toEqual([]);
  });

  it('reports a key escaped with both \\x and \\u once', () => {
    const mixed = [...KEY].map((char, i) => (i % 2 ? `\\x${char.charCodeAt(0).toString(16)}` : `\\u00${char.charCodeAt(0).toString(16)}`)).join('');
    expect(findEncodedKeys(mixed)).toEqual([{ key: KEY, kind: 'live', encoding: 'escape', index: 0, length: mixed.length }]);
  });

  it('finds keys in several regions and across encodings in one text', () => {
    const parts = [`a = "${hex(KEY)}"`, `b = ${percent(TEST_KEY)}`, `<p>${entities(KEY)}</p>`, Buffer.from(`"${TEST_KEY}"`).toString('base64')];
    const text = parts.join('\n');
    const found = findKeys(text);
    expect(found.map(({ encoding }) => encoding)).toEqual(['escape', 'percent', 'html-entity', 'base64']);
    for (const occurrence of found) expect(occurrence.index).toBeGreaterThanOrEqual(0);
    expect(found.map(({ index }) => index)).toEqual([...found.map(({ index }) => index)].sort((a, b) => a - b));
  });

  it('ignores malformed tokens', () => {
    expect(findKeys(`\\xZZ\\u12 %G1 &#xZZ; &#; &nope; \\u{110000}`)).toEqual([]);
  });

  it('does not decode at all with decode: false', () => {
    expect(findKeys(hex(KEY), { decode: false })).toEqual([]);
    expect(findKeys(Buffer.from(KEY).toString('base64'), { decode: false })).toEqual([]);
  });
});

describe('decoders: properties', () => {
  const encoderNames = Object.keys(FULL_ENCODERS);

  it('finds any random key, fully encoded in any encoding, at its exact offset in random text', () => {
    fc.assert(
      fc.property(randomKey, fc.constantFrom(...encoderNames), fc.nat(1000), surroundingText, surroundingText, (key, encoderName, variant, before, after) => {
        const encode = FULL_ENCODERS[encoderName];
        if (!encode) throw new Error(`no encoder ${encoderName}`);
        const form = encode(key, variant);
        const text = before + form.text + after;
        const expected = {
          key,
          kind: key.startsWith('eng_live_') ? 'live' : 'test',
          encoding: form.encoding,
          index: before.length + form.index,
          length: form.length,
        };
        expect(findKeys(text)).toEqual([expected]);
        // What a scanner skips by the byte prefilter must hold no key.
        expect(mayContainKey(Buffer.from(text, 'utf8'))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it('finds a key at its exact offset after encoded neighbours, astral characters included', () => {
    const encoders: Record<string, (text: string) => string> = {
      escape: (text) => [...text].map((char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`).join(''),
      surrogates: (text) => [...text].map((char) => [...char].map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')).join(''),
      percent: (text) => [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''),
      'html-entity': (text) => [...text].map((char) => `&#${char.codePointAt(0)};`).join(''),
    };
    fc.assert(
      fc.property(randomKey, fc.constantFrom(...Object.keys(encoders)), surroundingText, surroundingText, surroundingText, (key, name, neighbours, before, after) => {
        const encode = encoders[name];
        if (!encode) throw new Error(`no encoder ${name}`);
        const text = before + encode(neighbours) + encode(key) + encode(neighbours) + after;
        expect(findKeys(text)).toEqual([
          {
            key,
            kind: key.startsWith('eng_live_') ? 'live' : 'test',
            encoding: name === 'surrogates' ? 'escape' : name,
            index: before.length + encode(neighbours).length,
            length: encode(key).length,
          },
        ]);
      }),
      { numRuns: 2_000 },
    );
  });

  it('finds every key of a random sequence of encoded keys, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(randomKey, fc.constantFrom(...encoderNames), fc.nat(1000), surroundingText), { minLength: 1, maxLength: 6 }), (parts) => {
        let text = '';
        const expected: { key: string; index: number }[] = [];
        for (const [key, encoderName, variant, separator] of parts) {
          const form = FULL_ENCODERS[encoderName]?.(key, variant);
          if (!form) throw new Error(`no encoder ${encoderName}`);
          // Adjacent encoded keys need a separator, or they would read as one longer token.
          text += `${separator} `;
          expected.push({ key, index: text.length + form.index });
          text += form.text;
        }
        expect(findKeys(text).map(({ key, index }) => ({ key, index }))).toEqual(expected);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('findWrappedBase64Keys', () => {
  const key = keyOf('live', 'Zq8xY2wVt5Rk3Jm9Pn4L');
  const payload = (pad: number) => Buffer.from(`${'x'.repeat(pad)} token=${key} and the rest of a longer message${'y'.repeat(90)}`).toString('base64');
  const wrap = (text: string, width: number, eol: string) => (text.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join(eol);

  it('finds a key whose base64 runs across line breaks at 64 and 76 columns, LF or CRLF, at every offset', () => {
    for (const [width, eol] of [[76, '\r\n'], [76, '\n'], [64, '\n']] as const) {
      for (let pad = 0; pad < width; pad += 5) {
        const text = `header${eol}${eol}${wrap(payload(pad), width, eol)}${eol}`;
        const found = findWrappedBase64Keys(text);
        expect(found.map((match) => match.key), `${width} ${JSON.stringify(eol)} ${pad}`).toEqual([key]);
        // The reported span starts at the key's first base64 group in the original text.
        const [match] = found;
        expect(text.slice(match?.index ?? 0).replace(/\r?\n/g, '').startsWith(payload(pad).slice(Math.floor((pad + 7) / 3) * 4, Math.floor((pad + 7) / 3) * 4 + 8))).toBe(true);
        expect(findKeys(text).filter((occurrence) => occurrence.key === key)).toHaveLength(1);
      }
    }
  });

  it('tells a file that opens with wrapped base64, whatever line break cuts the prefix, so readers search it whole', () => {
    for (let pad = 0; pad < 152; pad++) {
      const text = wrap(payload(pad), 76, '\n');
      expect(opensWithWrappedBase64(Buffer.from(text)), `${pad}`).toBe(true);
      expect(opensWithWrappedBase64(Buffer.from(`-----BEGIN ENV-----\r\n${wrap(payload(pad), 64, '\r\n')}`)), `${pad}`).toBe(true);
      expect(holdsWrappedBase64Line(Buffer.from(`#!/bin/sh\n\ncat <<EOF\n${text}\nEOF\n`))).toBe(true);
    }
    expect(opensWithWrappedBase64(Buffer.from(wrap(payload(3), 70, '\n')))).toBe(false);
    expect(opensWithWrappedBase64(Buffer.from(`${'a'.repeat(76)} \n`))).toBe(false);
    expect(opensWithWrappedBase64(Buffer.from(`const x = 1;\n// comment\n${wrap(payload(3), 76, '\n')}`))).toBe(false);
    expect(isWrappedBase64Line(Buffer.from(`${'Ab'.repeat(32)}\r`), 0, 65)).toBe(true);
    expect(isWrappedBase64Line(Buffer.from(`${'Ab'.repeat(31)}A=`), 0, 64)).toBe(true);
    expect(isWrappedBase64Line(Buffer.from(`${'Ab'.repeat(31)}A!`), 0, 64)).toBe(false);
    // Rulers, hex digests and one-case runs are no base64 lines.
    for (const line of ['-'.repeat(64), '='.repeat(76), 'a1b2c3d4'.repeat(8), 'A'.repeat(64), `${'Ab'.repeat(30)}A=Bc`]) {
      expect(isWrappedBase64Line(Buffer.from(line), 0, line.length), line).toBe(false);
    }
  });

  it('finds the key in a block whose lines are indented alike (a YAML block scalar), at every offset, and in none indented unevenly', () => {
    for (const indent of ['  ', '    ', '\t']) {
      for (let pad = 0; pad < 76; pad += 7) {
        const lines = wrap(payload(pad), 76, '\n').split('\n');
        const text = `data: |\n${lines.map((line) => indent + line).join('\n')}\nnext: 1\n`;
        const found = findWrappedBase64Keys(text);
        expect(found.map((match) => match.key), `${JSON.stringify(indent)} ${pad}`).toEqual([key]);
        // The span starts and ends on base64, never on the indentation.
        const [match] = found;
        expect(/\s/.test(text[match?.index ?? 0] ?? ' ')).toBe(false);
        expect(findKeys(text).filter((occurrence) => occurrence.key === key)).toHaveLength(1);
        expect(isWrappedBase64Line(Buffer.from(lines[0] ? indent + lines[0] : ''), 0, indent.length + 76)).toBe(true);
        const uneven = `data: |\n${lines.map((line, index) => (index % 2 ? ' ' : '') + indent + line).join('\n')}\n`;
        expect(findWrappedBase64Keys(uneven).map((match) => match.key), `uneven ${pad}`).not.toContain(key);
      }
    }
  });

  it('reads no block from lines of other widths or from one line', () => {
    expect(findWrappedBase64Keys(Buffer.from(`a ${key}`).toString('base64'))).toEqual([]);
    expect(findWrappedBase64Keys(wrap(payload(3), 70, '\n'))).toEqual([]);
  });
});
