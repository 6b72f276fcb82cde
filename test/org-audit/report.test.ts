// The fan-in job, run from the committed bundle: per-repository artifacts in, then the summary,
// one SARIF per repository, rotation issues in a tracking repository and the next run's state.
import { gunzipSync } from 'node:zlib';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoFullKey, fakeKey, tempDir, writeFiles } from '../support/index.js';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import type { PlanFile } from '../../packages/org-audit/src/batches.js';
import type { AuditState } from '../../packages/org-audit/src/state.js';
import { commit, finding, report } from '../../packages/scanner/test/merge/fixtures.js';
import { expectValidReport, expectValidSarif } from '../scanner/support.js';
import { startOrgServer, type OrgServer } from './org-server.js';
import { runOrgAudit } from './run-org-audit.js';

const LIVE = fakeKey('live', 21);
const TEST = fakeKey('test', 22);
const ACTION_REPORTED = fakeKey('live', 23);
const KEYS = [LIVE, TEST, ACTION_REPORTED];
const LIVE_FINGERPRINT = finding(LIVE, 'x', 'server').secret.fingerprint;
const sha = (c: string) => c.repeat(40);

let server: OrgServer;
beforeAll(async () => {
  server = await startOrgServer('acme', [], { forbid: [{ method: 'GET', path: /^\/repos\/acme\/locked\/issues$/ }] });
});
afterAll(() => server.close());

/** One artifact folder per repository, as the matrix jobs upload them. */
function artifacts(dir: string, entries: { repository: string; report: ScanReport; commit: string; since?: string }[]): string {
  const reports = join(dir, 'reports');
  for (const entry of entries) {
    const folder = `engium-report-${entry.repository.replace('/', '__')}`;
    writeFiles(reports, {
      [`${folder}/report.json`]: JSON.stringify({ ...entry.report, repository: entry.repository }),
      [`${folder}/scan.json`]: JSON.stringify({ repository: entry.repository, commit: entry.commit, ref: 'main', scannedAt: '2026-11-29T03:00:00Z', ...(entry.since ? { since: entry.since } : {}) }),
    });
  }
  return reports;
}

/** A plan file as the list job writes it. */
function planned(repositories: string[], empty: string[] = []): string {
  const path = join(tempDir('engium-org-plan-'), 'plan.json');
  const plan: PlanFile = { batches: [{ id: 'batch-001', repositories: repositories.map((repository) => ({ repository, ref: 'main' })) }], empty };
  writeFileSync(path, JSON.stringify(plan));
  return path;
}

async function fanIn(dir: string, reports: string, inputs: Record<string, string> = {}) {
  const output = join(dir, 'out');
  const run = await runOrgAudit(
    { command: 'report', 'reports-directory': reports, 'output-directory': output, 'tracking-repository': 'acme/security', ...inputs },
    { apiUrl: server.url, env: { GITHUB_SERVER_URL: 'https://github.example' } },
  );
  const read = (name: string) => readFileSync(join(output, name), 'utf8');
  return { run, output, read };
}

