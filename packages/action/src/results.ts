/** What one run found, in the order people should read it. */
import { compareSeverity, type Severity } from '@engium/core';
import { leaksOf, type Finding, type Leak, type ScanWarning } from '@engium/scanner';

/** A key finding with its paths relative to the repository root, as annotations and SARIF need. */
export interface KeyFinding extends Finding {
  /** On a line this pull request or push added: shown first, since GitHub keeps only 10 annotations of a kind. */
  onChangedLine: boolean;
  /** Set when only a suppression added by this pull request (not the base branch) would hide it. */
  unapprovedSuppression?: string;
  /** ESLint problems about the same key at the same place, merged into this finding rather than counted again. */
  alsoReportedBy?: MergedLintProblem[];
  /**
   * For a finding from the pull request's history: false when the line it was found on is no longer
   * there at HEAD (same number, same text), so an annotation on that line would point at other code.
   */
  lineAtHead?: boolean;
}

/** An ESLint problem folded into a key finding: which rule said it, where. */
export interface MergedLintProblem {
  ruleId: string;
  file: string;
  line: number;
  column: number;
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
  /** Why the run scanned something other than the event's range (the range could not be resolved), and what instead. */
  fallback?: string;
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

/** A leak of this run: one key with its places, the one that matters most first (the scanner's grouping). */
export interface RunLeak extends Omit<Leak, 'findings'> {
  findings: KeyFinding[];
}

/** The run's findings grouped into leaks, worst first, as every report of the scanner groups them. */
export function leaksOfRun(findings: readonly KeyFinding[]): RunLeak[] {
  return leaksOf(findings).map((leak) => ({ ...leak, findings: leak.findings.map((index) => findings[index] as KeyFinding) }));
}
