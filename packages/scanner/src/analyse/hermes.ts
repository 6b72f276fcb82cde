/**
 * Hermes bytecode: React Native's compiled bundles (`index.android.bundle`, `*.hbc`). Its strings
 * sit back to back in one storage area, and the compiler even overlaps them (`"…here"` and
 * `"eng_live_…"` may share the `e`), so a key read from the raw bytes runs into its neighbours.
 * The header's counts locate the string tables; each string is examined on its own.
 *
 * A hit's position: line 1, and as column the key's byte offset in the file plus one (bytecode has
 * no lines; `xxd -s` finds it).
 */
import { searchNeedles } from '@engium/core';
import { snippetAt, type LocatedHit } from './bytes.js';
import { keyHitsInText } from './key-hits.js';

/** The file's first eight bytes (`0x1F1903C103BC1FC6`, little endian). */
const MAGIC = Buffer.from([0xc6, 0x1f, 0xbc, 0x03, 0xc1, 0x03, 0x19, 0x1f]);

/** `BytecodeFileHeader`: 128 bytes in every version that has the fields read here. */
const HEADER_BYTES = 128;
const FIELD = { version: 8, fileLength: 32, functionCount: 40, stringKindCount: 44, identifierCount: 48, stringCount: 52, overflowStringCount: 56, stringStorageSize: 60 } as const;

/**
 * The small function header's size changed between versions (16 bytes up to v96, 12 in v99); the
 * one that makes the string-kind counts add up to the string count is the file's.
 */
const FUNCTION_HEADER_BYTES = [12, 16, 8, 20, 24] as const;

/** A small string table entry with this length points into the overflow table. */
const OVERFLOW_LENGTH = 0xff;

export function isHermesBytecode(bytes: Uint8Array): boolean {
  return bytes.length >= HEADER_BYTES && MAGIC.every((byte, index) => bytes[index] === byte);
}

export interface HermesString {
  /** Byte offset of the string in the file. */
  offset: number;
  /** Length in characters (UTF-16 units for UTF-16 strings, bytes otherwise). */
  length: number;
  utf16: boolean;
}

interface Tables {
  small: number;
  overflow: number;
  storage: number;
}

const align4 = (offset: number): number => (offset + 3) & ~3;

function locateTables(bytes: Buffer, counts: Record<keyof typeof FIELD, number>): Tables | undefined {
  for (const headerBytes of FUNCTION_HEADER_BYTES) {
    const kinds = align4(HEADER_BYTES + counts.functionCount * headerBytes);
    const small = kinds + 4 * (counts.stringKindCount + counts.identifierCount);
    const overflow = small + 4 * counts.stringCount;
    const storage = overflow + 8 * counts.overflowStringCount;
    if (storage + counts.stringStorageSize > bytes.length) continue;
    let strings = 0;
    for (let index = 0; index < counts.stringKindCount; index++) strings += bytes.readUInt32LE(kinds + 4 * index) & 0x7fffffff;
    if (strings === counts.stringCount) return { small, overflow, storage };
  }
  return undefined;
}

/** Every string of the bytecode's string table, or why the table could not be read. */
export function hermesStrings(bytes: Buffer): HermesString[] | { problem: string } {
  const counts = Object.fromEntries(Object.entries(FIELD).map(([name, at]) => [name, bytes.readUInt32LE(at)])) as Record<keyof typeof FIELD, number>;
  if (counts.fileLength > bytes.length) return { problem: `truncated (the header says ${counts.fileLength} bytes, the file has ${bytes.length})` };
  const tables = locateTables(bytes, counts);
  if (!tables) return { problem: `string table not found (bytecode version ${counts.version})` };
  const strings: HermesString[] = [];
  const storageEnd = tables.storage + counts.stringStorageSize;
  for (let index = 0; index < counts.stringCount; index++) {
    // Bit fields, low bits first: isUTF16:1, offset:23, length:8.
    const entry = bytes.readUInt32LE(tables.small + 4 * index);
    const utf16 = (entry & 1) === 1;
    let offset = (entry >>> 1) & 0x7fffff;
    let length = entry >>> 24;
    if (length === OVERFLOW_LENGTH) {
      const at = tables.overflow + 8 * offset;
      if (offset >= counts.overflowStringCount) continue;
      offset = bytes.readUInt32LE(at);
      length = bytes.readUInt32LE(at + 4);
    }
    const start = tables.storage + offset;
    if (start + length * (utf16 ? 2 : 1) > storageEnd) continue;
    strings.push({ offset: start, length, utf16 });
  }
  return strings;
}

/**
 * The prefilter marks candidate regions, not every key (one needle may stand for several keys close
 * together), so a string is read when a needle lies within this many bytes of it, as bytes.ts
 * decodes a window around each needle.
 */
const NEEDLE_REACH = 4096;

/** The first needle at or after `from` (needles ascend). */
function firstAtOrAfter(needles: readonly number[], from: number): number | undefined {
  let low = 0;
  let high = needles.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((needles[middle] ?? 0) < from) low = middle + 1;
    else high = middle;
  }
  return needles[low];
}

/**
 * Keys in the bytecode's strings. Core's prefilter runs over the raw bytes first; only strings
 * that hold a candidate (and the rare UTF-16 ones, which it cannot see) are decoded.
 */
export function hermesKeyHits(bytes: Buffer): { hits: LocatedHit[]; problem?: string } {
  const { needles } = searchNeedles(bytes);
  const strings = hermesStrings(bytes);
  if (!Array.isArray(strings)) return { hits: [], problem: strings.problem };
  const hits: LocatedHit[] = [];
  // Strings may share storage (a key stored as the start of a longer string): each span is read once.
  const seen = new Set<string>();
  for (const string of strings) {
    const span = `${string.offset}:${string.length}:${string.utf16}`;
    if (seen.has(span)) continue;
    let text: string;
    if (string.utf16) {
      text = bytes.toString('utf16le', string.offset, string.offset + string.length * 2);
      if (searchNeedles(Buffer.from(text)).needles.length === 0) continue;
    } else {
      const next = firstAtOrAfter(needles, string.offset - NEEDLE_REACH);
      if (next === undefined || next >= string.offset + string.length + NEEDLE_REACH) continue;
      text = bytes.toString('utf8', string.offset, string.offset + string.length);
    }
    seen.add(span);
    for (const hit of keyHitsInText(text, 1)) {
      const byteIndex = string.utf16 ? hit.index * 2 : Buffer.byteLength(text.slice(0, hit.index));
      hits.push({ ...hit, line: 1, column: string.offset + byteIndex + 1, snippet: snippetAt(text, hit.index, hit.length, hit.secret.redacted) });
    }
  }
  return { hits };
}
