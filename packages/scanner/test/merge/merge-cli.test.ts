// `engium-scan merge` end to end: the built CLI on report files and folders, as the org audit's
// fan-in job runs it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoFullKey, fakeKey, runScanner, tempDir, writeFiles } from '../../../../test/support/index.js';
import type { ScanReport } from '../../src/finding.js';
import { expectValidReport } from '../../../../test/scanner/support.js';
import { commit, finding, report } from './fixtures.js';

const LIVE = fakeKey('live', 11);
const TEST = fakeKey('test', 12);

function reportsDir(): string {
  const dir = tempDir('engium-merge-');
  writeFiles(dir, {
    'reports/acme/api.json': JSON.stringify(report([finding(LIVE, 'src/config.ts', 'server', { commit: commit('d4', '2022-06-01T09:00:00Z') })])),
    'reports/acme/web.json': JSON.stringify(report([finding(LIVE, 'app/page.tsx', 'client'), finding(TEST, 'test/a.test.ts', 'server')])),
    'reports/acme/docs.json': JSON.stringify(report([])),
  });
  return dir;
}

describe('engium-scan merge', () => {
  it('merges a folder of reports, named by their paths, into one finding per key', () => {
    const dir = reportsDir();
    const result = runScanner(['merge', 'reports', '--fail-on', 'none'], { cwd: dir });
    expect(result.stderr).toContain('3 report(s), 3 repositories, 2 distinct key(s)');
    expect(result.status).toBe(0);
    const merged = JSON.parse(result.stdout) as ScanReport;
    expectValidReport(merged);
    expect(merged.repositories).toEqual(['acme/api', 'acme/docs', 'acme/web']);
    expect(merged.findings.map((f) => [f.severity, f.occurrences?.map((o) => `${o.repository}:${o.file}`)])).toEqual([
      ['critical', ['acme/web:app/page.tsx', 'acme/api:src/config.ts']],
      ['low', ['acme/web:test/a.test.ts']],
    ]);
    // A leak is a key in one repository: the live key leaks twice, once in each repository it is in.
    expect(merged.leaks?.map((leak) => [leak.repository, leak.severity, leak.exposure, leak.findings])).toEqual([
      ['acme/web', 'critical', 'client', [0]],
      ['acme/api', 'high', 'server', [0]],
      ['acme/web', 'low', 'server', [1]],
    ]);
    expectNoFullKey(result.stdout + result.stderr, [LIVE, TEST]);
  });

  it('works the leaks out again when it merges merged reports, never keeping the inputs\' own', () => {
    const dir = reportsDir();
    runScanner(['merge', 'reports', '-o', 'first.json', '--fail-on', 'none'], { cwd: dir });
    const first = JSON.parse(readFileSync(join(dir, 'first.json'), 'utf8')) as ScanReport;
    writeFileSync(join(dir, 'first.json'), JSON.stringify({ ...first, leaks: [{ ...first.leaks?.[0], findings: [7] }] }));
    writeFileSync(join(dir, 'more.json'), JSON.stringify(report([finding(LIVE, 'lib/key.ts', 'server')])));
    const result = runScanner(['merge', 'first.json', 'acme/more=more.json', '--fail-on', 'none'], { cwd: dir });
    const merged = JSON.parse(result.stdout) as ScanReport;
    expectValidReport(merged);
    expect(merged.leaks?.map((leak) => `${leak.repository} ${leak.redacted} ${leak.findings.join(',')}`).sort()).toEqual(
      [`acme/api ${merged.findings[0]?.secret.redacted} 0`, `acme/more ${merged.findings[0]?.secret.redacted} 0`, `acme/web ${merged.findings[0]?.secret.redacted} 0`, `acme/web ${merged.findings[1]?.secret.redacted} 1`].sort(),
    );
  });

  it('names a report by NAME=FILE first, then by its repository field, then by its file name', () => {
    const dir = tempDir('engium-merge-');
    writeFiles(dir, {
      'one.json': JSON.stringify(report([finding(LIVE, 'a.ts', 'server')])),
      'two.json': JSON.stringify(report([finding(LIVE, 'b.ts', 'server')], { repository: 'acme/named-in-report' })),
      'three.json': JSON.stringify(report([finding(LIVE, 'c.ts', 'server')], { repository: 'ignored/by-argument' })),
    });
    const result = runScanner(['merge', 'one.json', 'two.json', 'acme/explicit=three.json', '-o', 'merged.json', '--fail-on', 'none'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const merged = JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8')) as ScanReport;
    expect(merged.repositories).toEqual(['acme/explicit', 'acme/named-in-report', 'one']);
  });

  it('exits 1 when a merged key reaches --fail-on and 0 below it', () => {
    const dir = reportsDir();
    expect(runScanner(['merge', 'reports', '--quiet'], { cwd: dir }).status).toBe(1);
    expect(runScanner(['merge', 'reports', '--quiet', '--fail-on', 'critical'], { cwd: dir }).status).toBe(1);
    const onlyTest = tempDir('engium-merge-');
    writeFileSync(join(onlyTest, 'r.json'), JSON.stringify(report([finding(TEST, 'a.ts', 'server')])));
    expect(runScanner(['merge', 'r.json', '--fail-on', 'medium'], { cwd: onlyTest }).status).toBe(0);
  });

  it('names a broken report, still merges the rest, and exits 2', () => {
    const dir = reportsDir();
    writeFiles(dir, { 'reports/acme/broken.json': '{"version": 1, "findings": [', 'reports/acme/old.json': '{"version": 0, "findings": []}' });
    const result = runScanner(['merge', 'reports', '--fail-on', 'none'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/reports\/acme\/broken\.json: not an engium-scan JSON report: not JSON/);
    expect(result.stderr).toMatch(/reports\/acme\/old\.json: not an engium-scan JSON report: unsupported report version 0/);
    const merged = JSON.parse(result.stdout) as ScanReport;
    expect(merged.findings).toHaveLength(2);
    expect(merged.stats.skipped.map((s) => s.file)).toEqual(['reports/acme/broken.json', 'reports/acme/old.json']);
  });

  it('exits 2 with a message when a path holds no report', () => {
    const dir = tempDir('engium-merge-');
    const missing = runScanner(['merge', 'missing.json'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('missing.json: cannot read the report: ENOENT');
    const empty = runScanner(['merge', '.'], { cwd: dir });
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('no JSON reports found');
  });
});
