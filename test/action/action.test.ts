/**
 * The committed action bundle, run as the runner runs it, against real git repositories and a
 * real HTTP server playing the GitHub API. Build the bundle first (`node packages/action/build.mjs`).
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeSecret } from '@engium/core';
import { commitFiles, expectNoFullKey, fakeKey, git, gitRepo, tempDir } from '../support/index.js';
// The SARIF 2.1.0 schema check, with its workarounds, has one home.
import { expectValidSarif } from '../scanner/support.js';
import { startGitHubServer, type GitHubServer } from './github-server.js';
import { pullRequestPayload, runAction, type ActionRun, type WorkflowCommand } from './run-action.js';

const LIVE = fakeKey('live', 701);
const LIVE_REMOVED = fakeKey('live', 702);
const LIVE_CLIENT = fakeKey('live', 703);
const TEST_KEY = fakeKey('test', 704);
const ALL_KEYS = [LIVE, LIVE_REMOVED, LIVE_CLIENT, TEST_KEY, ...[801, 802, 803, 804].map((seed) => fakeKey('live', seed))];
const fp = (key: string) => describeSecret(key).fingerprint;


/** A hostile file name: workflow-command separators, a percent sign and a newline. */
const HOSTILE = 'src/evil,file=x::%0A\n::error::pwned.ts';

function annotations(run: ActionRun): WorkflowCommand[] {
  return run.commands.filter((command) => ['error', 'warning', 'notice'].includes(command.command) && command.properties.file !== undefined);
}

/** Every key is masked before any other line mentions it, and no line but the mask holds it whole. */
function expectMaskedFirst(run: ActionRun, keys: readonly string[]): void {
  const lines = run.stdout.split('\n');
  for (const key of keys) {
    const maskLine = lines.findIndex((line) => line === `::add-mask::${key}`);
    expect(maskLine, `mask for …${key.slice(-4)}`).toBeGreaterThanOrEqual(0);
    const redacted = describeSecret(key).redacted;
    const firstUse = lines.findIndex((line) => line.includes(redacted) || line.includes(fp(key)));
    if (firstUse !== -1) expect(maskLine).toBeLessThan(firstUse);
  }
  expectNoFullKey(lines.filter((line) => !line.startsWith('::add-mask::')).join('\n') + run.stderr + run.summary + (run.sarif ?? ''), ALL_KEYS);
  expectNoFullKey(JSON.stringify(run.outputs), ALL_KEYS);
}

interface PullRequestRepo {
  repo: string;
  base: string;
  head: string;
}

/**
 * main: a clean app. feature: many commits; one adds a live key that a later commit removes, one
 * puts a live key in a client module, one adds a file with a hostile name holding a key, and one an
 * Engium call without X-Tenant-ID.
 */
function pullRequestRepo(): PullRequestRepo {
  const repo = gitRepo('engium-action-pr-');
  const base = commitFiles(repo, {
    'package.json': '{ "name": "shop", "private": true }\n',
    'src/server.ts': 'export const apiKey = process.env.ENGIUM_API_KEY;\n',
  }, 'initial');
  git(repo, 'checkout', '-q', '-b', 'feature');
  for (let i = 0; i < 31; i++) commitFiles(repo, { [`src/module-${i}.ts`]: `export const value${i} = ${i};\n` }, `module ${i}`);
  commitFiles(repo, { 'src/config.ts': `export const key = '${LIVE_REMOVED}';\n` }, 'add config');
  commitFiles(repo, { 'src/config.ts': 'export const key = process.env.ENGIUM_API_KEY;\n' }, 'oops, remove key');
  commitFiles(repo, {
    'src/checkout.client.ts': `'use client';\nconst ENGIUM = '${LIVE_CLIENT}';\nexport const headers = { Authorization: \`Bearer \${ENGIUM}\` };\n`,
    'src/server.ts': `export const apiKey = process.env.ENGIUM_API_KEY;\nexport const fallback = '${LIVE}';\n`,
    [HOSTILE]: `export const k = '${LIVE}';\n`,
    'src/test-fixture.ts': `export const sandbox = '${TEST_KEY}';\n`,
    'src/bookings.ts': [
      `export async function bookings(token: string) {`,
      `  return fetch('https://api.engium.app/api/v1/bookings', { headers: { Authorization: \`Bearer \${token}\` } });`,
      `}`,
      '',
    ].join('\n'),
  }, 'feature work');
  return { repo, base, head: git(repo, 'rev-parse', 'HEAD') };
}

