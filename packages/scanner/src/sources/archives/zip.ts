/**
 * Zip and the formats built on it (apk, aab, ipa, jar, war, xpi; crx after its header), read with
 * yauzl (central directory, local headers) and zlib: each entry's bytes read at their offset, from
 * disk or from memory, and inflated under the limits, never extracted. Names are taken raw: yauzl's own check would reject a whole
 * archive for one `../` name, which is reported instead and only ever named.
 */
import { closeSync, openSync, read, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { inflateRawSync } from 'node:zlib';
import { byteSize } from '../../byte-size.js';
import { RATIO_FLOOR_BYTES } from './limits.js';
import type { ArchiveItem, ArchiveSource, EntryRoom } from './types.js';
import { NO_FOLLOW_OPEN_FLAGS } from '../../safe-read.js';

const OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true };

/**
 * A zip on disk that starts `base` bytes into the file (0, or after a CRX header); the caller owns
 * `fd`. Its reads are synchronous: yauzl reads each directory record and local header on its own,
 * and through the thread pool those small reads kept an APK of 3,000 entries waiting most of its time.
 */
class FileReader extends yauzl.RandomAccessReader {
  constructor(
    private readonly fd: number,
    private readonly base: number,
  ) {
    super();
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (error: Error | null, bytesRead?: number) => void): void {
    let bytesRead: number;
    try {
      bytesRead = readSync(this.fd, buffer, offset, length, this.base + position);
    } catch (error) {
      callback(error as Error);
      return;
    }
    callback(null, bytesRead);
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const { fd } = this;
    let position = this.base + start;
    const stop = this.base + end;
    return new Readable({
      read(size) {
        const length = Math.min(size, stop - position);
        if (length <= 0) {
          this.push(null);
          return;
        }
        const chunk = Buffer.allocUnsafe(length);
        read(fd, chunk, 0, length, position, (error, bytesRead) => {
          if (error) this.destroy(error);
          else {
            position += bytesRead;
            this.push(bytesRead === 0 ? null : chunk.subarray(0, bytesRead));
          }
        });
      },
    });
  }
}

/** Where a CRX's zip starts: after `Cr24`, the version and its header (v3) or key and signature (v2). */
export function crxZipOffset(header: Buffer): number | undefined {
  if (header.length < 16 || header.toString('latin1', 0, 4) !== 'Cr24') return undefined;
  const version = header.readUInt32LE(4);
  if (version === 3) return 12 + header.readUInt32LE(8);
  if (version === 2) return 16 + header.readUInt32LE(8) + header.readUInt32LE(12);
  return undefined;
}

function crxHeader(source: ArchiveSource, fd: number | undefined): Buffer {
  if ('bytes' in source) return source.bytes.subarray(0, 16);
  const header = Buffer.alloc(16);
  readSync(fd as number, header, 0, 16, 0);
  return header;
}

/** yauzl over the zip that starts `base` bytes in. */
async function openZip(source: ArchiveSource, base: number, fd: number | undefined): Promise<yauzl.ZipFile | { problem: string }> {
  try {
    if ('bytes' in source) return await yauzl.fromBufferPromise(source.bytes.subarray(base), OPTIONS);
    return await yauzl.fromRandomAccessReaderPromise(new FileReader(fd as number, base), source.size - base, OPTIONS);
  } catch (error) {
    return { problem: `not a readable zip (${(error as Error).message}): not scanned` };
  }
}

/** An entry's compressed bytes: read from disk at their offset, or a view of the archive in memory. */
function compressedBytes(source: ArchiveSource, fd: number | undefined, base: number, start: number, length: number): Buffer {
  if ('bytes' in source) return source.bytes.subarray(base + start, base + start + length);
  const bytes = Buffer.allocUnsafe(length);
  return bytes.subarray(0, readSync(fd as number, bytes, 0, length, base + start));
}

/**
 * An entry's content. Inflated in one synchronous call, bounded by `maxOutputLength`: measured on
 * an APK of 3,000 entries, a stream per entry spent twice as long waiting on the thread pool.
 */
