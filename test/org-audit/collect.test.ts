// One matrix job as org-audit-batch.yml runs it, from the committed bundles on real git
// repositories: the Engium Guard action in audit mode (the tree at HEAD, the history after the last
// scanned commit), then the org-audit `collect` step on its outputs; and the fan-in over what the
// jobs uploaded. No engium-scan CLI and no npm package is involved.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { commitFiles, expectNoFullKey, fakeKey, git, gitRepo, tempDir } from '../support/index.js';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import type { AuditState, ScanRecord } from '../../packages/org-audit/src/state.js';
import { expectValidReport } from '../scanner/support.js';
import { runAction } from '../action/run-action.js';
import { runOrgAudit } from './run-org-audit.js';

const OLD = fakeKey('live', 31);
const NEW = fakeKey('live', 32);
const KEYS = [OLD, NEW];

// Each job starts the 14 MB action bundle and git; on a loaded 2-core machine that takes a while.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

/**
 * The batch workflow's steps for one repository: the action with the workflow's inputs, then
 * collect with its outputs, into `artifacts` as the fan-in downloads them.
 */
async function matrixJob(repository: string, checkout: string, since?: string, artifacts = tempDir('engium-org-artifacts-')) {
  const guard = await runAction({
    eventName: 'schedule',
    payload: { schedule: '17 3 * * *' },
    workspace: checkout,
    repository: 'acme/security',
    inputs: { mode: 'audit', since: since ?? '', history: 'true', eslint: 'false', annotations: 'false', comment: 'false', issues: 'false', 'fail-on': 'none', 'json-file': join(tempDir('engium-org-runner-temp-'), 'engium-guard.json') },
  });
  expect(guard.status, guard.stdout + guard.stderr).toBe(0);
  const output = join(artifacts, `engium-report-${repository.replace('/', '__')}`);
  const collect = await runOrgAudit({
    command: 'collect',
    repository,
    ref: 'main',
    'report-file': guard.outputs['json-file'] ?? '',
    commit: guard.outputs.commit ?? '',
    since: guard.outputs['history-since'] ?? '',
    'output-directory': output,
  });
  const read = <T>(name: string) => JSON.parse(readFileSync(join(output, name), 'utf8')) as T;
  return { guard, collect, output, report: () => read<ScanReport>('report.json'), record: () => read<ScanRecord>('scan.json') };
}

const places = (report: ScanReport) =>
  report.findings.flatMap((f) => (f.occurrences ?? []).map((o) => `${f.secret.redacted} ${o.file} ${o.commit ? `history ${o.commit.presentAtHead ? 'present' : 'gone'}` : 'HEAD'}`)).sort();

