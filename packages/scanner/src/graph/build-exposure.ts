// Exposure of built output, in order: the framework's folder rules (`build-layout.ts`), what the
// package.json publishes to browsers, what a bundler config says it builds for, what the source map
// says the file was built from, and what the bundle's own wrapper shows (UMD, IIFE). No
// TypeScript here: with the module graph the source-map and config steps join in, without it
// (a tree of build output only) the rest still decides.
import { closeSync, existsSync, openSync } from 'node:fs';
import { posix } from 'node:path';
import type { BuildSide } from '../frameworks.js';
import type { BuildLayouts } from './build-layout.js';
import type { ModuleExposure } from './types.js';
import { exportTargets, type PackageInfo } from './packages.js';
import { joinPosix, type RootPaths } from './paths.js';
import { NO_FOLLOW_OPEN_FLAGS } from '../safe-read.js';
import { readUpTo } from '../analyse/read-file.js';

const BUILD_DIR = /^(.*?(?:^|\/)(?:dist|build|out|www|public))\//;

/** Dependencies that make a package a library for browsers, not a Node program. */
export const BROWSER_LIBRARY_DEPENDENCIES = ['react', 'react-dom', 'react-native', 'vue', 'svelte', 'preact', 'solid-js', '@angular/core', 'lit'];

/**
 * The repository paths a mapped source may be. The analyse stage has already read the bundler's
 * scheme (analyse/source-url.ts): what comes here is a path, relative to the root or to the build.
 */
export function normaliseSource(paths: RootPaths, builtFile: string, source: string): string[] {
  const stripped = source.split('?', 1)[0] ?? '';
  const candidates = [stripped.replace(/^(?:\.\/|\.\.\/)+/, ''), posix.normalize(posix.join(posix.dirname(builtFile), stripped))];
  if (posix.isAbsolute(stripped)) {
    const relative = paths.relative(stripped);
    if (relative) candidates.unshift(relative);
  }
  return [...new Set(candidates.filter((candidate) => !candidate.startsWith('..')))];
}

/** An output folder a bundler config builds into, and for which side (webpack `target: 'web'`…). */
export interface ConfigOutput {
  /** Root-relative folder or file. */
  path: string;
  side: BuildSide;
  reason: string;
  /** The framework row whose own description of its builds named it (Parcel's package.json `targets`). */
  by?: string;
}

export interface BuildContext {
  paths: RootPaths;
  packages: readonly PackageInfo[];
  layouts: BuildLayouts;
  /** From the module graph, when it ran: a source module's exposure. */
  exposureOf?(file: string): ModuleExposure;
  isModule?(file: string): boolean;
  /** From the bundler configs' syntax trees, when they were read. */
  configOutputs?: readonly ConfigOutput[];
}

/** package.json fields that hand a file to browsers: CDNs serve `unpkg`/`jsdelivr`, bundlers pick `browser`. */
export function browserTargets(info: PackageInfo): { target: string; field: string }[] {
  const { manifest } = info;
  const found: { target: string; field: string }[] = [];
  const add = (value: unknown, field: string) => {
    if (typeof value === 'string' && !value.startsWith('#')) found.push({ target: joinPosix(info.dir, value), field });
  };
  add(manifest.unpkg, 'unpkg');
  add(manifest.jsdelivr, 'jsdelivr');
  if (typeof manifest.browser === 'string') add(manifest.browser, 'browser');
  else if (manifest.browser && typeof manifest.browser === 'object') for (const value of Object.values(manifest.browser)) add(value, 'browser');
  const conditions = (value: unknown, inBrowser: boolean): void => {
    if (typeof value === 'string') {
      if (inBrowser) add(value, 'exports, browser condition');
    } else if (Array.isArray(value)) {
      for (const item of value) conditions(item, inBrowser);
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) conditions(inner, inBrowser || key === 'browser');
    }
  };
  conditions(manifest.exports, false);
  return found;
}

/** Whether package.json hands any file to browsers (`browser`, `unpkg`, `jsdelivr`, a `browser` export condition). */
export function isBrowserPackage(info: PackageInfo): boolean {
  return browserTargets(info).length > 0;
}

const HEAD_BYTES = 4096;
const IIFE_SCAN_BYTES = 4 * 1024 * 1024;

