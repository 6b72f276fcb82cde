/**
 * Stage 5, report: one entry point for every command, so scan, history and staged print the same
 * formats and exit with the same codes.
 */
import { writeFileSync } from 'node:fs';
import { meetsThreshold, type SeverityThreshold } from '@engium/core';
import type { ScanReport } from '../finding.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';
import { redactReport } from './escape.js';

export { renderJson } from './json.js';
export { renderSarif, toSarif } from './sarif.js';
export { renderText, summaryLine } from './text.js';
export { leaksOf, placeRole, comparePlaces, compareExposure, type PlaceRole } from './leaks.js';

export type ReportFormat = 'text' | 'json' | 'sarif';

export interface RenderOptions {
  /** Colours in the text format (default: off). */
  color?: boolean;
  /** Text format: findings and errors only, no summary. */
  quiet?: boolean;
}

export function renderReport(report: ScanReport, format: ReportFormat, options: RenderOptions = {}): string {
  // Every string of the report came from an input (names, authors, URLs): no key in one is written whole.
  const redacted = redactReport(report);
  if (format === 'json') return renderJson(redacted);
  if (format === 'sarif') return renderSarif(redacted);
  return renderText(redacted, options);
}

/** Colours on a TTY unless NO_COLOR is set (https://no-color.org) or FORCE_COLOR=0. */
export function wantsColor(stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0';
  return stream.isTTY === true;
}

export interface WriteOptions extends RenderOptions {
  format: ReportFormat;
  /** A file to write; default: stdout. */
  output?: string;
}

/** Writes the report to `output` or stdout (colours only for text on a colour TTY). */
export function writeReport(report: ScanReport, options: WriteOptions): void {
  const color = options.output === undefined && (options.color ?? wantsColor());
  const text = renderReport(report, options.format, { color, ...(options.quiet ? { quiet: true } : {}) });
  if (options.output !== undefined) writeFileSync(options.output, text);
  else process.stdout.write(text);
}

/** 1 when a finding that is not baselined reaches `failOn`, else 0. */
export function exitCodeFor(report: ScanReport, failOn: SeverityThreshold): 0 | 1 {
  return report.findings.some((finding) => !finding.baselined && meetsThreshold(finding.severity, failOn)) ? 1 : 0;
}
