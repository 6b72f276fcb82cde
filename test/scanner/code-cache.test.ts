// The V8 code cache that makes loading ts-morph cheaper (Node 20 has no compile cache of its own):
// written once, used after, and never read from a folder that others could write to.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir, writeFiles } from '../support/index.js';

const DIST = join(REPO_ROOT, 'packages/scanner/dist');

/** Loads TypeScript the way the module graph does, in a fresh process with its own cache home. */
function load(cacheHome: string, env: NodeJS.ProcessEnv = {}): { cached: number; compiled: number; readAsAscii: number; version: string } {
  const script = [
    `const { loadTypeScript } = await import(${JSON.stringify(join(DIST, 'graph/typescript.js'))});`,
    `const { codeCacheUse, saveCodeCache } = await import(${JSON.stringify(join(DIST, 'code-cache.js'))});`,
    `const ts = await loadTypeScript();`,
    `ts.createSourceFile('a.ts', 'export const a: number = 1;', ts.ScriptTarget.Latest, true);`,
    `saveCodeCache();`,
    `console.log(JSON.stringify({ ...codeCacheUse, version: ts.version }));`,
  ].join('\n');
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome, ENGIUM_NO_CODE_CACHE: '', ...env } });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as { cached: number; compiled: number; readAsAscii: number; version: string };
}

const cacheFiles = (cacheHome: string): string[] => {
  const parent = join(cacheHome, 'engium-scan');
  if (!existsSync(parent)) return [];
  return readdirSync(parent).flatMap((folder) => readdirSync(join(parent, folder)).map((name) => join(parent, folder, name)));
};

describe('the code cache for ts-morph', () => {
  it('is written by the first load, private to this user, and used by the next', () => {
    const home = tempDir('engium-code-cache-');
    const first = load(home);
    expect(first.cached).toBe(0);
    expect(first.compiled).toBeGreaterThanOrEqual(1);
    // TypeScript is ASCII: read as bytes, not decoded as UTF-8.
    expect(first.readAsAscii).toBeGreaterThanOrEqual(1);
    const files = cacheFiles(home);
    expect(files.length).toBe(first.compiled);
    for (const file of files) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'engium-scan')).mode & 0o777).toBe(0o700);

    const second = load(home);
    expect(second).toEqual({ cached: first.compiled, compiled: 0, readAsAscii: first.readAsAscii, version: first.version });
  });

  it('compiles afresh, and rewrites, a cache file V8 rejects', () => {
    const home = tempDir('engium-code-cache-');
    load(home);
    for (const file of cacheFiles(home)) writeFileSync(file, 'not V8 code cache data');
    const damaged = load(home);
    expect(damaged.cached).toBe(0);
    expect(load(home).compiled).toBe(0);
  });

  it('never reads or writes a folder that others can write to, nor when turned off', () => {
    const shared = tempDir('engium-code-cache-');
    mkdirSync(join(shared, 'engium-scan'));
    chmodSync(join(shared, 'engium-scan'), 0o777);
    const open = load(shared);
    expect(open).toMatchObject({ cached: 0, compiled: 0 });
    expect(cacheFiles(shared)).toEqual([]);

    const off = tempDir('engium-code-cache-');
    expect(load(off, { ENGIUM_NO_CODE_CACHE: '1' })).toMatchObject({ cached: 0, compiled: 0 });
    expect(existsSync(join(off, 'engium-scan'))).toBe(false);
  });

  it('reads ASCII CommonJS as bytes, and leaves UTF-8, BOM, hashbang and ES module files to Node, with the same results', () => {
    const project = tempDir('engium-code-cache-project-');
    writeFiles(project, {
      'node_modules/plain/package.json': '{"name":"plain"}',
      'node_modules/plain/index.js': "exports.text = 'plain ascii'; exports.dir = __dirname; exports.other = require('utf8');",
      'node_modules/utf8/package.json': '{"name":"utf8"}',
      'node_modules/utf8/index.js': "module.exports = { text: 'café ☕', bom: require('./bom.js'), bang: require('./bang.js') };",
      'node_modules/utf8/bom.js': "\uFEFFmodule.exports = 'after a BOM';",
      'node_modules/utf8/bang.js': "#!/usr/bin/env node\nmodule.exports = 'after a hashbang';",
      'node_modules/esm/package.json': '{"name":"esm","type":"module"}',
      'node_modules/esm/index.js': "export const text = 'an ES module';",
      // What Node's own loader decides from package.json: a BOM before it, no type (syntax detected), a declared commonjs, a broken one.
      'node_modules/bom-esm/package.json': '\uFEFF{"name":"bom-esm","type":"module"}',
      'node_modules/bom-esm/index.js': "export const text = 'an ES module behind a BOM';",
      'node_modules/untyped-esm/package.json': '{"name":"untyped-esm"}',
      'node_modules/untyped-esm/index.js': "export const text = 'an ES module by its syntax';",
      'node_modules/declared-cjs/package.json': '{"name":"declared-cjs","type":"commonjs"}',
      'node_modules/declared-cjs/index.js': "export const text = 'ES syntax in a CommonJS package';",
      'node_modules/broken/package.json': '{"name":',
      'node_modules/broken/index.js': "exports.text = 'beside a broken package.json';",
    });
    const script = (cached: boolean) =>
      [
        `import { createRequire } from 'node:module';`,
        `const { withCodeCache, codeCacheUse, saveCodeCache } = await import(${JSON.stringify(join(DIST, 'code-cache.js'))});`,
        `const require = createRequire(${JSON.stringify(join(project, 'main.js'))});`,
        `const attempt = (name) => { try { return require(name).text; } catch (error) { return error.code ?? error.name; } };`,
        `const load = async () => ({ ...require('plain'), ...Object.fromEntries(['esm', 'bom-esm', 'untyped-esm', 'declared-cjs', 'broken'].map((name) => [name, attempt(name)])) });`,
        `const result = ${cached ? 'await withCodeCache(load)' : 'await load()'};`,
        `saveCodeCache();`,
        `console.log(JSON.stringify({ result, use: codeCacheUse }));`,
      ].join('\n');
    const run = (cached: boolean, home: string) => {
      const result = spawnSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', script(cached)], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: home, ENGIUM_NO_CODE_CACHE: '' } });
      expect(result.stderr).toBe('');
      return JSON.parse(result.stdout) as { result: Record<string, unknown>; use: { cached: number; compiled: number; readAsAscii: number } };
    };
    const home = tempDir('engium-code-cache-');
    const plain = run(false, home);
    expect(plain.result).toMatchObject({ text: 'plain ascii', other: { text: 'café ☕', bom: 'after a BOM', bang: 'after a hashbang' }, esm: 'an ES module' });
    const first = run(true, home);
    expect(first.result).toEqual(plain.result);
    // plain/index.js, utf8/index.js and bom.js compile through the cache; the hashbang file does not,
    // nor do the ES modules. The ASCII files of packages that declare no type or commonjs are read
    // as bytes: plain, untyped-esm and declared-cjs.
    expect(first.use).toEqual({ cached: 0, compiled: 3, readAsAscii: 3 });
    const second = run(true, home);
    expect(second.result).toEqual(plain.result);
    expect(second.use).toEqual({ cached: 3, compiled: 0, readAsAscii: 3 });
  });
});
