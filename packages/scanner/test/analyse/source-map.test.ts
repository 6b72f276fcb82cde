import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSourceMapJson } from '../../src/analyse/source-map.js';

/** Strings that try to fool the cut: quotes, backslashes, the key itself, non-ASCII. */
const tricky = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('"mappings":"', '\\"mappings\\":\\"', '\\', '"', 'ü→𝄞', '","mappings":"AAAA'),
);
const vlq = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/,;'), maxLength: 60 });
const map = fc.record(
  {
    version: fc.constant(3),
    names: fc.array(tricky, { maxLength: 3 }),
    sources: fc.array(tricky, { maxLength: 3 }),
    sourcesContent: fc.array(tricky, { maxLength: 3 }),
    mappings: fc.oneof(vlq, tricky),
    x_nested: fc.oneof(fc.constant(undefined), fc.record({ mappings: vlq })),
  },
  { requiredKeys: ['mappings'] },
);

describe('parseSourceMapJson', () => {
  it('parses every map as JSON.parse does, whatever its keys and strings hold', () => {
    fc.assert(
      fc.property(map, fc.boolean(), (object, spaced) => {
        const json = spaced ? JSON.stringify(object, null, 1) : JSON.stringify(object);
        expect(parseSourceMapJson(Buffer.from(json))).toEqual(JSON.parse(json));
      }),
      { numRuns: 5_000 },
    );
  });

  it('fails on broken JSON as JSON.parse does', () => {
    for (const json of ['{"mappings":"AAAA"', '{"mappings":"AA"AA"}', '{"mappings":"A\\u0041",}', '']) {
      expect(() => parseSourceMapJson(Buffer.from(json)), json).toThrow(SyntaxError);
    }
  });
});
