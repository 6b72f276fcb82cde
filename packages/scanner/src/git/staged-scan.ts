// The staged source: what `git commit` is about to record, read from the index (GIT_INDEX_FILE
// inside a hook), never from the working tree. One `git diff --cached` gives the added lines;
// renamed and copied files, staged .env files and Unicode (UTF-16, UTF-32) text are read whole
// from their index blobs.
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SkippedFile } from '../finding.js';
import { isEnvFile } from '../analyse/env-file.js';
import { namesFromNulSeparated } from '../discover/byte-names.js';
import { readRegularText } from '../safe-read.js';
import { keyHitsInAddedLine, type AddedHit } from './added-hits.js';
import { fingerprintsInBlob, readWholeVersions } from './blob-hits.js';
import { exposureOfLine, type LineExposure } from './exposure.js';
import { readBlobs, tooLargeReason } from './blobs.js';
import { PatchParser, readsWholeBlob, type FileChange } from './patch-parser.js';
import { runGit, spawnGit, TEXT_DIFF_OPTIONS } from './process.js';

export interface StagedHit {
  hit: AddedHit;
  exposure: LineExposure;
  /** POSIX path relative to the scanned directory. */
  file: string;
}

export interface StagedScanOptions {
  /** Extra public env prefixes from config. */
  publicEnvPrefixes?: readonly string[];
  /** Paths to leave out (config include/exclude). */
  skipPath?: (path: string) => boolean;
}

export interface StagedScan {
  hits: StagedHit[];
  filesScanned: number;
  bytesScanned: number;
  skipped: SkippedFile[];
}

/** Files read whole from the index, all their keys reported: renamed and copied files, modified .env files. */
function readsWholeByChoice(file: FileChange): boolean {
  return file.status === 'renamed' || file.status === 'copied' || (file.status === 'modified' && isEnvFile(file.path));
}

/** Files read whole from the index rather than through their added lines (Unicode text and wrapped base64 must be). */
function readsWhole(file: FileChange): boolean {
  return readsWholeByChoice(file) || readsWholeBlob(file);
}

export const STAGED_DIFF_ARGUMENTS = [
  'diff',
  '--cached',
  '--relative',
  '-p',
  '-M',
  '-U1',
  '--full-index',
  '--no-color',
  ...TEXT_DIFF_OPTIONS,
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '--',
];

/** `.git` pointer files and MERGE_HEAD hold a path or a few commit ids. */
const GIT_STATE_FILE_BYTES = 64 * 1024;

/** Where the repository of `cwd` keeps its state, found on disk (no git process on the hot path). */
function gitDirOf(cwd: string): string | undefined {
  if (process.env.GIT_DIR) return resolve(process.env.GIT_DIR);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    try {
      if (statSync(dotGit).isDirectory()) return dotGit;
      // A linked worktree or a submodule: `.git` is a file naming the real git dir.
      // A regular file of a line or two: a FIFO or a link to a device there must not hang a hook.
      const pointer = /^gitdir: (.+)$/m.exec(readRegularText(dotGit, { maxBytes: GIT_STATE_FILE_BYTES }))?.[1];
      return pointer ? resolve(dir, pointer.trim()) : undefined;
    } catch {
      if (dirname(dir) === dir) return undefined;
    }
  }
}

/** The commits being merged in when the commit to be made is a merge (MERGE_HEAD), else none. */
function mergeHeads(cwd: string): string[] {
  const gitDir = gitDirOf(cwd);
  if (!gitDir) return [];
  try {
    return readRegularText(join(gitDir, 'MERGE_HEAD'), { maxBytes: GIT_STATE_FILE_BYTES }).split('\n').filter((line) => /^[0-9a-f]{40,64}$/.test(line));
  } catch {
    return [];
  }
}

/** `file\0line\0fingerprint` of every key on a line the index adds relative to commit `base`. */
async function keyLinesAddedSince(cwd: string, base: string): Promise<Set<string>> {
  const found = new Set<string>();
  const parser = new PatchParser({
    added(line) {
      for (const hit of keyHitsInAddedLine(line)) found.add(`${line.file.path}\0${hit.line}\0${hit.secret.fingerprint}`);
    },
  });
  const { child, finished } = spawnGit(cwd, [...STAGED_DIFF_ARGUMENTS.slice(0, -1), base, '--']);
  child.stdin.end();
  await parser.read(child.stdout);
  await finished;
  return found;
}

/**
 * For a merge, only what the merge itself adds counts (as `git log --cc` shows it): a key the
 * merged branch already committed is that branch's finding, found by `engium-scan history`, and
 * must not block every merge of it.
 */
async function addedByTheMerge(cwd: string, hits: StagedHit[], wholeFiles: ReadonlySet<string>): Promise<StagedHit[]> {
  const heads = mergeHeads(cwd);
  if (heads.length === 0 || hits.length === 0) return hits;
  let kept = hits;
  for (const head of heads) {
    const added = await keyLinesAddedSince(cwd, head);
    // A file read whole has no lines to compare: a key the merged version already held was not added.
    const held = await fingerprintsAt(cwd, head, [...new Set(kept.filter(({ file }) => wholeFiles.has(file)).map(({ file }) => file))]);
    kept = kept.filter(({ hit, file }) =>
      wholeFiles.has(file) ? !held.get(file)?.has(hit.secret.fingerprint) : added.has(`${file}\0${hit.line}\0${hit.secret.fingerprint}`),
    );
  }
  return kept;
}

