/**
 * Build output folders: what ships, so they are scanned even when gitignored. Each is matched as
 * a path suffix at any depth (`packages/web/dist` too). `exposure` is what the folder alone tells;
 * the program analysis can say more from the bundle's source map.
 */
import type { Exposure } from '@engium/core';

export interface BuildDir {
  path: string;
  exposure: Exposure;
  reason: string;
}

export const DEFAULT_BUILD_DIRS: readonly BuildDir[] = [
  { path: 'dist', exposure: 'unknown', reason: 'build output' },
  { path: 'build', exposure: 'unknown', reason: 'build output' },
  { path: 'out', exposure: 'unknown', reason: 'build output' },
  { path: '.next/static', exposure: 'client', reason: 'Next.js serves .next/static to every browser' },
  { path: '.next/server', exposure: 'server', reason: 'Next.js runs .next/server on the server only' },
  { path: '.output/public', exposure: 'client', reason: 'Nuxt/Nitro serves .output/public to every browser' },
  { path: '.svelte-kit/output/client', exposure: 'client', reason: 'SvelteKit serves its client output to every browser' },
  { path: 'storybook-static', exposure: 'client', reason: 'a static Storybook is served to browsers' },
  { path: 'www', exposure: 'client', reason: 'Capacitor and Cordova ship www/ inside the app, as browser code' },
  { path: 'assets/public', exposure: 'client', reason: 'Capacitor ships the web app in Android assets/public, as browser code' },
  { path: '_expo/static', exposure: 'client', reason: 'Expo serves _expo/static to browsers' },
];

/** Matches relative folder paths against build dirs by their trailing segments. */
export class BuildDirMatcher {
  private readonly dirs: { segments: string[]; dir: BuildDir }[];

  constructor(extra: readonly string[] = []) {
    const all = [...DEFAULT_BUILD_DIRS, ...extra.map((path): BuildDir => ({ path, exposure: 'unknown', reason: 'build output (config buildDirs)' }))];
    this.dirs = all.map((dir) => ({ segments: dir.path.split('/').filter(Boolean), dir }));
  }

  /** The build dir that `dirPath` (relative, POSIX) is, if any. */
  match(dirPath: string): BuildDir | undefined {
    const segments = dirPath.split('/');
    for (const { segments: tail, dir } of this.dirs) {
      if (tail.length <= segments.length && tail.every((segment, i) => segments[segments.length - tail.length + i] === segment)) return dir;
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
