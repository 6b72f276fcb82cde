/** One comment per pull request, found again by a hidden marker and updated in place on re-runs. */
import { code, GITHUB_BODY_MAX_CHARS, placesCell, rotationSteps, rowsWithin } from '../markdown.js';
import type { Octokit } from './github-client.js';
import type { LeakedKey, RunLink } from './leaks.js';

const MAX_COMMENT_KEYS = 50;
const MAX_PLACES_PER_KEY = 10;
/** Room kept below GitHub's limit, for the longest "…and N more" line. */
const COMMENT_MARGIN = 100;
/** What the webhook's markers may take of a comment. */
const MAX_MARKER_CHARS = 16_000;

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
  // The webhook's markers share the body's 65,536 characters: those that do not fit are left out, and their leaks may be alerted again.
  const head = [marker, ...rowsWithin(alerted, MAX_MARKER_CHARS).rows].join('\n');
  if (keys.length === 0) {
    return `${head}\n### Engium Guard${scope}\n\n✅ The latest run found no leaked Engium live key in this pull request${run}.\n`;
  }
  const places = keys.reduce((total, key) => total + key.findings.length, 0);
  const steps = ['', '**Rotate each key:**', '', rotationSteps(), ''];
  const intro = [
    head,
    `### Engium Guard${scope}: rotate leaked Engium keys`,
    '',
    `This pull request leaks ${keys.length} live Engium API key${keys.length === 1 ? '' : 's'}, in ${places} place${places === 1 ? '' : 's'}${run}. ` +
      'A key that was ever pushed is leaked, even if a later commit removes it: removing it from the code is not enough.',
    '',
    '| Key | Fingerprint | Where |',
    '| --- | --- | --- |',
  ];
  // A comment holds 65,536 characters: a few places per key, and the keys that fit, worst first.
  const rows = keys.slice(0, MAX_COMMENT_KEYS).map((key) => `| ${code(key.redacted)} | ${code(key.fingerprint)} | ${placesCell(key, MAX_PLACES_PER_KEY)} |`);
  const more = (left: number): string[] =>
    left > 0 ? ['', `…and ${left} more leaked key${left === 1 ? '' : 's'}: the job summary${link.url ? ` of [this run](${link.url})` : ''} and its SARIF and JSON reports list every one.`] : [];
  const fixed = [...intro, ...more(keys.length), ...steps].join('\n').length;
  const shown = rowsWithin(rows, GITHUB_BODY_MAX_CHARS - COMMENT_MARGIN - fixed).rows;
  return [...intro, ...shown, ...more(keys.length - shown.length), ...steps].join('\n');
}

export type CommentOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface ExistingComment {
  id: number;
  body?: string | undefined;
}

/** This folder's comment on the pull request, if an earlier run left one. */
export async function findPullRequestComment(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  issueNumber: number,
  workingDirectory = '',
): Promise<ExistingComment | undefined> {
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
  /** What findPullRequestComment found earlier in the run (undefined: look now). */
  earlier?: { comment: ExistingComment | undefined },
): Promise<CommentOutcome> {
  const marker = commentMarker(workingDirectory);
  const existing = earlier ? earlier.comment : await findPullRequestComment(octokit, repo, issueNumber, workingDirectory);
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
