// Finding, creating and naming rotation issues is the Engium Guard action's module, so where an
// organisation audit and the action report into the same repository, each finds the other's issue
// and a key still gets one issue. What is the audit's own: the list of places across repositories
// and runs, and updating it.
import { createRotationIssue, findRotationIssues, issueMarker, ROTATION_LABEL } from '@engium/action/rotation-issues';
import { meetsThreshold, ROTATION_STEPS, type SeverityThreshold } from '@engium/core';
import type { Finding, Occurrence } from '@engium/scanner';
import type { Octokit } from './github.js';
import { cell } from './markdown.js';

/** A rotation issue as the summary links it. */
export interface RotationIssue {
  number: number;
  url: string;
  state: 'open' | 'closed';
  action: 'created' | 'updated' | 'unchanged';
}

const PLACES_PREFIX = '<!-- engium-guard:places ';
/** GitHub refuses issue bodies over 65,536 characters; this leaves room for the note on what did not fit. */
const MAX_BODY_LENGTH = 65_000;
const MAX_TABLE_ROWS = 100;
const MAX_NAMED_REPOSITORIES = 30;
const MAX_PATH_LENGTH = 120;

/** Where a key was seen, as an issue remembers it across runs (incremental runs see only new commits). */
type Place = [repository: string, file: string, line: number, sha: string, date: string, presentAtHead: boolean | null];

function placeOf(occurrence: Occurrence): Place {
  const { repository, file, line, commit } = occurrence;
  return [repository, file, line, commit?.sha ?? '', commit?.date ?? '', commit ? commit.presentAtHead : null];
}

function rememberedPlaces(body: string): Place[] {
  const start = body.indexOf(PLACES_PREFIX);
  if (start < 0) return [];
  const end = body.indexOf(' -->', start);
  try {
    const places = JSON.parse(Buffer.from(body.slice(start + PLACES_PREFIX.length, end), 'base64').toString('utf8')) as unknown;
    return Array.isArray(places) ? (places as Place[]) : [];
  } catch {
    return [];
  }
}

function unionPlaces(old: Place[], fresh: Place[]): Place[] {
  const byKey = new Map<string, Place>();
  for (const place of [...old, ...fresh]) byKey.set(JSON.stringify(place.slice(0, 4)), place);
  return [...byKey.values()].sort((a, b) => (a[4] || '9').localeCompare(b[4] || '9') || a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
}


/** The issue's body: what leaked, what to do, and every place seen so far (this run's and earlier runs'). */
export function issueBody(finding: Finding, places: Place[]): string {
  const { redacted, fingerprint, kind } = finding.secret;
  const repositories = [...new Set(places.map((place) => place[0]))].sort();
  const named = repositories.slice(0, MAX_NAMED_REPOSITORIES).map(cell).join(', ');
  const lines = [
    issueMarker(fingerprint),
    `The Engium ${kind} key \`${redacted}\` (fingerprint \`${fingerprint}\`) is committed in ${repositories.length} repositor${repositories.length === 1 ? 'y' : 'ies'}: ` +
      `${named}${repositories.length > MAX_NAMED_REPOSITORIES ? ` and ${repositories.length - MAX_NAMED_REPOSITORIES} more` : ''}.`,
    'A key that was ever committed must be treated as leaked, even when a later commit removed it.',
    '',
    '### Rotate it',
    ...ROTATION_STEPS.map((step, index) => `${index + 1}. ${step}`),
    '',
    'Close this issue once the old key is revoked: the organisation audit keeps it updated but never reopens it.',
    '',
    '### Where it was found',
    '| Repository | File | Line | Commit | Date | Still at HEAD |',
    '| --- | --- | ---: | --- | --- | --- |',
    ...places.slice(0, MAX_TABLE_ROWS).map(([repository, file, line, sha, date, atHead]) =>
      `| ${cell(repository)} | \`${cell(file.length > MAX_PATH_LENGTH ? `…${file.slice(-MAX_PATH_LENGTH)}` : file)}\` | ${line} | ${sha ? sha.slice(0, 12) : 'HEAD'} | ${date.slice(0, 10)} | ${atHead === false ? 'no' : 'yes'} |`,
    ),
  ];
  if (places.length > MAX_TABLE_ROWS) lines.push('', `…and ${places.length - MAX_TABLE_ROWS} more places (see the audit's merged report).`);
  const text = lines.join('\n');
  // Issue bodies hold 65,536 characters: remember as many places (oldest first) as fit.
  let remembered = places.length;
  let block = rememberBlock(places);
  while (remembered > 0 && text.length + block.length > MAX_BODY_LENGTH) {
    remembered = Math.floor(remembered * 0.8);
    block = rememberBlock(places.slice(0, remembered));
  }
  const note = remembered < places.length ? `\n\n${places.length - remembered} newer places do not fit in this issue; the audit's merged report has them.` : '';
  return `${text}${note}\n\n${block}`;
}

function rememberBlock(places: Place[]): string {
  return `${PLACES_PREFIX}${Buffer.from(JSON.stringify(places)).toString('base64')} -->`;
}

export interface UpsertOptions {
  owner: string;
  repo: string;
  /** For links when the API leaves out html_url (GITHUB_SERVER_URL). */
  serverUrl?: string;
  threshold: SeverityThreshold;
  label?: string;
}

/**
 * One issue per key fingerprint in the tracking repository, found again by the hidden marker in
 * its body: created the first time, updated (never duplicated, never reopened) after that.
 */
export async function upsertRotationIssues(octokit: Octokit, findings: readonly Finding[], options: UpsertOptions): Promise<Map<string, RotationIssue>> {
  const label = options.label ?? ROTATION_LABEL;
  const link = (issue: { number: number; html_url?: string }): string =>
    issue.html_url ?? `${options.serverUrl ?? 'https://github.com'}/${options.owner}/${options.repo}/issues/${issue.number}`;
  const due = findings.filter((finding) => meetsThreshold(finding.severity, options.threshold));
  const result = new Map<string, RotationIssue>();
  if (due.length === 0) return result;

  const repository = { owner: options.owner, repo: options.repo };
  const existing = await findRotationIssues(octokit, repository, label);

  for (const finding of due) {
    const fingerprint = finding.secret.fingerprint;
    const fresh = (finding.occurrences ?? []).map(placeOf);
    const found = existing.get(fingerprint);
    if (!found) {
      const data = await createRotationIssue(octokit, repository, finding.secret, issueBody(finding, unionPlaces([], fresh)), label);
      result.set(fingerprint, { number: data.number, url: link(data), state: 'open', action: 'created' });
      continue;
    }
    const body = issueBody(finding, unionPlaces(rememberedPlaces(found.body ?? ''), fresh));
    const state = found.state === 'closed' ? 'closed' : 'open';
    if (body === found.body) {
      result.set(fingerprint, { number: found.number, url: link(found), state, action: 'unchanged' });
      continue;
    }
    await octokit.rest.issues.update({ ...repository, issue_number: found.number, body });
    result.set(fingerprint, { number: found.number, url: link(found), state, action: 'updated' });
  }
  return result;
}