function prPayload(pr: PullRequestRepo, options: { number?: number; fork?: boolean } = {}): object {
  return pullRequestPayload({ number: options.number ?? 17, base: pr.base, head: pr.head, ...(options.fork ? { headRepository: 'mallory/shop' } : {}) });
}

// Each run starts the 14 MB bundle, git and ESLint; on a loaded 2-core machine that takes a while.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

let server: GitHubServer;
beforeAll(async () => {
  server = await startGitHubServer();
});
afterAll(() => server.close());

describe('pull request', () => {
  let pr: PullRequestRepo;
  let first: ActionRun;
  beforeAll(async () => {
    pr = pullRequestRepo();
    first = await runAction({ eventName: 'pull_request', payload: prPayload(pr), workspace: pr.repo, apiUrl: server.url, inputs: { 'webhook-url': server.webhookUrl } });
  });

  it('fails the step and says why', () => {
    expect(first.status, first.stdout + first.stderr).toBe(1);
    const failure = first.commands.filter((command) => command.command === 'error' && command.properties.file === undefined);
    expect(failure.at(-1)?.message).toMatch(/at or above fail-on "high"/);
  });

  it('annotates every leak, most severe first, with the hostile file name escaped', () => {
    const list = annotations(first);
    const files = list.map((annotation) => annotation.properties.file);
    expect(files).toContain('src/checkout.client.ts');
    expect(files).toContain('src/server.ts');
    expect(files).toContain(HOSTILE);
    expect(files).toContain('src/config.ts');
    expect(list[0]?.properties.title).toMatch(/critical/);
    // The hostile name stays inside its annotation: no command of its own.
    expect(first.commands.some((command) => command.message === 'pwned.ts' || command.command === 'error' && command.message.startsWith('pwned'))).toBe(false);
    expect(first.stdout).not.toMatch(/^::error::pwned/m);
    const hostile = list.find((annotation) => annotation.properties.file === HOSTILE);
    expect(hostile?.properties.line).toBe('1');
    const removed = list.find((annotation) => annotation.properties.file === 'src/config.ts');
    expect(removed?.message).toMatch(/it is gone at HEAD but stays in every clone/);
    // Its line at the head of the pull request holds other code: the annotation names the commit and line instead.
    expect(removed?.properties.line).toBeUndefined();
    expect(removed?.message).toMatch(/It was on line 1 of src\/config\.ts in commit [0-9a-f]{12}/);
    expect(removed?.message).toContain(fp(LIVE_REMOVED));
    const lint = list.find((annotation) => annotation.properties.title?.endsWith('/require-tenant-header'));
    expect(lint?.properties.file).toBe('src/bookings.ts');
  });

  it('masks every key before anything else mentions it, and never prints one', () => {
    expectMaskedFirst(first, [LIVE, LIVE_REMOVED, LIVE_CLIENT, TEST_KEY]);
  });

  it('sets the outputs', () => {
    expect(Number(first.outputs.findings)).toBeGreaterThanOrEqual(5);
    expect(first.outputs['leaked-keys']).toBe('4');
    expect(first.outputs.fingerprints?.split(',').sort()).toEqual([LIVE, LIVE_REMOVED, LIVE_CLIENT, TEST_KEY].map(fp).sort());
    expect(first.outputs['sarif-file']).toMatch(/engium-guard\.sarif$/);
  });

  it('writes valid SARIF with repository-relative paths', () => {
    const log = JSON.parse(first.sarif ?? 'null') as { runs: { tool: { driver: { name: string } }; results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expectValidSarif(log);
    expect(log.runs.map((run) => run.tool.driver.name)).toEqual(['engium-scan', 'engium-eslint']);
    const uris = log.runs[0]?.results.map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri);
    expect(uris).toContain('src/checkout.client.ts');
    // The ESLint run describes each rule from the plugin's own metadata (read through the bundle).
    const eslintRules = (log.runs[1]?.tool.driver as { rules?: { id: string; helpUri?: string }[] }).rules ?? [];
    const tenantRule = eslintRules.find((rule) => rule.id.endsWith('/require-tenant-header'));
    expect(tenantRule?.helpUri).toMatch(/require-tenant-header/);
  });

  it('writes a job summary with redacted keys, fingerprints and exposure', () => {
    expect(first.summary).toContain('| Severity | Key | Fingerprint | Exposure |');
    expect(first.summary).toContain(fp(LIVE_CLIENT));
    expect(first.summary).toMatch(/critical ⛔ \| <code>eng\\_live\\_…/);
    expect(first.summary).toContain('Rotate every leaked live key');
  });

  it('comments once on the pull request, then updates that comment on re-runs', async () => {
    const ours = () => server.comments.filter((comment) => comment.issue_number === 17);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]?.body).toContain(fp(LIVE_CLIENT));
    expect(ours()[0]?.body).toContain('Settings → Developer → API Keys');
    const firstBody = ours()[0]?.body;
    // The author removes the client key; the re-run updates the same comment.
    commitFiles(pr.repo, { 'src/checkout.client.ts': "'use client';\nexport const headers = {};\n" }, 'remove client key');
    const again = await runAction({
      eventName: 'pull_request',
      payload: prPayload({ ...pr, head: git(pr.repo, 'rev-parse', 'HEAD') }),
      workspace: pr.repo,
      apiUrl: server.url,
    });
    expect(again.status).toBe(1);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]?.body).not.toBe(firstBody);
    expect(ours()[0]?.body).toMatch(/removed since, still in history/);
    expect(server.requests.filter((request) => request.method === 'PATCH' && request.path.includes('/issues/comments/'))).toHaveLength(1);
    expectMaskedFirst(again, [LIVE, LIVE_REMOVED, LIVE_CLIENT]);
  });

  it('opens no issue for a pull request, posts the webhook, and sends no key to any server', () => {
    expect(server.issues).toHaveLength(0);
    const alert = server.webhooks[0] as { text: string; keys: { fingerprint: string }[] };
    expect(alert.text).toMatch(/live Engium API keys? leaked/);
    expect(alert.keys.map((key) => key.fingerprint).sort()).toEqual([LIVE, LIVE_REMOVED, LIVE_CLIENT].map(fp).sort());
    expectNoFullKey(server.allRequestText(), ALL_KEYS);
  });
});

