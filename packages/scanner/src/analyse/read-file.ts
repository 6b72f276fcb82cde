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
