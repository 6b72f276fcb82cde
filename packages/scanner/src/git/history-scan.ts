// The history source: streams `git log -p` over the chosen commits, oldest first, and keeps the
// first commit that added each key to each file. Unicode text (UTF-16, UTF-32), which a diff cuts
// into pieces that do not decode, is read whole from each version's blob after the log.
import type { ScanWarning, SkippedFile } from '../finding.js';
import { keyHitsInAddedLine, type AddedHit } from './added-hits.js';
import { readWholeVersions } from './blob-hits.js';
import { tooLargeReason } from './blobs.js';
import { exposureOfLine, type LineExposure } from './exposure.js';
import { COMMIT_FORMAT, PatchParser, readsWholeBlob, type CommitHeader, type PatchVisitor } from './patch-parser.js';
import { GitError, runGit, spawnGit, TEXT_DIFF_OPTIONS } from './process.js';
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
  /** Files read whole from their blobs (Unicode text, wrapped base64), which a search of HEAD's bytes may not see into. */
  wholeFiles: string[];
  /** Commits git could not read (a corrupt or missing object), each with git's reason; the scan went on past them. */
  warnings: ScanWarning[];
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
    // Full blob ids: Unicode text is read from its blobs, and a short id may grow ambiguous.
    '--full-index',
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
export type HistoryLog = (ReturnType<typeof spawnGit> & { cwd: string; revisions: readonly string[] }) | undefined;

/**
 * Starts the log as soon as the revisions are known, so that it runs while the caller reads its
 * config: its output waits in the pipe. The diffs' paths are the repository root's whichever of
 * its folders `cwd` is (`diff.relative` is pinned off, see process.ts).
 */
export function startHistoryLog(cwd: string, revisions: readonly string[]): HistoryLog {
  if (revisions.length === 0) return undefined;
  const log = { ...spawnGit(cwd, historyLogArguments(revisions)), cwd, revisions };
  log.child.stdin.end();
  // Listening now, reading later: when a child exits, Node lets the output nobody listens to flow
  // away unread, and a short log can end before the config is read.
  log.child.stdout.on('readable', () => {});
  return log;
}

/**
 * Commits git could not read before the rest of the history is left unread: each one past the
 * first costs a `git log` of its own (and, in a partial clone whose remote is gone, a failed fetch).
 */
export const MAX_UNREADABLE_COMMITS = 20;

/** `git log -p` of `commits` alone, in the order given (oldest first), each diffed as the whole log diffs it. */
function commitsLog(cwd: string, commits: readonly string[]): ReturnType<typeof spawnGit> {
  const args = historyLogArguments([]).filter((arg) => arg !== '--reverse' && arg !== '--topo-order');
  const run = spawnGit(cwd, [...args.slice(0, args.indexOf('--end-of-options')), '--no-walk=unsorted', '--stdin', '--end-of-options', '--']);
  run.child.stdin.end(`${commits.join('\n')}\n`);
  return run;
}

/** The commits of the log's revisions, in the order the log shows them (oldest first). */
async function commitsInOrder(cwd: string, revisions: readonly string[]): Promise<string[]> {
  const args = historyLogArguments(revisions);
  const walk = args.filter((arg) => arg === '--reverse' || arg === '--topo-order' || isAllRefsOption(arg));
  const listed = await runGit(cwd, ['rev-list', ...walk, ...args.slice(args.indexOf('--end-of-options'))]);
  return listed.toString('latin1').split('\n').filter(Boolean);
}

/** How a `git log` run ended: its failure, if it failed, and the last commit it showed. */
interface LogRun {
  last: string | undefined;
  failure?: GitError;
}

/** How the warnings for commits git could not read end: the history command's exit code looks for it. */
const UNREAD_NOTE = 'keys it added may be missing';

/** The warning for a commit git could not read. */
function unreadableCommit(sha: string, failure: GitError): ScanWarning {
  return { file: '.', message: `commit ${sha}: git could not read it (${failure.detail || failure.message}): ${UNREAD_NOTE}; the commits after it were scanned` };
}

