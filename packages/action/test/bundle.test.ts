// As actions/typescript-action's check-dist: the committed bundle is what the source builds to.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/support/index.js';

const scratch = mkdtempSync(join(tmpdir(), 'engium-action-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('packages/action/dist/index.js', () => {
  it('matches a fresh build of the source (run `npm run bundle -w packages/action` and commit it)', async () => {
    const { bundle } = (await import(join(REPO_ROOT, 'packages/action/build.mjs'))) as { bundle: (outfile: string) => Promise<string> };
    const fresh = await bundle(join(scratch, 'index.js'));
    const committed = readFileSync(join(REPO_ROOT, 'packages/action/dist/index.js'), 'utf8');
    const rebuilt = readFileSync(fresh, 'utf8');
    // Not toBe on 14 MB strings: a mismatch should say where, not print both.
    expect(rebuilt.length, 'bundle size').toBe(committed.length);
    expect(rebuilt === committed, 'bundle content').toBe(true);
  }, 180_000);

  it('is what action.yml runs, on node24', () => {
    const action = readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8');
    expect(action).toContain("runs:\n  using: node24\n  main: packages/action/dist/index.js\n");
  });
});
