// Keys in a file read whole from its blob rather than through a diff's added lines (a renamed or
// copied file, a staged .env, Unicode text): its bytes decoded as the directory audit decodes a
// file, each key located and framed as on an added line, with its line's exposure.
import { holdsWrappedBase64Line, mayContainKey } from '@engium/core';
import { snippetAt } from '../analyse/bytes.js';
import { keyHitsInText } from '../analyse/key-hits.js';
import { isBinary, utf8OfUnicodeText } from '../analyse/text-encoding.js';
import type { AddedHit } from './added-hits.js';
import { exposureOfLine, type LineExposure } from './exposure.js';

export interface BlobHit {
  hit: AddedHit;
  exposure: LineExposure;
}

function lineAt(text: string, index: number): string {
  const end = text.indexOf('\n', index);
  return text.slice(text.lastIndexOf('\n', index - 1) + 1, end === -1 ? undefined : end);
}

/** The keys in blob `content` of `path`, or `binary` for a file the directory audit would skip as binary. */
export function keyHitsInBlob(path: string, content: Buffer, publicEnvPrefixes?: readonly string[]): BlobHit[] | 'binary' {
  const utf8 = utf8OfUnicodeText(content) ?? content;
  if (isBinary(utf8, path)) return 'binary';
  // Wrapped base64 may cut the prefix's signature with a line break, which the prefilter misses.
  if (!mayContainKey(utf8) && !holdsWrappedBase64Line(utf8)) return [];
  const text = utf8.toString('utf8');
  return keyHitsInText(text).map((hit) => ({
    hit: { ...hit, snippet: snippetAt(text, hit.index, hit.length, hit.secret.redacted) },
    exposure: exposureOfLine(path, lineAt(text, hit.index), publicEnvPrefixes),
  }));
}
