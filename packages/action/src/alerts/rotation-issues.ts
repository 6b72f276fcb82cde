/**
 * On the default branch and in scheduled audits: one issue per leaked key, found again by a hidden
 * marker holding its fingerprint, so a key already reported (open or closed) is never reported twice
 * nor reopened.
 */
import type { getOctokit } from '@actions/github';
import { code, rotationSteps, where } from '../markdown.js';
import type { LeakedKey, RunLink } from './leaks.js';

type Octokit = ReturnType<typeof getOctokit>;

const MAX_PLACES = 100;

export function issueMarker(fingerprint: string): string {
  return `<!-- engium-guard:leaked-key:${fingerprint} -->`;
}

export function issueBody(key: LeakedKey, link: RunLink): string {
  return [
    issueMarker(key.fingerprint),
    `The Engium live API key ${code(key.redacted)} (fingerprint ${code(key.fingerprint)}) is committed to this repository` +
      `${link.url ? ` (found by [this run](${link.url}))` : ''}. Anyone who can read the repository or its history can use it.`,
    '',
    '**Where it leaked:**',
    '',
    // Issue bodies hold 65,536 characters at most.
    ...key.findings.slice(0, MAX_PLACES).map((finding) => `- ${where(finding)}: ${finding.severity}, exposure ${finding.exposure}`),
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
  repo: { owner: string; repo: string },
  keys: readonly LeakedKey[],
  link: RunLink,
  label: string,
): Promise<{ created: number[]; existing: number }> {
  if (keys.length === 0) return { created: [], existing: 0 };
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, state: 'all', labels: label, per_page: 100 });
  const reported = new Set<string>();
  for (const issue of issues) {
    for (const key of keys) if (issue.body?.includes(issueMarker(key.fingerprint))) reported.add(key.fingerprint);
  }
  const created: number[] = [];
  for (const key of keys) {
    if (reported.has(key.fingerprint)) continue;
    const { data } = await octokit.rest.issues.create({
      ...repo,
      title: `Rotate the leaked Engium live key ${key.redacted} (${key.fingerprint})`,
      body: issueBody(key, link),
      labels: [label],
    });
    created.push(data.number);
  }
  return { created, existing: reported.size };
}
