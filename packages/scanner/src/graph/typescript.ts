// The one place ts-morph is loaded. Requiring it costs about half a second, so it is imported on
// first use by a scan that needs the module graph, never by `engium-scan staged`. The graph uses the
// compiler API ts-morph re-exports (scanner, parser, module resolution, tsconfig parsing) rather
// than a full Project: it needs imports and a few declarations, not types.
import type { ts as TypeScript } from 'ts-morph';
import { withCodeCache } from '../code-cache.js';

export type Ts = typeof TypeScript;
export type { TypeScript };

let loaded: Promise<Ts> | undefined;

/** ts-morph's compiler API, compiled with the code cache (see code-cache.ts). */
export function loadTypeScript(): Promise<Ts> {
  loaded ??= withCodeCache(() => import('ts-morph')).then((module) => module.ts);
  return loaded;
}
