// `engium-scan init`: puts `engium-scan staged` in the repository's husky pre-commit hook.
// Every step checks what is there first, so running it twice changes nothing, and each change
// is reported in words. The repository may be someone else's: its package.json and hook are read
// as a scan reads files (regular, bounded, really inside it: never a FIFO, a device or a link out of
// it), and written only in place, never through a link (a committed `.husky/pre-commit -> ~/.bashrc`
// must not get our line); every file is read and checked before any is written.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isInsideDir, jsonErrorWithoutContent, OUTSIDE, readRegularText, type SafeOpenOptions, type UnsafeFileError } from '../safe-read.js';
import { writeOutputFile } from '../write-output.js';
import { runGit, tryGit } from './process.js';

/** The command the hook runs. husky puts node_modules/.bin on PATH, and npx would add a second of startup per commit. */
export const HOOK_COMMAND = 'engium-scan staged';
const HOOK_BLOCK = `# engium-scan: refuse a commit that would record an Engium API key (emergency bypass: git commit --no-verify)\n${HOOK_COMMAND}\n`;
/** Recognises our line however it was written (`npx engium-scan staged`, `node …/cli.js staged`, …). */
const HOOK_LINE = /engium-scan(?:\.js)?["']?\s+staged|scanner\/dist\/cli\.js["']?\s+staged/;
export const HUSKY_RANGE = '^9.1.7';

export interface SetupChange {
  file: string;
  what: string;
}

export interface SetupResult {
  root: string;
  changes: SetupChange[];
  /** What the user still has to do (run npm install, …). */
  nextSteps: string[];
}

/** A package.json or a hook script is kilobytes; anything past this is not one to edit. */
const MAX_EDITED_FILE_BYTES = 4 * 1024 * 1024;

/**
 * A file of the repository that init edits, or undefined when there is none; else an error saying
 * why it cannot be used. Its folder must really be inside `realRoot`, and it must not be a link:
 * it is written in place.
 */
function readEditedFile(path: string, realRoot: string): string | undefined {
  const folder = dirname(path);
  if (existsSync(folder) && !isInsideDir(realRoot, realpathSync(folder))) {
    throw new Error(`cannot use ${path}: its folder leads outside the repository (a symbolic link); fix it and run init again`);
  }
  return readBounded(path, { within: realRoot, noFollow: true });
}

/** A regular file of at most MAX_EDITED_FILE_BYTES, or undefined when there is none; else an error saying why it cannot be used. */
function readBounded(path: string, options: SafeOpenOptions): string | undefined {
  try {
    return readRegularText(path, { maxBytes: MAX_EDITED_FILE_BYTES, ...options });
  } catch (error) {
    const { code, reason } = error as UnsafeFileError;
    if (code === 'ENOENT') return undefined;
    const why = reason === OUTSIDE ? 'it leads outside the repository (a symbolic link)' : reason;
    throw new Error(`cannot use ${path}: ${why}; fix it and run init again`, { cause: error });
  }
}

/** Writes `text` over `path`, checked by readEditedFile; writeOutputFile never writes through a link. */
function writeEditedFile(path: string, text: string): void {
  // A folder that is not there is made in the root.
  mkdirSync(dirname(path), { recursive: true });
  writeOutputFile(path, text);
}

interface PackageJson {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** package.json with husky, the scanner and the prepare script added, or undefined when it has them all. */
function editedPackageJson(path: string, text: string, scannerRange: string, changes: SetupChange[]): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // V8's message quotes the bytes near the error, which may be the start of a key.
    throw new Error(`${path} is not valid JSON (${jsonErrorWithoutContent(error)}); fix it and run init again`, { cause: error });
  }
  // `[]`, `null` or `"x"` would take the edits below and lose them on the way back to text.
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${path} is not a JSON object (${Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : `a ${typeof parsed}`}); fix it and run init again`);
  }
  const pkg = parsed as PackageJson;
  for (const field of ['scripts', 'dependencies', 'devDependencies'] as const) {
    const value: unknown = pkg[field];
    if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new Error(`${path}: "${field}" is not a JSON object; fix it and run init again`);
    }
  }
  const before = JSON.stringify(pkg);
  const has = (name: string) => pkg.dependencies?.[name] !== undefined || pkg.devDependencies?.[name] !== undefined;
  for (const [name, range] of [['husky', HUSKY_RANGE], ['@engium/scanner', scannerRange]] as const) {
    if (has(name)) continue;
    pkg.devDependencies = { ...pkg.devDependencies, [name]: range };
    changes.push({ file: 'package.json', what: `added ${name}@${range} to devDependencies` });
  }
  const prepare = pkg.scripts?.prepare;
  if (prepare === undefined) {
    pkg.scripts = { ...pkg.scripts, prepare: 'husky' };
    changes.push({ file: 'package.json', what: 'added the script "prepare": "husky" (npm install sets the hooks up)' });
  } else if (!/\bhusky\b/.test(prepare)) {
    pkg.scripts = { ...pkg.scripts, prepare: `${prepare} && husky` };
    changes.push({ file: 'package.json', what: `appended "&& husky" to the prepare script` });
  }
  if (JSON.stringify(pkg) === before) return undefined;
  const indent = /^[ \t]*(?=")/m.exec(text.slice(text.indexOf('\n') + 1))?.[0] || 2;
  return JSON.stringify(pkg, null, indent) + (text.endsWith('\n') ? '\n' : '');
}

/** The lines of a plain git hook (`.git/hooks/pre-commit`) worth carrying over: everything but the shebang. */
async function existingGitHook(root: string): Promise<string | undefined> {
  const hooksPath = (await tryGit(root, ['config', '--get', 'core.hooksPath']))?.toString().trim();
  if (hooksPath) return undefined; // husky or another manager already owns the hooks
  const path = resolve(root, (await runGit(root, ['rev-parse', '--git-path', 'hooks/pre-commit'])).toString().trim());
  // In the git dir, wherever that is (a worktree's is elsewhere): regular and bounded, not inside the root.
  const body = readBounded(path, {})?.replace(/^#![^\n]*\n/, '').trim();
  return body ? `${body}\n` : undefined;
}

/** The pre-commit hook with our line added (undefined when it has it), given what is there now (`existing`). */
function editedHook(existing: string | undefined, carried: string | undefined, standalone: boolean, changes: SetupChange[]): string | undefined {
  const shown = join('.husky', 'pre-commit');
  if (existing !== undefined) {
    if (HOOK_LINE.test(existing)) return undefined;
    changes.push({ file: shown, what: `kept its ${existing.split('\n').filter(Boolean).length} line(s) and added \`${HOOK_COMMAND}\`` });
    return `${existing}${existing === '' || existing.endsWith('\n') ? '' : '\n'}${HOOK_BLOCK}`;
  }
  // Without husky's runner, git runs the file itself: it needs a shebang and node_modules/.bin on PATH.
  const prologue = standalone ? '#!/bin/sh\nPATH="node_modules/.bin:$PATH"\n' : '';
  changes.push({
    file: shown,
    what: `created; runs \`${HOOK_COMMAND}\`${carried ? ' after the lines of your existing .git/hooks/pre-commit' : ''}`,
  });
  return `${prologue}${carried ?? ''}${HOOK_BLOCK}`;
}

