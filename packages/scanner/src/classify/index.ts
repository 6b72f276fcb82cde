/**
 * Stage 3, classify: where each key goes. Env rules come first (a public prefix ships the key to
 * every browser; a server-only name in a gitignored env file is where keys belong). Source and
 * built files ask the program analysis (the module graph), loaded only when there is something
 * to classify, so clean scans never pay for ts-morph.
 */
import { fileMarker, publicEnvPrefix, type Exposure } from '@engium/core';
import type { EngiumConfig } from '../config.js';
import type { ScanWarning } from '../finding.js';
import type { AnalysedHit, FileAnalysis } from '../analyse/index.js';
import type { DiscoveredFile, ShippedTo } from '../discover/index.js';
import { analyseBuildOutput, type BuildOutputAnalysis } from '../graph/build-output.js';
import { isModuleFile } from '../graph/source-files.js';
import type { ModuleHead } from '../graph/module-head.js';
import type { ConfigInjection, ModuleExposure, ProgramAnalysis } from '../graph/types.js';
import { saveCodeCache } from '../code-cache.js';
import { RULES } from '../rules.js';
import { buildFinding, type FindingCandidate } from './finding.js';
import { publicAssignmentAt } from './public-assignment.js';
import { shippedValueAt, shippedValueRanges, type ShippedRange } from './shipped-values.js';
import type { ClassifyThread } from './thread.js';

export { buildFinding, type FindingCandidate, type FindingContext, type HitLike } from './finding.js';

/** What classification asks of each discovered file. */
export type ClassifyFile = Pick<DiscoveredFile, 'path' | 'role' | 'archive'>;

export interface ClassifyOptions {
  root: string;
  config: EngiumConfig;
  /** Every discovered file (the graph parses what it needs of them). */
  files: readonly ClassifyFile[];
  /** Run the module graph (default: config.programAnalysis, else true). */
  programAnalysis?: boolean;
  /** The source modules' head marks, taken by the text pass (the graph then reads no module for them). */
  heads?: ReadonlyMap<string, ModuleHead>;
}

export interface Classification {
  candidates: FindingCandidate[];
  /** Files the program analysis could not parse or resolve. */
  problems: ScanWarning[];
}

const UNKNOWN: ModuleExposure = { exposure: 'unknown', reason: 'no client or server marker' };

/** Exposure from a file's own markers, when the module graph is off. */
function markerExposure(file: string, marker: ReturnType<typeof fileMarker>): ModuleExposure {
  if (!marker) return UNKNOWN;
  return { exposure: marker.side, reason: marker.reason, ...(marker.side === 'client' ? { chain: [`${file} (${marker.id})`] } : {}) };
}

function sourcePaths(options: ClassifyOptions): string[] {
  return options.files.filter((file) => file.role !== 'build' && !file.archive).map((file) => file.path);
}

const buildOutputs = new WeakMap<readonly ClassifyFile[], BuildOutputAnalysis>();

/** The folder rules over the scan's files, worked out once per scan (the classify thread classifies twice). */
function buildOutputOf(options: ClassifyOptions): BuildOutputAnalysis {
  let builds = buildOutputs.get(options.files);
  if (!builds) {
    builds = analyseBuildOutput(options.root, sourcePaths(options));
    buildOutputs.set(options.files, builds);
  }
  return builds;
}

/** Whether a scan runs the module graph: the option, else the config's, else yes. */
export function wantsProgramAnalysis(options: Pick<ClassifyOptions, 'programAnalysis' | 'config'>): boolean {
  return options.programAnalysis ?? options.config.programAnalysis ?? true;
}

/** The module graph over the scanned sources. */
export async function loadProgramAnalysis(options: ClassifyOptions): Promise<ProgramAnalysis> {
  // A dynamic import: ts-morph loads only when a scan has findings to classify.
  const { analyseProgram } = await import('../graph/index.js');
  return analyseProgram(options.root, {
    files: sourcePaths(options),
    ...(options.config.clientEntries ? { clientEntries: options.config.clientEntries } : {}),
    ...(options.config.publicEnvPrefixes ? { publicEnvPrefixes: options.config.publicEnvPrefixes } : {}),
    ...(options.heads ? { heads: options.heads } : {}),
    buildOutput: buildOutputOf(options),
  });
}

/**
 * The findings of `analyses`. `loadProgram` gives the module graph, asked for only when a finding
 * needs it (the classify thread hands over one it built while the files were read).
 */
