import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MATRIX_JOB_LIMIT, planMatrix } from '../../packages/org-audit/src/batches.js';
import { emptyState, type AuditState } from '../../packages/org-audit/src/state.js';

const repos = (count: number) => Array.from({ length: count }, (_, i) => ({ repository: `acme/repo-${String(i).padStart(5, '0')}`, defaultBranch: 'main' }));

describe('planMatrix', () => {
  it('keeps up to 256 repositories in one batch and spreads more evenly over as few batches as the limit allows', () => {
    expect(planMatrix(repos(256), emptyState(), { maxParallel: 20, fullRescan: false }).batches.map((b) => b.repositories.length)).toEqual([256]);
    expect(planMatrix(repos(257), emptyState(), { maxParallel: 20, fullRescan: false }).batches.map((b) => b.repositories.length)).toEqual([129, 128]);
    const big = planMatrix(repos(10_000), emptyState(), { maxParallel: 20, fullRescan: false });
    expect(big.batches).toHaveLength(40);
    expect(new Set(big.batches.map((b) => b.repositories.length))).toEqual(new Set([250]));
    expect(big.batches[0]?.id).toBe('batch-001');
  });

  it('splits max-parallel between the two matrix levels without exceeding it', () => {
    const plan = planMatrix(repos(1000), emptyState(), { maxParallel: 50, fullRescan: false });
    expect(plan.repositoryParallel).toBe(50);
    expect(plan.batchParallel).toBe(1);
    const wide = planMatrix(repos(1000), emptyState(), { maxParallel: 600, fullRescan: false });
    expect(wide.repositoryParallel * wide.batchParallel).toBeLessThanOrEqual(600);
    expect(wide.repositoryParallel).toBe(250);
    expect(wide.batchParallel).toBe(2);
  });

  it('refuses a selection past 256 × 256 repositories with a message that says what to do', () => {
    expect(() => planMatrix(repos(MATRIX_JOB_LIMIT * MATRIX_JOB_LIMIT + 1), emptyState(), { maxParallel: 20, fullRescan: false })).toThrow(/narrow the selection/);
  });

  it('starts each repository from its last scanned commit unless a full rescan is asked for', () => {
    const state: AuditState = { version: 1, repositories: { 'acme/repo-00001': { commit: 'a'.repeat(40), scannedAt: '2026-01-01T00:00:00Z' } } };
    const incremental = planMatrix(repos(3), state, { maxParallel: 5, fullRescan: false }).batches[0]?.repositories;
    expect(incremental).toEqual([
      { repository: 'acme/repo-00000', ref: 'main' },
      { repository: 'acme/repo-00001', ref: 'main', since: 'a'.repeat(40) },
      { repository: 'acme/repo-00002', ref: 'main' },
    ]);
    expect(planMatrix(repos(3), state, { maxParallel: 5, fullRescan: true }).batches[0]?.repositories.every((t) => !('since' in t))).toBe(true);
  });

  it('leaves repositories with no commits out of the batches and lists them, even past the limit', () => {
    const all = [...repos(MATRIX_JOB_LIMIT * MATRIX_JOB_LIMIT), { repository: 'acme/zz-empty', defaultBranch: 'main', empty: true }];
    const plan = planMatrix(all, emptyState(), { maxParallel: 20, fullRescan: false });
    expect(plan.empty).toEqual(['acme/zz-empty']);
    expect(plan.repositoryCount).toBe(MATRIX_JOB_LIMIT * MATRIX_JOB_LIMIT);
    expect(plan.batches.some((b) => b.repositories.some((t) => t.repository === 'acme/zz-empty'))).toBe(false);
  });

  it('plans every repository exactly once, within both matrix limits and max-parallel', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 70_000 }), fc.integer({ min: 1, max: 2000 }), (count, maxParallel) => {
        const plan = planMatrix(repos(Math.min(count, MATRIX_JOB_LIMIT * MATRIX_JOB_LIMIT)), emptyState(), { maxParallel, fullRescan: false });
        const planned = plan.batches.flatMap((b) => b.repositories.map((t) => t.repository));
        expect(planned).toHaveLength(plan.repositoryCount);
        expect(new Set(planned).size).toBe(planned.length);
        expect(plan.batches.length).toBeLessThanOrEqual(MATRIX_JOB_LIMIT);
        for (const batch of plan.batches) expect(batch.repositories.length).toBeLessThanOrEqual(MATRIX_JOB_LIMIT);
        expect(plan.batchParallel * plan.repositoryParallel).toBeLessThanOrEqual(Math.max(maxParallel, 1));
      }),
      { numRuns: 60 },
    );
  });
});
