/**
 * A source map's `sources` entry turned into a file of the scanned repository. Every bundler names
 * sources its own way (`webpack://app/./src/api.js`, `turbopack:///[project]/app/page.tsx`,
 * `../../src/main.ts`, `file:///home/ci/app/src/x.ts`); SOURCE_URL_SCHEMES says, one row per form,
 * what the path in it is relative to, and `resolveSource` is the one reader of that table.
 *
 * A source the map places outside the scanned directory (a map copied elsewhere unchanged, as
 * SvelteKit's adapter-node copies its client maps into `build/client`; a build made on another
 * machine) is matched to a repository file by the end of its path, confirmed by its
 * `sourcesContent` when the map has it. Nothing outside the scanned directory is ever read.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, posix, relative } from 'node:path';
import { toPosix } from '../graph/paths.js';

/** What a source path is relative to. */
export type SourceBase =
  /** The bundler's project folder, which the map does not name: the map's folder or one of its parents. */
  | 'project'
  /** The folder of the map itself (after `sourceRoot`), as the spec says. */
  | 'map'
  /** A path of the machine that built it. */
  | 'absolute'
  /** Not a file: a bundler's runtime or a generated module. */
  | 'virtual';

export interface SourceUrlScheme {
  /** Who writes sources this way. */
  writtenBy: string;
  /** Matches the entry (joined to `sourceRoot`); group 1 is the path it holds, when it holds one. */
  pattern: RegExp;
  base: SourceBase;
}

