import { BASE64_SIGNATURES } from './decoders.js';
import { MIN_BODY_LENGTH } from './key-grammar.js';

/**
 * Byte strings at least one of which appears in the text of every key `findKeys` reports in
 * plain, base64 or fully encoded form, so scanners can skip raw bytes that hold none of them
 * without decoding (`findNeedles` also demands the right bytes around `_live_` and `_test_`). A key that escapes only some letters and keeps plain underscores (such as
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

/** A needle and the offset in it of the byte or bytes that a native search looks for. */
interface Needle {
  bytes: Buffer;
  searchedAt: number;
  /** For the plain needles: whether the bytes around one at `start` can belong to a key (see below). */
  mayBeKeyAt?: (buffer: Buffer, start: number) => boolean;
}

/** The bytes that start an escape, percent or entity form; all three are rare in code. */
const ENCODING_STARTS = [0x5c, 0x25, 0x26]; // \ % &

const PLAIN_NEEDLES = new Set(['_live_', '_test_']);
const PLAIN_NEEDLE_LENGTH = 6;
const G_ENDINGS: ReadonlySet<number> = new Set([0x67, 0x37, 0x3b, 0x7d]); // g 7 ; }
/** A key's body may go on in an encoded form. */
const BODY_GOES_ON: ReadonlySet<number> = new Set(ENCODING_STARTS);

function isAlphanumeric(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}

/**
 * A plain `_live_` or `_test_` belongs to a key only
 * - right after the prefix's `g`, written as is or as the end of an escape, percent or entity form
 *   of it (`\x67`, `%67`, `\u{67}`, `&#103;`): elsewhere it is an identifier such as
 *   `is_test_mode` or `e._live_reload`, common in minified code;
 * - and before a body: 12 or more letters and digits and then no `_` (`eng_live_subscription_count`
 *   is an identifier, `eng_live_xxxx` a placeholder), unless the body goes on in an encoded form or
 *   the bytes end, where the next bytes may hold the rest.
 * Each byte of a body is read once: the letters and digits after one needle stop at the next.
 */
function mayBePlainKeyAt(buffer: Buffer, start: number): boolean {
  if (!G_ENDINGS.has(buffer[start - 1] ?? -1)) return false;
  const bodyStart = start + PLAIN_NEEDLE_LENGTH;
  let end = bodyStart;
  while (end < buffer.length && isAlphanumeric(buffer[end] as number)) end++;
  if (end === buffer.length) return true;
  const next = buffer[end] as number;
  return BODY_GOES_ON.has(next) || (end - bodyStart >= MIN_BODY_LENGTH && next !== 0x5f);
}

/**
 * The escape, percent and entity needles each hold one of ENCODING_STARTS. One native search for
 * such a byte, with the needles checked around each occurrence, replaces a native pass per
 * needle: the prefilter makes 9 passes over a file instead of 28.
 */
const GATE_BYTES = ENCODING_STARTS;

interface GatedFamily {
  gate: number;
  needles: Needle[];
}

/** A native search for `anchor` serves every needle that holds it. */
interface AnchorGroup {
  anchor: Buffer;
  needles: Needle[];
}

/** How many bytes an anchor has, when the needle is that long. */
const ANCHOR_LENGTH = 5;

/**
 * Where to anchor a needle that holds no gate byte: at its first byte that is not a lowercase
 * letter (the commonest bytes in code and prose, on which a native search stops most often), as
 * long as an anchor's length remains. `lbmdfbGl2ZV` is searched as `Gl2ZV`.
 */
function anchorOffset(needle: string): number {
  const last = Math.max(0, needle.length - ANCHOR_LENGTH);
  for (let at = 0; at <= last; at++) if (!/[a-z]/.test(needle[at] ?? '')) return at;
  return 0;
}

