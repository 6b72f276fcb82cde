/**
 * Bundles and their maps hold most of a scan's bytes in few files. Their first bytes are read on
 * libuv's threads while this thread analyses the files before them, so the kernel's copying of
 * the next bundle and the search through this one share the machine's cores, with no worker to
 * start. The file is opened as analyseFile opens it (never through a link, never blocking), and
 * read as readUpTo reads it; analyseFile then decides from these bytes what it would have from
 * its own, and closes the descriptor.
 */
import { open, read } from 'node:fs';
import type { DiscoveredFile } from '../discover/index.js';
import { fsPath } from '../discover/byte-names.js';
import { NO_FOLLOW_OPEN_FLAGS } from '../safe-read.js';

/** What was read ahead of a file's turn: its open's error, or its descriptor with its first bytes or its first read's error. */
export type ReadAhead = { openError: unknown } | { fd: number; buffer: Buffer; read: number } | { fd: number; readError: unknown };

/** Opens `file` and reads it into `buffer` until the file ends or the buffer is full, off this thread. */
export function readAhead(file: DiscoveredFile, buffer: Buffer): Promise<ReadAhead> {
  return new Promise((resolve) => {
    open(fsPath(file.absolutePath), NO_FOLLOW_OPEN_FLAGS, (openError, fd) => {
      if (openError) {
        resolve({ openError });
        return;
      }
      const readFrom = (offset: number): void => {
        if (offset === buffer.length) {
          resolve({ fd, buffer, read: offset });
          return;
        }
        read(fd, buffer, offset, buffer.length - offset, offset, (readError, count) => {
          if (readError) resolve({ fd, readError });
          else if (count === 0) resolve({ fd, buffer, read: offset });
          else readFrom(offset + count);
        });
      };
      readFrom(0);
    });
  });
}
