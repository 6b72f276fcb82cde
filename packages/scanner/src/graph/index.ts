// Program analysis entry point. Loaded with a dynamic import by the classify step only, since
// ts-morph costs half a second to load. This first version classifies by file markers alone;
// the module graph (issue 5) replaces it behind the same contract.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileMarker } from '@engium/core';
import type { ModuleExposure, ProgramAnalysis, ProgramAnalysisOptions } from './types.js';

export type * from './types.js';

export async function analyseProgram(root: string, options: ProgramAnalysisOptions): Promise<ProgramAnalysis> {
  const markers = new Map<string, ModuleExposure>();
  for (const file of options.files) {
    if (!/\.[cm]?[jt]sx?$/.test(file)) continue;
    let source: string | undefined;
    try {
      source = readFileSync(join(root, file), 'utf8');
    } catch {
      source = undefined;
    }
    const marker = fileMarker(file, source);
    if (marker) {
      markers.set(file, {
        exposure: marker.side,
        reason: marker.reason,
        ...(marker.side === 'client' ? { chain: [`${file} (${marker.id})`] } : {}),
      });
    }
  }
  return {
    exposureOf: (file) => markers.get(file) ?? { exposure: 'unknown', reason: 'no client or server marker' },
    importersOfDefinition: () => undefined,
    envReaders: () => undefined,
    buildExposure: () => ({ exposure: 'unknown', reason: 'build exposure needs the module graph' }),
    problems: [],
  };
}
