/**
 * What `npm publish` would upload: `npm pack --dry-run --json` lists exactly the files the
 * registry would receive (`files`, `.npmignore`, build output that git ignores), or a packed
 * `.tgz` holds them. Every one of them ships to everyone who installs the package.
 */
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { NPM_PACKAGE } from '@engium/core';
import { UsageError } from '../config.js';
import type { ShippedTo } from '../discover/index.js';
import { fileRecord, singleFileTarget, type ScanTarget } from '../scan.js';

const run = promisify(execFile);

const NPM_SHIPPED: ShippedTo = { kind: NPM_PACKAGE.kind, reason: NPM_PACKAGE.reason };

interface PackListing {
  files?: { path: string }[];
}

/**
 * npm itself: under `npm run` (a `prepublishOnly` script) the same npm that runs the script,
 * else the one on PATH.
 */
function npmCommand(): { file: string; prefix: string[] } {
  const execPath = process.env.npm_execpath;
  if (execPath && /\.[cm]?js$/.test(execPath)) return { file: process.execPath, prefix: [execPath] };
  return { file: process.platform === 'win32' ? 'npm.cmd' : 'npm', prefix: [] };
}

/**
 * An npm error line without the bytes of package.json it quotes (`while parsing near "…"`): they
 * may hold the start of a key, which no redaction recognises once cut (as jsonErrorWithoutContent).
 */
function withoutQuotedContent(line: string): string {
  return line.replace(/ while parsing(?: near)? (?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/g, ' (the text near it is not shown)');
}

/** The files `npm pack` would put in the tarball, relative to `dir`. */
export async function packedFiles(dir: string): Promise<string[]> {
  const npm = npmCommand();
  let stdout: string;
  try {
    // --ignore-scripts: a `prepack` that runs this scan must not run it again, and listing builds nothing.
    // --workspaces=false: the package in `dir`, whatever an `.npmrc` or the environment says; the
    // workspaces' listings name files relative to each workspace, which would be read from `dir`.
    ({ stdout } = await run(npm.file, [...npm.prefix, 'pack', '--dry-run', '--json', '--ignore-scripts', '--workspaces=false'], { cwd: dir, maxBuffer: 256 * 1024 * 1024, shell: process.platform === 'win32' }));
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    const lines = (stderr ?? '')
      .split('\n')
      .filter((line) => line.startsWith('npm error '))
      .map((line) => withoutQuotedContent(line.slice('npm error '.length).trim()));
    // npm's words name an option the user never gave: the workspace comes from an .npmrc or the environment.
    const hint = lines.some((line) => line.includes('--no-workspaces and --workspace'))
      ? ' (an .npmrc or npm_config_workspace names a workspace: scan that workspace\'s folder with engium-scan pack)'
      : '';
    throw new UsageError(`npm pack --dry-run failed in ${dir}: ${lines.length > 0 ? lines.slice(0, 4).join('; ') : message}${hint}`);
  }
  let listing: PackListing[];
  try {
    listing = JSON.parse(stdout) as PackListing[];
  } catch {
    throw new UsageError(`npm pack --dry-run --json printed no JSON in ${dir}`);
  }
  return listing.flatMap((entry) => (entry.files ?? []).map((file) => file.path.replaceAll('\\', '/')));
}

/** The scan target for `engium-scan pack [dir | package.tgz]`. */
export async function packTarget(path: string): Promise<ScanTarget> {
  const target = resolve(path);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(target).isDirectory();
  } catch (error) {
    throw new UsageError(`cannot scan ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (!isDirectory) {
    if (!/\.(?:tgz|tar\.gz|tar)$/i.test(target)) throw new UsageError(`cannot scan ${path}: pack takes a package folder or a packed .tgz`);
    return singleFileTarget(target, NPM_SHIPPED);
  }
  const files = await packedFiles(target);
  return { kind: 'files', root: target, files: files.map((file) => fileRecord(target, file, NPM_SHIPPED)) };
}
