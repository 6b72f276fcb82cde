// The compiler options each module resolves under: every tsconfig.json / jsconfig.json in the
// repository, parsed by the compiler itself (so `extends`, `paths` and `baseUrl` mean what they mean
// to tsc), or defaults covering JS/JSX/TS/TSX where a module has none.
import picomatch from 'picomatch';
import { FRAMEWORK_BUILDS } from '../frameworks.js';
import { dirnamePosix, isOutsideSource, type RootPaths } from './paths.js';
import type { PackageInfo } from './packages.js';
import type { Problem } from './types.js';
import { withWorkspaceModules } from './workspace-modules.js';
import { readResolutionText } from './read.js';
import type { Ts, TypeScript } from './typescript.js';

export interface ProgramConfig {
  /** Root-relative config file, undefined for the defaults. */
  file?: string;
  dir: string;
  options: TypeScript.CompilerOptions;
  /** `files: []` with references only: it names no options of its own. */
  solutionStyle: boolean;
  /** Whether the config includes the absolute path (its file list is read on first use only). */
  includes(absolute: string): boolean;
  /** The compiler's resolution cache, shared by every module under this config. */
  cache: TypeScript.ModuleResolutionCache;
}

const CONFIG_FILE = /(^|\/)(tsconfig(\.[\w.-]+)?|jsconfig)\.json$/;
/** Config diagnostics that do not change resolution: "no inputs found", deprecated or removed options. */
const IGNORED_DIAGNOSTICS = new Set([18003, 5101, 5102, 5107, 5108, 5110]);
/** "Cannot read file '{0}'." and "File '{0}' not found.": a config `extends` names one that is not there. */
const MISSING_FILE_READ = 5083;
const MISSING_FILE = 6053;

function graphOptions(ts: Ts, options: TypeScript.CompilerOptions): TypeScript.CompilerOptions {
  const resolution = options.moduleResolution;
  const keepsResolution =
    resolution === ts.ModuleResolutionKind.Bundler ||
    resolution === ts.ModuleResolutionKind.Node16 ||
    resolution === ts.ModuleResolutionKind.NodeNext;
  return {
    ...options,
    // JS modules ship too, and bundlers resolve like `bundler` when a config names no modern mode.
    allowJs: true,
    resolveJsonModule: true,
    noEmit: true,
    ...(keepsResolution ? {} : { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext }),
  };
}

export function defaultOptions(ts: Ts): TypeScript.CompilerOptions {
  return graphOptions(ts, { target: ts.ScriptTarget.ESNext, jsx: ts.JsxEmit.Preserve });
}

/** Names in one folder, as the compiler's file matcher asks for them. */
interface FolderEntries {
  files: string[];
  directories: string[];
}

/** The compiler's include/exclude matcher: internal, so typed here; absent, no config lists a file. */
type MatchFiles = (
  path: string,
  extensions: readonly string[] | undefined,
  excludes: readonly string[] | undefined,
  includes: readonly string[] | undefined,
  useCaseSensitiveFileNames: boolean,
  currentDirectory: string,
  depth: number | undefined,
  getFileSystemEntries: (path: string) => FolderEntries,
  realpath: (path: string) => string,
) => string[];

/** The discovered files as folders, keyed by absolute POSIX path: what a config may list. */
function discoveredFolders(paths: RootPaths, files: readonly string[]): Map<string, FolderEntries> {
  const root = paths.absolute('');
  const folders = new Map<string, FolderEntries>([[root, { files: [], directories: [] }]]);
  for (const file of files) {
    const names = file.split('/');
    const name = names.pop() as string;
    let dir = root;
    for (const folder of names) {
      const child = dir === '/' ? `/${folder}` : `${dir}/${folder}`;
      if (!folders.has(child)) {
        folders.get(dir)?.directories.push(folder);
        folders.set(child, { files: [], directories: [] });
      }
      dir = child;
    }
    folders.get(dir)?.files.push(name);
  }
  return folders;
}

/**
 * A config's file list, matched over the files the scan discovered rather than the disk: the
 * compiler's own walk follows links and goes wherever `include` points (an absolute or `../`
 * pattern, a link to `/`), which can be the whole machine. Nothing outside the tree is listed.
 */
function listedFiles(ts: Ts, paths: RootPaths, files: readonly string[]): TypeScript.ParseConfigFileHost['readDirectory'] {
  const matchFiles = (ts as unknown as { matchFiles?: MatchFiles }).matchFiles;
  const none: FolderEntries = { files: [], directories: [] };
  let folders: Map<string, FolderEntries> | undefined;
  return (rootDir, extensions, excludes, includes, depth) => {
    if (typeof matchFiles !== 'function') return [];
    folders ??= discoveredFolders(paths, files);
    const entriesOf = (path: string) => folders?.get(paths.absolute(path)) ?? none;
    return matchFiles(rootDir, extensions, excludes, includes, ts.sys.useCaseSensitiveFileNames, paths.root, depth, entriesOf, (path) => path);
  };
}

