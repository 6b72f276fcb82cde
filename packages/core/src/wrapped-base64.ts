/**
 * Base64 wrapped at a fixed width (MIME's 76 columns, PEM's 64), with LF or CRLF line ends, each
 * line indented alike or not at all (a YAML block scalar, a heredoc in code): a key encoded in it
 * runs across line breaks, so the decoders read each wrapped block joined and report
 * the key at its place in the original text. Text reaches the decoders once the prefilter found a
 * needle in it; a line break that cuts the prefix's own 12-character signature hides it from the
 * prefilter (a search of every line's length ran at a quarter of the prefilter's speed: too slow
 * for every file).
 */
import { findBase64Keys, type EncodedKeyMatch } from './decoders.js';

/** The widths base64 is wrapped at: PEM (RFC 7468) and MIME (RFC 2045). */
export const BASE64_WRAP_WIDTHS: readonly number[] = [64, 76];
const [PEM_WIDTH, MIME_WIDTH] = BASE64_WRAP_WIDTHS as [number, number];

const CR = 0x0d;
/** Indentation looked past before a line of wrapped base64: what a YAML block or nested code puts there. */
const MAX_INDENT = 32;

const isIndentUnit = (unit: number | undefined) => unit === 0x20 || unit === 0x09;

/** Where a line's text starts after its indentation (spaces, tabs), up to MAX_INDENT of it. */
function afterIndent(at: (index: number) => number | undefined, from: number, to: number): number {
  let start = from;
  while (start < to && start - from < MAX_INDENT && isIndentUnit(at(start))) start++;
  return start;
}

function isBase64Unit(unit: number): boolean {
  return (
    (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a) ||
    unit === 0x2b || unit === 0x2f || unit === 0x2d || unit === 0x5f || unit === 0x3d // + / - _ =
  );
}

/**
 * Whether `bytes[from, to)` (a line without its LF) is a line of wrapped base64: exactly a wrap
 * width of base64 characters after its indentation, a CR aside. Readers that see text a line at a
 * time (a diff, whose keys a wrapped block splits) or skip it on the prefilter's word ask this to
 * read the whole text.
 */
export function isWrappedBase64Line(bytes: Uint8Array, lineStart: number, to: number): boolean {
  const from = afterIndent((index) => bytes[index], lineStart, to);
  const end = to > from && bytes[to - 1] === CR ? to - 1 : to;
  if (end - from !== PEM_WIDTH && end - from !== MIME_WIDTH) return false;
  // The standard alphabet (what `base64` and PEM write), `=` only as padding at the end, and both
  // cases of letters: a ruler of `-` or `=` and a hex digest are no base64 lines.
  let upper = false;
  let lower = false;
  let padding = end;
  while (padding > from && bytes[padding - 1] === 0x3d) padding--;
  if (end - padding > 2) return false;
  for (let at = from; at < padding; at++) {
    const unit = bytes[at] as number;
    if (unit >= 0x41 && unit <= 0x5a) upper = true;
    else if (unit >= 0x61 && unit <= 0x7a) lower = true;
    else if (!((unit >= 0x30 && unit <= 0x39) || unit === 0x2b || unit === 0x2f)) return false;
  }
  return upper && lower;
}

/**
 * Whether one of the first two lines of `bytes` is a line of wrapped base64: a file of it (the
 * output of `base64`, `openssl base64`), or one after a PEM-style header. A line break may cut the
 * prefix's signature there, which the prefilter then misses, so such text is searched whole.
 */
export function opensWithWrappedBase64(bytes: Uint8Array): boolean {
  let from = 0;
  for (let line = 0; line < 2 && from < bytes.length; line++) {
    // Only a line's first bytes are looked at: one longer than a wrap width, its indentation and its CR is not one.
    const window = bytes.subarray(from, from + MAX_INDENT + MIME_WIDTH + 2);
    const newline = window.indexOf(0x0a);
    if (newline === -1) return window.length < MAX_INDENT + MIME_WIDTH + 2 && isWrappedBase64Line(bytes, from, from + window.length);
    if (isWrappedBase64Line(bytes, from, from + newline)) return true;
    from += newline + 1;
  }
  return false;
}

