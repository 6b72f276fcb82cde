import { encode, type SourceMapSegment } from '@jridgewell/sourcemap-codec';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceEncodedMappings } from '../../src/analyse/mapping-lookup.js';

const SOURCES = ['a.ts', 'b.ts', 'c.ts'];

/** Lines of segments as a bundler writes them, but also unsorted, repeated and source-less ones. */
const segment: fc.Arbitrary<SourceMapSegment> = fc.oneof(
  fc.tuple(fc.nat(60)),
  fc.tuple(fc.nat(60), fc.nat(SOURCES.length - 1), fc.nat(200), fc.nat(80)),
  fc.tuple(fc.nat(60), fc.nat(SOURCES.length - 1), fc.nat(200), fc.nat(80), fc.nat(3)),
);
const decoded = fc.array(fc.array(segment, { maxLength: 12 }), { maxLength: 12 });
const position = fc.record({ line: fc.integer({ min: 1, max: 14 }), column: fc.nat(70) });

describe('traceEncodedMappings', () => {
  it("answers as trace-mapping's originalPositionFor does, on random maps", () => {
    fc.assert(
      fc.property(decoded, fc.array(position, { minLength: 1, maxLength: 6 }), (lines, positions) => {
        const mappings = encode(lines);
        const expected = positions.map((generated) => {
          const original = originalPositionFor(new TraceMap({ version: 3, sources: SOURCES, names: ['n0', 'n1', 'n2', 'n3'], mappings }), generated);
          return original.source === null ? undefined : { sourceIndex: SOURCES.indexOf(original.source), line: (original.line ?? 0) - 1, column: original.column };
        });
        expect(traceEncodedMappings(Buffer.from(mappings), positions).map((found) => (typeof found === 'string' ? undefined : found))).toEqual(expected);
      }),
      { numRuns: 5_000 },
    );
  });

  it('reads a map only up to the last line asked about', () => {
    // Line 2 is garbage: a lookup on line 1 never reaches it, one on line 2 does and says so.
    expect(traceEncodedMappings(Buffer.from('AAAA,EAAE;!!!'), [{ line: 1, column: 3 }])).toEqual([{ sourceIndex: 0, line: 0, column: 2 }]);
    expect(() => traceEncodedMappings(Buffer.from('AAAA,EAAE;!!!'), [{ line: 2, column: 0 }])).toThrow(/invalid mappings character at offset 10/);
  });

  it('refuses broken text on a line read only for its totals as on a line asked about, at the same offset', () => {
    // Each map, asked about its line 2 (read whole) and its line 3 (line 2 only summed), breaks on line 2.
    const broken: [string, number][] = [
      ['AAAA;!AAA;AAAA', 5], // not a digit
      ['AAAA;AA;AAAA', 7], // a segment cut after two values
      ['AAAA;AAA,AAAA;AAAA', 8], // …or after three
      ['AAAA;AAAAAAA;AAAA', 12], // six values and a seventh: a second segment cut after two
      ['AAAA;AAg;AAAA', 8], // a value cut by `;`
      ['AAAA;AAAg', 9], // a value cut by the end
    ];
    for (const [text, offset] of broken) {
      for (const line of [2, 3]) {
        expect(() => traceEncodedMappings(Buffer.from(text), [{ line, column: 0 }]), `${text} line ${line}`).toThrow(`invalid mappings character at offset ${offset}`);
      }
    }
    // Five values, then a sixth that starts the next segment, read the same both ways.
    expect(traceEncodedMappings(Buffer.from('AAAA;ACEGIC;A'), [{ line: 3, column: 0 }])).toEqual(['no-source']);
    expect(traceEncodedMappings(Buffer.from('AAAA;ACEGIKCEG;AAAA'), [{ line: 3, column: 0 }])).toEqual([{ sourceIndex: 2, line: 4, column: 6 }]);
  });

  it('follows the running totals across lines, where a lookup needs every earlier segment', () => {
    // Source index, line and column carry over `;` while the generated column restarts.
    expect(traceEncodedMappings(Buffer.from('ACEG;ACEG;AAAA'), [{ line: 3, column: 0 }, { line: 1, column: 9 }])).toEqual([
      { sourceIndex: 2, line: 4, column: 6 },
      { sourceIndex: 1, line: 2, column: 3 },
    ]);
  });
});