function readStart(absolutePath: string, bytes: number): string {
  let fd: number | undefined;
  try {
    // Never blocks on a FIFO, never follows a link: a regular built file or nothing.
    fd = openSync(absolutePath, NO_FOLLOW_OPEN_FLAGS);
    const buffer = Buffer.allocUnsafe(bytes);
    return buffer.toString('latin1', 0, readUpTo(fd, buffer));
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The start of the code, after a banner comment and a `"use strict"`. */
function codeStart(text: string): string {
  return text.replace(/^(?:\s+|\/\*[\s\S]*?\*\/|\/\/[^\n]*\n|(['"])use strict\1;?)*/, '').slice(0, 600);
}

/**
 * `umd` for a bundle that registers itself with AMD, CommonJS or a global (a `<script>` tag loads it);
 * `iife` for a self-running function with no `require` or `module.exports` (a Node bundle has them).
 */
export function bundleWrapper(absolutePath: string): 'umd' | 'iife' | undefined {
  const head = codeStart(readStart(absolutePath, HEAD_BYTES));
  if (/\bdefine\.amd\b/.test(head) || /webpackUniversalModuleDefinition/.test(head)) return 'umd';
  if (!/^(?:(?:var|let|const)\s+[\w$]+\s*=\s*)?[!(]\s*(?:\(\s*\)\s*=>|async\s*\(\s*\)\s*=>|function\b)/.test(head)) return undefined;
  const whole = readStart(absolutePath, IIFE_SCAN_BYTES);
  return /\brequire\s*\(|\bmodule\.exports\b|\bexports\.[\w$]+\s*=/.test(whole) ? undefined : 'iife';
}

export function buildExposure(context: BuildContext, file: string, mappedSources: readonly string[]): ModuleExposure {
  const { isModule, exposureOf } = context;
  // What the bundle was built from, when its source map names modules of this program.
  const sources = isModule && exposureOf ? mappedSources.flatMap((source) => normaliseSource(context.paths, file, source).filter((candidate) => isModule(candidate))) : [];
  const exposures = exposureOf ? [...new Set(sources)].map((source) => ({ source, exposure: exposureOf(source) })) : [];
  // The first client source listed: the classify step puts the one the key maps back to first.
  const client = exposures.find(({ exposure }) => exposure.exposure === 'client' && exposure.chain);
  const served = (reason: string, step: string): ModuleExposure => ({ exposure: 'client', reason, chain: client?.exposure.chain ?? [`${file} (${step})`] });

  // A folder a build config or package.json names for this output says more than a folder name
  // convention when it is deeper (Parcel's `targets` put a Node build in dist/server), or the same
  // folder described by the same tool (a Parcel app whose engines name Node builds dist/ for Node).
  const configured = context.configOutputs
    ?.filter(({ path }) => file === path || file.startsWith(`${path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  const layout = context.layouts.verdict(file);
  const overrides = configured !== undefined && layout !== undefined && (configured.path.length > layout.folder.length || (configured.path === layout.folder && configured.by === layout.framework));
  if (layout && !overrides) {
    if (layout.side === 'server') return { exposure: 'server', reason: layout.reason };
    return served(layout.reason, `${layout.framework} build in ${layout.folder}`);
  }

  const owner = context.layouts.ownerOf(file);
  const published = browserTargets(owner).find(({ target }) => file === target || (posix.dirname(target) !== (owner.dir || '.') && file.startsWith(`${posix.dirname(target)}/`)));
  if (published) {
    const what = published.target === file ? 'names this file' : `names ${published.target} in the same folder`;
    return served(`package.json "${published.field}" of ${owner.name ?? (owner.dir || 'the root package')} ${what}: browsers load it`, `package.json ${published.field}`);
  }

  if (configured?.side === 'server') return { exposure: 'server', reason: configured.reason };
  if (configured) return served(configured.reason, configured.path);

  if (client) {
    return { exposure: 'client', reason: `its source map names ${client.source}, which ships to the browser`, chain: client.exposure.chain };
  }

  const buildDir = BUILD_DIR.exec(file)?.[1];
  if (buildDir && existsSync(context.paths.absolute(`${buildDir}/index.html`))) {
    return { exposure: 'client', reason: `${buildDir} is a browser build (index.html with asset chunks)`, chain: [`${file} (browser build in ${buildDir})`] };
  }
  // A map goes where its bundle goes.
  const bundle = file.endsWith('.map') ? file.slice(0, -'.map'.length) : file;
  const wrapper = /\.[cm]?js$/.test(bundle) ? bundleWrapper(context.paths.absolute(bundle)) : undefined;
  if (wrapper === 'umd') return served(`${bundle} is a UMD bundle: a <script> tag loads it in browsers`, 'UMD bundle');
  const fromServer = exposures.length > 0 && exposures.every(({ exposure }) => exposure.exposure === 'server');
  const builtFromServer: ModuleExposure = { exposure: 'server', reason: `built only from server modules: ${exposures.map(({ source }) => source).slice(0, 3).join(', ')}` };
  // Modules presumed server (nothing known reaches a browser) are no evidence against the bundle's own wrapper.
  if (fromServer && !exposures.every(({ exposure }) => exposure.presumed)) return builtFromServer;
  if (wrapper === 'iife') return served(`${bundle} is a self-running IIFE bundle without require calls, built for a <script> tag`, 'IIFE bundle');
  if (fromServer) return builtFromServer;
  if (buildDir) {
    const bin = owner.manifest.bin;
    const targets = [owner.manifest.main, owner.manifest.module, ...exportTargets(owner.manifest.exports), ...(typeof bin === 'object' && bin ? Object.values(bin) : [bin])];
    const main = targets.some((target) => typeof target === 'string' && joinPosix(owner.dir, target).startsWith(`${buildDir}/`));
    const library = BROWSER_LIBRARY_DEPENDENCIES.find((name) => owner.dependencies.has(name));
    if (main && library) return served(`${buildDir} is the compiled output of ${owner.name ?? 'a package'} that depends on ${library}, a browser library`, `${library} library`);
    if (main && !context.layouts.frameworksOf(owner).some((row) => row.folders)) {
      return { exposure: 'server', reason: `${buildDir} is the compiled output of the Node package ${owner.name ?? (owner.dir || 'at the root')}` };
    }
  }
  return { exposure: 'unknown', reason: 'no browser or server build recognised for this file' };
}
