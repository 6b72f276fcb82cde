// The one place the compiler is loaded. Loading it costs about half a second, so it happens on
// first use by a scan that needs the module graph, never by `engium-scan staged`. The graph uses
// the compiler API of ts-morph (scanner, parser, module resolution, tsconfig parsing) rather than
// a full Project: it needs imports and a few declarations, not types. So it loads only the
// TypeScript that ts-morph bundles (@ts-morph/common's `dist/typescript.js`, the very `ts` that
// ts-morph exports), not ts-morph's project layer: a quarter less time and 20 MB less memory.
import { createRequire } from 'node:module';
import type { ts as TypeScript } from 'ts-morph';
import { withCodeCache } from '../code-cache.js';

export type Ts = typeof TypeScript;
export type { TypeScript };

let loaded: Promise<Ts> | undefined;

/**
 * ts-morph's compiler API, compiled with the code cache (see code-cache.ts). It is required, not
 * imported: an import of a CommonJS file first has Node lex it for its export names, a fifth of
 * the load. (The action's bundler inlines this require like an import.)
 */
export function loadTypeScript(): Promise<Ts> {
  loaded ??= withCodeCache(async () => createRequire(import.meta.url)('@ts-morph/common/dist/typescript.js') as Ts);
  return loaded;
}

/** How the graph parses: the newest syntax, and no JSDoc, which no query reads (a fifth of a parse). */
export function parseOptions(ts: Ts): TypeScript.CreateSourceFileOptions {
  return { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
}
