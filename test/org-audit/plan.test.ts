// The list job, run from the committed bundle against a GitHub API on 127.0.0.1.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/index.js';
import type { Batch } from '../../packages/org-audit/src/batches.js';
import { startOrgServer, type OrgServer } from './org-server.js';
import { runOrgAudit } from './run-org-audit.js';

let server: OrgServer;
const dir = tempDir('engium-org-plan-');

beforeAll(async () => {
  server = await startOrgServer(
    'acme',
    [
      { name: 'api', topics: ['engium'] },
      { name: 'web', topics: ['engium', 'frontend'], default_branch: 'trunk' },
      { name: 'api-legacy', topics: ['engium'], archived: true },
      { name: 'api-fork', topics: ['engium'], fork: true },
      { name: 'docs' },
      { name: 'api-gateway', topics: ['ENGIUM'] },
      { name: 'tools' },
      { name: 'new-service', topics: ['engium'], empty: true },
      { name: 'tiny', topics: ['tiny'], size: 0 },
    ],
    { perPage: 2 },
  );
});
afterAll(() => server.close());

async function plan(inputs: Record<string, string>) {
  const run = await runOrgAudit({ command: 'plan', organization: 'acme', 'plan-file': join(dir, 'plan.json'), ...inputs }, { apiUrl: server.url });
  const batches = run.outputs.batches ? (JSON.parse(run.outputs.batches) as Batch[]) : [];
  return { run, batches, names: batches.flatMap((b) => b.repositories.map((t) => t.repository)) };
}

describe('org-audit plan', () => {
  it('lists every page of the organisation, leaving out archived repositories and forks', async () => {
    const before = server.requests.length;
    const { run, names } = await plan({});
    expect(run.status).toBe(0);
    expect(names).toEqual(['acme/api', 'acme/api-gateway', 'acme/docs', 'acme/tiny', 'acme/tools', 'acme/web']);
    const listing = server.requests.slice(before).filter((r) => r.path === '/orgs/acme/repos');
    expect(listing.length).toBe(5);
    expect(listing.every((r) => r.headers.authorization === 'token ghs_test_token')).toBe(true);
    expect(run.outputs['repository-count']).toBe('6');
    expect(run.outputs['batch-count']).toBe('1');
    // The fan-in reads the same plan from the file the list job keeps as an artifact.
    expect(JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'))).toEqual({ batches: JSON.parse(run.outputs.batches ?? ''), empty: ['acme/new-service'] });
  });

  it('skips a repository with no commits, with a notice, asking GitHub only about repositories of size 0', async () => {
    const before = server.requests.length;
    const { run, names } = await plan({ topic: 'engium' });
    expect(run.status, run.stdout).toBe(0);
    expect(names).not.toContain('acme/new-service');
    expect(run.commands.filter((c) => c.command === 'notice').map((c) => c.message)).toEqual([
      'acme/new-service has no commits yet: skipped (nothing to check out or scan); the next run looks again',
    ]);
    expect(run.stdout).toContain('; 1 empty, skipped');
    const asked = server.requests.slice(before).filter((r) => r.path.endsWith('/commits')).map((r) => r.path);
    expect(asked).toEqual(['/repos/acme/new-service/commits']);

    // Only empty repositories: nothing to scan, and a plan that says why.
    const onlyEmpty = await plan({ repositories: 'new-service' });
    expect(onlyEmpty.run.status).toBe(0);
    expect(onlyEmpty.run.outputs['repository-count']).toBe('0');
    expect(JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'))).toMatchObject({ empty: ['acme/new-service'] });
  });

  it('filters by topic (any case) and by name patterns, with ! to exclude', async () => {
    expect((await plan({ topic: 'engium' })).names).toEqual(['acme/api', 'acme/api-gateway', 'acme/web']);
    expect((await plan({ 'name-pattern': 'api*\n!*-gateway' })).names).toEqual(['acme/api']);
    expect((await plan({ topic: 'engium', 'include-archived': 'true', 'include-forks': 'true', 'name-pattern': 'api-*' })).names).toEqual([
      'acme/api-fork',
      'acme/api-gateway',
      'acme/api-legacy',
    ]);
  });

  it('reads an explicit list one repository at a time and names those it cannot read', async () => {
    const listed = await plan({ repositories: 'web, acme/docs # the handbook' });
    expect(listed.names).toEqual(['acme/docs', 'acme/web']);
    expect(listed.batches[0]?.repositories.find((t) => t.repository === 'acme/web')?.ref).toBe('trunk');
    const missing = await plan({ repositories: 'web\nghost' });
    expect(missing.run.status).toBe(1);
    expect(missing.run.commands.find((c) => c.command === 'error')?.message).toMatch(/cannot read 1 listed repository: acme\/ghost \(404\)/);
  });

  it('scans from the state’s last commit per repository, everything on a full rescan, and says when the state is broken', async () => {
    const stateFile = join(tempDir('engium-org-state-'), 'state.json');
    writeFileSync(stateFile, JSON.stringify({ version: 1, repositories: { 'acme/api': { commit: 'c'.repeat(40), scannedAt: '2026-11-01T00:00:00Z' }, 'acme/web': { commit: 'not-a-sha' } } }));
    const incremental = await plan({ 'state-file': stateFile, topic: 'engium' });
    expect(incremental.batches[0]?.repositories).toEqual([
      { repository: 'acme/api', ref: 'main', since: 'c'.repeat(40) },
      { repository: 'acme/api-gateway', ref: 'main' },
      { repository: 'acme/web', ref: 'trunk' },
    ]);
    expect(incremental.run.commands.some((c) => c.command === 'warning' && c.message.includes('acme/web has no valid commit'))).toBe(true);
    const full = await plan({ 'state-file': stateFile, topic: 'engium', 'full-rescan': 'true' });
    expect(full.batches[0]?.repositories.some((t) => t.since)).toBe(false);

    writeFileSync(stateFile, '{ broken');
    const broken = await plan({ 'state-file': stateFile, topic: 'engium' });
    expect(broken.run.status).toBe(0);
    expect(broken.batches[0]?.repositories.some((t) => t.since)).toBe(false);
    expect(broken.run.commands.some((c) => c.command === 'warning' && /unusable .*scanning every repository in full/.test(c.message))).toBe(true);
    // No state at all is a first run, not a problem.
    const first = await plan({ 'state-file': join(dir, 'missing-state.json') });
    expect(first.run.commands.filter((c) => c.command === 'warning')).toEqual([]);
  });

  it('rejects bad inputs with a message naming the input', async () => {
    const { run } = await plan({ 'max-parallel': 'lots' });
    expect(run.status).toBe(1);
    expect(run.commands.find((c) => c.command === 'error')?.message).toContain('input "max-parallel" must be a positive whole number');
  });
});
