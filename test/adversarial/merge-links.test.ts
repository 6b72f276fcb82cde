// `engium-scan merge DIR` over a folder of downloaded artifacts holding symbolic links: one that
// loops back (`sub/loop -> ..`) and one to `/`. Followed, the loop lists the one report once per lap
// (forty laps before the kernel says ELOOP), each merged as a repository of its own, and the link to
// `/` walks the whole machine for *.json. Links are not followed: one report, one repository.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeKey, runScanner, tempDir, writeFiles } from '../support/index.js';
import { expectSafeOutput, runLimited } from './support.js';

const KEY = fakeKey('live', 2330);

describe('merge DIR with links that loop or leave it', () => {
  it('merges each report once, in bounded time', async () => {
    const repo = tempDir('engium-adv-merge-links-repo-');
    writeFiles(repo, { 'src/app.ts': `export const k = "${KEY}";\n` });
    const artifacts = tempDir('engium-adv-merge-links-');
    mkdirSync(join(artifacts, 'acme'));
    expect(runScanner([repo, '--no-graph', '--format', 'json', '-o', join(artifacts, 'acme', 'api.json')]).status).toBe(1);
    symlinkSync('..', join(artifacts, 'acme', 'loop'));
    symlinkSync('/', join(artifacts, 'acme', 'root'));

    const result = await runLimited(['merge', artifacts], { timeoutMs: 60_000 });
    expect(result.timedOut).toBe(false);
    expectSafeOutput(result.stdout + result.stderr, [KEY], 'merge');
    const merged = JSON.parse(result.stdout) as { repositories: string[]; findings: unknown[] };
    expect(merged.repositories).toEqual(['acme/api']);
    expect(merged.findings).toHaveLength(1);
    expect(result.stderr).toContain('1 report(s), 1 repository, 1 distinct key(s)');
    expect(result.status).toBe(1);
  });
});
