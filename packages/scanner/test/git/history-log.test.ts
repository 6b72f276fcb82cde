// The history log starts before the scan reads it (while the config loads): a log that git has
// finished writing by then must still be read whole.
import { getPriority } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { commitFiles, gitRepo } from '../../../../test/support/index.js';
import { fakeKey } from '../../../../test/support/fake-key.mjs';
import { scanHistory, startHistoryLog } from '../../src/git/history-scan.js';
import { spawnGit } from '../../src/git/process.js';

describe('startHistoryLog', () => {
  it('keeps the output of a log that ended before the scan began to read it', async () => {
    const repo = gitRepo();
    commitFiles(repo, { 'a.ts': `const a = "${fakeKey('live', 811)}";\n` }, 'first');
    commitFiles(repo, { 'b.ts': `const b = "${fakeKey('test', 812)}";\n` }, 'second');
    const log = startHistoryLog(repo, ['HEAD']);
    expect(log).toBeDefined();
    await new Promise((resolve) => log?.child.on('exit', resolve));
    await sleep(50); // past the tick in which Node drains the output nobody listens to
    const scan = await scanHistory(log);
    expect(scan.commits).toBe(2);
    expect(scan.hits.map((hit) => hit.file).sort()).toEqual(['a.ts', 'b.ts']);
  });

  it('has nothing to read without revisions', async () => {
    expect(startHistoryLog(gitRepo(), [])).toBeUndefined();
    expect((await scanHistory(undefined)).commits).toBe(0);
  });
});

describe('spawnGit', () => {
  it('runs background work (reading HEAD beside the log) at a lower priority than the log', async () => {
    const repo = gitRepo();
    // cat-file waits on its stdin: alive until it is closed.
    const background = spawnGit(repo, ['cat-file', '--batch'], { background: true });
    const normal = spawnGit(repo, ['cat-file', '--batch']);
    try {
      expect(getPriority(background.child.pid)).toBeGreaterThan(getPriority(normal.child.pid));
    } finally {
      background.child.stdin.end();
      normal.child.stdin.end();
      await Promise.all([background.finished, normal.finished]);
    }
  });
});
