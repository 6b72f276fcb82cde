import { readFile, writeFile } from 'node:fs/promises';

/**
 * What an audit remembers between runs, kept as a workflow artifact: the last commit scanned on
 * each repository's default branch, so the next run scans only the commits added since.
 */
export interface AuditState {
  version: 1;
  repositories: Record<string, RepositoryState>;
}

export interface RepositoryState {
  /** Full SHA of the default branch's head when it was last scanned. */
  commit: string;
  /** ISO 8601. */
  scannedAt: string;
}

export function emptyState(): AuditState {
  return { version: 1, repositories: {} };
}

/**
 * Reads the state file. A missing file is a first run; a broken one is reported through `warn`
 * and treated as empty, which means a full rescan: never a skipped repository.
 */
export async function readState(path: string | undefined, warn: (message: string) => void): Promise<AuditState> {
  if (!path) return emptyState();
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warn(`cannot read the audit state ${path} (${(error as Error).message}): scanning every repository in full`);
    return emptyState();
  }
  try {
    const value = JSON.parse(text) as Partial<AuditState>;
    if (value.version !== 1 || typeof value.repositories !== 'object' || value.repositories === null) throw new Error('not an audit state (version 1)');
    const repositories: Record<string, RepositoryState> = {};
    for (const [name, entry] of Object.entries(value.repositories)) {
      if (typeof entry?.commit === 'string' && /^[0-9a-f]{40}$/.test(entry.commit)) repositories[name] = { commit: entry.commit, scannedAt: String(entry.scannedAt ?? '') };
      else warn(`the audit state's entry for ${name} has no valid commit: scanning it in full`);
    }
    return { version: 1, repositories };
  } catch (error) {
    warn(`the audit state ${path} is unusable (${(error as Error).message}): scanning every repository in full`);
    return emptyState();
  }
}

export async function writeState(path: string, state: AuditState): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(state.repositories).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await writeFile(path, `${JSON.stringify({ version: 1, repositories: sorted }, null, 2)}\n`);
}

/** What one matrix job reports next to its findings (`scan.json` in its artifact). */
export interface ScanRecord {
  repository: string;
  /** The commit that was scanned (the default branch's head). */
  commit: string;
  /** The branch that was scanned. */
  ref?: string;
  /** The commit history was scanned from, when the run was incremental. */
  since?: string;
  scannedAt: string;
}

/**
 * The state after a run: each repository scanned now moves to its new commit; repositories that
 * were not scanned this time (a failed job, a narrower selection) keep what they had, so a later
 * run picks up where they stopped.
 */
export function advanceState(previous: AuditState, scanned: readonly ScanRecord[]): AuditState {
  const repositories = { ...previous.repositories };
  for (const record of scanned) repositories[record.repository] = { commit: record.commit, scannedAt: record.scannedAt };
  return { version: 1, repositories };
}
