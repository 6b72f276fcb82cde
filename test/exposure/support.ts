// Helpers of the exposure tests: scan a hand-built tree with the built CLI, and find a key's
// finding in one file.
import { redact } from '@engium/core';
import { expect } from 'vitest';
import type { Finding, ScanReport } from '../../packages/scanner/src/finding.js';
import { tempDir, writeFiles } from '../support/index.js';
import { scanJson } from '../scanner/support.js';

export const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The report of a scan of `files`, written into a fresh temp dir; `keys` must appear nowhere whole. */
export function scanTree(files: Record<string, string>, keys: readonly string[], args: string[] = []): ScanReport {
  const dir = tempDir('engium-exposure-');
  writeFiles(dir, files);
  return scanJson(dir, keys, args).report;
}

/** The finding of `key` in `file`; fails the test, listing the files found, when there is none. */
export function findingIn(report: ScanReport, key: string, file: string): Finding {
  const finding = report.findings.find((candidate) => candidate.secret.redacted === redact(key) && candidate.file === file);
  expect(finding, `${file} in ${report.findings.map((candidate) => candidate.file).join(', ')}`).toBeDefined();
  return finding as Finding;
}
