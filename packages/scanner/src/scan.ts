/**
 * The directory audit, stage by stage: discover → analyse → classify → suppress. The result is a
 * ScanReport that any report format can render.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FileAnalysis } from './analyse/index.js';
import { AnalysisThreads, type AnalysisProgress } from './analyse/parallel.js';
import { classify } from './classify/index.js';
import { loadConfig, UsageError, type EngiumConfig } from './config.js';
import { discoverFiles, includeTrackedIgnored, type DiscoverOptions, type Discovery } from './discover/index.js';
import { trackedIgnoredFiles } from './discover/tracked.js';
import type { OnSecret, ScanReport, ScanWarning, SkippedFile } from './finding.js';
import { applySuppressions, readBaseline } from './suppress/index.js';

export type ScanProgress = AnalysisProgress;

export interface ScanOptions {
  /** Config file; default: engium.config.json in the directory, if any. */
  configFile?: string;
  /** An already loaded config (wins over configFile). */
  config?: EngiumConfig;
  /** Findings in this baseline file are kept, marked `baselined`, and do not fail the run. */
  baselineFile?: string;
  /** Called once per distinct key, before the report exists (the action masks keys with it). */
  onSecret?: OnSecret;
  /** Run the module-graph pass (default: config.programAnalysis, else true). */
  programAnalysis?: boolean;
  /** Called now and then while files are read. */
  onProgress?: (progress: ScanProgress) => void;
  /** Threads that read files: 1 keeps to the calling thread; default: one per core, up to four, for big scans (one on two cores). */
  threads?: number;
}

function assertDirectory(root: string): void {
  let stats;
  try {
    stats = statSync(root);
  } catch (error) {
    throw new UsageError(`cannot scan ${root}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (!stats.isDirectory()) throw new UsageError(`cannot scan ${root}: not a directory`);
}

const byPosition = (a: { file: string; line: number; column: number }, b: { file: string; line: number; column: number }): number =>
  (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;

/**
 * Stages 1 and 2: discover the files, then analyse them. Worker threads start while the walk goes
 * on, and git (asked for force-added files) answers meanwhile.
 */
async function discoverAndAnalyse(
  root: string,
  config: EngiumConfig,
  trackedIgnored: Promise<string[]>,
  options: ScanOptions,
): Promise<{ discovery: Discovery; analysed: FileAnalysis[]; problems: ScanWarning[] }> {
  const threads = new AnalysisThreads(options.threads);
  try {
    const discoverOptions: DiscoverOptions = {
      ...(config.include ? { include: config.include } : {}),
      ...(config.exclude ? { exclude: config.exclude } : {}),
      ...(config.buildDirs ? { buildDirs: config.buildDirs } : {}),
    };
    const discovery = discoverFiles(root, { ...discoverOptions, onFileFound: threads.discovered });
    includeTrackedIgnored(root, discovery, await trackedIgnored, discoverOptions);
    const { analyses, problems } = await threads.analyse(discovery.files, { root }, options.onProgress);
    return { discovery, analysed: analyses, problems };
  } finally {
    await threads.close();
  }
}

export async function scanDirectory(dir: string, options: ScanOptions = {}): Promise<ScanReport> {
  const started = performance.now();
  const root = resolve(dir);
  assertDirectory(root);
  const trackedIgnored = trackedIgnoredFiles(root);
  const config = options.config ?? (await loadConfig(root, options.configFile));
  const baseline = options.baselineFile !== undefined ? readBaseline(options.baselineFile) : undefined;

  const { discovery, analysed, problems: analysisProblems } = await discoverAndAnalyse(root, config, trackedIgnored, options);
  const warnings: ScanWarning[] = [...analysisProblems];
  const analyses: FileAnalysis[] = [];
  const skipped: SkippedFile[] = [...discovery.skipped];
  let bytesScanned = 0;
  let filesScanned = 0;
  for (const analysis of analysed) {
    if (analysis.skipped) skipped.push(analysis.skipped);
    else {
      filesScanned++;
      bytesScanned += analysis.bytes;
    }
    warnings.push(...analysis.warnings);
    if (analysis.hits.length > 0) analyses.push(analysis);
  }

  if (options.onSecret) {
    const keys = new Set(analyses.flatMap((analysis) => analysis.hits.map((hit) => hit.key)));
    for (const key of keys) options.onSecret(key);
  }

  const { candidates, problems } = await classify(analyses, {
    root,
    config,
    files: discovery.files,
    ...(options.programAnalysis !== undefined ? { programAnalysis: options.programAnalysis } : {}),
  });
  warnings.push(...problems);
  const { findings, suppressed, baselined } = applySuppressions(candidates, {
    ...(config.allowlist ? { allowlist: config.allowlist } : {}),
    ...(baseline ? { baseline } : {}),
  });
  findings.sort(byPosition);
  return {
    version: 1,
    findings,
    stats: {
      filesScanned,
      bytesScanned,
      durationMs: Math.round(performance.now() - started),
      skipped,
      suppressed,
      baselined,
      warnings,
    },
  };
}
