import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import fg from 'fast-glob';

/** A report file to merge and the repository name it was given, if any. */
export interface ReportInput {
  path: string;
  /** From `NAME=FILE`: wins over the report's own `repository` field. */
  name?: string;
  /** Used when neither `NAME=FILE` nor the report names the repository: the path below DIR, or the file name. */
  derivedName: string;
}

// `owner/name` or `name`, as GitHub spells repositories; anything else before `=` is part of a path.
const NAMED_INPUT = /^([A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)?)=(.+)$/;

/**
 * Turns command-line arguments into report files: `FILE`, `NAME=FILE`, or `DIR` (every `*.json`
 * below it, named by its path without the extension, so `reports/acme/api.json` is `acme/api`;
 * symbolic links below DIR are not followed).
 */
export async function resolveInputs(args: readonly string[]): Promise<ReportInput[]> {
  const inputs: ReportInput[] = [];
  for (const arg of args) {
    const named = NAMED_INPUT.exec(arg);
    if (named && !(await exists(arg))) {
      inputs.push({ name: named[1] as string, path: named[2] as string, derivedName: named[1] as string });
      continue;
    }
    if ((await stat(arg).catch(() => undefined))?.isDirectory()) {
      // Links are not followed: one that loops (`sub/loop -> ..`) would list a report once per lap,
      // each as a repository of its own, and one to `/` would walk the machine.
      const files = await fg('**/*.json', { cwd: arg, onlyFiles: true, dot: false, followSymbolicLinks: false });
      for (const file of files.sort()) inputs.push({ path: `${arg.replace(/(?<!\/)\/+$/, '')}/${file}`, derivedName: file.replace(/\.json$/, '') });
      continue;
    }
    inputs.push({ path: arg, derivedName: basename(arg).replace(/\.json$/, '') });
  }
  return inputs;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}

