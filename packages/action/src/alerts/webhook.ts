/** An optional JSON alert for chat and incident tools; `text` makes it a valid Slack incoming-webhook message. */
import { ROTATE_ADVICE } from '@engium/core';
import type { AlertStatus, LeakToAlert } from './alert-ledger.js';
import type { RunLink } from './leaks.js';

export interface WebhookAlert {
  text: string;
  repository: string;
  event: string;
  ref: string | undefined;
  sha: string | undefined;
  runUrl: string | undefined;
  /** Only the leaks this alert is about: new ones, and known ones that got worse or spread. */
  keys: {
    kind: 'live';
    redacted: string;
    fingerprint: string;
    severity: string;
    exposure: string;
    /** `new`: never alerted before; `worse-exposure` / `new-places`: alerted before, and it spread since. */
    status: AlertStatus;
    new: boolean;
    /** Every place of the leak, the one where the key is written first. */
    locations: WebhookLocation[];
    /** The places no earlier alert named. */
    newLocations: WebhookLocation[];
  }[];
}

interface WebhookLocation {
  file: string;
  line: number;
  commit?: string;
  presentAtHead?: boolean;
}

function location(finding: LeakToAlert['newPlaces'][number]): WebhookLocation {
  return {
    file: finding.file,
    line: finding.line,
    ...(finding.commit ? { commit: finding.commit.sha, presentAtHead: finding.commit.presentAtHead } : {}),
  };
}

function countOf(due: readonly LeakToAlert[], status: AlertStatus): number {
  return due.filter((entry) => entry.status === status).length;
}

export function webhookAlert(due: readonly LeakToAlert[], link: RunLink, env: NodeJS.ProcessEnv = process.env): WebhookAlert {
  const names = due.map(({ leak }) => `${leak.redacted} (${leak.fingerprint})`).join(', ');
  const fresh = countOf(due, 'new');
  const spread = due.length - fresh;
  const what = [fresh > 0 ? `${fresh} new` : '', spread > 0 ? `${spread} known that spread` : ''].filter(Boolean).join(' and ');
  return {
    text:
      `:rotating_light: Engium Guard: live Engium API key${due.length === 1 ? '' : 's'} leaked in ${link.repository}, ${what}: ${names}. ` +
      `${ROTATE_ADVICE}.` +
      (link.url ? ` ${link.url}` : ''),
    repository: link.repository,
    event: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF,
    sha: env.GITHUB_SHA,
    runUrl: link.url,
    keys: due.map(({ leak, status, newPlaces }) => ({
      kind: 'live',
      redacted: leak.redacted,
      fingerprint: leak.fingerprint,
      severity: leak.severity,
      exposure: leak.exposure,
      status,
      new: status === 'new',
      locations: leak.findings.map(location),
      newLocations: newPlaces.map(location),
    })),
  };
}

/** Answers worth asking again: the receiver was busy or down, not refusing the alert. */
const RETRIED_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

/** The waits before the second and the third attempt: an alert about a leaked key is worth a few seconds. */
export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [1_000, 4_000];

/** A receiver's Retry-After is followed up to this wait; a longer one gets this. */
const MAX_RETRY_AFTER_MS = 10_000;

/**
 * Posts the alert; resolves to the receiver's HTTP status (2xx). A network failure, a timeout or a
 * busy answer (429, 5xx) is tried again after each of `retryDelaysMs` (a Retry-After in seconds wins,
 * up to 10 s); any other answer, or the last failure, throws.
 */
export async function postWebhook(url: string, alert: WebhookAlert, retryDelaysMs: readonly number[] = WEBHOOK_RETRY_DELAYS_MS): Promise<number> {
  const body = JSON.stringify(alert);
  for (let attempt = 0; ; attempt++) {
    let response: Response | undefined;
    let failure: unknown;
    try {
      response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(15_000) });
    } catch (error) {
      failure = error;
    }
    if (response?.ok) return response.status;
    await response?.body?.cancel();
    const delay = retryDelaysMs[attempt];
    if (delay === undefined || (response && !RETRIED_STATUSES.has(response.status))) {
      if (!response) throw failure;
      const error = new Error(`the webhook answered ${response.status} ${response.statusText}`) as Error & { status: number };
      error.status = response.status;
      throw error;
    }
    const retryAfter = Number(response?.headers.get('retry-after') ?? Number.NaN);
    await new Promise((resolve) => setTimeout(resolve, Number.isFinite(retryAfter) && retryAfter >= 0 ? Math.min(retryAfter * 1000, MAX_RETRY_AFTER_MS) : delay));
  }
}
