// `engium-scan pack`: exactly the files `npm publish` would upload. A real npm package whose
// `files` include a gitignored, built dist/ with a key; a source file left out of the package
// holds another key that must not be reported. Then the same package packed by `npm pack`.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { redact } from '@engium/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoFullKey, fakeKey, gitRepo, runScanner, tempDir, writeFiles, commitFiles } from '../support/index.js';
import { scanJson } from '../scanner/support.js';

const builtKey = fakeKey('live', 1781);
const unpublishedKey = fakeKey('live', 1782);
const keys = [builtKey, unpublishedKey];

const built = `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.client = void 0;\nexports.client = { key: "${builtKey}" };\n`;

describe('engium-scan pack', () => {
  const dir = gitRepo('engium-pack-');
  const out = tempDir('engium-pack-out-');
  let tarball: string;

  beforeAll(() => {
    commitFiles(dir, {
      'package.json': JSON.stringify({ name: 'acme-sdk', version: '1.2.3', main: 'dist/index.js', files: ['dist'], scripts: { prepack: 'exit 1' } }, null, 2),
      '.gitignore': 'dist/\n',
      'src/index.ts': 'export const client = { key: process.env.ENGIUM_API_KEY };\n',
      'scripts/release-notes.js': `// never published\nconst key = "${unpublishedKey}";\n`,
    });
    writeFiles(dir, { 'dist/index.js': built });
    // --ignore-scripts: the package's prepack fails on purpose, to show the scan never runs it.
    const listing = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], { cwd: dir, encoding: 'utf8' });
    tarball = join(out, (JSON.parse(listing) as { filename: string }[])[0]?.filename ?? 'missing.tgz');
  });

  it('scans exactly the files npm would publish, gitignored build output included', () => {
    // A scan of the folder sees the unpublished script; pack leaves it out.
    const { report } = scanJson(dir, keys, ['--no-graph']);
    expect(report.findings.map((finding) => finding.file)).toContain('scripts/release-notes.js');
    const pack = runScanner(['pack', dir, '--format', 'json']);
    expectNoFullKey(pack.stdout + pack.stderr, keys);
    expect(pack.status).toBe(1);
    const packed = JSON.parse(pack.stdout) as import('../../packages/scanner/src/finding.js').ScanReport;
    expect(packed.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.exposure} ${finding.severity} ${finding.ruleId}`)).toEqual([
      'dist/index.js:4:26 client critical engium/shipped-key',
    ]);
    expect(packed.findings[0]?.secret.redacted).toBe(redact(builtKey));
    expect(packed.findings[0]?.message).toContain('goes to the npm registry with the package');
    // package.json and dist/index.js: README-less packages publish only these.
    expect(packed.stats.filesScanned).toBe(2);
  });

  it('scans a packed .tgz, naming the entry inside it', () => {
    const pack = runScanner(['pack', tarball, '--format', 'json']);
    expectNoFullKey(pack.stdout + pack.stderr, keys);
    expect(pack.status).toBe(1);
    const packed = JSON.parse(pack.stdout) as import('../../packages/scanner/src/finding.js').ScanReport;
    expect(packed.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.exposure}`)).toEqual([
      'acme-sdk-1.2.3.tgz!/package/dist/index.js:4:26 client',
    ]);
    expect(packed.findings[0]?.archive).toEqual({ file: 'acme-sdk-1.2.3.tgz', entry: 'package/dist/index.js' });
  });

  it('says clearly when the folder is not a package', () => {
    const empty = tempDir('engium-pack-empty-');
    const result = runScanner(['pack', empty]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/engium-scan: npm pack --dry-run failed in .*ENOENT|package\.json/);
  });
});
