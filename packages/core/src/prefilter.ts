import { BASE64_SIGNATURES } from './decoders.js';
import { KEY_PREFIXES, MIN_BODY_LENGTH } from './key-grammar.js';
import { NEEDLE_SCAN_WASM } from './needle-scan-wasm.js';
import { instantiateWasm } from './wasm.js';

/**
 * Byte strings at least one of which appears in the text of every key `findKeys` reports in
 * plain, base64 or fully encoded form, so scanners can skip raw bytes that hold none of them
 * without decoding (`findNeedles` also demands the right bytes around `_live_` and `_test_`).
 * A key that escapes only some letters and keeps plain underscores (such as `eng_l\x69ve_…`) can
 * slip past; fully escaped, percent- or entity-encoded keys cannot.
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

const PLAIN_NEEDLE_LENGTH = 6;
/** Bytes that end the prefix's `g`, plain or encoded (`g`, `\x67`, `\u{67}`, `&#103;`). */
const G_ENDINGS = 'g7;}';
const G_ENDING_BYTES: ReadonlySet<number> = new Set([...G_ENDINGS].map((char) => char.charCodeAt(0)));
/** The bytes that start an escape, percent or entity form: a key's body may go on in one. */
const BODY_GOES_ON: ReadonlySet<number> = new Set([0x5c, 0x25, 0x26]); // \ % &

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
function mayBePlainKeyAt(bytes: Uint8Array, start: number): boolean {
  if (!G_ENDING_BYTES.has(bytes[start - 1] ?? -1)) return false;
  const bodyStart = start + PLAIN_NEEDLE_LENGTH;
  let end = bodyStart;
  while (end < bytes.length && isAlphanumeric(bytes[end] as number)) end++;
  if (end === bytes.length) return true;
  const next = bytes[end] as number;
  return BODY_GOES_ON.has(next) || (end - bodyStart >= MIN_BODY_LENGTH && next !== 0x5f);
}

/** Bytes that close a string part: a quote or a template substitution (`${`). */
const PART_ENDS: ReadonlySet<number> = new Set([0x22, 0x27, 0x60, 0x24]);
const QUOTE_BYTES: ReadonlySet<number> = new Set([0x22, 0x27, 0x60]); // " ' `
const QUOTED_PREFIX_START = 'eng';

/**
 * A string literal that opens with `eng` and closes (or breaks into `${`) within a prefix's
 * length: a part of a key that code may assemble (`"eng_" + …`, `'eng_live_' + …`,
 * `` `eng_live_${…}` ``), not a whole one.
 */
function quotedPrefixAt(bytes: Uint8Array, quote: number): boolean {
  if (!QUOTE_BYTES.has(bytes[quote] ?? -1)) return false;
  for (let i = 0; i < QUOTED_PREFIX_START.length; i++) if (bytes[quote + 1 + i] !== QUOTED_PREFIX_START.charCodeAt(i)) return false;
  const partStart = quote + 1 + QUOTED_PREFIX_START.length;
  const limit = Math.min(bytes.length, partStart + KEY_PREFIXES.live.length);
  for (let i = partStart; i < limit; i++) if (PART_ENDS.has(bytes[i] as number)) return true;
  return false;
}

/**
 * What the SIMD pass (needle-scan.wat) looks for: each entry is searched by three bytes, its
 * fingerprint, which starts `offset` bytes into the needle (-1: the byte before it), in one of
 * eight buckets. A candidate is then checked here, exactly.
 */
interface Entry {
  /** The byte sets of the fingerprint's three positions; an empty string accepts every byte. */
  fingerprint: [string, string, string];
  offset: number;
  /** Whether the bytes at `start` hold this entry. */
  holds: (bytes: Uint8Array, start: number) => boolean;
  /** A needle, or the start of a quoted key part. */
  kind: 'needle' | 'quoted-prefix';
}

function needleAt(needle: Uint8Array, check?: (bytes: Uint8Array, start: number) => boolean) {
  return (bytes: Uint8Array, start: number): boolean => {
    if (start < 0 || start + needle.length > bytes.length) return false;
    for (let i = 0; i < needle.length; i++) if (bytes[start + i] !== needle[i]) return false;
    return check?.(bytes, start) ?? true;
  };
}