/** Runs the repository's own husky (`node_modules/husky`), which points core.hooksPath at .husky/_. */
function runInstalledHusky(root: string): string | undefined {
  const bin = join(root, 'node_modules', 'husky', 'bin.js');
  if (!existsSync(bin)) return undefined;
  const result = spawnSync(process.execPath, [bin], { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? (result.stdout.trim() || 'ok') : `failed: ${(result.stderr || result.stdout).trim()}`;
}

export async function setUpHook(dir: string, scannerRange: string): Promise<SetupResult> {
  const root = (await runGit(dir, ['rev-parse', '--show-toplevel'])).toString().trim();
  const realRoot = realpathSync(root);
  const changes: SetupChange[] = [];
  const nextSteps: string[] = [];
  const packagePath = join(root, 'package.json');
  const hookPath = join(root, '.husky', 'pre-commit');
  // Everything is read and checked first: a file that cannot be used leaves every file as it was.
  const packageText = readEditedFile(packagePath, realRoot);
  const hookText = readEditedFile(hookPath, realRoot);
  const carried = hookText === undefined ? await existingGitHook(root) : undefined;
  const hasPackageJson = packageText !== undefined;
  const newPackage = hasPackageJson ? editedPackageJson(packagePath, packageText, scannerRange, changes) : undefined;
  const newHook = editedHook(hookText, carried, !hasPackageJson, changes);
  if (newPackage !== undefined) writeEditedFile(packagePath, newPackage);
  if (newHook !== undefined) {
    writeEditedFile(hookPath, newHook);
    if (hookText === undefined) chmodSync(hookPath, 0o755);
  }

  const hooksPath = (await tryGit(root, ['config', '--get', 'core.hooksPath']))?.toString().trim();
  if (hasPackageJson) {
    if (hooksPath !== '.husky/_') {
      const outcome = runInstalledHusky(root);
      if (outcome === undefined) nextSteps.push('run `npm install`: its prepare script (husky) turns the hook on');
      else if (outcome.startsWith('failed')) nextSteps.push(`husky ${outcome}; run \`npx husky\` once the problem is fixed`);
      else changes.push({ file: '.git/config', what: 'ran husky: core.hooksPath = .husky/_' });
    }
    if (!existsSync(join(root, 'node_modules', '.bin', 'engium-scan'))) nextSteps.push('run `npm install` so the hook finds engium-scan');
  } else if (hooksPath !== '.husky' && hooksPath !== '.husky/_') {
    // No package.json (not a Node project): let git run .husky/pre-commit directly.
    await runGit(root, ['config', 'core.hooksPath', '.husky']);
    changes.push({ file: '.git/config', what: 'core.hooksPath = .husky (no package.json, so git runs the hook without husky)' });
    nextSteps.push('install the scanner where the hook can find it (`npm install -g @engium/scanner`)');
  }
  return { root, changes, nextSteps };
}
