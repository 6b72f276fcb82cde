/**
 * A key that a build or deploy config assigns to a public env variable: `NEXT_PUBLIC_ENGIUM_KEY:
 * eng_live_…` in a CI workflow's `env`, `ENV VITE_ENGIUM_KEY=…` in a Dockerfile, `"build":
 * "VITE_ENGIUM_KEY=… vite build"` in package.json scripts, `[build.environment]` in netlify.toml.
 * The build that runs with the variable inlines the key into browser code, as it would from a
 * `.env` file. Only files that configure builds and scripts count: a README's example is committed,
 * never built.
 */
import { publicEnvPrefix } from '@engium/core';
import type { AnalysedHit } from '../analyse/index.js';
import type { ModuleExposure } from '../graph/types.js';

/** Config, CI and script files: YAML, TOML, JSON, shell, Dockerfiles and friends. */
const BUILD_CONFIG_FILE = /(?:\.(?:ya?ml|toml|json|jsonc|sh|bash|zsh|ps1|ini|cfg|conf|properties|mk)|(?:^|\/)(?:Dockerfile|Containerfile|Makefile|Jenkinsfile|Procfile)[^/]*|\.dockerfile)$/;

/** The name assigned right before the key: `NAME=`, `NAME: `, `"NAME": "`, `export NAME='`. */
const ASSIGNED = /(?:^|[^\w$.])["']?([A-Za-z_]\w*)["']?[ \t]*[:=][ \t]*["']?$/;

/** A Dockerfile's `ENV NAME value` (the older form, with no `=`). */
const DOCKER_ENV = /(?:^|\s)ENV[ \t]+([A-Za-z_]\w*)[ \t]+["']?$/;

export interface PublicAssignment {
  exposure: ModuleExposure;
  /** What to do instead. */
  advice: string;
}

/** Client, when `hit` is the value a build config assigns to a public env variable. */
export function publicAssignmentAt(file: string, hit: AnalysedHit, extraPrefixes: readonly string[]): PublicAssignment | undefined {
  return publicAssignment(file, hit.snippet.text.slice(0, hit.snippet.column - 1), hit.line, extraPrefixes);
}

/** Client, when the text `before` a key on line `line` of `file` assigns it to a public env variable. */
export function publicAssignment(file: string, before: string, line: number, extraPrefixes: readonly string[]): PublicAssignment | undefined {
  if (!BUILD_CONFIG_FILE.test(file)) return undefined;
  const name = ASSIGNED.exec(before)?.[1] ?? DOCKER_ENV.exec(before)?.[1];
  const prefix = name === undefined ? undefined : publicEnvPrefix(name, extraPrefixes);
  if (name === undefined || !prefix) return undefined;
  const where = `${file}:${line}`;
  return {
    exposure: { exposure: 'client', reason: `${where} sets ${name} to it, and ${prefix.reason}`, chain: [`${where} (sets ${name}: ${prefix.reason})`] },
    advice: `drop the public prefix, keep the key in a secret of the CI or host rather than in ${file}, and read it in server code only`,
  };
}