export async function classify(
  analyses: readonly FileAnalysis[],
  options: ClassifyOptions,
  loadProgram: () => Promise<ProgramAnalysis> = () => loadProgramAnalysis(options),
): Promise<Classification> {
  const withHits = analyses.filter((analysis) => analysis.hits.length > 0);
  const problems: ScanWarning[] = [];
  if (withHits.length === 0) return { candidates: [], problems };
  let program: ProgramAnalysis | undefined;
  // The folder rules and package.json need no TypeScript: they decide built files by themselves.
  const builds = buildOutputOf(options);
  if (graphWanted(withHits, options, builds)) {
    try {
      program = await loadProgram();
      problems.push(...program.problems.map(({ file, reason }) => ({ file, message: `program analysis: ${reason}` })));
    } catch (error) {
      problems.push({ file: '.', message: `program analysis failed (${(error as Error).message}); exposure comes from file markers alone` });
    }
  }
  if (!program) problems.push(...builds.problems.map(({ file, reason }) => ({ file, message: `program analysis: ${reason}` })));
  // Server builds that carry values to browsers (Nitro's public runtime config): where those lie.
  const shippedValues = await shippedValueRanges(options.root, withHits);
  const candidates: FindingCandidate[] = [];
  // Built files first: a browser bundle whose map leads a key back to its source ships that source.
  const shipped = new Map<string, ShippedCopy>();
  const ordered = [...withHits.filter(({ file }) => file.role === 'build'), ...withHits.filter(({ file }) => file.role !== 'build')];
  for (const analysis of ordered) {
    for (const hit of analysis.hits) {
      const candidate = classifyHit(hit, analysis, options, program, builds, shipped, shippedValues);
      if (candidate && analysis.file.archive) candidate.archive = { ...analysis.file.archive };
      if (!candidate) continue;
      candidates.push(candidate);
      const origin = candidate.origin;
      if (analysis.file.role === 'build' && !analysis.file.archive && candidate.exposure === 'client' && origin?.inRepository) {
        const key = shippedKey(candidate.secret.fingerprint, origin.file);
        if (!shipped.has(key)) shipped.set(key, { file: candidate.file, chain: candidate.chain ?? [] });
      }
    }
  }
  // The parser has run by now, so a first run's code cache holds its compiled code too.
  if (program) saveCodeCache();
  return { candidates, problems };
}

/** Origins of a build hit in this repository, the source the key maps back to first. */
function mappedSourcesOf(hit: AnalysedHit): string[] {
  return hit.origin?.inRepository ? [hit.origin.file, ...(hit.mappedSources ?? [])] : (hit.mappedSources ?? []);
}

/** Whether classifying `analyses` loads the module graph. */
export function needsProgram(analyses: readonly FileAnalysis[], options: ClassifyOptions): boolean {
  const withHits = analyses.filter((analysis) => analysis.hits.length > 0);
  return withHits.length > 0 && graphWanted(withHits, options, buildOutputOf(options));
}

function graphWanted(withHits: readonly FileAnalysis[], options: ClassifyOptions, builds: BuildOutputAnalysis): boolean {
  // Archive entries and shipped files are never in the module graph: only other hits are worth loading it for.
  const graphHits = withHits.filter(({ file }) => !file.archive && !file.shipped);
  return wantsProgramAnalysis(options) && needsGraph(graphHits, options, builds);
}

/**
 * Whether any finding needs the module graph: a key in a source or env file does; a key in built
 * output only when the folder rules leave it open, or when its source map leads to a module of
 * this tree (whose import chain names what shipped it). A tree of build output alone never does.
 */
function needsGraph(withHits: readonly FileAnalysis[], options: ClassifyOptions, builds: BuildOutputAnalysis): boolean {
  if (withHits.some((analysis) => analysis.file.role !== 'build')) return true;
  const modules = new Set(options.files.filter((file) => file.role !== 'build' && isModuleFile(file.path)).map((file) => file.path));
  if (modules.size === 0) return false;
  return withHits.some((analysis) =>
    analysis.hits.some((hit) => {
      const mapped = mappedSourcesOf(hit);
      if (mapped.some((source) => modules.has(source) || modules.has(source.replace(/^(?:webpack:\/\/[^/]*\/)?(?:\.{1,2}\/)+/, '')))) return true;
      return builds.buildExposure(analysis.file.path, mapped).exposure === 'unknown';
    }),
  );
}

/** A key's copy in a file browsers receive, which its source map leads back to a source file. */
interface ShippedCopy {
  file: string;
  chain: string[];
}

function shippedKey(fingerprint: string, source: string): string {
  return `${fingerprint}\0${source}`;
}

