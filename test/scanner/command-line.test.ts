// The command line's own options: what a user types before anything is scanned.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runScanner } from '../support/index.js';

const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/scanner/package.json'), 'utf8')) as { version: string };

describe('engium-scan --version', () => {
  it.each([['--version'], ['-V']])('%s prints the package version and exits 0, scanning nothing', (flag) => {
    const result = runScanner([flag]);
    expect(result).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });
});
