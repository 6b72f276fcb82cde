/**
 * Tar and gzipped tar (`.tgz`, npm's package format), read with tar-stream as one pass over the
 * stream: entries come in order, each collected under the limits, the rest drained. A truncated
 * archive ends the pass with a warning; what was read before it is kept.
 */
import { createReadStream, openSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tarStream from 'tar-stream';
import { collect } from './collect.js';
import { byteSize } from '../../byte-size.js';
import { RATIO_FLOOR_BYTES } from './limits.js';
import { sourceSize, type ArchiveItem, type ArchiveSource, type EntryRoom } from './types.js';
import { NO_FOLLOW_OPEN_FLAGS } from '../../safe-read.js';

function input(source: ArchiveSource): Readable {
  return 'bytes' in source ? Readable.from([source.bytes]) : createReadStream(source.path, { fd: openSync(source.path, NO_FOLLOW_OPEN_FLAGS) });
}

async function* tarItems(source: ArchiveSource, room: EntryRoom, gzipped: boolean): AsyncGenerator<ArchiveItem, void, undefined> {
  const extract = tarStream.extract();
  // The pipeline's failure (bad gzip, a truncated file) also fails the entry iteration below.
  const piped = (gzipped ? pipeline(input(source), createGunzip(), extract) : pipeline(input(source), extract)).then(
    () => undefined,
    (error: unknown) => error as Error,
  );
  // A gzipped tar is one compressed stream: its ratio is the whole archive's so far.
  const compressed = sourceSize(source);
  let decompressed = 0;
  let finished = false;
  try {
    for await (const entry of extract) {
      const { name, type, size = 0 } = entry.header;
      if (type !== 'file' && type !== 'contiguous-file') {
        entry.resume();
        continue;
      }
      decompressed += size;
      if (gzipped && decompressed > RATIO_FLOOR_BYTES && decompressed > room.maxRatio * Math.max(1, compressed)) {
        entry.resume();
        yield { name, problem: `compression ratio over the ceiling of ${room.maxRatio}:1 (a tar bomb?): the rest of the archive is not scanned` };
        return;
      }
      const left = room.bytes();
      if (size > left) {
        entry.resume();
        yield { name, problem: `${byteSize(size)}, more than the ${byteSize(left)} the limits leave: not scanned`, overLimit: true };
        continue;
      }
      const bytes = await collect(entry as unknown as Readable, left);
      yield 'problem' in bytes ? { name, problem: bytes.problem } : { name, bytes };
    }
    finished = true;
  } catch (error) {
    yield { problem: `${describe(error)}: the rest of it is not scanned` };
    return;
  } finally {
    // Stopped early (a limit, or the caller): stop reading the file too.
    if (!finished) extract.destroy();
  }
  const failure = await piped;
  if (failure instanceof Error) yield { problem: `${describe(failure)}: the rest of it is not scanned` };
}

function describe(error: unknown): string {
  const message = (error as Error).message;
  return /unexpected end|premature close|truncated/i.test(message) ? `truncated archive (${message})` : `corrupt archive (${message})`;
}

export const tarEntries = (source: ArchiveSource, room: EntryRoom): AsyncGenerator<ArchiveItem, void, undefined> => tarItems(source, room, false);
export const tgzEntries = (source: ArchiveSource, room: EntryRoom): AsyncGenerator<ArchiveItem, void, undefined> => tarItems(source, room, true);
