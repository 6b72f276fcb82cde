/**
 * The action's Octokit (packages/action/src/alerts/github-client.ts) against the local GitHub
 * server, in process: an attempt GitHub never answers is abandoned and retried with a fresh
 * timeout, so a run cannot hang on one request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubServer, type GitHubServer } from './github-server.js';

let server: GitHubServer;
let client: typeof import('../../packages/action/src/alerts/github-client.js');
beforeAll(async () => {
  server = await startGitHubServer({ faults: [{ method: 'GET', path: /\/issues\/\d+\/comments$/, times: 1, answer: 'hang' }] });
  // @actions/github reads the API's URL when it loads, as on a runner.
  process.env.GITHUB_API_URL = server.url;
  client = await import('../../packages/action/src/alerts/github-client.js');
});
afterAll(async () => {
  delete process.env.GITHUB_API_URL;
  await server.close();
});

describe('createOctokit', () => {
  it('abandons an attempt that gets no answer and retries it with a fresh timeout', async () => {
    const { RETRY_LIMITS, createOctokit } = client;
    const timeout = RETRY_LIMITS.requestTimeoutMs;
    // The bound itself is the action's (30 s); a short one keeps the test short.
    RETRY_LIMITS.requestTimeoutMs = 500;
    try {
      const octokit = createOctokit('ghs_test_token');
      const { data } = await octokit.rest.issues.listComments({ owner: 'acme', repo: 'shop', issue_number: 3 });
      expect(data).toEqual([]);
      expect(server.requests.filter((request) => request.path === '/repos/acme/shop/issues/3/comments')).toHaveLength(2);
    } finally {
      RETRY_LIMITS.requestTimeoutMs = timeout;
    }
  }, 30_000);
});
