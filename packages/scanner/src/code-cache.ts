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
 *
 * The same load reads an ASCII CommonJS file as bytes rather than as UTF-8 (see readAsciiCommonJs),
 * with the cache or without it.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import vm from 'node:vm';
import { isPrivateToUser, readRegularFile } from './safe-read.js';

type Compile = (this: Module, content: string, filename: string, format?: string) => unknown;
type CompiledModule = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => unknown;

/** Node's CommonJS compile step, which the hook wraps while a load runs. */
const compilePrototype = Module.prototype as unknown as { _compile: Compile };

type LoadFile = (module: Module, filename: string) => void;
/** Node's CommonJS loaders by file ending: the `.js` one reads the file, then compiles it. */
const loaders = (Module as unknown as { _extensions: Record<string, LoadFile> })._extensions;

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

/** Files compiled with cached data V8 took, and without, and files read as ASCII: what a test or a curious user can check. */
export const codeCacheUse = { cached: 0, compiled: 0, readAsAscii: 0 };

/** File system errors that mean "no package.json here": the search goes on up. */
const NO_MANIFEST = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/**
 * The `type` of the package a file belongs to (the nearest package.json's), as Node decides a `.js`
 * file's kind: `undefined` when no package.json says, `unknown` when one cannot be read or parsed
 * (Node's own loader then has its say).
 */
function packageTypeOf(filename: string): string | undefined {
  for (let dir = dirname(filename); !dir.endsWith(`${sep}node_modules`); dir = dirname(dir)) {
    let text: string;
    try {
      text = readFileSync(join(dir, 'package.json'), 'utf8');
    } catch (error) {
      if (!NO_MANIFEST.has((error as NodeJS.ErrnoException).code ?? '')) return 'unknown';
      if (dirname(dir) === dir) return undefined;
      continue;
    }
    try {
      const manifest = JSON.parse(text.replace(/^\uFEFF/, '')) as { type?: unknown } | null;
      if (manifest === null || typeof manifest !== 'object') return 'unknown';
      return typeof manifest.type === 'string' ? manifest.type : undefined;
    } catch {
      return 'unknown';
    }
  }
  return undefined;
}

/** Cache file names of the files read as bytes, by file name: their hash is taken on the bytes. */
const hashedOnRead = new Map<string, string>();

const cacheName = (filename: string, content: string | Buffer) => `${createHash('sha1').update(filename).update('\0').update(content).digest('hex')}.v8`;

/**
 * Node reads a CommonJS file as UTF-8, which costs TypeScript's 9 MB a seventh of a second here.
 * An ASCII file (TypeScript is one) reads as Latin-1 to the same text, for a third of that, and
 * hashes faster as bytes. It is compiled with the format Node would give it (`commonjs` from a
 * package.json that says so, else none, for Node to detect). Anything else goes Node's way.
 */
function readAsciiCommonJs(filename: string, cached: boolean): { content: string; format?: 'commonjs'; name?: string } | undefined {
  if (!filename.endsWith('.js') || !filename.includes(`${sep}node_modules${sep}`)) return undefined;
  const type = packageTypeOf(filename);
  if (type !== undefined && type !== 'commonjs') return undefined;
  const bytes = readFileSync(filename);
  // A BOM, a hashbang or any non-ASCII byte: Node's reader handles those.
  if (!isAscii(bytes) || (bytes[0] === 0x23 && bytes[1] === 0x21)) return undefined;
  return { content: bytes.toString('latin1'), ...(type ? { format: type } : {}), ...(cached ? { name: cacheName(filename, bytes) } : {}) };
}

/**
 * Runs `load` (an import of a CommonJS package) with the code cache and the ASCII read. The hooks
 * are Node's own read and compile steps wrapped for the length of the call, so only what `load`
 * loads goes through them.
 */
export async function withCodeCache<T>(load: () => Promise<T>): Promise<T> {
  const folder = cacheFolder();
  const compile = compilePrototype._compile;
  const loadJs = loaders['.js'] as LoadFile;
  loaders['.js'] = function loadAsciiFast(module: Module, filename: string): void {
    const read = readAsciiCommonJs(filename, folder !== undefined);
    if (!read) return loadJs(module, filename);
    codeCacheUse.readAsAscii++;
    if (read.name) hashedOnRead.set(filename, read.name);
    try {
      (module as Module & { _compile: Compile })._compile(read.content, filename, read.format);
    } finally {
      hashedOnRead.delete(filename);
    }
  };
  if (folder) compilePrototype._compile = compilingWithCache(folder, compile);
  try {
    return await load();
  } finally {
    compilePrototype._compile = compile;
    loaders['.js'] = loadJs;
  }
}

/** Node's compile step `compile`, wrapped to compile dependencies with the data cached in `folder`. */
function compilingWithCache(folder: string, compile: Compile): Compile {
  return function compileWithCache(this: Module, content: string, filename: string, format?: string): unknown {
    // Only dependencies' CommonJS (our own code is small; Node 20.19 requires ES modules through
    // here too, with a format), and not a script with a hashbang, which only parses at a file's start.
    const commonJs = format === undefined || format === 'commonjs';
    if (!commonJs || !filename.includes(`${sep}node_modules${sep}`) || content.startsWith('#!')) return compile.call(this, content, filename, format);
    const path = join(folder, hashedOnRead.get(filename) ?? cacheName(filename, content));
    const cachedData = readCachedData(path);
    let script: vm.Script;
    try {
      script = new vm.Script(Module.wrap(content), {
        filename,
        ...(cachedData ? { cachedData } : {}),
        importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      });
    } catch (error) {
      // A file of no declared format that is not CommonJS: Node detects an ES module's syntax.
      if (format === undefined && error instanceof SyntaxError) return compile.call(this, content, filename, format);
      throw error;
    }
    if (!cachedData || script.cachedDataRejected) {
      unsaved.push({ script, path });
      codeCacheUse.compiled++;
    } else codeCacheUse.cached++;
    const compiled = script.runInThisContext({ displayErrors: true }) as CompiledModule;
    return compiled.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };
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
