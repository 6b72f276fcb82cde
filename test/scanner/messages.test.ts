// Every message template, rendered once with each of its optional parts: one clean sentence per
// fact. No sentence says the same thing twice in one message, and no parentheses nest.
import { describeSecret, ROTATE_ADVICE, ROTATE_IF_PUSHED_ADVICE, JWT_FLOW_ADVICE, SERVER_SIDE_ADVICE, ROTATION_STEPS } from '@engium/core';
import engium from '@engium/eslint-plugin';
import { describe, expect, it } from 'vitest';
import { buildFinding, RULES, type FindingContext, type HitLike } from '../../packages/scanner/src/index.js';
import { keyMessage } from '../../packages/action/src/annotations.js';
import { webhookAlert } from '../../packages/action/src/alerts/webhook.js';
import { leaksToAlert } from '../../packages/action/src/alerts/alert-ledger.js';
import { leakedLiveKeys } from '../../packages/action/src/alerts/leaks.js';
import { commentBody } from '../../packages/action/src/alerts/pr-comment.js';
import { missingCommitMessage } from '../../packages/action/src/range.js';
import { UNAPPROVED_INLINE_IGNORE } from '../../packages/action/src/scan.js';
import type { KeyFinding } from '../../packages/action/src/results.js';
import { fakeKey } from '../support/index.js';

/** Sentences: split after `.`, `!` or `?` followed by a space, so `Settings → Developer` and `.env.local` stay whole. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z`])/)
    .map((sentence) => sentence.trim().toLowerCase())
    .filter(Boolean);
}

function repeatedSentences(text: string): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const sentence of sentences(text)) {
    if (seen.has(sentence)) repeated.push(sentence);
    seen.add(sentence);
  }
  return repeated;
}

/** The deepest nesting of parentheses in `text`. */
function parenthesisDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const char of text) {
    if (char === '(') deepest = Math.max(deepest, ++depth);
    else if (char === ')') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** As a reader sees it: a Markdown link shows its text, not its `(url)`. */
function asRead(text: string): string {
  return text.replace(/\]\([^)\s]*\)/g, ']');
}

function expectClean(text: string, what: string): void {
  expect(repeatedSentences(asRead(text)), `${what}: ${text}`).toEqual([]);
  expect(parenthesisDepth(asRead(text)), `${what}: ${text}`).toBeLessThanOrEqual(1);
}

const live = describeSecret(fakeKey('live', 1801));
const test = describeSecret(fakeKey('test', 1802));
const commit = { sha: 'f6765cb90a93'.padEnd(40, '1'), author: 'Ada Lovelace', date: '2026-01-02T03:04:05Z' };

/** Every optional part a finding's context can carry, alone and together. */
const contexts: Omit<FindingContext, 'ruleId'>[] = [
  { file: 'src/a.ts' },
  { file: 'src/a.ts', exposure: 'server', reason: 'only server code reaches it: app/api/route.ts (Next.js route handler)' },
  { file: 'src/a.ts', exposure: 'server', reason: 'a server-only variable' },
  { file: 'app/page.tsx', exposure: 'client', reason: '"use client" makes the module part of the browser bundle', chain: ['app/page.tsx ("use client")', 'lib/key.ts'] },
  { file: 'app/page.tsx', exposure: 'client', reason: 'Next.js serves .next/static to browsers' },
  { file: '.env', exposure: 'client', envVariable: 'NEXT_PUBLIC_ENGIUM_API_KEY', reason: 'Next.js inlines NEXT_PUBLIC_ variables into browser bundles', readers: ['app/page.tsx'] },
  { file: '.env.production', exposure: 'server', envVariable: 'ENGIUM_API_KEY' },
  { file: '.env', exposure: 'client', envVariable: 'ENGIUM_API_KEY', chain: ['app/page.tsx ("use client")'] },
  { file: '.next/static/chunks/page.js', exposure: 'client', origin: { file: 'lib/key.ts', line: 3, column: 7 }, chain: ['.next/static/chunks/page.js (Next.js serves .next/static to browsers)'] },
  { file: 'dist/server.js', exposure: 'server', reason: 'a server bundle (dist/server)', origin: { file: 'lib/key.ts', line: 3, column: 7 } },
  { file: 'src/a.ts', commit: { ...commit, presentAtHead: true } },
  { file: 'src/a.ts', commit: { ...commit, presentAtHead: false } },
];

const hits: HitLike[] = [
  { kind: 'live', secret: live, encoding: 'plain', line: 3, column: 7 },
  { kind: 'live', secret: live, encoding: 'base64', line: 3, column: 7 },
  { kind: 'test', secret: test, encoding: 'concatenation', line: 3, column: 7 },
];

const findings: KeyFinding[] = Object.values(RULES).flatMap((rule) =>
  contexts.flatMap((context) => hits.map((hit) => ({ ...buildFinding(hit, { ...context, ruleId: rule.id }), onChangedLine: false }))),
);

describe('message templates', () => {
  it('the scanner: every rule with every optional part', () => {
    expect(findings.length).toBeGreaterThan(100);
    for (const finding of findings) expectClean(finding.message, finding.ruleId);
    for (const rule of Object.values(RULES)) expectClean(rule.help, rule.id);
  });

  it('the action: annotations with every note they add', () => {
    for (const finding of findings) {
      expectClean(keyMessage(finding), `annotation ${finding.ruleId}`);
      expectClean(
        keyMessage({
          ...finding,
          lineAtHead: false,
          baselined: true,
          unapprovedSuppression: UNAPPROVED_INLINE_IGNORE,
          alsoReportedBy: [{ ruleId: '@engium/no-key-in-client', file: finding.file, line: 4, column: 2 }],
        }),
        `annotation with notes ${finding.ruleId}`,
      );
    }
  });

  it('the action: the webhook, the pull request comment and the range errors', () => {
    const keys = leakedLiveKeys(findings);
    const link = { repository: 'acme/shop', url: 'https://github.example/acme/shop/actions/runs/1' };
    expectClean(webhookAlert(leaksToAlert(keys, new Map()), link, {}).text, 'webhook');
    expectClean(commentBody(keys, link), 'comment');
    expectClean(missingCommitMessage(['e'.repeat(40)], 'fatal: remote error: upload-pack: not our ref eeee (exit 128)'), 'missing commit');
  });

  it('core advice and the ESLint rules\' messages', () => {
    for (const advice of [ROTATE_ADVICE, ROTATE_IF_PUSHED_ADVICE, JWT_FLOW_ADVICE, SERVER_SIDE_ADVICE, ...ROTATION_STEPS]) expectClean(advice, 'advice');
    const rules = engium.rules as Record<string, { meta?: { messages?: Record<string, string> } }>;
    for (const [name, rule] of Object.entries(rules)) {
      for (const [id, template] of Object.entries(rule.meta?.messages ?? {})) {
        const rendered = template
          .replaceAll('{{advice}}', JWT_FLOW_ADVICE)
          .replaceAll('{{reason}}', 'Next.js inlines NEXT_PUBLIC_ variables into browser bundles')
          .replaceAll('{{where}}', '"use client" makes the module part of the browser bundle')
          .replace(/\{\{\s*\w+\s*\}\}/g, 'value');
        expectClean(rendered, `${name}/${id}`);
      }
    }
  });

  it('catches what it is for: a repeated sentence and nested parentheses', () => {
    expect(repeatedSentences('Added in commit f6765cb90a93. The key leaked. Added in commit f6765cb90a93.')).toHaveLength(1);
    expect(parenthesisDepth('rotate it if it was ever pushed (rotate it now (settings), then revoke)')).toBe(2);
  });
});