describe('pull request from a fork', () => {
  it('degrades a 403 on comments to a warning and still annotates and summarises', async () => {
    const forbidden = await startGitHubServer({ forbid: [{ method: 'POST', path: /\/issues\/\d+\/comments$/ }] });
    try {
      const pr = pullRequestRepo();
      const run = await runAction({ eventName: 'pull_request', payload: prPayload(pr, { fork: true }), workspace: pr.repo, apiUrl: forbidden.url });
      expect(run.status).toBe(1);
      const warning = run.commands.find((command) => command.command === 'warning' && /comment on pull request #17/.test(command.message));
      expect(warning?.message).toMatch(/HTTP 403.*read-only token/);
      expect(annotations(run).length).toBeGreaterThan(3);
      expect(run.summary).toContain(fp(LIVE_CLIENT));
      expect(forbidden.comments).toHaveLength(0);
      expectMaskedFirst(run, [LIVE, LIVE_CLIENT]);
      expectNoFullKey(forbidden.allRequestText(), ALL_KEYS);
    } finally {
      await forbidden.close();
    }
  });
});

describe('suppressions in a pull request', () => {
  it('come from the base branch only: the pull request cannot allowlist or ignore its own leak', async () => {
    const repo = gitRepo('engium-action-suppress-');
    const approved = fakeKey('live', 801);
    const sneaky = fakeKey('live', 802);
    const inline = fakeKey('live', 803);
    const hidden = fakeKey('live', 804);
    const base = commitFiles(repo, {
      'engium.config.json': JSON.stringify({ allowlist: [{ fingerprint: fp(approved), reason: 'revoked demo key' }] }),
      'src/a.ts': 'export {};\n',
    });
    git(repo, 'checkout', '-q', '-b', 'sneaky');
    commitFiles(repo, {
      'engium.config.json': JSON.stringify({
        allowlist: [
          { fingerprint: fp(approved), reason: 'revoked demo key' },
          { fingerprint: fp(sneaky), reason: 'trust me' },
        ],
        exclude: ['src/**'],
      }),
      'src/demo.ts': `export const demo = '${approved}';\n`,
      'src/sneaky.ts': `export const sneaky = '${sneaky}';\n`,
      'src/inline.ts': `export const inline = '${inline}'; // engium-ignore\n`,
    });
    // Pushed with an ignore comment, then deleted: still leaked, and the comment was never approved.
    commitFiles(repo, { 'src/hidden.ts': `// engium-ignore\nexport const hidden = '${hidden}';\n` });
    git(repo, 'rm', '-q', 'src/hidden.ts');
    git(repo, 'commit', '-q', '--no-verify', '-m', 'remove hidden');
    const tip = git(repo, 'rev-parse', 'HEAD');
    const run = await runAction({
      eventName: 'pull_request',
      payload: prPayload({ repo, base, head: tip }, { number: 31 }),
      workspace: repo,
      apiUrl: server.url,
      inputs: { eslint: 'false' },
    });
    expect(run.status).toBe(1);
    const files = annotations(run).map((annotation) => annotation.properties.file);
    expect(files).toContain('src/sneaky.ts');
    expect(files).toContain('src/inline.ts');
    expect(files).not.toContain('src/demo.ts');
    const inlineAnnotation = annotations(run).find((annotation) => annotation.properties.file === 'src/inline.ts');
    expect(inlineAnnotation?.message).toMatch(/added by this change and does not count/);
    const sneakyAnnotation = annotations(run).find((annotation) => annotation.properties.file === 'src/sneaky.ts');
    expect(sneakyAnnotation?.message).toMatch(/This change adds it to engium\.config\.json \(allowlist\), which does not count/);
    expect(files).toContain('src/hidden.ts');
    expect(run.outputs.fingerprints?.split(',').sort()).toEqual([fp(sneaky), fp(inline), fp(hidden)].sort());
    expectMaskedFirst(run, [sneaky, inline, hidden]);
  });
});

describe('push and audits', () => {
  function mainRepo(): { repo: string; before: string; after: string } {
    const repo = gitRepo('engium-action-push-');
    const before = commitFiles(repo, { 'README.md': '# shop\n' });
    commitFiles(repo, { 'src/pay.ts': `export const key = '${LIVE}';\n` }, 'pay');
    const after = commitFiles(repo, { 'src/other.ts': `export const key = '${LIVE_CLIENT}';\n` }, 'other');
    return { repo, before, after };
  }

  it('opens one rotation issue per key on the default branch, never a duplicate', async () => {
    const issuesServer = await startGitHubServer({ maxPerPage: 1 });
    try {
      const { repo, before, after } = mainRepo();
      const payload = { ref: 'refs/heads/main', before, after, repository: { default_branch: 'main' } };
      const first = await runAction({ eventName: 'push', payload, workspace: repo, apiUrl: issuesServer.url, inputs: { 'webhook-url': issuesServer.webhookUrl } });
      expect(first.status).toBe(1);
      expect(issuesServer.issues).toHaveLength(2);
      expect(issuesServer.issues.map((issue) => issue.labels[0]?.name)).toEqual(['engium-leaked-key', 'engium-leaked-key']);
      expect(issuesServer.issues.map((issue) => issue.title).join('\n')).toContain(describeSecret(LIVE).redacted);
      (issuesServer.issues[0] as { state: string }).state = 'closed';
      // A rerun, with the webhook too: the leaks were alerted, and their issues remember it (closed or not).
      const second = await runAction({ eventName: 'push', payload, workspace: repo, apiUrl: issuesServer.url, inputs: { 'webhook-url': issuesServer.webhookUrl } });
      expect(second.status).toBe(1);
      expect(issuesServer.issues).toHaveLength(2);
      expect(issuesServer.issues.filter((issue) => issue.state === 'closed')).toHaveLength(1);
      expect(issuesServer.webhooks).toHaveLength(1);
      expect(JSON.stringify(issuesServer.webhooks[0])).toContain(fp(LIVE));
      expect(issuesServer.comments.filter((comment) => comment.body.includes('engium-guard:alerted:'))).toHaveLength(2);
      // The key spreads to a new file: one more alert, about that leak alone, naming the new place.
      const spread = commitFiles(repo, { 'src/copy.ts': `export const again = '${LIVE}';\n` }, 'copy');
      const third = await runAction({
        eventName: 'push',
        payload: { ...payload, before: after, after: spread },
        workspace: repo,
        apiUrl: issuesServer.url,
        inputs: { 'webhook-url': issuesServer.webhookUrl },
      });
      expect(third.status).toBe(1);
      expect(issuesServer.webhooks).toHaveLength(2);
      const alert = issuesServer.webhooks[1] as { keys: { fingerprint: string; status: string; newLocations: { file: string }[] }[] };
      expect(alert.keys.map((key) => [key.fingerprint, key.status, key.newLocations.map((place) => place.file)])).toEqual([[fp(LIVE), 'new-places', ['src/copy.ts']]]);
      expectNoFullKey(issuesServer.allRequestText(), ALL_KEYS);
      expectMaskedFirst(first, [LIVE, LIVE_CLIENT]);
    } finally {
      await issuesServer.close();
    }
  });

  it('audits the whole repository and history on a schedule, and honours fail-on', async () => {
    const { repo } = mainRepo();
    commitFiles(repo, { 'src/pay.ts': 'export const key = process.env.ENGIUM_API_KEY;\n' }, 'remove');
    const run = await runAction({
      eventName: 'schedule',
      payload: { schedule: '0 3 * * *' },
      workspace: repo,
      apiUrl: server.url,
      inputs: { 'fail-on': 'none', issues: 'false' },
      env: { GITHUB_REF: 'refs/heads/main', GITHUB_SHA: git(repo, 'rev-parse', 'HEAD') },
    });
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs['leaked-keys']).toBe('2');
    const history = annotations(run).find((annotation) => annotation.properties.file === 'src/pay.ts');
    expect(history?.message).toMatch(/gone at HEAD but stays in every clone/);
  });
});

