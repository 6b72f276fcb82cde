/** What one run found, in the order people should read it. */
import { compareSeverity, type Severity } from '@engium/core';
import type { Finding } from '@engium/scanner';

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
  lintProblems: LintProblem[];
  /** Files that could not be scanned, with why. */
  skipped: { file: string; reason: string }[];
  /** Findings hidden by suppressions the base branch approved. */
  suppressed: number;
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
