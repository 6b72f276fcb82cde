/**
 * engium.config.json: plain JSON, validated against the shipped schema (schemas/config.schema.json),
 * never executed. An invalid file is a usage error (exit 2) with every problem listed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';

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

/**
 * The config for `dir`: `file` when given (relative to the working directory), else
 * `engium.config.json` in `dir` when it exists, else empty.
 */
export async function loadConfig(dir: string, file?: string): Promise<EngiumConfig> {
  const path = file !== undefined ? resolve(file) : join(dir, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (file === undefined && code === 'ENOENT') return {};
    throw new UsageError(`cannot read config ${isAbsolute(file ?? '') ? file : path}: ${code ?? String(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`config ${path} is not valid JSON: ${(error as Error).message}`);
  }
  await validateConfig(value, path);
  return value as EngiumConfig;
}

async function validateConfig(value: unknown, path: string): Promise<void> {
  // Loaded only when a config exists: most scans never pay for ajv.
  const [{ Ajv }, formats] = await Promise.all([import('ajv'), import('ajv-formats')]);
  const ajv = new Ajv({ allErrors: true, strict: false });
  formats.default.default(ajv);
  const schema: object = JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, 'utf8'));
  const validate = ajv.compile(schema);
  if (validate(value)) return;
  const problems = (validate.errors ?? []).map((error) => {
    const where = error.instancePath || '(top level)';
    const extra = error.keyword === 'additionalProperties' ? ` (${(error.params as { additionalProperty: string }).additionalProperty})` : '';
    return `${where}: ${error.message ?? 'invalid'}${extra}`;
  });
  throw new UsageError(`invalid config ${path}:`, problems);
}
