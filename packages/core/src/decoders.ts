import { KEY_PATTERN_SOURCE, KEY_PREFIXES, matchKeys, type KeyKind } from './key-grammar.js';
import { findWrappedBase64Keys } from './wrapped-base64.js';

/**
 * Decoders for keys hidden in encoded text. Each reports where the encoded text starts in the
 * original and how long it is there, so findings point at what a person sees in the file.
 */

export type HiddenEncoding = 'base64' | 'escape' | 'percent' | 'html-entity';

export interface EncodedKeyMatch {
  key: string;
  kind: KeyKind;
  encoding: HiddenEncoding;
  /** Offset in the original text where the encoded key (or its base64 group) starts. */
  index: number;
  /** Length of the encoded text in the original. */
  length: number;
}

/** Bytes decoded at first around one base64 candidate; the window doubles while a key runs on. */
const INITIAL_DECODE_WINDOW = 64;

/** Matches a key starting exactly at `lastIndex` (the look-behind still sees the byte before). */
const KEY_AT = new RegExp(KEY_PATTERN_SOURCE, 'y');

function keyAt(text: string, at: number): { key: string; kind: KeyKind } | undefined {
  KEY_AT.lastIndex = at;
  const match = KEY_AT.exec(text);
  return match ? { key: match[0], kind: match[1] as KeyKind } : undefined;
}

// ---------------------------------------------------------------- base64

interface Base64Signature {
  /** Base64 text that only this prefix, at this byte alignment, produces. */
  signature: string;
  /** Where the signature starts, counted from the start of the 4-character group holding the prefix's first byte. */
  offsetInGroup: number;
  /** Bytes before the prefix inside that group (0, 1 or 2). */
  alignment: number;
}

/**
 * For each prefix and each of the three byte alignments, the base64 characters that depend on the
 * prefix alone: encode it between two different fillers and keep what both encodings share.
 */
function base64Signatures(prefix: string): Base64Signature[] {
  const signatures: Base64Signature[] = [];
  for (let alignment = 0; alignment < 3; alignment++) {
    const encode = (filler: number): string =>
      Buffer.concat([Buffer.alloc(alignment, filler), Buffer.from(prefix, 'latin1'), Buffer.alloc(3, filler)]).toString('base64');
    const low = encode(0x00);
    const high = encode(0xff);
    let start = 0;
    while (low[start] !== high[start]) start++;
    let end = start;
    while (end < low.length && low[end] === high[end]) end++;
    const standard = low.slice(start, end);
    signatures.push({ signature: standard, offsetInGroup: start, alignment });
    const urlSafe = standard.replaceAll('+', '-').replaceAll('/', '_');
    if (urlSafe !== standard) signatures.push({ signature: urlSafe, offsetInGroup: start, alignment });
  }
  return signatures;
}

export const BASE64_SIGNATURES: readonly Base64Signature[] = Object.values(KEY_PREFIXES).flatMap(base64Signatures);

/** `[A-Za-z0-9+/_-]`: the standard and the url-safe alphabet together. */
function isBase64Char(char: string | undefined): boolean {
  if (char === undefined) return false;
  const unit = char.charCodeAt(0);
  return isWordUnit(unit) || unit === 0x2b || unit === 0x2f || unit === 0x2d;
}

/**
 * Keys hidden in base64 or base64url text, at any of the three byte alignments. `index` is the
 * start of the 4-character group holding the key's first byte; `length` runs to the end of the
 * group holding its last byte (without `=` padding).
 */
export function findBase64Keys(text: string): EncodedKeyMatch[] {
  const found: EncodedKeyMatch[] = [];
  for (const { signature, offsetInGroup, alignment } of BASE64_SIGNATURES) {
    for (let hit = text.indexOf(signature); hit !== -1; hit = text.indexOf(signature, hit + 1)) {
      const groupStart = hit - offsetInGroup;
      if (groupStart < 0) continue;
      let valid = true;
      for (let i = groupStart; i < hit; i++) if (!isBase64Char(text[i])) valid = false;
      if (!valid) continue;
      const match = decodeBase64KeyAt(text, groupStart, alignment);
      if (match) found.push(match);
    }
  }
  return found;
}

