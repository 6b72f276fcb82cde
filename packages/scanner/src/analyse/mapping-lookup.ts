/**
 * Original positions of a few generated positions, read straight from a source map's encoded
 * `mappings`. trace-mapping decodes the whole string into arrays first: for a multi-megabyte
 * bundle with one key that allocation was most of a scan's time. This walks the VLQ text once, up
 * to the last line asked about, and keeps only running totals. Its answers are trace-mapping's
 * `originalPositionFor` with the default bias (the tests compare the two on random maps).
 */

/** A generated position: 1-based line, 0-based column (as trace-mapping takes them). */
export interface GeneratedPosition {
  line: number;
  column: number;
}

/** Where a generated position comes from: indexes and 0-based numbers, as a segment holds them. */
export interface MappedSegment {
  sourceIndex: number;
  line: number;
  column: number;
}

const COMMA = 0x2c;
const SEMICOLON = 0x3b;

/** Base64 digit values by character code; -1 for characters that are not digits. */
const DIGIT_VALUES = (() => {
  const values = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) values[alphabet.charCodeAt(i)] = i;
  return values;
})();

/** Where `readVlq` stopped: module state rather than a returned pair, so the hot loop allocates nothing. */
let vlqEnd = 0;

/** The signed VLQ number at `index` of `text`; throws where a byte is not a base64 digit. */
function readVlq(text: Uint8Array, index: number): number {
  let value = 0;
  let shift = 0;
  let digit: number;
  do {
    const code = index < text.length ? (text[index] as number) : 0xff;
    index++;
    digit = code < 128 ? (DIGIT_VALUES[code] ?? -1) : -1;
    if (digit === -1) throw new Error(`invalid mappings character at offset ${index - 1}`);
    value |= (digit & 31) << shift;
    shift += 5;
  } while (digit & 32);
  vlqEnd = index;
  const negative = value & 1;
  value >>>= 1;
  return negative ? (value === 0 ? -0x80000000 : -value) : value;
}

function segmentEndsAt(text: Uint8Array, index: number): boolean {
  if (index >= text.length) return true;
  const code = text[index];
  return code === COMMA || code === SEMICOLON;
}

function asksAbout(positions: readonly GeneratedPosition[], line: number): boolean {
  for (const position of positions) if (position.line === line) return true;
  return false;
}

/**
 * For each position, the segment that covers it: on its line, the first segment that starts at its
 * column, else the last of those (in column order) that start nearest before it.
 * `undefined` where no segment does, or the segment names no source. Throws on text that is not VLQ.
 */
export function traceEncodedMappings(mappings: Uint8Array, positions: readonly GeneratedPosition[]): (MappedSegment | undefined)[] {
  /** Per position, the best segment so far: its start column, whether it names a source, and where. */
  const bestColumns = positions.map(() => -1);
  const bestNamed = positions.map(() => false);
  const bestSources = positions.map(() => 0);
  const bestLines = positions.map(() => 0);
  const bestSourceColumns = positions.map(() => 0);
  let lastLine = 0;
  for (const position of positions) lastLine = Math.max(lastLine, position.line);
  let line = 1;
  let asked = asksAbout(positions, line);
  let generatedColumn = 0;
  let sourceIndex = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let index = 0;
  while (index < mappings.length) {
    const code = mappings[index];
    if (code === SEMICOLON) {
      if (++line > lastLine) break;
      asked = asksAbout(positions, line);
      generatedColumn = 0;
      index++;
      continue;
    }
    if (code === COMMA) {
      index++;
      continue;
    }
    generatedColumn += readVlq(mappings, index);
    index = vlqEnd;
    let named = false;
    if (!segmentEndsAt(mappings, index)) {
      sourceIndex += readVlq(mappings, index);
      sourceLine += readVlq(mappings, vlqEnd);
      sourceColumn += readVlq(mappings, vlqEnd);
      index = vlqEnd;
      named = true;
      if (!segmentEndsAt(mappings, index)) {
        readVlq(mappings, index); // the name index: not needed
        index = vlqEnd;
      }
    }
    if (!asked) continue;
    for (let i = 0; i < positions.length; i++) {
      const position = positions[i] as GeneratedPosition;
      const best = bestColumns[i] as number;
      if (position.line !== line || generatedColumn > position.column) continue;
      // trace-mapping's ties: the first segment at exactly the column, else the last at the nearest one before it.
      if (generatedColumn < best || (generatedColumn === best && best === position.column)) continue;
      // Plain numbers, not an object per segment passed: a line of a bundle holds thousands.
      bestColumns[i] = generatedColumn;
      bestNamed[i] = named;
      bestSources[i] = sourceIndex;
      bestLines[i] = sourceLine;
      bestSourceColumns[i] = sourceColumn;
    }
  }
  return positions.map((_, i) =>
    !bestNamed[i] ? undefined : { sourceIndex: bestSources[i] as number, line: bestLines[i] as number, column: bestSourceColumns[i] as number },
  );
}
