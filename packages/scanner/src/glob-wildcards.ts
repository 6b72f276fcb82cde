/**
 * What a glob costs to match. `ignore` (for .gitignore) and picomatch (for config globs) compile
 * globs to regular expressions, which backtrack: each `*` is a `[^/]*`, each `**` folder a run
 * over whole paths, and a glob with a few of them tried on a long name or a deep path that nearly
 * matches takes polynomial time of a growing degree (`*a*a*a*a*ab` against 250 letters: 1.5 s in
 * picomatch, 17 s in `ignore`). Git's own matcher prunes such runs; a regular expression cannot.
 * So each reader bounds the wildcards of the globs it takes, counted here.
 */
export interface GlobWildcards {
  /** Runs of `*` inside names (`*.test.*` holds 2), over the whole glob. */
  starRuns: number;
  /** The most such runs in one name. */
  inOneName: number;
  /** Whole `**` folders, but a leading `**\/`, which is one cheap prefix to both matchers. */
  globstars: number;
}

export function globWildcards(glob: string): GlobWildcards {
  // An escaped character (`\*`) is a literal; a leading `!` negates.
  const names = glob.replace(/^!/, '').replace(/\\./g, 'x').replace(/^\/?\*\*(?:\/|$)/, '').split('/');
  let starRuns = 0;
  let inOneName = 0;
  let globstars = 0;
  for (const name of names) {
    if (name === '**') {
      globstars++;
      continue;
    }
    const runs = name.match(/\*+/g)?.length ?? 0;
    starRuns += runs;
    inOneName = Math.max(inOneName, runs);
  }
  return { starRuns, inOneName, globstars };
}
