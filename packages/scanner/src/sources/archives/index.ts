/**
 * Archives as a source of files: each entry becomes a file named `outer.apk!/inner/path` (through
 * nested archives, `outer.zip!/app.ipa!/Payload/…`) and goes through the same analysis as a file
 * on disk, so no later stage knows where its bytes came from. One reader per format; this module
 * only dispatches, keeps the limits and names what it could not read.
 */
import { closeSync } from 'node:fs';
import { appPackageOf } from '@engium/core';
import { analyseBytes, type AnalyseContext, type FileAnalysis } from '../../analyse/index.js';
import { binaryKeyHits } from '../../analyse/binary.js';
import { BuildDirMatcher } from '../../discover/build-dirs.js';
import { buildDirOf, isEnvFile, type DiscoveredFile, type ShippedTo } from '../../discover/index.js';
import { fsPath, pathText } from '../../discover/byte-names.js';
import { openErrorReason, openRegularFile, readRegularFile } from '../../safe-read.js';
import type { ScanWarning, SkippedFile } from '../../finding.js';
import { asarEntries } from './asar.js';
import { archiveFormatOf, SINGLE_FILE_FORMATS, type ArchiveFormat } from './formats.js';
import { brotliEntries, gzipEntries } from './compressed.js';
import { byteSize } from '../../byte-size.js';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './limits.js';
import { tarEntries, tgzEntries } from './tar.js';
import type { ArchiveReader, ArchiveSource, EntryRoom } from './types.js';
import { crxEntries, zipEntries } from './zip.js';

export { archiveFormatOf } from './formats.js';
export { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './limits.js';

/** The most bytes of an unreadable archive searched as they are (read whole, on this rare path). */
const RAW_SEARCH_BYTES = 256 * 1024 * 1024;
/** Formats that may store an entry's bytes as they are; the others are compressed whole, so their bytes hold no key to see. */
const MAY_STORE_PLAIN: ReadonlySet<ArchiveFormat> = new Set(['zip', 'crx', 'tar', 'asar']);

const READERS: Record<ArchiveFormat, ArchiveReader> = { zip: zipEntries, crx: crxEntries, tar: tarEntries, tgz: tgzEntries, asar: asarEntries, gzip: gzipEntries, brotli: brotliEntries };

export interface ArchiveScan {
  /** One per entry read (with or without hits). */
  analyses: FileAnalysis[];
  /** Limits hit, entries that could not be read, hostile names. */
  warnings: ScanWarning[];
  /** Set when the archive itself could not be opened from disk. */
  skipped?: SkippedFile;
}

/** Where the archive being read sits: the outermost file, and the path to this one inside it. */
interface Place {
  outer: DiscoveredFile;
  /** `''` for the outermost archive, else `inner.ipa!/` joined through each level. */
  prefix: string;
  depth: number;
  shipped: ShippedTo | undefined;
  /** Bytes decompressed from the outermost archive so far. */
  usage: { bytes: number };
  /** The archive being read, as a file of the scan: the outer one on disk, or an entry of it. */
  self: DiscoveredFile;
}

/** The path a file compressed whole stands for: its own (in the tree or its archive), without `.gz`/`.br`. */
function compressedPath(place: Place): string {
  return (place.prefix ? place.prefix.slice(0, -2) : place.outer.path).replace(/\.(?:gz|br)$/i, '');
}

/** A name that would land outside the folder it was extracted to. */
function leavesArchive(name: string): boolean {
  return name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name) || name.split(/[\\/]/).includes('..');
}

function shippedBy(name: string): ShippedTo | undefined {
  const artifact = appPackageOf(name);
  return artifact ? { kind: artifact.kind, reason: artifact.reason } : undefined;
}

/** Reads the archives of one scan under shared limits (the total-bytes limit spans them all). */
export class ArchiveReaderSet {
  private totalBytes = 0;
  private readonly limits: ArchiveLimits;
  private readonly builds = new BuildDirMatcher();

  constructor(
    private readonly context: AnalyseContext,
    limits: Partial<ArchiveLimits> = {},
  ) {
    this.limits = { ...DEFAULT_ARCHIVE_LIMITS, ...limits };
  }

  async scan(file: DiscoveredFile): Promise<ArchiveScan> {
    const result: ArchiveScan = { analyses: [], warnings: [] };
    const format = archiveFormatOf(file.path);
    let size: number;
    try {
      // As every reader: a regular file, never through a link, never a FIFO that would block.
      const opened = openRegularFile(fsPath(file.absolutePath), { noFollow: true });
      closeSync(opened.fd);
      size = opened.size;
    } catch (error) {
      result.skipped = { file: file.path, reason: openErrorReason(error).reason };
      return result;
    }
    if (format === undefined) return result;
    const place: Place = { outer: file, prefix: '', depth: 1, shipped: file.shipped ?? shippedBy(file.path), usage: { bytes: 0 }, self: file };
    const source = { path: fsPath(file.absolutePath), size };
    try {
      await this.read(source, format, place, result);
    } catch (error) {
      result.warnings.push({ file: file.path, message: `archive could not be read (${(error as Error).message}): the rest of it is not scanned` });
      if (MAY_STORE_PLAIN.has(format)) this.searchRaw(source, file, result);
    }
    return result;
  }

