import { SEVERITIES } from '@engium/core';
import { oldestExposure, repositoriesOf, type Finding, type ScanReport } from '@engium/scanner';
import { cell } from './markdown.js';
import type { RotationIssue } from './rotation-issues.js';

/** GitHub refuses job summaries over 1 MiB; a table this long is read as a list of issues anyway. */
const MAX_KEY_ROWS = 500;
const MAX_REPOSITORIES_PER_ROW = 5;

export interface SummaryInput {
  merged: ScanReport;
  scannedIncrementally: number;
  scannedInFull: number;
  /** Planned repositories whose job left no report (failed, cancelled). */
  missing: string[];
  /** Repositories skipped for having no commits. */
  empty: readonly string[];
  /** Rotation issues by key fingerprint, when a tracking repository is set. */
  issues?: ReadonlyMap<string, RotationIssue>;
}


function repositoriesCell(finding: Finding): string {
  const repositories = repositoriesOf(finding);
  const shown = repositories.slice(0, MAX_REPOSITORIES_PER_ROW).map(cell).join(', ');
  return repositories.length > MAX_REPOSITORIES_PER_ROW ? `${shown} and ${repositories.length - MAX_REPOSITORIES_PER_ROW} more` : shown;
}

function oldestCell(finding: Finding): string {
  const oldest = oldestExposure(finding);
  if (!oldest?.commit) return 'at HEAD (no commit seen)';
  return `${oldest.commit.date.slice(0, 10)} in ${cell(oldest.repository)}@${oldest.commit.sha.slice(0, 8)}`;
}

function issueCell(issue: RotationIssue | undefined): string {
  if (!issue) return '';
  return `[#${issue.number}](${issue.url}) ${issue.state === 'closed' ? '(closed: rotated)' : '(open)'}`;
}

/** The fan-in job's summary: keys by severity, then one row per key with where and since when it leaked. */
export function renderSummary({ merged, scannedIncrementally, scannedInFull, missing, empty, issues }: SummaryInput): string {
  const lines: string[] = ['## Engium organisation audit', ''];
  const repositories = merged.repositories?.length ?? 0;
  lines.push(
    `Scanned ${repositories} repositor${repositories === 1 ? 'y' : 'ies'} (${scannedInFull} in full, ${scannedIncrementally} from their last scanned commit); ` +
      `${merged.findings.length} distinct key${merged.findings.length === 1 ? '' : 's'} found.`,
  );
  if (empty.length) {
    lines.push('', `Skipped ${empty.length} empty repositor${empty.length === 1 ? 'y' : 'ies'} (no commits yet, nothing to scan): ${empty.map(cell).join(', ')}.`);
  }
  if (missing.length) {
    const one = missing.length === 1;
    lines.push(
      '',
      '> [!WARNING]',
      `> ${missing.length} planned repositor${one ? 'y' : 'ies'} produced no report, so ${one ? 'it was not audited and keeps its' : 'they were not audited and keep their'} previous state: ${missing.map(cell).join(', ')}`,
    );
  }
  const unreadable = merged.stats.skipped.length;
  if (unreadable) lines.push('', `${unreadable} file${unreadable === 1 ? ' was' : 's were'} skipped (see the merged report's stats.skipped).`);

  lines.push('', '| Severity | Keys |', '| --- | ---: |');
  for (const severity of SEVERITIES) lines.push(`| ${severity} | ${merged.findings.filter((f) => f.severity === severity).length} |`);

  if (merged.findings.length) {
    lines.push('', '| Severity | Key | Fingerprint | Repositories | Places | Oldest exposure | Rotation issue |', '| --- | --- | --- | --- | ---: | --- | --- |');
    for (const finding of merged.findings.slice(0, MAX_KEY_ROWS)) {
      const { redacted, fingerprint } = finding.secret;
      lines.push(
        `| ${finding.severity} | \`${cell(redacted)}\` | \`${fingerprint}\` | ${repositoriesCell(finding)} | ${finding.occurrences?.length ?? 1} | ${oldestCell(finding)} | ${issueCell(issues?.get(fingerprint))} |`,
      );
    }
    if (merged.findings.length > MAX_KEY_ROWS) lines.push('', `${merged.findings.length - MAX_KEY_ROWS} more keys are in the merged report artifact.`);
  }
  return `${lines.join('\n')}\n`;
}
