/**
 * Markdown shared by the job summary, the pull request comment and the rotation issues. Everything
 * that comes from the scanned repository (file names, messages) is escaped, so a file named
 * `a|b<img src=x>` cannot break a table or inject HTML.
 */
import { ROTATION_STEPS, meetsThreshold, type SeverityThreshold } from '@engium/core';
import { escapeText } from '@engium/scanner';
import { byImportance, keysOf, type KeyFinding, type RunResults } from './results.js';

export function escapeMarkdown(text: string): string {
  // Control, bidi and line-separator characters first, as in every text output; then Markdown's own.
  return escapeText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`);
}

/** Inline code that survives backticks in its content. */
export function code(text: string): string {
  return `<code>${escapeMarkdown(text)}</code>`;
}

export function where(finding: KeyFinding): string {
  let text = code(`${finding.file}:${finding.line}:${finding.column}`);
  if (finding.origin) text += ` from ${code(`${finding.origin.file}:${finding.origin.line}`)}`;
  if (finding.commit) {
    text += ` in ${code(finding.commit.sha.slice(0, 12))}`;
    if (!finding.commit.presentAtHead) text += ' (removed since, still in history)';
  }
  return text;
}

function chain(finding: KeyFinding): string {
  return finding.chain && finding.chain.length > 0 ? finding.chain.map(escapeMarkdown).join(' → ') : '';
}

/** GitHub caps a job summary at 1 MiB and a comment at 65,536 characters: long lists stop here. */
export const MAX_TABLE_ROWS = 200;

function moreRows(total: number, shown: number): string[] {
  return total > shown ? ['', `…and ${total - shown} more: the SARIF file lists every one.`] : [];
}

export function findingsTable(findings: readonly KeyFinding[], failOn: SeverityThreshold): string {
  const rows = [...findings].sort(byImportance).slice(0, MAX_TABLE_ROWS).map((finding) => {
    const blocking = !finding.baselined && meetsThreshold(finding.severity, failOn);
    const notes = [finding.baselined ? 'baselined' : '', finding.unapprovedSuppression ? escapeMarkdown(finding.unapprovedSuppression) : '']
      .filter(Boolean)
      .join('; ');
    return `| ${finding.severity}${blocking ? ' ⛔' : ''} | ${code(finding.secret.redacted)} | ${code(finding.secret.fingerprint)} | ${finding.exposure} | ${where(finding)} | ${chain(finding)} | ${notes} |`;
  });
  return [
    '| Severity | Key | Fingerprint | Exposure | Where | Chain | Notes |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    ...moreRows(findings.length, rows.length),
  ].join('\n');
}

export function rotationSteps(): string {
  return ROTATION_STEPS.map((step, index) => `${index + 1}. ${step}`).join('\n');
}

/** The job summary: every finding and lint problem, with redacted keys and fingerprints. */
export function summaryMarkdown(results: RunResults, options: { failOn: SeverityThreshold; description: string; blocking: number }): string {
  const keys = keysOf(results.findings);
  const lines = [`## Engium Guard`, '', `Scope: ${escapeMarkdown(options.description)}.`, ''];
  if (results.findings.length === 0 && results.lintProblems.length === 0) {
    lines.push('✅ No Engium key and no broken Engium call found.');
  } else {
    lines.push(
      `**${results.findings.length} finding${results.findings.length === 1 ? '' : 's'}** for ${keys.size} distinct key${keys.size === 1 ? '' : 's'}, ` +
        `${results.lintProblems.length} ESLint problem${results.lintProblems.length === 1 ? '' : 's'}; ` +
        `${options.blocking} at or above \`fail-on: ${options.failOn}\`${options.blocking > 0 ? ' ⛔' : ''}.`,
    );
  }
  if (results.findings.length > 0) lines.push('', '### Keys', '', findingsTable(results.findings, options.failOn));
  if (results.lintProblems.length > 0) {
    lines.push('', '### Engium calls and client code (ESLint)', '', '| Severity | Rule | Where | Message |', '| --- | --- | --- | --- |');
    const problems = [...results.lintProblems].sort(byImportance);
    for (const problem of problems.slice(0, MAX_TABLE_ROWS)) {
      lines.push(`| ${problem.severity} | ${code(problem.ruleId)} | ${code(`${problem.file}:${problem.line}:${problem.column}`)} | ${escapeMarkdown(problem.message)} |`);
    }
  }
  if (results.lintProblems.length > MAX_TABLE_ROWS) lines.push(...moreRows(results.lintProblems.length, MAX_TABLE_ROWS));
  if ([...keys.values()].some((list) => list[0]?.secret.kind === 'live')) {
    lines.push('', '### Rotate every leaked live key', '', rotationSteps());
  }
  if (results.suppressed > 0) lines.push('', `${results.suppressed} finding(s) suppressed by the base branch's config.`);
  if (results.skipped.length > 0) {
    lines.push('', '<details><summary>Files not scanned</summary>', '');
    for (const skipped of results.skipped.slice(0, MAX_TABLE_ROWS)) lines.push(`- ${code(skipped.file)}: ${escapeMarkdown(skipped.reason)}`);
    lines.push(...moreRows(results.skipped.length, MAX_TABLE_ROWS), '', '</details>');
  }
  return `${lines.join('\n')}\n`;
}
