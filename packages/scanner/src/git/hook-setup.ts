// `engium-scan init`: puts `engium-scan staged` in the repository's husky pre-commit hook.
// Every step checks what is there first, so running it twice changes nothing, and each change
// is reported in words.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
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

interface PackageJson {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function editPackageJson(root: string, scannerRange: string, changes: SetupChange[]): boolean {
  const path = join(root, 'package.json');
  if (!existsSync(path)) return false;
  const text = readFileSync(path, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message}); fix it and run init again`, { cause: error });
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
  if (JSON.stringify(pkg) !== before) {
    const indent = /^[ \t]*(?=")/m.exec(text.slice(text.indexOf('\n') + 1))?.[0] || 2;
    writeFileSync(path, JSON.stringify(pkg, null, indent) + (text.endsWith('\n') ? '\n' : ''));
  }
  return true;
}

/** The lines of a plain git hook (`.git/hooks/pre-commit`) worth carrying over: everything but the shebang. */
async function existingGitHook(root: string): Promise<string | undefined> {
  const hooksPath = (await tryGit(root, ['config', '--get', 'core.hooksPath']))?.toString().trim();
  if (hooksPath) return undefined; // husky or another manager already owns the hooks
  const path = resolve(root, (await runGit(root, ['rev-parse', '--git-path', 'hooks/pre-commit'])).toString().trim());
  if (!existsSync(path)) return undefined;
  const body = readFileSync(path, 'utf8').replace(/^#![^\n]*\n/, '').trim();
  return body === '' ? undefined : `${body}\n`;
}

function writeHook(root: string, carried: string | undefined, standalone: boolean, changes: SetupChange[]): void {
  const dir = join(root, '.husky');
  const path = join(dir, 'pre-commit');
  const shown = relative(root, path);
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8');
    if (HOOK_LINE.test(text)) return;
    writeFileSync(path, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${HOOK_BLOCK}`);
    changes.push({ file: shown, what: `kept its ${text.split('\n').filter(Boolean).length} line(s) and added \`${HOOK_COMMAND}\`` });
    return;
  }
  mkdirSync(dir, { recursive: true });
  // Without husky's runner, git runs the file itself: it needs a shebang and node_modules/.bin on PATH.
  const prologue = standalone ? '#!/bin/sh\nPATH="node_modules/.bin:$PATH"\n' : '';
  writeFileSync(path, `${prologue}${carried ?? ''}${HOOK_BLOCK}`, { mode: 0o755 });
  chmodSync(path, 0o755);
  changes.push({
    file: shown,
    what: `created; runs \`${HOOK_COMMAND}\`${carried ? ' after the lines of your existing .git/hooks/pre-commit' : ''}`,
  });
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
  const changes: SetupChange[] = [];
  const nextSteps: string[] = [];
  const carried = existsSync(join(root, '.husky', 'pre-commit')) ? undefined : await existingGitHook(root);

  const hasPackageJson = editPackageJson(root, scannerRange, changes);
  writeHook(root, carried, !hasPackageJson, changes);

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
