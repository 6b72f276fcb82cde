/**
 * File names are bytes. Most are UTF-8 and become strings as they are; a name that is not valid
 * UTF-8 gets a display form in which each byte that is not part of a valid sequence reads `\xHH`,
 * the same wherever the name comes from (the directory walk, git's quoted or `-z` paths), so it is
 * reported, matched against git's list and escaped like any other. Reading such a file needs its
 * raw bytes: the walk keeps them as a Buffer path, which every `fs` call accepts.
 */
import { sep } from 'node:path';

/**
 * A path `fs` can open: a string, or the raw bytes of a name that is not valid UTF-8 (a Buffer, or
 * a plain Uint8Array once a worker thread received it).
 */
export type FsPath = string | Uint8Array;

/** `path` as the `fs` functions' types take it. */
export function fsPath(path: FsPath): string | Buffer {
  return typeof path === 'string' || Buffer.isBuffer(path) ? path : Buffer.from(path.buffer, path.byteOffset, path.byteLength);
}

const REPLACEMENT = '\ufffd';

/** The length of the valid UTF-8 sequence starting at `at`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, at: number): number {
  const first = bytes[at] ?? 0;
  const continuation = (offset: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[at + offset];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (first < 0x80) return 1;
  if (first >= 0xc2 && first <= 0xdf) return continuation(1) ? 2 : 0;
  if (first >= 0xe0 && first <= 0xef) {
    const [low, high] = first === 0xe0 ? [0xa0, 0xbf] : first === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return continuation(1, low, high) && continuation(2) ? 3 : 0;
  }
  if (first >= 0xf0 && first <= 0xf4) {
    const [low, high] = first === 0xf0 ? [0x90, 0xbf] : first === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

/** The display form of a name (or path) given as bytes. */
export function nameFromBytes(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('utf8');
  if (!text.includes(REPLACEMENT)) return text;
  let name = '';
  for (let at = 0; at < buffer.length; ) {
    const length = sequenceLength(buffer, at);
    if (length === 0) {
      name += `\\x${(buffer[at] ?? 0).toString(16).padStart(2, '0')}`;
      at += 1;
    } else {
      name += buffer.toString('utf8', at, at + length);
      at += length;
    }
  }
  return name;
}

/** The names in git's `-z` output (NUL-separated), in display form. */
export function namesFromNulSeparated(output: Buffer): string[] {
  const names: string[] = [];
  for (let at = 0; at < output.length; ) {
    const nul = output.indexOf(0, at);
    const end = nul === -1 ? output.length : nul;
    if (end > at) names.push(nameFromBytes(output.subarray(at, end)));
    at = end + 1;
  }
  return names;
}

/** `dir`'s entry `name`: plain string concatenation unless either is raw bytes. */
export function childPath(dir: FsPath, name: FsPath): FsPath {
  if (typeof dir === 'string' && typeof name === 'string') return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
  const head = Buffer.from(typeof dir === 'string' ? Buffer.from(dir) : dir);
  const separator = head[head.length - 1] === sep.charCodeAt(0) ? [] : [Buffer.from(sep)];
  return Buffer.concat([head, ...separator, typeof name === 'string' ? Buffer.from(name) : name]);
}

/** A path as text, for messages and for code that needs a string (a source map beside the file). */
export function pathText(path: FsPath): string {
  return typeof path === 'string' ? path : nameFromBytes(path);
}