/**
 * Where a needle's fingerprint starts: at its first byte that is not a lowercase letter (the
 * commonest bytes in code and prose), so that fewer positions pass the filter: `lbmdfbGl2ZV`
 * is searched as `Gl2`.
 */
function fingerprintOffset(needle: string): number {
  const last = Math.max(0, needle.length - 3);
  for (let at = 0; at <= last; at++) if (!/[a-z]/.test(needle[at] ?? '')) return at;
  return 0;
}

const BUCKET_COUNT = 8;

/**
 * The buckets: the plain needles, the base64 ones, the encoded ones by first byte, and the quoted
 * prefixes, the backtick apart. A bucket's tables accept any mix of its bytes' nibbles, so one
 * holding `"`, `'` and `` ` `` would also pass a space, `b` and `g` (` en`, `gen`: every few words
 * of prose); `"` and `'` alone pass nothing else.
 */
function buildBuckets(): Entry[][] {
  const plain = new Set(['_live_', '_test_']);
  const base64 = new Set(BASE64_SIGNATURES.map(({ signature }) => signature));
  const groups = new Map<string, Entry[]>();
  const add = (group: string, entry: Entry): void => void groups.set(group, [...(groups.get(group) ?? []), entry]);
  for (const needle of KEY_NEEDLES) {
    const bytes = Buffer.from(needle, 'latin1');
    if (plain.has(needle)) {
      add('plain', { fingerprint: [G_ENDINGS, '_', needle[1] ?? ''], offset: -1, holds: needleAt(bytes, mayBePlainKeyAt), kind: 'needle' });
      continue;
    }
    const offset = fingerprintOffset(needle);
    const fingerprint = [0, 1, 2].map((i) => needle[offset + i] ?? '') as Entry['fingerprint'];
    add(base64.has(needle) ? 'base64' : `starts with ${needle[0]}`, { fingerprint, offset, holds: needleAt(bytes), kind: 'needle' });
  }
  for (const quotes of ['"\'', '`']) add(`quoted prefix ${quotes}`, { fingerprint: [quotes, 'e', 'n'], offset: 0, holds: quotedPrefixAt, kind: 'quoted-prefix' });
  if (groups.size > BUCKET_COUNT) throw new Error(`the needle scan has ${BUCKET_COUNT} buckets, not ${groups.size}`);
  return [...groups.values()];
}

/** Six 16-byte tables: for each fingerprint position, the buckets by low nibble, then by high nibble. */
function nibbleTables(buckets: readonly Entry[][]): Uint8Array {
  const tables = new Uint8Array(96);
  buckets.forEach((entries, bucket) => {
    const bit = 1 << bucket;
    for (const { fingerprint } of entries) {
      fingerprint.forEach((accepted, position) => {
        const bytes = accepted === '' ? Array.from({ length: 256 }, (_, byte) => byte) : [...accepted].map((char) => char.charCodeAt(0));
        for (const byte of bytes) {
          for (const index of [position * 32 + (byte & 15), position * 32 + 16 + (byte >> 4)]) tables[index] = (tables[index] ?? 0) | bit;
        }
      });
    }
  });
  return tables;
}

// The memory layout of needle-scan.wat.
const CANDIDATES_AT = 1024;
const CANDIDATE_CAPACITY = 4096;
const INPUT_AT = 65536;
/** Bytes copied in and scanned per call: small enough to stay in the CPU's cache. */
const CHUNK_BYTES = 256 * 1024;
/** Bytes copied past a chunk: the 16-byte loads of the fingerprint's last byte read up to 18. */
const CHUNK_OVERLAP = 32;

interface NeedleScan {
  scan: (from: number, to: number, capacity: number) => number;
  input: Uint8Array;
  candidates: Uint32Array;
}

const BUCKETS = buildBuckets();

