// Exposure of built output: what the path says (browser build folders, server build folders) and,
// for the rest, what the source map says it was built from.
import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import type { ModuleExposure } from './types.js';
import { exportTargets, type PackageInfo } from './packages.js';
import type { RootPaths } from './paths.js';

const CLIENT_BUILD: readonly [RegExp, string][] = [
  [/(^|\/)\.next\/static\//, '.next/static is what Next.js serves to browsers'],
  [/(^|\/)\.svelte-kit\/output\/client\//, '.svelte-kit/output/client is the SvelteKit browser build'],
  [/(^|\/)\.output\/public\//, '.output/public is the Nuxt/Nitro public build'],
  [/(^|\/)storybook-static\//, 'storybook-static is a static site for browsers'],
  [/(^|\/)\.expo\/web\//, '.expo/web is the Expo web build'],
];
const SERVER_BUILD: readonly [RegExp, string][] = [
  [/(^|\/)\.next\/server\//, '.next/server is the Next.js server build, never sent to browsers'],
  [/(^|\/)\.svelte-kit\/output\/server\//, '.svelte-kit/output/server is the SvelteKit server build'],
  [/(^|\/)\.output\/server\//, '.output/server is the Nitro server build'],
];
const BUILD_DIR = /^(.*?(?:^|\/)(?:dist|build|out|www|public))\//;

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

export interface BuildContext {
  paths: RootPaths;
  packages: readonly PackageInfo[];
  exposureOf(file: string): ModuleExposure;
  isModule(file: string): boolean;
}

export function buildExposure(context: BuildContext, file: string, mappedSources: readonly string[]): ModuleExposure {
  for (const [pattern, reason] of SERVER_BUILD) if (pattern.test(file)) return { exposure: 'server', reason };

  // What the bundle was built from decides, when its source map names modules of this program.
  const sources = mappedSources.flatMap((source) => normaliseSource(context.paths, file, source).filter((candidate) => context.isModule(candidate)));
  const exposures = [...new Set(sources)].map((source) => ({ source, exposure: context.exposureOf(source) }));
  // The first client source listed: the classify step puts the one the key maps back to first.
  const client = exposures.find(({ exposure }) => exposure.exposure === 'client' && exposure.chain);
  for (const [pattern, reason] of CLIENT_BUILD) {
    if (pattern.test(file)) return { exposure: 'client', reason, chain: client?.exposure.chain ?? [`${file} (browser build)`] };
  }
  if (client) {
    return { exposure: 'client', reason: `its source map names ${client.source}, which ships to the browser`, chain: client.exposure.chain };
  }

  const buildDir = BUILD_DIR.exec(file)?.[1];
  if (buildDir && existsSync(context.paths.absolute(`${buildDir}/index.html`))) {
    return { exposure: 'client', reason: `${buildDir} is a browser build (index.html with asset chunks)`, chain: [`${file} (browser build in ${buildDir})`] };
  }
  if (exposures.length > 0 && exposures.every(({ exposure }) => exposure.exposure === 'server')) {
    return { exposure: 'server', reason: `built only from server modules (${exposures.map(({ source }) => source).slice(0, 3).join(', ')})` };
  }
  if (buildDir) {
    const owner = context.packages.find(({ dir }) => dir === '' || buildDir.startsWith(`${dir}/`));
    const browserApp = owner && ['next', 'vite', 'react-scripts', 'gatsby', 'nuxt', '@sveltejs/kit', 'astro', 'expo', 'react-native', '@angular/core'].some((name) => owner.dependencies.has(name));
    const bin = owner?.manifest.bin;
    const targets = owner ? [owner.manifest.main, ...exportTargets(owner.manifest.exports), ...(typeof bin === 'object' && bin ? Object.values(bin) : [bin])] : [];
    const main = owner && targets.some((target) => typeof target === 'string' && posix.join(owner.dir, target).startsWith(`${buildDir}/`));
    if (owner && !browserApp && main) return { exposure: 'server', reason: `${buildDir} is the compiled output of the Node package ${owner.name ?? owner.dir}` };
  }
  return { exposure: 'unknown', reason: 'no browser or server build recognised for this file' };
}
