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
  /**
   * The rules for a path with a name longer than LONG_NAME_CHARACTERS: all of them (`same`), those
   * without a slow rule, or none at all (`none`: a slow rule is a `!` one).
   */
  longNames: Ignore | 'same' | 'none';
  /**
   * Rules left out for their wildcards. Each ignores (refusalOf refuses a file with such a `!`
   * rule), so leaving it out scans more, never less, and the file's other rules still apply.
   */
  leftOut: readonly string[];
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
 * Wildcards a rule may hold (counted by glob-wildcards.ts). `ignore` turns each into a quantifier
 * of a regular expression, which backtracks: against a name of 250 letters, a rule of 3 `*` costs
 * up to 4 ms a file, 4 cost
 * 0.4 s (GitHub's Node template holds one: `report.[0-9]*.[0-9]*.[0-9]*.[0-9]*.json`, 0.2 s on a
 * crafted name) and 5 cost 17 s (`*a*a*a*a*ab`). A `**` segment spans whole paths, up to 4,096
 * characters: it counts as 2 (two of them between literal folders took 11 s on a tree 2,000
 * deep), but for a leading one, a cheap prefix. Git's own matcher prunes such runs; a regular
 * expression cannot. So a rule of more than MAX_RULE_WILDCARDS is left out, and one of
 * LONG_NAME_WILDCARDS or more is applied to names of up to LONG_NAME_CHARACTERS only (real names
 * are shorter; a longer one is crafted), where it costs a few milliseconds at most.
 */
export const MAX_RULE_WILDCARDS = 4;
const LONG_NAME_WILDCARDS = 3;
const LONG_NAME_CHARACTERS = 64;
/** What one rule of LONG_NAME_WILDCARDS or more costs a path, in rules of the common kind. */
const RULE_COST_OF_3 = 50;

/** The wildcards of a rule, weighed as MAX_RULE_WILDCARDS says. */
function wildcardsOf(rule: string): number {
  const { starRuns, globstars } = globWildcards(rule);
  return starRuns + 2 * globstars;
}

/** What testing a path against the rules costs, in rules of the common kind. */
function costOf(lines: readonly string[]): number {
  let cost = 0;
  for (const line of lines) cost += wildcardsOf(line) >= LONG_NAME_WILDCARDS ? RULE_COST_OF_3 : 1;
  return cost;
}

const isHeavy = (line: string): boolean => wildcardsOf(line) > MAX_RULE_WILDCARDS;

/** Why a rule of too many wildcards is left out, for the report. */
export function heavyRuleReason(rule: string): string {
  return `rule ${JSON.stringify(rule)} not applied: it has ${wildcardsOf(rule)} \`*\` wildcards, more than the ${MAX_RULE_WILDCARDS} the matcher takes in bounded time`;
}

/**
 * Why the ignore file `text` is not applied, or undefined when it is: a `!` rule whose matching
 * could take exponential time (leaving it out would ignore what it re-includes), or more rules
 * than the paths below it may be tested against (with `activeCost`, the cost of the folders'
 * above). Its rules are then left out whole: more is scanned, never less. A rule of too many
 * wildcards that ignores is left out alone (see ignoreLevel).
 */
export function refusalOf(text: string, activeCost: number): string | undefined {
  const lines = ruleLines(text);
  const heavyNegation = lines.find((line) => line.startsWith('!') && isHeavy(line));
  if (heavyNegation !== undefined) return `a \`!\` rule has ${wildcardsOf(heavyNegation)} \`*\` wildcards, more than the ${MAX_RULE_WILDCARDS} the matcher takes in bounded time`;
  const kept = lines.filter((line) => !isHeavy(line));
  const cost = costOf(kept);
  if (activeCost + cost > MAX_IGNORE_RULES) {
    const above = activeCost > 0 ? ` (with the ${activeCost} of the ignore files above it)` : '';
    const counted = cost === kept.length ? '' : ` (a rule of ${LONG_NAME_WILDCARDS} or more wildcards counts as ${RULE_COST_OF_3})`;
    return `${cost} rules${above} are more than the ${MAX_IGNORE_RULES} the scan tests a file against${counted}`;
  }
  return undefined;
}

/** The rules of one `.gitignore`, found in `base` (relative to the root). */
export function ignoreLevel(base: string, text: string): IgnoreLevel {
  const leftOut = ruleLines(text).filter(isHeavy);
  const kept = text.split('\n').filter((line) => !isHeavy(line.trimEnd()));
  const lines = ruleLines(kept.join('\n'));
  const slow = (line: string) => wildcardsOf(line.trimEnd()) >= LONG_NAME_WILDCARDS && ruleLines(line).length > 0;
  // For long names, the slow rules are left out; a slow `!` rule could re-include, so then no verdict at all.
  const longNames = !kept.some(slow) ? 'same' : kept.some((line) => slow(line) && line.trimStart().startsWith('!')) ? 'none' : ignoreModule.default().add(kept.filter((line) => !slow(line)).join('\n'));
  return { base, rules: ignoreModule.default().add(kept.join('\n')), longNames, reach: reachOf(lines), cost: costOf(lines), leftOut };
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
function verdictOf(level: IgnoreLevel, local: string): Verdict {
  const rules = level.longNames === 'same' || !hasLongName(local) ? level.rules : level.longNames;
  if (rules === 'none') return NO_VERDICT;
  try {
    return rules.test(local);
  } catch (error) {
    if (error instanceof RangeError) return NO_VERDICT;
    throw error;
  }
}

/** Whether a name of `path` is longer than slow rules are tested against. */
function hasLongName(path: string): boolean {
  let start = 0;
  for (let slash = path.indexOf('/'); slash !== -1; start = slash + 1, slash = path.indexOf('/', start)) {
    if (slash - start > LONG_NAME_CHARACTERS) return true;
  }
  return path.length - start > LONG_NAME_CHARACTERS;
}

/** Names `ignore` would take for relative paths (`..`, `...`): tested within their path, never alone. */
const DOTS_ONLY = /^\.+$/;

/**
 * Whether `path` is ignored by the levels that hold it, outermost first: each level's verdict
 * (ignored, or re-included by a `!` rule) overrides the ones before it.
 */
export function isGitignored(levels: readonly IgnoreLevel[], path: string, isDir: boolean): boolean {
  let ignored = false;
  for (const level of levels) {
    const local = localPath(level.base, path);
    const verdict = verdictOf(level, isDir ? `${local}/` : local);
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
  const folderVerdicts = levels.map((level): Verdict => (level.base === dirPath ? NO_VERDICT : verdictOf(level, `${localPath(level.base, dirPath)}/`)));
  return (path, name) => {
    let ignored = false;
    for (let index = 0; index < levels.length; index++) {
      const level = levels[index] as IgnoreLevel;
      const { base, reach } = level;
      const folder = folderVerdicts[index] as Verdict;
      let verdict: Verdict;
      if (folder.ignored) verdict = folder;
      else if (reach === 'folders-only') continue;
      else verdict = verdictOf(level, reach === 'names' && !DOTS_ONLY.test(name) ? name : localPath(base, path));
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  };
}
