import { createHash } from 'node:crypto';
import { KEY_PREFIXES, keyBody, keyKind, keyPattern } from './key-grammar.js';

/** How many body characters the redacted form keeps, so people can tell keys apart. */
export const REDACTED_TAIL_LENGTH = 4;

/**
 * The only way a key becomes text meant for people: its prefix, an ellipsis and the last
 * four body characters (`eng_live_…x7Qz`).
 */
export function redact(key: string): string {
  const kind = keyKind(key);
  const prefix = kind ? KEY_PREFIXES[kind] : '';
  const body = keyBody(key);
  // A body too short to hide anything still shows no more than its tail's worth.
  const tail = body.length > REDACTED_TAIL_LENGTH * 2 ? body.slice(-REDACTED_TAIL_LENGTH) : '';
  return `${prefix}…${tail}`;
}

/**
 * `text` with every key written out in it redacted: for messages that may quote their input
 * (error messages echoing an argument or a config value, third-party debug logs).
 */
export function redactKeys(text: string): string {
  return text.includes('eng_') ? text.replace(keyPattern(), (key) => redact(key)) : text;
}

/**
 * `value` with every string in it passed through `redactKeys`: a copy of its arrays and plain
 * objects, other values kept. For whole reports, whose every string (paths, commit authors, URLs,
 * warnings, reports given to `merge`) came from an untrusted input.
 */
export function redactKeysDeep<T>(value: T): T {
  if (typeof value === 'string') return redactKeys(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactKeysDeep(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  // Plain data only (with or without a prototype); a Buffer, Map or class instance is kept as it is.
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) copy[redactKeys(name)] = redactKeysDeep(item);
  return copy as T;
}

/**
 * A stable identifier for a key that reveals nothing usable: the first 16 hex characters of
 * SHA-256 over the full key. Keys carry at least 71 bits of randomness, so it cannot be reversed.
 */
export function fingerprint(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16);
}

export interface SecretDescription {
  kind: 'live' | 'test';
  redacted: string;
  fingerprint: string;
}

/** The public description of a key, as every report shows it. */
export function describeSecret(key: string): SecretDescription {
  return { kind: keyKind(key) ?? 'live', redacted: redact(key), fingerprint: fingerprint(key) };
}