/** Whether any line of `bytes` is a line of wrapped base64 (for text read whole, not every file). */
export function holdsWrappedBase64Line(bytes: Uint8Array): boolean {
  for (let from = 0; from < bytes.length; ) {
    let to = bytes.indexOf(0x0a, from);
    if (to === -1) to = bytes.length;
    if (isWrappedBase64Line(bytes, from, to)) return true;
    from = to + 1;
  }
  return false;
}

/** A line's text after its indentation (`indent` units) and without its line end, and where the next line starts. */
interface Line {
  start: number;
  length: number;
  indent: number;
  next: number;
}

type Units = { length: number; at(index: number): number };

function lineAt(units: Units, lineStart: number, newline: (from: number) => number): Line {
  const newlineAt = newline(lineStart);
  const end = newlineAt === -1 ? units.length : newlineAt;
  const start = afterIndent((index) => units.at(index), lineStart, end);
  const length = end > start && units.at(end - 1) === CR ? end - 1 - start : end - start;
  return { start, length, indent: start - lineStart, next: newlineAt === -1 ? units.length : end + 1 };
}

function allBase64(units: Units, line: Line): boolean {
  for (let at = line.start; at < line.start + line.length; at++) if (!isBase64Unit(units.at(at))) return false;
  return true;
}

/**
 * The run of base64 lines that starts with `line`, when `line` is exactly one of the wrap widths
 * long: every line but the last has that width, the last may be shorter, all indented alike. One
 * line is no block.
 */
function blockFrom(units: Units, line: Line, newline: (from: number) => number): Line[] {
  if (!BASE64_WRAP_WIDTHS.includes(line.length) || !allBase64(units, line)) return [line];
  const width = line.length;
  const block = [line];
  let next = lineAt(units, line.next, newline);
  while (next.start < units.length && next.indent === line.indent && next.length > 0 && next.length <= width && allBase64(units, next)) {
    block.push(next);
    if (next.length < width) break;
    next = lineAt(units, next.next, newline);
  }
  return block;
}

/** Each wrapped block of `units`, in order: only a line of a wrap width is looked at closer. */
function* wrappedBlocks(units: Units, newline: (from: number) => number): Generator<Line[]> {
  for (let start = 0; start < units.length; ) {
    const line = lineAt(units, start, newline);
    let next = line.next;
    if (line.length === PEM_WIDTH || line.length === MIME_WIDTH) {
      const block = blockFrom(units, line, newline);
      if (block.length >= 2) {
        yield block;
        next = (block.at(-1) as Line).next;
      }
    }
    start = next;
  }
}

/** Keys in the wrapped base64 blocks of `text`, at their offsets in `text` (the line breaks counted in `length`). */
export function findWrappedBase64Keys(text: string): EncodedKeyMatch[] {
  const units: Units = { length: text.length, at: (index) => text.charCodeAt(index) };
  const found: EncodedKeyMatch[] = [];
  for (const block of wrappedBlocks(units, (from) => text.indexOf('\n', from))) {
    const joined = block.map((line) => text.slice(line.start, line.start + line.length)).join('');
    // Offset in `text` of the character at `index` of the joined block.
    const width = (block[0] as Line).length;
    const original = (index: number): number => {
      const line = block[Math.min(block.length - 1, Math.floor(index / width))] as Line;
      return line.start + (index - Math.floor(index / width) * width);
    };
    for (const match of findBase64Keys(joined)) {
      const start = original(match.index);
      const end = original(match.index + match.length - 1) + 1;
      found.push({ ...match, index: start, length: end - start });
    }
  }
  return found;
}
