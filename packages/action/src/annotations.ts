/**
 * One annotation per finding. @actions/core escapes workflow-command data and properties
 * (`%`, CR, LF, and `:` `,` in properties), so a hostile file name cannot inject a command; the
 * message is escaped as all text output is (control and bidi characters), while the file name
 * stays exact so GitHub can place the annotation.
 * GitHub shows 10 annotations of each kind (error, warning, notice) per step and drops the rest
 * silently: the most severe, and those on lines the change added, are annotated first, up to what
 * GitHub shows (leaving room for the step's own failure and warnings); the rest go to the log as
 * plain lines, and one notice says how many (they are all in the job summary and the reports).
 */
import * as core from '@actions/core';
import type { Severity } from '@engium/core';
import { escapeText } from '@engium/scanner';
import { byImportance, type KeyFinding, type LintProblem, type RunResults } from './results.js';

/** What GitHub displays per step and kind (error, warning, notice); the rest stays in the log. */
export const GITHUB_ANNOTATIONS_PER_KIND = 10;

type Kind = 'error' | 'warning' | 'notice';

/**
 * Findings' share of each kind: one error is the step's failure (core.setFailed), warnings leave
 * room for the action's own (a refused comment, a fallback scan), one notice is the note below.
 */
const FINDING_SLOTS: Record<Kind, number> = { error: GITHUB_ANNOTATIONS_PER_KIND - 1, warning: GITHUB_ANNOTATIONS_PER_KIND - 3, notice: GITHUB_ANNOTATIONS_PER_KIND - 1 };

const EMIT: Record<Kind, (message: string, properties: core.AnnotationProperties) => void> = {
  error: core.error,
  warning: core.warning,
  notice: core.notice,
};

function kindOf(severity: Severity, baselined = false): Kind {
  if (baselined) return 'notice';
  if (severity === 'critical' || severity === 'high') return 'error';
  return severity === 'medium' ? 'warning' : 'notice';
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

interface Annotation {
  kind: Kind;
  message: string;
  properties: core.AnnotationProperties;
}

function keyAnnotation(finding: KeyFinding): Annotation {
  return {
    kind: kindOf(finding.severity, finding.baselined),
    message: escapeText(keyMessage(finding)),
    properties: { title: `Engium ${finding.secret.kind} key leaked (${finding.severity})`, ...position(finding) },
  };
}

function lintAnnotation(problem: LintProblem): Annotation {
  return {
    kind: kindOf(problem.severity),
    message: escapeText(problem.message),
    properties: {
      title: problem.ruleId,
      file: problem.file,
      startLine: problem.line,
      startColumn: problem.column,
      ...(problem.endLine !== undefined && problem.endLine !== problem.line ? { endLine: problem.endLine } : {}),
      ...(problem.endLine === problem.line && problem.endColumn !== undefined ? { endColumn: problem.endColumn } : {}),
    },
  };
}

/** What `annotate` did: how many annotations, and how many findings GitHub would not have shown. */
export interface AnnotationOutcome {
  annotated: number;
  leftOut: Record<Kind, number>;
}

/** The sentence saying which findings have no annotation, or undefined when all have one. */
export function leftOutNote({ annotated, leftOut }: AnnotationOutcome): string | undefined {
  const total = leftOut.error + leftOut.warning + leftOut.notice;
  if (total === 0) return undefined;
  const parts = (Object.keys(leftOut) as Kind[]).filter((kind) => leftOut[kind] > 0).map((kind) => `${leftOut[kind]} ${kind}${leftOut[kind] === 1 ? '' : 's'}`);
  return (
    `GitHub shows ${GITHUB_ANNOTATIONS_PER_KIND} annotations of each kind per step: the ${annotated} most severe findings are annotated, ` +
    `${total} more (${parts.join(', ')}) are listed in the log, the job summary and the SARIF and JSON reports.`
  );
}

export function annotate(results: RunResults): AnnotationOutcome {
  type Item = { severity: Severity; onChangedLine: boolean; file: string; line: number; column: number; annotation: () => Annotation };
  const items: Item[] = [
    ...results.findings.map((finding): Item => ({ ...finding, annotation: () => keyAnnotation(finding) })),
    ...results.lintProblems.map((problem): Item => ({ ...problem, annotation: () => lintAnnotation(problem) })),
  ];
  items.sort(byImportance);
  const used: Record<Kind, number> = { error: 0, warning: 0, notice: 0 };
  const leftOut: Record<Kind, number> = { error: 0, warning: 0, notice: 0 };
  const unshown: Annotation[] = [];
  for (const item of items) {
    const annotation = item.annotation();
    if (used[annotation.kind] < FINDING_SLOTS[annotation.kind]) {
      used[annotation.kind]++;
      EMIT[annotation.kind](annotation.message, annotation.properties);
    } else {
      leftOut[annotation.kind]++;
      unshown.push(annotation);
    }
  }
  const outcome = { annotated: used.error + used.warning + used.notice, leftOut };
  const note = leftOutNote(outcome);
  if (note) {
    core.notice(note, { title: 'Engium Guard: more findings than GitHub annotates' });
    core.startGroup(`${unshown.length} findings without an annotation`);
    for (const { kind, message, properties } of unshown) {
      const line = properties.startLine === undefined ? '' : `:${properties.startLine}${properties.startColumn === undefined ? '' : `:${properties.startColumn}`}`;
      core.info(`${kind} ${escapeText(properties.file ?? '')}${line}: ${message}`);
    }
    core.endGroup();
  }
  return outcome;
}
