// `engium-scan staged`: the index as the source, then the shared classify → suppress → report
// stages. Nothing here loads the program analysis.
import type { ScanReport } from '../finding.js';
import { buildFinding } from '../classify/finding.js';
import { RULES } from '../rules.js';
import { assembleReport, setUp, type GitReportOptions } from './report-parts.js';
import { scanStaged } from './staged-scan.js';

export async function stagedReport(dir: string, options: GitReportOptions = {}): Promise<ScanReport> {
  const started = Date.now();
  const { config, skipPath } = await setUp(dir, options);
  const scan = await scanStaged(dir, { skipPath, ...(config.publicEnvPrefixes ? { publicEnvPrefixes: config.publicEnvPrefixes } : {}) });
  if (options.onSecret) for (const key of new Set(scan.hits.map(({ hit }) => hit.key))) options.onSecret(key);
  const candidates = scan.hits.map(({ hit, exposure, file }) =>
    buildFinding(hit, {
      file,
      ruleId: RULES.stagedKey.id,
      exposure: exposure.exposure,
      ...(exposure.reason ? { reason: exposure.reason } : {}),
      ...(exposure.chain ? { chain: exposure.chain } : {}),
      ...(exposure.envVariable ? { envVariable: exposure.envVariable } : {}),
    }),
  );
  return assembleReport({ candidates, filesScanned: scan.filesScanned, bytesScanned: scan.bytesScanned, skipped: scan.skipped, started }, config, options);
}
