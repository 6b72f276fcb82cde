import type { Exposure } from '@engium/core';
import type { BuildOutputAnalysis } from './build-output.js';
import type { ModuleHead } from './module-head.js';

/**
 * The contract between the scanner's classify step and the program analysis (ts-morph module
 * graph). Paths are POSIX, relative to the scanned root.
 */

export interface ModuleExposure {
  exposure: Exposure;
  /**
   * For `client`: the import chain that ships the module, entry first, each step a path with the
   * reason it is a client entry in parentheses on the first one, e.g.
   * `['app/dashboard/page.tsx ("use client")', 'lib/engium.ts']`. Never empty for `client`.
   */
  chain?: string[];
  /** One line a person can check: why this exposure. */
  reason: string;
  /**
   * `server` only because nothing in the repository is known to reach a browser: no evidence about
   * this module itself, so a bundle built from it that shows itself browser code (an IIFE) is client.
   */
  presumed?: boolean;
  /** For `client` code that does not run in a web page: who receives it (`everyone who installs the app`). */
  receivedBy?: string;
}

export interface KeyReaders {
  /** Exposure of the key's definition, from the modules that import or read it. */
  exposure: ModuleExposure;
  /** Modules that import the constant or read the env variable (named in the message, not reported again). */
  readers: string[];
}

export interface ProgramAnalysis {
  /** Exposure of a source module; `unknown` for files outside the program. */
  exposureOf(file: string): ModuleExposure;
  /**
   * For a key written at `file:line` as (part of) an exported constant: whether client modules
   * import it, and which. Undefined when the line holds no exported binding.
   */
  importersOfDefinition(file: string, line: number): KeyReaders | undefined;
  /**
   * Client modules that read env variable `name` (`process.env.X`, `import.meta.env.X`, `$env/static/public`),
   * and whether the build ships it from env file `file` (its package's build inlines what they read).
   */
  envReaders(name: string, file?: string): KeyReaders | undefined;
  /**
   * For an env variable a build config injects (Vite `define`, webpack `DefinePlugin`, Next.js `env`,
   * Expo `extra`…) or names public (Vite `envPrefix`): where, and for which side. `chain` names the
   * config line for `client`. `file`, the env file that sets it, also counts a config of its
   * package that defines the whole environment.
   */
  envInjection(name: string, file?: string): ConfigInjection | undefined;
  /**
   * For a key at `file:line` of a server-rendered module: client when the module passes it as a prop
   * to a client component or renders it into the page's HTML, or a server data function returns it
   * (`loader`, `getServerSideProps`, SvelteKit's server `load`), whose data the browser receives.
   */
  renderedAt(file: string, line: number): ModuleExposure | undefined;
  /**
   * For a key at `file:line` of a page or route module that ships: server when the line is inside a
   * data function the browser build strips (`loader`, `action`, `getServerSideProps`).
   */
  serverExportAt(file: string, line: number): ModuleExposure | undefined;
  /** For a key written at `file:line` inside a value a build config injects as written (Expo `extra`, a `define`). */
  configExposure(file: string, line: number): ConfigInjection | undefined;
  /**
   * Exposure of a built file, from its path and the sources its source map names (the source the
   * key maps back to first, when known: the first client module listed gives the chain).
   */
  buildExposure(file: string, mappedSources: readonly string[]): ModuleExposure;
  /**
   * Files that could not be read, parsed or resolved, with the reason (listed in the stats): broken
   * tsconfig/package.json, unreadable or binary modules, imports that resolve nowhere, and syntax
   * errors in reached modules that may hold a key (the only ones the graph parses in full).
   */
  problems: Problem[];
}

export interface ConfigInjection extends ModuleExposure {
  /** The config line that injects it: `vite.config.ts:7`. */
  where: string;
  /** Who receives what it injects, when not browsers (`everyone who installs the app`). */
  receivedBy?: string;
  /** What to do instead, when removing an injection from a build config is not it. */
  advice?: string;
}

/** A file the analysis could not read, parse or resolve, and why. */
export interface Problem {
  file: string;
  reason: string;
}

export interface ProgramAnalysisOptions {
  /** Extra client entry globs from config (`clientEntries`). */
  clientEntries?: readonly string[];
  /** Files the discover step found (relative POSIX paths); the analysis parses only what the graph needs. */
  files: readonly string[];
  /** Extra public env prefixes from config, beside core's built-in ones. */
  publicEnvPrefixes?: readonly string[];
  /**
   * The marks (directives, marker imports) of every module in `files`, taken by the text pass; a
   * module absent has none. Without it, each module is read for them.
   */
  heads?: ReadonlyMap<string, ModuleHead>;
  /** The folder rules over the same `files`, when the caller has worked them out already. */
  buildOutput?: BuildOutputAnalysis;
}
