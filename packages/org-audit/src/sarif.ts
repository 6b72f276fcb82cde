import { findingsInRepository, toSarif, type ScanReport } from '@engium/scanner';
import type { Log } from 'sarif';

/** One repository's places from the merged report, as engium-scan's own SARIF for that repository. */
export function sarifForRepository(merged: ScanReport, repository: string): Log {
  const findings = findingsInRepository(merged, repository);
  const skipped = merged.stats.skipped.filter((entry) => entry.repository === repository);
  return toSarif({ version: 1, repository, findings, stats: { ...merged.stats, skipped, warnings: [] } });
}
