/**
 * `.env` files: the variable a line assigns, so the classify step can tell a key under a public
 * prefix (shipped to browsers) from one kept for the server.
 */

const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*[=:]/;

/** The variable assigned on `line` (`NEXT_PUBLIC_ENGIUM_KEY` in `export NEXT_PUBLIC_ENGIUM_KEY="…"`), if any. */
export function envVariableOf(line: string): string | undefined {
  if (/^[ \t]*#/.test(line)) return undefined;
  return ASSIGNMENT.exec(line)?.[1];
}

/**
 * `.env` and its variants (`.env.local`, `.env.production`), `*.env` (Docker's `env_file`,
 * `production.env`), direnv's `.envrc`, Flask's `.flaskenv` and Cloudflare Wrangler's `.dev.vars`.
 */
const ENV_FILE = /^(?:\.env(?:\..+)?|[^/]+\.env|\.envrc|\.flaskenv|\.dev\.vars(?:\..+)?)$/;

/** Files that set environment variables for the build or the server: what each line assigns decides its exposure. */
export function isEnvFile(path: string): boolean {
  return ENV_FILE.test(path.slice(path.lastIndexOf('/') + 1));
}
