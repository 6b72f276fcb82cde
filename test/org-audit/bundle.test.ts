// The committed bundle is what the runner executes: it must be what the sources build today.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../support/index.js';

describe('packages/org-audit/dist/index.js', () => {
  it('matches a fresh build of the sources (run `npm run bundle -w packages/org-audit` after changing them)', async () => {
    const { bundle } = (await import(pathToFileURL(join(REPO_ROOT, 'packages/org-audit/build.mjs')).href)) as { bundle(outfile?: string): Promise<string> };
    const fresh = await bundle(join(tempDir('engium-org-bundle-'), 'index.js'));
    const committed = readFileSync(join(REPO_ROOT, 'packages/org-audit/dist/index.js'), 'utf8');
    expect(readFileSync(fresh, 'utf8') === committed, 'the committed org-audit bundle is out of date').toBe(true);
  });
});
