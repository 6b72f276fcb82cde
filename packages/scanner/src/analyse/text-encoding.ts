/**
 * What a file's bytes are: UTF-8 text (the common case, read as is), UTF-16 or UTF-32 text (a
 * `.env` saved by PowerShell or Notepad), decoded to UTF-8 before the search, or binary. Unicode
 * text is told by its byte-order mark, or, for UTF-16 without one, by the NUL that every other
 * byte of ASCII text is in it. A NUL byte makes a file binary, as git decides, except in the files
 * that are text by their name (sources, bundles, maps, `.env`, JSON): a bundle may carry a NUL in
 * a comment or a string, and skipping it would hide its keys.
 */

/** Bytes checked for NUL to tell binary files, as git does. */
const BINARY_PROBE_BYTES = 8000;

/** Files that are text whatever bytes they hold. */
const TEXT_BY_NAME = /(?:\.(?:[cm]?[jt]sx?|map|json|env)|(?:^|\/)\.env(?:\.[^/]*)?)$/;

/** True for the files that are text by their name, whatever bytes they hold. */
export function isTextByName(path: string): boolean {
  return TEXT_BY_NAME.test(path);
}

export function isBinary(bytes: Uint8Array, path: string): boolean {
  return !isTextByName(path) && bytes.subarray(0, BINARY_PROBE_BYTES).includes(0);
}

type UnicodeForm = 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

/** The form a byte-order mark names, and the mark's length. UTF-32 LE is checked before UTF-16 LE, whose mark it starts with. */
function byteOrderMark(bytes: Uint8Array): { form: UnicodeForm; length: number } | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return { form: 'utf-32le', length: 4 };
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return { form: 'utf-32be', length: 4 };
  if (b0 === 0xff && b1 === 0xfe) return { form: 'utf-16le', length: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { form: 'utf-16be', length: 2 };
  return undefined;
}

/** UTF-16 code units looked at to tell UTF-16 text that has no byte-order mark. */
const UNMARKED_PROBE_UNITS = 64;

/**
 * UTF-16 without a byte-order mark, as some Windows tools write it: the first code units (all of
 * them in a short file) are ASCII text, tab, CR and LF included, so each has a NUL for its high
 * byte and a printable low byte. UTF-8 text never holds a NUL; binary formats rarely hold 64 such
 * units in a row at their start. The first two bytes decide for almost every file.
 */
function unmarkedUtf16(bytes: Uint8Array): UnicodeForm | undefined {
  const [b0, b1] = bytes;
  const form = b0 === 0 && b1 !== 0 ? 'utf-16be' : b0 !== 0 && b1 === 0 ? 'utf-16le' : undefined;
  if (!form || bytes.length % 2 !== 0) return undefined;
  return asciiCodeUnits(bytes, 0, Math.min(UNMARKED_PROBE_UNITS, bytes.length / 2), form === 'utf-16le' ? 1 : 0) ? form : undefined;
}

/**
 * Whether the `units` UTF-16 code units at `from` are ASCII text (tab, LF, CR or printable), each
 * with a NUL for its `high` byte (1 in little-endian order, 0 in big-endian).
 */
export function asciiCodeUnits(bytes: Uint8Array, from: number, units: number, high: 0 | 1): boolean {
  for (let unit = 0; unit < units; unit++) {
    const at = from + 2 * unit;
    const low = bytes[at + 1 - high];
    if (bytes[at + high] !== 0 || low === undefined || !(low === 0x09 || low === 0x0a || low === 0x0d || (low >= 0x20 && low < 0x7f))) return false;
  }
  return true;
}

/** The Unicode form `bytes` are in, other than UTF-8, and the length of its byte-order mark (0 for none). */
function unicodeForm(bytes: Uint8Array): { form: UnicodeForm; length: number } | undefined {
  const mark = byteOrderMark(bytes);
  if (mark) return mark;
  const unmarked = unmarkedUtf16(bytes);
  return unmarked && { form: unmarked, length: 0 };
}

function utf32ToString(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let points: number[] = [];
  for (let at = 0; at + 4 <= bytes.length; at += 4) {
    const point = view.getUint32(at, littleEndian);
    points.push(point <= 0x10ffff && (point < 0xd800 || point > 0xdfff) ? point : 0xfffd);
    // String.fromCodePoint takes its arguments on the stack: in chunks.
    if (points.length === 8192) {
      parts.push(String.fromCodePoint(...points));
      points = [];
    }
  }
  parts.push(String.fromCodePoint(...points));
  return parts.join('');
}

/**
 * For UTF-16 or UTF-32 text, the same text in UTF-8 (without a byte-order mark), so lines and
 * columns count characters as in any other file; undefined for anything else, read as it is.
 */
export function utf8OfUnicodeText(bytes: Uint8Array): Buffer | undefined {
  const mark = unicodeForm(bytes);
  if (!mark) return undefined;
  const body = bytes.subarray(mark.length);
  let text: string;
  if (mark.form === 'utf-16le') text = new TextDecoder('utf-16le').decode(body);
  else if (mark.form === 'utf-16be') text = new TextDecoder('utf-16be').decode(body);
  else text = utf32ToString(body, mark.form === 'utf-32le');
  return Buffer.from(text, 'utf8');
}
