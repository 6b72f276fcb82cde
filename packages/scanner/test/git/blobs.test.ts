// Reading blobs whole from a real repository: sizes first, a blob over the bound named with its
// size and never read, the rest handed on in batches, a missing id left out.
import { describe, expect, it } from 'vitest';
import { commitFiles, git, gitRepo } from '../../../../test/support/index.js';
import { readBlobs, tooLargeReason } from '../../src/git/blobs.js';

describe('readBlobs', () => {
  it('reads blobs up to the bound, names larger ones with their size, and skips ids git does not have', async () => {
    const repo = gitRepo();
    commitFiles(repo, { 'small.txt': 'a'.repeat(10), 'medium.txt': 'b'.repeat(400), 'large.txt': 'c'.repeat(5000) });
    const id = (file: string) => git(repo, 'rev-parse', `HEAD:${file}`);
    const missing = '0123456789abcdef0123456789abcdef01234567';
    const handed: [string, string][] = [];
    const tooLarge = await readBlobs(repo, [id('small.txt'), missing, id('large.txt'), id('medium.txt')], (blob, content) => handed.push([blob, content.toString()]), 1000);
    expect(handed).toEqual([
      [id('small.txt'), 'a'.repeat(10)],
      [id('medium.txt'), 'b'.repeat(400)],
    ]);
    expect(tooLarge).toEqual(new Map([[id('large.txt'), 5000]]));
    expect(tooLargeReason(100 * 1024 * 1024)).toMatch(/^100 MB, more than the 64 MB read whole/);
  });
});
