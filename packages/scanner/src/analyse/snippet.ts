/**
 * Code frames that never hold a key: the finding's line with every key on it (and the finding's
 * own span, whatever its encoding) replaced by the redacted form, cut to a window on long lines.
 */
import { findKeys, redact } from '@engium/core';
import type { Snippet } from '../finding.js';

/** Characters kept before and after the key on long (minified) lines. */
const CONTEXT_BEFORE = 60;
const CONTEXT_AFTER = 80;

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
  const line = lineText.replace(/\r$/, '');
  const own: Span = { start: column - 1, end: column - 1 + length, replacement: redacted };
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
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  return { text: `${prefix}${text.slice(from, to)}${suffix}`.replace(/\t/g, ' '), column: ownColumn - from + prefix.length };
}
