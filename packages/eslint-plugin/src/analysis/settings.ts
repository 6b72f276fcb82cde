import { DEFAULT_API_BASE_URL } from '@engium/core';
import type { TSESLint } from '@typescript-eslint/utils';

/** `settings.engium` in the ESLint config: facts about the project that every rule shares. */
export interface EngiumSettings {
  /** Base URLs of the Engium API (default: the public API). A proxy in front of it belongs here. */
  apiBaseUrls: readonly string[];
  /** Globs (relative to the ESLint cwd) of files that run in the browser, beyond `"use client"` and `*.client.*`. */
  clientFiles: readonly string[];
  /** Globs of files that never run in the browser, beyond core's server markers. */
  serverFiles: readonly string[];
  /** Env variable prefixes the project's bundler exposes to the browser, beyond the built-in ones. */
  publicEnvPrefixes: readonly string[];
  /** Modules react-native-dotenv is configured to inline (its `moduleName`), beyond `@env`. */
  envModules: readonly string[];
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

/** Parsed once per `settings.engium` object (ESLint hands each file its own `settings` wrapper). */
const cache = new WeakMap<object, EngiumSettings>();
const NO_SETTINGS: Record<string, unknown> = {};

export function engiumSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): EngiumSettings {
  const raw = (context.settings as { engium?: Record<string, unknown> }).engium ?? NO_SETTINGS;
  const cached = cache.get(raw);
  if (cached) return cached;
  const settings: EngiumSettings = {
    apiBaseUrls: stringList(raw.apiBaseUrls) ?? [DEFAULT_API_BASE_URL],
    clientFiles: stringList(raw.clientFiles) ?? [],
    serverFiles: stringList(raw.serverFiles) ?? [],
    publicEnvPrefixes: stringList(raw.publicEnvPrefixes) ?? [],
    envModules: stringList(raw.envModules) ?? [],
  };
  cache.set(raw, settings);
  return settings;
}
