import { describe, expect, it } from 'vitest';
import { planAudit, planScan, UnsupportedEventError } from '../src/plan.js';

const sha = (c: string) => c.repeat(40);

describe('planScan', () => {
  it('plans a pull request from base to head and tells forks apart', () => {
    const plan = planScan('pull_request', {
      pull_request: { number: 3, base: { sha: sha('a'), ref: 'main', repo: { full_name: 'acme/shop' } }, head: { sha: sha('b'), ref: 'x', repo: { full_name: 'mallory/shop' } } },
    });
    expect(plan).toMatchObject({ kind: 'pull-request', base: { sha: sha('a') }, head: sha('b'), pullRequest: { number: 3, fromFork: true }, fallbackBranch: 'main' });
  });

  it('plans a merge queue entry', () => {
    expect(planScan('merge_group', { merge_group: { base_sha: sha('a'), head_sha: sha('c'), base_ref: 'refs/heads/main' } })).toMatchObject({
      kind: 'pull-request',
      base: { sha: sha('a'), ref: 'main' },
      head: sha('c'),
    });
  });

  it('plans pushes: before..after, a new branch against the default branch, a deletion as nothing', () => {
    const repository = { default_branch: 'main' };
    expect(planScan('push', { ref: 'refs/heads/main', before: sha('1'), after: sha('2'), repository })).toMatchObject({
      kind: 'push',
      base: { sha: sha('1') },
      onDefaultBranch: true,
    });
    expect(planScan('push', { ref: 'refs/heads/topic', before: sha('0'), after: sha('2'), created: true, repository })).toMatchObject({
      kind: 'push',
      base: { ref: 'main' },
      onDefaultBranch: false,
    });
    // A force push's lost `before`: another branch falls back to the default branch; the default branch has nothing to fall back to.
    expect(planScan('push', { ref: 'refs/heads/topic', before: sha('1'), after: sha('2'), repository })).toMatchObject({ fallbackBranch: 'main' });
    expect(planScan('push', { ref: 'refs/heads/main', before: sha('1'), after: sha('2'), repository })).not.toHaveProperty('fallbackBranch');
    expect(planScan('push', { ref: 'refs/heads/topic', before: sha('2'), after: sha('0'), deleted: true, repository }).kind).toBe('nothing');
    expect(planScan('push', { ref: 'refs/heads/main', before: sha('0'), after: sha('2'), created: true, repository }).kind).toBe('audit');
  });

  it('plans scheduled and manual runs as full audits', () => {
    expect(planScan('schedule', {}, sha('9'), 'refs/heads/main')).toMatchObject({ kind: 'audit', onDefaultBranch: true });
    expect(planScan('workflow_dispatch', { repository: { default_branch: 'main' } }, sha('9'), 'refs/heads/dev')).toMatchObject({
      kind: 'audit',
      onDefaultBranch: false,
    });
  });

  it('plans an audit for any event in audit mode, saying why', () => {
    expect(planAudit('issues', {}, sha('9'), 'refs/heads/main')).toMatchObject({ kind: 'audit', head: sha('9'), description: 'mode: audit (issues): full audit of the repository and its history' });
    expect(planAudit('schedule', {}).description).toBe('schedule: full audit of the repository and its history');
  });

  it('refuses events it cannot plan, naming them', () => {
    expect(() => planScan('issues', {})).toThrow(UnsupportedEventError);
    expect(() => planScan('issues', {})).toThrow(/"issues"/);
  });
});
