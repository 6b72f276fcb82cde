import { BASE64_SIGNATURES } from './decoders.js';

/**
 * Byte strings at least one of which appears in the text of every key `findKeys` reports in
 * plain, base64 or fully encoded form, so scanners can skip raw bytes that hold none of them
 * without decoding. A key that escapes only some letters and keeps plain underscores (such as
 * `eng_l\x69ve_…`) can slip past; fully escaped, percent- or entity-encoded keys cannot.
 * `_` is a rare byte in most text, which makes these searches fast.
 */
export const KEY_NEEDLES: readonly string[] = [
  '_live_',
  '_test_',
  ...new Set(BASE64_SIGNATURES.map(({ signature }) => signature)),
  '\\x5f', '\\x5F', '\\u005f', '\\u005F', '\\u{5f}', '\\u{5F}',
  // `\u{…}` and numeric entities may pad with zeros (`\u{005f}`, `&#0095;`, `&#x05F;`).
  '\\u{0',
  '%5f', '%5F',
  '&#95;', '&#x5f;', '&#x5F;', '&#X5f;', '&#X5F;', '&#095;', '&#00', '&#x0', '&#X0', '&lowbar;', '&UnderBar;',
  '_\\x', '_\\u', '_%', '_&#',
];

const NEEDLE_BUFFERS = KEY_NEEDLES.map((needle) => Buffer.from(needle, 'latin1'));

/** Offsets in `bytes` where any needle starts, in order, without duplicates. */
export function findNeedles(bytes: Uint8Array): number[] {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // One latin1 string (a byte per character) searched in JavaScript: far cheaper per hit than
  // Buffer#indexOf, which crosses into native code for every call.
  const text = buffer.toString('latin1');
  // Each needle's hits come in order; most texts hit one needle or none, and need no sort at all.
  const lists: number[][] = [];
  for (const needle of KEY_NEEDLES) {
    const list: number[] = [];
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) list.push(at);
    if (list.length > 0) lists.push(list);
  }
  if (lists.length <= 1) return lists[0] ?? [];
  // A typed array sorts numbers natively: millions of hits (a file of bare prefixes) sort in a
  // fraction of the time Array#sort with a comparator takes.
  const sorted = Float64Array.from(lists.flat()).sort();
  const unique: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) unique.push(sorted[i] as number);
  return unique;
}

/** True when `bytes` may hold a key; false means it certainly holds none that `findKeys` reports in full. */
export function mayContainKey(bytes: Uint8Array): boolean {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return NEEDLE_BUFFERS.some((needle) => buffer.includes(needle));
}
