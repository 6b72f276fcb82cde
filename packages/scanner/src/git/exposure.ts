// How far a key found in a diff travels, from what the line and path alone tell (no program
// analysis: history and staged must stay fast). A public env prefix ships it to every browser; a
// client path marker puts it in the bundle, and so does a build config that sets a public variable to
// it; anything else is unknown.
import { pathMarker, publicEnvPrefix, type Exposure } from '@engium/core';
import { envVariableOf, isEnvFile } from '../analyse/env-file.js';
import { publicAssignment } from '../classify/public-assignment.js';

export interface LineExposure {
  exposure: Exposure;
  reason?: string;
  chain?: string[];
  envVariable?: string;
}

/** Where the key sits on its line: 1-based line and column (UTF-16). */
export interface KeyPlace {
  line: number;
  column: number;
}

export function exposureOfLine(file: string, lineText: string, extraPublicPrefixes: readonly string[] = [], place?: KeyPlace): LineExposure {
  if (isEnvFile(file)) {
    const variable = envVariableOf(lineText);
    const prefix = variable !== undefined ? publicEnvPrefix(variable, extraPublicPrefixes) : undefined;
    if (variable !== undefined && prefix) {
      return { exposure: 'client', reason: prefix.reason, chain: [`${file}: ${variable} (${prefix.reason})`], envVariable: variable };
    }
    return variable !== undefined ? { exposure: 'unknown', envVariable: variable } : { exposure: 'unknown' };
  }
  // A CI workflow, Dockerfile or script that sets a public variable to the key hands it to the build.
  const assigned = place ? publicAssignment(file, lineText.slice(0, place.column - 1), place.line, extraPublicPrefixes) : undefined;
  if (assigned) return { exposure: 'client', reason: assigned.exposure.reason, chain: assigned.exposure.chain ?? [] };
  const marker = pathMarker(file);
  if (!marker) return { exposure: 'unknown' };
  return { exposure: marker.side, reason: marker.reason, ...(marker.side === 'client' ? { chain: [`${file} (${marker.id})`] } : {}) };
}
