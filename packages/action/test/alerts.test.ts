import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as github from '@actions/github';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSecret } from '@engium/core';
import { fakeKey } from '../../../test/support/index.js';
import { startGitHubServer, type GitHubServer } from '../../../test/action/github-server.js';
import { leakedLiveKeys } from '../src/alerts/leaks.js';
import { COMMENT_MARKER, upsertPullRequestComment } from '../src/alerts/pr-comment.js';
import { openRotationIssues } from '../src/alerts/open-rotation-issues.js';
import { createRotationIssue, findRotationIssues, issueMarker, ROTATION_LABEL } from '../src/alerts/rotation-issues.js';
import { postWebhook, webhookAlert } from '../src/alerts/webhook.js';
import { leaksToAlert, ledgerMarkers, readLedger } from '../src/alerts/alert-ledger.js';
import { ledgerOnIssues, recordOnIssues } from '../src/alerts/issue-ledger.js';
import type { KeyFinding } from '../src/results.js';

const LIVE = fakeKey('live', 11);
const OTHER_LIVE = fakeKey('live', 12);
const TEST = fakeKey('test', 13);
const repo = { owner: 'acme', repo: 'shop' };
const link = { repository: 'acme/shop', url: 'https://github.example/acme/shop/actions/runs/1' };

function finding(key: string, file: string, extra: Partial<KeyFinding> = {}): KeyFinding {
  const secret = describeSecret(key);
  return {
    ruleId: 'hardcoded-key',
    severity: secret.kind === 'live' ? 'high' : 'low',
    message: `Engium ${secret.kind} key ${secret.redacted} committed.`,
    file,
    line: 3,
    column: 7,
    exposure: 'server',
    secret,
    encoding: 'plain',
    onChangedLine: true,
    ...extra,
  };
}

let server: GitHubServer;
let octokit: ReturnType<typeof github.getOctokit>;
beforeAll(async () => {
  server = await startGitHubServer({ maxPerPage: 2 });
  octokit = github.getOctokit('ghs_token', { baseUrl: server.url });
});
afterAll(() => server.close());

describe('leakedLiveKeys', () => {
  it('groups live keys by fingerprint and leaves out test and baselined keys', () => {
    const keys = leakedLiveKeys([
      finding(LIVE, 'a.ts'),
      finding(LIVE, 'b.ts', { severity: 'critical', exposure: 'client' }),
      finding(TEST, 'c.ts'),
      finding(OTHER_LIVE, 'd.ts', { baselined: true }),
    ]);
    expect(keys.map((key) => key.fingerprint)).toEqual([describeSecret(LIVE).fingerprint]);
    expect(keys[0]?.findings.map((f) => f.file)).toEqual(['b.ts', 'a.ts']);
  });
});

describe('pull request comment', () => {
  it('is created once, found again by its marker past the first page, and updated in place', async () => {
    // Other people's comments fill the first pages, so finding ours needs pagination.
    for (let i = 0; i < 5; i++) await octokit.rest.issues.createComment({ ...repo, issue_number: 9, body: `review ${i}` });
    const keys = leakedLiveKeys([finding(LIVE, 'src/a.ts')]);
    expect(await upsertPullRequestComment(octokit, repo, 9, keys, link)).toBe('created');
    expect(await upsertPullRequestComment(octokit, repo, 9, keys, link)).toBe('unchanged');
    const more = leakedLiveKeys([finding(LIVE, 'src/a.ts'), finding(OTHER_LIVE, 'src/b.ts')]);
    expect(await upsertPullRequestComment(octokit, repo, 9, more, link)).toBe('updated');
    const ours = server.comments.filter((comment) => comment.body.includes(COMMENT_MARKER));
    expect(ours).toHaveLength(1);
    expect(ours[0]?.body).toContain(describeSecret(OTHER_LIVE).fingerprint);
    expect(ours[0]?.body).toContain('Settings → Developer → API Keys');
    expect(await upsertPullRequestComment(octokit, repo, 9, [], link)).toBe('updated');
    expect(server.comments.filter((comment) => comment.body.includes(COMMENT_MARKER))[0]?.body).toContain('no leaked Engium live key');
    expect(await upsertPullRequestComment(octokit, repo, 10, [], link)).toBe('skipped');
    // Each folder of a monorepo matrix keeps its own comment.
    expect(await upsertPullRequestComment(octokit, repo, 9, keys, link, 'apps/web')).toBe('created');
    expect(await upsertPullRequestComment(octokit, repo, 9, keys, link, 'apps/admin')).toBe('created');
    expect(await upsertPullRequestComment(octokit, repo, 9, keys, link, 'apps/web')).toBe('unchanged');
    expect(server.comments.filter((comment) => comment.body.includes('engium-guard:pull-request-comment'))).toHaveLength(3);
    expect(server.allRequestText()).not.toContain(LIVE);
    expect(server.allRequestText()).not.toContain(OTHER_LIVE);
  });
});

