/** What one run found, in the order people should read it. */
import { compareSeverity, type Severity } from '@engium/core';
import type { Finding, ScanWarning } from '@engium/scanner';

/** A key finding with its paths relative to the repository root, as annotations and SARIF need. */
export interface KeyFinding extends Finding {
  /** On a line this pull request or push added: shown first, since GitHub keeps only 10 annotations of a kind. */
  onChangedLine: boolean;
  /** Set when only a suppression added by this pull request (not the base branch) would hide it. */
  unapprovedSuppression?: string;
}

/** A problem reported by the ESLint plugin's rules on a changed file. */
export interface LintProblem {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  onChangedLine: boolean;
}

export interface RunResults {
  findings: KeyFinding[];
  /**
   * History findings of a key that the tree scan reports in the same file: left out of annotations,
   * the summary and SARIF (one place is enough to act on), kept in the JSON report, which says in
   * which commit each key arrived.
   */
  repeatedInHistory: KeyFinding[];
  lintProblems: LintProblem[];
  /** Files that could not be scanned, with why. */
  skipped: { file: string; reason: string }[];
  /** Findings hidden by suppressions the base branch approved. */
  suppressed: number;
  /** What the tree and history scans read, for the JSON report's stats. */
  scanned: { files: number; bytes: number; durationMs: number; warnings: ScanWarning[] };
  /** The commit whose files were scanned; undefined when there was none (nothing to scan, no commits yet). */
  commit?: string;
  /** In an audit from `since`: the commit the history scan started after; undefined when it read the whole history. */
  historySince?: string;
}

/** The results of a run that scanned nothing. */
export function emptyResults(): RunResults {
  return { findings: [], repeatedInHistory: [], lintProblems: [], skipped: [], suppressed: 0, scanned: { files: 0, bytes: 0, durationMs: 0, warnings: [] } };
}

type Ordered = { severity: Severity; onChangedLine: boolean; file: string; line: number; column: number };

/** Most severe first, then lines the change added, then by place. */
export function byImportance(a: Ordered, b: Ordered): number {
  return (
    compareSeverity(a.severity, b.severity) ||
    Number(b.onChangedLine) - Number(a.onChangedLine) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column
  );
}

/** Distinct keys (by fingerprint), each with every finding that holds it, most severe first. */
export function keysOf(findings: readonly KeyFinding[]): Map<string, KeyFinding[]> {
  const keys = new Map<string, KeyFinding[]>();
  for (const finding of [...findings].sort(byImportance)) {
    const list = keys.get(finding.secret.fingerprint) ?? [];
    list.push(finding);
    keys.set(finding.secret.fingerprint, list);
  }
  return keys;
}