/**
 * Decodes a window from `groupStart` and reads the key whose prefix sits at `alignment` in it.
 * The window starts small and doubles only while the key reaches its end, so each candidate costs
 * time in proportion to its own key and a long key is never cut short.
 */
function decodeBase64KeyAt(text: string, groupStart: number, alignment: number): EncodedKeyMatch | undefined {
  // Decode one group before too, when it is base64, to see the byte before the prefix.
  const withPrevious = groupStart >= 4 && [1, 2, 3, 4].every((back) => isBase64Char(text[groupStart - back]));
  const decodeStart = withPrevious ? groupStart - 4 : groupStart;
  const prefixAt = alignment + (withPrevious ? 3 : 0);
  let decodeEnd = groupStart;
  for (let window = INITIAL_DECODE_WINDOW; ; window *= 2) {
    const limit = groupStart + Math.ceil((alignment + window) / 3) * 4;
    while (decodeEnd < text.length && decodeEnd < limit && isBase64Char(text[decodeEnd])) decodeEnd++;
    const decoded = Buffer.from(text.slice(decodeStart, decodeEnd), 'base64').toString('latin1');
    const match = keyAt(decoded, prefixAt);
    if (!match) return undefined;
    const runsOn = decodeEnd === limit && isBase64Char(text[decodeEnd]);
    if (runsOn && prefixAt + match.key.length >= decoded.length) continue;
    const encodedLength = Math.ceil((alignment + match.key.length) / 3) * 4;
    return {
      key: match.key,
      kind: match.kind,
      encoding: 'base64',
      index: groupStart,
      length: Math.min(encodedLength, decodeEnd - groupStart),
    };
  }
}

// ---------------------------------------------------------------- token encodings

/**
 * One encoded character: the code point it stands for and how many raw characters it takes.
 * Token readers fill one shared instance instead of allocating, since a region can hold millions.
 */
interface DecodedToken {
  codePoint: number;
  rawLength: number;
}

interface TokenEncoding {
  encoding: Exclude<HiddenEncoding, 'base64'>;
  /** Substrings that start every token; a text without them has nothing to decode. */
  triggers: readonly string[];
  /** True for the UTF-16 code units a region may hold: plain key characters plus token syntax. */
  isRegionUnit(unit: number): boolean;
  /** Reads the token at `at` into `token` and returns true, or returns false when none starts there. */
  readToken(text: string, at: number, token: DecodedToken): boolean;
}

const BACKSLASH = 0x5c;
const PERCENT = 0x25;
const AMPERSAND = 0x26;
const HASH = 0x23;
const SEMICOLON = 0x3b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const MAX_CODE_POINT = 0x10ffff;

/** `[A-Za-z0-9_]`: the characters a key is made of, and what joins it to a longer token. */
export function isWordUnit(unit: number): boolean {
  return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x30 && unit <= 0x39) || unit === 0x5f;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && isWordUnit(char.charCodeAt(0));
}

function hexValue(unit: number): number {
  if (unit >= 0x30 && unit <= 0x39) return unit - 0x30;
  if (unit >= 0x61 && unit <= 0x66) return unit - 0x61 + 10;
  if (unit >= 0x41 && unit <= 0x46) return unit - 0x41 + 10;
  return -1;
}

/**
 * Reads 1 to `maxDigits` digits in `radix` (10 or 16) from `at` into `token.codePoint`, then
 * requires `terminator` when one is given (more digits than allowed before it means no token).
 * Returns where the number (and terminator) ends, or -1.
 */
function readNumber(text: string, at: number, radix: 10 | 16, minDigits: number, maxDigits: number, token: DecodedToken, terminator = -1): number {
  let value = 0;
  let end = at;
  while (end - at < maxDigits) {
    const digit = radix === 16 ? hexValue(text.charCodeAt(end)) : decimalValue(text.charCodeAt(end));
    if (digit < 0) break;
    value = value * radix + digit;
    end++;
  }
  if (end - at < minDigits) return -1;
  if (terminator !== -1) {
    if (text.charCodeAt(end) !== terminator) return -1;
    end++;
  }
  token.codePoint = value;
  return end;
}

