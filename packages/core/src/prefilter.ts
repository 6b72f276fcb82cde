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

/** How many leading bytes needles share to be searched together. */
const ANCHOR_LENGTH = 5;

/**
 * Needles grouped by their first bytes, so one native search serves several needles (the live and
 * test base64 signatures of one alignment share five characters). Searching the bytes directly
 * avoids decoding them to a string, which costs more than all the searches together.
 */
const NEEDLE_GROUPS: readonly { anchor: Buffer; needles: Buffer[] }[] = (() => {
  const groups = new Map<string, Buffer[]>();
  for (const needle of NEEDLE_BUFFERS) {
    const anchor = needle.subarray(0, ANCHOR_LENGTH).toString('latin1');
    groups.set(anchor, [...(groups.get(anchor) ?? []), needle]);
  }
  return [...groups].map(([anchor, needles]) => ({ anchor: Buffer.from(anchor, 'latin1'), needles }));
})();

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function needleAt(buffer: Buffer, offset: number, needle: Buffer): boolean {
  if (offset + needle.length > buffer.length) return false;
  for (let i = ANCHOR_LENGTH; i < needle.length; i++) if (buffer[offset + i] !== needle[i]) return false;
  return true;
}

/** Offsets in `bytes` where any needle starts, in order, without duplicates. */
export function findNeedles(bytes: Uint8Array): number[] {
  const buffer = asBuffer(bytes);
  // Each group's hits come in order; most texts hit one group or none, and need no sort at all.
  const lists: number[][] = [];
  for (const { anchor, needles } of NEEDLE_GROUPS) {
    const list: number[] = [];
    for (let at = buffer.indexOf(anchor); at !== -1; at = buffer.indexOf(anchor, at + 1)) {
      if (needles.some((needle) => needleAt(buffer, at, needle))) list.push(at);
    }
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
  const buffer = asBuffer(bytes);
  return NEEDLE_BUFFERS.some((needle) => buffer.includes(needle));
}
