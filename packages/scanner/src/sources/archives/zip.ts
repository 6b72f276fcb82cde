/**
 * Zip and the formats built on it (apk, aab, ipa, jar, war, xpi; crx after its header), read with
 * yauzl: the central directory first, then each entry inflated as a stream, from disk by offset or
 * from memory, never extracted. Names are taken raw: yauzl's own check would reject a whole
 * archive for one `../` name, which is reported instead and only ever named.
 */
import { closeSync, openSync, read, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { collect } from './collect.js';
import { formatBytes, RATIO_FLOOR_BYTES } from './limits.js';
import type { ArchiveItem, ArchiveSource, EntryRoom } from './types.js';

const OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true };

/** A zip that starts `base` bytes into a file (a CRX's, after its header). */
class OffsetFileReader extends yauzl.RandomAccessReader {
  constructor(
    private readonly fd: number,
    private readonly base: number,
  ) {
    super();
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

async function openZip(source: ArchiveSource, crx: boolean, fd: number | undefined): Promise<yauzl.ZipFile | { problem: string }> {
  let base = 0;
  if (crx) {
    const header = 'bytes' in source ? source.bytes.subarray(0, 16) : Buffer.alloc(16);
    if (fd !== undefined) readSync(fd, header, 0, 16, 0);
    const offset = crxZipOffset(header);
    if (offset === undefined) return { problem: 'not a Chrome extension (no CRX2/CRX3 header): not scanned' };
    base = offset;
  }
  try {
    if ('bytes' in source) return await yauzl.fromBufferPromise(source.bytes.subarray(base), OPTIONS);
    if (base === 0) return await yauzl.openPromise(source.path, OPTIONS);
    return await yauzl.fromRandomAccessReaderPromise(new OffsetFileReader(fd as number, base), source.size - base, OPTIONS);
  } catch (error) {
    return { problem: `not a readable zip (${(error as Error).message}): not scanned` };
  }
}

async function* zipItems(source: ArchiveSource, room: EntryRoom, crx: boolean): AsyncGenerator<ArchiveItem, void, undefined> {
  // A CRX on disk is read through its own descriptor, offset past its header; yauzl opens a plain zip itself.
  const fd = crx && 'path' in source ? openSync(source.path, 'r') : undefined;
  try {
    const zip = await openZip(source, crx, fd);
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
          bytes = await collect(await zip.openReadStreamPromise(entry), room.bytes());
        } catch (error) {
          bytes = { problem: `unreadable (${(error as Error).message})` };
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
  if (size > RATIO_FLOOR_BYTES && size > room.maxRatio * Math.max(1, entry.compressedSize)) {
    const ratio = Math.round(size / Math.max(1, entry.compressedSize));
    return { problem: `compression ratio ${ratio}:1 is over the ceiling of ${room.maxRatio}:1 (a zip bomb?): not scanned` };
  }
  const left = room.bytes();
  if (size > left) return { problem: `${formatBytes(size)} uncompressed, more than the ${formatBytes(left)} the limits leave: not scanned`, overLimit: true };
  return undefined;
}

export const zipEntries = (source: ArchiveSource, room: EntryRoom): AsyncGenerator<ArchiveItem, void, undefined> => zipItems(source, room, false);
export const crxEntries = (source: ArchiveSource, room: EntryRoom): AsyncGenerator<ArchiveItem, void, undefined> => zipItems(source, room, true);
