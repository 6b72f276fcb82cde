import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeKey } from '../../../../test/support/index.js';
import { mergeReports, oldestExposure, repositoriesOf, type NamedReport } from '../../src/merge/merge-reports.js';
import { commit, finding, report } from './fixtures.js';

const LIVE = fakeKey('live', 1);
const OTHER_LIVE = fakeKey('live', 2);
const TEST = fakeKey('test', 3);

describe('mergeReports', () => {
  it('gives one finding per key fingerprint, listing every repository and commit', () => {
    const merged = mergeReports([
      { repository: 'acme/api', report: report([finding(LIVE, 'src/client.ts', 'server', { commit: commit('a1', '2024-03-01T10:00:00+02:00') })]) },
      { repository: 'acme/web', report: report([finding(LIVE, 'app/page.tsx', 'client'), finding(TEST, 'test/api.test.ts', 'server')]) },
      { repository: 'acme/docs', report: report([]) },
    ]);

    expect(merged.repositories).toEqual(['acme/api', 'acme/docs', 'acme/web']);
    expect(merged.findings.map((f) => f.secret.fingerprint)).toEqual([finding(LIVE, 'x', 'server').secret.fingerprint, finding(TEST, 'x', 'server').secret.fingerprint]);
    const [live] = merged.findings;
    // The finding reads as its worst occurrence: the key shipped to browsers in acme/web.
    expect(live).toMatchObject({ severity: 'critical', exposure: 'client', file: 'app/page.tsx', ruleId: 'engium/bundle-key' });
    expect(live?.message).toContain('app/page.tsx');
    expect(live?.occurrences).toEqual([
      expect.objectContaining({ repository: 'acme/web', file: 'app/page.tsx', severity: 'critical' }),
      expect.objectContaining({ repository: 'acme/api', file: 'src/client.ts', severity: 'high', commit: expect.objectContaining({ sha: 'a1'.padEnd(40, '0') }) }),
    ]);
    expect(repositoriesOf(live!)).toEqual(['acme/api', 'acme/web']);
  });

  it('sums the stats and names the repository of every skipped file', () => {
    const merged = mergeReports([
      { repository: 'acme/api', report: report([], { stats: { filesScanned: 3, bytesScanned: 30, durationMs: 7, skipped: [{ file: 'big.bin', reason: 'binary' }], suppressed: 1, baselined: 0 } }) },
      { repository: 'acme/web', report: report([]) },
    ]);
    expect(merged.stats).toEqual({
      filesScanned: 13,
      bytesScanned: 1030,
      durationMs: 12,
      skipped: [{ file: 'big.bin', reason: 'binary', repository: 'acme/api' }],
      suppressed: 1,
      baselined: 0,
    });
  });

  it('keeps each place once when a directory audit and a history scan of one repository both report it', () => {
    const atHead = finding(LIVE, 'config.ts', 'server');
    const inHistory = finding(LIVE, 'config.ts', 'server', { commit: commit('b2', '2023-01-01T00:00:00Z') });
    const merged = mergeReports([
      { repository: 'acme/api', report: report([atHead, inHistory]) },
      { repository: 'acme/api', report: report([inHistory]) },
    ]);
    expect(merged.findings).toHaveLength(1);
    expect(merged.findings[0]?.occurrences).toHaveLength(2);
    expect(merged.repositories).toEqual(['acme/api']);
  });

  it('finds the oldest exposure by time, not by how the date is written', () => {
    // 01:00+05:00 is 20:00 UTC the day before, earlier than 22:00Z.
    const merged = mergeReports([
      { repository: 'acme/a', report: report([finding(OTHER_LIVE, 'a.ts', 'server', { commit: commit('c1', '2024-05-02T22:00:00Z') })]) },
      { repository: 'acme/b', report: report([finding(OTHER_LIVE, 'b.ts', 'server', { commit: commit('c2', '2024-05-03T01:00:00+05:00') })]) },
      { repository: 'acme/c', report: report([finding(OTHER_LIVE, 'c.ts', 'server')]) },
    ]);
    expect(oldestExposure(merged.findings[0]!)).toMatchObject({ repository: 'acme/b', commit: { sha: 'c2'.padEnd(40, '0') } });
  });

  it('marks a merged finding baselined only when every report had it baselined', () => {
    const baselined = finding(LIVE, 'a.ts', 'server', { baselined: true });
    expect(mergeReports([{ repository: 'r/1', report: report([baselined]) }, { repository: 'r/2', report: report([baselined]) }]).findings[0]?.baselined).toBe(true);
    expect(mergeReports([{ repository: 'r/1', report: report([baselined]) }, { repository: 'r/2', report: report([finding(LIVE, 'a.ts', 'server')]) }]).findings[0]).not.toHaveProperty('baselined');
  });

  const keys = [LIVE, OTHER_LIVE, TEST];
  const arbitraryInput = fc.record({
    repository: fc.constantFrom('acme/api', 'acme/web', 'acme/docs', 'other/lib'),
    findings: fc.array(
      fc.record({
        // An index, not the key: a failing property prints its counterexample.
        key: fc.integer({ min: 0, max: keys.length - 1 }),
        file: fc.constantFrom('a.ts', 'b/c.ts', '.env'),
        exposure: fc.constantFrom('client', 'server', 'unknown') as fc.Arbitrary<'client' | 'server' | 'unknown'>,
        line: fc.integer({ min: 1, max: 5 }),
        commit: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
      }),
      { maxLength: 6 },
    ),
  });
  type ArbitraryInput = typeof arbitraryInput extends fc.Arbitrary<infer T> ? T : never;
  const toNamed = ({ repository, findings }: ArbitraryInput): NamedReport => ({
    repository,
    report: report(
      findings.map(({ key, file, exposure, line, commit: c }) =>
        finding(keys[key] as string, file, exposure, { line, // A commit has one date: derive it from the SHA.
          ...(c ? { commit: commit(c, `2024-02-0${'abc'.indexOf(c) + 1}T00:00:00Z`) } : {}) }),
      ),
    ),
  });

  it('is associative and order-independent: merging merged reports gives the same answer', () => {
    fc.assert(
      fc.property(fc.array(arbitraryInput, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 6 }), (raw, cut) => {
        const inputs = raw.map(toNamed);
        const whole = mergeReports(inputs);
        const split = Math.min(cut, inputs.length);
        const staged = mergeReports([
          { repository: 'first-half', report: mergeReports(inputs.slice(0, split)) },
          { repository: 'second-half', report: mergeReports(inputs.slice(split)) },
        ]);
        expect(staged.findings).toEqual(whole.findings);
        expect(staged.repositories).toEqual(whole.repositories);
        expect(mergeReports([...inputs].reverse()).findings).toEqual(whole.findings);
      }),
    );
  });

  it('loses no place a key was found and invents none', () => {
    fc.assert(
      fc.property(fc.array(arbitraryInput, { maxLength: 6 }), (raw) => {
        const inputs = raw.map(toNamed);
        const merged = mergeReports(inputs);
        const expected = new Set(inputs.flatMap(({ repository, report: r }) => r.findings.map((f) => `${f.secret.fingerprint} ${repository} ${f.file}:${f.line} ${f.ruleId} ${f.exposure} ${f.commit?.sha ?? ''}`)));
        const actual = merged.findings.flatMap((f) => (f.occurrences ?? []).map((o) => `${f.secret.fingerprint} ${o.repository} ${o.file}:${o.line} ${o.ruleId} ${o.exposure} ${o.commit?.sha ?? ''}`));
        expect(new Set(actual)).toEqual(expected);
        expect(actual).toHaveLength(expected.size);
        expect(new Set(merged.findings.map((f) => f.secret.fingerprint)).size).toBe(merged.findings.length);
      }),
    );
  });
});