  /**
   * An archive its reader could not read (or not to its end): its own bytes are searched as they
   * are, as compiled code is, so a key in an entry stored uncompressed (an asar, a tar, a stored zip
   * entry) is not lost with the rest. Keys already found in its entries are not reported again.
   */
  private searchRaw(source: ArchiveSource, self: DiscoveredFile, result: ArchiveScan): void {
    let bytes: Buffer;
    try {
      bytes = 'bytes' in source ? source.bytes : readRegularFile(source.path, { maxBytes: RAW_SEARCH_BYTES, noFollow: true });
    } catch (error) {
      result.warnings.push({ file: self.path, message: `its bytes could not be searched as they are either (${openErrorReason(error).reason})` });
      return;
    }
    const found = new Set(result.analyses.flatMap((analysis) => analysis.hits.map((hit) => hit.secret.fingerprint)));
    const hits = binaryKeyHits(bytes).filter((hit) => !found.has(hit.secret.fingerprint));
    result.warnings.push({ file: self.path, message: 'its bytes were searched as they are: a key in an entry stored uncompressed is found, one in a compressed entry is not' });
    if (hits.length > 0) result.analyses.push({ file: self, hits, bytes: 0, warnings: [] });
  }

  private room(place: Place): EntryRoom {
    const { limits } = this;
    return {
      maxRatio: limits.maxRatio,
      bytes: () => Math.max(0, Math.min(limits.maxEntryBytes, limits.maxArchiveBytes - place.usage.bytes, limits.maxTotalBytes - this.totalBytes)),
    };
  }

  /** Why no more entries may be read, once a byte limit is used up. */
  private exhausted(place: Place): string | undefined {
    if (this.totalBytes >= this.limits.maxTotalBytes) return `the scan's archives reached ${byteSize(this.limits.maxTotalBytes)} decompressed (the limit for all archives)`;
    if (place.usage.bytes >= this.limits.maxArchiveBytes) return `the archive reached ${byteSize(this.limits.maxArchiveBytes)} decompressed (the limit per archive)`;
    return undefined;
  }

  private async read(source: ArchiveSource, format: ArchiveFormat, place: Place, result: ArchiveScan): Promise<void> {
    const here = `${place.outer.path}${place.prefix ? `!/${place.prefix.slice(0, -2)}` : ''}`;
    let entries = 0;
    let overLimit = 0;
    let unread = false;
    for await (const item of READERS[format](source, this.room(place), here)) {
      const entryName = item.name !== undefined ? `${here}!/${item.name}` : here;
      if ('problem' in item) {
        // The archive itself (not one entry, not a limit): it could not be opened, or read to its end.
        if (item.name === undefined && !item.overLimit) unread = true;
        // One warning names the first entry the limits kept out; the rest are counted, not listed.
        if (!item.overLimit || overLimit++ === 0) result.warnings.push({ file: entryName, message: item.problem });
        continue;
      }
      if (++entries > this.limits.maxEntries) {
        result.warnings.push({ file: here, message: `more than ${this.limits.maxEntries} entries: the rest are not scanned` });
        return;
      }
      place.usage.bytes += item.bytes.length;
      this.totalBytes += item.bytes.length;
      if (leavesArchive(item.name)) {
        result.warnings.push({ file: entryName, message: 'entry name leads outside the archive (an absolute path or ../): scanned under that name, never extracted' });
      }
      const inner = archiveFormatOf(item.name);
      if (inner !== undefined) await this.readNested(item.name, item.bytes, inner, place, result);
      // A file compressed whole is that file: its role is the one its own path (without .gz) gives.
      else if (SINGLE_FILE_FORMATS.has(format)) result.analyses.push(analyseBytes(this.entryFile(place, item.name, compressedPath(place)), item.bytes, this.context));
      else result.analyses.push(analyseBytes(this.entryFile(place, item.name), item.bytes, this.context));
      const stop = this.exhausted(place);
      if (stop !== undefined) {
        result.warnings.push({ file: here, message: `${stop}: the rest is not scanned` });
        return;
      }
    }
    if (overLimit > 1) result.warnings.push({ file: here, message: `${overLimit - 1} more entries were over the size limits: not scanned` });
    if (unread && MAY_STORE_PLAIN.has(format)) this.searchRaw(source, place.self, result);
  }

  private async readNested(name: string, bytes: Buffer, format: ArchiveFormat, place: Place, result: ArchiveScan): Promise<void> {
    const path = `${place.outer.path}!/${place.prefix}${name}`;
    if (place.depth >= this.limits.maxDepth) {
      result.warnings.push({ file: path, message: `archive nested more than ${this.limits.maxDepth} deep: not opened` });
      return;
    }
    const nested: Place = { ...place, prefix: `${place.prefix}${name}!/`, depth: place.depth + 1, shipped: place.shipped ?? shippedBy(name), self: this.entryFile(place, name) };
    await this.read({ bytes }, format, nested, result);
  }

  /** The file record of an entry: its role from its own path (or `rolePath`), as a file on disk would get. */
  private entryFile(place: Place, name: string, rolePath = name): DiscoveredFile {
    const entry = `${place.prefix}${name}`;
    const buildDir = buildDirOf(this.builds, rolePath);
    return {
      path: `${place.outer.path}!/${entry}`,
      absolutePath: `${pathText(place.outer.absolutePath)}!/${entry}`,
      role: isEnvFile(rolePath) ? 'env' : buildDir ? 'build' : 'source',
      // Whatever .gitignore says of the archive, its entries go wherever it goes.
      gitignored: false,
      archive: { file: place.outer.path, entry },
      ...(buildDir ? { buildDir } : {}),
      ...(place.shipped ? { shipped: place.shipped } : {}),
    };
  }
}