describe('a history git cannot read whole', () => {
  it('fails a push whose commits git cannot all read, though nothing was found: the history is unproven', async () => {
    const repo = gitRepo('engium-action-corrupt-');
    const before = commitFiles(repo, { 'README.md': '# shop\n' }, 'initial');
    const broken = commitFiles(repo, { 'src/notes.ts': 'export const notes = 1;\n' }, 'notes');
    // The file changes again, so the push's own diff never needs the blob the history shows.
    const after = commitFiles(repo, { 'src/notes.ts': 'export const notes = 2;\n' }, 'more');
    // The commit's blob no longer inflates: git log dies there, as on a damaged clone.
    const blob = git(repo, 'rev-parse', `${broken}:src/notes.ts`);
    const object = join(repo, '.git', 'objects', blob.slice(0, 2), blob.slice(2));
    chmodSync(object, 0o644);
    writeFileSync(object, 'not a zlib stream\n');
    const payload = { ref: 'refs/heads/feature', before, after, repository: { default_branch: 'main' } };
    const run = await runAction({ eventName: 'push', payload, workspace: repo, apiUrl: server.url, inputs: { eslint: 'false' } });
    expect(run.status).toBe(1);
    const failure = run.commands.filter((command) => command.command === 'error' && command.properties.file === undefined);
    expect(failure.map((command) => command.message)).toEqual([expect.stringContaining('git could not read every commit of the history')]);
    expect(run.summary).toContain(`commit ${broken}: git could not read it`);
  });
});

