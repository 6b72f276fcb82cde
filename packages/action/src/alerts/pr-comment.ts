/** One comment per pull request, found again by a hidden marker and updated in place on re-runs. */
import type { getOctokit } from '@actions/github';
import { code, placesCell, rotationSteps } from '../markdown.js';
import type { LeakedKey, RunLink } from './leaks.js';

type Octokit = ReturnType<typeof getOctokit>;

const MAX_COMMENT_KEYS = 50;
const MAX_PLACES_PER_KEY = 10;

export const COMMENT_MARKER = '<!-- engium-guard:pull-request-comment -->';

/** One comment per scanned folder, so the jobs of a monorepo matrix do not overwrite each other's. */
export function commentMarker(workingDirectory: string): string {
  return workingDirectory === '' ? COMMENT_MARKER : `<!-- engium-guard:pull-request-comment:${encodeURIComponent(workingDirectory)} -->`;
}

/**
 * `alerted`: the webhook's markers (alert-ledger.ts), kept in the comment so a rerun of the pull
 * request does not alert again.
 */
export function commentBody(keys: readonly LeakedKey[], link: RunLink, marker = COMMENT_MARKER, scope = '', alerted: readonly string[] = []): string {
  const run = link.url ? ` ([run](${link.url}))` : '';
  const head = [marker, ...alerted].join('\n');
  if (keys.length === 0) {
    return `${head}\n### Engium Guard${scope}\n\n✅ The latest run found no leaked Engium live key in this pull request${run}.\n`;
  }
  const places = keys.reduce((total, key) => total + key.findings.length, 0);
  const lines = [
    head,
    `### Engium Guard${scope}: rotate leaked Engium keys`,
    '',
    `This pull request leaks ${keys.length} live Engium API key${keys.length === 1 ? '' : 's'}, in ${places} place${places === 1 ? '' : 's'}${run}. ` +
      'A key that was ever pushed is leaked, even if a later commit removes it: removing it from the code is not enough.',
    '',
    '| Key | Fingerprint | Where |',
    '| --- | --- | --- |',
    // Comments hold 65,536 characters at most: a few places per key, a bounded number of keys.
    ...keys.slice(0, MAX_COMMENT_KEYS).map((key) => `| ${code(key.redacted)} | ${code(key.fingerprint)} | ${placesCell(key, MAX_PLACES_PER_KEY)} |`),
    ...(keys.length > MAX_COMMENT_KEYS ? ['', `…and ${keys.length - MAX_COMMENT_KEYS} more keys: see the job summary.`] : []),
    '',
    '**Rotate each key:**',
    '',
    rotationSteps(),
    '',
  ];
  return lines.join('\n');
}

export type CommentOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';

/** This folder's comment on the pull request, if an earlier run left one. */
export async function findPullRequestComment(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  issueNumber: number,
  workingDirectory = '',
): Promise<{ id: number; body?: string | undefined } | undefined> {
  const marker = commentMarker(workingDirectory);
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 });
  return comments.find((comment) => comment.body?.includes(marker));
}

export async function upsertPullRequestComment(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  issueNumber: number,
  keys: readonly LeakedKey[],
  link: RunLink,
  workingDirectory = '',
  alerted: readonly string[] = [],
): Promise<CommentOutcome> {
  const marker = commentMarker(workingDirectory);
  const existing = await findPullRequestComment(octokit, repo, issueNumber, workingDirectory);
  // A pull request that never leaked gets no comment; one that did is told when it is clean again.
  if (!existing && keys.length === 0) return 'skipped';
  const body = commentBody(keys, link, marker, workingDirectory === '' ? '' : ` (${code(workingDirectory)})`, alerted);
  if (existing) {
    if (existing.body === body) return 'unchanged';
    await octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
    return 'updated';
  }
  await octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
  return 'created';
}
