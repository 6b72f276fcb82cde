/**
 * The grammar of an Engium API key: `eng_live_` or `eng_test_` followed by a body of
 * 12 or more ASCII letters and digits, standing as a whole token.
 */

export type KeyKind = 'live' | 'test';

export const KEY_PREFIXES = { live: 'eng_live_', test: 'eng_test_' } as const satisfies Record<KeyKind, string>;

/** Bodies shorter than this are not keys (the docs' shortest example has 12). */
export const MIN_BODY_LENGTH = 12;

/**
 * The key pattern as regex source. The look-arounds make it a whole token, so
 * `eng_live_subscription_count` or `beng_live_…` are identifiers, not keys.
 * It runs in linear time: one fixed-length look-behind, literals, one class run, one look-ahead.
 */
export const KEY_PATTERN_SOURCE = `(?<![A-Za-z0-9_])eng_(live|test)_[A-Za-z0-9]{${MIN_BODY_LENGTH},}(?![A-Za-z0-9_])`;

/** A fresh global regex for the key pattern (a fresh one, since global regexes carry state). */
export function keyPattern(): RegExp {
  return new RegExp(KEY_PATTERN_SOURCE, 'g');
}

const WHOLE_KEY = new RegExp(`^${KEY_PATTERN_SOURCE}$`);

export interface PlainKeyMatch {
  key: string;
  kind: KeyKind;
  /** UTF-16 offset of the key's first character in the searched text. */
  index: number;
}

/** Every key written out in plain text, in order of appearance. */
export function matchKeys(text: string): PlainKeyMatch[] {
  const matches: PlainKeyMatch[] = [];
  // Cheap guard: most texts never contain the literal, and the regex needs it.
  if (!text.includes('eng_')) return matches;
  for (const match of text.matchAll(keyPattern())) {
    matches.push({ key: match[0], kind: match[1] as KeyKind, index: match.index });
  }
  return matches;
}

/** True when `text` is exactly one key and nothing else. */
export function isKey(text: string): boolean {
  return WHOLE_KEY.test(text);
}

/** The kind of a string that starts with a key prefix, or undefined. */
export function keyKind(key: string): KeyKind | undefined {
  if (key.startsWith(KEY_PREFIXES.live)) return 'live';
  if (key.startsWith(KEY_PREFIXES.test)) return 'test';
  return undefined;
}

/** The part after `eng_live_` / `eng_test_`. */
export function keyBody(key: string): string {
  const kind = keyKind(key);
  return kind ? key.slice(KEY_PREFIXES[kind].length) : key;
}
