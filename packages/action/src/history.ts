/** The commits of a range (or the whole history), scanned by the scanner's history source. */
import { historyReport, type Finding, type OnSecret, type ScanWarning, type SkippedFile } from '@engium/scanner';

export interface HistoryResult {
  findings: Finding[];
  skipped: SkippedFile[];
  suppressed: number;
  filesScanned: number;
  bytesScanned: number;
  warnings: ScanWarning[];
}

export interface HistoryScanOptions {
  configFile: string;
  baselineFile?: string;
  onSecret: OnSecret;
  /** False for a pull request's own commits: an `engium-ignore` it adds itself hides nothing. */
  inlineIgnores?: boolean;
}

/**
 * Scans the lines that the commits of `range` added (`A..B`, or undefined for HEAD's whole history),
 * keeping the findings inside `prefix` (the scanned folder of a monorepo). History paths are
 * repository-relative already.
 */
export async function scanCommits(repo: string, prefix: string, range: string | undefined, options: HistoryScanOptions): Promise<HistoryResult> {
  const report = await historyReport(repo, { ...options, ...(range !== undefined ? { range } : {}) });
  const inside = (file: string) => prefix === '' || file.startsWith(`${prefix}/`);
  return {
    findings: report.findings.filter((finding) => inside(finding.file)),
    skipped: report.stats.skipped.filter((entry) => inside(entry.file)),
    suppressed: report.stats.suppressed,
    filesScanned: report.stats.filesScanned,
    bytesScanned: report.stats.bytesScanned,
    warnings: report.stats.warnings ?? [],
  };
}