/** The fingerprints of the keys in each of `paths` at commit `rev`, read whole. */
async function fingerprintsAt(cwd: string, rev: string, paths: readonly string[]): Promise<Map<string, Set<string>>> {
  const held = new Map<string, Set<string>>();
  if (paths.length === 0) return held;
  const listing = await runGit(cwd, ['--literal-pathspecs', 'ls-tree', '-z', rev, '--', ...paths]);
  const pathsOf = new Map<string, string[]>();
  for (const entry of namesFromNulSeparated(listing)) {
    const tab = entry.indexOf('\t');
    const [, type, id] = entry.slice(0, tab).split(' ');
    if (tab !== -1 && type === 'blob' && id) pathsOf.set(id, [...(pathsOf.get(id) ?? []), entry.slice(tab + 1)]);
  }
  await readBlobs(cwd, [...pathsOf.keys()], (id, content) => {
    for (const path of pathsOf.get(id) ?? []) held.set(path, fingerprintsInBlob(path, content));
  });
  return held;
}

/** Index blob ids of `paths` (for renames git prints no `index` line). */
async function indexBlobs(cwd: string, paths: readonly string[]): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  if (paths.length === 0) return blobs;
  const listing = await runGit(cwd, ['--literal-pathspecs', 'ls-files', '--stage', '-z', '--', ...paths]);
  for (const entry of namesFromNulSeparated(listing)) {
    const tab = entry.indexOf('\t');
    const id = entry.slice(0, tab).split(' ')[1];
    if (tab !== -1 && id) blobs.set(entry.slice(tab + 1), id);
  }
  return blobs;
}

export async function scanStaged(cwd: string, options: StagedScanOptions = {}): Promise<StagedScan> {
  const hits: StagedHit[] = [];
  /** The current file's hits: kept once the file is done, unless it turned out binary. */
  let inFile: StagedHit[] = [];
  /** Files to read whole, with what their added lines showed (the findings when the blob is too large). */
  const whole: { file: FileChange; lineHits: StagedHit[] }[] = [];
  const skipped: SkippedFile[] = [];
  let filesScanned = 0;
  let bytesScanned = 0;

  const parser = new PatchParser({
    added(line) {
      if (line.file.binary || readsWholeByChoice(line.file) || options.skipPath?.(line.file.path)) return;
      bytesScanned += line.bytes.length;
      let text = '';
      for (const hit of keyHitsInAddedLine(line, (decoded) => (text = decoded))) {
        inFile.push({ hit, file: line.file.path, exposure: exposureOfLine(line.file.path, text, options.publicEnvPrefixes, hit) });
      }
    },
    fileDone(file) {
      const found = inFile;
      inFile = [];
      if (file.status === 'deleted' || options.skipPath?.(file.path)) return;
      // A file read whole is searched there, and its bytes say whether it is binary (it may have
      // turned out Unicode text midway).
      if (readsWhole(file)) whole.push({ file, lineHits: file.binary ? [] : found });
      else if (file.binary) skipped.push({ file: file.path, reason: 'binary file: not scanned' });
      else {
        hits.push(...found);
        filesScanned++;
      }
    },
    unmerged(path) {
      if (!options.skipPath?.(path)) skipped.push({ file: path, reason: 'unmerged (a merge conflict): not scanned; git commit refuses it until it is resolved and added, and this hook then scans it' });
    },
  });
  const { child, finished } = spawnGit(cwd, STAGED_DIFF_ARGUMENTS);
  child.stdin.end();
  await parser.read(child.stdout);
  try {
    await finished;
  } catch (error) {
    // Outside a repository `git diff` turns into `diff --no-index` and complains about usage;
    // asking git about the repository (only now, so a hook pays nothing) gives the real reason.
    await runGit(cwd, ['rev-parse', '--git-dir']);
    throw error;
  }

  const wholeBlobFiles = new Set<string>();
  if (whole.length > 0) {
    const missing = whole.filter(({ file }) => !file.blob).map(({ file }) => file.path);
    const listed = await indexBlobs(cwd, missing);
    const idOf = (file: FileChange) => file.blob ?? listed.get(file.path);
    // Unicode text and wrapped base64 of a modified file: a key HEAD's version held was not added now.
    const comparedWithHead = (file: FileChange) => readsWholeBlob(file) && !readsWholeByChoice(file);
    const reads = await readWholeVersions(
      cwd,
      whole.map(({ file }) => ({ path: file.path, blob: idOf(file), oldBlobs: comparedWithHead(file) ? (file.oldBlobs ?? []) : [] })),
      options.publicEnvPrefixes,
    );
    whole.forEach(({ file, lineHits }, index) => {
      const read = reads[index];
      if (read !== undefined && 'tooLarge' in read) {
        // What its lines showed is the best there is.
        skipped.push({ file: file.path, reason: tooLargeReason(read.tooLarge) });
        hits.push(...lineHits);
      } else if (!read) skipped.push({ file: file.path, reason: 'not found in the index' });
      else if (read.found === 'binary') skipped.push({ file: file.path, reason: 'binary file: not scanned' });
      else {
        filesScanned++;
        bytesScanned += read.bytes;
        if (readsWholeBlob(file)) wholeBlobFiles.add(file.path);
        for (const { hit, exposure } of read.found) hits.push({ hit, file: file.path, exposure });
      }
    });
  }
  return { hits: await addedByTheMerge(cwd, hits, wholeBlobFiles), filesScanned, bytesScanned, skipped };
}
