/**
 * On the default branch and in scheduled audits: one issue per leaked live key, opened once and then
 * left to people, so a key already reported (open or closed) is never reported twice nor reopened.
 */
import type { getOctokit } from '@actions/github';
import { placeRole } from '@engium/scanner';
import { code, rotationSteps, where } from '../markdown.js';
import type { LeakedKey, RunLink } from './leaks.js';
import { createRotationIssue, findRotationIssues, issueMarker, type Repository } from './rotation-issues.js';

type Octokit = ReturnType<typeof getOctokit>;

const MAX_PLACES = 100;

export function issueBody(key: LeakedKey, link: RunLink): string {
  return [
    issueMarker(key.fingerprint),
    `The Engium live API key ${code(key.redacted)} (fingerprint ${code(key.fingerprint)}) is committed to this repository` +
      `${link.url ? ` (found by [this run](${link.url}))` : ''}. Anyone who can read the repository or its history can use it.`,
    '',
    '**Where it leaked:**',
    '',
    // Issue bodies hold 65,536 characters at most.
    ...key.findings.slice(0, MAX_PLACES).map((finding) => `- ${where(finding)}: ${placeRole(finding)}, ${finding.severity}, exposure ${finding.exposure}`),
    ...(key.findings.length > MAX_PLACES ? [`- …and ${key.findings.length - MAX_PLACES} more places`] : []),
    '',
    '**Rotate it now:**',
    '',
    rotationSteps(),
    '',
    'Close this issue once the old key is revoked. Engium Guard will not open it again for this key.',
    '',
  ].join('\n');
}

export async function openRotationIssues(
  octokit: Octokit,
  repository: Repository,
  keys: readonly LeakedKey[],
  link: RunLink,
  label: string,
): Promise<{ created: number[]; existing: number; issues: Map<string, number> }> {
  const issues = new Map<string, number>();
  if (keys.length === 0) return { created: [], existing: 0, issues };
  const reported = await findRotationIssues(octokit, repository, label);
  const created: number[] = [];
  let existing = 0;
  for (const key of keys) {
    const known = reported.get(key.fingerprint);
    if (known) {
      existing++;
      issues.set(key.fingerprint, known.number);
      continue;
    }
    const issue = await createRotationIssue(octokit, repository, { kind: 'live', redacted: key.redacted, fingerprint: key.fingerprint }, issueBody(key, link), label);
    created.push(issue.number);
    issues.set(key.fingerprint, issue.number);
  }
  return { created, existing, issues };
}