/** Whether `warning` names a commit git could not read. */
export function isUnreadCommit(warning: ScanWarning): boolean {
  return warning.file === '.' && warning.message.startsWith('commit ') && warning.message.includes(`): ${UNREAD_NOTE};`);
}

/** Whether the history a report covers has commits git could not read: the scan is incomplete. */
export function missesCommits(warnings: readonly ScanWarning[] = []): boolean {
  return warnings.some(isUnreadCommit);
}

/** Versions of files read whole per `git cat-file`: their keys are kept, their bytes a batch at a time. */
const WHOLE_CHANGES_PER_READ = 256;

/** A file change read whole from its blob after the log: Unicode text, or wrapped base64, which diffs cut into pieces. */
interface WholeChange {
  file: string;
  blob: string;
  /** The versions it changed: keys already in one of them were not added by this change. */
  oldBlobs: readonly string[];
  commit: CommitHeader;
  /** Its place among the log's file changes. */
  order: number;
  /** What its added lines showed: the findings when the blob is too large to read whole. */
  lineSightings: HistoryHit[];
}

export async function scanHistory(log: HistoryLog, options: HistoryScanOptions = {}): Promise<HistoryScan> {
  const keys = new Set<string>();
  const firstSightings = new Map<string, HistoryHit & { order: number }>();
  const binaryPaths = new Map<string, number>();
  const whole: WholeChange[] = [];
  /** The current file's sightings: kept once the file is done, unless it turned out binary. */
  let inFile: HistoryHit[] = [];
  let commit: CommitHeader | undefined;
  let commits = 0;
  let fileChanges = 0;
  let bytesScanned = 0;

  const sighted = (sighting: HistoryHit, order: number): void => {
    if (!keys.has(sighting.hit.key)) {
      keys.add(sighting.hit.key);
      options.onKey?.(sighting.hit.key);
    }
    const id = `${sighting.hit.secret.fingerprint}\0${sighting.file}`;
    const seen = firstSightings.get(id);
    // The first sighting wins, but an ignored one gives way to a later one that is not: that one leaked the key.
    const ignoredFirst = seen?.hit.ignoredInline && !sighting.hit.ignoredInline;
    if (!seen || ignoredFirst || (seen.hit.ignoredInline === sighting.hit.ignoredInline && order < seen.order)) firstSightings.set(id, { ...sighting, order });
  };

  const visitor: PatchVisitor = {
    commit(header) {
      commit = header;
      commits++;
    },
    added(line) {
      if (!commit || line.file.binary || options.skipPath?.(line.file.path)) return;
      let text = '';
      for (const hit of keyHitsInAddedLine(line, (decoded) => (text = decoded))) {
        inFile.push({ hit, exposure: exposureOfLine(line.file.path, text, options.publicEnvPrefixes, hit), file: line.file.path, commit });
      }
    },
    fileDone(file) {
      const order = fileChanges++;
      bytesScanned += file.addedBytes;
      const sightings = inFile;
      inFile = [];
      if (readsWholeBlob(file) && commit && file.blob && file.status !== 'deleted' && !options.skipPath?.(file.path)) {
        whole.push({ file: file.path, blob: file.blob, oldBlobs: file.oldBlobs ?? [], commit, order, lineSightings: file.binary ? [] : sightings });
        return;
      }
      if (file.binary) {
        if (file.status !== 'deleted') binaryPaths.set(file.path, (binaryPaths.get(file.path) ?? 0) + 1);
        return;
      }
      for (const sighting of sightings) sighted(sighting, order);
    },
  };

  // A function, not `commit?.sha` in place: the compiler does not see the parser's callbacks set it.
  const lastShown = (): string | undefined => commit?.sha;
  /** Reads one `git log` run to its end: how it ended, and the last commit it showed. */
  const readRun = async (run: ReturnType<typeof spawnGit>): Promise<LogRun> => {
    commit = undefined;
    await new PatchParser(visitor, { keyLinesOnly: true }).read(run.child.stdout);
    const last = lastShown();
    try {
      await run.finished;
      return { last };
    } catch (error) {
      if (error instanceof GitError) return { last, failure: error };
      throw error;
    }
  };
  /** A commit read again alone, to learn whether git can read it: counted once. */
  const readAgain = async (sha: string): Promise<boolean> => {
    const counted = { commits, fileChanges, bytesScanned };
    const { failure } = await readRun(commitsLog(log?.cwd ?? '.', [sha]));
    ({ commits, fileChanges, bytesScanned } = counted);
    return failure === undefined;
  };
  const warnings: ScanWarning[] = [];
  if (log) {
    const run = await readRun(log);
    if (run.failure) await readPastFailures(log, run, readRun, readAgain, warnings);
  }
  const tooLarge = new Map<string, number>();
  const wholeFiles = new Set<string>();
  // A batch of versions at a time: a long history may change such a file thousands of times.
  for (let from = 0; log && from < whole.length; from += WHOLE_CHANGES_PER_READ) {
    const changes = whole.slice(from, from + WHOLE_CHANGES_PER_READ);
    const reads = await readWholeVersions(log.cwd, changes.map(({ file, blob, oldBlobs }) => ({ path: file, blob, oldBlobs })), options.publicEnvPrefixes);
    changes.forEach((change, index) => {
      const read = reads[index];
      if (read === undefined || 'tooLarge' in read) {
        // Too large (or gone): what its lines showed is the best there is.
        if (read) tooLarge.set(change.file, Math.max(read.tooLarge, tooLarge.get(change.file) ?? 0));
        for (const sighting of change.lineSightings) sighted(sighting, change.order);
      } else if (read.found === 'binary') binaryPaths.set(change.file, (binaryPaths.get(change.file) ?? 0) + 1);
      else {
        wholeFiles.add(change.file);
        for (const { hit, exposure } of read.found) sighted({ hit, exposure, file: change.file, commit: change.commit }, change.order);
      }
    });
  }

  const skipped = [
    ...[...binaryPaths].map(([file, count]) => ({ file, reason: `binary file in ${count} commit${count === 1 ? '' : 's'}: not scanned` })),
    ...[...tooLarge].map(([file, size]) => ({ file, reason: tooLargeReason(size) })),
  ];
  const hits = [...firstSightings.values()].sort((a, b) => a.order - b.order).map(({ order: _order, ...sighting }) => sighting);
  return { hits, commits, fileChanges, bytesScanned, skipped, wholeFiles: [...wholeFiles], warnings };
}

