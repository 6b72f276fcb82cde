// How far a key found in a diff travels, from what the line and path alone tell (no program
// analysis: history and staged must stay fast). A public env prefix ships it to every browser; a
// client path marker puts it in the bundle; anything else is unknown.
import { pathMarker, publicEnvPrefix, type Exposure } from '@engium/core';
import { envVariableOf, isEnvFile } from '../analyse/env-file.js';

export interface LineExposure {
  exposure: Exposure;
  reason?: string;
  chain?: string[];
  envVariable?: string;
}

export function exposureOfLine(file: string, lineText: string, extraPublicPrefixes: readonly string[] = []): LineExposure {
  if (isEnvFile(file)) {
    const variable = envVariableOf(lineText);
    const prefix = variable !== undefined ? publicEnvPrefix(variable, extraPublicPrefixes) : undefined;
    if (variable !== undefined && prefix) {
      return { exposure: 'client', reason: prefix.reason, chain: [`${file}: ${variable} (${prefix.reason})`], envVariable: variable };
    }
    return variable !== undefined ? { exposure: 'unknown', envVariable: variable } : { exposure: 'unknown' };
  }
  const marker = pathMarker(file);
  if (!marker) return { exposure: 'unknown' };
  return { exposure: marker.side, reason: marker.reason, ...(marker.side === 'client' ? { chain: [`${file} (${marker.id})`] } : {}) };
}
