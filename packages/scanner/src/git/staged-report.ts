// `engium-scan staged`: the index as the source, then the shared classify → suppress → report
// stages. Nothing here loads the program analysis, and a clean commit (the usual case) does not
// even load the finding builder or the suppression stage.
import type { ScanReport } from '../finding.js';
import type { FindingCandidate } from '../classify/finding.js';
import { assembleReport, setUp, type GitReportOptions } from './report-parts.js';
import { scanStaged, type StagedHit } from './staged-scan.js';

async function candidatesOf(hits: readonly StagedHit[]): Promise<FindingCandidate[]> {
  if (hits.length === 0) return [];
  const [{ buildFinding }, { RULES }] = await Promise.all([import('../classify/finding.js'), import('../rules.js')]);
  return hits.map(({ hit, exposure, file }) =>
    buildFinding(hit, {
      file,
      ruleId: RULES.stagedKey.id,
      // A LineExposure holds only the fields it has: exposure, reason, chain, envVariable.
      ...exposure,
    }),
  );
}

export async function stagedReport(dir: string, options: GitReportOptions = {}): Promise<ScanReport> {
  const started = Date.now();
  const { config, skipPath } = await setUp(dir, options);
  const scan = await scanStaged(dir, { skipPath, ...(config.publicEnvPrefixes ? { publicEnvPrefixes: config.publicEnvPrefixes } : {}) });
  if (options.onSecret) for (const key of new Set(scan.hits.map(({ hit }) => hit.key))) options.onSecret(key);
  const candidates = await candidatesOf(scan.hits);
  return await assembleReport({ candidates, filesScanned: scan.filesScanned, bytesScanned: scan.bytesScanned, skipped: scan.skipped, started }, config, options);
}
