/**
 * The text report: findings grouped by file, each with a code frame whose key is redacted, and
 * a summary line. Colours only when asked (the caller decides from the TTY and NO_COLOR).
 */
import pc from 'picocolors';
import { SEVERITIES, type Severity } from '@engium/core';
import type { Finding, ScanReport } from '../finding.js';

type Colours = ReturnType<typeof pc.createColors>;

/** Text from scanned files, made safe for a terminal: control characters (escape sequences) become `?`. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

function severityLabel(severity: Severity, colours: Colours): string {
  const label = severity.padEnd(8);
  if (severity === 'critical') return colours.bold(colours.red(label));
  if (severity === 'high') return colours.red(label);
  if (severity === 'medium') return colours.yellow(label);
  return colours.dim(label);
}

function codeFrame(finding: Finding, colours: Colours): string[] {
  if (!finding.snippet) return [];
  const gutter = String(finding.line);
  const caretPad = ' '.repeat(Math.max(0, finding.snippet.column - 1));
  return [
    `    ${colours.dim(`${gutter} |`)} ${printable(finding.snippet.text)}`,
    `    ${colours.dim(`${' '.repeat(gutter.length)} |`)} ${caretPad}${colours.red('^')}`,
  ];
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

/** `3 findings (1 critical, 2 high) in 42 files (1.2 MB), 0.3 s; 1 baselined, 2 suppressed, 1 skipped`. */
export function summaryLine(report: ScanReport): string {
  const { findings, stats } = report;
  const counts = SEVERITIES.map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  const head = findings.length === 0 ? 'No Engium keys found' : `${findings.length} finding${findings.length === 1 ? '' : 's'} (${counts.join(', ')})`;
  const extras = [
    stats.baselined ? `${stats.baselined} baselined` : '',
    stats.suppressed ? `${stats.suppressed} suppressed` : '',
    stats.skipped.length ? `${stats.skipped.length} skipped` : '',
    stats.warnings?.length ? `${stats.warnings.length} warning${stats.warnings.length === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  const scanned = `in ${stats.filesScanned} file${stats.filesScanned === 1 ? '' : 's'} (${formatBytes(stats.bytesScanned)}), ${(stats.durationMs / 1000).toFixed(2)} s`;
  return `${head} ${scanned}${extras.length ? `; ${extras.join(', ')}` : ''}`;
}

export interface TextOptions {
  color?: boolean;
  /** Leave out the summary, skipped files and warnings. */
  quiet?: boolean;
}

export function renderText(report: ScanReport, options: TextOptions = {}): string {
  const colours = pc.createColors(options.color ?? false);
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const group = byFile.get(finding.file) ?? [];
    group.push(finding);
    byFile.set(finding.file, group);
  }
  for (const [file, findings] of byFile) {
    lines.push(colours.underline(printable(file)));
    for (const finding of findings) {
      const where = colours.dim(`${finding.line}:${finding.column}`.padEnd(8));
      const baselined = finding.baselined ? colours.dim(' (baselined)') : '';
      lines.push(`  ${where} ${severityLabel(finding.severity, colours)} ${finding.exposure.padEnd(7)} ${colours.dim(finding.ruleId)}${baselined}`);
      lines.push(`    ${printable(finding.message)}`);
      if (finding.origin) lines.push(`    ${colours.dim(`from ${printable(finding.origin.file)}:${finding.origin.line}:${finding.origin.column}${finding.origin.inRepository ? '' : ' (not a file of the repository)'}`)}`);
      if (finding.commit) lines.push(`    ${colours.dim(`commit ${finding.commit.sha} by ${printable(finding.commit.author)} on ${finding.commit.date}`)}`);
      lines.push(...codeFrame(finding, colours));
    }
    lines.push('');
  }
  if (!options.quiet) {
    const { skipped, warnings = [] } = report.stats;
    const unreadable = skipped.filter((entry) => entry.reason !== 'binary file');
    if (unreadable.length > 0) {
      lines.push(colours.yellow('Not scanned:'));
      for (const entry of unreadable) lines.push(`  ${printable(entry.file)}: ${printable(entry.reason)}`);
    }
    if (warnings.length > 0) {
      lines.push(colours.yellow('Warnings:'));
      for (const warning of warnings) lines.push(`  ${printable(warning.file)}: ${printable(warning.message)}`);
    }
    const summary = summaryLine(report);
    lines.push(report.findings.some((finding) => !finding.baselined) ? colours.bold(summary) : colours.green(summary));
  }
  return `${lines.join('\n')}\n`;
}
