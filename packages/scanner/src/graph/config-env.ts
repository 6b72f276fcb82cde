// Variables a framework config inlines into browser code whatever their name: Next.js's
// `env: { NAME: … }` in next.config, and Vite's `define: { 'import.meta.env.NAME': … }` or
// `'process.env.NAME'`. Read from the config's text (configs are code; the scanner never runs them).
import type { RootPaths } from './paths.js';
import { readProjectText } from './read.js';

const NEXT_CONFIG = /(^|\/)next\.config\.[cm]?[jt]s$/;
const VITE_CONFIG = /(^|\/)vite\.config\.[cm]?[jt]s$/;

export interface ConfigInlinedEnv {
  config: string;
  reason: string;
}

/** The config that inlines env variable `name` into client bundles, if any. */
export function configInlinedEnv(paths: RootPaths, files: readonly string[], name: string): ConfigInlinedEnv | undefined {
  const quoted = name.replace(/\$/g, '\\$');
  for (const config of files) {
    const next = NEXT_CONFIG.test(config);
    if (!next && !VITE_CONFIG.test(config)) continue;
    let text: string;
    try {
      text = readProjectText(paths, paths.absolute(config));
    } catch {
      continue;
    }
    if (!text.includes(name)) continue;
    if (next) {
      const block = /\benv\s*:\s*\{([^}]*)\}/.exec(text)?.[1] ?? '';
      if (new RegExp(`(^|[\\s,{'"])${quoted}['"]?\\s*[:,}]|(^|[\\s,{])${quoted}\\s*$`, 'm').test(block)) {
        return { config, reason: `${config} lists ${name} under env, which Next.js inlines into browser bundles` };
      }
    } else if (new RegExp(`['"](?:import\\.meta\\.env|process\\.env)\\.${quoted}['"]\\s*:`).test(text)) {
      return { config, reason: `${config} defines ${name} for client code` };
    }
  }
  return undefined;
}
