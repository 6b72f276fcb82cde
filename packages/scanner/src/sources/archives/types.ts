/** What every archive reader takes and yields: the dispatcher (index.ts) knows no format. */

/** An archive on disk, or one held in memory (an entry of another archive). */
/** An archive on disk (its path as `fs` takes it: bytes for a name that is not UTF-8) or in memory. */
export type ArchiveSource = { path: string | Buffer; size: number } | { bytes: Buffer };

/**
 * One file read out of an archive, or why an entry (or the rest of the archive) could not be;
 * `overLimit` when only the size limits kept it out (the dispatcher names the first such entry and counts the rest).
 */
export type ArchiveItem = { name: string; bytes: Buffer } | { name?: string; problem: string; overLimit?: true };

/** The limits an entry is read under, asked afresh before each entry. */
export interface EntryRoom {
  /** Bytes the next entry may decompress to: the smallest of what is left of every limit. */
  bytes(): number;
  /** Decompressed bytes per compressed byte above which an entry counts as a zip bomb. */
  maxRatio: number;
}

/** `name`: the archive's own name (a file compressed whole names its one entry after it). */
export type ArchiveReader = (source: ArchiveSource, room: EntryRoom, name: string) => AsyncGenerator<ArchiveItem, void, undefined>;

export function sourceSize(source: ArchiveSource): number {
  return 'bytes' in source ? source.bytes.length : source.size;
}
