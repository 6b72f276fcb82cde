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
  /**
   * Segments at or after this column of the position's line do not count (an index map's section
   * ends there: the next section owns the rest of the line). No limit when absent.
   */
  stopColumn?: number;
}

/** Where a generated position comes from: indexes and 0-based numbers, as a segment holds them. */
export interface MappedSegment {
  sourceIndex: number;
  line: number;
  column: number;
}

/**
 * What the mappings say about one position: the segment that covers it, or why none does. The
 * two reasons differ for the reader: `no-segment` (nothing starts at or before that column of the
 * line: an index map then asks the section before) and `no-source` (the covering segment is one
 * of the bundler's own, naming no source).
 */
export type SegmentLookup = MappedSegment | 'no-segment' | 'no-source';

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

/** The running source totals (index, line, column) that `skipLine` adds to: plain numbers, not an object per line. */
const sourceTotals = new Float64Array(3);

/**
 * Reads a line that no position asks about, from `index` to its `;` (or the end), and returns
 * where it stopped. Only the source totals carry over to later lines, so each value is summed
 * into its field as it ends and nothing else is kept: one byte loop with no call per value,
 * most of the time a trace takes on a bundle whose key is on a late line. Errors are
 * readVlq's, at the same offsets: a byte that is not a digit, or a segment cut short (after two
 * or three values, or inside a value).
 */
function skipLine(text: Uint8Array, index: number): number {
  /** Values read of the current segment: 0 to 4, back to 0 after a name index (a new segment follows). */
  let field = 0;
  let value = 0;
  let shift = 0;
  for (; index < text.length; index++) {
    const code = text[index] as number;
    if (code === COMMA || code === SEMICOLON) {
      if (shift !== 0 || field === 2 || field === 3) throw new Error(`invalid mappings character at offset ${index}`);
      if (code === SEMICOLON) return index;
      field = 0;
      continue;
    }
    const digit = code < 128 ? (DIGIT_VALUES[code] as number) : -1;
    if (digit === -1) throw new Error(`invalid mappings character at offset ${index}`);
    value |= (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    if (field >= 1 && field <= 3) {
      const negative = value & 1;
      value >>>= 1;
      (sourceTotals[field - 1] as number) += negative ? (value === 0 ? -0x80000000 : -value) : value;
    }
    field = field === 4 ? 0 : field + 1;
    value = 0;
    shift = 0;
  }
  if (shift !== 0 || field === 2 || field === 3) throw new Error(`invalid mappings character at offset ${index}`);
  return index;
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
 * column, else the last of those (in column order) that start nearest before it. Throws on text
 * that is not VLQ.
 */
export function traceEncodedMappings(mappings: Uint8Array, positions: readonly GeneratedPosition[]): SegmentLookup[] {
  /** Per position, the best segment so far: its start column, whether it names a source, and where. */
  const bestColumns = positions.map(() => -Infinity);
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
    if (!asked) {
      sourceTotals[0] = sourceIndex;
      sourceTotals[1] = sourceLine;
      sourceTotals[2] = sourceColumn;
      index = skipLine(mappings, index);
      sourceIndex = sourceTotals[0] as number;
      sourceLine = sourceTotals[1] as number;
      sourceColumn = sourceTotals[2] as number;
      if (index >= mappings.length) break;
    }
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
      if (position.line !== line || generatedColumn > position.column || generatedColumn >= (position.stopColumn ?? Infinity)) continue;
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
  return positions.map((_, i) => {
    if (bestColumns[i] === -Infinity) return 'no-segment';
    if (!bestNamed[i]) return 'no-source';
    return { sourceIndex: bestSources[i] as number, line: bestLines[i] as number, column: bestSourceColumns[i] as number };
  });
}

/** The mappings of one section of an index map (a plain map is one section), placed in the generated file. */
export interface PlacedMappings {
  mappings: Uint8Array;
  /** 0-based generated line and column where the section starts: its own line 0, column 0. */
  line: number;
  column: number;
  /** Where the next section starts (0-based): from there on, this section's segments do not count. */
  stopLine: number;
  stopColumn: number;
}

/** A segment found in a section: the indexes are that section's own. */
export interface SectionSegment extends MappedSegment {
  section: number;
}

export type SectionLookup = SectionSegment | 'no-segment' | 'no-source';

/** The last section that starts at or before a 0-based position, or -1. Sections are in order. */
function sectionAt(sections: readonly PlacedMappings[], line: number, column: number): number {
  let low = 0;
  let high = sections.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const section = sections[middle] as PlacedMappings;
    if (section.line < line || (section.line === line && section.column <= column)) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * The covering segment of each position in a map made of sections placed one after the other (an
 * index map, flattened as trace-mapping's FlattenMap does, without building the flat map). A line
 * can hold the end of one section and the start of the next: where the section holding the
 * position has no segment at or before its column, the one before it on that line may.
 * Each section's mappings are read once per round for all the positions asking it.
 */
export function traceSections(sections: readonly PlacedMappings[], positions: readonly GeneratedPosition[]): SectionLookup[] {
  const results: SectionLookup[] = positions.map(() => 'no-segment');
  /** Positions still looking, by the section to ask next. */
  let pending = new Map<number, number[]>();
  const ask = (section: number, position: number): void => {
    const list = pending.get(section);
    if (list) list.push(position);
    else pending.set(section, [position]);
  };
  for (const [index, { line, column }] of positions.entries()) {
    const section = sectionAt(sections, line - 1, column);
    if (section !== -1) ask(section, index);
  }
  while (pending.size > 0) {
    const asking = pending;
    pending = new Map();
    for (const [sectionIndex, indexes] of asking) {
      const section = sections[sectionIndex] as PlacedMappings;
      const queries: GeneratedPosition[] = [];
      const askers: number[] = [];
      for (const index of indexes) {
        const { line, column } = positions[index] as GeneratedPosition;
        const generatedLine = line - 1;
        // Past the section's last line: no section before it reaches this line either.
        if (generatedLine > section.stopLine) continue;
        const shift = generatedLine === section.line ? section.column : 0;
        queries.push({
          line: generatedLine - section.line + 1,
          column: column - shift,
          ...(generatedLine === section.stopLine ? { stopColumn: section.stopColumn - shift } : {}),
        });
        askers.push(index);
      }
      if (queries.length === 0) continue;
      const found = traceEncodedMappings(section.mappings, queries);
      for (const [at, lookup] of found.entries()) {
        const index = askers[at] as number;
        if (lookup === 'no-segment') {
          if (sectionIndex > 0) ask(sectionIndex - 1, index);
        } else results[index] = lookup === 'no-source' ? lookup : { ...lookup, section: sectionIndex };
      }
    }
  }
  return results;
}
