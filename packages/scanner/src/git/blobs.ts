// Blob contents by id, through `git cat-file` (no path ever goes through its line-based protocol,
// so hostile file names cannot confuse it). Sizes are asked first: a blob too large to hold is
// named with its size, never read, and the others are read and handed on a bounded batch at a time.
import { byteSize } from '../byte-size.js';
import { runGit } from './process.js';

/** Blobs larger than this are not read whole: a scan that reads files whole names them instead. */
export const MAX_WHOLE_BLOB_BYTES = 64 * 1024 * 1024;
/** Bytes of blobs one `git cat-file --batch` hands over at most (one larger blob alone). */
const BATCH_BYTES = 64 * 1024 * 1024;

/** Why a file that is read whole was not: its size. */
export function tooLargeReason(bytes: number): string {
  return `${byteSize(bytes)}, more than the ${byteSize(MAX_WHOLE_BLOB_BYTES)} read whole (UTF-16, wrapped base64, renamed and .env files are): not scanned`;
}

/** `<id> <type> <size>` lines, as `--batch-check` and `--batch` write them; undefined for `<id> missing`. */
function blobSize(header: string): number | undefined {
  const [, type, size] = header.split(' ');
  return type === 'blob' && size !== undefined ? Number(size) : undefined;
}

/**
 * Reads blobs by id, up to `maxBytes` each, handing each to `onBlob` as its batch arrives (a batch
 * is dropped before the next is read); returns the sizes of those too large to read.
 */
export async function readBlobs(cwd: string, ids: readonly string[], onBlob: (id: string, content: Buffer) => void, maxBytes = MAX_WHOLE_BLOB_BYTES): Promise<Map<string, number>> {
  const tooLarge = new Map<string, number>();
  if (ids.length === 0) return tooLarge;
  const sizes = (await runGit(cwd, ['cat-file', '--batch-check'], ids.map((id) => `${id}\n`).join(''))).toString('latin1').split('\n');
  const batches: { ids: string[]; bytes: number }[] = [];
  ids.forEach((id, index) => {
    const size = blobSize(sizes[index] ?? '');
    if (size === undefined) return;
    if (size > maxBytes) {
      tooLarge.set(id, size);
      return;
    }
    const last = batches.at(-1);
    if (last && last.bytes + size <= BATCH_BYTES) {
      last.ids.push(id);
      last.bytes += size;
    } else batches.push({ ids: [id], bytes: size });
  });
  for (const batch of batches) {
    const output = await runGit(cwd, ['cat-file', '--batch'], batch.ids.map((id) => `${id}\n`).join(''));
    let at = 0;
    for (const id of batch.ids) {
      const headerEnd = output.indexOf(10, at);
      if (headerEnd === -1) break;
      const size = blobSize(output.toString('latin1', at, headerEnd));
      if (size === undefined) {
        at = headerEnd + 1; // gone since it was asked about
        continue;
      }
      const start = headerEnd + 1;
      onBlob(id, output.subarray(start, start + size));
      at = start + size + 1;
    }
  }
  return tooLarge;
}
