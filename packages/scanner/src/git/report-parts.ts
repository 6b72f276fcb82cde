// What the history and staged reports share with the directory audit: config, path filters,
// suppressions (inline engium-ignore, allowlist, baseline) and the report shape.
import { loadConfig, UsageError, type EngiumConfig } from '../config.js';
import type { FindingCandidate } from '../classify/finding.js';
import type { ScanReport, ScanWarning, SkippedFile } from '../finding.js';
import { GitError } from './process.js';

export interface GitReportOptions {
  /** Config file; default: engium.config.json at the scanned directory, if any. */
  configFile?: string;
  /** Findings in this baseline file are kept, marked `baselined`, and do not fail the run. */
  baselineFile?: string;
  /** Called once per distinct key, in memory only (the action masks keys with it). */
  onSecret?: (key: string) => void;
  /**
   * Whether `engium-ignore` comments hide findings (default: true). The GitHub Action turns it off
   * for a pull request's own commits, since an ignore comment the change adds itself does not count.
   */
  inlineIgnores?: boolean;
}

export interface Setup {
  config: EngiumConfig;
  /** True for paths the config's include/exclude globs leave out. */
  skipPath: (path: string) => boolean;
}

export async function setUp(dir: string, options: GitReportOptions): Promise<Setup> {
  const config = await loadConfig(dir, options.configFile);
  // picomatch loads only for configs with globs: a pre-commit hook pays for nothing it does not use.
  const globs = config.include?.length || config.exclude?.length ? (await import('picomatch')).default : undefined;
  const included = globs && config.include?.length ? globs(config.include, { dot: true }) : undefined;
  const excluded = globs && config.exclude?.length ? globs(config.exclude, { dot: true }) : undefined;
  return { config, skipPath: (path) => (included !== undefined && !included(path)) || (excluded?.(path) ?? false) };
}

export interface ReportParts {
  candidates: FindingCandidate[];
  filesScanned: number;
  bytesScanned: number;
  skipped: SkippedFile[];
  warnings?: ScanWarning[];
  /** Date.now() when the run began (not `performance`, whose first use costs a pre-commit hook ~10 ms). */
  started: number;
}

const byPosition = (a: FindingCandidate, b: FindingCandidate): number =>
  (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;

export async function assembleReport(parts: ReportParts, config: EngiumConfig, options: GitReportOptions): Promise<ScanReport> {
  // Loaded only when needed: a clean commit (the usual case) never pays for the suppression stage.
  const { applySuppressions, readBaseline } =
    parts.candidates.length > 0 || options.baselineFile !== undefined ? await import('../suppress/index.js') : { applySuppressions: undefined, readBaseline: undefined };
  const candidates = options.inlineIgnores === false ? parts.candidates.map(({ ignoredInline: _ignored, ...candidate }) => candidate) : parts.candidates;
  const baseline = options.baselineFile !== undefined ? readBaseline?.(options.baselineFile) : undefined;
  const { findings, suppressed, baselined } = applySuppressions
    ? applySuppressions([...candidates].sort(byPosition), {
        ...(config.allowlist ? { allowlist: config.allowlist } : {}),
        ...(baseline ? { baseline } : {}),
      })
    : { findings: [], suppressed: 0, baselined: 0 };
  return {
    version: 1,
    findings,
    stats: {
      filesScanned: parts.filesScanned,
      bytesScanned: parts.bytesScanned,
      durationMs: Math.round(Date.now() - parts.started),
      skipped: parts.skipped,
      suppressed,
      baselined,
      ...(parts.warnings?.length ? { warnings: parts.warnings } : {}),
    },
  };
}

/** Git failures and bad refs are the user's to fix: they become usage errors (exit 2) with git's words. */
export function asUsageError(error: unknown): unknown {
  if (error instanceof GitError) return new UsageError(error.message);
  return error;
}
