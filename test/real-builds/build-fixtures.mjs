#!/usr/bin/env node
// Builds the fixture apps in ./fixtures with the real bundlers (pinned in ./package.json) into a
// gitignored cache, so tests can scan what real builds ship. Plain JavaScript, so it also runs from
// the command line: `node test/real-builds/build-fixtures.mjs [app …]`.
//
// Layout of the cache (REPO/.cache/real-builds, or $ENGIUM_REAL_BUILDS_CACHE):
//   tools/node_modules/      the bundlers, installed once per lockfile (`npm ci`)
//   apps/<build>-<hash>/     one materialised app per build, keys written in, then built
// A build is reused while its fixture files, its build settings and the lockfile are unchanged.
// Builds run one at a time across test processes (a lock folder), since two cores are all there is.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeKeyFor } from '../support/fake-key.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
export const CACHE_DIR = process.env.ENGIUM_REAL_BUILDS_CACHE ?? join(repoRoot, '.cache/real-builds');
const TOOLS_DIR = join(CACHE_DIR, 'tools');

/**
 * Every build: which fixture it materialises, the environment its build script sees (`script`,
 * else `build.mjs`), and the keys planted in it (a placeholder `%KEY:<role>%` in any fixture file
 * becomes the role's key).
 * Seeds are fixed so a build's keys, and so its cache, are stable.
 */
export const BUILDS = {
  'next-turbopack': { fixture: 'next', env: {}, seed: 100 },
  'next-webpack': { fixture: 'next', env: { ENGIUM_BUNDLER: 'webpack' }, seed: 100 },
  vite: { fixture: 'vite', env: {}, seed: 200 },
  'sveltekit-node': { fixture: 'sveltekit-node', env: {}, seed: 300 },
  astro: { fixture: 'astro', env: {}, seed: 400 },
  'webpack-lib': { fixture: 'webpack-lib', env: {}, seed: 500 },
  // webpack's eval devtools: each module's code in an eval("…") string, with its own inline map or none.
  'webpack-eval-source-map': { fixture: 'webpack-lib', env: { ENGIUM_WEBPACK_DEVTOOL: 'eval-source-map', ENGIUM_WEBPACK_MODE: 'development' }, seed: 500 },
  'webpack-eval': { fixture: 'webpack-lib', env: { ENGIUM_WEBPACK_DEVTOOL: 'eval' }, seed: 500 },
  // With trusted types (Next.js's dev builds), each string goes through __webpack_require__.ts first.
  'webpack-eval-trusted-types': { fixture: 'webpack-lib', env: { ENGIUM_WEBPACK_DEVTOOL: 'eval-source-map', ENGIUM_WEBPACK_MODE: 'development', ENGIUM_WEBPACK_TRUSTED_TYPES: 'nextjs#bundler' }, seed: 500 },
  'rollup-lib': { fixture: 'rollup-lib', env: {}, seed: 600 },
  'rollup-lib-cdn-maps': { fixture: 'rollup-lib', env: { ENGIUM_SOURCEMAP_BASE_URL: 'https://cdn.example.com/engium-badge/' }, seed: 600 },
  esbuild: { fixture: 'esbuild', env: {}, seed: 700 },
  rspack: { fixture: 'rspack', env: {}, seed: 800 },
  'webpack-app': { fixture: 'webpack-app', env: {}, seed: 1300 },
  'esbuild-cli': { fixture: 'esbuild-cli', env: {}, seed: 900 },
  // Built by the project's own script, under a name no bundler convention knows.
  'esbuild-script': { fixture: 'esbuild-script', env: {}, seed: 1000, script: 'tools/bundle.mjs' },
  nuxt: { fixture: 'nuxt', env: {}, seed: 1400 },
  'react-router': { fixture: 'react-router', env: {}, seed: 1500 },
  // React Router's default: no source maps, so nothing but the server build holds what loaders and actions use.
  'react-router-no-maps': { fixture: 'react-router', env: { ENGIUM_SOURCEMAP: 'off' }, seed: 1500 },
  parcel: { fixture: 'parcel', env: {}, seed: 1600 },
  // package.json `targets`: a page, a script-tag widget and a Node server, each into dist/<target>.
  'parcel-targets': { fixture: 'parcel-targets', env: {}, seed: 1700 },
};

