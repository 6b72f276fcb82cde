import { describeSecret, findKeys, type KeyEncoding, type KeyKind, type SecretDescription } from '@engium/core';

/** One key found in a text, located by line and column, with the raw key kept only in memory. */
export interface KeyHit {
  /** The full key: never to be written anywhere; reports use `secret`. */
  key: string;
  kind: KeyKind;
  secret: SecretDescription;
  encoding: KeyEncoding;
  /** UTF-16 offset in the text. */
  index: number;
  /** Length of the key, or of its encoded form, in the text. */
  length: number;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** True when an `engium-ignore` comment stands on this line or the line before. */
  ignoredInline: boolean;
}

export const INLINE_IGNORE = 'engium-ignore';

/** Offsets where each line starts, for turning text offsets into lines and columns. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** The 0-based line holding `offset`, by binary search over `starts`. */
export function lineIndexAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function lineText(text: string, starts: readonly number[], index: number): string {
  const start = starts[index];
  if (start === undefined) return '';
  const next = starts[index + 1];
  return text.slice(start, next === undefined ? undefined : next - 1);
}

/** Every key in `text` with its line and column; `firstLine` offsets lines for text cut from a larger file. */
export function keyHitsInText(text: string, firstLine = 1): KeyHit[] {
  const occurrences = findKeys(text);
  if (occurrences.length === 0) return [];
  const starts = lineStarts(text);
  return occurrences.map((occurrence) => {
    const lineIndex = lineIndexAt(starts, occurrence.index);
    const ignoredInline =
      lineText(text, starts, lineIndex).includes(INLINE_IGNORE) ||
      (lineIndex > 0 && lineText(text, starts, lineIndex - 1).includes(INLINE_IGNORE));
    return {
      key: occurrence.key,
      kind: occurrence.kind,
      secret: describeSecret(occurrence.key),
      encoding: occurrence.encoding,
      index: occurrence.index,
      length: occurrence.length,
      line: firstLine + lineIndex,
      column: occurrence.index - (starts[lineIndex] ?? 0) + 1,
      ignoredInline,
    };
  });
}
