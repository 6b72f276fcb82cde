/**
 * The bundled action on the other events and layouts: pull_request_target (the checkout is the
 * base; the head is read, never run), merge queues, monorepo packages, and a failing webhook.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeSecret } from '@engium/core';
import { commitFiles, expectNoFullKey, fakeKey, git, gitRepo, tempDir } from '../support/index.js';
import { startGitHubServer, type GitHubServer } from './github-server.js';
import { pullRequestPayload, runAction, type ActionRun } from './run-action.js';

const KEY = fakeKey('live', 901);
const OTHER = fakeKey('live', 902);
const fp = (key: string) => describeSecret(key).fingerprint;

function annotatedFiles(run: ActionRun): (string | undefined)[] {
  return run.commands.filter((command) => command.properties.file !== undefined).map((command) => command.properties.file);
}

// Each run starts the 14 MB bundle, git and ESLint; on a loaded 2-core machine that takes a while.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

let server: GitHubServer;
beforeAll(async () => {
  server = await startGitHubServer({ forbid: [{ method: 'POST', path: /^\/webhook-broken$/, status: 500 }] });
});
afterAll(() => server.close());

describe('pull_request_target', () => {
  it('scans the head in a temporary worktree and never runs the repository’s code or ESLint config', async () => {
    const repo = gitRepo('engium-action-target-');
    const marker = join(repo, '..', `pwned-${Date.now()}`);
    const base = commitFiles(repo, { 'src/app.ts': 'export {};\n' });
    git(repo, 'checkout', '-q', '-b', 'attack');
    const evil = `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport default [];\n`;
    const head = commitFiles(repo, {
      'eslint.config.js': evil,
      'eslint.config.mjs': evil,
      'engium.config.js': evil,
      'src/app.ts': `export const key = '${KEY}';\nfetch('https://api.engium.app/api/v1/bookings', { headers: { Authorization: 'Bearer ' + process.env.ENGIUM_API_KEY } });\n`,
    });
    // pull_request_target checks out the base branch.
    git(repo, 'checkout', '-q', 'main');
    const run = await runAction({
      eventName: 'pull_request_target',
      payload: {
        pull_request: { number: 5, base: { sha: base, ref: 'main', repo: { full_name: 'acme/shop' } }, head: { sha: head, ref: 'attack', repo: { full_name: 'mallory/shop' } } },
      },
      workspace: repo,
      apiUrl: server.url,
      inputs: { comment: 'false' },
    });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/temporary worktree/);
    expect(run.stdout).toMatch(/pull_request_target on a pull request from a fork: the head commit is untrusted and this job holds a write token, so Engium Guard only reads its files/);
    expect(annotatedFiles(run)).toContain('src/app.ts');
    expect(run.commands.some((command) => command.properties.title?.endsWith('/require-tenant-header'))).toBe(true);
    expect(existsSync(marker)).toBe(false);
    expect(git(repo, 'worktree', 'list').split('\n')).toHaveLength(1);
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(base);
  });
});

describe('pull_request on GitHub\'s merge commit', () => {
  it('scans the checkout in place when HEAD merges the head into the base', async () => {
    const repo = gitRepo('engium-action-merge-');
    const base = commitFiles(repo, { 'src/app.ts': 'export {};\n' });
    git(repo, 'checkout', '-q', '-b', 'topic');
    const head = commitFiles(repo, { 'src/topic.ts': `export const key = '${KEY}';\n`, 'src/broken.ts': 'export const = ;\n' });
    // What actions/checkout does for pull_request: refs/pull/N/merge, a merge of head into base.
    git(repo, 'checkout', '-q', '--detach', base);
    git(repo, 'merge', '-q', '--no-ff', '--no-edit', head);
    const run = await runAction({
      eventName: 'pull_request',
      payload: { pull_request: { number: 8, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'topic' } } },
      workspace: repo,
      apiUrl: server.url,
      inputs: { comment: 'false' },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(/temporary worktree/);
    expect(annotatedFiles(run)).toContain('src/topic.ts');
    // A file ESLint cannot parse is named in the summary; the run goes on.
    expect(run.summary).toMatch(/src\/broken\.ts<\/code>: ESLint could not parse it/);
  });
});

describe('scheduled audit of a shallow checkout', () => {
  it('fetches the whole history before auditing it', async () => {
    const origin = gitRepo('engium-action-audit-origin-');
    commitFiles(origin, { 'src/pay.ts': `export const key = '${OTHER}';\n` });
    commitFiles(origin, { 'src/pay.ts': 'export const key = process.env.ENGIUM_API_KEY;\n' });
    commitFiles(origin, { 'README.md': '# shop\n' });
    const clone = gitRepo('engium-action-audit-clone-');
    git(clone, 'fetch', '-q', '--depth=1', `file://${origin}`, 'main');
    git(clone, 'checkout', '-q', 'FETCH_HEAD');
    git(clone, 'remote', 'add', 'origin', `file://${origin}`);
    const run = await runAction({
      eventName: 'schedule',
      payload: {},
      workspace: clone,
      apiUrl: server.url,
      inputs: { issues: 'false' },
      env: { GITHUB_REF: 'refs/heads/main' },
    });
    expect(run.stdout).toMatch(/Fetched the full history \(unshallow\)/);
    expect(run.status).toBe(1);
    expect(run.outputs.fingerprints).toBe(fp(OTHER));
  });
});

describe('merge_group', () => {
  it('scans the queued commits', async () => {
    const repo = gitRepo('engium-action-queue-');
    const base = commitFiles(repo, { 'README.md': '# q\n' });
    const head = commitFiles(repo, { 'docs/setup.md': `Use \`${KEY}\` to try it.\n` });
    const run = await runAction({
      eventName: 'merge_group',
      payload: { merge_group: { base_sha: base, head_sha: head, base_ref: 'refs/heads/main', head_ref: 'refs/heads/gh-readonly-queue/main/pr-1' } },
      workspace: repo,
      apiUrl: server.url,
    });
    expect(run.status).toBe(1);
    expect(annotatedFiles(run)).toContain('docs/setup.md');
    expect(run.outputs.fingerprints).toBe(fp(KEY));
  });
});

describe('monorepo', () => {
  it('scans one package with working-directory and reports repository-relative paths', async () => {
    const repo = gitRepo('engium-action-mono-');
    const base = commitFiles(repo, { 'package.json': '{ "private": true, "workspaces": ["packages/*"] }\n' });
    const head = commitFiles(repo, {
      'packages/web/package.json': '{ "name": "web" }\n',
      'packages/web/src/pay.ts': `export const key = '${KEY}';\n`,
      'packages/api/src/pay.ts': `export const key = '${OTHER}';\n`,
    });
    const run = await runAction({
      eventName: 'push',
      payload: { ref: 'refs/heads/main', before: base, after: head, repository: { default_branch: 'main' } },
      workspace: repo,
      apiUrl: server.url,
      inputs: { 'working-directory': 'packages/web', issues: 'false', 'webhook-url': `${server.url}/webhook-broken` },
    });
    expect(run.status).toBe(1);
    expect(annotatedFiles(run)).toEqual(['packages/web/src/pay.ts']);
    expect(run.outputs.fingerprints).toBe(fp(KEY));
    const sarif = JSON.parse(run.sarif ?? '{}') as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('packages/web/src/pay.ts');
    // A webhook that fails is a warning; the findings still fail the step.
    expect(run.commands.find((command) => command.command === 'warning')?.message).toMatch(/could not post the webhook alert \(HTTP 500\)/);
    expectNoFullKey(run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n'), [KEY, OTHER]);
  });

  it('asks for actions/checkout when the workspace is not a repository', async () => {
    const run = await runAction({
      eventName: 'push',
      payload: { ref: 'refs/heads/main', before: 'a'.repeat(40), after: 'b'.repeat(40), repository: { default_branch: 'main' } },
      workspace: tempDir('engium-action-no-checkout-'),
      apiUrl: server.url,
    });
    expect(run.status).toBe(1);
    expect(run.commands.at(-1)?.message).toMatch(/not a git repository.*Run actions\/checkout/s);
  });

  it('refuses a working-directory outside the workspace', async () => {
    const repo = gitRepo('engium-action-escape-');
    const head = commitFiles(repo, { 'a.txt': 'a\n' });
    const run = await runAction({
      eventName: 'workflow_dispatch',
      payload: { repository: { default_branch: 'main' } },
      workspace: repo,
      apiUrl: server.url,
      inputs: { 'working-directory': '../..' },
      env: { GITHUB_SHA: head, GITHUB_REF: 'refs/heads/main' },
    });
    expect(run.status).toBe(1);
    expect(run.commands.at(-1)?.message).toMatch(/working-directory.*must stay inside the workspace/);
  });
});

describe('engium.config.json and the ESLint rules', () => {
  it("checks calls to the config's API base URLs (a proxy) for X-Tenant-ID, as calls to the public API are", async () => {
    const repo = gitRepo('engium-action-proxy-');
    const base = commitFiles(repo, {
      'engium.config.json': JSON.stringify({ apiBaseUrls: ['https://engium-proxy.acme.test/v1'] }),
      'src/app.ts': 'export {};\n',
    });
    git(repo, 'checkout', '-q', '-b', 'proxy');
    const head = commitFiles(repo, {
      'src/bookings.ts': "export const bookings = (token: string) => fetch('https://engium-proxy.acme.test/v1/bookings', { headers: { Authorization: `Bearer ${token}` } });\n",
    });
    const run = await runAction({
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: 8, base, head, headRef: 'proxy' }),
      workspace: repo,
      apiUrl: server.url,
      inputs: { comment: 'false' },
    });
    const tenant = run.commands.find((command) => command.properties.title?.endsWith('/require-tenant-header'));
    expect(tenant?.properties.file, run.stdout + run.stderr).toBe('src/bookings.ts');
    expect(run.status).toBe(1);
  });
});
