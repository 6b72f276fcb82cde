/**
 * A V8 code cache for the CommonJS code that loading the module graph compiles. TypeScript (inside
 * ts-morph) is 9 MB of JavaScript, and compiling it is half of what loading it costs. Node 22's
 * `module.enableCompileCache()` keeps such a cache; Node 20 has none, so this stands in: while
 * `load` runs, each CommonJS file under node_modules compiles with the data its last compile left,
 * found by a hash of its path and content (a name, not a defence). V8 checks the data against its own version and flags,
 * and compiles afresh when they differ.
 *
 * Cached data is code, so it is read only from a folder of this user's that no one else can
 * write to: `engium-scan/v8-<node version>-<arch>` in XDG_CACHE_HOME or ~/.cache. Anything amiss
 * (no home, a full disk, a folder shared with others) only means a slower load, never a failure.
 * ENGIUM_NO_CODE_CACHE=1 turns it off.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import vm from 'node:vm';
import { isPrivateToUser, readRegularFile } from './safe-read.js';

type Compile = (this: Module, content: string, filename: string) => unknown;
type CompiledModule = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => unknown;

/** Node's CommonJS compile step, which the hook wraps while a load runs. */
const compilePrototype = Module.prototype as unknown as { _compile: Compile };

/** Cached data larger than this is not read: TypeScript's is about 3 MB. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** The cache folder, created private if missing; undefined when there is none fit to trust. */
function cacheFolder(): string | undefined {
  if (process.env.ENGIUM_NO_CODE_CACHE) return undefined;
  try {
    const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
    const parent = join(base, 'engium-scan');
    const folder = join(parent, `v8-${process.version}-${process.arch}`);
    // Each folder is checked before anything is made or read inside it.
    for (const path of [parent, folder]) {
      mkdirSync(path, { recursive: true, mode: 0o700 });
      const stats = lstatSync(path);
      if (!stats.isDirectory() || !isPrivateToUser(stats)) return undefined;
    }
    return folder;
  } catch {
    return undefined;
  }
}

function readCachedData(path: string): Buffer | undefined {
  try {
    return readRegularFile(path, { noFollow: true, privateToUser: true, maxBytes: MAX_CACHE_BYTES });
  } catch {
    return undefined;
  }
}

/** Scripts compiled without usable cached data: their data is written by saveCodeCache(). */
const unsaved: { script: vm.Script; path: string }[] = [];

/** Files compiled with cached data V8 took, and without: what a test or a curious user can check. */
export const codeCacheUse = { cached: 0, compiled: 0 };

/**
 * Runs `load` (an import of a CommonJS package) with the code cache. The hook is Node's own
 * compile step wrapped for the length of the call, so only what `load` compiles goes through it.
 */
export async function withCodeCache<T>(load: () => Promise<T>): Promise<T> {
  const folder = cacheFolder();
  if (!folder) return load();
  const original = compilePrototype._compile;
  compilePrototype._compile = function compileWithCache(this: Module, content: string, filename: string): unknown {
    // Only dependencies (our own code is small), and not a script with a hashbang, which only parses at a file's start.
    if (!filename.includes(`${sep}node_modules${sep}`) || content.startsWith('#!')) return original.call(this, content, filename);
    const path = join(folder, `${createHash('sha1').update(filename).update('\0').update(content).digest('hex')}.v8`);
    const cachedData = readCachedData(path);
    const script = new vm.Script(Module.wrap(content), {
      filename,
      ...(cachedData ? { cachedData } : {}),
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    if (!cachedData || script.cachedDataRejected) {
      unsaved.push({ script, path });
      codeCacheUse.compiled++;
    } else codeCacheUse.cached++;
    const compiled = script.runInThisContext({ displayErrors: true }) as CompiledModule;
    return compiled.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };
  try {
    return await load();
  } finally {
    compilePrototype._compile = original;
  }
}

/**
 * Writes the cached data of what compiled without it. Called once the loaded code has run a while:
 * the data then holds the functions compiled meanwhile (the parser), not only the top level.
 */
export function saveCodeCache(): void {
  for (const { script, path } of unsaved.splice(0)) {
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      writeFileSync(temporary, script.createCachedData(), { flag: 'wx', mode: 0o600 });
      renameSync(temporary, path);
    } catch {
      rmSync(temporary, { force: true });
    }
  }
}