const { FAMILIES, GROUPS } = (() => {
  const families: GatedFamily[] = GATE_BYTES.map((gate) => ({ gate, needles: [] }));
  const groups = new Map<string, Needle[]>();
  for (const needle of KEY_NEEDLES) {
    const bytes = Buffer.from(needle, 'latin1');
    const family = families.find(({ gate }) => bytes.includes(gate));
    if (family) {
      family.needles.push({ bytes, searchedAt: bytes.indexOf(family.gate) });
      continue;
    }
    const searchedAt = anchorOffset(needle);
    const anchor = needle.slice(searchedAt, searchedAt + ANCHOR_LENGTH);
    const entry: Needle = PLAIN_NEEDLES.has(needle) ? { bytes, searchedAt, mayBeKeyAt: mayBePlainKeyAt } : { bytes, searchedAt };
    groups.set(anchor, [...(groups.get(anchor) ?? []), entry]);
  }
  const anchorGroups: AnchorGroup[] = [...groups].map(([anchor, needles]) => ({ anchor: Buffer.from(anchor, 'latin1'), needles }));
  return { FAMILIES: families, GROUPS: anchorGroups };
})();

/**
 * Gate-byte occurrences checked one by one before a family falls back to a native pass per needle:
 * a file dense with backslashes (a regex table, an escaped blob) must not cost a call per byte.
 */
function occurrenceBudget(length: number): number {
  return 256 + (length >>> 6);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function needleStartsAt(buffer: Buffer, start: number, needle: Buffer): boolean {
  if (start < 0 || start + needle.length > buffer.length) return false;
  for (let i = 0; i < needle.length; i++) if (buffer[start + i] !== needle[i]) return false;
  return true;
}

/** Appends the starts of `needles` around a found occurrence of their searched part at `at`. */
function collectAround(buffer: Buffer, at: number, needles: readonly Needle[], found: number[]): void {
  for (const { bytes, searchedAt, mayBeKeyAt } of needles) {
    const start = at - searchedAt;
    if (needleStartsAt(buffer, start, bytes) && (mayBeKeyAt?.(buffer, start) ?? true)) found.push(start);
  }
}

function searchAnchorGroup(buffer: Buffer, { anchor, needles }: AnchorGroup, found: number[], first: boolean): void {
  for (let at = buffer.indexOf(anchor); at !== -1; at = buffer.indexOf(anchor, at + 1)) {
    collectAround(buffer, at, needles, found);
    if (first && found.length > 0) return;
  }
}

function searchFamily(buffer: Buffer, { gate, needles }: GatedFamily, found: number[], first: boolean): void {
  let budget = occurrenceBudget(buffer.length);
  for (let at = buffer.indexOf(gate); at !== -1; at = buffer.indexOf(gate, at + 1)) {
    if (budget-- === 0) {
      // Too dense: one native pass per needle for the rest. Needles whose gate byte lies before
      // `at` were found above, so each pass starts where such a needle would begin.
      for (const { bytes, searchedAt } of needles) {
        for (let start = buffer.indexOf(bytes, Math.max(0, at - searchedAt)); start !== -1; start = buffer.indexOf(bytes, start + 1)) {
          found.push(start);
          if (first) return;
        }
      }
      return;
    }
    collectAround(buffer, at, needles, found);
    if (first && found.length > 0) return;
  }
}

function search(buffer: Buffer, first: boolean): number[] {
  const found: number[] = [];
  for (const group of GROUPS) {
    searchAnchorGroup(buffer, group, found, first);
    if (first && found.length > 0) return found;
  }
  for (const family of FAMILIES) {
    searchFamily(buffer, family, found, first);
    if (first && found.length > 0) return found;
  }
  return found;
}

function isAscending(offsets: readonly number[]): boolean {
  for (let i = 1; i < offsets.length; i++) if ((offsets[i] ?? 0) <= (offsets[i - 1] ?? 0)) return false;
  return true;
}

/** Offsets in `bytes` where any needle starts, in order, without duplicates. */
export function findNeedles(bytes: Uint8Array): number[] {
  const found = search(asBuffer(bytes), false);
  if (isAscending(found)) return found;
  // A typed array sorts numbers natively: millions of hits (a file of bare prefixes) sort in a
  // fraction of the time Array#sort with a comparator takes.
  const sorted = Float64Array.from(found).sort();
  const unique: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) unique.push(sorted[i] as number);
  return unique;
}

/** True when `bytes` may hold a key; false means it certainly holds none that `findKeys` reports in full. */
export function mayContainKey(bytes: Uint8Array): boolean {
  return search(asBuffer(bytes), true).length > 0;
}
