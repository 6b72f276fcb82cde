/**
 * A real HTTP server on 127.0.0.1 that plays the parts of the GitHub REST API the action uses
 * (issue comments, issues) plus a webhook receiver, and records every request, so end-to-end tests
 * can run the action as the runner does and assert what it sent. Reusable by any test that needs
 * a GitHub API: start it, point GITHUB_API_URL at `url`, read `requests`, `comments`, `issues`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeComment {
  id: number;
  issue_number: number;
  body: string;
  user: { login: string; type: string };
  created_at: string;
  updated_at: string;
}

export interface FakeIssue {
  id: number;
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: { name: string }[];
  pull_request?: { url: string };
}

/** An answer GitHub gives instead of the usual one: a status with its headers and body, a dropped connection, or none at all. */
export type FaultAnswer = { status: number; headers?: Record<string, string>; body: unknown } | 'reset' | 'hang';

export interface Fault {
  method: string;
  path: RegExp;
  /** How many matching requests are answered normally before the fault starts (default 0). */
  after?: number;
  /** How many matching requests get the fault (default: all); later ones are answered normally. */
  times?: number;
  answer: FaultAnswer | (() => FaultAnswer);
}

/** GitHub's answers, as it sends them, for the faults tests play. */
export const GITHUB_ANSWERS = {
  /** A read-only GITHUB_TOKEN (a pull request from a fork) writing a comment, an issue or a check run. */
  readOnlyToken: (): FaultAnswer => ({
    status: 403,
    headers: rateLimitHeaders(4990),
    body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment', status: '403' },
  }),
  /** The primary rate limit used up until `resetInSeconds` from now (GitHub answers 403 or 429). */
  primaryRateLimit: (resetInSeconds: number, status: 403 | 429 = 403): FaultAnswer => ({
    status,
    headers: rateLimitHeaders(0, resetInSeconds),
    body: {
      message: 'API rate limit exceeded for installation ID 4242. If you reach out to GitHub Support for help, please include the request ID 0400:1F2E:3D4C:5B6A:7F80.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
      status: String(status),
    },
  }),
  /** A secondary rate limit (too many writes too fast), with the `retry-after` GitHub sends. */
  secondaryRateLimit: (retryAfterSeconds: number, status: 403 | 429 = 403): FaultAnswer => ({
    status,
    headers: { ...rateLimitHeaders(4900), 'retry-after': String(retryAfterSeconds) },
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0400:1F2E:3D4C:5B6A:7F81.',
      documentation_url: 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: String(status),
    },
  }),
  /** A comment on a pull request whose conversation a maintainer locked. */
  lockedConversation: (): FaultAnswer => ({
    status: 403,
    headers: rateLimitHeaders(4990),
    body: { message: 'Unable to create comment because issue is locked.', documentation_url: 'https://docs.github.com/articles/locking-conversations/', status: '403' },
  }),
  /** Opening an issue in a repository whose issues are turned off. */
  issuesDisabled: (): FaultAnswer => ({
    status: 410,
    headers: rateLimitHeaders(4990),
    body: { message: 'Issues are disabled for this repo', documentation_url: 'https://docs.github.com/v3/issues/', status: '410' },
  }),
  /** GitHub's front end when the API behind it fails. */
  badGateway: (): FaultAnswer => ({ status: 502, body: { message: 'Server Error' } }),
};

/** The rate-limit headers GitHub sends with every REST answer. */
export function rateLimitHeaders(remaining: number, resetInSeconds = 3600): Record<string, string> {
  return {
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-used': String(5000 - remaining),
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInSeconds),
    'x-ratelimit-resource': 'core',
  };
}

/** GitHub refuses an issue or comment body longer than this many characters. */
export const GITHUB_BODY_MAX_CHARS = 65_536;

export interface GitHubServerOptions {
  /** Requests matching `METHOD /path-regexp` answer this status (e.g. 403 for a read-only token). */
  forbid?: { method: string; path: RegExp; status?: number; message?: string }[];
  /** Answers GitHub gives under load or to a limited token, in place of the usual ones. */
  faults?: Fault[];
  /** Page size the server caps `per_page` at, to exercise pagination. */
  maxPerPage?: number;
}

export interface GitHubServer {
  url: string;
  /** The webhook receiver's URL (requests to it are recorded like any other). */
  webhookUrl: string;
  requests: RecordedRequest[];
  comments: FakeComment[];
  issues: FakeIssue[];
  /** The JSON bodies the webhook receiver got. */
  webhooks: unknown[];
  /** Everything sent to the server, for "no full key anywhere" assertions. */
  allRequestText(): string;
  close(): Promise<void>;
}

const BOT = { login: 'github-actions[bot]', type: 'Bot' };

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(text);
}