describe('rotation issues', () => {
  it('opens one issue per key and never duplicates or reopens one', async () => {
    const keys = leakedLiveKeys([finding(LIVE, 'src/a.ts'), finding(OTHER_LIVE, 'src/b.ts'), finding(LIVE, 'src/c.ts')]);
    const first = await openRotationIssues(octokit, repo, keys, link, 'engium-leaked-key');
    expect(first.created).toHaveLength(2);
    const closed = server.issues.find((issue) => issue.body.includes(issueMarker(describeSecret(LIVE).fingerprint)));
    if (closed) closed.state = 'closed';
    const second = await openRotationIssues(octokit, repo, keys, link, 'engium-leaked-key');
    expect(second).toMatchObject({ created: [], existing: 2 });
    expect([...second.issues.keys()].sort()).toEqual([describeSecret(LIVE).fingerprint, describeSecret(OTHER_LIVE).fingerprint].sort());
    expect(server.issues).toHaveLength(2);
    expect(server.issues.filter((issue) => issue.state === 'closed')).toHaveLength(1);
    expect(server.requests.some((request) => request.method === 'PATCH' && /\/issues\/\d+$/.test(request.path))).toBe(false);
    expect(server.allRequestText()).not.toContain(LIVE);
  });

  it('opens a bounded number a run, the worst leaks first, and leaves the rest to the next run', async () => {
    const [server1, server2, client] = [fakeKey('live', 21), fakeKey('live', 22), fakeKey('live', 23)];
    const keys = leakedLiveKeys([
      finding(server1 as string, 'src/one.ts'),
      finding(server2 as string, 'src/two.ts'),
      finding(client as string, 'src/widget.client.ts', { severity: 'critical', exposure: 'client' }),
    ]);
    const before = server.issues.length;
    const first = await openRotationIssues(octokit, repo, keys, link, 'engium-leaked-key', 2);
    expect(first.created).toHaveLength(2);
    expect(first.deferred).toHaveLength(1);
    // The client key (critical) is never the one left for later.
    expect(first.deferred).not.toContain(describeSecret(client as string).fingerprint);
    const second = await openRotationIssues(octokit, repo, keys, link, 'engium-leaked-key', 2);
    expect(second).toMatchObject({ created: [expect.any(Number)], existing: 2, deferred: [] });
    expect(server.issues.length - before).toBe(3);
  });
});

describe('finding rotation issues (shared with the organisation audit)', () => {
  it('reads every page, keeps the oldest issue per marker, and ignores pull requests and other labels', async () => {
    // A server of its own: the fake keeps one list of issues for every repository.
    const server = await startGitHubServer({ maxPerPage: 1 });
    try {
      const octokit = github.getOctokit('ghs_token', { baseUrl: server.url });
      const theirs = { owner: 'acme', repo: 'tracking' };
      const secret = describeSecret(LIVE);
      const first = await createRotationIssue(octokit, theirs, secret, `${issueMarker(secret.fingerprint)}\nfirst`, ROTATION_LABEL);
      await createRotationIssue(octokit, theirs, secret, `${issueMarker(secret.fingerprint)}\nsecond`, ROTATION_LABEL);
      await createRotationIssue(octokit, theirs, describeSecret(OTHER_LIVE), `${issueMarker(describeSecret(OTHER_LIVE).fingerprint)}\n`, 'something-else');
      const pull = await createRotationIssue(octokit, theirs, describeSecret(TEST), `${issueMarker(describeSecret(TEST).fingerprint)}\n`, ROTATION_LABEL);
      const asPullRequest = server.issues.find((issue) => issue.number === pull.number);
      if (asPullRequest) asPullRequest.pull_request = { url: 'https://github.example/pulls/1' };

      const found = await findRotationIssues(octokit, theirs, ROTATION_LABEL);
      expect([...found.keys()]).toEqual([secret.fingerprint]);
      expect(found.get(secret.fingerprint)?.number).toBe(first.number);
      expect(server.requests.filter((request) => request.method === 'GET').length).toBeGreaterThan(1);
      expect(server.issues.find((issue) => issue.number === first.number)?.title).toBe(`Rotate the leaked Engium live key ${secret.redacted} (${secret.fingerprint})`);
      await expect(createRotationIssue(octokit, theirs, secret, 'no marker', ROTATION_LABEL)).rejects.toThrow(/must start with the marker/);
    } finally {
      await server.close();
    }
  });
});

