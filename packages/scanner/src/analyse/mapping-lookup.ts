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

class MalformedMappings extends Error {}

/**
 * For each position, the segment that covers it: on its line, the first segment that starts at its
 * column, else the last of those (in column order) that start nearest before it. `undefined` where no segment does, or the segment names no
 * source. Throws on text that is not VLQ.
 */
export function traceEncodedMappings(mappings: string, positions: readonly GeneratedPosition[]): (MappedSegment | undefined)[] {
  const answers: (MappedSegment | undefined)[] = positions.map(() => undefined);
  /** Best segment start column per position, on the position's line. */
  const bestColumns = positions.map(() => -1);
  const lastLine = Math.max(0, ...positions.map((position) => position.line));
  let index = 0;
  let line = 1;
  let generatedColumn = 0;
  let sourceIndex = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  const field = (): number => {
    let value = 0;
    let shift = 0;
    let digit: number;
    do {
      const code = mappings.charCodeAt(index++);
      digit = code < 128 ? (DIGIT_VALUES[code] ?? -1) : -1;
      if (digit === -1) throw new MalformedMappings(`invalid mappings character at offset ${index - 1}`);
      value |= (digit & 31) << shift;
      shift += 5;
    } while (digit & 32);
    const negative = value & 1;
    value >>>= 1;
    return negative ? (value === 0 ? -0x80000000 : -value) : value;
  };
  const ended = (): boolean => index >= mappings.length || mappings.charCodeAt(index) === COMMA || mappings.charCodeAt(index) === SEMICOLON;
  while (index < mappings.length && line <= lastLine) {
    const code = mappings.charCodeAt(index);
    if (code === SEMICOLON) {
      line++;
      generatedColumn = 0;
      index++;
      continue;
    }
    if (code === COMMA) {
      index++;
      continue;
    }
    generatedColumn += field();
    let named = false;
    if (!ended()) {
      sourceIndex += field();
      sourceLine += field();
      sourceColumn += field();
      named = true;
      if (!ended()) field(); // the name index: not needed
    }
    for (const [i, position] of positions.entries()) {
      if (position.line !== line || generatedColumn > position.column) continue;
      const best = bestColumns[i] ?? -1;
      // trace-mapping's ties: the first segment at exactly the column, else the last at the nearest one before it.
      if (generatedColumn < best || (generatedColumn === best && best === position.column)) continue;
      bestColumns[i] = generatedColumn;
      answers[i] = named ? { sourceIndex, line: sourceLine, column: sourceColumn } : undefined;
    }
  }
  return answers;
}
