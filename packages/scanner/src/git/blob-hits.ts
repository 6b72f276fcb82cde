// Keys in a file read whole from its blob rather than through a diff's added lines (a renamed or
// copied file, a staged .env, Unicode text): its bytes decoded as the directory audit decodes a
// file, each key located and framed as on an added line, with its line's exposure.
import { holdsWrappedBase64Line, mayContainKey } from '@engium/core';
import { snippetAt } from '../analyse/bytes.js';
import { keyHitsInText } from '../analyse/key-hits.js';
import { isBinary, utf8OfUnicodeText } from '../analyse/text-encoding.js';
import type { AddedHit } from './added-hits.js';
import { readBlobs } from './blobs.js';
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
    exposure: exposureOfLine(path, lineAt(text, hit.index), publicEnvPrefixes, hit),
  }));
}

/** The fingerprints of the keys in blob `content` of `path` (none for a binary file). */
export function fingerprintsInBlob(path: string, content: Buffer): Set<string> {
  const found = keyHitsInBlob(path, content);
  return new Set(found === 'binary' ? [] : found.map(({ hit }) => hit.secret.fingerprint));
}

/** One version of a file to read whole: its blob, and the blobs of the versions it changed. */
export interface WholeVersion {
  path: string;
  blob: string | undefined;
  oldBlobs: readonly string[];
}

/** What reading a version whole gave: its keys less those a version before it held, its size over the bound, or nothing (gone). */
export type WholeRead = { found: BlobHit[] | 'binary'; bytes: number } | { tooLarge: number } | undefined;

/**
 * Reads versions whole, a bounded batch of blobs at a time, and gives each version's keys (only
 * those none of its old blobs held: a range or a merge names the versions before it, and a key
 * one of them held was not added by this change), in the order of `versions`.
 */
export async function readWholeVersions(cwd: string, versions: readonly WholeVersion[], publicEnvPrefixes?: readonly string[]): Promise<WholeRead[]> {
  const readingNew = new Map<string, number[]>();
  const readingOld = new Map<string, number[]>();
  versions.forEach(({ blob, oldBlobs }, index) => {
    if (blob) readingNew.set(blob, [...(readingNew.get(blob) ?? []), index]);
    for (const old of oldBlobs) readingOld.set(old, [...(readingOld.get(old) ?? []), index]);
  });
  const found = new Map<number, { found: BlobHit[] | 'binary'; bytes: number }>();
  const held = new Map<number, Set<string>>();
  const tooLarge = await readBlobs(cwd, [...new Set([...readingNew.keys(), ...readingOld.keys()])], (id, content) => {
    for (const index of readingNew.get(id) ?? []) found.set(index, { found: keyHitsInBlob(versions[index]?.path ?? '', content, publicEnvPrefixes), bytes: content.length });
    for (const index of readingOld.get(id) ?? []) {
      const fingerprints = fingerprintsInBlob(versions[index]?.path ?? '', content);
      held.set(index, new Set([...(held.get(index) ?? []), ...fingerprints]));
    }
  });
  return versions.map(({ blob }, index) => {
    const size = blob === undefined ? undefined : tooLarge.get(blob);
    if (size !== undefined) return { tooLarge: size };
    const read = found.get(index);
    const before = held.get(index);
    if (!read || read.found === 'binary' || !before) return read;
    return { ...read, found: read.found.filter(({ hit }) => !before.has(hit.secret.fingerprint)) };
  });
}
