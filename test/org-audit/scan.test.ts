// One matrix job's scan, run from the committed bundle with the real engium-scan CLI on real git
// repositories: the directory audit at HEAD plus history since the last scanned commit.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitFiles, expectNoFullKey, fakeKey, gitRepo, SCANNER_CLI, tempDir } from '../support/index.js';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import type { ScanRecord } from '../../packages/org-audit/src/state.js';
import { expectValidReport } from '../scanner/support.js';
import { runOrgAudit } from './run-org-audit.js';

const OLD = fakeKey('live', 31);
const NEW = fakeKey('live', 32);
const ENGIUM_SCAN = `${process.execPath} ${SCANNER_CLI}`;

async function scan(repo: string, since?: string) {
  const output = join(tempDir('engium-org-scan-'), 'engium-report-acme__api');
  const run = await runOrgAudit({ command: 'scan', repository: 'acme/api', ref: 'main', directory: repo, 'engium-scan': ENGIUM_SCAN, 'output-directory': output, ...(since ? { since } : {}) });
  const read = <T>(name: string) => JSON.parse(readFileSync(join(output, name), 'utf8')) as T;
  return { run, report: () => read<ScanReport>('report.json'), record: () => read<ScanRecord>('scan.json'), output };
}

const places = (report: ScanReport) =>
  report.findings.flatMap((f) => (f.occurrences ?? []).map((o) => `${f.secret.redacted} ${o.file} ${o.commit ? `history ${o.commit.presentAtHead ? 'present' : 'gone'}` : 'HEAD'}`)).sort();

describe('org-audit scan', () => {
  const repo = gitRepo('engium-org-repo-');
  const added = commitFiles(repo, { 'src/config.ts': `export const key = "${OLD}";\n` }, 'add config');
  const removed = commitFiles(repo, { 'src/config.ts': 'export const key = process.env.ENGIUM_API_KEY;\n' }, 'read the key from the environment');

  it('audits HEAD and the whole history on a first run, naming the repository and the commit scanned', async () => {
    const { run, report, record } = await scan(repo);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const merged = report();
    // A real engium-scan report, merged: it still meets the report contract's schema.
    expectValidReport(merged);
    expect(merged.repository).toBe('acme/api');
    expect(merged.repositories).toEqual(['acme/api']);
    expect(places(merged)).toEqual([`eng_live_…${OLD.slice(-4)} src/config.ts history gone`]);
    expect(merged.findings[0]?.occurrences?.[0]?.commit?.sha).toBe(added);
    expect(record()).toMatchObject({ repository: 'acme/api', commit: removed, ref: 'main' });
    expect(record().since).toBeUndefined();
    expect(run.outputs['artifact-name']).toBe('engium-report-acme__api');
    expectNoFullKey(run.stdout + run.stderr + JSON.stringify(merged), [OLD]);
  });

  it('scans only the commits after the last scanned one on an incremental run', async () => {
    const head = commitFiles(repo, { 'scripts/seed.ts': `const k = "${NEW}";\n` }, 'seed script');
    const { run, report, record } = await scan(repo, removed);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(places(report())).toEqual([`eng_live_…${NEW.slice(-4)} scripts/seed.ts HEAD`, `eng_live_…${NEW.slice(-4)} scripts/seed.ts history present`]);
    expect(record()).toMatchObject({ commit: head, since: removed });
    expectNoFullKey(run.stdout + run.stderr + JSON.stringify(report()), [OLD, NEW]);
  });

  it('scans the whole history again when the last scanned commit is gone (a force push), and says so', async () => {
    const { run, report, record } = await scan(repo, 'f'.repeat(40));
    expect(run.status).toBe(0);
    expect(run.commands.find((c) => c.command === 'warning')?.message).toContain('is not in the history any more (force push?): scanning the whole history');
    expect(places(report())).toContain(`eng_live_…${OLD.slice(-4)} src/config.ts history gone`);
    expect(record().since).toBeUndefined();
  });

  it('fails the job with a clear message, leaving no report, when the checkout or engium-scan is unusable', async () => {
    const notARepository = tempDir('engium-org-empty-');
    const { run: noCheckout } = await scan(notARepository);
    expect(noCheckout.status).toBe(1);
    expect(noCheckout.commands.find((c) => c.command === 'error')?.message).toContain(`${notARepository} is not a checkout with commits`);

    const output = join(tempDir('engium-org-scan-'), 'out');
    const broken = await runOrgAudit({ command: 'scan', repository: 'acme/api', directory: repo, 'engium-scan': `${process.execPath} -e process.exit(1)`, 'output-directory': output });
    expect(broken.status).toBe(1);
    expect(broken.commands.find((c) => c.command === 'error')?.message).toContain('engium-scan scan wrote no report');
    expect(existsSync(join(output, 'report.json'))).toBe(false);
  });
});