const PLACEHOLDER = /%KEY:([a-z-]+)%/g;

/** The role's key: live keys, but for roles ending in `-test`. Deterministic per build seed and role, distinct across both. */
export function plantedKey(build, role) {
  return fakeKeyFor(role.endsWith('-test') ? 'test' : 'live', `real-build ${BUILDS[build].seed}/${role}`);
}

function filesOf(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesOf(path, base) : [relative(base, path)];
  }).sort();
}

function hashOf(parts) {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 12);
}

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}) in ${options.cwd}:\n${output}`);
  }
  return result;
}

/** Waits for and takes a lock folder; a lock older than 15 minutes is from a dead process. */
function withLock(name, work) {
  mkdirSync(CACHE_DIR, { recursive: true });
  const lock = join(CACHE_DIR, `${name}.lock`);
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`, { cause: error });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function lockfileHash() {
  return hashOf([readFileSync(join(here, 'package.json'), 'utf8'), readFileSync(join(here, 'package-lock.json'), 'utf8'), process.version]);
}

/** Installs the pinned bundlers into the cache once per lockfile. */
export function installTools() {
  const marker = join(TOOLS_DIR, `installed-${lockfileHash()}`);
  if (existsSync(marker)) return;
  withLock('install', () => {
    if (existsSync(marker)) return;
    rmSync(TOOLS_DIR, { recursive: true, force: true });
    mkdirSync(TOOLS_DIR, { recursive: true });
    for (const name of ['package.json', 'package-lock.json']) cpSync(join(here, name), join(TOOLS_DIR, name));
    run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: TOOLS_DIR });
    writeFileSync(marker, new Date().toISOString());
  });
}

/**
 * Materialises and builds one app (or returns the cached build): the app's root folder and the
 * keys planted in it, by role.
 */
export function realBuild(build) {
  const spec = BUILDS[build];
  if (!spec) throw new Error(`unknown real build ${build}; known: ${Object.keys(BUILDS).join(', ')}`);
  installTools();
  const fixtureDir = join(here, 'fixtures', spec.fixture);
  const files = filesOf(fixtureDir);
  const keys = {};
  for (const file of files) {
    for (const match of readFileSync(join(fixtureDir, file), 'utf8').matchAll(PLACEHOLDER)) keys[match[1]] = plantedKey(build, match[1]);
  }
  // The keys are in the hash: a build made with other keys is another build.
  const hash = hashOf([lockfileHash(), JSON.stringify(spec), JSON.stringify(keys), ...files.flatMap((file) => [file, readFileSync(join(fixtureDir, file), 'latin1')])]);
  const root = join(CACHE_DIR, 'apps', `${build}-${hash}`);
  if (!existsSync(join(root, '.built'))) {
    withLock(`build-${build}`, () => {
      if (existsSync(join(root, '.built'))) return;
      // Built where it stays: bundlers write absolute paths into their output.
      rmSync(root, { recursive: true, force: true });
      for (const file of files) {
        const target = join(root, file);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, readFileSync(join(fixtureDir, file), 'utf8').replace(PLACEHOLDER, (_, role) => keys[role]));
      }
      // Bundlers resolve packages from the app's own node_modules, as in a real project: a tree
      // of hard links (Turbopack refuses packages outside its root, so a symlink will not do).
      run('cp', ['-al', join(TOOLS_DIR, 'node_modules'), join(root, 'node_modules')], { cwd: root });
      try {
        run(process.execPath, [spec.script ?? 'build.mjs'], {
          cwd: root,
          env: { ...process.env, ...spec.env, NEXT_TELEMETRY_DISABLED: '1', ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', CI: '1' },
        });
      } catch (error) {
        rmSync(root, { recursive: true, force: true });
        throw error;
      }
      // Built apps are scanned, not run: their node_modules would only make the scanner walk the bundlers.
      rmSync(join(root, 'node_modules'), { recursive: true, force: true });
      writeFileSync(join(root, '.built'), new Date().toISOString());
    });
  }
  return { build, root, keys };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const build of process.argv.length > 2 ? process.argv.slice(2) : Object.keys(BUILDS)) {
    const started = Date.now();
    const { root } = realBuild(build);
    console.log(`${build}: ${root} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}
