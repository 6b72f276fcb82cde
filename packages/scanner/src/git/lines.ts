// Splits a byte stream into lines without ever holding more than one line (or one window of a
// huge line) in memory, and without decoding. It also marks the lines that may hold a key: core's
// needles are searched once per chunk (a few native searches over 64 KB) rather than once per line,
// which is what makes reading a long history cheap.
import { findNeedles, mayContainKey } from '@engium/core';

/** Lines longer than this are handed on in overlapping windows of this size. */
export const LINE_WINDOW_BYTES = 8 * 1024 * 1024;
/** Windows of a huge line overlap by this much, so a key cut by a window edge is whole in the next one. */
export const LINE_WINDOW_OVERLAP = 4096;

export interface LinePiece {
  /** The line's bytes (or one window of them), without the newline. */
  bytes: Buffer;
  /** Byte offset of `bytes` in its line: 0 for a line's first (usually only) piece. */
  start: number;
  /** False when the piece certainly holds no key (no needle of core's prefilter in it). */
  mayHoldKey: boolean;
}

/** Yields every line of `stream` (a git stdout), cutting lines longer than the window into overlapping pieces. */
export async function* readLines(stream: AsyncIterable<Buffer>, windowBytes = LINE_WINDOW_BYTES): AsyncGenerator<LinePiece> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  // Offset in the current line of pending's first byte (non-zero once a huge line has been windowed).
  let pendingStart = 0;

  for await (const chunk of stream) {
    const needles = findNeedles(chunk);
    let nextNeedle = 0;
    let from = 0;
    for (let newline = chunk.indexOf(10, from); newline !== -1; newline = chunk.indexOf(10, from)) {
      const tail = chunk.subarray(from, newline);
      while (nextNeedle < needles.length && (needles[nextNeedle] as number) < from) nextNeedle++;
      if (pendingLength === 0) {
        yield { bytes: tail, start: 0, mayHoldKey: nextNeedle < needles.length && (needles[nextNeedle] as number) < newline };
      } else {
        // A line that began in an earlier chunk: a needle may straddle the seam, so look again.
        const bytes = Buffer.concat([...pending, tail]);
        yield { bytes, start: pendingStart, mayHoldKey: mayContainKey(bytes) };
      }
      pending = [];
      pendingLength = 0;
      pendingStart = 0;
      from = newline + 1;
    }
    if (from < chunk.length) {
      pending.push(chunk.subarray(from));
      pendingLength += chunk.length - from;
      while (pendingLength >= windowBytes) {
        const joined = Buffer.concat(pending);
        const window = joined.subarray(0, windowBytes);
        yield { bytes: window, start: pendingStart, mayHoldKey: mayContainKey(window) };
        const keepFrom = windowBytes - LINE_WINDOW_OVERLAP;
        pending = [joined.subarray(keepFrom)];
        pendingLength = joined.length - keepFrom;
        pendingStart += keepFrom;
      }
    }
  }
  if (pendingLength > 0) {
    const bytes = Buffer.concat(pending);
    yield { bytes, start: pendingStart, mayHoldKey: mayContainKey(bytes) };
  }
}
