import { describe, expect, it, vi } from 'vitest';

import { commitFiles, git, gitRepo, tempDir } from '../../../test/support/index.js';
import { planScan, type RangePlan } from '../src/plan.js';
import { RangeError, resolveRange } from '../src/range.js';

// Dozens of real commits and clones: slow on a loaded 2-core machine.
vi.setConfig({ testTimeout: 180_000 });

function prPlan(base: string, head: string): RangePlan {
  const plan = planScan('pull_request', {
    pull_request: { number: 7, base: { sha: base, ref: 'main', repo: { full_name: 'acme/shop' } }, head: { sha: head, ref: 'feature', repo: { full_name: 'acme/shop' } } },
  });
  if (plan.kind !== 'pull-request') throw new Error('expected a pull request plan');
  return plan;
}

/** An origin with `main` and a `feature` branch of `count` commits on top. */
function originWithFeature(count: number): { origin: string; base: string; head: string } {
  const origin = gitRepo('engium-origin-');
  const base = commitFiles(origin, { 'README.md': 'shop\n', 'src/app.ts': 'export const a = 1;\n' }, 'initial');
  git(origin, 'checkout', '-q', '-b', 'feature');
  for (let i = 1; i <= count; i++) commitFiles(origin, { [`src/file-${i}.ts`]: `export const n${i} = ${i};\n` }, `commit ${i}`);
  const head = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'checkout', '-q', 'main');
  return { origin, base, head };
}

describe('resolveRange', () => {
  it('lists every commit of a long pull request and the lines it added', async () => {
    const { origin, base, head } = originWithFeature(45);
    const range = await resolveRange(origin, prPlan(base, head));
    expect(range.commits).toHaveLength(45);
    expect(range.mergeBase).toBe(base);
    expect(range.changedFiles).toHaveLength(45);
    expect(range.addedLines.get('src/file-3.ts')).toEqual(new Set([1]));
    expect(range.fetched).toEqual([]);
  });

  it('deepens a shallow clone until the merge base is present', async () => {
    const { origin, base, head } = originWithFeature(60);
    const clone = tempDir('engium-clone-');
    git(clone, 'clone', '-q', '--depth=1', '--no-single-branch', `file://${origin}`, '.');
    expect(git(clone, 'rev-parse', '--is-shallow-repository')).toBe('true');
    const range = await resolveRange(clone, prPlan(base, head));
    expect(range.commits).toHaveLength(60);
    expect(range.mergeBase).toBe(base);
    expect(range.fetched.join(' ')).toMatch(/more commits of history/);
  });

  it('fetches a head commit the checkout does not have', async () => {
    const { origin, base, head } = originWithFeature(3);
    const clone = tempDir('engium-clone-');
    git(clone, 'clone', '-q', '--single-branch', '--branch', 'main', `file://${origin}`, '.');
    git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
    const range = await resolveRange(clone, prPlan(base, head));
    expect(range.commits).toHaveLength(3);
    expect(range.fetched).toEqual([`commit ${head.slice(0, 12)}`]);
  });

  it('stands the base branch in for a base commit found nowhere, and says why', async () => {
    const { origin, head } = originWithFeature(2);
    const missing = 'f'.repeat(40);
    const range = await resolveRange(origin, prPlan(missing, head));
    expect(range.base).toBe(git(origin, 'rev-parse', 'main'));
    expect(range.commits).toHaveLength(2);
    expect(range.fallback).toMatch(/cannot fetch commit ffffffffffff.*force push.*Scanning the commits not on main instead\./s);
  });

  it('fails with a clear message when no branch can stand in', async () => {
    const { origin, head } = originWithFeature(2);
    const missing = 'f'.repeat(40);
    const { fallbackBranch: _none, ...plan } = prPlan(missing, head);
    await expect(resolveRange(origin, plan)).rejects.toThrow(RangeError);
    await expect(resolveRange(origin, plan)).rejects.toThrow(/cannot fetch commit ffffffffffff.*a force push removed it from origin, or the checkout has no origin remote/s);
    // A deeper checkout cannot bring back a commit origin does not have: the message does not suggest one.
    await expect(resolveRange(origin, plan)).rejects.toThrow(/^(?![\s\S]*fetch-depth)/);
  });

  it('resolves a new branch against the default branch', async () => {
    const { origin, head } = originWithFeature(4);
    const plan = planScan('push', {
      ref: 'refs/heads/feature',
      before: '0'.repeat(40),
      after: head,
      created: true,
      repository: { default_branch: 'main' },
    });
    expect(plan.kind).toBe('push');
    const range = await resolveRange(origin, plan as RangePlan);
    expect(range.commits).toHaveLength(4);
  });

  it('reads hostile file names exactly', async () => {
    const repo = gitRepo();
    const base = commitFiles(repo, { 'a.txt': 'a\n' });
    const names = ['we ird,name:1.ts', 'new\nline.ts', 'per%cent "q".ts', 'ünï.ts'];
    const head = commitFiles(repo, Object.fromEntries(names.map((name) => [name, 'one\ntwo\n'])));
    const range = await resolveRange(repo, prPlan(base, head));
    expect([...range.changedFiles].sort()).toEqual([...names].sort());
    expect([...range.addedLines.keys()].sort()).toEqual([...names].sort());
    for (const name of names) expect(range.addedLines.get(name)).toEqual(new Set([1, 2]));
  });
});
