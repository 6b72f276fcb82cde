import { findKeys, redact } from '@engium/core';

const MAX_LENGTH = 60;

/**
 * `text` with every key in it redacted, plain or encoded (core's `redactKeys` covers plain keys;
 * code also hides them in base64 and escapes).
 */
export function redactAllKeys(text: string): string {
  let safe = '';
  let position = 0;
  for (const occurrence of findKeys(text, { includePlaceholders: true })) {
    if (occurrence.index < position) continue;
    safe += text.slice(position, occurrence.index) + redact(occurrence.key);
    position = occurrence.index + occurrence.length;
  }
  return safe + text.slice(position);
}

/** Text from the code made safe for a message: every key in it redacted, and shortened. */
export function safeText(text: string): string {
  const safe = redactAllKeys(text);
  return safe.length > MAX_LENGTH ? `${safe.slice(0, MAX_LENGTH - 1)}…` : safe;
}