describe('webhook', () => {
  it('posts a Slack-compatible JSON alert without keys', async () => {
    const keys = leakedLiveKeys([finding(LIVE, 'src/a.ts')]);
    expect(await postWebhook(server.webhookUrl, webhookAlert(leaksToAlert(keys, new Map()), link, {}))).toBe(200);
    const alert = server.webhooks.at(-1) as { text: string; keys: { fingerprint: string; status: string; new: boolean }[] };
    expect(alert.text).toContain(describeSecret(LIVE).redacted);
    expect(alert.text).toContain('1 new');
    expect(alert.keys[0]).toMatchObject({ fingerprint: describeSecret(LIVE).fingerprint, status: 'new', new: true });
    expect(JSON.stringify(alert)).not.toContain(LIVE);
  });

  /** A receiver on 127.0.0.1 that answers each POST with the next status (and Retry-After) of `answers`. */
  async function scriptedReceiver(answers: readonly { status: number; retryAfter?: string }[]): Promise<{ url: string; posts: string[]; close: () => Promise<void> }> {
    const posts: string[] = [];
    const receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        const answer = answers[posts.length] ?? { status: 200 };
        posts.push(body);
        response.writeHead(answer.status, answer.retryAfter !== undefined ? { 'retry-after': answer.retryAfter } : {}).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/hook`, posts, close: () => new Promise((resolve) => receiver.close(() => resolve())) };
  }

  it('asks a busy or failing receiver again, following its Retry-After, and gives up on a refusal at once', async () => {
    const alert = webhookAlert(leaksToAlert(leakedLiveKeys([finding(LIVE, 'src/a.ts')]), new Map()), link, {});
    const busy = await scriptedReceiver([{ status: 503 }, { status: 429, retryAfter: '0' }, { status: 200 }]);
    try {
      expect(await postWebhook(busy.url, alert, [5, 5])).toBe(200);
      expect(busy.posts).toHaveLength(3);
      expect(new Set(busy.posts).size).toBe(1);
    } finally {
      await busy.close();
    }
    const down = await scriptedReceiver([{ status: 502 }, { status: 502 }, { status: 502 }, { status: 200 }]);
    try {
      await expect(postWebhook(down.url, alert, [5, 5])).rejects.toMatchObject({ status: 502 });
      expect(down.posts).toHaveLength(3);
    } finally {
      await down.close();
    }
    const refusing = await scriptedReceiver([{ status: 404 }, { status: 200 }]);
    try {
      await expect(postWebhook(refusing.url, alert, [5, 5])).rejects.toMatchObject({ status: 404 });
      expect(refusing.posts).toHaveLength(1);
    } finally {
      await refusing.close();
    }
  });

  it('tries again when the receiver cannot be reached, then reports why', async () => {
    const gone = await scriptedReceiver([]);
    await gone.close();
    const alert = webhookAlert(leaksToAlert(leakedLiveKeys([finding(LIVE, 'src/a.ts')]), new Map()), link, {});
    const started = performance.now();
    await expect(postWebhook(gone.url, alert, [30, 30])).rejects.toThrow(/fetch failed/);
    // Both waits were taken: three attempts, not one.
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });
});

describe('the webhook\'s memory', () => {
  const fingerprint = describeSecret(LIVE).fingerprint;

  it('alerts a leak once, then again only for a worse exposure or a new place', () => {
    const server = leakedLiveKeys([finding(LIVE, 'src/a.ts')]);
    const first = leaksToAlert(server, new Map());
    expect(first.map((entry) => entry.status)).toEqual(['new']);
    const ledger = readLedger([`some text\n${ledgerMarkers(new Map(), first).join('\n')}`]);
    expect(leaksToAlert(server, ledger)).toEqual([]);
    // The same place on another line is the same place.
    expect(leaksToAlert(leakedLiveKeys([finding(LIVE, 'src/a.ts', { line: 40 })]), ledger)).toEqual([]);
    const spread = leaksToAlert(leakedLiveKeys([finding(LIVE, 'src/a.ts'), finding(LIVE, 'dist/a.js', { ruleId: 'engium/bundle-key' })]), ledger);
    expect(spread.map((entry) => [entry.status, entry.newPlaces.map((place) => place.file)])).toEqual([['new-places', ['dist/a.js']]]);
    const worse = leaksToAlert(leakedLiveKeys([finding(LIVE, 'src/a.ts', { exposure: 'client', severity: 'critical' })]), ledger);
    expect(worse.map((entry) => entry.status)).toEqual(['worse-exposure']);
    // Markers merge: what was known stays, what was just alerted joins it.
    const merged = readLedger(ledgerMarkers(ledger, spread));
    expect(merged.get(fingerprint)?.places.size).toBe(2);
    expect(merged.get(fingerprint)?.exposure).toBe('server');
  });

  it('lives on the rotation issues: read back from their comments, one comment per alert', async () => {
    const server = await startGitHubServer();
    try {
      const octokit = github.getOctokit('ghs_token', { baseUrl: server.url });
      const keys = leakedLiveKeys([finding(LIVE, 'src/a.ts')]);
      const { issues } = await openRotationIssues(octokit, repo, keys, link, ROTATION_LABEL);
      const before = await ledgerOnIssues(octokit, repo, issues, [fingerprint]);
      const due = leaksToAlert(keys, before);
      expect(due).toHaveLength(1);
      expect(await recordOnIssues(octokit, repo, issues, due, link)).toBe(1);
      const after = await ledgerOnIssues(octokit, repo, issues, [fingerprint]);
      expect(leaksToAlert(keys, after)).toEqual([]);
      expect(server.comments[0]?.body).toContain('Engium Guard sent the webhook alert');
      expect(server.allRequestText()).not.toContain(LIVE);
    } finally {
      await server.close();
    }
  });
});
