import type { Finding, ScanReport } from '../finding.js';
import { jsonErrorWithoutContent } from '../safe-read.js';

/** A report as read from a file: either the report or why it cannot be used. */
export type ReadResult = { ok: true; report: ScanReport } | { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first reason `value` is not a finding merge can group, or undefined. */
function findingProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'is not an object';
  if (!isRecord(value.secret) || typeof value.secret.fingerprint !== 'string') return 'has no secret.fingerprint';
  if (typeof value.severity !== 'string') return 'has no severity';
  if (typeof value.file !== 'string') return 'has no file';
  return undefined;
}

/**
 * Parses an `engium-scan --format json` report (or a merged one). Only the shape merge relies on
 * is checked; the messages name what is wrong so a person can find the broken artifact.
 */
export function parseReport(text: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8's message quotes the bytes near the error: the file may be anything (a .env given by mistake).
    return { ok: false, reason: `not JSON (${jsonErrorWithoutContent(error)})` };
  }
  if (!isRecord(value)) return { ok: false, reason: 'not a report object' };
  if (value.version !== 1) return { ok: false, reason: `unsupported report version ${JSON.stringify(value.version)} (expected 1)` };
  if (!Array.isArray(value.findings)) return { ok: false, reason: 'has no findings list' };
  for (const [index, finding] of value.findings.entries()) {
    const problem = findingProblem(finding);
    if (problem) return { ok: false, reason: `finding ${index} ${problem}` };
  }
  const stats = isRecord(value.stats) ? value.stats : {};
  const report: ScanReport = {
    ...(value as unknown as ScanReport),
    findings: value.findings as Finding[],
    stats: {
      filesScanned: Number(stats.filesScanned ?? 0),
      bytesScanned: Number(stats.bytesScanned ?? 0),
      durationMs: Number(stats.durationMs ?? 0),
      skipped: Array.isArray(stats.skipped) ? (stats.skipped as ScanReport['stats']['skipped']) : [],
      suppressed: Number(stats.suppressed ?? 0),
      baselined: Number(stats.baselined ?? 0),
    },
  };
  return { ok: true, report };
}
