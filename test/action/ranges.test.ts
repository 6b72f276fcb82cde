/**
 * Ranges the event names but the checkout cannot give: a force push (its `before` is gone from
 * origin), a shallow clone whose origin cannot be reached. The run says so and scans more rather
 * than less: never a silent pass. Real repositories, cloned as actions/checkout clones them.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeSecret } from '@engium/core';
import { commitFiles, fakeKey, git, gitRepo, tempDir } from '../support/index.js';
import { startGitHubServer, type GitHubServer } from './github-server.js';
import { pullRequestPayload, runAction, type ActionRun } from './run-action.js';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const fp = (key: string) => describeSecret(key).fingerprint;
const ON_MAIN = fakeKey('live', 1201);
const ON_FEATURE = fakeKey('live', 1202);
/** A commit no repository has: what `before` names after a force push rewrote it away. */
const GONE = 'f0'.repeat(20);

let server: GitHubServer;
beforeAll(async () => {
  server = await startGitHubServer();
});
afterAll(() => server.close());

function warningMessages(run: ActionRun): string[] {
  return run.commands.filter((command) => command.command === 'warning' && command.properties.file === undefined).map((command) => command.message);
}

/**
 * origin: main, whose history once held ON_MAIN (removed since), and feature, which adds
 * ON_FEATURE. Returns a full clone checked out at `branch`, as actions/checkout with fetch-depth 0.
 */
function cloneOf(branch: 'main' | 'feature', depth?: number): { origin: string; clone: string; head: string; base: string } {
  const origin = gitRepo('engium-action-origin-');
  commitFiles(origin, { 'src/pay.ts': `export const key = '${ON_MAIN}';\n` }, 'pay');
  const base = commitFiles(origin, { 'src/pay.ts': 'export const key = process.env.ENGIUM_API_KEY;\n' }, 'remove the key');
  git(origin, 'checkout', '-q', '-b', 'feature');
  commitFiles(origin, { 'src/feature.ts': `export const key = '${ON_FEATURE}';\n` }, 'feature');
  git(origin, 'checkout', '-q', 'main');
  const clone = tempDir('engium-action-clone-');
  git(clone, 'clone', '-q', ...(depth ? [`--depth=${depth}`, '--no-single-branch'] : []), `file://${origin}`, '.');
  git(clone, 'checkout', '-q', branch);
  return { origin, clone, head: git(clone, 'rev-parse', 'HEAD'), base };
}

describe('a force push', () => {
  it('to a feature branch: `before` is gone, so the commits not on the default branch are scanned, with a warning', async () => {
    const { clone, head } = cloneOf('feature');
    const payload = { ref: 'refs/heads/feature', before: GONE, after: head, forced: true, repository: { default_branch: 'main' } };
    const run = await runAction({ eventName: 'push', payload, workspace: clone, apiUrl: server.url, inputs: { eslint: 'false' } });
    expect(run.status).toBe(1);
    expect(warningMessages(run).join('\n')).toMatch(/cannot fetch commit f0f0f0f0f0f0 from origin: .*force push.* Scanning the commits not on main instead\./s);
    expect(run.outputs.fingerprints).toBe(fp(ON_FEATURE));
    expect(run.summary).toMatch(/### Not done[\s\S]*Scanning the commits not on main instead/);
  });

  it('to the default branch: no branch can stand in, so the whole tree and history are audited, with a warning', async () => {
    const { clone, head } = cloneOf('main');
    const payload = { ref: 'refs/heads/main', before: GONE, after: head, forced: true, repository: { default_branch: 'main' } };
    const run = await runAction({ eventName: 'push', payload, workspace: clone, apiUrl: server.url, inputs: { eslint: 'false', issues: 'false' } });
    // The key removed from main long ago is still in its history: found, and failing the step.
    expect(run.status).toBe(1);
    expect(warningMessages(run).join('\n')).toMatch(new RegExp(`cannot fetch commit f0f0f0f0f0f0.*Scanning the whole tree at ${head.slice(0, 12)} and the history it holds instead`, 's'));
    expect(run.outputs.fingerprints).toBe(fp(ON_MAIN));
    expect(run.summary).toMatch(/which could not be resolved: a wider scan instead/);
  });
});

describe('a shallow clone whose origin is gone', () => {
  it('scans the head and the commits it holds, says the history is incomplete, and still fails on a leak', async () => {
    const { origin, clone, head } = cloneOf('feature', 1);
    rmSync(origin, { recursive: true, force: true });
    // The pull request's base is a commit the depth-1 clone lacks and cannot fetch.
    const payload = pullRequestPayload({ number: 12, base: GONE, head });
    const run = await runAction({ eventName: 'pull_request', payload, workspace: clone, apiUrl: server.url, inputs: { eslint: 'false' } });
    expect(run.status).toBe(1);
    const said = warningMessages(run).join('\n');
    expect(said).toMatch(/cannot deepen the shallow checkout|cannot fetch commit/);
    expect(said).toMatch(/Scanning the whole tree at [0-9a-f]{12} and the history it holds instead/);
    expect(said).toMatch(/checkout is shallow and its full history cannot be fetched.*scanning only the commits the checkout holds/s);
    expect(run.outputs.fingerprints).toBe(fp(ON_FEATURE));
  });

  it('a clean head still gets the warnings: the pass is not a silent one', async () => {
    const { origin, clone } = cloneOf('main', 1);
    rmSync(origin, { recursive: true, force: true });
    const head = git(clone, 'rev-parse', 'HEAD');
    const payload = { ref: 'refs/heads/main', before: GONE, after: head, repository: { default_branch: 'main' } };
    const run = await runAction({ eventName: 'push', payload, workspace: clone, apiUrl: server.url, inputs: { eslint: 'false' } });
    // The depth-1 clone holds main's tip only; the key in older history cannot be read, and the run says so.
    expect(run.status).toBe(0);
    expect(run.outputs['leaked-keys']).toBe('0');
    expect(warningMessages(run).join('\n')).toMatch(/scanning only the commits the checkout holds/);
    expect(run.summary).toMatch(/### Not done[\s\S]*scanning only the commits the checkout holds/);
  });
});
