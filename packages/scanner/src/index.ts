export * from './finding.js';
export * from './analyse/key-hits.js';
export * from './merge/merge-reports.js';
export * from './merge/read-report.js';
export { scanDirectory, scanTarget, type ScanOptions, type ScanProgress, type ScanTarget } from './scan.js';
export { packTarget } from './sources/npm-pack.js';
export { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './sources/archives/limits.js';
export { loadConfig, UsageError, CONFIG_FILE_NAME, CONFIG_SCHEMA_PATH, type EngiumConfig, type AllowlistEntry } from './config.js';
export { buildFinding, type FindingCandidate, type FindingContext, type HitLike } from './classify/finding.js';
export { snippetOf } from './analyse/snippet.js';
export {
  applySuppressions,
  baselineOf,
  readBaseline,
  writeBaseline,
  formatBaseline,
  type Baseline,
  type BaselineEntry,
  type Suppressions,
  type SuppressionResult,
} from './suppress/index.js';
export { leaksOf, placeRole, comparePlaces, compareExposure, type PlaceRole } from './report/index.js';
export { renderReport, writeReport, exitCodeFor, wantsColor, summaryLine, toSarif, renderJson, type ReportFormat, type RenderOptions, type WriteOptions } from './report/index.js';
export { escapeText, escapeJson, jsonOutput, redactReport, errorMessage } from './report/escape.js';
export { RULES, ruleById, type ScanRule } from './rules.js';
export { discoverFiles, type DiscoveredFile, type DiscoverOptions } from './discover/index.js';
export { DEFAULT_BUILD_DIRS } from './discover/build-dirs.js';
export { historyReport, type HistoryReportOptions } from './git/history-report.js';
export { isUnreadCommit } from './git/history-scan.js';
export { stagedReport } from './git/staged-report.js';
export type { GitReportOptions } from './git/report-parts.js';
export { runGit, tryGit, GitError, TEXT_DIFF_OPTIONS } from './git/process.js';
export { unquotePath } from './git/quoted-path.js';