function entryBytes(entry: yauzl.Entry, compressed: Buffer, limit: number): Buffer | { problem: string } {
  if (compressed.length < entry.compressedSize) return { problem: 'truncated: its data ends early, not scanned' };
  let bytes: Buffer;
  try {
    bytes = entry.compressionMethod === 0 ? compressed : inflateRawSync(compressed, { maxOutputLength: Math.max(1, Math.min(limit, entry.uncompressedSize + 1)) });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'ERR_BUFFER_TOO_LARGE') return { problem: `decompresses to more than it declares (${byteSize(entry.uncompressedSize)}): corrupt or hostile, not scanned` };
    return { problem: `corrupt data (${message}): not scanned` };
  }
  if (bytes.length !== entry.uncompressedSize) return { problem: `decompresses to ${byteSize(bytes.length)}, not the ${byteSize(entry.uncompressedSize)} it declares: corrupt, not scanned` };
  return bytes;
}

async function* zipItems(source: ArchiveSource, room: EntryRoom, crx: boolean): AsyncGenerator<ArchiveItem, void, undefined> {
  const fd = 'path' in source ? openSync(source.path, NO_FOLLOW_OPEN_FLAGS) : undefined;
  try {
    const base = crx ? crxZipOffset(crxHeader(source, fd)) : 0;
    if (base === undefined) {
      yield { problem: 'not a Chrome extension (no CRX2/CRX3 header): not scanned' };
      return;
    }
    const zip = await openZip(source, base, fd);
    if ('problem' in zip) {
      yield zip;
      return;
    }
    try {
      for await (const entry of zip.eachEntry()) {
        const name = (entry.fileNameRaw ?? Buffer.from(entry.fileName)).toString('utf8');
        if (name.endsWith('/')) continue;
        const problem = entryProblem(entry, room);
        if (problem !== undefined) {
          yield { name, ...problem };
          continue;
        }
        let bytes: Buffer | { problem: string };
        try {
          const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
          bytes = entryBytes(entry, compressedBytes(source, fd, base, fileDataStart, entry.compressedSize), room.bytes());
        } catch (error) {
          bytes = { problem: `unreadable (${(error as Error).message}): not scanned` };
        }
        yield 'problem' in bytes ? { name, problem: bytes.problem } : { name, bytes };
      }
    } catch (error) {
      yield { problem: `corrupt zip (${(error as Error).message}): the rest of it is not scanned` };
    } finally {
      zip.close();
    }
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Why an entry is not read, from its central directory record alone. */
function entryProblem(entry: yauzl.Entry, room: EntryRoom): { problem: string; overLimit?: true } | undefined {
  if (entry.isEncrypted()) return { problem: 'encrypted: not scanned' };
  if (!entry.canDecodeFileData()) return { problem: `compression method ${entry.compressionMethod} is not supported: not scanned` };
  const size = entry.uncompressedSize;
  // Deflate never grows data by more than a few bytes per block: a larger claim would only make us allocate it.
  if (entry.compressedSize > size + size / 100 + 1024) return { problem: `declares ${byteSize(entry.compressedSize)} compressed for ${byteSize(size)}: corrupt, not scanned` };
  if (size > RATIO_FLOOR_BYTES && size > room.maxRatio * Math.max(1, entry.compressedSize)) {
    const ratio = Math.round(size / Math.max(1, entry.compressedSize));
    return { problem: `compression ratio ${ratio}:1 is over the ceiling of ${room.maxRatio}:1 (a zip bomb?): not scanned` };
  }
  const left = room.bytes();
  if (size > left) return { problem: `${byteSize(size)} uncompressed, more than the ${byteSize(left)} the limits leave: not scanned`, overLimit: true };
  return undefined;
}

export const zipEntries = (source: ArchiveSource, room: EntryRoom): AsyncGenerator<ArchiveItem, void, undefined> => zipItems(source, room, false);
export const crxEntries = (source: ArchiveSource, room: EntryRoom): AsyncGenerator<ArchiveItem, void, undefined> => zipItems(source, room, true);
