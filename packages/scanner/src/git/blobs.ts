// Blob contents by id, many through one `git cat-file --batch` (no path ever goes through its
// line-based protocol, so hostile file names cannot confuse it).
import { runGit } from './process.js';

/** Reads blobs by id through one `git cat-file --batch`. */
export async function readBlobs(cwd: string, ids: readonly string[]): Promise<Map<string, Buffer>> {
  const contents = new Map<string, Buffer>();
  if (ids.length === 0) return contents;
  const output = await runGit(cwd, ['cat-file', '--batch'], ids.map((id) => `${id}\n`).join(''));
  let at = 0;
  for (const id of ids) {
    const headerEnd = output.indexOf(10, at);
    if (headerEnd === -1) break;
    const [, type, size] = output.toString('latin1', at, headerEnd).split(' ');
    if (type === undefined || size === undefined) {
      at = headerEnd + 1; // "<id> missing"
      continue;
    }
    const start = headerEnd + 1;
    contents.set(id, output.subarray(start, start + Number(size)));
    at = start + Number(size) + 1;
  }
  return contents;
}
