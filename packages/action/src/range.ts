/**
 * Turns a plan's base and head into commits that exist locally, fetching more history when the
 * checkout is shallow, and fails with a clear message when that is impossible: a range that cannot
 * be resolved must never pass silently as "nothing to scan".
 */
import { TEXT_DIFF_OPTIONS, unquotePath } from '@engium/scanner';
import { git, gitSucceeds, splitNul } from './git.js';
import type { RangePlan } from './plan.js';

export interface ResolvedRange {
  /** The base commit. */
  base: string;
  head: string;
  /** Where the head's history meets the base's; the diff of changed files starts here. */
  mergeBase: string | undefined;
  /** Every commit in base..head, newest first: all of them, however many. */
  commits: string[];
  /** Files added or modified between mergeBase and head (POSIX, repository-relative). */
  changedFiles: string[];
  /** For each changed file, the line numbers at head that the change added. */
  addedLines: Map<string, Set<number>>;
  /** What was fetched to make the range complete, for the log. */
  fetched: string[];
  /** Set when the plan's base commit could not be had and `fallbackBranch` stood in: why. */
  fallback?: string;
}

export class RangeError extends Error {}

/** Git's empty tree: a diff from it lists every file; a config read from it is no config. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
/** How far to deepen a shallow clone before giving up and fetching the whole history. */
const DEEPEN_STEPS = [50, 200, 1000];

export async function hasCommit(repo: string, sha: string): Promise<boolean> {
  return gitSucceeds(repo, ['cat-file', '-e', `${sha}^{commit}`]);
}

