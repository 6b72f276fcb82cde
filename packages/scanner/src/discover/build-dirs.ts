/**
 * Build output folders: what ships, so they are scanned even when gitignored. Each is matched as
 * a path suffix at any depth (`packages/web/dist` too). The folders come from the framework table
 * (`../frameworks.ts`); `exposure` is what the folder's name alone tells, and the classify step
 * decides the rest from the package that owns it (`graph/build-layout.ts`).
 */
import picomatch from 'picomatch';
import type { Exposure } from '@engium/core';
import { FRAMEWORK_BUILDS } from '../frameworks.js';

export interface BuildDir {
  path: string;
  exposure: Exposure;
  reason: string;
  /** Config file globs: a folder of this name is build output only beside one of them (Gatsby's `public`). */
  beside?: readonly string[];
}

/** Every table folder up to its first wildcard, once: `dist/*\/browser` is found as `dist`. */
function tableBuildDirs(): BuildDir[] {
  const dirs = new Map<string, BuildDir>();
  for (const row of FRAMEWORK_BUILDS) {
    for (const folder of row.folders ?? []) {
      const segments = folder.path.split('/');
      const wildcard = segments.indexOf('*');
      const path = (wildcard < 0 ? segments : segments.slice(0, wildcard)).join('/');
      // File rules (`_worker.js`, `.next/required-server-files.json`) are not folders to walk.
      if (dirs.has(path) || /\.[cm]?js$/.test(path) || folder.files) continue;
      const known = folder.anywhere && wildcard < 0;
      dirs.set(path, {
        path,
        exposure: known ? folder.side : 'unknown',
        reason: known ? folder.reason : 'build output',
        ...(folder.besideConfig && row.configs ? { beside: row.configs } : {}),
      });
    }
  }
  return [...dirs.values()];
}

/** Web apps that ship inside a native app: browser code, whatever their framework. */
const APP_WEB_DIRS: readonly BuildDir[] = [
  { path: 'www', exposure: 'client', reason: 'Capacitor and Cordova ship www/ inside the app, as browser code' },
  { path: 'assets/public', exposure: 'client', reason: 'Capacitor ships the web app in Android assets/public, as browser code' },
  { path: '_expo/static', exposure: 'client', reason: 'Expo serves _expo/static to browsers' },
];

/** Tools' own cache folders, by name, and why each is not scanned (from the framework table). */
export const CACHE_DIRS: ReadonlyMap<string, string> = new Map(FRAMEWORK_BUILDS.flatMap((row) => (row.cacheFolders ?? []).map(({ name, reason }) => [name, reason] as const)));

export const DEFAULT_BUILD_DIRS: readonly BuildDir[] = [...tableBuildDirs().filter((dir) => !APP_WEB_DIRS.some((app) => app.path === dir.path)), ...APP_WEB_DIRS];

/** Matches relative folder paths against build dirs by their trailing segments. */
export class BuildDirMatcher {
  private readonly dirs: { segments: string[]; dir: BuildDir; beside?: (name: string) => boolean }[];

  constructor(extra: readonly string[] = []) {
    const all = [...DEFAULT_BUILD_DIRS, ...extra.map((path): BuildDir => ({ path, exposure: 'unknown', reason: 'build output (config buildDirs)' }))];
    // Longest first, so `.next/static` wins over a shorter dir that also ends the path.
    this.dirs = all
      .map((dir) => ({ segments: dir.path.split('/').filter(Boolean), dir, ...(dir.beside ? { beside: picomatch([...dir.beside]) } : {}) }))
      .sort((a, b) => b.segments.length - a.segments.length);
  }

  /**
   * The build dir that `dirPath` (relative, POSIX) is, if any. `siblings` are the names beside the
   * folder; without them a folder that needs a config beside it (Gatsby's `public`) never matches.
   */
  match(dirPath: string, siblings?: readonly string[]): BuildDir | undefined {
    const segments = dirPath.split('/');
    for (const { segments: tail, dir, beside } of this.dirs) {
      if (tail.length > segments.length || !tail.every((segment, i) => segments[segments.length - tail.length + i] === segment)) continue;
      if (beside && !siblings?.some((name) => beside(name))) continue;
      return dir;
    }
    return undefined;
  }

  /** True when `dirPath` ends with a proper prefix of a multi-segment build dir (`.next` for `.next/static`). */
  leadsTo(dirPath: string): boolean {
    const segments = dirPath.split('/');
    return this.dirs.some(({ segments: tail }) => {
      for (let length = 1; length < tail.length; length++) {
        if (length > segments.length) break;
        const prefix = tail.slice(0, length);
        if (prefix.every((segment, i) => segments[segments.length - length + i] === segment)) return true;
      }
      return false;
    });
  }
}
