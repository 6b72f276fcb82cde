// The side a bundler builds for and the folder it builds into, from its settings however they are
// written: a config file's properties (config-injection.ts) or a command line's flags (script-builds.ts).
import type { BuildSide, FrameworkBuild } from '../frameworks.js';
import { dirnamePosix } from './paths.js';

/** A property that names the platform, with its values, and where it is written (`vite.config.ts:7`). */
export interface PlatformSetting {
  property: string;
  values: readonly string[];
  where: string;
}

/** The side a bundler builds for: the first setting that names a browser or a Node platform, else the tool's default. */
export function platformSide(row: FrameworkBuild, settings: readonly PlatformSetting[]): { side: BuildSide | 'unknown'; note: string } {
  const platform = row.platform;
  if (!platform) return { side: 'client', note: `${row.name} builds it for browsers` };
  for (const { property, values, where } of settings) {
    const browser = values.find((text) => platform.browser.some((name) => text.startsWith(name)));
    if (browser) return { side: 'client', note: `${where} builds for browsers with ${property}: '${browser}'` };
    const app = values.find((text) => platform.app?.some((name) => text.startsWith(name)));
    if (app) return { side: 'client', note: `${where} builds a desktop app's code with ${property}: '${app}', packed into the app every user installs` };
    const node = values.find((text) => platform.node.some((name) => text.startsWith(name)));
    if (node) return { side: 'server', note: `${where} builds for Node with ${property}: '${node}'` };
  }
  const note = platform.default === 'client' ? `${row.name} builds for browsers unless told otherwise` : platform.default === 'server' ? `${row.name} builds for Node unless told otherwise` : '';
  return { side: platform.default, note };
}

/** The folder an output setting names: a file (`outfile`, Rollup's `file`) stands for its folder. */
export function outputFolder(literal: string): string | undefined {
  const path = literal.replace(/^\.\//, '').replace(/\/$/, '');
  return /\.[cm]?js$/.test(path) ? dirnamePosix(path) || undefined : path || undefined;
}
