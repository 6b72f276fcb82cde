// Resolving an import the way the compiler does (`ts.resolveModuleName` under the module's own
// tsconfig, with a shared cache and a cached file system), then the few things a bundler adds that
// the compiler cannot see without a generated config or node_modules: workspace packages by name,
// SvelteKit's `$lib`, Nuxt's `~/` and `@/`, and component files (.vue, .svelte, .astro).
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import { exportTargets, packageOf, rootExport, subpathExportTargets, type PackageInfo } from './packages.js';
import { joinPosix, type RootPaths } from './paths.js';
import type { ProgramConfig } from './tsconfig.js';
import { readResolutionText } from './read.js';
import type { Ts, TypeScript } from './typescript.js';

export type Resolution =
  | { kind: 'module'; file: string }
  /** A package outside the repository, an asset, a virtual module or types only: nothing to walk. */
  | { kind: 'external' }
  | { kind: 'unresolved'; reason: string };

const COMPONENT = /\.(?:vue|svelte|astro)$/;
const ASSET = /\.(?:css|scss|sass|less|styl|svg|png|jpe?g|gif|webp|avif|ico|woff2?|ttf|eot|mp4|webm|wasm|html|md|mdx|txt|json|ya?ml|graphql|gql)(?:\?.*)?$/;
/**
 * Text an import bundles as written: JSON data, stylesheets (into the page's CSS), and what a
 * loader or a `?raw` import inlines. A key in such a file ships wherever its importer goes.
 */