function classifyHit(
  hit: AnalysedHit,
  analysis: FileAnalysis,
  options: ClassifyOptions,
  program: ProgramAnalysis | undefined,
  builds: BuildOutputAnalysis,
  shipped: ReadonlyMap<string, ShippedCopy>,
  shippedValues: ReadonlyMap<string, ShippedRange[]>,
): FindingCandidate | undefined {
  const { file } = analysis;
  if (file.shipped) return classifyShippedHit(hit, file, file.shipped);
  if (file.role === 'env') return classifyEnvHit(hit, file, options, program);
  if (file.role === 'build') {
    // The source the key maps back to comes first: its chain is the one that ships the key.
    const mappedSources = mappedSourcesOf(hit);
    let exposure: ModuleExposure = (program ?? builds).buildExposure(file.path, mappedSources);
    if (exposure.exposure === 'unknown' && file.buildDir && file.buildDir.exposure !== 'unknown') {
      exposure = { exposure: file.buildDir.exposure, reason: file.buildDir.reason, ...(file.buildDir.exposure === 'client' ? { chain: [`${file.path} (${file.buildDir.reason})`] } : {}) };
    }
    // Output built into a folder the framework serves as it is (`public/`) reaches every browser.
    if (exposure.exposure !== 'client') exposure = staticExposure(builds, file.path) ?? exposure;
    // A server build may carry a value to every browser as it is (Nitro's public runtime config).
    const carried = exposure.exposure === 'client' ? undefined : shippedValueAt(shippedValues.get(file.path), hit.line, hit.column);
    if (carried) exposure = { exposure: 'client', reason: carried.value.reason, chain: [`${file.path}:${carried.from.line} (${carried.value.variable}.${carried.value.property})`] };
    return buildFinding(hit, {
      file: file.path,
      ruleId: RULES.bundleKey.id,
      ...exposureContext(exposure),
      ...(hit.origin ? { origin: hit.origin } : {}),
    });
  }
  // A key written into a value a build config injects as written ships with the build.
  const injected = program?.configExposure(file.path, hit.line);
  const definition = injected ? undefined : program?.importersOfDefinition(file.path, hit.line);
  let exposure = injected ?? definition?.exposure ?? program?.exposureOf(file.path) ?? markerExposure(file.path, analysis.marker);
  // A module that ships may hold the key in a loader or getServerSideProps, which its browser build strips.
  if (!injected && exposure.exposure === 'client') exposure = program?.serverExportAt(file.path, hit.line) ?? exposure;
  // Server-rendered code sends what it passes to client components or renders into the HTML.
  if (exposure.exposure !== 'client') exposure = program?.renderedAt(file.path, hit.line) ?? exposure;
  // Files of a build folder the discover step did not take as build output (`.next/` committed).
  if (exposure.exposure === 'unknown') exposure = layoutExposure(builds, file.path) ?? exposure;
  // A folder the framework serves as it is (`public/`): every browser can fetch the file.
  if (exposure.exposure !== 'client') exposure = staticExposure(builds, file.path) ?? exposure;
  // What the tree's own build output shows outweighs what the graph could not see (a build script it does not read).
  if (exposure.exposure !== 'client') exposure = shippedExposure(shipped.get(shippedKey(hit.secret.fingerprint, file.path)), file.path) ?? exposure;
  // A CI workflow, Dockerfile or script that sets a public variable to the key hands it to the build.
  const assigned = exposure.exposure === 'client' ? undefined : publicAssignmentAt(file.path, hit, options.config.publicEnvPrefixes ?? []);
  if (assigned) exposure = assigned.exposure;
  return buildFinding(hit, {
    file: file.path,
    ruleId: RULES.sourceKey.id,
    ...exposureContext(exposure),
    ...(definition?.readers.length ? { readers: definition.readers } : {}),
    ...(injected ? { injectedBy: injected.where } : {}),
    ...(assigned ? { advice: assigned.advice } : {}),
  });
}

/** Client, when a copy of the key in a file browsers receive maps back to this source. */
function shippedExposure(copy: ShippedCopy | undefined, file: string): ModuleExposure | undefined {
  if (!copy) return undefined;
  // The copy's chain may end at this file already, as its entry with a label (`app/routes/home.tsx (route module)`).
  const last = copy.chain.at(-1);
  const chain = last !== undefined && last !== file && !last.startsWith(`${file} (`) ? [...copy.chain, file] : copy.chain;
  return { exposure: 'client', reason: `its copy in ${copy.file}, which browsers receive, maps back to this file`, chain };
}

function staticExposure(builds: BuildOutputAnalysis, file: string): ModuleExposure | undefined {
  const verdict = builds.layouts.staticVerdict(file);
  return verdict && { exposure: 'client', reason: verdict.reason, chain: [`${file} (${verdict.framework} static file)`] };
}

