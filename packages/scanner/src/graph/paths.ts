// Path helpers: the graph speaks POSIX paths relative to the scanned root, the compiler absolute ones.
import { isAbsolute, posix, relative, resolve, sep } from 'node:path';

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

export class RootPaths {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  absolute(file: string): string {
    return toPosix(resolve(this.root, file));
  }

  /** The root-relative POSIX path, or undefined for files outside the root. */
  relative(absolute: string): string | undefined {
    const path = toPosix(relative(this.root, absolute));
    if (path === '' || path.startsWith('../') || path === '..' || isAbsolute(path)) return undefined;
    return path;
  }
}

export function dirnamePosix(file: string): string {
  const dir = posix.dirname(file);
  return dir === '.' ? '' : dir;
}

/** `dir/rest` without a leading slash when `dir` is the root (''). */
export function joinPosix(dir: string, rest: string): string {
  return posix.normalize(dir ? `${dir}/${rest}` : rest).replace(/^\.\//, '');
}

/** True when a path sits in node_modules or a build/cache folder rather than in source. */
export function isOutsideSource(file: string): boolean {
  return /(^|\/)(node_modules|\.git|\.next|\.nuxt|\.output|\.svelte-kit|\.turbo|\.vercel|\.expo|\.astro|coverage)\//.test(file);
}
