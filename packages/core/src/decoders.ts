import { KEY_PATTERN_SOURCE, KEY_PREFIXES, matchKeys, type KeyKind } from './key-grammar.js';

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

const BASE64_CHAR = /[A-Za-z0-9+/\-_]/;

function isBase64Char(char: string | undefined): boolean {
  return char !== undefined && BASE64_CHAR.test(char);
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

/** One encoded character: what it decodes to and how many raw characters it takes. */
interface DecodedToken {
  char: string;
  rawLength: number;
}

interface TokenEncoding {
  encoding: Exclude<HiddenEncoding, 'base64'>;
  /** Substrings that start every token; a text without them has nothing to decode. */
  triggers: readonly string[];
  /** Raw characters a region may hold (plain key characters plus token syntax). */
  regionChar: RegExp;
  readToken(text: string, at: number): DecodedToken | undefined;
}

const HEX = '[0-9A-Fa-f]';
const ESCAPE_TOKEN = new RegExp(`\\\\(?:x(${HEX}{2})|u(${HEX}{4})|u\\{(${HEX}{1,6})\\})`, 'y');
const PERCENT_TOKEN = new RegExp(`%(${HEX}{2})`, 'y');
const ENTITY_TOKEN = /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|(lowbar|UnderBar|lpar|rpar|period));/y;
const NAMED_ENTITIES: Record<string, string> = { lowbar: '_', UnderBar: '_', lpar: '(', rpar: ')', period: '.' };

function readSticky(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function fromCodePoint(hex: string | undefined, radix = 16): string | undefined {
  if (hex === undefined) return undefined;
  const codePoint = Number.parseInt(hex, radix);
  return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : undefined;
}

const TOKEN_ENCODINGS: readonly TokenEncoding[] = [
  {
    encoding: 'escape',
    triggers: ['\\x', '\\u'],
    regionChar: /[A-Za-z0-9_\\{}]/,
    readToken(text, at) {
      const match = readSticky(ESCAPE_TOKEN, text, at);
      const char = match ? fromCodePoint(match[1] ?? match[2] ?? match[3]) : undefined;
      return match && char !== undefined ? { char, rawLength: match[0].length } : undefined;
    },
  },
  {
    encoding: 'percent',
    triggers: ['%'],
    regionChar: /[A-Za-z0-9_%]/,
    readToken(text, at) {
      const match = readSticky(PERCENT_TOKEN, text, at);
      return match ? { char: String.fromCharCode(Number.parseInt(match[1] ?? '', 16)), rawLength: 3 } : undefined;
    },
  },
  {
    encoding: 'html-entity',
    triggers: ['&'],
    regionChar: /[A-Za-z0-9_&#;]/,
    readToken(text, at) {
      const match = readSticky(ENTITY_TOKEN, text, at);
      if (!match) return undefined;
      const char = match[3] !== undefined ? NAMED_ENTITIES[match[3]] : fromCodePoint(match[1] ?? match[2], match[1] ? 10 : 16);
      return char !== undefined ? { char, rawLength: match[0].length } : undefined;
    },
  },
];

/** How far back from a trigger a region may start: a key and its encoding fit easily. */
const MAX_REGION_LOOKBACK = 2560;

const WORD_CHAR = /[A-Za-z0-9_]/;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

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
    while (start > lookbackLimit && scheme.regionChar.test(text[start - 1] ?? '')) start--;
    // Cut short by the lookback limit, the region may start inside a word: no key starts at its first character.
    const startsMidWord = start > scannedTo && scheme.regionChar.test(text[start - 1] ?? '');
    let end = decodeRegion(text, start, scheme, found, startsMidWord);
    // Region syntax such as a lone `{` can end a region before the trigger: go on from there.
    while (end <= hit) end = decodeRegion(text, end, scheme, found, false);
    scannedTo = end;
  }
  return found;
}

/** Decodes the region from `start`, collects keys that used at least one token, and returns where it ended. */
function decodeRegion(
  text: string,
  start: number,
  scheme: TokenEncoding,
  found: EncodedKeyMatch[],
  startsMidWord: boolean,
): number {
  let decoded = '';
  // rawOffsets[i]: where the token or character that produced decoded[i] starts in `text`.
  const rawOffsets: number[] = [];
  let position = start;
  let sawToken = false;
  while (position < text.length) {
    const token = scheme.readToken(text, position);
    if (token) {
      decoded += token.char;
      // An astral character decodes to two UTF-16 units, both from this one token.
      for (let unit = 0; unit < token.char.length; unit++) rawOffsets.push(position);
      position += token.rawLength;
      sawToken = true;
      continue;
    }
    const char = text[position];
    if (!isWordChar(char)) break;
    decoded += char;
    rawOffsets.push(position);
    position++;
  }
  rawOffsets.push(position);
  if (sawToken) {
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

/** Keys hidden in any supported encoding. */
export function findEncodedKeys(text: string): EncodedKeyMatch[] {
  const found = findBase64Keys(text);
  for (const scheme of TOKEN_ENCODINGS) {
    if (scheme.triggers.some((trigger) => text.includes(trigger))) found.push(...findTokenEncodedKeys(text, scheme));
  }
  return found;
}
