/**
 * The report files a run leaves for later steps: the JSON report in engium-scan's format
 * (`{version: 1, findings, leaks, stats}`, what `engium-scan merge` and the organisation audit read) and the
 * file writer the SARIF report shares.
 */
import { renderJson, type ScanReport } from '@engium/scanner';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { KeyFinding, RunResults } from './results.js';

/** The run's key findings as an engium-scan report; the action's own notes on each finding are left out. */
export function scanReport(results: RunResults, findings: readonly KeyFinding[] = results.findings): ScanReport {
  return {
    version: 1,
    findings: findings.map(({ onChangedLine: _changed, unapprovedSuppression: _unapproved, alsoReportedBy: _lint, lineAtHead: _line, ...finding }) => finding),
    stats: {
      filesScanned: results.scanned.files,
      bytesScanned: results.scanned.bytes,
      durationMs: results.scanned.durationMs,
      skipped: results.skipped,
      suppressed: results.suppressed,
      baselined: findings.filter((finding) => finding.baselined).length,
      warnings: results.scanned.warnings,
    },
  };
}

/** Writes `text` to `path` (making its folder) and returns the path. */
export async function writeTextFile(path: string, text: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  return path;
}

/**
 * The JSON report: every key finding, with the history findings that the summary and SARIF leave
 * out as repeats, so the report says in which commit each key arrived.
 */
export async function writeJsonReport(results: RunResults, path: string): Promise<string> {
  // engium-scan's own writer, so the file carries the same `leaks` list the CLI writes.
  return writeTextFile(path, renderJson(scanReport(results, [...results.findings, ...results.repeatedInHistory])));
}
