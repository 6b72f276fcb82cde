import ignoreModule from 'ignore';
import { describe, expect, it } from 'vitest';
import { filesIgnoredIn, ignoreLevel, isGitignored } from '../../src/discover/gitignore.js';

/** Rules of every reach: names, folders only, negated, anchored, globbed, escaped, odd. */
const RULES = [
  '.*', '!...', 'node_modules/', 'dist/', 'b/', 'c', '*.log', 'x*', '!keep.log', '!b/', '!c', 'a/b', '/c', '/dist', 'b/*.log', '**/c', 'a/**',
  '\\!bang', '\\#hash', 'sp\\ ', '# comment', '', '/', '!', '*', '!*.ts', '[bc]', 'c/', '?.log', 'keep.log/',
];
const FOLDERS = ['a', 'b', 'c', 'dist', 'x.log', 'keep.log', 'x1.ts', 'node_modules', '!bang', '#hash', 'sp ', 'c.log'];
/** Files may also be named only with dots, which `ignore` refuses as paths of their own. */
const NAMES = [...FOLDERS, '...', '..x', '.x'];
const LEVEL_BASES = ['', 'a', 'a/b'];

/** A small deterministic generator, so a failure names the seed that made it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('filesIgnoredIn', () => {
  it('answers what isGitignored (each level asked about the whole path) answers, for rules of every kind', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
      const levels = LEVEL_BASES.slice(0, 1 + Math.floor(next() * LEVEL_BASES.length)).map((base) =>
        ignoreLevel(base, Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(RULES)).join(next() < 0.5 ? '\n' : '\r\n')),
      );
      const deepest = levels.at(-1)?.base ?? '';
      for (let trial = 0; trial < 20; trial++) {
        const below = Array.from({ length: Math.floor(next() * 3) }, () => pick(FOLDERS));
        const dir = [deepest, ...below].filter((part) => part !== '').join('/');
        const test = filesIgnoredIn(levels, dir);
        for (const name of NAMES) {
          const path = dir === '' ? name : `${dir}/${name}`;
          expect([seed, path, test(path, name)]).toEqual([seed, path, isGitignored(levels, path, false)]);
        }
      }
    }
  });

  it('scans a file or folder named only with dots beside its .gitignore (a path ignore refuses) instead of failing', () => {
    const levels = [ignoreLevel('', '.*\n*.log\n')];
    expect(isGitignored(levels, '...', false)).toBe(false);
    expect(isGitignored(levels, '...', true)).toBe(false);
    expect(filesIgnoredIn(levels, '')('...', '...')).toBe(false);
    expect(filesIgnoredIn(levels, 'a')('a/...', '...')).toBe(true);
    expect(filesIgnoredIn(levels, '...')('.../x.log', 'x.log')).toBe(true);
  });

  it('skips the file test of a level whose rules are all for folders, and tests names by name', () => {
    expect(ignoreLevel('', 'node_modules/\n# deps\n\ndist/\r\n').reach).toBe('folders-only');
    expect(ignoreLevel('', 'node_modules/\n*.log\n!keep.log\n').reach).toBe('names');
    expect(ignoreLevel('', 'node_modules/\n/dist\n').reach).toBe('paths');
    expect(ignoreLevel('', '!b/\n').reach).toBe('names');
    // What the shortcut relies on: ignore matches a rule with no inner slash against a path's last name only.
    const rules = ignoreModule.default().add('b\n*.log\n');
    expect(rules.test('x/b/y').ignored).toBe(true);
    expect(filesIgnoredIn([ignoreLevel('', 'b\n')], 'x/b')('x/b/y', 'y')).toBe(true);
    expect(filesIgnoredIn([ignoreLevel('', 'b/\n')], 'x')('x/b', 'b')).toBe(false);
  });
});
