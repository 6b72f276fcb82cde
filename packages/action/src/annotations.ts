/**
 * One annotation per finding. @actions/core escapes workflow-command data and properties
 * (`%`, CR, LF, and `:` `,` in properties), so a hostile file name cannot inject a command; the
 * message is escaped as all text output is (control and bidi characters), while the file name
 * stays exact so GitHub can place the annotation.
 * GitHub shows only 10 annotations of a kind per step: the most severe, and those on lines the
 * change added, are emitted first.
 */
import * as core from '@actions/core';
import type { Severity } from '@engium/core';
import { escapeText } from '@engium/scanner';
import { byImportance, type KeyFinding, type LintProblem, type RunResults } from './results.js';

/** What GitHub displays per step and kind (error, warning, notice); the rest stays in the log. */
export const GITHUB_ANNOTATIONS_PER_KIND = 10;

type Emit = (message: string, properties: core.AnnotationProperties) => void;

function emitterFor(severity: Severity, baselined = false): Emit {
  if (baselined) return core.notice;
  if (severity === 'critical' || severity === 'high') return core.error;
  return severity === 'medium' ? core.warning : core.notice;
}

function keyMessage(finding: KeyFinding): string {
  const where = finding.origin ? ` (shipped from ${finding.origin.file}:${finding.origin.line})` : '';
  const commit = finding.commit
    ? ` Added in commit ${finding.commit.sha.slice(0, 12)}${finding.commit.presentAtHead ? '' : ', since removed, but still in the history'}.`
    : '';
  const suppression = finding.unapprovedSuppression ? ` ${finding.unapprovedSuppression}` : '';
  const baselined = finding.baselined ? ' (in the baseline: not blocking)' : '';
  return `${finding.message}${where}${commit}${suppression} Key ${finding.secret.redacted}, fingerprint ${finding.secret.fingerprint}${baselined}.`;
}

export function annotate(results: RunResults): number {
  type Item = { severity: Severity; onChangedLine: boolean; file: string; line: number; column: number; emit: () => void };
  const items: Item[] = [
    ...results.findings.map((finding): Item => ({
      ...finding,
      emit: () =>
        emitterFor(finding.severity, finding.baselined)(escapeText(keyMessage(finding)), {
          title: `Engium ${finding.secret.kind} key leaked (${finding.severity})`,
          file: finding.file,
          startLine: finding.line,
          startColumn: finding.column,
        }),
    })),
    ...results.lintProblems.map((problem: LintProblem): Item => ({
      ...problem,
      emit: () =>
        emitterFor(problem.severity)(escapeText(problem.message), {
          title: problem.ruleId,
          file: problem.file,
          startLine: problem.line,
          startColumn: problem.column,
          ...(problem.endLine !== undefined && problem.endLine !== problem.line ? { endLine: problem.endLine } : {}),
          ...(problem.endLine === problem.line && problem.endColumn !== undefined ? { endColumn: problem.endColumn } : {}),
        }),
    })),
  ];
  items.sort(byImportance);
  for (const item of items) item.emit();
  if (items.length > GITHUB_ANNOTATIONS_PER_KIND) {
    core.info(`GitHub shows ${GITHUB_ANNOTATIONS_PER_KIND} annotations of each kind per step; all ${items.length} findings are in the job summary and the SARIF file.`);
  }
  return items.length;
}
