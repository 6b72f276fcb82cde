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

/** Long lists stop here, whatever their size: a summary is read, not searched (the SARIF and JSON files list every finding). */
export const MAX_TABLE_ROWS = 200;

/**
 * GitHub's limits on what the action writes. A comment or issue body over 65,536 characters is
 * refused (422); a job summary over 1 MiB is dropped whole. JavaScript's length counts UTF-16 code
 * units, never fewer than GitHub's characters.
 */
export const GITHUB_BODY_MAX_CHARS = 65_536;
export const STEP_SUMMARY_MAX_BYTES = 1024 * 1024;

/** How much of the job summary each list may take, leaving room for the rest. */
const SUMMARY_SECTION_BYTES = { keys: 600_000, lint: 250_000, skipped: 100_000 };

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * The first of `rows` that fit in `budget` (each row and its line break, measured by `size`), and
 * how many did not: a list is cut at a row, never inside one.
 */
export function rowsWithin(rows: readonly string[], budget: number, size: (text: string) => number = (text) => text.length): { rows: string[]; left: number } {
  let used = 0;
  let count = 0;
  for (const row of rows) {
    const cost = size(row) + 1;
    if (used + cost > budget) break;
    used += cost;
    count++;
  }
  return { rows: rows.slice(0, count), left: rows.length - count };
}

function moreRows(left: number): string[] {
  return left > 0 ? ['', `…and ${left} more: the SARIF file lists every one.`] : [];
}

/** A leak's places shown in the summary; the SARIF and JSON files list every one. */
const MAX_PLACES_PER_LEAK = 10;

/** One row per leak (a key), worst first: its places, the one where it is written first, with the chain that ships it. */
export function leaksTable(findings: readonly KeyFinding[], failOn: SeverityThreshold, budget = SUMMARY_SECTION_BYTES.keys): string {
  const leaks = leaksOfRun(findings);
  const candidates = leaks.slice(0, MAX_TABLE_ROWS).map((leak) => {
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
  const { rows } = rowsWithin(candidates, budget, utf8Bytes);
  return [
    '| Severity | Key | Fingerprint | Exposure | Where | Chain | Notes |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    ...moreRows(leaks.length - rows.length),
  ].join('\n');
}

export function rotationSteps(): string {
  return ROTATION_STEPS.map((step, index) => `${index + 1}. ${step}`).join('\n');
}

/**
 * The job summary: every finding and lint problem, with redacted keys and fingerprints. `notes`:
 * what the run could not do (GitHub refused a comment, annotations GitHub would not show).
 */
export function summaryMarkdown(results: RunResults, options: { failOn: SeverityThreshold; description: string; blocking: number; notes?: readonly string[] }): string {
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
    const problems = [...results.lintProblems].sort(byImportance).slice(0, MAX_TABLE_ROWS);
    const rows = problems.map((problem) => `| ${problem.severity} | ${code(problem.ruleId)} | ${code(`${problem.file}:${problem.line}:${problem.column}`)} | ${escapeMarkdown(problem.message)} |`);
    const shown = rowsWithin(rows, SUMMARY_SECTION_BYTES.lint, utf8Bytes).rows;
    lines.push(...shown, ...moreRows(results.lintProblems.length - shown.length));
  }
  if (leaks.some((leak) => leak.kind === 'live')) {
    lines.push('', '### Rotate every leaked live key', '', rotationSteps());
  }
  if (options.notes && options.notes.length > 0) lines.push('', '### Not done', '', ...options.notes.map((note) => `- ${escapeMarkdown(note)}`));
  if (results.suppressed > 0) lines.push('', `${results.suppressed} finding(s) suppressed by the base branch's config.`);
  if (results.skipped.length > 0) {
    lines.push('', '<details><summary>Files not scanned</summary>', '');
    const rows = results.skipped.slice(0, MAX_TABLE_ROWS).map((skipped) => `- ${code(skipped.file)}: ${escapeMarkdown(skipped.reason)}`);
    const shown = rowsWithin(rows, SUMMARY_SECTION_BYTES.skipped, utf8Bytes).rows;
    lines.push(...shown, ...moreRows(results.skipped.length - shown.length), '', '</details>');
  }
  return `${lines.join('\n')}\n`;
}