describe('org-audit report (fan-in)', () => {
  const dir = tempDir('engium-org-report-');
  let firstState = '';

  it('merges the reports, writes the summary, SARIF per repository and one rotation issue per leaked live key', async () => {
    const reports = artifacts(dir, [
      { repository: 'acme/api', commit: sha('a'), report: report([finding(LIVE, 'src/config.ts', 'server', { commit: commit('c1', '2021-04-01T08:00:00Z') })]) },
      { repository: 'acme/web', commit: sha('b'), report: report([finding(LIVE, 'app/page.tsx', 'client'), finding(TEST, 'test/a.test.ts', 'server')]) },
      { repository: 'acme/docs', commit: sha('d'), report: report([]) },
    ]);
    const { run, output, read } = await fanIn(dir, reports, { 'plan-file': planned(['acme/api', 'acme/web', 'acme/docs', 'acme/ghost'], ['acme/new-service']) });

    // A planned repository without a report fails the job, after everything else is written.
    expect(run.status).toBe(1);
    expect(run.commands.filter((c) => c.command === 'error').map((c) => c.message)).toContain('1 planned repository produced no report: acme/ghost');
    expect(run.outputs.keys).toBe('2');

    expect(run.summary).toContain('Scanned 3 repositories (3 in full, 0 from their last scanned commit); 2 distinct keys found.');
    expect(run.summary).toContain('produced no report, so it was not audited and keeps its previous state: acme/ghost');
    // An empty repository is no failure: the summary records it as skipped.
    expect(run.summary).toContain('Skipped 1 empty repository (no commits yet, nothing to scan): acme/new-service.');
    expect(run.summary).toMatch(/\| critical \| 1 \|\n\| high \| 0 \|\n\| medium \| 0 \|\n\| low \| 1 \|/);
    expect(run.summary).toContain(`| critical | \`eng_live_…${LIVE.slice(-4)}\` | \`${LIVE_FINGERPRINT}\` | acme/api, acme/web | 2 | 2021-04-01 in acme/api@c1000000 | [#1](https://github.example/acme/security/issues/1) (open) |`);

    const issues = server.github.issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]?.title).toBe(`Rotate the leaked Engium live key eng_live_…${LIVE.slice(-4)} (${LIVE_FINGERPRINT})`);
    expect(issues[0]?.labels).toEqual([{ name: 'engium-leaked-key' }]);
    expect(issues[0]?.body).toContain(`<!-- engium-guard:leaked-key:${LIVE_FINGERPRINT} -->`);
    expect(issues[0]?.body).toContain('Settings → Developer → API Keys');
    expect(issues[0]?.body).toMatch(/\| acme\/api \| `src\/config.ts` \| 3 \| c10000000000 \| 2021-04-01 \| no \|/);
    expect(issues[0]?.body).toMatch(/\| acme\/web \| `app\/page.tsx` \| 3 \| HEAD \| {2}\| yes \|/);

    const sarif = (name: string) => JSON.parse(read(`sarif/${name}.sarif`)) as { version: string; runs: { results: { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    for (const name of ['acme__api', 'acme__web', 'acme__docs']) expectValidSarif(sarif(name));
    expect(sarif('acme__web').runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri)).toEqual(['app/page.tsx', 'test/a.test.ts']);
    expect(sarif('acme__api').runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri)).toEqual(['src/config.ts']);
    expect(sarif('acme__docs').runs[0]?.results).toEqual([]);
    expect(existsSync(join(output, 'sarif/acme__ghost.sarif'))).toBe(false);

    const merged = JSON.parse(read('merged-report.json')) as ScanReport;
    expectValidReport(merged);
    expect(merged.repositories).toEqual(['acme/api', 'acme/docs', 'acme/web']);
    // One leak per key and repository: the live key leaks in acme/web and in acme/api.
    expect(merged.leaks?.map((leak) => leak.repository).sort()).toEqual(['acme/api', 'acme/web', 'acme/web']);
    firstState = read('state.json');
    const state = JSON.parse(firstState) as AuditState;
    expect(Object.keys(state.repositories)).toEqual(['acme/api', 'acme/docs', 'acme/web']);
    expect(state.repositories['acme/api']?.commit).toBe(sha('a'));

    const everything = [run.stdout, run.stderr, run.summary, server.allRequestText(), read('merged-report.json'), read('state.json'), read('sarif/acme__web.sarif')].join('\n');
    expectNoFullKey(everything, KEYS);
  });

  it('on an incremental run updates the key’s issue with the new places, keeps the old ones, and never duplicates it', async () => {
    const stateFile = join(dir, 'previous-state.json');
    writeFiles(dir, { 'previous-state.json': firstState });
    const reports = artifacts(join(dir, 'second'), [
      { repository: 'acme/api', commit: sha('e'), since: sha('a'), report: report([finding(LIVE, 'scripts/seed.ts', 'server', { commit: commit('c2', '2026-11-28T12:00:00Z') })]) },
    ]);
    const before = server.requests.length;
    const { run, read } = await fanIn(dir, reports, { 'state-file': stateFile, 'plan-file': planned(['acme/api']) });
    expect(run.status).toBe(0);
    expect(server.github.issues).toHaveLength(1);
    const body = server.github.issues[0]?.body ?? '';
    expect(body).toContain('scripts/seed.ts');
    expect(body).toContain('app/page.tsx');
    expect(body).toContain('is committed in 2 repositories: acme/api, acme/web.');
    expect(server.requests.slice(before).filter((r) => r.method === 'PATCH' && r.path === '/repos/acme/security/issues/1')).toHaveLength(1);
    expect(server.requests.slice(before).some((r) => r.method === 'POST' && r.path === '/repos/acme/security/issues')).toBe(false);
    expect(run.summary).toContain('(0 in full, 1 from their last scanned commit)');

    // The state moves on for the repository scanned now and keeps the others as they were.
    const state = JSON.parse(read('state.json')) as AuditState;
    expect(state.repositories['acme/api']?.commit).toBe(sha('e'));
    expect(state.repositories['acme/web']?.commit).toBe(sha('b'));
  });

  it('leaves a closed issue closed (the key was rotated), and does not touch it when nothing is new', async () => {
    const issue = server.github.issues[0];
    if (!issue) throw new Error('no issue from the first run');
    issue.state = 'closed';
    const reports = artifacts(join(dir, 'third'), [
      { repository: 'acme/api', commit: sha('e'), since: sha('e'), report: report([finding(LIVE, 'scripts/seed.ts', 'server', { commit: commit('c2', '2026-11-28T12:00:00Z') })]) },
    ]);
    const before = server.requests.length;
    const { run } = await fanIn(dir, reports);
    expect(run.status).toBe(0);
    expect(issue.state).toBe('closed');
    expect(server.github.issues).toHaveLength(1);
    expect(server.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
    expect(run.summary).toContain('[#1](https://github.example/acme/security/issues/1) (closed: rotated)');
  });

  it('uploads each repository’s SARIF to its code scanning when asked, gzipped and base64 as the API wants', async () => {
    const reports = artifacts(join(dir, 'fourth'), [
      { repository: 'acme/web', commit: sha('f'), report: report([finding(LIVE, 'app/page.tsx', 'client')]) },
    ]);
    const { run } = await fanIn(dir, reports, { 'upload-sarif': 'true', 'tracking-repository': '' });
    expect(run.status).toBe(0);
    expect(server.sarifUploads).toHaveLength(1);
    const upload = server.sarifUploads[0];
    expect(upload?.repository).toBe('acme/web');
    expect(upload?.body).toMatchObject({ commit_sha: sha('f'), ref: 'refs/heads/main', tool_name: 'engium-org-audit' });
    const sarif = JSON.parse(gunzipSync(Buffer.from(String(upload?.body.sarif), 'base64')).toString('utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]?.results).toHaveLength(1);
    expectNoFullKey(server.allRequestText(), KEYS);
  });

  it('fails with the file named when an artifact holds a broken report, and still reports the rest', async () => {
    const reports = artifacts(join(dir, 'fifth'), [{ repository: 'acme/api', commit: sha('a'), report: report([]) }]);
    writeFiles(reports, { 'engium-report-acme__web/report.json': '{"version": 2}' });
    const { run } = await fanIn(dir, reports, { 'tracking-repository': '' });
    expect(run.status).toBe(1);
    expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(/engium-report-acme__web\/report\.json is not a usable report: unsupported report version 2/);
    expect(run.summary).toContain('Scanned 1 repository');
  });

  it('finds and updates the issue the Engium Guard action opened for the same key, rather than opening another', async () => {
    const fingerprint = finding(ACTION_REPORTED, 'x', 'server').secret.fingerprint;
    const number = 900;
    server.github.issues.push({
      id: 9000,
      number,
      title: `Rotate the leaked Engium live key eng_live_…${ACTION_REPORTED.slice(-4)} (${fingerprint})`,
      body: `<!-- engium-guard:leaked-key:${fingerprint} -->\nThe Engium live API key is committed to this repository.`,
      state: 'open',
      labels: [{ name: 'engium-leaked-key' }],
    });
    const count = server.github.issues.length;
    const reports = artifacts(join(dir, 'sixth'), [{ repository: 'acme/billing', commit: sha('9'), report: report([finding(ACTION_REPORTED, 'lib/client.ts', 'server')]) }]);
    const { run } = await fanIn(dir, reports);
    expect(run.status).toBe(0);
    expect(server.github.issues).toHaveLength(count);
    const updated = server.github.issues.find((issue) => issue.number === number);
    expect(updated?.body).toContain('| acme/billing | `lib/client.ts` |');
    expect(updated?.body).toContain(`<!-- engium-guard:leaked-key:${fingerprint} -->`);
    expectNoFullKey(server.allRequestText() + run.summary, KEYS);
  });

  it('still writes the summary and the state when the tracking repository refuses issues, and fails the run saying why', async () => {
    const reports = artifacts(join(dir, 'seventh'), [{ repository: 'acme/api', commit: sha('7'), report: report([finding(LIVE, 'src/config.ts', 'server')]) }]);
    const { run, read } = await fanIn(dir, reports, { 'tracking-repository': 'acme/locked' });
    expect(run.status).toBe(1);
    expect(run.commands.find((c) => c.command === 'error')?.message).toMatch(/rotation issues in acme\/locked failed \(HTTP 403\): .*issues write access/);
    expect(run.summary).toContain('Scanned 1 repository');
    expect((JSON.parse(read('state.json')) as AuditState).repositories['acme/api']?.commit).toBe(sha('7'));
  });
});