const NEEDLE_SCAN: NeedleScan = (() => {
  const exports = instantiateWasm(NEEDLE_SCAN_WASM);
  const memory = exports['memory'] as { buffer: ArrayBuffer };
  new Uint8Array(memory.buffer, 0, 96).set(nibbleTables(BUCKETS));
  return {
    scan: exports['scan'] as NeedleScan['scan'],
    input: new Uint8Array(memory.buffer, INPUT_AT, CHUNK_BYTES + CHUNK_OVERLAP),
    candidates: new Uint32Array(memory.buffer, CANDIDATES_AT, CANDIDATE_CAPACITY),
  };
})();

export interface NeedleSearch {
  /** Offsets where a needle starts, in order, without duplicates. */
  needles: number[];
  /** Whether a string literal opens with `eng` and ends within a prefix's length (`"eng_" + …`). */
  quotedPrefix: boolean;
}

/**
 * Calls `found` for each needle start (mostly ascending) and each quoted prefix, until it returns
 * true. One SIMD pass over the bytes, a chunk at a time, checks every fingerprint at once. The
 * module's memory is shared by every call: `found` must not search again.
 */
function search(bytes: Uint8Array, found: (start: number, kind: Entry['kind']) => boolean): void {
  const { scan, input, candidates } = NEEDLE_SCAN;
  for (let chunkStart = 0; chunkStart < bytes.length; chunkStart += CHUNK_BYTES) {
    const chunkEnd = Math.min(bytes.length, chunkStart + CHUNK_BYTES);
    const copied = Math.min(bytes.length, chunkEnd + CHUNK_OVERLAP) - chunkStart;
    input.set(bytes.subarray(chunkStart, chunkStart + copied));
    input.fill(0, copied, copied + CHUNK_OVERLAP);
    for (let from = 0; ; ) {
      const count = scan(from, chunkEnd - chunkStart, CANDIDATE_CAPACITY);
      for (let i = 0; i < count; i++) {
        const candidate = candidates[i] as number;
        const at = chunkStart + (candidate >>> 8);
        for (let buckets = candidate & 0xff; buckets !== 0; buckets &= buckets - 1) {
          for (const { offset, holds, kind } of BUCKETS[31 - Math.clz32(buckets & -buckets)] as Entry[]) {
            const start = at - offset;
            if (holds(bytes, start) && found(start, kind)) return;
          }
        }
      }
      if (count < CANDIDATE_CAPACITY) break;
      from = ((candidates[count - 1] as number) >>> 8) + 1;
    }
  }
}

/** The needles in `bytes`, and (for JS and TS) whether a string literal may start an assembled key. */
export function searchNeedles(bytes: Uint8Array): NeedleSearch {
  const found: number[] = [];
  let quotedPrefix = false;
  search(bytes, (start, kind) => {
    if (kind === 'quoted-prefix') quotedPrefix = true;
    else found.push(start);
    return false;
  });
  return { needles: ascendingUnique(found), quotedPrefix };
}

function isAscending(offsets: readonly number[]): boolean {
  for (let i = 1; i < offsets.length; i++) if ((offsets[i] ?? 0) <= (offsets[i - 1] ?? 0)) return false;
  return true;
}

/**
 * Starts arrive in the order of their fingerprints, which a needle may hold a few bytes in (or,
 * for a plain one, start a byte before): mostly in order, sometimes not. Two needles could start
 * at one offset only if one began with the other; none does today, and nothing here relies on it.
 */
function ascendingUnique(found: number[]): number[] {
  if (isAscending(found)) return found;
  // A typed array sorts numbers natively: millions of hits (a file of bare prefixes) sort in a
  // fraction of the time Array#sort with a comparator takes.
  const sorted = Float64Array.from(found).sort();
  const unique: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) unique.push(sorted[i] as number);
  return unique;
}

/** Offsets in `bytes` where any needle starts, in order, without duplicates. */
export function findNeedles(bytes: Uint8Array): number[] {
  return searchNeedles(bytes).needles;
}

/** True when `bytes` may hold a key; false means it certainly holds none that `findKeys` reports in full. */
export function mayContainKey(bytes: Uint8Array): boolean {
  let may = false;
  search(bytes, (_start, kind) => (may = kind === 'needle'));
  return may;
}
