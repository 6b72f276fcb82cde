// Helpers for the adversarial suite: big inputs written in streamed chunks (never held whole in
// memory, never committed), and the scanner CLI run with a capped heap so a memory blow-up fails
// the case instead of passing slowly.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { REPO_ROOT, SCANNER_CLI, expectNoFullKey, type CliResult } from '../support/index.js';
import { expectValidReport } from '../scanner/support.js';

/** Heap cap for CLI runs on huge inputs: regions of 16 MB plus the program fit well under it. */
export const HEAP_MB = 256;

/** Writes `parts` to `path` in order, each a string or a Buffer, repeated `times` when given. */
export function streamFile(path: string, parts: readonly (string | Buffer | { repeat: string | Buffer; times: number })[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  try {
    for (const part of parts) {
      if (typeof part === 'string') writeSync(fd, part);
      else if (Buffer.isBuffer(part)) writeSync(fd, part);
      else {
        const chunk = Buffer.isBuffer(part.repeat) ? part.repeat : Buffer.from(part.repeat);
        for (let i = 0; i < part.times; i++) writeSync(fd, chunk);
      }
    }
  } finally {
    closeSync(fd);
  }
}

export interface BoundedScan extends CliResult {
  report: ScanReport;
}

/**
 * Runs `engium-scan` as a user would, with the heap capped at `heapMb`, checks that no output holds
 * a full key and that the JSON report validates, and returns it.
 */
export function scanBounded(args: string[], keys: readonly string[], options: { heapMb?: number; cwd?: string; env?: NodeJS.ProcessEnv; user?: number } = {}): BoundedScan {
  const node = [`--max-old-space-size=${options.heapMb ?? HEAP_MB}`, SCANNER_CLI, ...args, '--format', 'json'];
  const asUser = options.user !== undefined ? ['setpriv', `--reuid=${options.user}`, `--regid=${options.user}`, '--clear-groups', process.execPath] : [process.execPath];
  const result = spawnSync(asUser[0] as string, [...asUser.slice(1), ...node], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const status = result.status ?? -1;
  expectNoFullKey(result.stdout + result.stderr, keys);
  expect(result.signal, `engium-scan was killed: ${result.stderr.slice(-500)}`).toBeNull();
  expect(result.stderr, 'no out-of-memory crash').not.toMatch(/heap out of memory|FATAL ERROR/);
  let report: ScanReport;
  try {
    report = JSON.parse(result.stdout) as ScanReport;
  } catch {
    throw new Error(`engium-scan printed no JSON (exit ${status}): ${result.stderr.slice(-2000)}`);
  }
  expectValidReport(report);
  return { status, stdout: result.stdout, stderr: result.stderr, report };
}

/** `file:line:column redacted` for each finding, the form the cases compare. */
export function located(report: ScanReport): string[] {
  return report.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.secret.redacted}`);
}

/** Runs as root? Then permission cases run the CLI as `nobody`, since root ignores modes. */
export const AS_ROOT = process.getuid?.() === 0;
export const NOBODY = 65534;

/** Control (C0 but newline, DEL, C1), line-separator, bidi and zero-width characters. */
// eslint-disable-next-line no-control-regex -- the point: none of these may reach an output raw
const UNSAFE_IN_OUTPUT = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/**
 * What every output must be, whatever its input held: no full key, no raw control, separator or
 * bidi character, and no line that starts (after spaces) with `::`, a GitHub workflow command.
 */
export function expectSafeOutput(output: string, keys: readonly string[], what: string): void {
  expectNoFullKey(output, keys);
  expect(output, `${what}: a raw control, separator or bidi character`).not.toMatch(UNSAFE_IN_OUTPUT);
  for (const line of output.split('\n')) expect(line.trimStart().startsWith('::'), `${what}: a line starts with "::": ${line}`).toBe(false);
}
