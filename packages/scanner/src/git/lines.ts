// Splits a byte stream into lines without ever holding more than one line (or one window of a
// huge line) in memory, and without decoding: the patch parser looks at bytes first.

/** Lines longer than this are handed on in overlapping windows of this size. */
export const LINE_WINDOW_BYTES = 8 * 1024 * 1024;
/** Windows of a huge line overlap by this much, so a key cut by a window edge is whole in the next one. */
export const LINE_WINDOW_OVERLAP = 4096;

export interface LinePiece {
  /** The line's bytes (or one window of them), without the newline. */
  bytes: Buffer;
  /** Byte offset of `bytes` in its line: 0 for a line's first (usually only) piece. */
  start: number;
}

/** Yields every line of `stream` (a git stdout), cutting lines longer than the window into overlapping pieces. */
export async function* readLines(stream: AsyncIterable<Buffer>, windowBytes = LINE_WINDOW_BYTES): AsyncGenerator<LinePiece> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  // Offset in the current line of pending's first byte (non-zero once a huge line has been windowed).
  let pendingStart = 0;

  for await (const chunk of stream) {
    let from = 0;
    for (let newline = chunk.indexOf(10, from); newline !== -1; newline = chunk.indexOf(10, from)) {
      const tail = chunk.subarray(from, newline);
      const bytes = pendingLength === 0 ? tail : Buffer.concat([...pending, tail]);
      yield { bytes, start: pendingStart };
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
        yield { bytes: joined.subarray(0, windowBytes), start: pendingStart };
        const keepFrom = windowBytes - LINE_WINDOW_OVERLAP;
        pending = [joined.subarray(keepFrom)];
        pendingLength = joined.length - keepFrom;
        pendingStart += keepFrom;
      }
    }
  }
  if (pendingLength > 0) yield { bytes: Buffer.concat(pending), start: pendingStart };
}
