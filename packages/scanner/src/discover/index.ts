/**
 * Stage 1, discover: every file worth scanning under the root. `.gitignore` rules apply at every
 * level (the `ignore` package), but build output and `.env*` files are kept even when ignored,
 * since they are what ships and what the build reads. Symlinks are never followed: a link's
 * target inside the root is scanned at its own path, one outside it or one that loops is reported.
 */
import { lstatSync, readdirSync, realpathSync, type Dirent } from 'node:fs';
import { join, sep } from 'node:path';
import picomatch from 'picomatch';
import type { SkippedFile } from '../finding.js';
import { BuildDirMatcher, CACHE_DIRS, type BuildDir } from './build-dirs.js';
import { filesIgnoredIn, heavyRuleReason, ignoreLevel, isGitignored, refusalOf, type IgnoreLevel } from './gitignore.js';
import { childPath, fsPath, nameFromBytes, type FsPath } from './byte-names.js';
import { isEnvFile } from '../analyse/env-file.js';
import { MAPPABLE_OUTPUT } from '../analyse/source-map.js';
import { isInsideDir, notRegularReason, readRegularText, UnsafeFileError } from '../safe-read.js';

export type FileRole = 'source' | 'env' | 'build';

export interface DiscoveredFile {
  /** POSIX path relative to the root. */
  path: string;
  /** Raw bytes when a name on the way is not valid UTF-8 (`path` then shows its bytes as `\xHH`). */
  absolutePath: FsPath;
  role: FileRole;
  /** Matched by a .gitignore rule and not tracked by git: as far as we can tell, not committed. */
  gitignored: boolean;
  /** For build output: the build folder it sits in. */
  buildDir?: BuildDir;
  /** For a file inside an archive: the archive, and the entry's path in it. */
  archive?: ArchiveOrigin;
  /** For a file that ships to users (inside an app package, or in the npm package about to be published): why. */
  shipped?: ShippedTo;
}

export interface ArchiveOrigin {
  /** The outermost archive, POSIX, relative to the root. */
  file: string;
  /** The entry's path in it; through nested archives, joined by `!/` (`app.ipa!/Payload/main.jsbundle`). */
  entry: string;
}

export interface ShippedTo {
  /** What ships it (`Android app`, `npm package`). */
  kind: string;
  reason: string;
}

export interface DiscoverOptions {
  /** Globs a file must match to be scanned (default: all). */
  include?: readonly string[];
  /** Globs of files and folders to leave out. */
  exclude?: readonly string[];
  /** Extra build output folders from config. */
  buildDirs?: readonly string[];
  /** Called with the number of files found so far, each time the walk finds one. */
  onFileFound?: (filesFound: number) => void;
}

export interface Discovery {
  files: DiscoveredFile[];
  skipped: SkippedFile[];
}

/** Folders that are never the project's own files. */
const ALWAYS_SKIPPED_DIRS = new Set(['node_modules', '.git']);

// Which files are env files lives with the env-line reader, so `engium-scan staged` can ask
// without loading the directory walk.
export { isEnvFile } from '../analyse/env-file.js';

interface WalkState {
  root: string;
  realRoot: string;
  levels: IgnoreLevel[];
  /** The cost of `levels`' rules, all told (see refusalOf). */
  activeCost: number;
  builds: BuildDirMatcher;
  isIncluded: (path: string) => boolean;
  isExcluded: (path: string) => boolean;
  result: Discovery;
  onFileFound: (filesFound: number) => void;
}

/**
 * Git reads at most 100 MB of an ignore file; rules past a megabyte are not a real project's. A
 * larger one is skipped with its reason (its rules not applied: more is scanned, never less).
 */
export const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

function readIgnoreFile(state: WalkState, dirPath: string, absoluteDir: FsPath): IgnoreLevel | undefined {
  try {
    // Never through a link, as git (2.32+) reads in-tree .gitignore files.
    const text = readRegularText(fsPath(childPath(absoluteDir, '.gitignore')), { noFollow: true, within: state.realRoot, maxBytes: MAX_IGNORE_FILE_BYTES });
    // Checked before they are compiled: a file is tested against every rule that applies to it.
    const refusal = refusalOf(text, state.activeCost);
    if (refusal !== undefined) {
      state.result.skipped.push({ file: dirPath ? `${dirPath}/.gitignore` : '.gitignore', reason: `.gitignore not applied: ${refusal}` });
      return undefined;
    }
    const level = ignoreLevel(dirPath, text);
    for (const rule of level.leftOut) state.result.skipped.push({ file: dirPath ? `${dirPath}/.gitignore` : '.gitignore', reason: heavyRuleReason(rule) });
    return level;
  } catch (error) {
    const { code, reason } = error instanceof UnsafeFileError ? error : { code: (error as NodeJS.ErrnoException).code, reason: String(error) };
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      state.result.skipped.push({ file: dirPath ? `${dirPath}/.gitignore` : '.gitignore', reason: `.gitignore not applied: ${reason}` });
    }
    return undefined;
  }
}

