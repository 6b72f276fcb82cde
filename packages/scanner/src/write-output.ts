/**
 * Writing a report or a baseline where the user asked, often inside a repository someone else
 * wrote: never through a symlink there (a committed `.engium-baseline.json -> ~/.bashrc` must not
 * replace the user's file), never half-written (a temp file in the same folder, renamed over the
 * target), and a file outside the working directory is replaced only with a notice saying so.
 * Every failure is a UsageError naming the path and the reason.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './config.js';
import { isInsideDir } from './safe-read.js';

const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW, O_NONBLOCK } = constants;

/** Told what a write did that the user may not expect (stderr, for the CLI). */
export type WriteNotice = (message: string) => void;

/** `ENOSPC (no space left on device)` from a Node file system error. */
function describe(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const detail = /^[A-Z]+: ([^,]+)/.exec(message)?.[1];
  if (code === undefined) return message;
  return detail !== undefined ? `${code} (${detail})` : code;
}

function failure(path: string, error: unknown): UsageError {
  return error instanceof UsageError ? error : new UsageError(`cannot write ${path}: ${describe(error)}`);
}

function statOrUndefined(stat: (path: string) => Stats, path: string): Stats | undefined {
  try {
    return stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** A stream that holds no file to replace (a terminal, `/dev/null`, a pipe): written to as it is. */
function isStream(stats: Stats): boolean {
  return stats.isCharacterDevice() || stats.isFIFO() || stats.isSocket();
}

/** How long a FIFO is given to find a reader, and how often it is asked. */
const FIFO_READER_WAIT_MS = 2000;
const FIFO_READER_POLL_MS = 50;

/**
 * Waits (a little) for `path`, a FIFO, to have a reader. Opening a FIFO for writing blocks until one
 * comes, for ever in a tree someone else made (`.engium-baseline.json` a FIFO); asked without
 * blocking, the open answers ENXIO while there is none (a reader blocked in its own open counts).
 */
function awaitFifoReader(path: string): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; ; waited += FIFO_READER_POLL_MS) {
    try {
      closeSync(openSync(path, O_WRONLY | O_NONBLOCK));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENXIO') throw error;
      if (waited >= FIFO_READER_WAIT_MS) throw new UsageError(`cannot write ${path}: a FIFO with no reader (none came in ${FIFO_READER_WAIT_MS / 1000} s)`);
      Atomics.wait(pause, 0, 0, FIFO_READER_POLL_MS);
    }
  }
}

function writeToStream(path: string, bytes: Buffer, stats: Stats): void {
  if (stats.isFIFO()) awaitFifoReader(path);
  const fd = openSync(path, O_WRONLY);
  try {
    writeAll(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `text` to `path`. A symlink at `path` is refused, unless it leads to a stream
 * (`-o /dev/stdout`); a regular file is replaced by renaming a complete temp file over it.
 */
export function writeOutputFile(path: string, text: string, notice: WriteNotice = () => undefined): void {
  const bytes = Buffer.from(text);
  const absolute = resolve(path);
  try {
    const existing = statOrUndefined(lstatSync, absolute);
    if (existing?.isSymbolicLink()) {
      const target = statOrUndefined(statSync, absolute);
      if (target && isStream(target)) return writeToStream(absolute, bytes, target);
      throw new UsageError(`cannot write ${path}: it is a symbolic link (not followed); remove it or write elsewhere`);
    }
    if (existing?.isDirectory()) throw new UsageError(`cannot write ${path}: it is a directory`);
    if (existing && isStream(existing)) return writeToStream(absolute, bytes, existing);
    if (existing && !existing.isFile()) throw new UsageError(`cannot write ${path}: not a regular file`);
    let folder: string;
    try {
      folder = realpathSync(dirname(absolute));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`cannot write ${path}: ${code === 'ENOENT' ? `the folder ${dirname(absolute)} does not exist (ENOENT)` : describe(error)}`);
    }
    if (existing && !isInsideDir(realpathSync(process.cwd()), folder)) notice(`replaced ${join(folder, basename(absolute))}, which is outside the working directory`);
    replaceWith(join(folder, basename(absolute)), bytes, existing);
  } catch (error) {
    throw failure(path, error);
  }
}

/** Writes a temp file beside `target` (never through a link: O_EXCL | O_NOFOLLOW), then renames it over `target`. */
function replaceWith(target: string, bytes: Buffer, existing: Stats | undefined): void {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, existing ? existing.mode & 0o777 : 0o666);
  try {
    try {
      writeAll(fd, bytes);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or gone: nothing to clean up.
    }
    throw error;
  }
}
