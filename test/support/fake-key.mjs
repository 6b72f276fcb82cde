// A random-looking key that is deterministic per seed, so fixtures are reproducible. Plain
// JavaScript, so the example generator (examples/generate-acme-shop.mjs) runs it without a build.
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
