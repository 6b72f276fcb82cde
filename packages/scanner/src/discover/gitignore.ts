/**
 * `.gitignore` rules at every level of the walk (the `ignore` package decides every match). A file
 * is tested once per file the walk meets, so the common case is kept cheap: `ignore` caches every
 * path it is asked about and splits it to test its folders first, a few microseconds a file that
 * added up to a tenth of a large scan. Most ignore files hold only name rules (`*.log`,
 * `node_modules/`), which git matches against a path's last name alone: for those, a file is
 * tested by its name, or not at all when every rule is for folders only.
 */
import ignoreModule, { type Ignore } from 'ignore';
import { globWildcards } from '../glob-wildcards.js';

/** What a level's rules can match of a file, given that no rule ignores its folder. */
type LevelReach =
  /** Every rule ends in `/` and none is negated: no file is matched by its own name. */
  | 'folders-only'
  /** No rule has a `/` but at its end: git matches each against the last name of a path. */
  | 'names'
  /** Some rule is anchored (`/dist`, `src/*.js`, `**\/x`): the whole path is tested. */
  | 'paths';

export interface IgnoreLevel {
  /** Folder of the .gitignore, relative to the root ('' for the root). */
  base: string;
  rules: Ignore;
  reach: LevelReach;
  /** What testing a path against its rules costs, in rules (see refusalOf): each path below it is tested against every one. */
  cost: number;
}

/**
 * The most rules that may apply to one path, over the ignore files of all its folders. `ignore`
 * tests a path against each rule in turn (under a microsecond each): a real project's files hold
 * tens to hundreds, while a megabyte of rules made each file of a scan cost a tenth of a second.
 */
export const MAX_IGNORE_RULES = 5000;

/**
 * The rules' lines, as far as their reach goes: no blank lines, no comments (an escaped `\#` is a
 * rule). Trailing spaces go (an escaped one leaves its `\`, which only makes a rule look anchored).
 */
function ruleLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function reachOf(lines: readonly string[]): LevelReach {
  let foldersOnly = true;
  for (const line of lines) {
    const rule = line.startsWith('!') ? line.slice(1) : line;
    const name = rule.endsWith('/') ? rule.slice(0, -1) : rule;
    if (name.includes('/')) return 'paths';
    if (line.startsWith('!') || !rule.endsWith('/') || name === '') foldersOnly = false;
  }
  return foldersOnly ? 'folders-only' : 'names';
}

/**
 * The most wildcards one rule may hold (see glob-wildcards.ts), a `**` folder counting as 2 for
 * its reach over whole paths. Against a name of 255 letters a rule of 3 `*` costs `ignore` up to
 * 4 ms a file (it counts as RULE_COST_OF_3 rules), 4 cost 0.4 s and 5 cost 17 s; two `**`
 * folders between literal ones took 11 s over a tree 2,000 deep.
 */
export const MAX_RULE_WILDCARDS = 3;
const RULE_COST_OF_3 = 50;

function wildcardsOf(rule: string): number {
  const { starRuns, globstars } = globWildcards(rule);
  return starRuns + 2 * globstars;
}

/** What testing a path against the rules costs, in rules of the common kind. */
function costOf(lines: readonly string[]): number {
  let cost = 0;
  for (const line of lines) cost += wildcardsOf(line) === MAX_RULE_WILDCARDS ? RULE_COST_OF_3 : 1;
  return cost;
}

/**
 * Why the ignore file `text` is not applied, or undefined when it is: more rules than the paths
 * below it may be tested against (with `activeCost`, the cost of the folders' above), or a rule
 * whose matching could take exponential time. Its rules are then left out whole (a left-out `!`
 * rule would hide what it re-includes): more is scanned, never less.
 */
export function refusalOf(text: string, activeCost: number): string | undefined {
  const lines = ruleLines(text);
  const heavy = lines.find((line) => wildcardsOf(line) > MAX_RULE_WILDCARDS);
  if (heavy !== undefined) return `a rule has ${wildcardsOf(heavy)} \`*\` wildcards, more than the ${MAX_RULE_WILDCARDS} the matcher takes in bounded time`;
  const cost = costOf(lines);
  if (activeCost + cost > MAX_IGNORE_RULES) {
    const above = activeCost > 0 ? ` (with the ${activeCost} of the ignore files above it)` : '';
    const counted = cost === lines.length ? '' : ` (a rule of ${MAX_RULE_WILDCARDS} wildcards counts as ${RULE_COST_OF_3})`;
    return `${cost} rules${above} are more than the ${MAX_IGNORE_RULES} the scan tests a file against${counted}`;
  }
  return undefined;
}

/** The rules of one `.gitignore`, found in `base` (relative to the root). */
export function ignoreLevel(base: string, text: string): IgnoreLevel {
  const lines = ruleLines(text);
  return { base, rules: ignoreModule.default().add(text), reach: reachOf(lines), cost: costOf(lines) };
}

function localPath(base: string, path: string): string {
  return base === '' ? path : path.slice(base.length + 1);
}

interface Verdict {
  ignored: boolean;
  unignored: boolean;
}

const NO_VERDICT: Verdict = { ignored: false, unignored: false };

/**
 * A level's verdict on a path relative to it. `ignore` refuses a path that starts with dots and a
 * slash or is only dots (a file named `...` beside its `.gitignore`), which git takes as any
 * name: such a path is matched by no rule, so more is scanned, never less.
 */
function verdictOf(rules: Ignore, local: string): Verdict {
  try {
    return rules.test(local);
  } catch (error) {
    if (error instanceof RangeError) return NO_VERDICT;
    throw error;
  }
}

/** Names `ignore` would take for relative paths (`..`, `...`): tested within their path, never alone. */
const DOTS_ONLY = /^\.+$/;

/**
 * Whether `path` is ignored by the levels that hold it, outermost first: each level's verdict
 * (ignored, or re-included by a `!` rule) overrides the ones before it.
 */
export function isGitignored(levels: readonly IgnoreLevel[], path: string, isDir: boolean): boolean {
  let ignored = false;
  for (const { base, rules } of levels) {
    const local = localPath(base, path);
    const verdict = verdictOf(rules, isDir ? `${local}/` : local);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

/**
 * The ignore test for the files of one folder (`dirPath`, relative to the root), asking each
 * level about the folder once. Its answers are isGitignored's: a level whose rules ignore the
 * folder ignores the file (a file in an ignored folder cannot be re-included), else the file's
 * own match decides, found as the level's reach allows.
 */
export function filesIgnoredIn(walkLevels: readonly IgnoreLevel[], dirPath: string): (path: string, name: string) => boolean {
  const levels = [...walkLevels];
  const folderVerdicts = levels.map(({ base, rules }): Verdict => (base === dirPath ? NO_VERDICT : verdictOf(rules, `${localPath(base, dirPath)}/`)));
  return (path, name) => {
    let ignored = false;
    for (let index = 0; index < levels.length; index++) {
      const { base, rules, reach } = levels[index] as IgnoreLevel;
      const folder = folderVerdicts[index] as Verdict;
      let verdict: Verdict;
      if (folder.ignored) verdict = folder;
      else if (reach === 'folders-only') continue;
      else verdict = verdictOf(rules, reach === 'names' && !DOTS_ONLY.test(name) ? name : localPath(base, path));
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  };
}
