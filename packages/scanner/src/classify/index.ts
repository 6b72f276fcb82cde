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
import type { ModuleExposure, ProgramAnalysis } from '../graph/types.js';
import { RULES } from '../rules.js';
import { buildFinding, type FindingCandidate } from './finding.js';

export { buildFinding, type FindingCandidate, type FindingContext, type HitLike } from './finding.js';

export interface ClassifyOptions {
  root: string;
  config: EngiumConfig;
  /** Every discovered file (the graph parses what it needs of them). */
  files: readonly DiscoveredFile[];
  /** Run the module graph (default: config.programAnalysis, else true). */
  programAnalysis?: boolean;
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

async function loadProgramAnalysis(options: ClassifyOptions): Promise<ProgramAnalysis> {
  // A dynamic import: ts-morph loads only when a scan has findings to classify.
  const { analyseProgram } = await import('../graph/index.js');
  return analyseProgram(options.root, {
    files: options.files.filter((file) => file.role !== 'build' && !file.archive).map((file) => file.path),
    ...(options.config.clientEntries ? { clientEntries: options.config.clientEntries } : {}),
    ...(options.config.publicEnvPrefixes ? { publicEnvPrefixes: options.config.publicEnvPrefixes } : {}),
  });
}

export async function classify(analyses: readonly FileAnalysis[], options: ClassifyOptions): Promise<Classification> {
  const withHits = analyses.filter((analysis) => analysis.hits.length > 0);
  const problems: ScanWarning[] = [];
  if (withHits.length === 0) return { candidates: [], problems };
  // Archive entries and shipped files are never in the module graph: only other hits are worth loading it for.
  const useGraph = (options.programAnalysis ?? options.config.programAnalysis ?? true) && withHits.some(({ file }) => !file.archive && !file.shipped);
  let program: ProgramAnalysis | undefined;
  if (useGraph) {
    try {
      program = await loadProgramAnalysis(options);
      problems.push(...program.problems.map(({ file, reason }) => ({ file, message: `program analysis: ${reason}` })));
    } catch (error) {
      problems.push({ file: '.', message: `program analysis failed (${(error as Error).message}); exposure comes from file markers alone` });
    }
  }
  const candidates: FindingCandidate[] = [];
  for (const analysis of withHits) {
    for (const hit of analysis.hits) {
      const candidate = classifyHit(hit, analysis, options, program);
      if (candidate && analysis.file.archive) candidate.archive = { ...analysis.file.archive };
      if (candidate) candidates.push(candidate);
    }
  }
  return { candidates, problems };
}

function classifyHit(hit: AnalysedHit, analysis: FileAnalysis, options: ClassifyOptions, program: ProgramAnalysis | undefined): FindingCandidate | undefined {
  const { file } = analysis;
  if (file.shipped) return classifyShippedHit(hit, file, file.shipped);
  if (file.role === 'env') return classifyEnvHit(hit, file, options, program);
  if (file.role === 'build') {
    // The source the key maps back to comes first: its chain is the one that ships the key.
    const mappedSources = hit.origin?.inRepository ? [hit.origin.file, ...(hit.mappedSources ?? [])] : (hit.mappedSources ?? []);
    let exposure: ModuleExposure = program?.buildExposure(file.path, mappedSources) ?? UNKNOWN;
    if (exposure.exposure === 'unknown' && file.buildDir && file.buildDir.exposure !== 'unknown') {
      exposure = { exposure: file.buildDir.exposure, reason: file.buildDir.reason, ...(file.buildDir.exposure === 'client' ? { chain: [`${file.path} (${file.buildDir.reason})`] } : {}) };
    }
    return buildFinding(hit, {
      file: file.path,
      ruleId: RULES.bundleKey.id,
      ...exposureContext(exposure),
      ...(hit.origin ? { origin: hit.origin } : {}),
    });
  }
  const definition = program?.importersOfDefinition(file.path, hit.line);
  const exposure = definition?.exposure ?? program?.exposureOf(file.path) ?? markerExposure(file.path, analysis.marker);
  return buildFinding(hit, {
    file: file.path,
    ruleId: RULES.sourceKey.id,
    ...exposureContext(exposure),
    ...(definition?.readers.length ? { readers: definition.readers } : {}),
  });
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

function exposureContext(exposure: ModuleExposure): { exposure: Exposure; reason: string; chain?: string[] } {
  // A client verdict without a chain cannot be checked: it stays unknown.
  if (exposure.exposure === 'client' && !exposure.chain?.length) return { exposure: 'unknown', reason: exposure.reason };
  return { exposure: exposure.exposure, reason: exposure.reason, ...(exposure.chain ? { chain: exposure.chain } : {}) };
}

function classifyEnvHit(hit: AnalysedHit, file: DiscoveredFile, options: ClassifyOptions, program: ProgramAnalysis | undefined): FindingCandidate | undefined {
  const variable = hit.envVariable;
  const prefix = variable !== undefined ? publicEnvPrefix(variable, options.config.publicEnvPrefixes ?? []) : undefined;
  if (variable !== undefined && prefix) {
    const readers = program?.envReaders(variable);
    return buildFinding(hit, {
      file: file.path,
      ruleId: RULES.publicEnvKey.id,
      exposure: 'client',
      reason: prefix.reason,
      chain: readers?.exposure.chain?.length ? readers.exposure.chain : [`${file.path}: ${variable} (${prefix.reason})`],
      envVariable: variable,
      ...(readers?.readers.length ? { readers: readers.readers } : {}),
    });
  }
  // A server-only variable in a gitignored env file is exactly where a key belongs.
  if (file.gitignored) return undefined;
  const readers = variable !== undefined ? program?.envReaders(variable) : undefined;
  const exposure: ModuleExposure = readers?.exposure ?? { exposure: 'server', reason: 'a server-only variable' };
  return buildFinding(hit, {
    file: file.path,
    ruleId: RULES.envFileKey.id,
    ...exposureContext(exposure),
    ...(variable !== undefined ? { envVariable: variable } : {}),
    ...(readers?.readers.length ? { readers: readers.readers } : {}),
  });
}
