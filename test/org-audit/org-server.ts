/**
 * The GitHub REST API for the org-audit tests: the action tests' server (test/action/github-server.ts)
 * answers issues and comments; this one stands in front of it on 127.0.0.1 and adds what an
 * organisation audit asks for (listing an organisation's repositories, reading one and whether it
 * has commits, code scanning uploads), forwarding everything else. Every request is recorded here.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, send, startGitHubServer, type GitHubServer, type GitHubServerOptions, type RecordedRequest } from '../action/github-server.js';

export interface FakeRepository {
  name: string;
  default_branch?: string;
  topics?: string[];
  archived?: boolean;
  fork?: boolean;
  /** No commits yet: size 0, and its commits answer 409 as GitHub's do. */
  empty?: boolean;
  /** In KB, as GitHub reports it (default 120; an empty repository's is 0, and so is a tiny one's). */
  size?: number;
}

export interface OrgServer {
  url: string;
  github: GitHubServer;
  requests: RecordedRequest[];
  sarifUploads: { repository: string; body: Record<string, unknown> }[];
  allRequestText(): string;
  close(): Promise<void>;
}

export async function startOrgServer(organization: string, repositories: FakeRepository[], options: GitHubServerOptions & { perPage?: number } = {}): Promise<OrgServer> {
  const github = await startGitHubServer(options);
  const requests: RecordedRequest[] = [];
  const sarifUploads: OrgServer['sarifUploads'] = [];
  const payload = (repo: FakeRepository) => ({
    name: repo.name,
    full_name: `${organization}/${repo.name}`,
    default_branch: repo.default_branch ?? 'main',
    topics: repo.topics ?? [],
    archived: repo.archived ?? false,
    fork: repo.fork ?? false,
    size: repo.empty ? 0 : (repo.size ?? 120),
  });
  let base = '';

  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const parsed = new URL(request.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = { method: request.method ?? 'GET', url: request.url ?? '/', path: parsed.pathname, query: parsed.searchParams, headers: request.headers, body };
      requests.push(recorded);
      const { method, path } = recorded;
      if (!request.headers.authorization) return send(response, 401, { message: 'Requires authentication' });

      if (method === 'GET' && path === `/orgs/${organization}/repos`) {
        const perPage = Math.min(Number(parsed.searchParams.get('per_page') ?? 30), options.perPage ?? 100);
        const page = Number(parsed.searchParams.get('page') ?? 1);
        const headers: Record<string, string> = {};
        if (page * perPage < repositories.length) {
          const next = new URL(recorded.url, base);
          next.searchParams.set('page', String(page + 1));
          headers.link = `<${next.toString()}>; rel="next"`;
        }
        return send(response, 200, repositories.slice((page - 1) * perPage, page * perPage).map(payload), headers);
      }
      let match: RegExpExecArray | null;
      if (method === 'GET' && (match = /^\/repos\/([^/]+)\/([^/]+)$/.exec(path))) {
        const repo = match[1] === organization ? repositories.find((r) => r.name === match?.[2]) : undefined;
        return repo ? send(response, 200, payload(repo)) : send(response, 404, { message: 'Not Found' });
      }
      if (method === 'GET' && (match = /^\/repos\/([^/]+)\/([^/]+)\/commits$/.exec(path))) {
        const repo = match[1] === organization ? repositories.find((r) => r.name === match?.[2]) : undefined;
        if (!repo) return send(response, 404, { message: 'Not Found' });
        if (repo.empty) return send(response, 409, { message: 'Git Repository is empty.', documentation_url: 'https://docs.github.com/rest/commits/commits#list-commits' });
        return send(response, 200, [{ sha: '1'.repeat(40), commit: { message: 'initial' } }]);
      }
      if (method === 'POST' && (match = /^\/repos\/([^/]+\/[^/]+)\/code-scanning\/sarifs$/.exec(path))) {
        sarifUploads.push({ repository: match[1] as string, body: JSON.parse(body) as Record<string, unknown> });
        return send(response, 202, { id: `upload-${sarifUploads.length}`, url: `${base}/sarif-uploads/${sarifUploads.length}` });
      }
      // Issues and comments: the action tests' server.
      const forwarded = await fetch(new URL(recorded.url, github.url), {
        method,
        headers: { authorization: request.headers.authorization, 'content-type': 'application/json', accept: 'application/json' },
        body: method === 'GET' || method === 'HEAD' ? undefined : body,
      });
      const text = (await forwarded.text()).split(github.url).join(base);
      const link = forwarded.headers.get('link');
      response.writeHead(forwarded.status, { 'content-type': 'application/json; charset=utf-8', ...(link ? { link: link.split(github.url).join(base) } : {}) });
      response.end(text);
    })().catch((error: unknown) => send(response, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    github,
    requests,
    sarifUploads,
    allRequestText: () => requests.map((r) => `${r.method} ${r.url}\n${r.body}`).join('\n'),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await github.close();
    },
  };
}
