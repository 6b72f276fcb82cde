// Which commits `engium-scan history` reads: --range A..B, --since REF, --all, or HEAD's history.
// Every ref is checked with git first, so a typo is a clear error rather than an empty report.
import { UsageError } from '../config.js';
import { tryGit } from './process.js';

export interface RevisionOptions {
  range?: string;
  since?: string;
  all?: boolean;
}

/** The `git log` options `--all` stands for. */
export const ALL_REFS = ['--exclude=refs/stash', '--all'] as const;

/** Resolves `ref` to a commit, or throws a UsageError naming it. */
async function verifyCommit(cwd: string, ref: string, option: string): Promise<void> {
  const resolved = await tryGit(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (!resolved || resolved.length === 0) {
    throw new UsageError(`${option}: unknown revision "${ref}" (not a branch, tag or commit in this repository)`);
  }
}

/** True when the repository has at least one commit on HEAD. */
export async function hasHead(cwd: string): Promise<boolean> {
  const head = await tryGit(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  return head !== undefined && head.length > 0;
}

/**
 * The revision arguments for `git log`, after checking every ref; `[]` when there is nothing to
 * read. Whether `cwd` is in a repository at all is the caller's to ask (and to say first).
 */
export async function revisionArguments(cwd: string, options: RevisionOptions): Promise<string[]> {
  const chosen = [options.range && '--range', options.since && '--since', options.all && '--all'].filter(Boolean);
  if (chosen.length > 1) throw new UsageError(`choose one of --range, --since and --all (got ${chosen.join(', ')})`);

  // Every branch, tag and remote-tracking ref; not the stash, which was never shared.
  if (options.all) return [...ALL_REFS];
  if (options.range !== undefined) {
    // The first `..` or `...` splits the range (indexOf, not a lazy regex: linear on any input).
    const at = options.range.indexOf('..');
    if (at === -1) throw new UsageError(`--range: expected A..B, got "${options.range}"`);
    const dots = options.range.startsWith('...', at) ? '...' : '..';
    const from = options.range.slice(0, at);
    const to = options.range.slice(at + dots.length);
    if (from === '' && to === '') throw new UsageError(`--range: expected A..B, got "${options.range}"`);
    // Like git, an empty side means HEAD.
    await verifyCommit(cwd, from || 'HEAD', '--range');
    await verifyCommit(cwd, to || 'HEAD', '--range');
    return [`${from || 'HEAD'}${dots}${to || 'HEAD'}`];
  }
  if (options.since !== undefined) {
    await verifyCommit(cwd, options.since, '--since');
    if (!(await hasHead(cwd))) throw new UsageError('--since: the repository has no commits on HEAD');
    return [`${options.since}..HEAD`];
  }
  return (await hasHead(cwd)) ? ['HEAD'] : [];
}
