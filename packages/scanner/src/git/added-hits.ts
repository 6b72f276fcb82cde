// Keys in one added line: the byte prefilter's verdict first (most lines hold no needle, see
// lines.ts), then core's finder.
import type { Snippet } from '../finding.js';
import { INLINE_IGNORE, keyHitsInText, type KeyHit } from '../analyse/key-hits.js';
import { snippetOf } from '../analyse/snippet.js';
import type { AddedLine } from './patch-parser.js';

const IGNORE_BYTES = Buffer.from(INLINE_IGNORE);

export interface AddedHit extends KeyHit {
  /** The line with every key redacted, for the code frame. */
  snippet: Snippet;
}

/**
 * Every key on an added line, located in the new file, with its redacted code frame. An
 * `engium-ignore` comment on the line above counts, as in the directory audit, when the diff
 * shows that line. `onText` sees the decoded line when it holds a key (for env-variable names).
 */
export function keyHitsInAddedLine(added: AddedLine, onText?: (text: string) => void): AddedHit[] {
  if (!added.mayHoldKey) return [];
  const text = added.bytes.toString('utf8');
  const hits = keyHitsInText(text, added.line);
  if (hits.length === 0) return [];
  onText?.(text);
  const ignoredAbove = added.previous !== undefined && added.previous.includes(IGNORE_BYTES);
  return hits.map((hit) => ({
    ...hit,
    snippet: snippetOf(text, hit.column, hit.length, hit.secret.redacted),
    column: hit.column + added.offset,
    ignoredInline: hit.ignoredInline || ignoredAbove,
  }));
}
