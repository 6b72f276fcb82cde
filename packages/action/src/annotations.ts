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

/**
 * The finding's own message says what happened (a history finding names its commit), then what
 * this run adds: where a built copy came from, which ESLint rules agree, where a moved line was.
 * Each fact once.
 */
export function keyMessage(finding: KeyFinding): string {
  const sentences = [finding.message];
  if (finding.origin) sentences.push(`It ships from ${finding.origin.file}:${finding.origin.line}.`);
  if (finding.commit && finding.lineAtHead === false) {
    sentences.push(`It was on line ${finding.line} of ${finding.file} in commit ${finding.commit.sha.slice(0, 12)}; that line is different at the head of this change.`);
  }
  if (finding.alsoReportedBy?.length) {
    const rules = [...new Set(finding.alsoReportedBy.map((problem) => problem.ruleId))].join(', ');
    const lines = finding.alsoReportedBy.map((problem) => `${problem.file}:${problem.line}`).join(', ');
    sentences.push(`ESLint's ${rules} reports the same key at ${lines}.`);
  }
  if (finding.unapprovedSuppression) sentences.push(finding.unapprovedSuppression);
  sentences.push(`Key ${finding.secret.redacted}, fingerprint ${finding.secret.fingerprint}${finding.baselined ? '; in the baseline, so not blocking' : ''}.`);
  return sentences.join(' ');
}

/** Where an annotation goes: a history finding whose line moved or went gets the file only. */
function position(finding: KeyFinding): Pick<core.AnnotationProperties, 'file' | 'startLine' | 'startColumn'> {
  if (finding.commit && finding.lineAtHead === false) return { file: finding.file };
  return { file: finding.file, startLine: finding.line, startColumn: finding.column };
}

export function annotate(results: RunResults): number {
  type Item = { severity: Severity; onChangedLine: boolean; file: string; line: number; column: number; emit: () => void };
  const items: Item[] = [
    ...results.findings.map((finding): Item => ({
      ...finding,
      emit: () =>
        emitterFor(finding.severity, finding.baselined)(escapeText(keyMessage(finding)), {
          title: `Engium ${finding.secret.kind} key leaked (${finding.severity})`,
          ...position(finding),
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