/** Reports a symlink unless its target is inside the root, where it is scanned at its own path. */
function checkSymlink(state: WalkState, path: string, absolutePath: FsPath, ancestors: ReadonlySet<string>): void {
  let target: string;
  try {
    target = realpathSync(fsPath(absolutePath));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ELOOP' ? 'symlink loop (not followed)' : `broken symlink (${code ?? 'unresolvable'})`;
    state.result.skipped.push({ file: path, reason });
    return;
  }
  if (ancestors.has(target)) state.result.skipped.push({ file: path, reason: 'symlink loop: it points at a folder that contains it (not followed)' });
  else if (!isInsideDir(state.realRoot, target)) state.result.skipped.push({ file: path, reason: 'symlink to a path outside the scanned directory (not followed)' });
}

/** A real folder's entry: `join` would normalize a path that is already normal, thousands of times a scan. */
function realChild(dir: string, name: string): string {
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}

interface Entry {
  /** The name as reports show it. */
  name: string;
  /** The name as `fs` takes it: the string, or its raw bytes when they are not valid UTF-8. */
  raw: FsPath;
  dirent: Dirent | Dirent<Buffer>;
}

/**
 * A folder's entries. Node decodes names as UTF-8 and turns invalid bytes into U+FFFD, a name no
 * file has: only then is the folder read again as bytes, to keep those names' raw bytes.
 */
function readEntries(absoluteDir: FsPath): Entry[] {
  const entries = readdirSync(fsPath(absoluteDir), { withFileTypes: true });
  if (!entries.some((entry) => entry.name.includes('\ufffd'))) return entries.map((dirent) => ({ name: dirent.name, raw: dirent.name, dirent }));
  return readdirSync(fsPath(absoluteDir), { withFileTypes: true, encoding: 'buffer' }).map((dirent) => {
    const name = nameFromBytes(dirent.name);
    const valid = dirent.name.toString('utf8');
    return { name, raw: name === valid ? valid : dirent.name, dirent };
  });
}

/**
 * Whether a file is built output by what lies beside it, in a folder no build rule names
 * (`static/js/app.min.js`): code with its source map (`app.min.js.map`), or that map. Its keys are
 * then mapped back to their source and its exposure is the bundle's, not a module's.
 */
function pairedWithMap(name: string, names: ReadonlySet<string>): boolean {
  if (name.endsWith('.map')) {
    const code = name.slice(0, -'.map'.length);
    return MAPPABLE_OUTPUT.test(code) && names.has(code);
  }
  return MAPPABLE_OUTPUT.test(name) && names.has(`${name}.map`);
}

/**
 * Walks `absoluteDir`, whose real path is `realDir`: links are never followed, so a folder's real
 * path is its parent's plus its name, with no system call to resolve it.
 */
