/**
 * engium.config.json: plain JSON, validated against the shipped schema (schemas/config.schema.json),
 * never executed. An invalid file is a usage error (exit 2) with every problem listed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { globWildcards } from './glob-wildcards.js';
import { briefReason, jsonErrorWithoutContent, readRegularText, realRootOf, type UnsafeFileError } from './safe-read.js';
import type { ArchiveLimitsConfig } from './sources/archives/limits.js';

export interface AllowlistEntry {
  fingerprint: string;
  reason: string;
  /** Globs; default: everywhere. */
  paths?: string[];
}

export interface EngiumConfig {
  include?: string[];
  exclude?: string[];
  buildDirs?: string[];
  publicEnvPrefixes?: string[];
  apiBaseUrls?: string[];
  clientEntries?: string[];
  programAnalysis?: boolean;
  allowlist?: AllowlistEntry[];
  /** What archives and app packages may make a scan read (see ArchiveLimits); sizes in MB. */
  archiveLimits?: ArchiveLimitsConfig;
}

export const CONFIG_FILE_NAME = 'engium.config.json';

/** A problem the user must fix before the scan can run (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';

  /** `summary`, then one line per detail (each problem of an invalid config, say). */
  constructor(
    readonly summary: string,
    readonly details: readonly string[] = [],
  ) {
    super([summary, ...details].join('\n'));
  }
}

const require = createRequire(import.meta.url);
export const CONFIG_SCHEMA_PATH = require.resolve('../schemas/config.schema.json');

/** A config is a few kilobytes; a larger file is refused before it is parsed. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The config for `dir`: `file` when given (relative to the working directory), else
 * `engium.config.json` in `dir` when it exists, else empty. The one in `dir` comes with the
 * repository: it must be a regular file really inside `dir` (not a link to `/dev/zero`, not a
 * FIFO). Either must be a regular file of at most MAX_CONFIG_BYTES.
 */
export async function loadConfig(dir: string, file?: string): Promise<EngiumConfig> {
  const path = file !== undefined ? resolve(file) : join(dir, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = readRegularText(path, { maxBytes: MAX_CONFIG_BYTES, ...(file === undefined ? { within: realRootOf(dir) } : {}) });
  } catch (error) {
    if (file === undefined && (error as UnsafeFileError).code === 'ENOENT') return {};
    throw new UsageError(`cannot read config ${isAbsolute(file ?? '') ? file : path}: ${briefReason(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // The message V8 gives quotes the file's first bytes: the file may be a key's home, or a link's target.
    throw new UsageError(`config ${path} is not valid JSON: ${jsonErrorWithoutContent(error)}`);
  }
  await validateConfig(value, path);
  return value as EngiumConfig;
}

async function validateConfig(value: unknown, path: string): Promise<void> {
  // Loaded only when a config exists: most scans never pay for ajv.
  // Both are CommonJS: each is taken from its module.exports (`default`), the one export a bundle
  // split into chunks (packages/scanner/bundle/) also gives a dynamic import of CommonJS.
  const [{ default: ajvExports }, { default: formatsExports }] = await Promise.all([import('ajv'), import('ajv-formats')]);
  const ajv = new ajvExports.Ajv({ allErrors: true, strict: false });
  formatsExports.default(ajv);
  const schema: object = JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, 'utf8'));
  const validate = ajv.compile(schema);
  if (validate(value)) {
    const problems = globProblems(value as EngiumConfig);
    if (problems.length > 0) throw new UsageError(`invalid config ${path}:`, problems);
    return;
  }
  const problems = (validate.errors ?? []).map((error) => {
    const where = error.instancePath || '(top level)';
    const extra = error.keyword === 'additionalProperties' ? ` (${(error.params as { additionalProperty: string }).additionalProperty})` : '';
    // The glob pattern's regex says little: say what is wrong with the glob.
    if (error.keyword === 'pattern' && error.schemaPath.startsWith('#/definitions/glob')) {
      return `${where}: a glob that is empty or only "!" would match every file`;
    }
    return `${where}: ${error.message ?? 'invalid'}${extra}`;
  });
  throw new UsageError(`invalid config ${path}:`, problems);
}

/**
 * Wildcards a config glob may hold (see glob-wildcards.ts): picomatch takes up to 60 ms a path to
 * match a glob of 4 against a hostile name or path, and seconds past that; a glob of 3 or 4 is
 * heavy, and a list takes only a few. A config that comes with a repository must not stall its scan.
 */
const MAX_GLOB_WILDCARDS = 4;
const MAX_WILDCARDS_IN_ONE_NAME = 3;
const MAX_GLOBSTARS = 2;
const MAX_HEAVY_GLOBS = 10;

/** What is wrong with the config's globs, one line each, in the words of the schema's problems. */
function globProblems(config: EngiumConfig): string[] {
  const lists: [where: string, globs: readonly string[] | undefined][] = [
    ['/include', config.include],
    ['/exclude', config.exclude],
    ['/buildDirs', config.buildDirs],
    ['/clientEntries', config.clientEntries],
    ...(config.allowlist ?? []).map((entry, index): [string, readonly string[] | undefined] => [`/allowlist/${index}/paths`, entry.paths]),
  ];
  const problems: string[] = [];
  for (const [where, globs] of lists) {
    let heavy = 0;
    for (const [index, glob] of (globs ?? []).entries()) {
      const { starRuns, inOneName, globstars } = globWildcards(glob);
      const wildcards = starRuns + globstars;
      if (wildcards > MAX_GLOB_WILDCARDS || inOneName > MAX_WILDCARDS_IN_ONE_NAME || globstars > MAX_GLOBSTARS) {
        const counts = `${wildcards} wildcards, ${inOneName} in one name and ${globstars} \`**\` folders (a leading one not counted)`;
        const bounds = `at most ${MAX_GLOB_WILDCARDS}, ${MAX_WILDCARDS_IN_ONE_NAME} and ${MAX_GLOBSTARS}`;
        problems.push(`${where}/${index}: a glob of ${counts} is more than the matcher takes in bounded time (${bounds})`);
      } else if (wildcards >= 3) heavy++;
    }
    if (heavy > MAX_HEAVY_GLOBS) problems.push(`${where}: ${heavy} globs of 3 or 4 wildcards, more than the ${MAX_HEAVY_GLOBS} a list may hold`);
  }
  return problems;
}
