/**
 * How much an archive may make the scan read. Each limit, when hit, becomes a warning and the scan
 * goes on. Memory: an entry is held whole while it is analysed, so a scan holds at most
 * `maxEntryBytes` per level of nesting (`maxDepth` levels), whatever the archive's size.
 */
export interface ArchiveLimits {
  /** Archives inside archives, counting the outermost as 1. */
  maxDepth: number;
  /** Entries read from one archive. */
  maxEntries: number;
  /** Largest single entry read (and held in memory). */
  maxEntryBytes: number;
  /** Bytes decompressed from one archive, its nested archives included. */
  maxArchiveBytes: number;
  /** Bytes decompressed from all archives of a scan. */
  maxTotalBytes: number;
  /** Decompressed bytes per compressed byte above which an entry is a zip bomb. */
  maxRatio: number;
}

const MB = 1024 * 1024;

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxDepth: 3,
  maxEntries: 100_000,
  maxEntryBytes: 128 * MB,
  maxArchiveBytes: 1024 * MB,
  maxTotalBytes: 4096 * MB,
  // Minified code deflates 5-10x, repetitive JSON up to 50x; bombs reach 1,000x and more.
  maxRatio: 200,
};

/** The limits a config may set (`archiveLimits` in engium.config.json), sizes in megabytes. */
export interface ArchiveLimitsConfig {
  maxDepth?: number;
  maxEntries?: number;
  maxEntryMB?: number;
  maxArchiveMB?: number;
  maxTotalMB?: number;
  maxRatio?: number;
}

/** The limits a config sets, in the reader's units (its schema bounds each value). */
export function archiveLimitsOf(config: ArchiveLimitsConfig | undefined): Partial<ArchiveLimits> {
  if (!config) return {};
  const limits: Partial<ArchiveLimits> = {};
  if (config.maxDepth !== undefined) limits.maxDepth = config.maxDepth;
  if (config.maxEntries !== undefined) limits.maxEntries = config.maxEntries;
  if (config.maxEntryMB !== undefined) limits.maxEntryBytes = config.maxEntryMB * MB;
  if (config.maxArchiveMB !== undefined) limits.maxArchiveBytes = config.maxArchiveMB * MB;
  if (config.maxTotalMB !== undefined) limits.maxTotalBytes = config.maxTotalMB * MB;
  if (config.maxRatio !== undefined) limits.maxRatio = config.maxRatio;
  return limits;
}

/** Entries smaller than this are never called bombs: a tiny run of zeros compresses absurdly well. */
export const RATIO_FLOOR_BYTES = MB;