/** First match wins. */
export const SOURCE_URL_SCHEMES: readonly SourceUrlScheme[] = [
  { writtenBy: 'webpack 5 and rspack (`output.devtoolNamespace`, often the library or package name)', pattern: /^webpack:\/\/[^/]+\/(.*)$/s, base: 'project' },
  { writtenBy: 'webpack with an empty namespace (Next.js webpack builds, Storybook)', pattern: /^webpack:\/\/\/(.*)$/s, base: 'project' },
  { writtenBy: 'Turbopack (Next.js 16): files of the project', pattern: /^turbopack:\/\/\/\[project\]\/(.*)$/s, base: 'project' },
  { writtenBy: 'Turbopack: files under the server root', pattern: /^turbopack:\/\/\/\[root-of-the-server\]\/(.*)$/s, base: 'project' },
  { writtenBy: 'Turbopack: its runtime and other generated modules (`[turbopack]/…`)', pattern: /^turbopack:\/\//s, base: 'virtual' },
  { writtenBy: 'Parcel 2 (`sourceRoot` `/__parcel_source_root/`)', pattern: /^\/__parcel_source_root\/(.*)$/s, base: 'project' },
  { writtenBy: '`file:` URLs (Vite and Rolldown for files outside the root, some plugins)', pattern: /^(file:\/\/.*)$/s, base: 'absolute' },
  { writtenBy: 'Rollup, Vite and Rolldown virtual modules (`\\0commonjsHelpers.js`, `\\0vite/preload-helper.js`)', pattern: /^\0/s, base: 'virtual' },
  { writtenBy: 'esbuild and others: generated code (`<stdin>`, `<runtime>`, `(disabled):fs`)', pattern: /^(?:<[^>]*>$|\(disabled\):)/s, base: 'virtual' },
  // The host's path is no folder of this machine: its end is matched to a repository file.
  { writtenBy: '`http(s):` URLs: a `sourceRoot` naming where the sources are published (a repository host, a CDN)', pattern: /^https?:\/\/[^/]*\/(.*)$/s, base: 'project' },
  { writtenBy: 'any other URL (`data:`, `blob:`, a bundler scheme)', pattern: /^[A-Za-z][A-Za-z0-9+.-]+:/s, base: 'virtual' },
  { writtenBy: 'absolute paths (webpack `devtoolModuleFilenameTemplate`, some Babel setups; Windows drives)', pattern: /^(\/.*|[A-Za-z]:[\\/].*)$/s, base: 'absolute' },
  { writtenBy: 'paths relative to the map: Vite, Rollup, Rolldown, esbuild, SvelteKit, Astro', pattern: /^(.*)$/s, base: 'map' },
];

/** An entry of `sources` as the scheme table reads it. */
export function sourceUrlScheme(url: string): { base: SourceBase; path: string } {
  for (const { pattern, base } of SOURCE_URL_SCHEMES) {
    const match = pattern.exec(url);
    if (match) return { base, path: match[1] ?? url };
  }
  return { base: 'virtual', path: url };
}

/**
 * A `sources` entry joined to the map's `sourceRoot`, as browsers and trace-mapping read it: the
 * root is a folder, and a source that is already a URL or an absolute path ignores it. So does a
 * bundler's name for code of its own (`<anon>`, which Parcel's Node targets list beside a
 * `sourceRoot` of `../../`): no path, wherever the root is.
 */
export function joinSourceRoot(sourceRoot: string | undefined, source: string): string {
  if (!sourceRoot || /^(?:[A-Za-z][A-Za-z0-9+.-]+:|\/|<[^>]*>$)/.test(source)) return source;
  let end = sourceRoot.length;
  while (end > 0 && sourceRoot[end - 1] === '/') end--;
  return `${sourceRoot.slice(0, end)}/${source}`;
}

/** Where a source is, as far as the map and the repository tell. */
export type SourceOrigin =
  /**
   * `file` is a repository path when `inRepository`; otherwise the path inside the scanned
   * directory the map names (a file that is not there), or the map's own name for a source that
   * is no file (a bundler runtime).
   */
  | { file: string; inRepository: boolean }
  /** Outside the scanned directory, and no repository file matches it: never named, since a map can lie. */
  | { outside: true };

export interface SourceContext {
  /** The scanned directory, absolute. */
  root: string;
  /** The map's folder, relative to the root (POSIX; `''` for the root itself). */
  mapDir: string;
}

/** The longest path end tried when matching a source to a repository file. */
const MAX_SUFFIX_SEGMENTS = 16;

/** Path segments with no `.`, `..` or empty ones: whatever a map says, joined to a folder they stay inside it. */
function plainSegments(path: string): string[] {
  return path.split(/[\\/]+/).filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** The map's folder and each of its parents, nearest first, ending with the root (`''`). */
function ancestors(dir: string): string[] {
  const list: string[] = [];
  for (let at = dir; at !== '' && at !== '.'; at = posix.dirname(at) === '.' ? '' : posix.dirname(at)) list.push(at);
  list.push('');
  return list;
}

function isRepositoryFile(root: string, file: string): boolean {
  try {
    return statSync(join(root, file), { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    // A name no file system takes (a NUL byte from a hostile map).
    return false;
  }
}

/** Whether a repository file holds exactly `content`. A link that leads out of the root is never read. */
function holds(root: string, file: string, content: string): boolean {
  try {
    const path = join(root, file);
    if (statSync(path).size !== Buffer.byteLength(content)) return false;
    const real = realpathSync(path);
    const realRoot = realpathSync(root);
    if (relative(realRoot, real).startsWith('..')) return false;
    return readFileSync(real, 'utf8') === content;
  } catch {
    return false;
  }
}

/**
 * The repository file a path names, relative to an unknown folder: each end of the path (longest
 * first) under the map's folder, then under each of its parents. A match on one segment only
 * (`index.ts`) counts only when the file holds the source's content; a longer one counts without,
 * though a file that holds the content wins over one that does not.
 */
function matchByPath(context: SourceContext, path: string, content: string | undefined): string | undefined {
  const segments = plainSegments(path).slice(-MAX_SUFFIX_SEGMENTS);
  const bases = ancestors(context.mapDir);
  let byPath: string | undefined;
  for (let length = segments.length; length >= 1; length--) {
    const suffix = segments.slice(-length).join('/');
    for (const base of bases) {
      const candidate = base === '' ? suffix : `${base}/${suffix}`;
      if (!isRepositoryFile(context.root, candidate)) continue;
      if (content === undefined) {
        if (length >= 2) return candidate;
        continue;
      }
      if (holds(context.root, candidate, content)) return candidate;
      if (length >= 2) byPath ??= candidate;
    }
  }
  return byPath;
}

/** A path inside the scanned directory, relative to it; `undefined` outside it. */
function insideRoot(root: string, absolute: string): string | undefined {
  const local = toPosix(relative(root, absolute));
  return local === '' || local === '..' || local.startsWith('../') || posix.isAbsolute(local) ? undefined : local;
}

function withoutQuery(path: string): string {
  const query = path.search(/[?#]/);
  return query === -1 ? path : path.slice(0, query);
}

/**
 * Where a `sources` entry (joined to `sourceRoot`) is in the repository. `content` is its
 * `sourcesContent`, when the map has it.
 */
export function resolveSource(context: SourceContext, url: string, content: string | undefined): SourceOrigin {
  if (url === '') return { file: '(unnamed source)', inRepository: false };
  const { base, path: written } = sourceUrlScheme(url);
  if (base === 'virtual') return { file: url, inRepository: false };
  const path = withoutQuery(written);
  if (base === 'project') {
    const file = matchByPath(context, path, content);
    return file === undefined ? { file: url, inRepository: false } : { file, inRepository: true };
  }
  let absolute: string | undefined;
  if (base === 'absolute') {
    try {
      absolute = path.startsWith('file:') ? fileURLToPath(path) : path;
    } catch {
      absolute = undefined;
    }
  } else absolute = join(context.root, context.mapDir, path);
  const local = absolute === undefined || !posix.isAbsolute(toPosix(absolute)) ? undefined : insideRoot(context.root, absolute);
  if (local !== undefined && isRepositoryFile(context.root, local)) return { file: local, inRepository: true };
  // Not where the map says: a map copied elsewhere, or built on another machine.
  const matched = matchByPath(context, path, content);
  if (matched !== undefined) return { file: matched, inRepository: true };
  return local === undefined ? { outside: true } : { file: local, inRepository: false };
}

/**
 * The repository paths a source may be, without touching the disk: the module graph checks them
 * against its own file list. A project-relative path may be under the map's folder or any parent.
 */
export function sourcePathCandidates(context: SourceContext, url: string): string[] {
  const { base, path: written } = sourceUrlScheme(url);
  const path = withoutQuery(written);
  if (base === 'virtual') return [];
  if (base === 'project') {
    const suffix = plainSegments(path).join('/');
    return suffix === '' ? [] : ancestors(context.mapDir).map((dir) => (dir === '' ? suffix : `${dir}/${suffix}`));
  }
  let absolute: string;
  try {
    absolute = base === 'absolute' ? (path.startsWith('file:') ? fileURLToPath(path) : path) : join(context.root, context.mapDir, path);
  } catch {
    return [];
  }
  const local = posix.isAbsolute(toPosix(absolute)) ? insideRoot(context.root, absolute) : undefined;
  return local === undefined ? [] : [local];
}
