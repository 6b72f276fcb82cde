// Config, allowlist, inline comments and baselines: what is left out is counted, what is
// baselined is shown but does not fail, and an invalid config is a usage error.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint, redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import { expectNoFullKey, fakeKey, runScanner, tempDir, writeFiles } from '../support/index.js';
import { scanJson } from './support.js';

const allowed = fakeKey('test', 51);
const inlineSameLine = fakeKey('live', 52);
const inlineLineBefore = fakeKey('live', 53);
const old = fakeKey('live', 54);
const fresh = fakeKey('live', 55);
const excluded = fakeKey('live', 56);
const keys = [allowed, inlineSameLine, inlineLineBefore, old, fresh, excluded];

describe('config and allowlist', () => {
  const dir = tempDir();
  writeFiles(dir, {
    'engium.config.json': JSON.stringify({
      $schema: '../node_modules/@engium/scanner/schemas/config.schema.json',
      exclude: ['fixtures/**'],
      allowlist: [{ fingerprint: fingerprint(allowed), reason: 'public sandbox key from the Engium docs' }],
    }),
    'docs/guide.md': `Try it with \`${allowed}\`.\n`,
    'src/a.ts': `const a = "${inlineSameLine}"; // engium-ignore: rotated 2024-05\n// engium-ignore: fixture for the importer\nconst b = "${inlineLineBefore}";\n`,
    'fixtures/keys.txt': `${excluded}\n`,
    'src/b.ts': `export const key = "${old}";\n`,
  });

  it('drops allowlisted and inline-ignored keys, counts them, and honours exclude globs', () => {
    const { report, status } = scanJson(dir, keys, ['--no-graph']);
    expect(report.findings.map((finding) => `${finding.file} ${finding.secret.redacted}`)).toEqual([`src/b.ts ${redact(old)}`]);
    expect(report.stats.suppressed).toBe(3);
    expect(status).toBe(1);
  });

  it('restricts the allowlist to its paths', () => {
    const scoped = tempDir();
    writeFiles(scoped, {
      'engium.config.json': JSON.stringify({ allowlist: [{ fingerprint: fingerprint(allowed), reason: 'docs only', paths: ['docs/**'] }] }),
      'docs/guide.md': `\`${allowed}\`\n`,
      'src/c.ts': `export const k = "${allowed}";\n`,
    });
    const { report } = scanJson(scoped, keys, ['--no-graph']);
    expect(report.findings.map((finding) => finding.file)).toEqual(['src/c.ts']);
  });

  it('rejects an invalid config with every problem listed and exit code 2', () => {
    const bad = tempDir();
    writeFiles(bad, {
      'engium.config.json': JSON.stringify({ allowlist: [{ fingerprint: 'not-hex' }], buildDir: ['x'] }),
      'a.ts': `const k = "${old}";\n`,
    });
    const result = runScanner([bad, '--format', 'json']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/invalid config/);
    expect(result.stderr).toMatch(/\/allowlist\/0: must have required property 'reason'/);
    expect(result.stderr).toMatch(/\/allowlist\/0\/fingerprint: must match pattern/);
    expect(result.stderr).toMatch(/must NOT have additional properties \(buildDir\)/);
    expectNoFullKey(result.stderr, keys);
  });

  it('rejects unparseable JSON, a missing --config file and a missing directory with exit code 2', () => {
    const broken = tempDir();
    writeFiles(broken, { 'engium.config.json': '{ "exclude": [' });
    expect(runScanner([broken]).status).toBe(2);
    expect(runScanner([broken, '--config', join(broken, 'nope.json')]).stderr).toMatch(/cannot read config .*nope\.json: ENOENT/);
    expect(runScanner([join(broken, 'missing-dir')]).status).toBe(2);
    expect(runScanner([broken, '--format', 'xml']).status).toBe(2);
  });
});

describe('baseline', () => {
  const dir = tempDir();
  writeFiles(dir, { 'src/b.ts': `export const key = "${old}";\n` });
  const baselineFile = join(dir, '.engium-baseline.json');

  it('writes fingerprint, file and rule only, sorted, without lines or timestamps', () => {
    // Without --output, the baseline goes into the scanned directory.
    const result = runScanner(['baseline', dir, '--no-graph']);
    expect(result.status).toBe(0);
    const text = readFileSync(baselineFile, 'utf8');
    expectNoFullKey(text + result.stderr, keys);
    expect(JSON.parse(text)).toEqual({ version: 1, findings: [{ fingerprint: fingerprint(old), file: 'src/b.ts', ruleId: 'engium/source-key' }] });
  });

  it('marks baselined findings, still shows them, and does not fail on them', () => {
    // Moving the key to another line must not bring it back.
    writeFileSync(join(dir, 'src/b.ts'), `// moved down\n\nexport const key = "${old}";\n`);
    const { report, status } = scanJson(dir, keys, ['--no-graph', '--baseline', baselineFile]);
    expect(status).toBe(0);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ line: 3, baselined: true });
    expect(report.stats.baselined).toBe(1);
    const text = runScanner([dir, '--no-graph', '--baseline', baselineFile]);
    expect(text.stdout).toMatch(/\(baselined\)/);
    expect(text.stdout).toMatch(/1 baselined/);
  });

  it('does not let a different key on the same line hide behind an old entry', () => {
    writeFileSync(join(dir, 'src/b.ts'), `// moved down\n\nexport const key = "${fresh}";\n`);
    const { report, status } = scanJson(dir, keys, ['--no-graph', '--baseline', baselineFile]);
    expect(status).toBe(1);
    expect(report.findings[0]).toMatchObject({ line: 3, secret: { fingerprint: fingerprint(fresh) } });
    expect(report.findings[0]?.baselined).toBeUndefined();
  });

  it('rejects a file that is not a baseline', () => {
    writeFileSync(join(dir, 'bogus.json'), '{"hello": 1}');
    const result = runScanner([dir, '--baseline', join(dir, 'bogus.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is not an engium-scan baseline/);
  });
});