/** Answers one page of `items` with a Link header as GitHub does, so Octokit's paginate follows it. */
function sendPage<T>(response: ServerResponse, base: string, recorded: RecordedRequest, items: T[], maxPerPage: number): void {
  const perPage = Math.min(Number(recorded.query.get('per_page') ?? 30) || 30, maxPerPage);
  const page = Math.max(Number(recorded.query.get('page') ?? 1) || 1, 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const headers: Record<string, string> = {};
  if (page * perPage < items.length) {
    const next = new URL(recorded.url, base);
    next.searchParams.set('page', String(page + 1));
    next.searchParams.set('per_page', String(perPage));
    headers.link = `<${next.toString()}>; rel="next"`;
  }
  send(response, 200, slice, headers);
}

/** GitHub's 422 for a body over its limit; true when it was sent. */
function tooLong(response: ServerResponse, body: unknown, resource: string): boolean {
  if (typeof body !== 'string' || [...body].length <= GITHUB_BODY_MAX_CHARS) return false;
  send(response, 422, {
    message: 'Validation Failed',
    errors: [{ resource, code: 'custom', field: 'body', message: `body is too long (maximum is ${GITHUB_BODY_MAX_CHARS} characters)` }],
    documentation_url: 'https://docs.github.com/rest/issues',
    status: '422',
  });
  return true;
}

export async function startGitHubServer(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const requests: RecordedRequest[] = [];
  const comments: FakeComment[] = [];
  const issues: FakeIssue[] = [];
  const webhooks: unknown[] = [];
  const maxPerPage = options.maxPerPage ?? 100;
  let nextId = 1000;
  let base = '';

  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const parsed = new URL(request.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        path: parsed.pathname,
        query: parsed.searchParams,
        headers: request.headers,
        body,
      };
      requests.push(recorded);
      const { method, path } = recorded;
      const json = (): Record<string, unknown> => (body ? (JSON.parse(body) as Record<string, unknown>) : {});
      const now = new Date().toISOString();

      if (path === '/webhook') {
        webhooks.push(JSON.parse(body));
        return send(response, 200, { ok: true });
      }
      const fault = options.faults?.find((rule) => rule.method === method && rule.path.test(path) && (rule.times === undefined || rule.times > 0));
      if (fault?.after) fault.after--;
      else if (fault) {
        if (fault.times !== undefined) fault.times--;
        const answer = typeof fault.answer === 'function' ? fault.answer() : fault.answer;
        if (answer === 'reset') {
          request.socket.destroy();
          return;
        }
        // Holds the connection open without a word, until the client gives up or the server closes.
        if (answer === 'hang') return;
        return send(response, answer.status, answer.body, answer.headers);
      }
      const forbidden = options.forbid?.find((rule) => rule.method === method && rule.path.test(path));
      if (forbidden) {
        return send(response, forbidden.status ?? 403, {
          message: forbidden.message ?? 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest',
        });
      }
      if (!request.headers.authorization) return send(response, 401, { message: 'Requires authentication' });

      let match: RegExpExecArray | null;
      if ((match = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(path))) {
        const issueNumber = Number(match[1]);
        if (method === 'GET') return sendPage(response, base, recorded, comments.filter((c) => c.issue_number === issueNumber), maxPerPage);
        if (method === 'POST') {
          if (tooLong(response, json().body, 'IssueComment')) return;
          const comment: FakeComment = { id: nextId++, issue_number: issueNumber, body: String(json().body), user: BOT, created_at: now, updated_at: now };
          comments.push(comment);
          return send(response, 201, comment);
        }
      }
      if ((match = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path)) && method === 'PATCH') {
        const comment = comments.find((c) => c.id === Number(match?.[1]));
        if (!comment) return send(response, 404, { message: 'Not Found' });
        if (tooLong(response, json().body, 'IssueComment')) return;
        comment.body = String(json().body);
        comment.updated_at = now;
        return send(response, 200, comment);
      }
      if (/^\/repos\/[^/]+\/[^/]+\/issues$/.test(path)) {
        if (method === 'GET') {
          const state = recorded.query.get('state') ?? 'open';
          const labels = (recorded.query.get('labels') ?? '').split(',').filter(Boolean);
          const listed = issues.filter(
            (issue) => (state === 'all' || issue.state === state) && labels.every((label) => issue.labels.some((l) => l.name === label)),
          );
          return sendPage(response, base, recorded, listed, maxPerPage);
        }
        if (method === 'POST') {
          const input = json();
          if (tooLong(response, input.body, 'Issue')) return;
          const number = issues.length + comments.length + 1;
          const issue: FakeIssue = {
            id: nextId++,
            number,
            title: String(input.title),
            body: String(input.body ?? ''),
            state: 'open',
            labels: ((input.labels as string[] | undefined) ?? []).map((name) => ({ name })),
          };
          issues.push(issue);
          return send(response, 201, issue);
        }
      }
      if ((match = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)$/.exec(path)) && method === 'PATCH') {
        const issue = issues.find((i) => i.number === Number(match?.[1]));
        if (!issue) return send(response, 404, { message: 'Not Found' });
        Object.assign(issue, json());
        return send(response, 200, issue);
      }
      send(response, 404, { message: `Not Found: ${method} ${path}` });
    })().catch((error: unknown) => send(response, 500, { message: String(error) }));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    webhookUrl: `${base}/webhook`,
    requests,
    comments,
    issues,
    webhooks,
    allRequestText: () => requests.map((r) => `${r.method} ${r.url}\n${r.body}`).join('\n'),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