/**
 * After `git log` failed partway (a corrupt object, a blob a partial clone cannot fetch), what it
 * showed is kept and the log goes on past the commit it could not read, so one bad object costs
 * that commit, not the history. The run stopped in the diff of the last commit it showed, or of
 * the next one before its header (rename detection reads blobs first): the last one read again
 * alone says which.
 */
async function readPastFailures(
  log: NonNullable<HistoryLog>,
  firstRun: LogRun,
  readRun: (run: ReturnType<typeof spawnGit>) => Promise<LogRun>,
  readsAlone: (sha: string) => Promise<boolean>,
  warnings: ScanWarning[],
): Promise<void> {
  let order: string[];
  try {
    order = await commitsInOrder(log.cwd, log.revisions);
  } catch {
    throw firstRun.failure; // git cannot even list the commits: its first words say why
  }
  let run = firstRun;
  let start = 0;
  while (run.failure) {
    const shown = run.last === undefined ? -1 : order.indexOf(run.last, start);
    const broken = shown < start ? start : (await readsAlone(order[shown] as string)) ? shown + 1 : shown;
    if (broken >= order.length) {
      // Every commit was read, whole, and git still failed: said, not passed over.
      warnings.push({ file: '.', message: `git log failed after showing every commit (${run.failure.detail || run.failure.message})` });
      return;
    }
    warnings.push(unreadableCommit(order[broken] as string, run.failure));
    start = broken + 1;
    if (start >= order.length) return;
    if (warnings.length >= MAX_UNREADABLE_COMMITS) {
      warnings.push({ file: '.', message: `git could not read ${warnings.length} commits: the ${order.length - start} after ${order[broken]} are not scanned` });
      return;
    }
    run = await readRun(commitsLog(log.cwd, order.slice(start)));
  }
}
