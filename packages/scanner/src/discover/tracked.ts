/**
 * Files git tracks although a .gitignore rule matches them (`git add -f`): the one thing about
 * "is it committed" that the work tree alone cannot tell. Outside a git repository, or without
 * git, there are none. A repository git refuses (owned by another user and not a
 * `safe.directory`, a broken index) is a warning: what only git could tell is missing then.
 */
import { GitError, runGit } from '../git/process.js';
import { namesFromNulSeparated } from './byte-names.js';

export interface TrackedIgnored {
  /** Paths relative to the root. */
  files: string[];
  /** Why git could not tell, when it should have. */
  problem?: string;
}

export async function trackedIgnoredFiles(root: string): Promise<TrackedIgnored> {
  try {
    // Paths come relative to `root`, NUL-separated, never quoted.
    return { files: namesFromNulSeparated(await runGit(root, ['ls-files', '-z', '--cached', '--ignored', '--exclude-standard'])) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // No repository, or no git: the tree is all there is.
    if (!(error instanceof GitError) || /^not a git repository|not installed|could not run git/.test(message)) return { files: [] };
    // A bare repository holds commits, not files: its objects are compressed, so the audit finds nothing in them.
    if (/must be run in a work tree/.test(message)) return { files: [], problem: 'a bare repository has no work tree to audit: `engium-scan history --all` scans its commits' };
    return {
      files: [],
      problem: `git could not list the tracked files (${message}): files git tracks although a .gitignore rule matches them are not scanned, and ignored files count as not committed`,
    };
  }
}
