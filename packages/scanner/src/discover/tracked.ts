/**
 * Files git tracks although a .gitignore rule matches them (`git add -f`): the one thing about
 * "is it committed" that the work tree alone cannot tell. Outside a git repository, or without
 * git, there are none.
 */
import { tryGit } from '../git/process.js';
import { namesFromNulSeparated } from './byte-names.js';

export async function trackedIgnoredFiles(root: string): Promise<string[]> {
  let output: Buffer | undefined;
  try {
    // Paths come relative to `root`, NUL-separated, never quoted.
    output = await tryGit(root, ['ls-files', '-z', '--cached', '--ignored', '--exclude-standard']);
  } catch {
    return []; // git is not installed: the tree is all there is
  }
  return output === undefined ? [] : namesFromNulSeparated(output);
}
