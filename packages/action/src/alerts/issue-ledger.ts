/**
 * On the default branch the webhook's memory lives with the rotation issues: one comment on a key's
 * issue per alert, carrying the alert marker (alert-ledger.ts). Closed issues keep their comments,
 * so a key that was dealt with is not announced again unless it spreads.
 */
import { alertMarker, readLedger, type AlertLedger, type LeakToAlert } from './alert-ledger.js';
import type { Octokit } from './github-client.js';
import type { RunLink } from './leaks.js';
import type { Repository } from './rotation-issues.js';

const STATUS_TEXT: Record<LeakToAlert['status'], string> = {
  new: 'this key leaked',
  'worse-exposure': 'this key now reaches a worse exposure',
  'new-places': 'this key is in new places',
};

/** The alert markers on the rotation issues of `fingerprints` (issue numbers by fingerprint). */
export async function ledgerOnIssues(octokit: Octokit, repository: Repository, issues: ReadonlyMap<string, number>, fingerprints: readonly string[]): Promise<AlertLedger> {
  const bodies: (string | undefined)[] = [];
  for (const fingerprint of fingerprints) {
    const issueNumber = issues.get(fingerprint);
    if (issueNumber === undefined) continue;
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repository, issue_number: issueNumber, per_page: 100 });
    bodies.push(...comments.map((comment) => comment.body));
  }
  return readLedger(bodies);
}

/** Leaves one comment per alerted key on its rotation issue, so the next run knows it was said. */
export async function recordOnIssues(octokit: Octokit, repository: Repository, issues: ReadonlyMap<string, number>, alerted: readonly LeakToAlert[], link: RunLink): Promise<number> {
  let recorded = 0;
  for (const { leak, status, newPlaces } of alerted) {
    const issueNumber = issues.get(leak.fingerprint);
    if (issueNumber === undefined) continue;
    const run = link.url ? ` by [this run](${link.url})` : '';
    const places = status === 'new' ? '' : ` ${newPlaces.length} new place${newPlaces.length === 1 ? '' : 's'}, exposure ${leak.exposure}.`;
    const body = `${alertMarker(leak)}\nEngium Guard sent the webhook alert${run}: ${STATUS_TEXT[status]}.${places}\n`;
    await octokit.rest.issues.createComment({ ...repository, issue_number: issueNumber, body });
    recorded++;
  }
  return recorded;
}
