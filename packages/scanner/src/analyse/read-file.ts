import { readSync } from 'node:fs';

/**
 * Reads `fd` into `buffer` from byte `offset` of both on, until the file ends or the buffer is
 * full; returns where it stopped. A file shorter than the buffer is then read whole without asking
 * its size: one system call less per file, most of them.
 */
export function readUpTo(fd: number, buffer: Buffer, offset = 0): number {
  while (offset < buffer.length) {
    const read = readSync(fd, buffer, offset, buffer.length - offset, offset);
    if (read === 0) break;
    offset += read;
  }
  return offset;
}

/**
 * The first `size` bytes of `fd`, read into `reusable` when they fit (a view of it, valid until its
 * next use) and into a fresh buffer otherwise; shorter if the file shrank meanwhile.
 */
export function readFileInto(fd: number, size: number, reusable: Buffer): Buffer {
  const buffer = size <= reusable.length ? reusable : Buffer.allocUnsafe(size);
  return buffer.subarray(0, readUpTo(fd, buffer.subarray(0, size)));
}
