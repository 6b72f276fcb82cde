/**
 * Code frames that never hold a key: the finding's line with every key on it (and the finding's
 * own span, whatever its encoding) replaced by the redacted form, cut to a window on long lines.
 */
import { findKeys, redact } from '@engium/core';
import type { Snippet } from '../finding.js';

/** Characters kept before and after the key on long (minified) lines. */
const CONTEXT_BEFORE = 60;
const CONTEXT_AFTER = 80;
/**
 * Characters searched for keys beyond the shown window on each side: more than the longest
 * encoded key (an HTML-entity key is six characters a letter), times the few keys whose redacted
 * forms the window can hold, so every key the window shows any part of is found whole.
 */
const SEARCH_MARGIN = 4096;

interface Span {
  start: number;
  end: number;
  replacement: string;
}

/**
 * The snippet for a key at `column` (1-based) spanning `length` characters of `lineText`.
 * `redacted` is what the span shows (the key's redacted form).
 */
export function snippetOf(lineText: string, column: number, length: number, redacted: string): Snippet {
  const whole = lineText.endsWith('\r') ? lineText.slice(0, -1) : lineText;
  // Only the part of the line around the key is searched for the keys to redact: a line of
  // thousands of keys would otherwise be searched whole for each of them.
  const cutBefore = Math.max(0, column - 1 - CONTEXT_BEFORE - SEARCH_MARGIN);
  const cutAfter = Math.min(whole.length, column - 1 + length + CONTEXT_AFTER + SEARCH_MARGIN);
  const line = whole.slice(cutBefore, cutAfter);
  const own: Span = { start: column - 1 - cutBefore, end: column - 1 - cutBefore + length, replacement: redacted };
  const spans: Span[] = [own];
  for (const occurrence of findKeys(line, { includePlaceholders: false })) {
    spans.push({ start: occurrence.index, end: occurrence.index + occurrence.length, replacement: redact(occurrence.key) });
  }
  spans.sort((a, b) => a.start - b.start || (a === own ? -1 : 1));
  let text = '';
  let position = 0;
  let ownColumn = 1;
  for (const span of spans) {
    if (span.start < position) continue; // overlaps a span already replaced
    text += line.slice(position, span.start);
    if (span === own) ownColumn = text.length + 1;
    text += span.replacement;
    position = span.end;
  }
  text += line.slice(position);
  const from = Math.max(0, ownColumn - 1 - CONTEXT_BEFORE);
  const to = Math.min(text.length, ownColumn - 1 + redacted.length + CONTEXT_AFTER);
  const prefix = from > 0 || cutBefore > 0 ? '…' : '';
  const suffix = to < text.length || cutAfter < whole.length ? '…' : '';
  return { text: `${prefix}${text.slice(from, to)}${suffix}`.replace(/\t/g, ' '), column: ownColumn - from + prefix.length };
}