function walk(state: WalkState, dirPath: string, absoluteDir: FsPath, realDir: string, inBuild: BuildDir | undefined, dirIgnored: boolean, ancestors: Set<string>): void {
  let entries: Entry[];
  try {
    entries = readEntries(absoluteDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    state.result.skipped.push({ file: dirPath || '.', reason: `unreadable folder (${code})` });
    return;
  }
  // Only a folder that lists a .gitignore has one to read: most folders are spared a failed open.
  const level = dirIgnored || !entries.some((entry) => entry.name === '.gitignore') ? undefined : readIgnoreFile(state, dirPath, absoluteDir);
  if (level) {
    state.levels.push(level);
    state.activeCost += level.cost;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let siblings: string[] | undefined;
  let names: Set<string> | undefined;
  let fileIgnored: ((path: string, name: string) => boolean) | undefined;
  for (const entry of entries) {
    const path = dirPath ? `${dirPath}/${entry.name}` : entry.name;
    const absolutePath = childPath(absoluteDir, entry.raw);
    let isDirectory = entry.dirent.isDirectory();
    let isFile = entry.dirent.isFile();
    let isLink = entry.dirent.isSymbolicLink();
    if (!isDirectory && !isFile && !isLink) {
      // A file system that does not report entry types: ask for this one, without following it.
      try {
        const stats = lstatSync(fsPath(absolutePath));
        isDirectory = stats.isDirectory();
        isFile = stats.isFile();
        isLink = stats.isSymbolicLink();
        // A FIFO, a socket or a device: never opened (a FIFO would block, a device never ends).
        if (!isDirectory && !isFile && !isLink) {
          // An ignore file's own reader reports it, with what that means for its rules.
          const listed = entry.name !== '.gitignore' && !state.isExcluded(path) && (inBuild !== undefined || !(dirIgnored || isGitignored(state.levels, path, false)));
          if (listed) state.result.skipped.push({ file: path, reason: notRegularReason(stats) });
          continue;
        }
      } catch {
        continue;
      }
    }
    if (isLink) {
      checkSymlink(state, path, absolutePath, ancestors);
      continue;
    }
    if (isDirectory) {
      if (ALWAYS_SKIPPED_DIRS.has(entry.name) || state.isExcluded(path)) continue;
      const ignored = dirIgnored || isGitignored(state.levels, path, true);
      const cache = CACHE_DIRS.get(entry.name);
      if (cache !== undefined) {
        // Gitignored, as it should be: nothing to say.
        if (!ignored) state.result.skipped.push({ file: path, reason: cache });
        continue;
      }
      const build = inBuild ?? state.builds.match(path, (siblings ??= entries.map(({ name }) => name)));
      if (ignored && !build && !state.builds.leadsTo(path)) continue;
      const real = realChild(realDir, entry.name);
      ancestors.add(real);
      walk(state, path, absolutePath, real, build, ignored, ancestors);
      ancestors.delete(real);
    } else if (isFile) {
      if (state.isExcluded(path) || !state.isIncluded(path)) continue;
      const env = isEnvFile(path);
      const ignored = dirIgnored || (fileIgnored ??= filesIgnoredIn(state.levels, dirPath))(path, entry.name);
      if (inBuild) state.result.files.push({ path, absolutePath, role: 'build', gitignored: ignored, buildDir: inBuild });
      else if (env) state.result.files.push({ path, absolutePath, role: 'env', gitignored: ignored });
      else if (!ignored) {
        const built = pairedWithMap(entry.name, (names ??= new Set(entries.map(({ name }) => name))));
        state.result.files.push({ path, absolutePath, role: built ? 'build' : 'source', gitignored: false });
      } else continue;
      state.onFileFound(state.result.files.length);
    }
  }
  if (level) {
    state.levels.pop();
    state.activeCost -= level.cost;
  }
}

type Matchers = Pick<WalkState, 'builds' | 'isIncluded' | 'isExcluded'>;

function matchers(options: DiscoverOptions): Matchers {
  const include = options.include?.length ? picomatch([...options.include], { dot: true }) : () => true;
  const exclude = options.exclude?.length ? picomatch([...options.exclude], { dot: true }) : () => false;
  return { builds: new BuildDirMatcher(options.buildDirs), isIncluded: include, isExcluded: (path) => exclude(path) || exclude(`${path}/`) };
}

export function discoverFiles(root: string, options: DiscoverOptions = {}): Discovery {
  const realRoot = realpathSync(root);
  const state: WalkState = {
    root,
    realRoot,
    levels: [],
    activeCost: 0,
    ...matchers(options),
    result: { files: [], skipped: [] },
    onFileFound: options.onFileFound ?? (() => undefined),
  };
  walk(state, '', root, realRoot, undefined, false, new Set([realRoot]));
  return state.result;
}

/** The build dir a file sits in, from its nearest folder outwards. */
export function buildDirOf(builds: BuildDirMatcher, path: string): BuildDir | undefined {
  const segments = path.split('/').slice(0, -1);
  for (let length = 1; length <= segments.length; length++) {
    const dir = builds.match(segments.slice(0, length).join('/'));
    if (dir) return dir;
  }
  return undefined;
}

/**
 * Files git tracks although a .gitignore rule matches them (`git add -f`, paths relative to the
 * root) are committed whatever .gitignore says. The walk found such a file only if it is build
 * output or an env file, and then as gitignored; elsewhere it skipped it, or its whole folder.
 */
export function includeTrackedIgnored(root: string, discovery: Discovery, tracked: readonly string[], options: DiscoverOptions = {}): void {
  if (tracked.length === 0) return;
  const { builds, isIncluded, isExcluded } = matchers(options);
  const found = new Map(discovery.files.map((file) => [file.path, file]));
  for (const path of tracked) {
    const known = found.get(path);
    if (known) {
      known.gitignored = false;
      continue;
    }
    if (path.split('/').some((segment) => ALWAYS_SKIPPED_DIRS.has(segment) || CACHE_DIRS.has(segment)) || isExcluded(path) || !isIncluded(path)) continue;
    const absolutePath = join(root, ...path.split('/'));
    try {
      // Deleted from the work tree, or a link: nothing to read here.
      if (!lstatSync(absolutePath).isFile()) continue;
    } catch {
      continue;
    }
    const buildDir = buildDirOf(builds, path);
    const role: FileRole = buildDir ? 'build' : isEnvFile(path) ? 'env' : 'source';
    discovery.files.push({ path, absolutePath, role, gitignored: false, ...(buildDir ? { buildDir } : {}) });
  }
}
