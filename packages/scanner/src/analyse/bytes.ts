/**
 * Key hits in raw bytes. Core's byte prefilter runs first, so most files are never decoded; a
 * small file with a candidate is decoded whole, a large one only in windows around each candidate,
 * with lines and columns counted on the bytes in between.
 */
import { opensWithWrappedBase64, searchNeedles } from '@engium/core';
import type { Snippet } from '../finding.js';
import { keyHitsInText, type KeyHit } from './key-hits.js';
import { snippetOf } from './snippet.js';

/** A key hit with its redacted code frame. */
export interface LocatedHit extends KeyHit {
  snippet: Snippet;
}

/** The snippet for a hit at UTF-16 offset `index` of `text`. */
export function snippetAt(text: string, index: number, length: number, redacted: string): Snippet {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const lineEnd = text.indexOf('\n', index);
  return snippetOf(text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd), index - lineStart + 1, length, redacted);
}

function located(text: string, hits: readonly KeyHit[]): LocatedHit[] {
  return hits.map((hit) => ({ ...hit, snippet: snippetAt(text, hit.index, hit.length, hit.secret.redacted) }));
}

/** Files up to this size are decoded whole when the prefilter finds a candidate. */
export const WHOLE_DECODE_BYTES = 1024 * 1024;

/** Bytes decoded on each side of a candidate: an encoded key and its context fit easily. */
const WINDOW_BYTES = 4096;

/** How far a window edge moves to avoid cutting a token in two. */
const MAX_EDGE_EXTENSION = 64 * 1024;

const NEWLINE = 0x0a;

/** Bytes that can be part of a key or of an encoded key: a window never ends between two of them. */
function isTokenByte(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) ||
    byte === 0x5f || byte === 0x2b || byte === 0x2f || byte === 0x2d || byte === 0x3d || // _ + / - =
    byte === 0x25 || byte === 0x5c || byte === 0x26 || byte === 0x23 || byte === 0x3b || byte === 0x7b || byte === 0x7d // % \ & # ; { }
  );
}

/** Bytes of a plain key: `[A-Za-z0-9_]`. */
function isWordByte(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f;
}

/**
 * Where a region of a huge file may end when it holds none of the usual breaks (a line, a space,
 * a quote): after its last byte that no token (a key or an encoded key) holds, else after its last
 * byte that no plain key holds, so a key is never cut in two at the region's edge. A region that
 * ends with 64 KB of key bytes ends where it is full: no key is that long.
 */
export function regionEnd(chunk: Uint8Array): number {
  // Both searches stay in the chunk's last 64 KB, so the bytes carried to the next region stay few.
  const limit = Math.max(1, chunk.length - MAX_EDGE_EXTENSION);
  for (let at = chunk.length - 1; at >= limit; at--) if (!isTokenByte(chunk[at] ?? 0)) return at + 1;
  for (let at = chunk.length - 1; at >= limit; at--) if (!isWordByte(chunk[at] ?? 0)) return at + 1;
  return chunk.length;
}

/** UTF-16 code units that the UTF-8 bytes in [start, end) decode to. */
export function utf16Length(bytes: Uint8Array, start: number, end: number): number {
  let units = 0;
  for (let i = start; i < end; i++) {
    const byte = bytes[i] ?? 0;
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return units;
}

export interface RegionStart {
  /** 1-based line of the region's first byte. */
  line: number;
  /** UTF-16 units before the region's first byte on its line (non-zero when a region cuts a long line). */
  column: number;
}

function shiftFirstLine(hits: LocatedHit[], start: RegionStart): LocatedHit[] {
  if (start.column === 0) return hits;
  return hits.map((hit) => (hit.line === start.line ? { ...hit, column: hit.column + start.column } : hit));
}

/**
 * Every key in `bytes` (UTF-8) with line and column. `decodedText` receives the decoded text when
 * the region was decoded whole, for analyses that need it (concatenations, env names).
 */
export function keyHitsInBytes(
  bytes: Buffer,
  start: RegionStart = { line: 1, column: 0 },
): { hits: LocatedHit[]; text?: string; quotedPrefix: boolean } {
  // One pass over the needles (searchNeedles), not two (mayContainKey first): most files either hold none or hold some.
  const { needles, quotedPrefix } = searchNeedles(bytes);
  // Wrapped base64 (`base64 .env > env.b64`) may have a line break inside the prefix's signature.
  const wrapped = needles.length === 0 && bytes.length <= WHOLE_DECODE_BYTES && opensWithWrappedBase64(bytes);
  if (needles.length === 0 && !wrapped) return { hits: [], quotedPrefix };
  if (bytes.length <= WHOLE_DECODE_BYTES) {
    const text = bytes.toString('utf8');
    return { hits: shiftFirstLine(located(text, keyHitsInText(text, start.line)), start), text, quotedPrefix };
  }
  return { hits: keyHitsInWindows(bytes, needles, start), quotedPrefix };
}

function keyHitsInWindows(bytes: Buffer, needles: readonly number[], start: RegionStart): LocatedHit[] {
  const hits: LocatedHit[] = [];
  /** Where the previous window ended: windows never overlap, so no key is found twice. */
  let scannedTo = 0;
  /** Newlines are counted up to here; `line` is the line at this offset. */
  let countedTo = 0;
  let line = start.line;
  let index = 0;
  while (index < needles.length) {
    const needle = needles[index] ?? 0;
    if (needle < scannedTo) {
      index++;
      continue;
    }
    let windowStart = Math.max(scannedTo, needle - WINDOW_BYTES);
    let windowEnd = Math.min(bytes.length, needle + WINDOW_BYTES);
    // Merge the candidates this window covers.
    while (index < needles.length && (needles[index] ?? 0) < windowEnd) {
      windowEnd = Math.min(bytes.length, Math.max(windowEnd, (needles[index] ?? 0) + WINDOW_BYTES));
      index++;
    }
    // Never cut a token (a key or an encoded key) in two, nor a UTF-8 sequence.
    for (let limit = windowStart - MAX_EDGE_EXTENSION; windowStart > scannedTo && windowStart > limit && isTokenByte(bytes[windowStart - 1] ?? 0); ) windowStart--;
    for (let limit = windowEnd + MAX_EDGE_EXTENSION; windowEnd < bytes.length && windowEnd < limit && isTokenByte(bytes[windowEnd] ?? 0); ) windowEnd++;
    while (windowStart < windowEnd && ((bytes[windowStart] ?? 0) & 0xc0) === 0x80) windowStart++;
    for (let at = bytes.indexOf(NEWLINE, countedTo); at !== -1 && at < windowStart; at = bytes.indexOf(NEWLINE, at + 1)) line++;
    countedTo = windowStart;
    const lineStart = Math.max(0, bytes.lastIndexOf(NEWLINE, windowStart - 1) + 1);
    const startsRegionLine = line === start.line;
    const column = utf16Length(bytes, lineStart, windowStart) + (startsRegionLine ? start.column : 0);
    const text = bytes.toString('utf8', windowStart, windowEnd);
    const windowHits = located(text, keyHitsInText(text, line));
    for (const hit of windowHits) hits.push(hit.line === line ? { ...hit, column: hit.column + column } : hit);
    scannedTo = windowEnd;
  }
  return hits;
}
