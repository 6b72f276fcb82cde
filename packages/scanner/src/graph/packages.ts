// The repository's package.json files: workspace packages (for resolving their names), the
// frameworks each package uses (for finding its client entries) and its Node entry points.
import { dirnamePosix, isOutsideSource, type RootPaths } from './paths.js';
import { checkJsonDepth } from '../json-depth.js';
import { jsonErrorWithoutContent } from '../safe-read.js';
import { readProjectText } from './read.js';
import type { Problem } from './types.js';

export interface PackageInfo {
  /** Root-relative POSIX folder, '' for the root. */
  dir: string;
  name?: string;
  dependencies: Set<string>;
  manifest: PackageManifest;
}

export interface PackageManifest {
  name?: unknown;
  main?: unknown;
  module?: unknown;
  bin?: unknown;
  exports?: unknown;
  browser?: unknown;
  unpkg?: unknown;
  jsdelivr?: unknown;
  engines?: unknown;
  browserslist?: unknown;
  scripts?: Record<string, unknown>;
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
  peerDependencies?: Record<string, unknown>;
}

/**
 * The lowest major version of `name` the package asks for, read from the plain forms of its
 * range (`^16.1.0`, `~16.1`, `16.x`, `>=16`); undefined for any other (`15 || 16`, a tag, a
 * workspace or git reference), whose reader then assumes nothing.
 */
export function declaredMajor(info: PackageInfo, name: string): number | undefined {
  const { dependencies, devDependencies, peerDependencies } = info.manifest;
  const range = [dependencies, devDependencies, peerDependencies].map((field) => field?.[name]).find((value) => value !== undefined);
  const major = typeof range === 'string' ? /^(?:(?:[\^~]|>=?)\s*)?v?(\d+)(?:\.(?:\d+|[xX*]))*(?:-[\w.]+)?$/.exec(range.trim())?.[1] : undefined;
  return major === undefined ? undefined : Number(major);
}

export function loadPackages(paths: RootPaths, files: readonly string[], problems: Problem[]): PackageInfo[] {
  const packages: PackageInfo[] = [];
  for (const file of files) {
    if (!/(^|\/)package\.json$/.test(file) || isOutsideSource(file)) continue;
    let manifest: PackageManifest;
    try {
      manifest = JSON.parse(readProjectText(paths, paths.absolute(file))) as PackageManifest;
      if (typeof manifest !== 'object' || manifest === null) throw new Error('not a JSON object');
      // `exports` and `browser` are walked recursively, by this scan and by the compiler.
      checkJsonDepth(manifest);
    } catch (error) {
      problems.push({ file, reason: `package.json not read: ${error instanceof SyntaxError ? jsonErrorWithoutContent(error) : error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    const dependencies = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.devDependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
    ]);
    packages.push({ dir: dirnamePosix(file), name: typeof manifest.name === 'string' ? manifest.name : undefined, dependencies, manifest });
  }
  // Deepest first, so the package owning a file is the first whose folder holds it.
  packages.sort((a, b) => b.dir.length - a.dir.length);
  const projects = nxProjects(paths, files, packages, problems);
  return projects.length === 0 ? packages : [...packages, ...projects].sort((a, b) => b.dir.length - a.dir.length);
}

/** Packages an Nx workspace's root package.json depends on. */
const NX_PACKAGES = ['nx', '@nx/workspace', '@nrwl/workspace'];

/**
 * Nx projects with no package.json of their own (`apps/web/project.json`): each is a package for
 * its files (frameworks are found from its config files and entries are relative to its folder),
 * with the dependencies of the package.json above it, where an integrated Nx workspace lists them all.
 */
function nxProjects(paths: RootPaths, files: readonly string[], packages: readonly PackageInfo[], problems: Problem[]): PackageInfo[] {
  const projects: PackageInfo[] = [];
  // Other tools name files project.json too (.NET's old projects, app data): only an Nx workspace's count.
  const workspaces = files.filter((file) => /(^|\/)nx\.json$/.test(file) && !isOutsideSource(file)).map((file) => dirnamePosix(file));
  const inWorkspace = (dir: string, above: PackageInfo | undefined) =>
    NX_PACKAGES.some((name) => above?.dependencies.has(name)) || workspaces.some((workspace) => workspace === '' || dir.startsWith(`${workspace}/`));
  const packageDirs = new Set(packages.map((info) => info.dir));
  for (const file of files) {
    if (!/(^|\/)project\.json$/.test(file) || isOutsideSource(file)) continue;
    const dir = dirnamePosix(file);
    if (dir === '' || packageDirs.has(dir)) continue;
    const above = packageOf(packages, file);
    if (!inWorkspace(dir, above)) continue;
    try {
      const project = JSON.parse(readProjectText(paths, paths.absolute(file))) as unknown;
      if (typeof project !== 'object' || project === null || Array.isArray(project)) throw new Error('not a JSON object');
    } catch (error) {
      problems.push({ file, reason: `Nx project.json not read: ${error instanceof SyntaxError ? jsonErrorWithoutContent(error) : error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    projects.push({ dir, dependencies: new Set(above?.dependencies), manifest: {} });
  }
  return projects;
}

export function packageOf(packages: readonly PackageInfo[], file: string): PackageInfo | undefined {
  return packages.find(({ dir }) => dir === '' || file.startsWith(`${dir}/`));
}

/** Every path string in a package.json `exports` map (conditions and subpaths). */
export function exportTargets(exportsField: unknown): string[] {
  if (typeof exportsField === 'string') return [exportsField];
  if (Array.isArray(exportsField)) return exportsField.flatMap(exportTargets);
  if (exportsField && typeof exportsField === 'object') return Object.values(exportsField).flatMap(exportTargets);
  return [];
}

/**
 * The paths an `exports` map gives `subpath` (`composer` for `@scope/pkg/composer`): its own
 * entry (`"./composer"`), or a pattern's (`"./utils/*"`) with the rest put in for the star.
 */
export function subpathExportTargets(exportsField: unknown, subpath: string): string[] {
  if (!exportsField || typeof exportsField !== 'object' || Array.isArray(exportsField)) return [];
  const subpaths = exportsField as Record<string, unknown>;
  const wanted = `./${subpath}`;
  // As Node picks: the exact key, else the pattern with the longest part before its `*`; a null
  // target excludes the subpath.
  if (Object.hasOwn(subpaths, wanted)) return exportTargets(subpaths[wanted]);
  let best: { key: string; star: number } | undefined;
  for (const key of Object.keys(subpaths)) {
    const star = key.indexOf('*');
    if (star < 0 || !wanted.startsWith(key.slice(0, star)) || !wanted.endsWith(key.slice(star + 1)) || wanted.length < key.length - 1) continue;
    if (!best || star > best.star) best = { key, star };
  }
  if (!best) return [];
  const matched = wanted.slice(best.star, wanted.length - (best.key.length - best.star - 1));
  return exportTargets(subpaths[best.key]).map((target) => target.replaceAll('*', matched));
}

/** The package's own entry in its `exports`: the `"."` of a subpath map, else the whole field (a path, or conditions). */
export function rootExport(exportsField: unknown): unknown {
  if (!exportsField || typeof exportsField !== 'object' || Array.isArray(exportsField)) return exportsField;
  const subpaths = exportsField as Record<string, unknown>;
  return Object.keys(subpaths).some((key) => key.startsWith('.')) ? subpaths['.'] : exportsField;
}
