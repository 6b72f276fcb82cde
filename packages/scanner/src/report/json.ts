/** The JSON report: `{ version: 1, findings, stats }`, as described by schemas/report.schema.json. */
import type { ScanReport } from '../finding.js';
import { jsonOutput } from './escape.js';

export function renderJson(report: ScanReport): string {
  const { version, findings, stats, ...rest } = report;
  return jsonOutput({ version, ...rest, findings, stats });
}
