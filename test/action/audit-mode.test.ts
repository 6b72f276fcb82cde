/**
 * The bundled action in audit mode, as the organisation audit runs it on other repositories'
 * checkouts: the whole tree and history whatever the event, only the history after `since` when
 * asked (the whole history again when that commit is gone), and the JSON report `engium-scan merge`
 * reads.
 */
import { describe, expect, it, vi } from 'vitest';
import { describeSecret } from '@engium/core';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { expectValidReport } from '../scanner/support.js';
import { commitFiles, expectNoFullKey, fakeKey, git, gitRepo } from '../support/index.js';
import { runAction, type ActionRun } from './run-action.js';

const OLD = fakeKey('live', 951);
const NEW = fakeKey('live', 952);
const KEYS = [OLD, NEW];

// Each run starts the 14 MB bundle and git; on a loaded 2-core machine that takes a while.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

/** A key committed and removed, then another committed that stays. */
const repo = gitRepo('engium-action-audit-');
const first = commitFiles(repo, { 'README.md': '# api\n' }, 'readme');
commitFiles(repo, { 'src/config.ts': `export const key = "${OLD}";\n` }, 'add config');
const removed = commitFiles(repo, { 'src/config.ts': 'export const key = process.env.ENGIUM_API_KEY;\n' }, 'read the key from the environment');
const head = commitFiles(repo, { 'scripts/seed.ts': `const k = "${NEW}";\n` }, 'seed script');

/** The organisation audit's call: an event about another repository; no comment, issue or annotation, and nothing fails the step. */
async function audit(inputs: Record<string, string> = {}, workspace = repo): Promise<ActionRun> {
  return runAction({
    eventName: 'push',
    payload: { ref: 'refs/heads/main', before: 'a'.repeat(40), after: 'b'.repeat(40), repository: { default_branch: 'main', full_name: 'acme/security' } },
    workspace,
    repository: 'acme/security',
    inputs: { mode: 'audit', 'fail-on': 'none', comment: 'false', issues: 'false', eslint: 'false', annotations: 'false', ...inputs },
    env: { GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'c'.repeat(40) },
  });
}

function report(run: ActionRun): ScanReport {
  if (run.json === undefined) throw new Error(`no JSON report:\n${run.stdout}${run.stderr}`);
  const parsed = JSON.parse(run.json) as ScanReport;
  expectValidReport(parsed);
  return parsed;
}

/** Each finding as `key file where`, where is HEAD or the history with the key present or gone at HEAD. */
const places = (parsed: ScanReport) =>
  parsed.findings.map((f) => `${f.secret.redacted} ${f.file} ${f.commit ? `history ${f.commit.presentAtHead ? 'present' : 'gone'}` : 'HEAD'}`).sort();

const warnings = (run: ActionRun) => run.commands.filter((c) => c.command === 'warning').map((c) => c.message);

describe('mode: audit', () => {
  it('audits the whole checkout and its history whatever the event, and writes the JSON report with every commit', async () => {
    const run = await audit();
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const parsed = report(run);
    // The key still at HEAD is in the report twice: where it is, and the commit that added it.
    expect(places(parsed)).toEqual(
      [`eng_live_…${NEW.slice(-4)} scripts/seed.ts HEAD`, `eng_live_…${NEW.slice(-4)} scripts/seed.ts history present`, `eng_live_…${OLD.slice(-4)} src/config.ts history gone`].sort(),
    );
    expect(parsed.findings.find((f) => f.commit && f.secret.fingerprint === describeSecret(NEW).fingerprint)?.commit?.sha).toBe(head);
    expect(parsed.stats.filesScanned).toBeGreaterThan(0);
    expect(run.outputs).toMatchObject({ commit: head, 'history-since': '', 'leaked-keys': '2' });
    expect(run.summary).toContain('mode: audit (push): full audit of the repository and its history');
    // SARIF names the key at HEAD once; no annotation points at the files of the repository running the workflow.
    expect(JSON.parse(run.sarif ?? '{}').runs[0].results).toHaveLength(2);
    expect(run.commands.filter((command) => command.properties.file !== undefined)).toEqual([]);
    expectNoFullKey(run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n') + run.stderr + run.summary + run.json, KEYS);
  });

  it('scans only the history after `since`, and says so', async () => {
    const run = await audit({ since: removed.slice(0, 12), 'json-file': 'reports/engium.json' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.outputs['json-file']).toBe(`${repo}/reports/engium.json`);
    expect(places(report(run))).toEqual([`eng_live_…${NEW.slice(-4)} scripts/seed.ts HEAD`, `eng_live_…${NEW.slice(-4)} scripts/seed.ts history present`].sort());
    // The full SHA, whatever form `since` took.
    expect(run.outputs['history-since']).toBe(removed);
    expect(run.summary).toContain(`(history after ${removed.slice(0, 12)} only)`);
    expect(warnings(run)).toEqual([]);

    const upToDate = await audit({ since: head });
    expect(places(report(upToDate))).toEqual([`eng_live_…${NEW.slice(-4)} scripts/seed.ts HEAD`]);
    expect(upToDate.outputs['history-since']).toBe(head);
  });

  it('scans the whole history again, with a warning, when `since` is gone or on another line of history', async () => {
    const gone = await audit({ since: 'f'.repeat(40) });
    expect(gone.status).toBe(0);
    expect(warnings(gone).join('\n')).toMatch(/since f{40}: no such commit in this repository .*; scanning the whole history instead/);
    expect(places(report(gone))).toContain(`eng_live_…${OLD.slice(-4)} src/config.ts history gone`);
    expect(gone.outputs['history-since']).toBe('');

    git(repo, 'checkout', '-q', '-b', 'rewritten', first);
    const elsewhere = commitFiles(repo, { 'other.txt': 'x\n' }, 'another line of history');
    git(repo, 'checkout', '-q', 'main');
    const rewritten = await audit({ since: elsewhere });
    expect(warnings(rewritten).join('\n')).toContain(`${elsewhere.slice(0, 12)} is not in HEAD's history (the branch was rewritten); scanning the whole history instead`);
    expect(places(report(rewritten))).toContain(`eng_live_…${OLD.slice(-4)} src/config.ts history gone`);
  });

  it('refuses a `since` that is not a revision, and ignores one outside audits with a warning', async () => {
    const option = await audit({ since: '--output=/tmp/x' });
    expect(option.status).toBe(1);
    expect(option.commands.at(-1)?.message).toMatch(/input "since" must be a commit SHA or a ref name/);

    const push = await runAction({
      eventName: 'push',
      payload: { ref: 'refs/heads/main', before: removed, after: head, repository: { default_branch: 'main' } },
      workspace: repo,
      inputs: { since: first, 'fail-on': 'none', issues: 'false', eslint: 'false' },
    });
    expect(push.status, push.stdout).toBe(0);
    expect(warnings(push).join('\n')).toContain('input "since" applies to audits only');
    expect(places(report(push))).toEqual([`eng_live_…${NEW.slice(-4)} scripts/seed.ts HEAD`, `eng_live_…${NEW.slice(-4)} scripts/seed.ts history present`].sort());
  });

  it('audits a repository with no commits yet as an empty report, not a failure', async () => {
    const empty = gitRepo('engium-action-audit-empty-');
    const run = await audit({ since: first }, empty);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(report(run).findings).toEqual([]);
    expect(run.outputs).toMatchObject({ commit: '', 'history-since': '' });
  });
});
