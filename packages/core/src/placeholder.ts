import { keyBody } from './key-grammar.js';

/**
 * Placeholders are key-shaped text that is not a secret: the docs' `eng_live_xxxxxxxxxxxx`,
 * `eng_test_YOURKEYHERE`, masks, counting runs and bodies made of words. A random body never is
 * one: for a uniformly random body of 12 or more letters and digits each test below fires with a
 * probability under 1e-9 (the property tests in test/placeholder.test.ts sample this), so the
 * thresholds are tuned to that bound, not to catch every conceivable placeholder.
 */

const MARKER_WORDS = ['your', 'replace', 'example', 'placeholder', 'changeme', 'insert', 'dummy', 'sample', 'redacted'];

/** Words that make up placeholder bodies such as `MyApiKeyHere` or `testsecretvalue`. */
const BODY_WORDS = new Set([
  'abc', 'abcd', 'access', 'account', 'api', 'app', 'auth', 'bar', 'baz', 'bearer', 'change', 'changeme',
  'client', 'code', 'company', 'copy', 'credential', 'credentials', 'default', 'demo', 'dev', 'development',
  'dummy', 'eng', 'engium', 'enter', 'env', 'example', 'fake', 'foo', 'for', 'from', 'generated', 'goes',
  'hello', 'here', 'hidden', 'id', 'in', 'insert', 'invalid', 'is', 'it', 'key', 'keys', 'live', 'local',
  'masked', 'me', 'mock', 'my', 'new', 'not', 'of', 'old', 'or', 'our', 'paste', 'placeholder', 'prod',
  'production', 'project', 'put', 'qux', 'random', 'real', 'redacted', 'replace', 'replaceme', 'sample',
  'sandbox', 'secret', 'secrets', 'server', 'service', 'set', 'some', 'staging', 'string', 'stub', 'tenant',
  'test', 'testing', 'text', 'the', 'this', 'to', 'todo', 'token', 'user', 'valid', 'value', 'with',
  'world', 'xyz', 'your', 'yours', 'doc', 'docs', 'temp', 'tmp', 'lorem', 'ipsum', 'none', 'null', 'empty',
  'blank', 'unset', 'admin', 'web', 'site', 'prefix', 'suffix', 'readme', 'docker', 'ci',
]);

export type PlaceholderReason =
  | 'marker-word'
  | 'mostly-one-character'
  | 'counting-run'
  | 'made-of-words'
  | 'identifier-words'
  | 'template-syntax';

