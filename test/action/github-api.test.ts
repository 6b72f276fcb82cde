/**
 * The action against the GitHub API as it really behaves: rate limits (primary and secondary, 403
 * and 429), transient 5xx and dropped connections, read-only tokens, GitHub's size limits on
 * comment and issue bodies and on annotations, and pagination. The local server answers with
 * GitHub's status codes, headers and bodies (github-server.ts); nothing in Octokit is mocked.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeSecret } from '@engium/core';
import { commitFiles, expectNoFullKey, fakeKey, git, gitRepo } from '../support/index.js';
import { GITHUB_ANSWERS, GITHUB_BODY_MAX_CHARS, startGitHubServer, type Fault, type FakeComment, type GitHubServer } from './github-server.js';
import { pullRequestPayload, runAction, type ActionRun, type WorkflowCommand } from './run-action.js';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const fp = (key: string) => describeSecret(key).fingerprint;
const KEYS = Array.from({ length: 4 }, (_, index) => fakeKey('live', 901 + index));

let servers: GitHubServer[] = [];
async function server(faults: Fault[] = []): Promise<GitHubServer> {
  const started = await startGitHubServer({ faults });
  servers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(servers.map((started) => started.close()));
  servers = [];
});

/** What the run printed, but for the masks (`::add-mask::` is the one line meant to hold a key, which the runner never shows). */
function printed(run: ActionRun): string {
  return run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n') + run.stderr;
}

function warnings(run: ActionRun): WorkflowCommand[] {
  return run.commands.filter((command) => command.command === 'warning' && command.properties.file === undefined);
}

/** main: clean; feature: one commit adding `keys`, one per file. */
function pullRequestRepo(keys: readonly string[], path = (index: number) => `src/key-${index}.ts`): { repo: string; base: string; head: string } {
  const repo = gitRepo('engium-action-api-');
  const base = commitFiles(repo, { 'README.md': '# shop\n' }, 'initial');
  git(repo, 'checkout', '-q', '-b', 'feature');
  const head = commitFiles(repo, Object.fromEntries(keys.map((key, index) => [path(index), `export const key${index} = '${key}';\n`])), 'keys');
  return { repo, base, head };
}

/** A push to the default branch adding `keys`. */
function pushRepo(keys: readonly string[]): { repo: string; payload: object } {
  const repo = gitRepo('engium-action-api-push-');
  const before = commitFiles(repo, { 'README.md': '# shop\n' });
  const after = commitFiles(repo, Object.fromEntries(keys.map((key, index) => [`src/key-${index}.ts`, `export const key${index} = '${key}';\n`])), 'keys');
  return { repo, payload: { ref: 'refs/heads/main', before, after, repository: { default_branch: 'main' } } };
}

describe('transient failures', () => {
  it('retries a 502 and a dropped connection, then comments once, without a warning', async () => {
    const github = await server([
      { method: 'GET', path: /\/issues\/\d+\/comments$/, times: 1, answer: 'reset' },
      { method: 'POST', path: /\/issues\/\d+\/comments$/, times: 2, answer: GITHUB_ANSWERS.badGateway },
    ]);
    const pr = pullRequestRepo(KEYS.slice(0, 1));
    const run = await runAction({ eventName: 'pull_request', payload: pullRequestPayload({ number: 5, ...pr }), workspace: pr.repo, apiUrl: github.url, inputs: { eslint: 'false' } });
    expect(run.status).toBe(1);
    expect(github.comments).toHaveLength(1);
    expect(github.requests.filter((request) => request.method === 'POST')).toHaveLength(3);
    expect(warnings(run)).toEqual([]);
    expect(run.stdout).toMatch(/Pull request comment created/);
  });
});

