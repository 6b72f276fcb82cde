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

/** Posts the alert; resolves to the receiver's HTTP status (2xx), throws on any other. */
export async function postWebhook(url: string, alert: WebhookAlert): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(alert),
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) {
    const error = new Error(`the webhook answered ${response.status} ${response.statusText}`) as Error & { status: number };
    error.status = response.status;
    throw error;
  }
  return response.status;
}
