// Which half of a build browsers receive, from the framework table (`../frameworks.ts`): the
// package that owns a built file, the frameworks it uses (its dependencies and config files) and the
// layout on disk. No TypeScript here: a tree of build output alone is decided without it.
import { existsSync } from 'node:fs';
import { FRAMEWORK_BUILDS, type BuildFolder, type BuildSide, type FrameworkBuild } from '../frameworks.js';
import { globMatcher } from './glob-matcher.js';
import { packageOf, type PackageInfo } from './packages.js';
import { dirnamePosix, joinPosix, type RootPaths } from './paths.js';
import { readProjectText } from './read.js';

export interface LayoutVerdict {
  side: BuildSide;
  /** The folder rule, in words: `SvelteKit adapter-node serves build/client to every browser`. */
  reason: string;
  /** The folder the rule matched (root-relative), e.g. `build/client`. */
  folder: string;
  /** The table row: `SvelteKit adapter-node`. */
  framework: string;
}

interface Candidate {
  verdict: LayoutVerdict;
  /** Segments of the path up to the end of the match: the deepest match wins. */
  end: number;
  length: number;
}

const ROOT_PACKAGE: PackageInfo = { dir: '', dependencies: new Set(), manifest: {} };

export class BuildLayouts {
  /** Files beside each package.json (and at the root), by folder: how a config file is found. */
  private readonly filesByDir = new Map<string, string[]>();
  private readonly detected = new Map<string, FrameworkBuild[]>();
  /** Shared-name config files that import the row's module, by package folder and row. */
  private readonly shared = new Map<string, string[]>();
  private readonly existing = new Map<string, boolean>();

  constructor(
    private readonly paths: RootPaths,
    private readonly packages: readonly PackageInfo[],
    files: readonly string[],
  ) {
    const dirs = new Set(['', ...packages.map(({ dir }) => dir)]);
    for (const file of files) {
      // Beside the package.json or one folder down (`scripts/build.mjs`).
      const parent = dirnamePosix(file);
      for (const dir of [parent, dirnamePosix(parent)]) {
        if (!dirs.has(dir)) continue;
        const list = this.filesByDir.get(dir) ?? [];
        list.push(dir ? file.slice(dir.length + 1) : file);
        this.filesByDir.set(dir, list);
        break;
      }
    }
  }

  /** The package that owns `file` (the root when no package.json holds it). */
  ownerOf(file: string): PackageInfo {
    return packageOf(this.packages, file) ?? ROOT_PACKAGE;
  }

  /** Rows that apply to a package: it depends on one of their packages or holds one of their configs. */
  frameworksOf(info: PackageInfo): FrameworkBuild[] {
    let rows = this.detected.get(info.dir);
    if (rows) return rows;
    const names = this.filesByDir.get(info.dir) ?? [];
    rows = FRAMEWORK_BUILDS.filter(
      (row) =>
        row.dependencies?.some((name) => info.dependencies.has(name)) ||
        (row.configs && row.detectByConfig !== false && names.some((name) => globMatcher(row.configs ?? [])(name))) ||
        (row.importedIn && this.importedIn(info, names, row)) ||
        (row.sharedConfigs !== undefined && this.sharedConfigsOf(info, row).length > 0),
    );
    this.detected.set(info.dir, rows);
    return rows;
  }

  /** Whether a config (`svelte.config.js`) names one of the row's packages as a quoted module specifier. */
  private importedIn(info: PackageInfo, names: readonly string[], row: FrameworkBuild): boolean {
    const match = globMatcher(row.importedIn ?? []);
    return names.some((name) => match(name) && this.names(info, name, row.dependencies ?? []));
  }

  /** Whether the package's file `name` names one of `modules` as a quoted module specifier. */
  private names(info: PackageInfo, name: string, modules: readonly string[]): boolean {
    let text: string;
    try {
      text = readProjectText(this.paths, this.paths.absolute(joinPosix(info.dir, name)));
    } catch {
      return false;
    }
    return modules.some((module) => [`'${module}'`, `"${module}"`].some((quoted) => text.includes(quoted)));
  }

  /** The package's files under a row's shared config names that import its module (package-relative). */
  private sharedConfigsOf(info: PackageInfo, row: FrameworkBuild): string[] {
    const shared = row.sharedConfigs;
    if (!shared) return [];
    const key = `${info.dir}\0${row.name}`;
    let found = this.shared.get(key);
    if (!found) {
      const match = globMatcher(shared.globs);
      found = (this.filesByDir.get(info.dir) ?? []).filter((name) => match(name) && this.names(info, name, [shared.module]));
      this.shared.set(key, found);
    }
    return found;
  }

  /** Config files of `row` beside the package's package.json (root-relative). */
  configsOf(info: PackageInfo, row: FrameworkBuild): string[] {
    const match = globMatcher(row.configs ?? []);
    const own = row.configs ? (this.filesByDir.get(info.dir) ?? []).filter((name) => match(name)) : [];
    return [...own, ...this.sharedConfigsOf(info, row)].map((name) => joinPosix(info.dir, name));
  }


  /** The folder rule that decides `file`, if any: the deepest folder that matches wins. */
  verdict(file: string): LayoutVerdict | undefined {
    const segments = file.split('/');
    const owner = this.ownerOf(file);
    const ownerDepth = owner.dir ? owner.dir.split('/').length : 0;
    const detected = new Set(this.frameworksOf(owner));
    let best: Candidate | undefined;
    const consider = (row: FrameworkBuild, folder: BuildFolder, start: number) => {
      const pattern = folder.path.split('/');
      const end = start + pattern.length;
      if (end > segments.length || !pattern.every((segment, i) => segment === '*' || segment === segments[start + i])) return;
      // A folder rule covers what is inside it; a file rule (`_worker.js`) the file itself.
      if (end === segments.length && !/\.[cm]?js$/.test(folder.path)) return;
      if (folder.files && !globMatcher(folder.files)(segments[segments.length - 1] ?? '')) return;
      const base = segments.slice(0, start).join('/');
      if (folder.when && !this.exists(joinPosix(base, folder.when))) return;
      if (best && (end < best.end || (end === best.end && pattern.length <= best.length))) return;
      best = { verdict: { side: folder.side, reason: folder.reason, folder: segments.slice(0, end).join('/'), framework: row.name }, end, length: pattern.length };
    };
    for (const row of FRAMEWORK_BUILDS) {
      for (const folder of row.folders ?? []) {
        if (folder.anywhere) {
          for (let start = 0; start < segments.length; start++) consider(row, folder, start);
        } else if (detected.has(row)) {
          consider(row, folder, ownerDepth);
        }
      }
    }
    return best?.verdict;
  }


  /** For a source file: the framework folder that serves it to browsers as it is (`public/`), if any. */
  staticVerdict(file: string): LayoutVerdict | undefined {
    const owner = this.ownerOf(file);
    const inPackage = owner.dir ? file.slice(owner.dir.length + 1) : file;
    for (const row of this.frameworksOf(owner)) {
      const folder = row.staticFolders?.find((path) => inPackage.startsWith(`${path}/`));
      if (folder) {
        const served = joinPosix(owner.dir, folder);
        return { side: 'client', reason: `${row.name} serves ${served}/ to browsers as it is`, folder: served, framework: row.name };
      }
    }
    return undefined;
  }

  /** Whether `path` (relative to the root) exists, asked of the disk once. */
  exists(path: string): boolean {
    let found = this.existing.get(path);
    if (found === undefined) {
      found = existsSync(this.paths.absolute(path));
      this.existing.set(path, found);
    }
    return found;
  }
}
