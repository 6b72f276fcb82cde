/**
 * The directory audit, stage by stage: discover → analyse → classify → suppress. The result is a
 * ScanReport that any report format can render.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { FileAnalysis } from './analyse/index.js';
import { AnalysisThreads, type AnalysisProgress } from './analyse/parallel.js';
import { classifyOn, wantsProgramAnalysis } from './classify/index.js';
import { ClassifyThread } from './classify/thread.js';
import type { ModuleHead } from './graph/module-head.js';
import { isModuleFile } from './graph/source-files.js';
import { loadConfig, UsageError, type EngiumConfig } from './config.js';
import { BuildDirMatcher } from './discover/build-dirs.js';
import { buildDirOf, discoverFiles, includeTrackedIgnored, isEnvFile, type DiscoverOptions, type DiscoveredFile, type Discovery, type ShippedTo } from './discover/index.js';
import { archiveFormatOf, isPrecompressedCopy } from './sources/archives/formats.js';
import { archiveLimitsOf, type ArchiveLimits } from './sources/archives/limits.js';
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
  /**
   * Build the module graph on a thread of its own while files are read (default: true where the
   * worker script exists). A thread already started (the CLI starts it before it loads the
   * scanner) is taken over: the scan closes it.
   */
  classifyThread?: boolean | ClassifyThread;
  /** Called now and then while files are read. */
  onProgress?: (progress: ScanProgress) => void;
  /** Threads that read files: 1 keeps to the calling thread; default: one per core, up to four, for big scans (one on two cores). */
  threads?: number;
  /** Limits on what archives may make the scan read (defaults: the config's `archiveLimits`, then DEFAULT_ARCHIVE_LIMITS). */
  archiveLimits?: Partial<ArchiveLimits>;
}

/** What to scan: a directory walked by discovery, or a given list of files under a root. */
export type ScanTarget = { kind: 'directory'; root: string } | { kind: 'files'; root: string; files: DiscoveredFile[] };

