// Git runs through the scanner's runner, which pins the output formats (quoted paths, prefixes,
// no colour or pager, no prompts) whatever the user's git config says.
import { runGit, tryGit } from '@engium/scanner';

export { GitError } from '@engium/scanner';

/** Runs git in `cwd` without a shell and returns stdout; throws a GitError naming what failed. */
export async function git(cwd: string, args: readonly string[]): Promise<string> {
  return (await runGit(cwd, args)).toString('utf8');
}

/** Like git() but answers false instead of throwing (for yes/no questions such as `cat-file -e`). */
export async function gitSucceeds(cwd: string, args: readonly string[]): Promise<boolean> {
  return (await tryGit(cwd, args)) !== undefined;
}

/** Splits `-z` output into its NUL-separated entries. */
export function splitNul(output: string): string[] {
  return output.split('\0').filter((entry) => entry.length > 0);
}

export const NULL_SHA = /^0+$/;
