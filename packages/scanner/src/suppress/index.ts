/**
 * Stage 4, suppress: inline `engium-ignore` comments, the config's allowlist (by key fingerprint,
 * with a reason) and the baseline. Suppressed findings are counted and dropped; baselined ones
 * stay in the report, marked, and do not fail the run. Works on any command's findings.
 */
import picomatch from 'picomatch';
import type { AllowlistEntry } from '../config.js';
import type { Finding } from '../finding.js';
import type { FindingCandidate } from '../classify/finding.js';
import { RULES } from '../rules.js';
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

/**
 * History and staged findings say that a key was committed in a file, whatever the directory audit
 * calls it there (a source, env or bundle key): a baseline entry for that key and file covers them.
 */
const COMMIT_RULE_IDS: ReadonlySet<string> = new Set([RULES.historyKey.id, RULES.stagedKey.id]);

function keyInFile(fingerprint: string, file: string): string {
  return `${fingerprint}\u0000${file}`;
}

export function applySuppressions(candidates: readonly FindingCandidate[], suppressions: Suppressions = {}): SuppressionResult {
  const allowed = allowlistMatcher(suppressions.allowlist ?? []);
  const baselineEntries = suppressions.baseline?.findings ?? [];
  const baselineIds = new Set(baselineEntries.map(baselineEntryId));
  const baselinedKeysInFiles = new Set(baselineEntries.map((entry) => keyInFile(entry.fingerprint, entry.file)));
  const findings: Finding[] = [];
  let suppressed = 0;
  let baselined = 0;
  for (const candidate of candidates) {
    const { ignoredInline, ...finding } = candidate;
    if (ignoredInline || allowed(finding)) {
      suppressed++;
      continue;
    }
    const inBaseline = COMMIT_RULE_IDS.has(finding.ruleId)
      ? baselinedKeysInFiles.has(keyInFile(finding.secret.fingerprint, finding.file))
      : baselineIds.has(baselineEntryId({ fingerprint: finding.secret.fingerprint, file: finding.file, ruleId: finding.ruleId }));
    if (inBaseline) {
      finding.baselined = true;
      baselined++;
    }
    findings.push(finding);
  }
  return { findings, suppressed, baselined };
}
