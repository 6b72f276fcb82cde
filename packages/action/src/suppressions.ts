/**
 * In a pull request, suppressions count only when the base branch has them: the config (its
 * allowlist, includes and excludes) and the baseline are read from the base commit with
 * `git show`, and an `engium-ignore` comment on a line the pull request added hides nothing.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { git } from './git.js';

export interface SuppressionFiles {
  /** Always a file: an empty config stands in when there is none, so no scan falls back to the scanned tree's own. */
  configFile: string;
  baselineFile: string | undefined;
  /** Removes the copies. */
  cleanup: () => Promise<void>;
}

const EMPTY_CONFIG = '{}\n';

async function showAtCommit(repo: string, commit: string, path: string): Promise<string | undefined> {
  try {
    return await git(repo, ['show', `${commit}:${path}`]);
  } catch {
    return undefined;
  }
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Copies the config and baseline (repository-relative paths) to a temp dir: from the `base`
 * commit when given (pull requests), else from the checkout.
 */
export async function suppressionFiles(repo: string, base: string | undefined, configPath: string, baselinePath: string | undefined): Promise<SuppressionFiles> {
  const dir = await mkdtemp(join(tmpdir(), 'engium-guard-config-'));
  const read = (path: string) => (base === undefined ? readIfPresent(join(repo, path)) : showAtCommit(repo, base, posix.normalize(path)));
  const config = await read(configPath);
  const baseline = baselinePath === undefined ? undefined : await read(baselinePath);
  const configFile = join(dir, 'engium.config.json');
  await writeFile(configFile, config ?? EMPTY_CONFIG);
  let baselineFile: string | undefined;
  if (baseline !== undefined) {
    baselineFile = join(dir, 'engium.baseline.json');
    await writeFile(baselineFile, baseline);
  }
  return { configFile, baselineFile, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Fingerprints a config or baseline text names (parsed as JSON, never run); empty when unreadable. */
function fingerprintsIn(text: string | undefined, list: 'allowlist' | 'findings'): Set<string> {
  if (text === undefined) return new Set();
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const entries = Array.isArray(parsed[list]) ? (parsed[list] as unknown[]) : [];
    return new Set(entries.map((entry) => (entry as { fingerprint?: unknown }).fingerprint).filter((value): value is string => typeof value === 'string'));
  } catch {
    return new Set();
  }
}

/**
 * The allowlist and baseline fingerprints that the head commit adds over the base: suppressions
 * a pull request wrote for itself, which do not count, named so the finding can say so.
 */
export async function suppressionsAddedByChange(
  repo: string,
  base: string,
  head: string,
  configPath: string,
  baselinePath: string | undefined,
): Promise<Map<string, string>> {
  const added = new Map<string, string>();
  const paths: [string | undefined, 'allowlist' | 'findings'][] = [[configPath, 'allowlist'], [baselinePath, 'findings']];
  for (const [path, list] of paths) {
    if (path === undefined) continue;
    const before = fingerprintsIn(await showAtCommit(repo, base, posix.normalize(path)), list);
    for (const fingerprint of fingerprintsIn(await showAtCommit(repo, head, posix.normalize(path)), list)) {
      if (!before.has(fingerprint) && !added.has(fingerprint)) {
        added.set(
          fingerprint,
          `This change adds it to ${path} (${list === 'allowlist' ? 'allowlist' : 'baseline'}), which does not count: suppressions come from the base branch only, so a maintainer must approve it there.`,
        );
      }
    }
  }
  return added;
}
