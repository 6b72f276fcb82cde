// Matchers for the graph's own glob tables (framework entries, build folders, config names):
// compiled once per process, since every package of a monorepo asks for the same ones.
import picomatch from 'picomatch';

const matchers = new Map<string, (path: string) => boolean>();

/** The matcher of a glob, or of any of a list of globs (an empty list matches nothing). */
export function globMatcher(globs: string | readonly string[]): (path: string) => boolean {
  const id = typeof globs === 'string' ? globs : `\0${globs.join('\0')}`;
  let match = matchers.get(id);
  if (!match) {
    match = picomatch(typeof globs === 'string' ? globs : [...globs]);
    matchers.set(id, match);
  }
  return match;
}