function layoutExposure(builds: BuildOutputAnalysis, file: string): ModuleExposure | undefined {
  const verdict = builds.layouts.verdict(file);
  if (!verdict) return undefined;
  return { exposure: verdict.side, reason: verdict.reason, ...(verdict.side === 'client' ? { chain: [`${file} (${verdict.framework} build in ${verdict.folder})`] } : {}) };
}

/** A file inside an app package, or in the npm package about to be published, is in every user's hands. */
function classifyShippedHit(hit: AnalysedHit, file: DiscoveredFile, shipped: ShippedTo): FindingCandidate {
  return buildFinding(hit, {
    file: file.path,
    ruleId: RULES.shippedKey.id,
    exposure: 'client',
    reason: shipped.reason,
    chain: [`${file.archive?.file ?? file.path} (${shipped.kind})`],
  });
}

function exposureContext(exposure: ModuleExposure): { exposure: Exposure; reason: string; chain?: string[]; receivedBy?: string } {
  // A client verdict without a chain cannot be checked: it stays unknown.
  if (exposure.exposure === 'client' && !exposure.chain?.length) return { exposure: 'unknown', reason: exposure.reason };
  return {
    exposure: exposure.exposure,
    reason: exposure.reason,
    ...(exposure.chain ? { chain: exposure.chain } : {}),
    ...(exposure.exposure === 'client' && exposure.receivedBy !== undefined ? { receivedBy: exposure.receivedBy } : {}),
  };
}

function classifyEnvHit(hit: AnalysedHit, file: DiscoveredFile, options: ClassifyOptions, program: ProgramAnalysis | undefined): FindingCandidate | undefined {
  const variable = hit.envVariable;
  /** A variable that reaches the browser (or an app's users: `receivedBy`), by its public prefix or by a build config's injection. */
  const clientVariable = (name: string, reason: string, chain: string[], injection?: Partial<Pick<ConfigInjection, 'where' | 'receivedBy' | 'advice'>>): FindingCandidate => {
    const readers = program?.envReaders(name);
    return buildFinding(hit, {
      file: file.path,
      ruleId: RULES.publicEnvKey.id,
      exposure: 'client',
      reason,
      chain,
      envVariable: name,
      ...(injection?.where !== undefined ? { injectedBy: injection.where } : {}),
      ...(injection?.receivedBy !== undefined ? { receivedBy: injection.receivedBy } : {}),
      ...(injection?.advice !== undefined ? { advice: injection.advice } : {}),
      ...(readers?.readers.length ? { readers: readers.readers } : {}),
    });
  };
  const prefix = variable !== undefined ? publicEnvPrefix(variable, options.config.publicEnvPrefixes ?? []) : undefined;
  if (variable !== undefined && prefix) {
    const readerChain = program?.envReaders(variable)?.exposure.chain;
    return clientVariable(variable, prefix.reason, readerChain?.length ? readerChain : [`${file.path}: ${variable} (${prefix.reason})`], prefix.receivedBy !== undefined ? { receivedBy: prefix.receivedBy } : undefined);
  }
  // A build config that injects the variable into client code ships it whatever its name and file.
  const injected = variable !== undefined ? program?.envInjection(variable, file.path) : undefined;
  if (variable !== undefined && injected?.exposure === 'client') {
    return clientVariable(variable, injected.reason, [`${file.path}: ${variable}`, ...(injected.chain ?? [])], injected);
  }
  // A server-only variable in a gitignored env file is exactly where a key belongs.
  if (file.gitignored) return undefined;
  const readers = variable !== undefined ? program?.envReaders(variable, file.path) : undefined;
  const exposure: ModuleExposure = readers?.exposure ?? { exposure: 'server', reason: 'a server-only variable' };
  return buildFinding(hit, {
    file: file.path,
    ruleId: RULES.envFileKey.id,
    ...exposureContext(exposure),
    ...(variable !== undefined ? { envVariable: variable } : {}),
    ...(readers?.readers.length ? { readers: readers.readers } : {}),
  });
}

/**
 * Stage 3: on the classify thread when the graph is needed (it was built meanwhile), else here,
 * where the folder rules decide built files without TypeScript. Should the thread fail, the
 * classification runs here, with a warning that says so.
 */
export async function classifyOn(thread: ClassifyThread | undefined, analyses: readonly FileAnalysis[], options: ClassifyOptions): Promise<Classification> {
  if (!thread || !needsProgram(analyses, options)) return classify(analyses, options);
  try {
    return await thread.classify([...analyses]);
  } catch (error) {
    const classification = await classify(analyses, options);
    const message = `the classify thread failed (${error instanceof Error ? error.message : String(error)}); findings were classified on the main thread`;
    return { ...classification, problems: [{ file: '.', message }, ...classification.problems] };
  }
}
