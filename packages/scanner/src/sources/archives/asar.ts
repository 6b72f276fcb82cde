/**
 * Electron's asar: a JSON header (in Chromium pickles) that lists every file with its size and
 * offset, then the files back to back, uncompressed. The header is read with @electron/asar
 * (or, for an asar inside another archive, with its pickle reader); each file is then read at its
 * offset, never extracted. Files marked `unpacked` live beside the archive and are scanned there.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { getRawHeader } from '@electron/asar';
import { Pickle } from '@electron/asar/lib/pickle.js';
import { byteSize } from '../../byte-size.js';
import type { ArchiveItem, ArchiveSource, EntryRoom } from './types.js';
import { jsonErrorWithoutContent, NO_FOLLOW_OPEN_FLAGS } from '../../safe-read.js';

interface HeaderNode {
  files?: Record<string, HeaderNode>;
  size?: number;
  offset?: string;
  unpacked?: boolean;
  link?: string;
}

/** The header of an asar held in memory, and where its files start. */
function headerFromBytes(bytes: Buffer): { header: HeaderNode; dataStart: number } {
  const headerSize = Pickle.createFromBuffer(bytes.subarray(0, 8)).createIterator().readUInt32();
  const json = Pickle.createFromBuffer(bytes.subarray(8, 8 + headerSize)).createIterator().readString();
  return { header: JSON.parse(json) as HeaderNode, dataStart: 8 + headerSize };
}

function* filesOf(node: HeaderNode, prefix: string): Generator<{ name: string; size: number; offset: number }> {
  for (const [name, child] of Object.entries(node.files ?? {})) {
    const path = prefix ? `${prefix}/${name}` : name;
    if (child.files) yield* filesOf(child, path);
    else if (child.link === undefined && !child.unpacked && child.offset !== undefined) yield { name: path, size: child.size ?? 0, offset: Number(child.offset) };
  }
}

export async function* asarEntries(source: ArchiveSource, room: EntryRoom): AsyncGenerator<ArchiveItem, void, undefined> {
  let header: HeaderNode;
  let dataStart: number;
  try {
    if ('bytes' in source) ({ header, dataStart } = headerFromBytes(source.bytes));
    // @electron/asar opens by string path only: a name that is not UTF-8 is read into memory.
    else if (typeof source.path !== 'string') ({ header, dataStart } = headerFromBytes(readFileSync(source.path)));
    else {
      const raw = getRawHeader(source.path);
      header = raw.header as HeaderNode;
      dataStart = 8 + raw.headerSize;
    }
  } catch (error) {
    // A header that is not JSON gets V8's message, which quotes the header's bytes (its file names).
    yield { problem: `not a readable asar (${error instanceof SyntaxError ? jsonErrorWithoutContent(error) : (error as Error).message}): not scanned` };
    return;
  }
  const total = 'bytes' in source ? source.bytes.length : source.size;
  const fd = 'path' in source ? openSync(source.path, NO_FOLLOW_OPEN_FLAGS) : undefined;
  try {
    for (const file of filesOf(header, '')) {
      const start = dataStart + file.offset;
      if (!Number.isSafeInteger(start) || start + file.size > total) {
        yield { name: file.name, problem: 'lies outside the archive (truncated or corrupt asar): not scanned' };
        continue;
      }
      const left = room.bytes();
      if (file.size > left) {
        yield { name: file.name, problem: `${byteSize(file.size)}, more than the ${byteSize(left)} the limits leave: not scanned`, overLimit: true };
        continue;
      }
      if ('bytes' in source) yield { name: file.name, bytes: source.bytes.subarray(start, start + file.size) };
      else {
        const bytes = Buffer.allocUnsafe(file.size);
        const read = readSync(fd as number, bytes, 0, file.size, start);
        yield { name: file.name, bytes: bytes.subarray(0, read) };
      }
    }
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
