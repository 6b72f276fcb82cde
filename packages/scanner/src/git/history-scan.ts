// The history source: streams `git log -p` over the chosen commits, oldest first, and keeps the
// first commit that added each key to each file.
import type { SkippedFile } from '../finding.js';
import { keyHitsInAddedLine, type AddedHit } from './added-hits.js';
import { exposureOfLine, type LineExposure } from './exposure.js';
import { COMMIT_FORMAT, PatchParser, type CommitHeader } from './patch-parser.js';
import { spawnGit, TEXT_DIFF_OPTIONS } from './process.js';
import { ALL_REFS } from './revisions.js';

const isAllRefsOption = (revision: string): boolean => (ALL_REFS as readonly string[]).includes(revision);

export interface HistoryHit {
  hit: AddedHit;
  exposure: LineExposure;
  /** POSIX path relative to the repository root, in the commit that added the key. */
  file: string;
  commit: CommitHeader;
}

export interface HistoryScan {
  /** One per key fingerprint and file: the first commit (parents before children) that added it. */
  hits: HistoryHit[];
  commits: number;
  /** File changes read (one file in one commit). */
  fileChanges: number;
  /** Bytes of added lines read. */
  bytesScanned: number;
  /** Binary files, once per path. */
  skipped: SkippedFile[];
}

/**
 * `git log -p` arguments. Oldest first in topological order, so the first sighting of a key is
 * the commit that introduced it; `--cc` shows what a merge itself added (an "evil merge"), and
 * only that; one line of context lets an `engium-ignore` comment above a key count.
 */
export function historyLogArguments(revisions: readonly string[]): string[] {
  return [
    'log',
    '-p',
    '--cc',
    '-M',
    '-U1',
    '--reverse',
    '--topo-order',
    '--no-color',
    ...TEXT_DIFF_OPTIONS,
    '--src-prefix=a/',
    '--dst-prefix=b/',
    `--format=${COMMIT_FORMAT}`,
    // The --all options are ours (see revisions.ts); after --end-of-options comes only revisions, never an option.
    ...revisions.filter(isAllRefsOption),
    '--end-of-options',
    ...revisions.filter((revision) => !isAllRefsOption(revision)),
    '--',
  ];
}

export interface HistoryScanOptions {
  /** Extra public env prefixes from config. */
  publicEnvPrefixes?: readonly string[];
  /** Paths to leave out (config include/exclude). */
  skipPath?: (path: string) => boolean;
  /** Called once per distinct key, in memory only (the action masks keys with it). */
  onKey?: (key: string) => void;
}

/** A running `git log` of the history: undefined when there is nothing to read. */
export type HistoryLog = ReturnType<typeof spawnGit> | undefined;

/**
 * Starts the log as soon as the revisions are known, so that it runs while the caller reads its
 * config: its output waits in the pipe. The diffs' paths are the repository root's whichever of
 * its folders `cwd` is (`diff.relative` is pinned off, see process.ts).
 */
export function startHistoryLog(cwd: string, revisions: readonly string[]): HistoryLog {
  if (revisions.length === 0) return undefined;
  const log = spawnGit(cwd, historyLogArguments(revisions));
  log.child.stdin.end();
  // Listening now, reading later: when a child exits, Node lets the output nobody listens to flow
  // away unread, and a short log can end before the config is read.
  log.child.stdout.on('readable', () => {});
  return log;
}

export async function scanHistory(log: HistoryLog, options: HistoryScanOptions = {}): Promise<HistoryScan> {
  const keys = new Set<string>();
  const firstSightings = new Map<string, HistoryHit>();
  const binaryPaths = new Map<string, number>();
  /** The current file's sightings: kept once the file is done, unless it turned out binary. */
  let inFile: HistoryHit[] = [];
  let commit: CommitHeader | undefined;
  let commits = 0;
  let fileChanges = 0;
  let bytesScanned = 0;

  const parser = new PatchParser({
    commit(header) {
      commit = header;
      commits++;
    },
    added(line) {
      if (!commit || line.file.binary || options.skipPath?.(line.file.path)) return;
      let text = '';
      for (const hit of keyHitsInAddedLine(line, (decoded) => (text = decoded))) {
        if (!keys.has(hit.key)) {
          keys.add(hit.key);
          options.onKey?.(hit.key);
        }
        inFile.push({ hit, exposure: exposureOfLine(line.file.path, text, options.publicEnvPrefixes), file: line.file.path, commit });
      }
    },
    fileDone(file) {
      fileChanges++;
      bytesScanned += file.addedBytes;
      const sightings = inFile;
      inFile = [];
      if (file.binary) {
        if (file.status !== 'deleted') binaryPaths.set(file.path, (binaryPaths.get(file.path) ?? 0) + 1);
        return;
      }
      for (const sighting of sightings) {
        const id = `${sighting.hit.secret.fingerprint}\0${sighting.file}`;
        const seen = firstSightings.get(id);
        // An ignored sighting gives way to a later one that is not: that one leaked the key.
        if (!seen || (seen.hit.ignoredInline && !sighting.hit.ignoredInline)) firstSightings.set(id, sighting);
      }
    },
  }, { keyLinesOnly: true });

  if (log) {
    await parser.read(log.child.stdout);
    await log.finished;
  }

  const skipped = [...binaryPaths].map(([file, count]) => ({
    file,
    reason: `binary file in ${count} commit${count === 1 ? '' : 's'}: not scanned`,
  }));
  return { hits: [...firstSightings.values()], commits, fileChanges, bytesScanned, skipped };
}
