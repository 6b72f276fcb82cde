/**
 * Stage 4, suppress: inline `engium-ignore` comments, the config's allowlist (by key fingerprint,
 * with a reason) and the baseline. Suppressed findings are counted and dropped; baselined ones
 * stay in the report, marked, and do not fail the run. Works on any command's findings.
 */
import picomatch from 'picomatch';
import type { AllowlistEntry } from '../config.js';
import type { Finding } from '../finding.js';
import type { FindingCandidate } from '../classify/finding.js';
import { baselineEntryId, type Baseline } from './baseline.js';

export * from './baseline.js';

export interface Suppressions {
  allowlist?: readonly AllowlistEntry[];
  baseline?: Baseline;
}

export interface SuppressionResult {
  findings: Finding[];
  /** Left out by an inline comment or an allowlist entry. */
  suppressed: number;
  /** Kept, marked `baselined`. */
  baselined: number;
}

function allowlistMatcher(allowlist: readonly AllowlistEntry[]): (finding: Finding) => boolean {
  const entries = allowlist.map((entry) => ({
    fingerprint: entry.fingerprint,
    paths: entry.paths?.length ? picomatch(entry.paths, { dot: true }) : undefined,
  }));
  return (finding) =>
    entries.some((entry) => entry.fingerprint === finding.secret.fingerprint && (entry.paths === undefined || entry.paths(finding.file)));
}

export function applySuppressions(candidates: readonly FindingCandidate[], suppressions: Suppressions = {}): SuppressionResult {
  const allowed = allowlistMatcher(suppressions.allowlist ?? []);
  const baselineIds = new Set((suppressions.baseline?.findings ?? []).map(baselineEntryId));
  const findings: Finding[] = [];
  let suppressed = 0;
  let baselined = 0;
  for (const candidate of candidates) {
    const { ignoredInline, ...finding } = candidate;
    if (ignoredInline || allowed(finding)) {
      suppressed++;
      continue;
    }
    if (baselineIds.has(baselineEntryId({ fingerprint: finding.secret.fingerprint, file: finding.file, ruleId: finding.ruleId }))) {
      finding.baselined = true;
      baselined++;
    }
    findings.push(finding);
  }
  return { findings, suppressed, baselined };
}
