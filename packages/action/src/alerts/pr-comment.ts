/** One comment per pull request, found again by a hidden marker and updated in place on re-runs. */
import type { getOctokit } from '@actions/github';
import { code, rotationSteps, where } from '../markdown.js';
import type { LeakedKey, RunLink } from './leaks.js';

type Octokit = ReturnType<typeof getOctokit>;

export const COMMENT_MARKER = '<!-- engium-guard:pull-request-comment -->';

export function commentBody(keys: readonly LeakedKey[], link: RunLink): string {
  const run = link.url ? ` ([run](${link.url}))` : '';
  if (keys.length === 0) {
    return `${COMMENT_MARKER}\n### Engium Guard\n\n✅ The latest run found no leaked Engium live key in this pull request${run}.\n`;
  }
  const lines = [
    COMMENT_MARKER,
    '### Engium Guard: rotate leaked Engium keys',
    '',
    `This pull request leaks ${keys.length} live Engium API key${keys.length === 1 ? '' : 's'}${run}. ` +
      'A key that was ever pushed is leaked, even if a later commit removes it: removing it from the code is not enough.',
    '',
    '| Key | Fingerprint | Where |',
    '| --- | --- | --- |',
    ...keys.map((key) => `| ${code(key.redacted)} | ${code(key.fingerprint)} | ${key.findings.map(where).join('<br>')} |`),
    '',
    '**Rotate each key:**',
    '',
    rotationSteps(),
    '',
  ];
  return lines.join('\n');
}

export type CommentOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';

export async function upsertPullRequestComment(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  issueNumber: number,
  keys: readonly LeakedKey[],
  link: RunLink,
): Promise<CommentOutcome> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 });
  const existing = comments.find((comment) => comment.body?.includes(COMMENT_MARKER));
  // A pull request that never leaked gets no comment; one that did is told when it is clean again.
  if (!existing && keys.length === 0) return 'skipped';
  const body = commentBody(keys, link);
  if (existing) {
    if (existing.body === body) return 'unchanged';
    await octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
    return 'updated';
  }
  await octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
  return 'created';
}