describe('org-audit matrix job: the Engium Guard action, then collect', () => {
  const repo = gitRepo('engium-org-repo-');
  const added = commitFiles(repo, { 'src/config.ts': `export const key = "${OLD}";\n` }, 'add config');
  const removed = commitFiles(repo, { 'src/config.ts': 'export const key = process.env.ENGIUM_API_KEY;\n' }, 'read the key from the environment');

  it('names the action’s report after the repository and records the commit scanned, on a first (whole-history) run', async () => {
    const { collect, report, record } = await matrixJob('acme/api', repo);
    expect(collect.status, collect.stdout + collect.stderr).toBe(0);
    const merged = report();
    expectValidReport(merged);
    expect(merged.repository).toBe('acme/api');
    expect(merged.repositories).toEqual(['acme/api']);
    expect(places(merged)).toEqual([`eng_live_…${OLD.slice(-4)} src/config.ts history gone`]);
    expect(merged.findings[0]?.occurrences?.[0]?.commit?.sha).toBe(added);
    expect(record()).toMatchObject({ repository: 'acme/api', commit: removed, ref: 'main' });
    expect(record().since).toBeUndefined();
    expect(collect.outputs['artifact-name']).toBe('engium-report-acme__api');
    expectNoFullKey(collect.stdout + collect.stderr + JSON.stringify(merged), KEYS);
  });

  it('on an incremental run keeps the commit that added a key still at HEAD, and records where the history started', async () => {
    const head = commitFiles(repo, { 'scripts/seed.ts': `const k = "${NEW}";\n` }, 'seed script');
    const { collect, report, record } = await matrixJob('acme/api', repo, removed);
    expect(collect.status, collect.stdout + collect.stderr).toBe(0);
    expect(places(report())).toEqual([`eng_live_…${NEW.slice(-4)} scripts/seed.ts HEAD`, `eng_live_…${NEW.slice(-4)} scripts/seed.ts history present`]);
    expect(record()).toMatchObject({ commit: head, since: removed });
    expectNoFullKey(collect.stdout + JSON.stringify(report()), KEYS);
  });

  it('records a whole-history scan when the last scanned commit is gone (a force push), so the summary counts it as full', async () => {
    const { guard, report, record } = await matrixJob('acme/api', repo, 'f'.repeat(40));
    expect(guard.commands.find((c) => c.command === 'warning')?.message).toContain('scanning the whole history instead');
    expect(places(report())).toContain(`eng_live_…${OLD.slice(-4)} src/config.ts history gone`);
    expect(record().since).toBeUndefined();
  });

  it('merges the jobs’ artifacts in the fan-in: a key’s oldest exposure is the commit that added it', async () => {
    const web = gitRepo('engium-org-web-');
    commitFiles(web, { 'app/page.tsx': `export const key = "${NEW}";\n` }, 'page');
    git(web, 'commit', '-q', '--amend', '--no-edit', '--no-verify', '--date=2021-04-01T08:00:00Z');
    const page = git(web, 'rev-parse', 'HEAD');
    const artifacts = tempDir('engium-org-artifacts-');
    await matrixJob('acme/api', repo, removed, artifacts);
    await matrixJob('acme/web', web, undefined, artifacts);

    const output = join(tempDir('engium-org-fan-in-'), 'out');
    const fanIn = await runOrgAudit({ command: 'report', 'reports-directory': artifacts, 'output-directory': output, 'tracking-repository': '' });
    expect(fanIn.status, fanIn.stdout + fanIn.stderr).toBe(0);
    const merged = JSON.parse(readFileSync(join(output, 'merged-report.json'), 'utf8')) as ScanReport;
    expect(merged.repositories).toEqual(['acme/api', 'acme/web']);
    expect(places(merged)).toEqual(
      [`eng_live_…${NEW.slice(-4)} app/page.tsx HEAD`, `eng_live_…${NEW.slice(-4)} app/page.tsx history present`, `eng_live_…${NEW.slice(-4)} scripts/seed.ts HEAD`, `eng_live_…${NEW.slice(-4)} scripts/seed.ts history present`].sort(),
    );
    expect(fanIn.summary).toContain('Scanned 2 repositories (1 in full, 1 from their last scanned commit); 1 distinct key found.');
    expect(fanIn.summary).toMatch(new RegExp(`\\| \`eng_live_…${NEW.slice(-4)}\` \\| \`[0-9a-f]+\` \\| acme/api, acme/web \\| 4 \\| 2021-04-01 in acme/web@${page.slice(0, 8)} \\|`));
    const state = JSON.parse(readFileSync(join(output, 'state.json'), 'utf8')) as AuditState;
    expect(state.repositories['acme/web']?.commit).toBe(page);
    expectNoFullKey(fanIn.stdout + fanIn.summary + readFileSync(join(output, 'merged-report.json'), 'utf8'), KEYS);
  });

  it('fails with a clear message, leaving no artifact, when the action left no usable report', async () => {
    const output = join(tempDir('engium-org-collect-'), 'out');
    const missing = await runOrgAudit({ command: 'collect', repository: 'acme/api', 'report-file': join(output, 'nope.json'), commit: removed, 'output-directory': output });
    expect(missing.status).toBe(1);
    expect(missing.commands.find((c) => c.command === 'error')?.message).toContain("cannot read the Engium Guard action's JSON report");
    // An action that failed before naming its commit (the step's output is empty), or a commit that is not one.
    const noCommit = await runOrgAudit({ command: 'collect', repository: 'acme/api', 'report-file': join(output, 'nope.json'), commit: '', 'output-directory': output });
    expect(noCommit.commands.find((c) => c.command === 'error')?.message).toBe('Input required and not supplied: commit');
    const notACommit = await runOrgAudit({ command: 'collect', repository: 'acme/api', 'report-file': join(output, 'nope.json'), commit: 'HEAD', 'output-directory': output });
    expect(notACommit.commands.find((c) => c.command === 'error')?.message).toContain('commit must be the full SHA the Engium Guard action scanned');
    expect(existsSync(join(output, 'report.json'))).toBe(false);
  });
});