/** A directory is walked; a single file (an archive, an app, a bundle) is scanned alone, from its folder. */
function targetOf(path: string): ScanTarget {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw new UsageError(`cannot scan ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (stats.isDirectory()) return { kind: 'directory', root: path };
  if (!stats.isFile()) throw new UsageError(`cannot scan ${path}: not a file or a directory`);
  return singleFileTarget(path);
}

/**
 * A file the user named, scanned alone from its folder, where it really is: a link given on the
 * command line is theirs to follow (the reader follows none, so the link itself would be skipped
 * and the run pass).
 */
export function singleFileTarget(path: string, shipped?: ShippedTo): ScanTarget {
  const real = realpathSync(path);
  return { kind: 'files', root: dirname(real), files: [fileRecord(dirname(real), basename(real), shipped)] };
}

const BUILD_DIR_MATCHER = new BuildDirMatcher();

/** A file named by the caller rather than found by the walk: its role from its path alone. */
export function fileRecord(root: string, path: string, shipped?: ShippedTo): DiscoveredFile {
  const buildDir = buildDirOf(BUILD_DIR_MATCHER, path);
  return {
    path,
    absolutePath: resolve(root, ...path.split('/')),
    role: isEnvFile(path) ? 'env' : buildDir ? 'build' : 'source',
    gitignored: false,
    ...(buildDir ? { buildDir } : {}),
    ...(shipped ? { shipped } : {}),
  };
}

const byPosition = (a: { file: string; line: number; column: number }, b: { file: string; line: number; column: number }): number =>
  (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;

/** Called once the sources and env files are read, before the built output. */
type OnSourcesRead = (files: readonly DiscoveredFile[], analyses: readonly FileAnalysis[]) => void;

/**
 * Stages 1 and 2: discover the files, then analyse them: sources and env files first (the module
 * graph needs them, and the classify thread builds it while built output is read), then built
 * output and archives. Worker threads start while the walk goes on, and git (asked for
 * force-added files) answers meanwhile. Analyses come back in discovery order.
 */
async function discoverAndAnalyse(
  target: ScanTarget,
  config: EngiumConfig,
  options: ScanOptions & { moduleHeads: boolean },
  onSourcesRead: OnSourcesRead,
): Promise<{ discovery: Discovery; analysed: FileAnalysis[]; problems: ScanWarning[]; skipped: SkippedFile[] }> {
  const { root } = target;
  const threads = new AnalysisThreads(options.threads);
  try {
    let discovery: Discovery;
    const discoveryProblems: ScanWarning[] = [];
    if (target.kind === 'directory') {
      const trackedIgnored = trackedIgnoredFiles(root);
      const discoverOptions: DiscoverOptions = {
        ...(config.include ? { include: config.include } : {}),
        ...(config.exclude ? { exclude: config.exclude } : {}),
        ...(config.buildDirs ? { buildDirs: config.buildDirs } : {}),
      };
      discovery = discoverFiles(root, { ...discoverOptions, onFileFound: threads.discovered });
      const tracked = await trackedIgnored;
      includeTrackedIgnored(root, discovery, tracked.files, discoverOptions);
      if (tracked.problem) discoveryProblems.push({ file: '.', message: tracked.problem });
    } else discovery = { files: target.files, skipped: [] };
    // Archives are read here, entry by entry; every other file goes to the analysis threads,
    // sources and env files first.
    const archives: DiscoveredFile[] = [];
    const sources: DiscoveredFile[] = [];
    const built: DiscoveredFile[] = [];
    const paths = new Set(discovery.files.map((file) => file.path));
    for (const file of discovery.files) {
      const format = archiveFormatOf(file.path);
      // A precompressed copy (`app.js.gz`) beside its original holds the same bytes: the original is read.
      if (format !== undefined && isPrecompressedCopy(file.path, format, paths)) continue;
      (format !== undefined ? archives : file.role === 'build' ? built : sources).push(file);
    }
    const context = { root, moduleHeads: options.moduleHeads };
    const first = await threads.analyse(sources, context, options.onProgress);
    onSourcesRead(discovery.files, first.analyses);
    const readBefore = { files: sources.length, bytes: first.analyses.reduce((total, analysis) => total + analysis.bytes, 0) };
    const second = await threads.analyse(
      built,
      context,
      options.onProgress &&
        ((progress) => options.onProgress?.({ filesDone: readBefore.files + progress.filesDone, filesTotal: sources.length + built.length, bytesDone: readBefore.bytes + progress.bytesDone })),
    );
    const order = new Map(discovery.files.map((file, index) => [file, index]));
    const analyses = [...first.analyses, ...second.analyses].sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
    const problems = [...discoveryProblems, ...first.problems, ...second.problems];
    const skipped: SkippedFile[] = [];
    if (archives.length === 0) return { discovery, analysed: analyses, problems, skipped };
    // The readers (yauzl, tar-stream, @electron/asar) load only when there is an archive to read.
    const { ArchiveReaderSet } = await import('./sources/archives/index.js');
    const reader = new ArchiveReaderSet({ root }, { ...archiveLimitsOf(config.archiveLimits), ...options.archiveLimits });
    for (const archive of archives) {
      const scanned = await reader.scan(archive);
      analyses.push(...scanned.analyses);
      problems.push(...scanned.warnings);
      if (scanned.skipped) skipped.push(scanned.skipped);
    }
    return { discovery, analysed: analyses, problems, skipped };
  } finally {
    await threads.close();
  }
}

/** Audits a directory, or a single file (an archive, an app package, a bundle). */
export async function scanDirectory(path: string, options: ScanOptions = {}): Promise<ScanReport> {
  return scanTarget(targetOf(resolve(path)), options);
}

/** Audits `target`: the stages in order, whatever the files came from. */
export async function scanTarget(target: ScanTarget, options: ScanOptions = {}): Promise<ScanReport> {
  const started = performance.now();
  const root = resolve(target.root);
  const config = options.config ?? (await loadConfig(root, options.configFile));
  const baseline = options.baselineFile !== undefined ? readBaseline(options.baselineFile) : undefined;
  const classifyOptions = { root, config, ...(options.programAnalysis !== undefined ? { programAnalysis: options.programAnalysis } : {}) };
  const useGraph = wantsProgramAnalysis(classifyOptions);
  // Started first, so TypeScript loads while this thread walks and reads.
  const given = options.classifyThread instanceof ClassifyThread ? options.classifyThread : undefined;
  let thread = useGraph && options.classifyThread !== false ? (given ?? ClassifyThread.start()) : undefined;
  // A thread started before the config said no graph.
  if (given && thread !== given) void given.close();
  try {
    let heads: Map<string, ModuleHead> | undefined;
    const { discovery, analysed, problems: analysisProblems, skipped: archivesSkipped } = await discoverAndAnalyse(
      { ...target, root },
      config,
      { ...options, moduleHeads: useGraph },
      (files, sources) => {
        heads = headsOf(sources);
        // Without a source module there is no graph to build: built output goes by the folder rules.
        if (!files.some((file) => file.role !== 'build' && !file.archive && isModuleFile(file.path))) {
          void thread?.close();
          thread = undefined;
        }
        thread?.prepare({ ...classifyOptions, files, heads }, sources.filter((analysis) => analysis.hits.length > 0));
      },
    );
    const warnings: ScanWarning[] = [...analysisProblems];
    const analyses: FileAnalysis[] = [];
    const skipped: SkippedFile[] = [...discovery.skipped, ...archivesSkipped];
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

    const { candidates, problems } = await classifyOn(thread, analyses, { ...classifyOptions, files: discovery.files, ...(heads ? { heads } : {}) });
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
  } finally {
    await thread?.close();
  }
}

/** The source modules' head marks the text pass took. */
function headsOf(analyses: readonly FileAnalysis[]): Map<string, ModuleHead> {
  return new Map(analyses.flatMap((analysis) => (analysis.head ? [[analysis.file.path, analysis.head] as const] : [])));
}