function decimalValue(unit: number): number {
  return unit >= 0x30 && unit <= 0x39 ? unit - 0x30 : -1;
}

/** Completes a token whose number `readNumber` read, ending at `end` (-1: none). */
function endToken(token: DecodedToken, at: number, end: number): boolean {
  if (end === -1 || token.codePoint > MAX_CODE_POINT) return false;
  token.rawLength = end - at;
  return true;
}

/** `\xNN`, `\uNNNN`, `\u{N…}` (1 to 6 hex digits). */
function readEscape(text: string, at: number, token: DecodedToken): boolean {
  if (text.charCodeAt(at) !== BACKSLASH) return false;
  const kind = text.charCodeAt(at + 1);
  let end = -1;
  if (kind === 0x78 /* x */) end = readNumber(text, at + 2, 16, 2, 2, token);
  else if (kind === 0x75 /* u */) {
    end =
      text.charCodeAt(at + 2) === OPEN_BRACE
        ? readNumber(text, at + 3, 16, 1, 6, token, CLOSE_BRACE)
        : readNumber(text, at + 2, 16, 4, 4, token);
  }
  return endToken(token, at, end);
}

/** `%NN`, one byte each; keys are ASCII, so bytes are characters. */
function readPercent(text: string, at: number, token: DecodedToken): boolean {
  if (text.charCodeAt(at) !== PERCENT) return false;
  return endToken(token, at, readNumber(text, at + 1, 16, 2, 2, token));
}

/** The named entities that stand for characters around keys. */
const NAMED_ENTITIES: readonly (readonly [string, number])[] = [
  ['lowbar;', 0x5f],
  ['UnderBar;', 0x5f],
  ['lpar;', 0x28],
  ['rpar;', 0x29],
  ['period;', 0x2e],
];

/** `&#NNN;` (1 to 7 digits), `&#xNN;` / `&#XNN;` (1 to 6 hex digits) and the named entities above. */
function readEntity(text: string, at: number, token: DecodedToken): boolean {
  if (text.charCodeAt(at) !== AMPERSAND) return false;
  if (text.charCodeAt(at + 1) === HASH) {
    const kind = text.charCodeAt(at + 2);
    const end =
      kind === 0x78 || kind === 0x58 /* x X */
        ? readNumber(text, at + 3, 16, 1, 6, token, SEMICOLON)
        : readNumber(text, at + 2, 10, 1, 7, token, SEMICOLON);
    return endToken(token, at, end);
  }
  for (const [name, codePoint] of NAMED_ENTITIES) {
    if (text.startsWith(name, at + 1)) {
      token.codePoint = codePoint;
      return endToken(token, at, at + 1 + name.length);
    }
  }
  return false;
}

const TOKEN_ENCODINGS: readonly TokenEncoding[] = [
  {
    encoding: 'escape',
    triggers: ['\\x', '\\u'],
    isRegionUnit: (unit) => isWordUnit(unit) || unit === BACKSLASH || unit === OPEN_BRACE || unit === CLOSE_BRACE,
    readToken: readEscape,
  },
  {
    encoding: 'percent',
    triggers: ['%'],
    isRegionUnit: (unit) => isWordUnit(unit) || unit === PERCENT,
    readToken: readPercent,
  },
  {
    encoding: 'html-entity',
    triggers: ['&'],
    isRegionUnit: (unit) => isWordUnit(unit) || unit === AMPERSAND || unit === HASH || unit === SEMICOLON,
    readToken: readEntity,
  },
];

/** How far back from a trigger a region may start: a key and its encoding fit easily. */
const MAX_REGION_LOOKBACK = 2560;

/**
 * Decodes every region of `scheme` tokens (with the plain word characters around them) once: the
 * next trigger of any kind is taken after the last decoded region, so the work is linear in the text.
 */
