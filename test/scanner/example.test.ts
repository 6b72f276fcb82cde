// The README's first command: `engium-scan examples/acme-shop` finds every planted key, where it
// is written, with the exposure the module graph and the build folder give it.
import { fingerprint, redact } from '@engium/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plantedKeys as planted } from '../../examples/acme-shop-keys.mjs';
import { runScanner, REPO_ROOT, expectNoFullKey } from '../support/index.js';
import { scanJson } from './support.js';

const keys = Object.values(planted);

describe('examples/acme-shop', () => {
  const { report, status } = scanJson('examples/acme-shop', keys);
  const line = (finding: (typeof report.findings)[number]) =>
    `${finding.file}:${finding.line} ${finding.ruleId} ${finding.severity} ${finding.exposure} ${finding.encoding} ${finding.secret.redacted}${finding.origin ? ` <- ${finding.origin.file}:${finding.origin.line}` : ''}`;

  it('finds every planted key but the one in the gitignored .env.local', () => {
    expect(report.findings.map(line)).toEqual([
      `.env:4 engium/public-env-key critical client plain ${redact(planted.publicEnv)}`,
      `.env.production:2 engium/env-file-key high server plain ${redact(planted.productionEnv)}`,
      `.next/static/chunks/app/page.js:1 engium/bundle-key critical client concatenation ${redact(planted.concatenated)} <- lib/booking-client.ts:3`,
      `.next/static/chunks/app/page.js:1 engium/bundle-key medium client plain ${redact(planted.widget)} <- components/BookingWidget.tsx:6`,
      `.next/static/chunks/app/page.js:1 engium/bundle-key critical client plain ${redact(planted.publicEnv)} <- components/BookingWidget.tsx:12`,
      `README.md:8 engium/source-key low unknown plain ${redact(planted.readme)}`,
      `app/api/bookings/route.ts:4 engium/source-key high server plain ${redact(planted.serverRoute)}`,
      `components/BookingWidget.tsx:6 engium/source-key medium client plain ${redact(planted.widget)}`,
      `lib/booking-client.ts:3 engium/source-key critical client concatenation ${redact(planted.concatenated)}`,
      `lib/legacy-config.ts:2 engium/source-key high unknown base64 ${redact(planted.hidden)}`,
    ]);
    expect(status).toBe(1);
  });

  it('names the chain that ships the concatenated key', () => {
    const finding = report.findings.find((candidate) => candidate.file === 'lib/booking-client.ts');
    expect(finding?.chain?.at(0)).toMatch(/^components\/BookingWidget\.tsx/);
    expect(finding?.chain?.at(-1)).toBe('lib/booking-client.ts');
    expect(finding?.message).toContain('components/BookingWidget.tsx');
  });

  it('prints the text report without a full key, as the README shows', () => {
    const result = runScanner(['examples/acme-shop'], { cwd: REPO_ROOT });
    expectNoFullKey(result.stdout + result.stderr, keys);
    expect(result.stdout).toMatch(/7 leaked keys \(2 critical, 3 high, 1 medium, 1 low\) in 10 places/);
    // One block per key: the key written in source leads, its built copy follows on a short line.
    expect(result.stdout).toContain(
      `critical client  live key ${redact(planted.concatenated)} fingerprint ${fingerprint(planted.concatenated)}  2 places\n  lib/booking-client.ts:3:28 engium/source-key\n`,
    );
    expect(result.stdout).toContain('  also in:\n    .next/static/chunks/app/page.js:1:82  built copy, from lib/booking-client.ts:3:28\n');
  });

  it('prints what the README shows, from a real run (regenerate it with the command at its top)', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const shown = /<!-- acme-shop-output -->\n```text\n([\s\S]*?)```/.exec(readme)?.[1];
    const result = runScanner(['examples/acme-shop', '--fail-on', 'none'], { cwd: REPO_ROOT });
    expect(result.status).toBe(0);
    // The duration is the one part that differs from run to run.
    const timeless = (text: string | undefined) => text?.replace(/scanned in [\d.]+ s/, 'scanned in … s');
    expect(timeless(shown)).toBe(timeless(result.stdout));
  });

  it('groups the ten places into seven leaks, one per key', () => {
    expect(report.leaks?.map((leak) => [leak.redacted, leak.severity, leak.exposure, leak.findings.map((index) => report.findings[index]?.file)])).toEqual([
      [redact(planted.publicEnv), 'critical', 'client', ['.env', '.next/static/chunks/app/page.js']],
      [redact(planted.concatenated), 'critical', 'client', ['lib/booking-client.ts', '.next/static/chunks/app/page.js']],
      [redact(planted.hidden), 'high', 'unknown', ['lib/legacy-config.ts']],
      [redact(planted.productionEnv), 'high', 'server', ['.env.production']],
      [redact(planted.serverRoute), 'high', 'server', ['app/api/bookings/route.ts']],
      [redact(planted.widget), 'medium', 'client', ['components/BookingWidget.tsx', '.next/static/chunks/app/page.js']],
      [redact(planted.readme), 'low', 'unknown', ['README.md']],
    ]);
  });
});
