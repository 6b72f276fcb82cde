/**
 * Keys in compiled code: an app's binary entries (Android's classes.dex, native libraries) keep
 * string constants as NUL-delimited runs of bytes, so a key reads cleanly out of the raw bytes.
 * Core's prefilter runs first; only windows around its candidates are decoded. A hit's position:
 * line 1, and as column the key's byte offset plus one, as for Hermes bytecode.
 */
import { searchNeedles } from '@engium/core';
import type { LocatedHit } from './bytes.js';
import { keyHitsInText } from './key-hits.js';

/** Bytes decoded on each side of a candidate, as bytes.ts does for text. */
const WINDOW_BYTES = 4096;

function isKeyByte(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f;
}

export function binaryKeyHits(bytes: Buffer): LocatedHit[] {
  const { needles } = searchNeedles(bytes);
  const hits: LocatedHit[] = [];
  let scannedTo = 0;
  for (const needle of needles) {
    if (needle < scannedTo) continue;
    const start = Math.max(scannedTo, needle - WINDOW_BYTES);
    let end = Math.min(bytes.length, needle + WINDOW_BYTES);
    // Never cut a key in two at the window's end.
    while (end < bytes.length && end < needle + WINDOW_BYTES + 256 && isKeyByte(bytes[end] ?? 0)) end++;
    // latin1: one character per byte, so an index in the text is an offset in the file.
    const text = bytes.toString('latin1', start, end);
    for (const hit of keyHitsInText(text, 1)) {
      hits.push({ ...hit, line: 1, column: start + hit.index + 1, snippet: { text: hit.secret.redacted, column: 1 } });
    }
    scannedTo = end;
  }
  return hits;
}