describe('ranges that cannot be resolved', () => {
  it('deepens a shallow checkout to scan every commit of the pull request', async () => {
    const pr = pullRequestRepo();
    const clone = tempDir('engium-action-shallow-');
    git(clone, 'clone', '-q', '--depth=1', '--no-single-branch', `file://${pr.repo}`, '.');
    git(clone, 'checkout', '-q', 'feature');
    const run = await runAction({ eventName: 'pull_request', payload: prPayload(pr, { number: 40 }), workspace: clone, apiUrl: server.url, inputs: { eslint: 'false' } });
    expect(run.stdout).toMatch(/Fetched .*more commits of history/);
    expect(annotations(run).map((annotation) => annotation.properties.file)).toContain('src/config.ts');
  });

  it('says so clearly and scans the commits not on the base branch instead, never a silent pass', async () => {
    const pr = pullRequestRepo();
    const run = await runAction({
      eventName: 'pull_request',
      payload: prPayload({ ...pr, base: 'e'.repeat(40) }, { number: 41 }),
      workspace: pr.repo,
      apiUrl: server.url,
    });
    expect(run.status).toBe(1);
    const warning = run.commands.find((command) => command.command === 'warning' && /cannot fetch commit/.test(command.message));
    expect(warning?.message).toMatch(/cannot fetch commit eeeeeeeeeeee.*actions\/checkout sets one up.*Scanning the commits not on main instead\./s);
    expect(annotations(run).map((annotation) => annotation.properties.file)).toContain('src/config.ts');
  });
});
