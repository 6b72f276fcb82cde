/**
 * A file compressed whole (`app.js.gz`, `app.js.br`): what build tools write beside each asset for
 * servers that send it precompressed (compression-webpack-plugin, vite-plugin-compression, Nitro's
 * `compressPublicAssets`), sometimes in place of the original. One entry, the file itself, named
 * without the extension; a stream that inflates past the ratio ceiling is a bomb and is cut off.
 */
import { createReadStream, openSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip } from 'node:zlib';
import { collect } from './collect.js';
import { RATIO_FLOOR_BYTES } from './limits.js';
import { sourceSize, type ArchiveItem, type ArchiveSource, type EntryRoom } from './types.js';
import { NO_FOLLOW_OPEN_FLAGS } from '../../safe-read.js';

function input(source: ArchiveSource): Readable {
  return 'bytes' in source ? Readable.from([source.bytes]) : createReadStream(source.path, { fd: openSync(source.path, NO_FOLLOW_OPEN_FLAGS) });
}

/** The name a compressed file stands for: its own, without `.gz`/`.br`. */
function entryName(source: ArchiveSource, name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base.replace(/\.(?:gz|br)$/i, '') || ('bytes' in source ? 'content' : base);
}

async function* compressedItems(source: ArchiveSource, room: EntryRoom, name: string, brotli: boolean): AsyncGenerator<ArchiveItem, void, undefined> {
  const entry = entryName(source, name);
  const ceiling = Math.max(RATIO_FLOOR_BYTES, room.maxRatio * Math.max(1, sourceSize(source)));
  const limit = room.bytes();
  let inflated = 0;
  let bomb = false;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      inflated += chunk.length;
      if (inflated > ceiling && inflated <= limit) {
        bomb = true;
        done(new Error('ratio'));
        return;
      }
      done(null, chunk);
    },
  });
  const decompress = brotli ? createBrotliDecompress() : createGunzip();
  const stream = input(source);
  stream.on('error', (error) => decompress.destroy(error));
  decompress.on('error', (error) => guard.destroy(error));
  const bytes = await collect(stream.pipe(decompress).pipe(guard), limit);
  stream.destroy();
  if (bomb) yield { name: entry, problem: `compression ratio over the ceiling of ${room.maxRatio}:1 (a bomb?): not scanned` };
  else if ('problem' in bytes) yield { name: entry, problem: bytes.problem.startsWith('unreadable') ? `not ${brotli ? 'brotli' : 'gzip'} data (${bytes.problem}): not scanned` : bytes.problem, ...(inflated > limit ? { overLimit: true as const } : {}) };
  else yield { name: entry, bytes };
}

export const gzipEntries = (source: ArchiveSource, room: EntryRoom, name: string): AsyncGenerator<ArchiveItem, void, undefined> => compressedItems(source, room, name, false);
export const brotliEntries = (source: ArchiveSource, room: EntryRoom, name: string): AsyncGenerator<ArchiveItem, void, undefined> => compressedItems(source, room, name, true);
