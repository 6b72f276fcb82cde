// A random-looking key that is deterministic per seed, so fixtures are reproducible. Plain
// JavaScript, so the example generator (examples/generate-acme-shop.mjs) runs it without a build.
import { createHash } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function fakeKey(kind, seed, length = 24) {
  let state = seed * 2654435761 + 1;
  let body = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    body += ALPHABET[state % ALPHABET.length];
  }
  return `eng_${kind}_${body}`;
}

/**
 * A key deterministic per label (`nuxt/server-env`), distinct for distinct labels. `fakeKey`'s
 * generator loses precision in floating point for large seeds (seeds near 1,400,000 give four keys
 * in five thousand), so where many keys must differ they come from a hash of their label.
 */
export function fakeKeyFor(kind, label, length = 24) {
  const digest = createHash('sha256').update(label).digest();
  let body = '';
  for (let i = 0; i < length; i++) body += ALPHABET[digest[i] % ALPHABET.length];
  return `eng_${kind}_${body}`;
}
