/**
 * Arbitraries and reference encoders for core's tests. The encoders are written independently of
 * src/decoders.ts (they encode, the source decodes), so a round trip checks the decoders.
 */
import fc from 'fast-check';
import type { KeyEncoding, KeyKind } from '../src/index.js';

export const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A key-shaped string built from parts, so no test file holds a full key literal by accident. */
export function keyOf(kind: KeyKind, body: string): string {
  return `eng_${kind}_${body}`;
}

/**
 * A body as a key generator makes it: every character drawn uniformly. fast-check's default bias
 * deliberately produces degenerate strings (`AAAAAAAAAAAA`), which are placeholders, not keys.
 */
export function randomBody(minLength = 12, maxLength = 64): fc.Arbitrary<string> {
  return fc.noBias(fc.string({ unit: fc.constantFrom(...ALPHANUMERIC), minLength, maxLength }));
}

export const keyKind: fc.Arbitrary<KeyKind> = fc.constantFrom('live', 'test');

export const randomKey: fc.Arbitrary<string> = fc.tuple(keyKind, randomBody()).map(([kind, body]) => keyOf(kind, body));

/**
 * Text that can surround a key without joining it: no word characters, no base64 characters and
 * none of the encodings' syntax (`\`, `%`, `&`, `{`, `}`), but spaces, quotes, punctuation and
 * non-ASCII text, astral characters included (two UTF-16 units each).
 */
export const SEPARATOR_CHARS = [' ', '\n', '\t', '"', "'", '`', ',', '.', ':', ';', '(', ')', '[', ']', '<', '>', '!', '?', '*', '|', '@', '=', 'é', 'ß', '€', '→', '😀', '漢'];

export const surroundingText: fc.Arbitrary<string> = fc.string({ unit: fc.constantFrom(...SEPARATOR_CHARS), maxLength: 40 });

// ---------------------------------------------------------------- reference encoders

const hex2 = (code: number, upper: boolean): string => {
  const digits = code.toString(16).padStart(2, '0');
  return upper ? digits.toUpperCase() : digits;
};

export interface EncodedForm {
  encoding: KeyEncoding;
  /** What the text holds. */
  text: string;
  /** Where the reported occurrence starts inside `text`. */
  index: number;
  /** The reported occurrence's length. */
  length: number;
}

export type FullEncoder = (key: string, variant: number) => EncodedForm;

function tokens(encoding: KeyEncoding, key: string, encodeChar: (char: string, code: number) => string): EncodedForm {
  const text = [...key].map((char) => encodeChar(char, char.charCodeAt(0))).join('');
  return { encoding, text, index: 0, length: text.length };
}

/** Every supported encoding, each applied to every character of the key; `variant` picks case and padding styles. */
export const FULL_ENCODERS: Readonly<Record<string, FullEncoder>> = {
  plain: (key) => ({ encoding: 'plain', text: key, index: 0, length: key.length }),
  base64: (key, variant) => base64Form(key, variant, false),
  base64url: (key, variant) => base64Form(key, variant, true),
  hexEscape: (key, variant) => tokens('escape', key, (_, code) => `\\x${hex2(code, variant % 2 === 1)}`),
  unicodeEscape: (key, variant) => tokens('escape', key, (_, code) => `\\u${hex2(code, variant % 2 === 1).padStart(4, '0')}`),
  codePointEscape: (key, variant) =>
    tokens('escape', key, (_, code) => `\\u{${hex2(code, variant % 2 === 1).padStart(2 + (variant % 5), '0')}}`),
  percent: (key, variant) => tokens('percent', key, (_, code) => `%${hex2(code, variant % 2 === 1)}`),
  decimalEntity: (key, variant) => tokens('html-entity', key, (_, code) => `&#${String(code).padStart(2 + (variant % 6), '0')};`),
  hexEntity: (key, variant) =>
    tokens('html-entity', key, (_, code) => `&#${variant % 3 === 0 ? 'X' : 'x'}${hex2(code, variant % 2 === 1).padStart(2 + (variant % 5), '0')};`),
  namedUnderscoreEntity: (key, variant) =>
    tokens('html-entity', key, (char, code) => (char === '_' ? (variant % 2 === 0 ? '&lowbar;' : '&UnderBar;') : `&#${code};`)),
};

/**
 * base64 of the key after 0 to 5 leading bytes that are not word characters, so the prefix sits at
 * each of the three alignments, in the first group or in a later one. The occurrence starts at the
 * group holding the key's first byte and ends with the group holding its last, without padding.
 */
function base64Form(key: string, variant: number, urlSafe: boolean): EncodedForm {
  const lead = ' "\':(!'.slice(0, variant % 6);
  const padded = variant % 7 !== 0;
  let text = Buffer.from(lead + key, 'latin1').toString(urlSafe ? 'base64url' : 'base64');
  if (urlSafe && padded) text += '='.repeat((4 - (text.length % 4)) % 4);
  if (!urlSafe && !padded) text = text.replace(/=+$/, '');
  const index = Math.floor(lead.length / 3) * 4;
  return { encoding: 'base64', text, index, length: text.replace(/=+$/, '').length - index };
}
