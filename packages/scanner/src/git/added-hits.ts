// Keys in one added line: a byte prefilter first (most lines hold no needle), then core's finder.
import { mayContainKey } from '@engium/core';
import { INLINE_IGNORE, keyHitsInText, type KeyHit } from '../analyse/key-hits.js';
import type { AddedLine } from './patch-parser.js';

const IGNORE_BYTES = Buffer.from(INLINE_IGNORE);

/**
 * Every key on an added line, located in the new file. An `engium-ignore` comment on the line
 * above counts, as in the directory audit, when the diff shows that line.
 */
export function keyHitsInAddedLine(added: AddedLine): KeyHit[] {
  if (!mayContainKey(added.bytes)) return [];
  const hits = keyHitsInText(added.bytes.toString('utf8'), added.line);
  const ignoredAbove = added.previous !== undefined && added.previous.includes(IGNORE_BYTES);
  if (added.offset === 0 && !ignoredAbove) return hits;
  return hits.map((hit) => ({ ...hit, column: hit.column + added.offset, ignoredInline: hit.ignoredInline || ignoredAbove }));
}
