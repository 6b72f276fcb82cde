/** The JSON report: `{ version: 1, findings, leaks, stats }`, as described by schemas/report.schema.json. */
import type { ScanReport } from '../finding.js';
import { jsonOutput } from './escape.js';
import { leaksOf } from './leaks.js';

export function renderJson(report: ScanReport): string {
  // Leaks are worked out from the findings every time, so a report read back (by merge) never carries stale ones.
  const { version, findings, stats, leaks: _stale, ...rest } = report;
  return jsonOutput({ version, ...rest, findings, leaks: leaksOf(findings, report.repository), stats });
}