/** Why `candidate` (a whole key or just a body) is a placeholder, or undefined for a real-looking key. */
export function placeholderReason(candidate: string): PlaceholderReason | undefined {
  if (/[<>{}]|\$\{|\[|\]/.test(candidate)) return 'template-syntax';
  const body = keyBody(candidate);
  const lower = body.toLowerCase();
  if (MARKER_WORDS.some((word) => lower.startsWith(word)) && hasConsistentCase(body)) return 'marker-word';
  if (isMostlyOneCharacter(body)) return 'mostly-one-character';
  if (isCountingRun(body)) return 'counting-run';
  if (isMadeOfWords(body)) return 'made-of-words';
  if (isIdentifierWords(body)) return 'identifier-words';
  return undefined;
}

export function isPlaceholder(candidate: string): boolean {
  return placeholderReason(candidate) !== undefined;
}

/**
 * `YOURKEYHERE`, `your0key1`, `YourApiKey42`, `your-key-here`: letters in one case, capitalised
 * words, or text no key could be. Random bodies mix cases, so a marker word at their start by
 * chance does not make them placeholders.
 */
function hasConsistentCase(body: string): boolean {
  return (
    !/^[A-Za-z0-9]+$/.test(body) ||
    /^[a-z0-9]+$/.test(body) ||
    /^[A-Z0-9]+$/.test(body) ||
    isCapitalisedWords(body)
  );
}

/**
 * `YourApiKey42`: `(?:[A-Z][a-z]+)+[0-9]*`, checked without a repeated group, whose backtracking
 * state overflows the regex stack on bodies of megabytes.
 */
function isCapitalisedWords(body: string): boolean {
  return /^[A-Z][A-Za-z]*[0-9]*$/.test(body) && !/[A-Z](?![a-z])/.test(body);
}

/** `xxxxxxxxxxxx`, `000000000000`, `xxxxxxxx1234`: one character fills at least two thirds of the body. */
function isMostlyOneCharacter(body: string): boolean {
  const counts = new Map<string, number>();
  let most = 0;
  for (const char of body) {
    const count = (counts.get(char) ?? 0) + 1;
    counts.set(char, count);
    most = Math.max(most, count);
  }
  return body.length > 0 && most * 3 >= body.length * 2;
}

const ORDER = '0123456789abcdefghijklmnopqrstuvwxyz';

/** `1234567890ab`, `abcdefghijkl`, `987654321zyx`: most neighbours count up or down by one. */
function isCountingRun(body: string): boolean {
  const lower = body.toLowerCase();
  let steps = 0;
  for (let i = 1; i < lower.length; i++) {
    const previous = ORDER.indexOf(lower[i - 1] ?? '');
    const current = ORDER.indexOf(lower[i] ?? '');
    const delta = current - previous;
    // 9→0 wraps the way people type digits on a keyboard row.
    if (delta === 1 || delta === -1 || (previous === 9 && current === 0) || (previous === 0 && current === 9)) steps++;
  }
  return steps >= Math.ceil((lower.length - 1) * 0.8);
}

/**
 * `MyApiKeyHere`, `testsecretvalue`, `EXAMPLEKEY123`: one consistent casing, split entirely into
 * known words, with at most a short trailing number. Random bodies mix case and digits freely.
 */
function isMadeOfWords(body: string): boolean {
  if (!/^[A-Za-z]+[0-9]{0,4}$/.test(body)) return false;
  let lettersEnd = body.length;
  while (/[0-9]/.test(body[lettersEnd - 1] ?? '')) lettersEnd--;
  const letters = body.slice(0, lettersEnd);
  // Capitalised words (`([A-Z][a-z]*)+` over letters) are letters that start with a capital.
  const consistentCase = letters === letters.toLowerCase() || letters === letters.toUpperCase() || /^[A-Z]/.test(letters);
  if (!consistentCase) return false;
  return canSplitIntoWords(letters.toLowerCase());
}

/**
 * Key-shaped words: `eng_test_checkoutFlowRedesignExperiment` names a feature flag or an
 * experiment, in camelCase or PascalCase. No dictionary decides it; the shape of words does:
 * two or more words of at least 4 letters, each a capital or small letter then small letters,
 * each with a vowel (y counts) and no more than 3 consonants in a row, over a body of at least 29
 * letters. Counted exactly over the 62^n bodies of each length n (a dynamic programme over
 * word length, vowel seen and consonant run), a random body has that shape with probability
 * 9.8e-10 at 29 letters, halving with each letter more; shorter word-shaped bodies stay keys.
 */
export const MIN_IDENTIFIER_WORDS_BODY_LENGTH = 29;
const MIN_IDENTIFIER_WORD_LENGTH = 4;
const MAX_CONSONANT_RUN = 3;
const VOWELS = 'aeiouy';

function isIdentifierWords(body: string): boolean {
  if (body.length < MIN_IDENTIFIER_WORDS_BODY_LENGTH) return false;
  let words = 0;
  let wordLength = 0;
  let hasVowel = false;
  let consonants = 0;
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    const lower = char.toLowerCase();
    if (lower < 'a' || lower > 'z') return false;
    if (index === 0 || char !== lower) {
      // A word starts: the one before it must be complete.
      if (index > 0 && (wordLength < MIN_IDENTIFIER_WORD_LENGTH || !hasVowel)) return false;
      words++;
      wordLength = 0;
      hasVowel = false;
      consonants = 0;
    }
    wordLength++;
    if (VOWELS.includes(lower)) {
      hasVowel = true;
      consonants = 0;
    } else if (++consonants > MAX_CONSONANT_RUN) {
      return false;
    }
  }
  return words >= 2 && wordLength >= MIN_IDENTIFIER_WORD_LENGTH && hasVowel;
}

function canSplitIntoWords(text: string): boolean {
  // reachable[i]: text[0, i) splits into words. Linear in text length times the longest word.
  const reachable = new Array<boolean>(text.length + 1).fill(false);
  reachable[0] = true;
  for (let end = 1; end <= text.length; end++) {
    for (let start = Math.max(0, end - 12); start < end && !reachable[end]; start++) {
      if (reachable[start] && BODY_WORDS.has(text.slice(start, end))) reachable[end] = true;
    }
  }
  return reachable[text.length] === true;
}