export async function isShallow(repo: string): Promise<boolean> {
  return (await git(repo, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
}

async function mergeBaseOf(repo: string, a: string, b: string): Promise<string | undefined> {
  try {
    return (await git(repo, ['merge-base', a, b])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why a commit of the range cannot be had, and what helps. A deeper checkout (`fetch-depth: 0`)
 * cannot: origin no longer has the commit, or there is no origin to ask.
 */
export function missingCommitMessage(missing: readonly string[], reason: string): string {
  return (
    `cannot fetch commit ${missing.map((sha) => sha.slice(0, 12)).join(', ')} from origin: ${reason.trim()}. ` +
    'Either a force push removed it from origin, or the checkout has no origin remote (actions/checkout sets one up).'
  );
}

/** Fetches what is missing of `shas` from origin (by SHA, as GitHub allows), keeping a shallow clone shallow. */
async function fetchMissing(repo: string, shas: string[], fetched: string[]): Promise<void> {
  const missing: string[] = [];
  for (const sha of shas) if (!(await hasCommit(repo, sha))) missing.push(sha);
  if (missing.length === 0) return;
  const depth = (await isShallow(repo)) ? ['--depth=1'] : [];
  try {
    await git(repo, ['fetch', '--no-tags', '--quiet', ...depth, 'origin', ...missing]);
    fetched.push(...missing.map((sha) => `commit ${sha.slice(0, 12)}`));
  } catch (error) {
    throw new RangeError(missingCommitMessage(missing, (error as Error).message));
  }
}

/** Resolves `ref` (a branch name) to a SHA, fetching `origin/<ref>` when needed. */
async function resolveBranch(repo: string, ref: string, fetched: string[]): Promise<string> {
  for (const candidate of [`refs/remotes/origin/${ref}`, `refs/heads/${ref}`]) {
    if (await gitSucceeds(repo, ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`])) {
      return (await git(repo, ['rev-parse', `${candidate}^{commit}`])).trim();
    }
  }
  const depth = (await isShallow(repo)) ? ['--depth=1'] : [];
  try {
    await git(repo, ['fetch', '--no-tags', '--quiet', ...depth, 'origin', `+refs/heads/${ref}:refs/remotes/origin/${ref}`]);
  } catch (error) {
    throw new RangeError(`cannot resolve branch "${ref}": ${(error as Error).message}`);
  }
  fetched.push(`branch ${ref}`);
  return (await git(repo, ['rev-parse', `refs/remotes/origin/${ref}^{commit}`])).trim();
}

/**
 * In a shallow clone, base..head is only complete once their merge base is present: deepen step by
 * step, then fetch the whole history, then give up with a message saying what to change.
 */
async function completeHistory(repo: string, base: string, head: string, fetched: string[]): Promise<string | undefined> {
  let mergeBase = await mergeBaseOf(repo, base, head);
  if (mergeBase || !(await isShallow(repo))) return mergeBase;
  for (const depth of DEEPEN_STEPS) {
    try {
      await git(repo, ['fetch', '--no-tags', '--quiet', `--deepen=${depth}`, 'origin', base, head]);
    } catch (error) {
      throw new RangeError(`cannot deepen the shallow checkout to reach the merge base of ${base.slice(0, 12)} and ${head.slice(0, 12)}: ${(error as Error).message}`);
    }
    fetched.push(`${depth} more commits of history`);
    mergeBase = await mergeBaseOf(repo, base, head);
    if (mergeBase) return mergeBase;
    if (!(await isShallow(repo))) return undefined;
  }
  try {
    await git(repo, ['fetch', '--no-tags', '--quiet', '--unshallow', 'origin']);
    fetched.push('the full history (unshallow)');
  } catch (error) {
    throw new RangeError(`cannot fetch the full history of the shallow checkout: ${(error as Error).message}`);
  }
  return mergeBaseOf(repo, base, head);
}

/** Line numbers at `to` that the diff from `from` added, per file. */
async function addedLinesBetween(repo: string, from: string, to: string): Promise<Map<string, Set<number>>> {
  const patch = await git(repo, [
    'diff', '-U0', '--no-color', ...TEXT_DIFF_OPTIONS, '--no-renames', '--diff-filter=d',
    '--src-prefix=a/', '--dst-prefix=b/', from, to,
  ]);
  const added = new Map<string, Set<number>>();
  let lines: Set<number> | undefined;
  let inHeader = false;
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      inHeader = true;
      lines = undefined;
    } else if (inHeader && line.startsWith('+++ ')) {
      const path = unquotePath(line.slice(4));
      lines = new Set();
      added.set(path.startsWith('b/') ? path.slice(2) : path, lines);
    } else if (line.startsWith('@@') && lines) {
      inHeader = false;
      const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!match) continue;
      const start = Number(match[1]);
      const count = match[2] === undefined ? 1 : Number(match[2]);
      for (let n = start; n < start + count; n++) lines.add(n);
    }
  }
  return added;
}

export async function resolveRange(repo: string, plan: RangePlan): Promise<ResolvedRange> {
  const fetched: string[] = [];
  let base = plan.base.sha ?? (await resolveBranch(repo, plan.base.ref, fetched));
  await fetchMissing(repo, [plan.head], fetched);
  /** Why the plan's base could not be had, when the fallback branch stands in for it. */
  let baseGone: string | undefined;
  try {
    await fetchMissing(repo, [base], fetched);
  } catch (error) {
    // A base commit gone from origin (a force push): the commits not on the base branch are the change.
    if (!(error instanceof RangeError) || !plan.fallbackBranch) throw error;
    base = await resolveBranch(repo, plan.fallbackBranch, fetched);
    baseGone = error.message;
  }
  const fallback = baseGone === undefined ? undefined : `${baseGone} Scanning the commits not on ${plan.fallbackBranch} instead.`;
  const mergeBase = await completeHistory(repo, base, plan.head, fetched);
  if (!mergeBase && (await isShallow(repo))) {
    throw new RangeError(`${base.slice(0, 12)} and ${plan.head.slice(0, 12)} share no history even after fetching it all`);
  }
  const commits = (await git(repo, ['rev-list', plan.head, '--not', base])).split('\n').filter(Boolean);
  // With the base gone and every commit of head already on the branch that stood in for it, what the
  // push changed cannot be told: an empty range would pass unscanned, so the caller scans wider.
  if (baseGone !== undefined && commits.length === 0) throw new RangeError(`${baseGone} Every commit of ${plan.head.slice(0, 12)} is on ${plan.fallbackBranch}, so what the push changed cannot be told.`);
  const from = mergeBase ?? EMPTY_TREE;
  const changedFiles = splitNul(await git(repo, ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', from, plan.head]));
  const addedLines = await addedLinesBetween(repo, from, plan.head);
  return { base, head: plan.head, mergeBase, commits, changedFiles, addedLines, fetched, ...(fallback ? { fallback } : {}) };
}

/** For audits: makes sure the whole history is present (unshallowing when needed). */
export async function completeFullHistory(repo: string): Promise<string[]> {
  if (!(await isShallow(repo))) return [];
  try {
    await git(repo, ['fetch', '--no-tags', '--quiet', '--unshallow', 'origin']);
  } catch (error) {
    throw new RangeError(
      `the checkout is shallow and its full history cannot be fetched (${(error as Error).message}); ` +
        'check out with `fetch-depth: 0` to audit the history',
    );
  }
  return ['the full history (unshallow)'];
}

/** HEAD's commit, or undefined in a repository with no commits yet. */
export async function headCommit(repo: string): Promise<string | undefined> {
  if (!(await gitSucceeds(repo, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']))) return undefined;
  return (await git(repo, ['rev-parse', 'HEAD^{commit}'])).trim();
}

/**
 * `since` (a commit an earlier audit scanned) as a full SHA when it is in HEAD's history; otherwise
 * why not: it is gone (a force push rewrote the branch) or on another line of history.
 */
export async function resolveSince(repo: string, since: string): Promise<{ commit: string; reason?: undefined } | { commit?: undefined; reason: string }> {
  if (!(await hasCommit(repo, since))) return { reason: 'no such commit in this repository (the branch was force-pushed, or the commit never was here)' };
  const commit = (await git(repo, ['rev-parse', '--verify', `${since}^{commit}`])).trim();
  if ((await headCommit(repo)) === undefined) return { reason: 'the repository has no commits on HEAD' };
  if (!(await gitSucceeds(repo, ['merge-base', '--is-ancestor', commit, 'HEAD']))) return { reason: `${commit.slice(0, 12)} is not in HEAD's history (the branch was rewritten)` };
  return { commit };
}
