/** An optional JSON alert for chat and incident tools; `text` makes it a valid Slack incoming-webhook message. */
import { ROTATE_ADVICE } from '@engium/core';
import type { LeakedKey, RunLink } from './leaks.js';

export interface WebhookAlert {
  text: string;
  repository: string;
  event: string;
  ref: string | undefined;
  sha: string | undefined;
  runUrl: string | undefined;
  keys: {
    kind: 'live';
    redacted: string;
    fingerprint: string;
    severity: string;
    locations: { file: string; line: number; commit?: string; presentAtHead?: boolean }[];
  }[];
}

export function webhookAlert(keys: readonly LeakedKey[], link: RunLink, env: NodeJS.ProcessEnv = process.env): WebhookAlert {
  const names = keys.map((key) => `${key.redacted} (${key.fingerprint})`).join(', ');
  return {
    text:
      `:rotating_light: Engium Guard: ${keys.length} live Engium API key${keys.length === 1 ? '' : 's'} leaked in ${link.repository}: ${names}. ` +
      `${ROTATE_ADVICE}.` +
      (link.url ? ` ${link.url}` : ''),
    repository: link.repository,
    event: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF,
    sha: env.GITHUB_SHA,
    runUrl: link.url,
    keys: keys.map((key) => ({
      kind: 'live',
      redacted: key.redacted,
      fingerprint: key.fingerprint,
      severity: key.findings[0]?.severity ?? 'high',
      locations: key.findings.map((finding) => ({
        file: finding.file,
        line: finding.line,
        ...(finding.commit ? { commit: finding.commit.sha, presentAtHead: finding.commit.presentAtHead } : {}),
      })),
    })),
  };
}

export async function postWebhook(url: string, alert: WebhookAlert): Promise<void> {
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
}