describe('rate limits', () => {
  it('waits out a short secondary rate limit (403 or 429 with retry-after) and then writes', async () => {
    const github = await server([
      { method: 'POST', path: /\/issues\/\d+\/comments$/, times: 1, answer: () => GITHUB_ANSWERS.secondaryRateLimit(1) },
      { method: 'POST', path: /\/issues$/, times: 1, answer: () => GITHUB_ANSWERS.secondaryRateLimit(1, 429) },
    ]);
    const pr = pullRequestRepo(KEYS.slice(0, 1));
    const comment = await runAction({ eventName: 'pull_request', payload: pullRequestPayload({ number: 6, ...pr }), workspace: pr.repo, apiUrl: github.url, inputs: { eslint: 'false' } });
    expect(comment.stdout).toMatch(/GitHub's secondary rate limit answered POST .*comments; retrying in 1 s/);
    expect(github.comments).toHaveLength(1);
    expect(warnings(comment)).toEqual([]);

    const push = pushRepo(KEYS.slice(0, 1));
    const issue = await runAction({ eventName: 'push', payload: push.payload, workspace: push.repo, apiUrl: github.url, inputs: { eslint: 'false' } });
    expect(issue.status).toBe(1);
    expect(github.issues).toHaveLength(1);
    expect(warnings(issue)).toEqual([]);
  });

  it('does not sit out a primary rate limit that lifts in an hour: one warning naming what was skipped, the findings still reported and failing', async () => {
    const github = await server([{ method: 'POST', path: /\/issues$/, answer: () => GITHUB_ANSWERS.primaryRateLimit(3600) }]);
    const push = pushRepo(KEYS.slice(0, 3));
    const run = await runAction({ eventName: 'push', payload: push.payload, workspace: push.repo, apiUrl: github.url, inputs: { eslint: 'false', 'webhook-url': github.webhookUrl } });
    expect(run.status).toBe(1);
    expect(github.issues).toHaveLength(0);
    // One attempt: no retry of a limit that lasts an hour, and no attempt for the other keys.
    expect(github.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/issues'))).toHaveLength(1);
    expect(run.stdout).toMatch(/primary rate limit answered POST .*lifts in \d+ s: not waiting that long/);
    const [warning, ...others] = warnings(run);
    expect(others).toEqual([]);
    expect(warning?.message).toMatch(/could not open the rotation issue of 3 leaked keys \(.*\) \(HTTP 403: API rate limit exceeded/);
    expect(warning?.message).toMatch(/rate limit is used up until \d{4}-\d\d-\d\dT/);
    for (const key of KEYS.slice(0, 3)) expect(warning?.message).toContain(fp(key));
    // The leaks are still in the summary, with what was not done; the webhook still went out.
    expect(run.summary).toMatch(/### Not done[\s\S]*rotation issue of 3 leaked keys/);
    for (const key of KEYS.slice(0, 3)) expect(run.summary).toContain(fp(key));
    expect(github.webhooks).toHaveLength(1);
    expectNoFullKey(printed(run) + run.summary + github.allRequestText(), KEYS);
  });

  it('keeps the rotation issues it opened before the limit, and a later run opens the rest without duplicates', async () => {
    // GitHub takes the first issue, then answers the second with a secondary limit it wants an hour for.
    const github = await server([{ method: 'POST', path: /\/issues$/, after: 1, times: 1, answer: () => GITHUB_ANSWERS.secondaryRateLimit(3600, 429) }]);
    const push = pushRepo(KEYS.slice(0, 3));
    const first = await runAction({ eventName: 'push', payload: push.payload, workspace: push.repo, apiUrl: github.url, inputs: { eslint: 'false' } });
    expect(first.status).toBe(1);
    expect(github.issues).toHaveLength(1);
    expect(first.stdout).toMatch(/Rotation issues: 1 opened, 0 already reported/);
    const [warning, ...others] = warnings(first);
    expect(others).toEqual([]);
    expect(warning?.message).toMatch(/could not open the rotation issue of 2 leaked keys .*\(HTTP 429: You have exceeded a secondary rate limit/);
    const second = await runAction({ eventName: 'push', payload: push.payload, workspace: push.repo, apiUrl: github.url, inputs: { eslint: 'false' } });
    expect(second.stdout).toMatch(/Rotation issues: 2 opened, 1 already reported/);
    expect(warnings(second)).toEqual([]);
    const fingerprints = github.issues.map((issue) => /leaked-key:([0-9a-f]+)/.exec(issue.body)?.[1]);
    expect(fingerprints.sort()).toEqual(KEYS.slice(0, 3).map(fp).sort());
  });
});

describe('a read-only token', () => {
  it('on a fork pull request: one warning saying why and what was skipped, no stack trace, the step still failing on the leak', async () => {
    const github = await server([
      { method: 'POST', path: /\/issues\/\d+\/comments$/, answer: GITHUB_ANSWERS.readOnlyToken },
      { method: 'PATCH', path: /\/issues\/comments\/\d+$/, answer: GITHUB_ANSWERS.readOnlyToken },
    ]);
    const pr = pullRequestRepo(KEYS.slice(0, 2));
    const payload = pullRequestPayload({ number: 8, ...pr, headRepository: 'mallory/shop' });
    const run = await runAction({ eventName: 'pull_request', payload, workspace: pr.repo, apiUrl: github.url, inputs: { eslint: 'false' } });
    expect(run.status).toBe(1);
    const [warning, ...others] = warnings(run);
    expect(others).toEqual([]);
    expect(warning?.message).toMatch(/could not comment on pull request #8 \(HTTP 403: Resource not accessible by integration\)\. The token cannot write here: a pull request from a fork \(or by Dependabot\) gets a read-only token/);
    expect(warning?.message).not.toMatch(/\n\s+at /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.summary).toMatch(/### Not done[\s\S]*comment on pull request #8/);
    // The step's own failure names the findings, not GitHub's refusal.
    expect(run.commands.filter((command) => command.command === 'error' && command.properties.file === undefined).at(-1)?.message).toMatch(/at or above fail-on "high"/);
    for (const key of KEYS.slice(0, 2)) expect(run.summary).toContain(fp(key));
  });
});

describe('refusals about one call, not the token', () => {
  it('a locked conversation or issues turned off: a warning quoting GitHub, no read-only-token story, the other calls still made', async () => {
    const github = await server([
      { method: 'POST', path: /\/issues\/\d+\/comments$/, answer: GITHUB_ANSWERS.lockedConversation },
      { method: 'POST', path: /\/issues$/, answer: GITHUB_ANSWERS.issuesDisabled },
    ]);
    const pr = pullRequestRepo(KEYS.slice(0, 1));
    const locked = await runAction({ eventName: 'pull_request', payload: pullRequestPayload({ number: 14, ...pr }), workspace: pr.repo, apiUrl: github.url, inputs: { eslint: 'false' } });
    expect(locked.status).toBe(1);
    expect(warnings(locked).map((warning) => warning.message)).toEqual([
      expect.stringMatching(/^Engium Guard could not comment on pull request #14 \(HTTP 403: Unable to create comment because issue is locked\.\)\. Every finding is in the annotations/),
    ]);
    const push = pushRepo(KEYS.slice(0, 2));
    const disabled = await runAction({ eventName: 'push', payload: push.payload, workspace: push.repo, apiUrl: github.url, inputs: { eslint: 'false', 'webhook-url': github.webhookUrl } });
    expect(disabled.status).toBe(1);
    const [warning, ...others] = warnings(disabled);
    expect(others).toEqual([]);
    expect(warning?.message).toMatch(/could not open the rotation issue of 2 leaked keys .*\(HTTP 410: Issues are disabled for this repo\)/);
    expect(warning?.message).not.toMatch(/read-only/);
    expect(github.webhooks).toHaveLength(1);
  });
});

describe("GitHub's size limits", () => {
  // Paths near Linux's limits (255 bytes a name): each place of a key takes about a kilobyte in a comment.
  const longDir = ['a', 'b', 'c'].map((letter) => letter.repeat(240)).join('/');
  const longPath = (index: number) => `${longDir}/key-${String(index).padStart(3, '0')}.ts`;

  it('cuts a pull request comment at a key row to stay under 65,536 characters, saying how many keys are left out and where they are', async () => {
    const keys = Array.from({ length: 60 }, (_, index) => fakeKey('live', 1000 + index));
    const github = await server();
    const pr = pullRequestRepo(keys, longPath);
    const run = await runAction({ eventName: 'pull_request', payload: pullRequestPayload({ number: 9, ...pr }), workspace: pr.repo, apiUrl: github.url, inputs: { eslint: 'false' } });
    expect(run.status).toBe(1);
    expect(warnings(run)).toEqual([]);
    const [comment] = github.comments as [FakeComment];
    expect(comment.body.length).toBeLessThanOrEqual(GITHUB_BODY_MAX_CHARS);
    const rows = comment.body.split('\n').filter((line) => line.startsWith('| <code>eng'));
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    expect(comment.body).toContain(`…and ${60 - rows.length} more leaked keys: the job summary of [this run](https://github.example/acme/shop/actions/runs/4242)`);
    expect(comment.body).toContain('Settings → Developer → API Keys');
    expectNoFullKey(github.allRequestText() + printed(run) + run.summary, keys);
  });

  it('annotates what GitHub shows per step, the most severe first, and says how many findings are in the log and summary instead', async () => {
    const keys = Array.from({ length: 14 }, (_, index) => fakeKey('live', 1100 + index));
    const github = await server();
    const push = pushRepo(keys);
    const run = await runAction({ eventName: 'push', payload: push.payload, workspace: push.repo, apiUrl: github.url, inputs: { eslint: 'false', issues: 'false' } });
    expect(run.status).toBe(1);
    const located = run.commands.filter((command) => ['error', 'warning', 'notice'].includes(command.command) && command.properties.file !== undefined);
    const errors = located.filter((command) => command.command === 'error');
    // Nine, so the step's own failure is the tenth error GitHub shows.
    expect(errors).toHaveLength(9);
    expect(run.commands.filter((command) => command.command === 'error')).toHaveLength(10);
    const note = run.commands.find((command) => command.command === 'notice' && command.properties.file === undefined);
    expect(note?.message).toMatch(/GitHub shows 10 annotations of each kind per step: the 9 most severe findings are annotated, 5 more \(5 errors\) are listed in the log/);
    const annotatedFiles = new Set(errors.map((command) => command.properties.file));
    const logged = keys.map((_, index) => `src/key-${index}.ts`).filter((file) => !annotatedFiles.has(file));
    expect(logged).toHaveLength(5);
    for (const file of logged) expect(run.stdout).toMatch(new RegExp(`^error ${file.replace(/[.]/g, '\\.')}:1:\\d+: `, 'm'));
    expect(run.summary).toMatch(/### Not done[\s\S]*GitHub shows 10 annotations/);
    for (const key of keys) expect(run.summary).toContain(fp(key));
  });

  it('cuts a rotation issue listing a key in many long-named files under 65,536 characters', async () => {
    const key = KEYS[3] as string;
    const github = await server();
    const repo = gitRepo('engium-action-api-issue-');
    const before = commitFiles(repo, { 'README.md': '# shop\n' });
    const after = commitFiles(repo, Object.fromEntries(Array.from({ length: 90 }, (_, index) => [longPath(index), `export const k = '${key}';\n`])), 'spread');
    const payload = { ref: 'refs/heads/main', before, after, repository: { default_branch: 'main' } };
    const run = await runAction({ eventName: 'push', payload, workspace: repo, apiUrl: github.url, inputs: { eslint: 'false', annotations: 'false' } });
    expect(run.status).toBe(1);
    expect(warnings(run)).toEqual([]);
    const [issue] = github.issues;
    expect(issue?.body.length).toBeLessThanOrEqual(GITHUB_BODY_MAX_CHARS);
    const places = (issue?.body ?? '').split('\n').filter((line) => line.startsWith('- <code>'));
    expect(places.length).toBeGreaterThan(20);
    expect(issue?.body).toMatch(new RegExp(`- …and ${90 - places.length} more places: the job summary of \\[the run\\]`));
    expect(issue?.body).toContain('**Rotate it now:**');
    expectNoFullKey(github.allRequestText(), [key]);
  });
});

describe("code scanning's SARIF limits", () => {
  it('keeps at most 25,000 results in a run, the most severe, and says how many it left out', async () => {
    const key = fakeKey('live', 1300);
    const repo = gitRepo('engium-action-api-sarif-');
    const before = commitFiles(repo, { 'README.md': '# shop\n' });
    // One key on 25,010 lines: a place, and so a SARIF result, each.
    const after = commitFiles(repo, { 'src/keys.ts': Array.from({ length: 25_010 }, (_, index) => `export const k${index} = '${key}';\n`).join('') }, 'keys');
    const payload = { ref: 'refs/heads/feature', before, after, repository: { default_branch: 'main' } };
    const run = await runAction({ eventName: 'push', payload, workspace: repo, apiUrl: (await server()).url, inputs: { eslint: 'false', history: 'false' } });
    expect(run.status).toBe(1);
    const log = JSON.parse(run.sarif ?? '{}') as { runs: { results: { level?: string }[] }[] };
    expect(log.runs[0]?.results).toHaveLength(25_000);
    expect(warnings(run).map((warning) => warning.message)).toContain(
      'Engium Guard: the SARIF file keeps the 25000 most severe results of each run and leaves out 10: code scanning rejects a run with more. The JSON report lists every finding.',
    );
    const report = JSON.parse(run.json ?? '{}') as { findings: unknown[] };
    expect(report.findings).toHaveLength(25_010);
  });
});

describe('pagination', () => {
  it('finds its own comment among more than 100 on the pull request and updates it, never posting a second', async () => {
    const github = await server();
    const pr = pullRequestRepo(KEYS.slice(0, 1));
    const payload = pullRequestPayload({ number: 11, ...pr });
    const first = await runAction({ eventName: 'pull_request', payload, workspace: pr.repo, apiUrl: github.url, inputs: { eslint: 'false' } });
    expect(first.stdout).toMatch(/Pull request comment created/);
    // A busy review: 150 comments by people after ours, so ours is on the first page and theirs run to a second.
    const now = new Date().toISOString();
    for (let index = 0; index < 150; index++) {
      github.comments.push({ id: 5000 + index, issue_number: 11, body: `LGTM ${index}`, user: { login: 'reviewer', type: 'User' }, created_at: now, updated_at: now });
    }
    // Ours moves to the end (GitHub lists by creation; an earlier comment of ours could be anywhere).
    github.comments.push(...github.comments.splice(0, 1));
    commitFiles(pr.repo, { 'src/more.ts': `export const more = '${KEYS[1]}';\n` }, 'more');
    const second = await runAction({ eventName: 'pull_request', payload: pullRequestPayload({ number: 11, base: pr.base, head: git(pr.repo, 'rev-parse', 'HEAD') }), workspace: pr.repo, apiUrl: github.url, inputs: { eslint: 'false' } });
    expect(second.stdout).toMatch(/Pull request comment updated/);
    expect(github.comments.filter((comment) => comment.body.includes('engium-guard:pull-request-comment'))).toHaveLength(1);
    expect(github.requests.filter((request) => request.method === 'GET' && request.query.get('page') === '2')).not.toHaveLength(0);
    expect(github.comments.at(-1)?.body).toContain(fp(KEYS[1] as string));
  });
});
