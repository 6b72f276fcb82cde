// The compiler options each module resolves under: every tsconfig.json / jsconfig.json in the
// repository, parsed by the compiler itself (so `extends`, `paths` and `baseUrl` mean what they mean
// to tsc), or defaults covering JS/JSX/TS/TSX where a module has none.
import { dirnamePosix, isOutsideSource, type RootPaths } from './paths.js';
import type { Problem } from './problems.js';
import type { Ts, TypeScript } from './typescript.js';

export interface ProgramConfig {
  /** Root-relative config file, undefined for the defaults. */
  file?: string;
  dir: string;
  options: TypeScript.CompilerOptions;
  /** Absolute paths of the files the config includes. */
  fileNames: ReadonlySet<string>;
  /** The compiler's resolution cache, shared by every module under this config. */
  cache: TypeScript.ModuleResolutionCache;
}

const CONFIG_FILE = /(^|\/)(tsconfig(\.[\w.-]+)?|jsconfig)\.json$/;
/** Config diagnostics that do not change resolution: "no inputs found", deprecated or removed options. */
const IGNORED_DIAGNOSTICS = new Set([18003, 5101, 5102, 5107, 5108, 5110]);

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

export function loadConfigs(ts: Ts, paths: RootPaths, files: readonly string[], problems: Problem[]): ProgramConfig[] {
  const configs: ProgramConfig[] = [];
  const host: TypeScript.ParseConfigFileHost = {
    ...ts.sys,
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    getCurrentDirectory: () => paths.root,
    onUnRecoverableConfigFileDiagnostic: () => undefined,
  };
  for (const file of files) {
    if (!CONFIG_FILE.test(file) || isOutsideSource(file)) continue;
    let parsed: TypeScript.ParsedCommandLine | undefined;
    try {
      parsed = ts.getParsedCommandLineOfConfigFile(paths.absolute(file), {}, host);
    } catch (error) {
      problems.push({ file, reason: `tsconfig not parsed: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    if (!parsed) {
      problems.push({ file, reason: 'tsconfig not parsed' });
      continue;
    }
    const errors = parsed.errors.filter((error) => error.category === ts.DiagnosticCategory.Error && !IGNORED_DIAGNOSTICS.has(error.code));
    for (const error of errors.slice(0, 3)) {
      problems.push({ file, reason: `tsconfig: ${ts.flattenDiagnosticMessageText(error.messageText, ' ')}` });
    }
    const options = graphOptions(ts, parsed.options);
    configs.push({
      file,
      dir: dirnamePosix(file),
      options,
      fileNames: new Set(parsed.fileNames),
      cache: ts.createModuleResolutionCache(paths.root, (name) => name, options),
    });
  }
  return configs.sort((a, b) => b.dir.length - a.dir.length);
}

/**
 * The config a module resolves under: the deepest config that includes it; else the deepest one in
 * a folder above it that includes anything (solution-style configs with `files: []` name no options);
 * else the defaults.
 */
export function configFinder(configs: readonly ProgramConfig[], fallback: ProgramConfig): (file: string, absolute: string) => ProgramConfig {
  const byDir = new Map<string, ProgramConfig>();
  return (file, absolute) => {
    const including = configs.find((config) => config.fileNames.has(absolute));
    if (including) return including;
    const dir = dirnamePosix(file);
    let found = byDir.get(dir);
    if (!found) {
      found =
        configs.find((config) => (config.dir === '' || dir === config.dir || dir.startsWith(`${config.dir}/`)) && config.fileNames.size > 0) ??
        fallback;
      byDir.set(dir, found);
    }
    return found;
  };
}
