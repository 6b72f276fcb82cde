/**
 * Baseline files: accepted findings as key fingerprint + file + rule, sorted, with no line numbers
 * and no timestamps, so moving code does not bring a finding back, a different key on the same
 * line is not hidden by an old entry, and the file does not churn in merges.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { redactKeys } from '@engium/core';
import { UsageError } from '../config.js';
import { jsonOutput } from '../report/escape.js';
import type { Finding } from '../finding.js';

export interface BaselineEntry {
  fingerprint: string;
  file: string;
  ruleId: string;
}

export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

/** An entry's identity; its file as written (redacted), so a finding in a file named with a key matches its entry. */
export function baselineEntryId(entry: BaselineEntry): string {
  return `${entry.fingerprint}\u0000${redactKeys(entry.file)}\u0000${entry.ruleId}`;
}

/** The baseline for `findings`: one entry per fingerprint, file and rule, in a stable order. */
export function baselineOf(findings: readonly Finding[]): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    const entry = { fingerprint: finding.secret.fingerprint, file: redactKeys(finding.file), ruleId: finding.ruleId };
    entries.set(baselineEntryId(entry), entry);
  }
  const sorted = [...entries.values()].sort(
    (a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint),
  );
  return { version: 1, findings: sorted };
}

export function formatBaseline(baseline: Baseline): string {
  return jsonOutput(baseline);
}

export function writeBaseline(path: string, findings: readonly Finding[]): Baseline {
  const baseline = baselineOf(findings);
  writeFileSync(path, formatBaseline(baseline));
  return baseline;
}

function isEntry(value: unknown): value is BaselineEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.fingerprint === 'string' && typeof entry.file === 'string' && typeof entry.ruleId === 'string';
}

export function readBaseline(path: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read baseline ${path}: ${code ?? (error as Error).message}`);
  }
  const baseline = value as Partial<Baseline>;
  if (baseline?.version !== 1 || !Array.isArray(baseline.findings) || !baseline.findings.every(isEntry)) {
    throw new UsageError(`baseline ${path} is not an engium-scan baseline (expected {"version": 1, "findings": [{fingerprint, file, ruleId}]})`);
  }
  return { version: 1, findings: baseline.findings };
}