const BUNDLED_TEXT = /\.(?:json|css|scss|sass|less|styl|svg|html|md|txt|ya?ml|graphql|gql)$/;
const VIRTUAL = /^(?:\$env\/|\$app\/|\$service-worker|astro:|virtual:|node:|bun:|#)/;
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/**
 * A workspace package's entry names a file per condition, a handful; each candidate costs a
 * resolution, for every import of the package, so a hostile `exports` of 100,000 targets must not.
 */
const MAX_ENTRY_TARGETS = 32;
/**
 * Metro bundles `x.ios.tsx`, `x.android.tsx`, `x.native.tsx` or `x.web.tsx` in place of `./x` for
 * the platform it builds, so a React Native app ships every one of them that an import names.
 */
const PLATFORM_FILE_SUFFIXES = ['ios', 'android', 'native', 'web'].flatMap((platform) => ['.tsx', '.ts', '.jsx', '.js'].map((extension) => `.${platform}${extension}`));
const REDWOOD_SIDES = ['@redwoodjs/web', '@redwoodjs/api'];
const PLATFORM_FILE = /(?:\.(?:ios|android|native|web))?\.[cm]?[jt]sx?$/;

/**
 * File kinds from one directory listing per folder: resolution probes many names that do not
 * exist (`x.ts`, `x.tsx`, `x.d.ts`, `x/index.ts`, …), and a listing answers them all.
 */
class CachedFileSystem {
  private readonly listings = new Map<string, Map<string, 'file' | 'dir' | 'link'> | undefined>();

  kind(asked: string): 'file' | 'dir' | 'none' {
    // The compiler asks about `dir/` for `import … from "."`: the folder's own entry answers.
    let end = asked.length;
    while (end > 1 && asked.charCodeAt(end - 1) === 0x2f) end--;
    const path = asked.slice(0, end);
    // `x.ts/` names a folder: a file of that name is not one.
    if (end < asked.length) return this.kindOf(path) === 'dir' ? 'dir' : 'none';
    return this.kindOf(path);
  }

  private kindOf(path: string): 'file' | 'dir' | 'none' {
    const slash = path.lastIndexOf('/');
    if (slash <= 0) return this.stat(path);
    const listing = this.listing(path.slice(0, slash));
    const kind = listing?.get(path.slice(slash + 1));
    if (kind === undefined) return 'none';
    return kind === 'link' ? this.stat(path) : kind;
  }

  private listing(dir: string): Map<string, 'file' | 'dir' | 'link'> | undefined {
    if (this.listings.has(dir)) return this.listings.get(dir);
    let listing: Map<string, 'file' | 'dir' | 'link'> | undefined;
    try {
      listing = new Map(
        readdirSync(dir, { withFileTypes: true }).map((entry) => [entry.name, entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : 'link'] as const),
      );
    } catch {
      listing = undefined;
    }
    this.listings.set(dir, listing);
    return listing;
  }

  private stat(path: string): 'file' | 'dir' | 'none' {
    try {
      const stat = statSync(path);
      return stat.isFile() ? 'file' : stat.isDirectory() ? 'dir' : 'none';
    } catch {
      return 'none';
    }
  }
}

export class ModuleResolver {
  private readonly fs = new CachedFileSystem();
  private readonly host: TypeScript.ModuleResolutionHost;
  private readonly workspace: Map<string, PackageInfo>;
  /** Whether any package is a React Native app, whose imports may name platform files. */
  private readonly hasReactNative: boolean;
  /** Whether any package is a RedwoodJS side, whose imports may name a folder by its module's name. */
  private readonly hasRedwood: boolean;

  constructor(
    private readonly ts: Ts,
    private readonly paths: RootPaths,
    private readonly packages: readonly PackageInfo[],
    private readonly configFor: (file: string, absolute: string) => ProgramConfig,
  ) {
    this.workspace = new Map(packages.filter((info) => info.name).map((info) => [info.name as string, info]));
    this.hasReactNative = packages.some((info) => info.dependencies.has('react-native'));
    this.hasRedwood = packages.some((info) => REDWOOD_SIDES.some((name) => info.dependencies.has(name)));
    this.host = {
      fileExists: (path) => this.fs.kind(path) === 'file',
      directoryExists: (path) => this.fs.kind(path) === 'dir',
      readFile: readResolutionText,
      realpath: (path) => {
        try {
          return realpathSync(path);
        } catch {
          return path;
        }
      },
      getCurrentDirectory: () => paths.root,
    };
  }

  resolve(specifier: string, from: string): Resolution {
    const bare = specifier.split('?')[0] ?? specifier;
    const relativeLike = bare.startsWith('.') || bare.startsWith('/');
    // Components are modules without a compiler to resolve them.
    if (COMPONENT.test(bare) && relativeLike) return this.existing(joinPosix(posix.dirname(from), bare), specifier);
    // Bundled text (JSON, CSS, …) goes where its importer goes; one that is not here is generated or virtual.
    if (BUNDLED_TEXT.test(bare) && relativeLike) {
      const file = joinPosix(posix.dirname(from), bare);
      if (this.fs.kind(this.paths.absolute(file)) === 'file') return { kind: 'module', file };
      if (bare.endsWith('.json')) return { kind: 'unresolved', reason: `cannot resolve "${specifier}"` };
    }
    if (ASSET.test(bare) || VIRTUAL.test(bare)) return { kind: 'external' };

    const absoluteFrom = this.paths.absolute(from);
    const config = this.configFor(from, absoluteFrom);
    const result = this.compilerResolution(bare, absoluteFrom, config) ?? this.directoryNamed(bare, from, absoluteFrom, config);
    if (typeof result === 'string') return { kind: 'unresolved', reason: `cannot resolve "${specifier}": ${result}` };
    if (result) return this.fromCompiler(result.resolvedFileName);

    if (relativeLike) {
      // A relative import of build output not built yet (`../core/dist/x`, `./dist/index.js`): its source.
      const source = bare.startsWith('.') ? this.sourceOf(joinPosix(posix.dirname(from), bare)) : undefined;
      return source ? { kind: 'module', file: source } : { kind: 'unresolved', reason: `cannot resolve "${specifier}"` };
    }
    const aliased = this.bundlerAlias(bare, from);
    if (aliased) return aliased;
    const workspace = this.workspacePackage(bare, from);
    if (workspace) return workspace;
    const aliasTargets = this.pathAliasTargets(bare, config);
    // An alias into node_modules (`"react": ["./node_modules/@types/react"]`) names a package: not installed here.
    if (aliasTargets.length > 0 && aliasTargets.every((target) => /(^|\/)node_modules(\/|$)/.test(target))) return { kind: 'external' };
    if (aliasTargets.length > 0) return { kind: 'unresolved', reason: `cannot resolve "${specifier}" through tsconfig paths` };
    // `@/x`, `~/x` and `$lib/x` name no npm package: they are aliases that lead nowhere.
    if (/^(?:[@~]\/|\$lib\b)/.test(bare)) return { kind: 'unresolved', reason: `cannot resolve the alias "${specifier}"` };
    return { kind: 'external' };
  }

  /**
   * RedwoodJS's directory-named imports (babel-plugin-redwood-directory-named-import): `src/components/Menu`
   * is `src/components/Menu/Menu.js` when the folder has no index.
   */
  private directoryNamed(name: string, from: string, absoluteFrom: string, config: ProgramConfig): TypeScript.ResolvedModuleFull | undefined | string {
    const owner = this.hasRedwood ? packageOf(this.packages, from) : undefined;
    if (!owner || !REDWOOD_SIDES.some((side) => owner.dependencies.has(side))) return undefined;
    const folder = /(?:^|\/)([\w$-]+)$/.exec(name)?.[1];
    return folder ? this.compilerResolution(`${name}/${folder}`, absoluteFrom, config) : undefined;
  }

  /**
   * The compiler's resolution, or why it gave up: it parses every package.json and tsconfig on the
   * way with a recursive parser, and one nested deeper than the stack must cost this import only.
   */
  private compilerResolution(name: string, absoluteFrom: string, config: ProgramConfig): TypeScript.ResolvedModuleFull | undefined | string {
    try {
      return this.ts.resolveModuleName(name, absoluteFrom, config.options, this.host, config.cache).resolvedModule;
    } catch (error) {
      if (error instanceof RangeError) return 'a package.json or tsconfig on the way is nested too deep to parse';
      throw error;
    }
  }

  private fromCompiler(resolvedFileName: string): Resolution {
    // The compiler resolves symlinks: a workspace package linked into node_modules comes back as
    // its real path in the repository, and is walked like any other module.
    const file = this.paths.relative(resolvedFileName);
    if (!file || file.includes('node_modules/')) return { kind: 'external' };
    if (/\.d\.[cm]?ts$/.test(file) || /(^|\/)(dist|build|lib|out)\//.test(file)) {
      // A workspace package's declarations or build output: walk its source when it is here.
      const source = this.sourceOf(file);
      if (source) return { kind: 'module', file: source };
      if (/\.d\.[cm]?ts$/.test(file)) return { kind: 'external' };
    }
    return { kind: 'module', file };
  }

  /**
   * The platform files (`./x` → `x.ios.tsx`, `x.android.tsx`) an import of a React Native package
   * names, besides `resolved`, what the compiler found for it (`x.tsx`; for a relative import,
   * nothing when only platform files exist).
   */
  platformFiles(specifier: string, from: string, resolved: string | undefined): string[] {
    if (!this.hasReactNative || (!resolved && !specifier.startsWith('.')) || !packageOf(this.packages, from)?.dependencies.has('react-native')) return [];
    const named = joinPosix(posix.dirname(from), specifier);
    const stems = resolved ? [resolved.replace(PLATFORM_FILE, '')] : [named, `${named}/index`];
    const found: string[] = [];
    for (const stem of stems) {
      for (const suffix of PLATFORM_FILE_SUFFIXES) {
        const file = stem + suffix;
        if (file !== resolved && this.fs.kind(this.paths.absolute(file)) === 'file') found.push(file);
      }
    }
    return found;
  }

  /** `packages/ui/dist/button.d.ts` → `packages/ui/src/button.tsx` (or `…/button/index.tsx`), when such a file exists. */
  private sourceOf(file: string): string | undefined {
    if (file.startsWith('../')) return undefined;
    const stem = file.replace(/\.d\.[cm]?ts$|\.[cm]?jsx?$/, '');
    const inSource = stem.replace(/(^|\/)(dist|build|lib|out)\//, '$1src/');
    const candidates = [inSource, stem, `${inSource}/index`];
    for (const candidate of candidates) {
      for (const extension of SOURCE_EXTENSIONS) {
        if (this.fs.kind(this.paths.absolute(candidate + extension)) === 'file') return candidate + extension;
      }
    }
    return undefined;
  }

  private existing(file: string, specifier: string): Resolution {
    return this.fs.kind(this.paths.absolute(file)) === 'file' ? { kind: 'module', file } : { kind: 'unresolved', reason: `cannot resolve "${specifier}"` };
  }

  /** The module a root-relative path names (a package.json entry point): itself, its source, or undefined. */
  moduleAt(target: string): string | undefined {
    const found = this.resolveWithin(target, '__root__.js');
    return found?.kind === 'module' ? found.file : undefined;
  }

  /** Resolves `target` (root-relative, extension optional, maybe a folder) as the compiler would a relative import. */
  private resolveWithin(target: string, from: string): Resolution | undefined {
    if (COMPONENT.test(target)) return this.fs.kind(this.paths.absolute(target)) === 'file' ? { kind: 'module', file: target } : undefined;
    let relative = posix.relative(posix.dirname(from), target);
    if (!relative.startsWith('.')) relative = `./${relative}`;
    const absoluteFrom = this.paths.absolute(from);
    const config = this.configFor(from, absoluteFrom);
    const result = this.compilerResolution(relative, absoluteFrom, config);
    if (typeof result === 'string') return { kind: 'unresolved', reason: `cannot resolve "${target}": ${result}` };
    if (result) return this.fromCompiler(result.resolvedFileName);
    const source = this.sourceOf(target);
    return source ? { kind: 'module', file: source } : undefined;
  }

  private bundlerAlias(specifier: string, from: string): Resolution | undefined {
    const owner = this.packages.find(({ dir }) => dir === '' || from.startsWith(`${dir}/`));
    const base = owner?.dir ?? '';
    const lib = /^\$lib(\/.*)?$/.exec(specifier);
    if (lib) return this.resolveWithin(joinPosix(base, `src/lib${lib[1] ?? ''}`), from);
    const app = /^[~@]\/(.*)$/.exec(specifier);
    if (app) {
      for (const folder of ['src', 'app', '']) {
        const found = this.resolveWithin(joinPosix(base, folder ? `${folder}/${app[1]}` : (app[1] ?? '')), from);
        if (found) return found;
      }
    }
    return undefined;
  }

  private workspacePackage(specifier: string, from: string): Resolution | undefined {
    const parts = specifier.split('/');
    const nameLength = specifier.startsWith('@') ? 2 : 1;
    const info = this.workspace.get(parts.slice(0, nameLength).join('/'));
    if (!info) return undefined;
    const subpath = parts.slice(nameLength).join('/');
    const manifest = info.manifest;
    const candidates = subpath
      ? [...subpathExportTargets(manifest.exports, subpath).slice(0, MAX_ENTRY_TARGETS), subpath, `src/${subpath}`]
      : [...exportTargets(rootExport(manifest.exports)).slice(0, MAX_ENTRY_TARGETS), manifest.module, manifest.main, 'src/index', 'index'].filter((value): value is string => typeof value === 'string');
    for (const candidate of candidates) {
      const found = this.resolveWithin(joinPosix(info.dir, candidate), from);
      if (found?.kind === 'module') return found;
    }
    return { kind: 'unresolved', reason: `cannot resolve workspace package "${specifier}"` };
  }

  /** The targets of every tsconfig `paths` pattern `specifier` matches. */
  private pathAliasTargets(specifier: string, config: ProgramConfig): string[] {
    return Object.entries(config.options.paths ?? {}).flatMap(([pattern, targets]) => {
      const star = pattern.indexOf('*');
      const matches = star < 0 ? pattern === specifier : specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1));
      return matches ? targets : [];
    });
  }
}
