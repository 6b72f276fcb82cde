/**
 * The text report: one block per leak (a key in this repository), worst first. The place that
 * matters most (where the key is written, with the chain that ships it) comes in full with a code
 * frame whose key is redacted; its other places (built copies, maps, history, env lines) follow as
 * short lines. A summary line counts leaks and places. Colours only when asked (the caller decides from the TTY and NO_COLOR).
 */
import pc from 'picocolors';
import { SEVERITIES, type Severity } from '@engium/core';
import type { Finding, ScanReport } from '../finding.js';
import type { Leak } from '../finding.js';
import { leaksOf, placeRole } from './leaks.js';
// Every string from an input passes the one text escape (control, bidi, a leading `::`).
import { escapeText as printable } from './escape.js';
import { byteSize } from '../byte-size.js';

type Colours = ReturnType<typeof pc.createColors>;

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

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * `2 leaked keys (1 critical, 1 high) in 7 places; 42 files (1.2 MB) scanned in 0.30 s; 1 baselined, 2 suppressed, 1 skipped`.
 * Severities count leaks, each at its worst place.
 */
export function summaryLine(report: ScanReport): string {
  const { findings, stats } = report;
  const leaks = leaksOf(findings, report.repository);
  const counts = SEVERITIES.map((severity) => [severity, leaks.filter((leak) => leak.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  const files = `${plural(stats.filesScanned, 'file')} (${byteSize(stats.bytesScanned)})`;
  const seconds = `${(stats.durationMs / 1000).toFixed(2)} s`;
  const head =
    findings.length === 0
      ? `No Engium keys found in ${files}, ${seconds}`
      : `${plural(leaks.length, 'leaked key')} (${counts.join(', ')}) in ${plural(findings.length, 'place')}; ${files} scanned in ${seconds}`;
  const extras = [
    stats.baselined ? `${stats.baselined} baselined` : '',
    stats.suppressed ? `${stats.suppressed} suppressed` : '',
    stats.skipped.length ? `${stats.skipped.length} skipped` : '',
    stats.warnings?.length ? plural(stats.warnings.length, 'warning') : '',
  ].filter(Boolean);
  return `${head}${extras.length ? `; ${extras.join(', ')}` : ''}`;
}

export interface TextOptions {
  color?: boolean;
  /** Leave out the summary, skipped files and warnings. */
  quiet?: boolean;
}

/** The header of a leak's block: how bad, which key, how many places. */
function leakHeader(leak: Leak, colours: Colours): string {
  const places = leak.findings.length === 1 ? '' : colours.dim(`  ${leak.findings.length} places`);
  const repository = leak.repository === undefined ? '' : ` in ${printable(leak.repository)}`;
  return `${severityLabel(leak.severity, colours)} ${leak.exposure.padEnd(7)} ${colours.bold(`${leak.kind} key ${leak.redacted}`)}${repository} ${colours.dim(`fingerprint ${leak.fingerprint}`)}${places}`;
}

/** The place that matters most, in full: where, why, the message (with the chain that ships it) and the code frame. */
function primaryPlace(finding: Finding, colours: Colours): string[] {
  const baselined = finding.baselined ? colours.dim(' (baselined)') : '';
  const lines = [`  ${colours.underline(printable(`${finding.file}:${finding.line}:${finding.column}`))} ${colours.dim(finding.ruleId)}${baselined}`];
  lines.push(`    ${printable(finding.message)}`);
  if (finding.commit) lines.push(`    ${colours.dim(`commit ${finding.commit.sha} by ${printable(finding.commit.author)} on ${finding.commit.date}`)}`);
  lines.push(...codeFrame(finding, colours));
  return lines;
}

/** Another place of the same key, on one line: where, what it is, and how it differs from the leak. */
function otherPlace(finding: Finding, leak: Leak, colours: Colours): string {
  const role = placeRole(finding);
  const details: string[] = [role];
  if (finding.origin) details.push(`from ${printable(`${finding.origin.file}:${finding.origin.line}:${finding.origin.column}`)}${finding.origin.inRepository ? '' : ' (not a file of the repository)'}`);
  if (finding.commit) {
    details.push(`commit ${finding.commit.sha.slice(0, 12)} by ${printable(finding.commit.author)} on ${finding.commit.date.slice(0, 10)}`);
    if (!finding.commit.presentAtHead) details.push('gone at HEAD');
  }
  if (finding.severity !== leak.severity || finding.exposure !== leak.exposure) details.push(`${finding.severity} ${finding.exposure}`);
  if (finding.baselined) details.push('baselined');
  return `    ${printable(`${finding.file}:${finding.line}:${finding.column}`)}  ${colours.dim(details.join(', '))}`;
}

export function renderText(report: ScanReport, options: TextOptions = {}): string {
  const colours = pc.createColors(options.color ?? false);
  const lines: string[] = [];
  for (const leak of leaksOf(report.findings, report.repository)) {
    const [primary, ...others] = leak.findings.map((index) => report.findings[index] as Finding);
    if (!primary) continue;
    lines.push(leakHeader(leak, colours), ...primaryPlace(primary, colours));
    if (others.length > 0) {
      lines.push(`  ${colours.dim(others.length === 1 ? 'also in:' : `also in ${others.length} more places:`)}`);
      for (const finding of others) lines.push(otherPlace(finding, leak, colours));
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
