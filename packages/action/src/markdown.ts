/**
 * Markdown shared by the job summary, the pull request comment and the rotation issues. Everything
 * that comes from the scanned repository (file names, messages) is escaped, so a file named
 * `a|b<img src=x>` cannot break a table or inject HTML.
 */
import { ROTATION_STEPS, meetsThreshold, type SeverityThreshold } from '@engium/core';
import { escapeText, placeRole } from '@engium/scanner';
import { byImportance, leaksOfRun, type KeyFinding, type RunLeak, type RunResults } from './results.js';

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

/** A place of a leak after its first: where, and what it is (a built copy, a map, history, an env line). */
export function otherPlace(finding: KeyFinding): string {
  return `${where(finding)}: ${placeRole(finding)}`;
}

/** A leak's places for a table cell: the one that matters most, then the others, at most `max`. */
export function placesCell(leak: RunLeak, max: number): string {
  const [primary, ...others] = leak.findings;
  if (!primary) return '';
  const lines = [`<b>${where(primary)}</b>`, ...others.slice(0, max - 1).map(otherPlace)];
  if (leak.findings.length > max) lines.push(`…and ${plural(leak.findings.length - max, 'more place')}`);
  return lines.join('<br>');
}

function chain(finding: KeyFinding): string {
  return finding.chain && finding.chain.length > 0 ? finding.chain.map(escapeMarkdown).join(' → ') : '';
}

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? '' : 's'}`;
}

/** GitHub caps a job summary at 1 MiB and a comment at 65,536 characters: long lists stop here. */
export const MAX_TABLE_ROWS = 200;

function moreRows(total: number, shown: number): string[] {
  return total > shown ? ['', `…and ${total - shown} more: the SARIF file lists every one.`] : [];
}

/** A leak's places shown in the summary; the SARIF and JSON files list every one. */
const MAX_PLACES_PER_LEAK = 10;

/** One row per leak (a key), worst first: its places, the one where it is written first, with the chain that ships it. */
export function leaksTable(findings: readonly KeyFinding[], failOn: SeverityThreshold): string {
  const leaks = leaksOfRun(findings);
  const rows = leaks.slice(0, MAX_TABLE_ROWS).map((leak) => {
    const blocking = leak.findings.some((finding) => !finding.baselined && meetsThreshold(finding.severity, failOn));
    const eslint = leak.findings.flatMap((finding) => finding.alsoReportedBy ?? []);
    const notes = [
      leak.findings.every((finding) => finding.baselined) ? 'baselined' : '',
      ...new Set(leak.findings.map((finding) => (finding.unapprovedSuppression ? escapeMarkdown(finding.unapprovedSuppression) : ''))),
      eslint.length > 0 ? `ESLint agrees: ${eslint.map((problem) => `${code(problem.ruleId)} at ${code(`${problem.file}:${problem.line}`)}`).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    const primary = leak.findings[0];
    return `| ${leak.severity}${blocking ? ' ⛔' : ''} | ${code(leak.redacted)} | ${code(leak.fingerprint)} | ${leak.exposure} | ${placesCell(leak, MAX_PLACES_PER_LEAK)} | ${primary ? chain(primary) : ''} | ${notes} |`;
  });
  return [
    '| Severity | Key | Fingerprint | Exposure | Where | Chain | Notes |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    ...moreRows(leaks.length, rows.length),
  ].join('\n');
}

export function rotationSteps(): string {
  return ROTATION_STEPS.map((step, index) => `${index + 1}. ${step}`).join('\n');
}

/** The job summary: every finding and lint problem, with redacted keys and fingerprints. */
export function summaryMarkdown(results: RunResults, options: { failOn: SeverityThreshold; description: string; blocking: number }): string {
  const leaks = leaksOfRun(results.findings);
  const lines = [`## Engium Guard`, '', `Scope: ${escapeMarkdown(options.description)}.`, ''];
  if (results.findings.length === 0 && results.lintProblems.length === 0) {
    lines.push('✅ No Engium key and no broken Engium call found.');
  } else {
    lines.push(
      `**${plural(leaks.length, 'leaked key')}** in ${plural(results.findings.length, 'place')}, ` +
        `${plural(results.lintProblems.length, 'ESLint problem')}; ` +
        `${options.blocking} at or above \`fail-on: ${options.failOn}\`${options.blocking > 0 ? ' ⛔' : ''}.`,
    );
  }
  if (results.findings.length > 0) lines.push('', '### Keys', '', leaksTable(results.findings, options.failOn));
  if (results.lintProblems.length > 0) {
    lines.push('', '### Engium calls and client code (ESLint)', '', '| Severity | Rule | Where | Message |', '| --- | --- | --- | --- |');
    const problems = [...results.lintProblems].sort(byImportance);
    for (const problem of problems.slice(0, MAX_TABLE_ROWS)) {
      lines.push(`| ${problem.severity} | ${code(problem.ruleId)} | ${code(`${problem.file}:${problem.line}:${problem.column}`)} | ${escapeMarkdown(problem.message)} |`);
    }
  }
  if (results.lintProblems.length > MAX_TABLE_ROWS) lines.push(...moreRows(results.lintProblems.length, MAX_TABLE_ROWS));
  if (leaks.some((leak) => leak.kind === 'live')) {
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
