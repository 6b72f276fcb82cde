import picomatch from 'picomatch';
import { splitRepository, type Octokit } from './github.js';

/** Which of an organisation's repositories to audit (the workflow's inputs). */
export interface RepositorySelection {
  organization: string;
  /** Only repositories carrying this topic. */
  topic?: string;
  /** Glob(s) over repository names (`api-*`, `!*-archive`), matched without the owner. */
  namePatterns?: string[];
  /** An explicit list (`name` or `owner/name`): these and nothing else. */
  repositories?: string[];
  includeForks?: boolean;
  includeArchived?: boolean;
}

/** A repository to audit: what the matrix job needs to check it out. */
export interface AuditedRepository {
  /** `owner/name`. */
  repository: string;
  defaultBranch: string;
  /** No commits yet: there is nothing to check out (actions/checkout fails on it) nor to scan. */
  empty?: boolean;
}

interface RepositoryPayload {
  full_name: string;
  name: string;
  default_branch?: string;
  archived?: boolean;
  fork?: boolean;
  topics?: string[];
  size?: number;
}

function matchesName(namePatterns: readonly string[]): (name: string) => boolean {
  const include = namePatterns.filter((pattern) => !pattern.startsWith('!'));
  const exclude = namePatterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
  const included = include.length ? picomatch(include, { nocase: true }) : () => true;
  const excluded = exclude.length ? picomatch(exclude, { nocase: true }) : () => false;
  return (name) => included(name) && !excluded(name);
}

/**
 * Whether a repository has no commits. Only a repository of size 0 can be empty, so only those are
 * asked; GitHub answers 409 ("Git Repository is empty") for an empty one's commits. Any other answer
 * leaves it to the scan job, which says what went wrong.
 */
async function isEmpty(octokit: Octokit, payload: RepositoryPayload): Promise<boolean> {
  if (payload.size !== 0) return false;
  try {
    await octokit.rest.repos.listCommits({ ...splitRepository(payload.full_name), per_page: 1 });
    return false;
  } catch (error) {
    return (error as { status?: number }).status === 409;
  }
}

async function toAudited(octokit: Octokit, payload: RepositoryPayload): Promise<AuditedRepository> {
  const audited = { repository: payload.full_name, defaultBranch: payload.default_branch ?? 'main' };
  return (await isEmpty(octokit, payload)) ? { ...audited, empty: true } : audited;
}

/**
 * The repositories to audit, sorted by name, those without commits marked empty. An explicit list
 * is fetched one by one (a missing or unreadable repository is an error, not a silent gap);
 * otherwise every repository of the organisation is listed and filtered by topic, name patterns,
 * forks and archived state.
 */
export async function listRepositories(octokit: Octokit, selection: RepositorySelection): Promise<AuditedRepository[]> {
  if (selection.repositories?.length) {
    const found: AuditedRepository[] = [];
    const missing: string[] = [];
    for (const entry of selection.repositories) {
      const { owner, repo } = splitRepository(entry.includes('/') ? entry : `${selection.organization}/${entry}`);
      try {
        const { data } = await octokit.rest.repos.get({ owner, repo });
        found.push(await toAudited(octokit, data));
      } catch (error) {
        missing.push(`${owner}/${repo} (${(error as { status?: number }).status ?? (error as Error).message})`);
      }
    }
    if (missing.length) throw new Error(`cannot read ${missing.length} listed repositor${missing.length === 1 ? 'y' : 'ies'}: ${missing.join(', ')}; check the names and the token's access`);
    return dedupe(found);
  }

  const all = (await octokit.paginate(octokit.rest.repos.listForOrg, { org: selection.organization, type: 'all', per_page: 100 })) as RepositoryPayload[];
  const nameMatches = matchesName(selection.namePatterns ?? []);
  const topic = selection.topic?.trim().toLowerCase();
  const selected = all
    .filter((repo) => selection.includeArchived || !repo.archived)
    .filter((repo) => selection.includeForks || !repo.fork)
    .filter((repo) => !topic || (repo.topics ?? []).some((t) => t.toLowerCase() === topic))
    .filter((repo) => nameMatches(repo.name));
  const audited: AuditedRepository[] = [];
  for (const repo of selected) audited.push(await toAudited(octokit, repo));
  return dedupe(audited);
}

function dedupe(repositories: AuditedRepository[]): AuditedRepository[] {
  const byName = new Map(repositories.map((repo) => [repo.repository.toLowerCase(), repo]));
  return [...byName.values()].sort((a, b) => (a.repository < b.repository ? -1 : a.repository > b.repository ? 1 : 0));
}
