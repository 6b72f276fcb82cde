// Report formats and exit codes: text (grouped, code frames, colours only when wanted), JSON
// against the shipped schema, SARIF against the official 2.1.0 schema; nothing holds a full key.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint, redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, expectNoFullKey, fakeKey, runScanner, tempDir, writeFiles } from '../support/index.js';
import { expectValidReport, expectValidSarif } from './support.js';

const clientKey = fakeKey('live', 61);
const serverKey = fakeKey('live', 62);
const testKey = fakeKey('test', 63);
const envKey = fakeKey('live', 64);
const keys = [clientKey, serverKey, testKey, envKey];
const ANSI_ESCAPE = new RegExp(String.fromCharCode(0x1b) + '\\[');

describe('report formats', () => {
  const dir = tempDir();
  writeFiles(dir, {
    'app/checkout/pay.tsx': `'use client';\nexport const pay = () => fetch('/api', { headers: { Authorization: 'Bearer ${clientKey}' } });\n`,
    'app/api/orders/route.ts': `const KEY = '${serverKey}';\nexport const GET = () => fetch('https://api.engium.app/api/v1/orders', { headers: { Authorization: \`Bearer \${KEY}\` } });\n`,
    'scripts/seed.ts': `const key = "${testKey}";\n`,
    '.env': `NEXT_PUBLIC_ENGIUM_KEY=${envKey}\n`,
  });

  it('text: one block per leak, code frames with the key redacted, a summary line, no colours without a TTY', () => {
    const result = runScanner([dir, '--no-graph']);
    expectNoFullKey(result.stdout + result.stderr, keys);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toMatch(ANSI_ESCAPE);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines.filter((line) => /^\S/.test(line))).toEqual([
      `critical client  live key ${redact(envKey)} fingerprint ${fingerprint(envKey)}`,
      `critical client  live key ${redact(clientKey)} fingerprint ${fingerprint(clientKey)}`,
      `high     server  live key ${redact(serverKey)} fingerprint ${fingerprint(serverKey)}`,
      `low      unknown test key ${redact(testKey)} fingerprint ${fingerprint(testKey)}`,
      expect.stringMatching(/^4 leaked keys \(2 critical, 1 high, 1 low\) in 4 places; 4 files \(.*\) scanned in [\d.]+ s$/),
    ]);
    expect(lines).toContain('  app/api/orders/route.ts:1:14 engium/source-key');
    expect(result.stdout).toContain(`1 | const KEY = '${redact(serverKey)}';`);
    expect(result.stdout).toMatch(/\n {6}\| {14}\^\n/);
  });

  it('text: colours when forced, none with NO_COLOR', () => {
    expect(runScanner([dir, '--no-graph'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toMatch(ANSI_ESCAPE);
    expect(runScanner([dir, '--no-graph'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toMatch(ANSI_ESCAPE);
  });

  it('text: --quiet leaves out the summary', () => {
    const result = runScanner([dir, '--no-graph', '--quiet']);
    expect(result.stdout).not.toMatch(/leaked keys \(/);
    expect(result.stdout).toContain('scripts/seed.ts');
  });

  it('json: valid against the shipped schema, with the contract fields', () => {
    const result = runScanner([dir, '--no-graph', '--format', 'json']);
    expectNoFullKey(result.stdout, keys);
    const report = JSON.parse(result.stdout);
    expectValidReport(report);
    expect(Object.keys(report)).toEqual(['version', 'findings', 'leaks', 'stats']);
    expect(report.leaks).toHaveLength(4);
    expect(report.leaks[0]).toEqual({ fingerprint: fingerprint(envKey), redacted: redact(envKey), kind: 'live', severity: 'critical', exposure: 'client', findings: [0] });
    expect(report.findings[0]).toMatchObject({
      ruleId: 'engium/public-env-key',
      severity: 'critical',
      file: '.env',
      line: 1,
      column: 24,
      exposure: 'client',
      secret: { kind: 'live', redacted: redact(envKey), fingerprint: fingerprint(envKey) },
    });
  });

  it('sarif: valid SARIF 2.1.0 with one rule per ruleId, help text, fingerprints and relative paths', () => {
    const output = join(tempDir(), 'report.sarif');
    const result = runScanner([dir, '--no-graph', '--format', 'sarif', '--output', output]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const text = readFileSync(output, 'utf8');
    expectNoFullKey(text, keys);
    const sarif = JSON.parse(text);
    expectValidSarif(sarif);
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['engium/public-env-key', 'engium/source-key']);
    for (const rule of run.tool.driver.rules) {
      expect(rule.help.text).toContain('Settings → Developer → API Keys');
      expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
    }
    const uris = run.results.map((entry: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => entry.locations[0]?.physicalLocation.artifactLocation.uri);
    expect(uris).toEqual(['.env', 'app/api/orders/route.ts', 'app/checkout/pay.tsx', 'scripts/seed.ts']);
    expect(run.results[0].partialFingerprints['engiumKeyFingerprint/v1']).toBe(`${fingerprint(envKey)}:engium/public-env-key`);
    expect(run.results.map((entry: { level: string }) => entry.level)).toEqual(['error', 'error', 'error', 'note']);
  });

  it('exit codes follow --fail-on', () => {
    expect(runScanner([dir, '--no-graph', '--fail-on', 'none']).status).toBe(0);
    expect(runScanner([dir, '--no-graph', '--fail-on', 'low']).status).toBe(1);
    const onlyTest = tempDir();
    writeFiles(onlyTest, { 'seed.ts': `const key = "${testKey}";\n` });
    expect(runScanner([onlyTest, '--no-graph']).status).toBe(0);
    expect(runScanner([onlyTest, '--no-graph', '--fail-on', 'low']).status).toBe(1);
    const clean = tempDir();
    writeFiles(clean, { 'a.ts': 'export const a = 1;\n' });
    const result = runScanner([clean]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^No Engium keys found in 1 file/);
  });

  it('runs as the installed command (bin/engium-scan.js, executable without a build step)', () => {
    const result = spawnSync(join(REPO_ROOT, 'packages/scanner/bin/engium-scan.js'), [dir, '--no-graph', '--quiet'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('scripts/seed.ts');
    expectNoFullKey(result.stdout + result.stderr, keys);
  });

  it('text: escape sequences from scanned files never reach the terminal', () => {
    const hostile = tempDir();
    writeFiles(hostile, { 'evil.ts': `const k = "${testKey}"; // \u001b]0;pwned\u0007\u001b[2J\n` });
    const result = runScanner([hostile, '--fail-on', 'none']);
    expect(result.stdout).toContain('evil.ts');
    expect(result.stdout).not.toMatch(ANSI_ESCAPE);
    expect(result.stdout.includes(String.fromCharCode(0x1b))).toBe(false);
    expect(result.stdout.includes(String.fromCharCode(0x07))).toBe(false);
  });
});
