import { readSync } from 'node:fs';

/**
 * The first `size` bytes of `fd`, read into `reusable` when they fit (a view of it, valid until its
 * next use) and into a fresh buffer otherwise; shorter if the file shrank meanwhile.
 */
export function readFileInto(fd: number, size: number, reusable: Buffer): Buffer {
  const buffer = size <= reusable.length ? reusable : Buffer.allocUnsafe(size);
  let offset = 0;
  while (offset < size) {
    const read = readSync(fd, buffer, offset, size - offset, offset);
    if (read === 0) break;
    offset += read;
  }
  return buffer.subarray(0, offset);
}

/**
 * Reads `fd` from its start into `buffer` until the file ends or the buffer is full; returns the
 * bytes read. A file shorter than the buffer is then read whole without asking its size: one
 * system call less per file, most of them.
 */
export function readUpTo(fd: number, buffer: Buffer): number {
  let offset = 0;
  while (offset < buffer.length) {
    const read = readSync(fd, buffer, offset, buffer.length - offset, offset);
    if (read === 0) break;
    offset += read;
  }
  return offset;
}
