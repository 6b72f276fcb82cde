/**
 * Rotation issues: one issue per leaked key, found again by a hidden marker holding its fingerprint
 * under a label, so a key gets one issue however many runs report it. The action opens them and
 * never touches them again (open-rotation-issues.ts); the organisation audit (packages/org-audit)
 * finds the same issues through this module and keeps their list of places up to date. Either one
 * finds the other's issue for a key, so a key still gets a single issue.
 */
import type { getOctokit } from '@actions/github';
import type { SecretDescription } from '@engium/core';

type Octokit = ReturnType<typeof getOctokit>;

export interface Repository {
  owner: string;
  repo: string;
}

/** The label the issues carry by default; it is how they are listed again. */
export const ROTATION_LABEL = 'engium-leaked-key';

const MARKER = /<!-- engium-guard:leaked-key:([0-9a-f]+) -->/;

export function issueMarker(fingerprint: string): string {
  return `<!-- engium-guard:leaked-key:${fingerprint} -->`;
}

type KeyDescription = Pick<SecretDescription, 'kind' | 'redacted' | 'fingerprint'>;

export function issueTitle(secret: KeyDescription): string {
  return `Rotate the leaked Engium ${secret.kind} key ${secret.redacted} (${secret.fingerprint})`;
}

/** A rotation issue as the REST API returns it. */
export interface RotationIssue {
  number: number;
  html_url?: string;
  state: string;
  body?: string | null;
}

/**
 * Every rotation issue of the repository (open or closed) by the fingerprint its marker holds; the
 * oldest wins where two carry the same marker.
 */
export async function findRotationIssues(octokit: Octokit, repository: Repository, label: string): Promise<Map<string, RotationIssue>> {
  const listed = await octokit.paginate(octokit.rest.issues.listForRepo, { ...repository, state: 'all', labels: label, per_page: 100, sort: 'created', direction: 'asc' });
  const found = new Map<string, RotationIssue>();
  for (const issue of listed) {
    if (issue.pull_request) continue;
    const fingerprint = MARKER.exec(issue.body ?? '')?.[1];
    if (fingerprint !== undefined && !found.has(fingerprint)) found.set(fingerprint, issue);
  }
  return found;
}

/** Opens the issue for one key; `body` must start with its marker (issueMarker) to be found again. */
export async function createRotationIssue(octokit: Octokit, repository: Repository, secret: KeyDescription, body: string, label: string): Promise<RotationIssue> {
  if (!body.startsWith(issueMarker(secret.fingerprint))) throw new Error(`a rotation issue's body must start with the marker for ${secret.fingerprint}`);
  const { data } = await octokit.rest.issues.create({ ...repository, title: issueTitle(secret), body, labels: [label] });
  return data;
}
