/**
 * Opening files of a repository that may be hostile. Every reader of repository content (scanned
 * files, source maps, ignore files, config, baseline, the module graph's inputs) opens through
 * here, so that none of them can be made to hang on a FIFO, read a device that never ends, follow
 * a link out of the scanned directory or hold more bytes than its bound. The checks are made on
 * the opened descriptor, so a file swapped between a check and the read cannot slip past them.
 */
import { closeSync, constants, fstatSync, openSync, readlinkSync, readSync, realpathSync, type Stats } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { byteSize } from './byte-size.js';

const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = constants;

/**
 * Read-only, and non-blocking so that opening a FIFO (which blocks until a writer comes) returns
 * at once; a regular file ignores the flag. `O_NOFOLLOW` refuses a symlink as the last component.
 */
export const SAFE_OPEN_FLAGS = O_RDONLY | O_NONBLOCK;
export const NO_FOLLOW_OPEN_FLAGS = SAFE_OPEN_FLAGS | O_NOFOLLOW;

/** Why a file was not read, worded for the report's skipped list and warnings. */
export class UnsafeFileError extends Error {
  override name = 'UnsafeFileError';
  constructor(
    readonly reason: string,
    /** The file system's error code, when there was one. */
    readonly code?: string,
  ) {
    super(reason);
  }
}

/** The reason for a file a link leads out of the folder it must be in. */
export const OUTSIDE = 'outside the scanned directory';

/** The kind of a file that is not a regular one, as people call it. */
export function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSymbolicLink()) return 'a symlink';
  return 'not a regular file';
}

/** The skip reason for a file that is not regular: `not a regular file (a FIFO)`. */
export function notRegularReason(stats: Stats): string {
  return `not a regular file (${fileKind(stats)})`;
}

/** The reason for an error of `open` or `read`, in the words the report uses. */
export function openErrorReason(error: unknown): UnsafeFileError {
  if (error instanceof UnsafeFileError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  // O_NOFOLLOW answers ELOOP for a symlink (Linux, macOS) or EMLINK (FreeBSD).
  if (code === 'ELOOP' || code === 'EMLINK') return new UnsafeFileError('symlink (not followed)', code);
  // Opening a socket file fails with ENXIO.
  if (code === 'ENXIO') return new UnsafeFileError('not a regular file (a socket)', code);
  return new UnsafeFileError(`unreadable (${code ?? (error instanceof Error ? error.message : String(error))})`, code);
}

/** Whether `path` is `parent` or inside it (both absolute, both real). */
export function isInsideDir(parent: string, path: string): boolean {
  const local = relative(parent, path);
  return local === '' || (!local.startsWith('..') && !isAbsolute(local));
}

const realRoots = new Map<string, string>();

/** The real path of a scanned root, resolved once per root. */
export function realRootOf(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    real = realpathSync(root);
    realRoots.set(root, real);
  }
  return real;
}

/**
 * Where an open descriptor really is: on Linux what `/proc` says of it, so a path whose folders were
 * swapped for links after the open still resolves to the file that was opened; elsewhere the
 * path's real path.
 */
function realPathOfDescriptor(fd: number, path: string | Buffer): string {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return realpathSync(path);
  }
}

export interface SafeOpenOptions {
  /** The folder (its real path, see realRootOf) the file must really be inside, checked on the descriptor. */
  within?: string;
  /** Refuse a symlink as the last component (for paths a walk that never follows links found). */
  noFollow?: boolean;
  /** Refuse a file that is not this user's own or that others may write to (cached code). */
  privateToUser?: boolean;
}

/** Whether a file or folder is this user's own and no one else may write to it. */
export function isPrivateToUser(stats: { uid: number; mode: number }): boolean {
  return (process.getuid === undefined || stats.uid === process.getuid()) && (stats.mode & 0o022) === 0;
}

/** An open regular file and its size. Close `fd` when done. */
export interface OpenedFile {
  fd: number;
  size: number;
}

/**
 * Opens `path` for reading if it is a regular file (and inside `within`, when given); throws an
 * UnsafeFileError saying why not otherwise. Never blocks: a FIFO opens and is refused.
 */
export function openRegularFile(path: string | Buffer, options: SafeOpenOptions = {}): OpenedFile {
  let fd: number;
  try {
    fd = openSync(path, options.noFollow ? NO_FOLLOW_OPEN_FLAGS : SAFE_OPEN_FLAGS);
  } catch (error) {
    throw openErrorReason(error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new UnsafeFileError(notRegularReason(stats));
    if (options.privateToUser && !isPrivateToUser(stats)) throw new UnsafeFileError('not private to this user');
    if (options.within !== undefined && !isInsideDir(options.within, realPathOfDescriptor(fd, path))) {
      throw new UnsafeFileError(OUTSIDE);
    }
    return { fd, size: stats.size };
  } catch (error) {
    closeSync(fd);
    throw openErrorReason(error);
  }
}

export interface SafeReadOptions extends SafeOpenOptions {
  /** The most bytes this reader takes; a larger file is refused whole (UnsafeFileError). */
  maxBytes: number;
}

/**
 * A whole regular file, read into `into` when it fits (a view of it, valid until its next use) or
 * a fresh buffer; refused if it is larger than `maxBytes`. Never reads more than `maxBytes`, even
 * from a file that grows while it is read.
 */
export function readRegularFile(path: string | Buffer, options: SafeReadOptions, into?: Buffer): Buffer {
  const { fd, size } = openRegularFile(path, options);
  try {
    if (size > options.maxBytes) throw new UnsafeFileError(`larger than ${byteSize(options.maxBytes)} (${byteSize(size)})`);
    const buffer = into !== undefined && size <= into.length ? into : Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const read = readSync(fd, buffer, offset, size - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return buffer.subarray(0, offset);
  } catch (error) {
    throw openErrorReason(error);
  } finally {
    closeSync(fd);
  }
}

/** `readRegularFile` decoded as UTF-8, a byte-order mark dropped (editors on Windows write one). */
export function readRegularText(path: string | Buffer, options: SafeReadOptions): string {
  const text = readRegularFile(path, options).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A JSON.parse error without the bytes it quotes (V8 quotes the start of the input): the input may
 * be a file a link pointed at, or hold a key. Keeps the position, when V8 gives one.
 */
export function jsonErrorWithoutContent(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position \d+(?: \(line \d+ column \d+\))?/.exec(message)?.[0];
  if (/Unexpected end of JSON input/.test(message)) return 'unexpected end of JSON input';
  return position !== undefined ? `invalid JSON ${position}` : 'invalid JSON';
}

/** Why a read failed, briefly: the error code (`ENOENT`) for a plain file system error, else the reason. */
export function briefReason(error: unknown): string {
  const refused = openErrorReason(error);
  return refused.code !== undefined && refused.reason === `unreadable (${refused.code})` ? refused.code : refused.reason;
}