const isGeneratedConfig = picomatch(
  FRAMEWORK_BUILDS.flatMap(({ generatedConfigs }) => generatedConfigs ?? []).map((glob) => `**/${glob}`),
  { dot: true },
);

/** "Cannot read file '…/.nuxt/tsconfig.json'": a config its framework generates, absent from a checkout. */
function namesGeneratedConfig(ts: Ts, paths: RootPaths, error: TypeScript.Diagnostic): boolean {
  if (error.code !== MISSING_FILE_READ && error.code !== MISSING_FILE) return false;
  const named = /'([^']+)'/.exec(ts.flattenDiagnosticMessageText(error.messageText, ' '))?.[1];
  const path = named === undefined ? undefined : paths.relative(named);
  return path !== undefined && isGeneratedConfig(path);
}

export function loadConfigs(ts: Ts, paths: RootPaths, files: readonly string[], packages: readonly PackageInfo[], problems: Problem[]): ProgramConfig[] {
  const configs: ProgramConfig[] = [];
  // A config may extend one of the repository's own packages by name, installed or not.
  const host: TypeScript.ParseConfigFileHost = withWorkspaceModules(
    {
      ...ts.sys,
      useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
      readFile: readResolutionText,
      readDirectory: listedFiles(ts, paths, files),
      getCurrentDirectory: () => paths.root,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
    paths,
    packages,
  );
  // Options first, without listing the files a config includes: that walks folders, and only
  // modules under more than one config need it.
  const optionsOnly: TypeScript.ParseConfigFileHost = { ...host, readDirectory: () => [] };
  for (const file of files) {
    if (!CONFIG_FILE.test(file) || isOutsideSource(file)) continue;
    const absolute = paths.absolute(file);
    let parsed: TypeScript.ParsedCommandLine | undefined;
    try {
      parsed = ts.getParsedCommandLineOfConfigFile(absolute, {}, optionsOnly);
    } catch (error) {
      problems.push({ file, reason: `tsconfig not parsed: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    if (!parsed) {
      problems.push({ file, reason: 'tsconfig not parsed' });
      continue;
    }
    const errors = parsed.errors.filter((error) => error.category === ts.DiagnosticCategory.Error && !IGNORED_DIAGNOSTICS.has(error.code) && !namesGeneratedConfig(ts, paths, error));
    for (const error of errors.slice(0, 3)) {
      problems.push({ file, reason: `tsconfig: ${ts.flattenDiagnosticMessageText(error.messageText, ' ')}` });
    }
    const raw = (parsed.raw ?? {}) as { files?: unknown; include?: unknown };
    let fileNames: Set<string> | undefined;
    const options = graphOptions(ts, parsed.options);
    configs.push({
      file,
      dir: dirnamePosix(file),
      options,
      solutionStyle: Array.isArray(raw.files) && raw.files.length === 0 && raw.include === undefined,
      includes: (path) => {
        fileNames ??= new Set(ts.getParsedCommandLineOfConfigFile(absolute, {}, host)?.fileNames ?? []);
        return fileNames.has(path);
      },
      cache: ts.createModuleResolutionCache(paths.root, (name) => name, options),
    });
  }
  return configs.sort((a, b) => b.dir.length - a.dir.length);
}

/**
 * The config a module resolves under, among the configs in folders above it: the one alone in the
 * deepest such folder; else, when several compete (Vite's tsconfig.app.json beside
 * tsconfig.node.json), the deepest that includes it; else the deepest that is not solution-style
 * (`files: []` names no options); else the defaults.
 */
export function configFinder(configs: readonly ProgramConfig[], fallback: ProgramConfig): (file: string, absolute: string) => ProgramConfig {
  const byDir = new Map<string, readonly ProgramConfig[]>();
  return (file, absolute) => {
    const dir = dirnamePosix(file);
    let candidates = byDir.get(dir);
    if (!candidates) {
      candidates = configs.filter((config) => config.dir === '' || dir === config.dir || dir.startsWith(`${config.dir}/`));
      byDir.set(dir, candidates);
    }
    const first = candidates[0];
    if (!first) return fallback;
    const alone = candidates.length === 1 || (candidates[1]?.dir !== first.dir && !first.solutionStyle);
    if (alone && !first.solutionStyle) return first;
    return candidates.find((config) => config.includes(absolute)) ?? candidates.find((config) => !config.solutionStyle) ?? fallback;
  };
}