function findTokenEncodedKeys(text: string, scheme: TokenEncoding): EncodedKeyMatch[] {
  const found: EncodedKeyMatch[] = [];
  const nextHits = scheme.triggers.map((trigger) => text.indexOf(trigger));
  let scannedTo = 0;
  for (;;) {
    let hit = -1;
    for (const [i, trigger] of scheme.triggers.entries()) {
      let next = nextHits[i] ?? -1;
      if (next !== -1 && next < scannedTo) next = nextHits[i] = text.indexOf(trigger, scannedTo);
      if (next !== -1 && (hit === -1 || next < hit)) hit = next;
    }
    if (hit === -1) break;
    let start = hit;
    const lookbackLimit = Math.max(scannedTo, hit - MAX_REGION_LOOKBACK);
    while (start > lookbackLimit && scheme.isRegionUnit(text.charCodeAt(start - 1))) start--;
    // Cut short by the lookback limit, the region may start inside a word: no key starts at its first character.
    const startsMidWord = start > scannedTo && scheme.isRegionUnit(text.charCodeAt(start - 1));
    let end = decodeRegion(text, start, scheme, found, startsMidWord);
    // Region syntax such as a lone `{` can end a region before the trigger: go on from there.
    while (end <= hit) end = decodeRegion(text, end, scheme, found, false);
    scannedTo = end;
  }
  return found;
}

const SCRATCH_TOKEN: DecodedToken = { codePoint: 0, rawLength: 0 };

/** Decodes the region from `start`, collects keys that used at least one token, and returns where it ended. */
function decodeRegion(
  text: string,
  start: number,
  scheme: TokenEncoding,
  found: EncodedKeyMatch[],
  startsMidWord: boolean,
): number {
  const token = SCRATCH_TOKEN;
  // Most triggers start no region at all (a lone `&` or `%`): leave before allocating anything.
  if (!isWordUnit(text.charCodeAt(start)) && !scheme.readToken(text, start, token)) return start + 1;
  const units: number[] = [];
  // rawOffsets[i]: where the token or character that produced units[i] starts in `text`.
  const rawOffsets: number[] = [];
  let position = start;
  let sawToken = false;
  while (position < text.length) {
    if (scheme.readToken(text, position, token)) {
      if (token.codePoint > 0xffff) {
        // An astral character decodes to two UTF-16 units, both from this one token.
        const offset = token.codePoint - 0x10000;
        units.push(0xd800 + (offset >> 10), 0xdc00 + (offset & 0x3ff));
        rawOffsets.push(position, position);
      } else {
        units.push(token.codePoint);
        rawOffsets.push(position);
      }
      position += token.rawLength;
      sawToken = true;
      continue;
    }
    const unit = text.charCodeAt(position);
    if (!isWordUnit(unit)) break;
    units.push(unit);
    rawOffsets.push(position);
    position++;
  }
  rawOffsets.push(position);
  if (sawToken) {
    const decoded = fromCharCodes(units);
    for (const match of matchKeys(decoded)) {
      if (startsMidWord && match.index === 0) continue;
      const index = rawOffsets[match.index] ?? start;
      const end = rawOffsets[match.index + match.key.length] ?? position;
      // A key written out plainly as a whole token is the plain matcher's to report.
      const plain = end - index === match.key.length;
      if (plain && !isWordChar(text[index - 1]) && !isWordChar(text[end])) continue;
      found.push({ key: match.key, kind: match.kind, encoding: scheme.encoding, index, length: end - index });
    }
  }
  return Math.max(position, start + 1);
}

/** A string from UTF-16 code units, in chunks that stay under the engine's argument limit. */
function fromCharCodes(units: readonly number[]): string {
  const chunks: string[] = [];
  for (let at = 0; at < units.length; at += 8192) chunks.push(String.fromCharCode(...units.slice(at, at + 8192)));
  return chunks.join('');
}

/** Keys hidden in any supported encoding. */
export function findEncodedKeys(text: string): EncodedKeyMatch[] {
  const found = [...findBase64Keys(text), ...findWrappedBase64Keys(text)];
  for (const scheme of TOKEN_ENCODINGS) {
    if (scheme.triggers.some((trigger) => text.includes(trigger))) found.push(...findTokenEncodedKeys(text, scheme));
  }
  return found;
}
