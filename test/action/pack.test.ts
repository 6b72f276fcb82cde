/**
 * The `pack` input: the action scans what `npm publish` would upload (npm's own file list, gitignored
 * build output included) beside the repository, rates a key there as shipped to everyone who
 * installs the package, and in a pull request reports what the change touched or all of a package
 * whose published files it changed.
 */
import { describe, expect, it, vi } from 'vitest';
import { describeSecret } from '@engium/core';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { expectValidReport } from '../scanner/support.js';
import { commitFiles, expectNoFullKey, fakeKey, gitRepo, writeFiles } from '../support/index.js';
import { pullRequestPayload, runAction, type ActionRun } from './run-action.js';

const SERVER_CODE = fakeKey('live', 961);
const BUILT = fakeKey('live', 962);
const UNPUBLISHED = fakeKey('live', 963);
const KEYS = [SERVER_CODE, BUILT, UNPUBLISHED];

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

/** A Node library that publishes lib/ and its gitignored dist/, not scripts/; dist/ is built in the workspace, never committed. */
function library(): { repo: string; base: string } {
  const repo = gitRepo('engium-action-pack-');
  const base = commitFiles(
    repo,
    {
      'package.json': JSON.stringify({ name: 'acme-client', version: '1.0.0', main: 'dist/index.js', files: ['dist', 'lib'] }, null, 2),
      '.gitignore': 'dist/\n',
      'lib/server.js': `export const key = '${SERVER_CODE}';\n`,
      'scripts/seed.js': `const key = '${UNPUBLISHED}';\n`,
      'README.md': '# acme-client\n',
    },
    'library',
  );
  writeFiles(repo, { 'dist/index.js': `export const key = '${BUILT}';\n` });
  return { repo, base };
}

function report(run: ActionRun): ScanReport {
  if (run.json === undefined) throw new Error(`no JSON report:\n${run.stdout}${run.stderr}`);
  const parsed = JSON.parse(run.json) as ScanReport;
  expectValidReport(parsed);
  return parsed;
}

/** What the run printed, without the mask commands that hand the runner each key to hide. */
const printed = (run: ActionRun) => run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n') + run.stderr + run.summary;

const places = (parsed: ScanReport) => parsed.findings.filter((f) => !f.commit).map((f) => `${f.file} ${f.ruleId} ${f.exposure} ${f.severity}`).sort();
const last4 = (key: string) => describeSecret(key).redacted;

function push(repo: string, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    eventName: 'push',
    payload: { ref: 'refs/heads/main', before: '0'.repeat(40), after: 'b'.repeat(40), repository: { default_branch: 'main' } },
    workspace: repo,
    inputs: { comment: 'false', issues: 'false', eslint: 'false', history: 'false', ...inputs },
    env: { GITHUB_REF: 'refs/heads/main' },
  });
}

describe('pack', () => {
  it('adds what npm publish would upload, rated as shipped, and one finding per place', async () => {
    const { repo } = library();
    const without = report(await push(repo, {}));
    const run = await push(repo, { pack: 'true' });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    const parsed = report(run);
    // Without pack, the library's server code is rated by where it runs.
    const serverPlace = without.findings.find((f) => f.file === 'lib/server.js');
    expect(serverPlace?.ruleId).not.toBe('engium/shipped-key');
    // With it, the same place is one finding, rated as shipped: everyone who installs the package has it.
    const shipped = parsed.findings.filter((f) => f.file === 'lib/server.js');
    expect(shipped).toHaveLength(1);
    expect(shipped[0]).toMatchObject({ ruleId: 'engium/shipped-key', exposure: 'client', severity: 'critical' });
    expect(shipped[0]?.message).toContain('anyone who installs it');
    // The gitignored build npm publishes is found once, and scripts/ (not published) keeps the tree's rating.
    expect(parsed.findings.filter((f) => f.file === 'dist/index.js')).toHaveLength(1);
    expect(parsed.findings.find((f) => f.file === 'scripts/seed.js')).toMatchObject(without.findings.find((f) => f.file === 'scripts/seed.js') ?? {});
    expect(run.stdout).toContain('npm pack .:');
    expect(run.stdout).toContain(last4(SERVER_CODE));
    expectNoFullKey(printed(run) + (run.sarif ?? '') + (run.json ?? ''), KEYS);
  });

  it('in a pull request, reports of a package what the change touched, or all of it when the change alters what it publishes', async () => {
    const { repo, base } = library();
    const readmeOnly = commitFiles(repo, { 'README.md': '# acme-client\n\nUsage.\n' }, 'docs');
    const quiet = await runAction({
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: 7, base, head: readmeOnly }),
      workspace: repo,
      inputs: { pack: 'true', comment: 'false', eslint: 'false' },
    });
    expect(quiet.status, quiet.stdout + quiet.stderr).toBe(0);
    expect(places(report(quiet))).toEqual([]);

    const publishesScripts = commitFiles(repo, { 'package.json': JSON.stringify({ name: 'acme-client', version: '1.0.0', files: ['dist', 'lib', 'scripts'] }) }, 'publish scripts');
    const loud = await runAction({
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: 7, base, head: publishesScripts }),
      workspace: repo,
      inputs: { pack: 'true', comment: 'false', eslint: 'false' },
    });
    expect(loud.status).toBe(1);
    const shippedFiles = report(loud).findings.filter((f) => f.ruleId === 'engium/shipped-key').map((f) => f.file).sort();
    expect(shippedFiles).toEqual(['dist/index.js', 'lib/server.js', 'scripts/seed.js']);
    expectNoFullKey(printed(loud), KEYS);
  });

  it('takes package folders of a monorepo relative to working-directory, with repository-relative paths', async () => {
    const repo = gitRepo('engium-action-pack-mono-');
    commitFiles(
      repo,
      {
        'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
        'packages/sdk/package.json': JSON.stringify({ name: '@acme/sdk', version: '1.0.0', files: ['src'] }),
        'packages/sdk/src/config.js': `export const key = '${SERVER_CODE}';\n`,
      },
      'monorepo',
    );
    const run = await push(repo, { pack: 'sdk', 'working-directory': 'packages', 'fail-on': 'none' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(report(run).findings.filter((f) => f.ruleId === 'engium/shipped-key').map((f) => f.file)).toEqual(['packages/sdk/src/config.js']);
  });

  it('fails with npm\'s reason when a package cannot be packed, and refuses a folder outside the workspace', async () => {
    const repo = gitRepo('engium-action-pack-broken-');
    commitFiles(repo, { 'package.json': `{ "name": "broken", "version": "1.0.0", "description": "${UNPUBLISHED}" ` }, 'broken manifest');
    const broken = await push(repo, { pack: 'true' });
    expect(broken.status).toBe(1);
    const failure = broken.commands.find((c) => c.command === 'error')?.message ?? '';
    expect(failure).toContain('npm pack --dry-run failed');
    expectNoFullKey(printed(broken), KEYS);

    const outside = await push(repo, { pack: '../..' });
    expect(outside.status).toBe(1);
    expect(outside.commands.find((c) => c.command === 'error')?.message).toContain('input "pack" must stay inside the workspace');
  });
});
