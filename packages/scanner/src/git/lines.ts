// Splits a byte stream into lines without ever holding more than one line (or one window of a
// huge line) in memory, and without decoding. It also marks the lines that may hold a key: core's
// needles are searched once per chunk (a few native searches over 64 KB) rather than once per line,
// which is what makes reading a long history cheap.
import { findNeedles, mayContainKey } from '@engium/core';

/** Lines longer than this are handed on in overlapping windows of this size. */
export const LINE_WINDOW_BYTES = 8 * 1024 * 1024;
/** Windows of a huge line overlap by this much, so a key cut by a window edge is whole in the next one. */
export const LINE_WINDOW_OVERLAP = 4096;

/**
 * Receives one line (or one window of a huge line) as `bytes[from, to)`, `start` being the offset
 * of `from` in the line. `bytes` is the chunk as read (no copy is made for a line), shared by its other lines.
 */
export type LineSink = (bytes: Buffer, from: number, to: number, start: number, mayHoldKey: boolean) => void;

/**
 * Cuts the chunks it is given into lines and hands each one (or each window of a huge line) on
 * as it goes, synchronously and without a copy: a long history is hundreds of thousands of lines,
 * too many to pay an await or an allocation for each.
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingLength = 0;
  /** Offset in the current line of pending's first byte (non-zero once a huge line has been windowed). */
  private pendingStart = 0;

  constructor(
    private readonly sink: LineSink,
    private readonly windowBytes = LINE_WINDOW_BYTES,
  ) {}

  push(chunk: Buffer): void {
    const needles = findNeedles(chunk);
    let nextNeedle = 0;
    let from = 0;
    for (let newline = chunk.indexOf(10, from); newline !== -1; newline = chunk.indexOf(10, from)) {
      if (this.pendingLength === 0) {
        while (nextNeedle < needles.length && (needles[nextNeedle] as number) < from) nextNeedle++;
        this.sink(chunk, from, newline, 0, nextNeedle < needles.length && (needles[nextNeedle] as number) < newline);
      } else {
        // A line that began in an earlier chunk: a needle may straddle the seam, so look again.
        const bytes = Buffer.concat([...this.pending, chunk.subarray(from, newline)]);
        this.sink(bytes, 0, bytes.length, this.pendingStart, mayContainKey(bytes));
        this.pending = [];
        this.pendingLength = 0;
        this.pendingStart = 0;
      }
      from = newline + 1;
    }
    if (from < chunk.length) {
      this.pending.push(chunk.subarray(from));
      this.pendingLength += chunk.length - from;
      while (this.pendingLength >= this.windowBytes) {
        const joined = Buffer.concat(this.pending);
        const window = joined.subarray(0, this.windowBytes);
        this.sink(window, 0, window.length, this.pendingStart, mayContainKey(window));
        const keepFrom = this.windowBytes - LINE_WINDOW_OVERLAP;
        this.pending = [joined.subarray(keepFrom)];
        this.pendingLength = joined.length - keepFrom;
        this.pendingStart += keepFrom;
      }
    }
  }

  /** Hands on the last line when the stream did not end with a newline. */
  end(): void {
    if (this.pendingLength === 0) return;
    const bytes = Buffer.concat(this.pending);
    this.sink(bytes, 0, bytes.length, this.pendingStart, mayContainKey(bytes));
    this.pending = [];
    this.pendingLength = 0;
    this.pendingStart = 0;
  }
}

/** Hands every line of `stream` (a git stdout) to `sink`, cutting lines longer than the window into overlapping pieces. */
export async function splitLines(stream: AsyncIterable<Buffer>, sink: LineSink, windowBytes = LINE_WINDOW_BYTES): Promise<void> {
  const splitter = new LineSplitter(sink, windowBytes);
  for await (const chunk of stream) splitter.push(chunk);
  splitter.end();
}
