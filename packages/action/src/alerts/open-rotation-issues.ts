/**
 * On the default branch and in scheduled audits: one issue per leaked live key, opened once and then
 * left to people, so a key already reported (open or closed) is never reported twice nor reopened.
 */
import { placeRole } from '@engium/scanner';
import { code, GITHUB_BODY_MAX_CHARS, rotationSteps, rowsWithin, where } from '../markdown.js';
import type { Octokit } from './github-client.js';
import type { LeakedKey, RunLink } from './leaks.js';
import { createRotationIssue, findRotationIssues, issueMarker, type Repository } from './rotation-issues.js';

const MAX_PLACES = 100;

/** Room kept below GitHub's limit, for the "…and N more places" line. */
const BODY_MARGIN = 200;

export function issueBody(key: LeakedKey, link: RunLink): string {
  const intro = [
    issueMarker(key.fingerprint),
    `The Engium live API key ${code(key.redacted)} (fingerprint ${code(key.fingerprint)}) is committed to this repository` +
      `${link.url ? ` (found by [this run](${link.url}))` : ''}. Anyone who can read the repository or its history can use it.`,
    '',
    '**Where it leaked:**',
    '',
  ];
  const outro = [
    '',
    '**Rotate it now:**',
    '',
    rotationSteps(),
    '',
    'Close this issue once the old key is revoked. Engium Guard will not open it again for this key.',
    '',
  ];
  // An issue body holds 65,536 characters: the places that fit, the one that matters most first.
  const places = key.findings.slice(0, MAX_PLACES).map((finding) => `- ${where(finding)}: ${placeRole(finding)}, ${finding.severity}, exposure ${finding.exposure}`);
  const budget = GITHUB_BODY_MAX_CHARS - BODY_MARGIN - [...intro, ...outro].join('\n').length;
  const shown = rowsWithin(places, budget).rows;
  const left = key.findings.length - shown.length;
  const more = left > 0 ? [`- …and ${left} more place${left === 1 ? '' : 's'}${link.url ? `: the job summary of [the run](${link.url}) and its SARIF and JSON reports list every one` : ''}`] : [];
  return [...intro, ...shown, ...more, ...outro].join('\n');
}

export interface RotationIssuesOutcome {
  created: number[];
  existing: number;
  /** Rotation issues by fingerprint: those found and those opened. */
  issues: Map<string, number>;
  /** Fingerprints of the keys left without an issue because GitHub refused one (`error`). */
  notOpened: string[];
  error?: unknown;
  /** Fingerprints of the keys whose issue waits for a later run (more than `maxNew` new leaks). */
  deferred: string[];
}

/**
 * New issues one run opens at most. GitHub allows about 80 content-creating requests a minute and
 * 500 an hour, and the throttling plugin spaces them three seconds apart: a first audit that finds
 * hundreds of keys opens the worst ones now and leaves the rest to the next runs (which skip the
 * keys already reported), instead of holding the job for half an hour.
 */
export const MAX_NEW_ISSUES_PER_RUN = 30;

export async function openRotationIssues(
  octokit: Octokit,
  repository: Repository,
  keys: readonly LeakedKey[],
  link: RunLink,
  label: string,
  maxNew = MAX_NEW_ISSUES_PER_RUN,
): Promise<RotationIssuesOutcome> {
  const issues = new Map<string, number>();
  if (keys.length === 0) return { created: [], existing: 0, issues, notOpened: [], deferred: [] };
  const reported = await findRotationIssues(octokit, repository, label);
  const created: number[] = [];
  const deferred: string[] = [];
  let existing = 0;
  // `keys` come worst first, so the issues opened now are for the worst leaks.
  for (const key of keys) {
    const known = reported.get(key.fingerprint);
    if (known) {
      existing++;
      issues.set(key.fingerprint, known.number);
      continue;
    }
    if (created.length >= maxNew) {
      deferred.push(key.fingerprint);
      continue;
    }
    try {
      const issue = await createRotationIssue(octokit, repository, { kind: 'live', redacted: key.redacted, fingerprint: key.fingerprint }, issueBody(key, link), label);
      created.push(issue.number);
      issues.set(key.fingerprint, issue.number);
    } catch (error) {
      // The issues opened so far stay known (the webhook's memory needs them); the caller says which keys have none.
      const notOpened = keys.slice(keys.indexOf(key)).filter((left) => !reported.has(left.fingerprint)).map((left) => left.fingerprint);
      return { created, existing, issues, notOpened, error, deferred: [] };
    }
  }
  return { created, existing, issues, notOpened: [], deferred };
}
