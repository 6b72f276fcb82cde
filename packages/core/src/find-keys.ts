import { findEncodedKeys, type HiddenEncoding } from './decoders.js';
import { matchKeys, type KeyKind } from './key-grammar.js';
import { placeholderReason, type PlaceholderReason } from './placeholder.js';

export type KeyEncoding = 'plain' | HiddenEncoding;

export interface KeyOccurrence {
  key: string;
  kind: KeyKind;
  encoding: KeyEncoding;
  /** UTF-16 offset in the searched text where the key, or its encoded form, starts. */
  index: number;
  /** Length of the key, or of its encoded form, in the searched text. */
  length: number;
  /** Set when the key is a placeholder (only returned with `includePlaceholders`). */
  placeholder?: PlaceholderReason;
}

export interface FindKeysOptions {
  /** Also return placeholders, marked with their reason. Default: false. */
  includePlaceholders?: boolean;
  /** Look for encoded keys too. Default: true. */
  decode?: boolean;
}

/** Every Engium key in `text`, plain or encoded, in order of position. Placeholders are left out unless asked for. */
export function findKeys(text: string, options: FindKeysOptions = {}): KeyOccurrence[] {
  const occurrences: KeyOccurrence[] = matchKeys(text).map((match) => ({
    ...match,
    encoding: 'plain',
    length: match.key.length,
  }));
  if (options.decode !== false) occurrences.push(...findEncodedKeys(text));

  // One spot is one finding: where two readings start at the same offset (a plain key that an
  // escape right after it extends, say), the longer reading wins.
  occurrences.sort((a, b) => a.index - b.index || b.length - a.length);
  const result: KeyOccurrence[] = [];
  let lastIndex = -1;
  for (const occurrence of occurrences) {
    if (occurrence.index === lastIndex) continue;
    lastIndex = occurrence.index;
    const reason = placeholderReason(occurrence.key);
    if (reason === undefined) result.push(occurrence);
    else if (options.includePlaceholders) result.push({ ...occurrence, placeholder: reason });
  }
  return result;
}
