import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { describeSecret } from '@engium/core';
import { MAX_SECTION_DEPTH, MAX_SECTIONS, parseSourceMapJson, readSourceMap, sourcesContentOrigins } from '../../src/analyse/source-map.js';
import { fakeKey } from '../../../../test/support/fake-key.mjs';

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

describe('readSourceMap: index maps a map can lie with', () => {
  const root = '/repo';
  const read = (map: unknown) => readSourceMap(root, '/repo/dist/app.js.map', Buffer.from(typeof map === 'string' ? map : JSON.stringify(map)), 'dist/app.js.map');
  const leaf = { version: 3, sources: ['../src/a.ts'], names: [], mappings: 'AAAA' };
  const section = (line: number, column: number, map: unknown = leaf) => ({ offset: { line, column }, map });

  it('refuses sections that go backwards or overlap, naming them', () => {
    expect(() => read({ version: 3, sections: [section(0, 10), section(0, 5)] })).toThrow('index map: section 1 starts at line 1, column 5, before section 0 (line 1, column 10): sections overlap or go backwards');
    expect(() => read({ version: 3, sections: [section(3, 0), section(1, 40)] })).toThrow(/section 1 starts at line 2, column 40, before section 0/);
  });

  it('refuses a nested section that starts past the end of the section holding it', () => {
    const nested = { version: 3, sections: [section(0, 0), section(5, 0)] };
    expect(() => read({ version: 3, sections: [section(0, 0, nested), section(2, 0)] })).toThrow(
      'index map in sections[0].map: section 1 starts at line 6, column 0, past the end of the section that holds it (line 3, column 0)',
    );
  });

  it('accepts equal offsets (an empty section) and sections that nest', () => {
    const map = read({ version: 3, sections: [section(0, 0), section(0, 0), section(1, 0, { version: 3, sections: [section(0, 0), section(1, 2)] })] });
    expect(map.sections.map(({ line, column, stopLine, stopColumn }) => [line, column, stopLine, stopColumn])).toEqual([
      [0, 0, 0, 0],
      [0, 0, 1, 0],
      [1, 0, 2, 2],
      [2, 2, Infinity, Infinity],
    ]);
  });

  it('refuses more sections than the limit before parsing them, and nesting deeper than the limit', () => {
    const many = `{"version":3,"sections":[${Array.from({ length: MAX_SECTIONS + 1 }, () => '{"offset":{"line":0,"column":0},"map":{"mappings":""}}').join(',')}]}`;
    expect(() => read(many)).toThrow('index map with more than 100,000 sections');
    let deep: unknown = leaf;
    for (let depth = 0; depth <= MAX_SECTION_DEPTH; depth++) deep = { version: 3, sections: [section(0, 0, deep)] };
    expect(() => read(deep)).toThrow(`index maps nested more than ${MAX_SECTION_DEPTH} deep`);
  });

  it('refuses sections named by URL, without a map, or with offsets that are not whole numbers', () => {
    expect(() => read({ version: 3, sections: [{ offset: { line: 0, column: 0 }, url: 'other.js.map' }] })).toThrow('sections[0] names its map by URL, which is not read');
    expect(() => read({ version: 3, sections: [{ offset: { line: 0, column: 0 } }] })).toThrow('sections[0] has no map');
    for (const offset of [{ line: -1, column: 0 }, { line: 0.5, column: 0 }, { line: 0 }, { line: 2 ** 40, column: 0 }, null]) {
      expect(() => read({ version: 3, sections: [{ offset, map: leaf }] }), JSON.stringify(offset)).toThrow(/has no valid offset/);
    }
    expect(() => read({ version: 3, sections: {} })).toThrow(/"sections" that is not a list/);
    expect(() => read({ version: 3, sections: [section(0, 0, 'x')] })).toThrow('sections[0].map is not a source map object');
  });

  it('keeps each section’s mappings as a view of the bytes read, not a copy', () => {
    const bytes = Buffer.from(JSON.stringify({ version: 3, sections: [section(0, 0), section(1, 0, { ...leaf, mappings: 'AACA;AACA' })] }));
    const map = readSourceMap(root, '/repo/dist/app.js.map', bytes, 'map');
    expect(map.sections.map((placed) => [placed.mappings.buffer === bytes.buffer, Buffer.from(placed.mappings).toString()])).toEqual([
      [true, 'AAAA'],
      [true, 'AACA;AACA'],
    ]);
  });
});

describe('sourcesContentOrigins: which copy of a key in sourcesContent is its origin', () => {
  const repo = mkdtempSync(join(tmpdir(), 'engium-content-origins-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const literal = fakeKey('live', 4101);
  const inlined = fakeKey('live', 4102);
  const api = `const STATUS_KEY = '${literal}';\nexport const headers = { 'X-Analytics': process.env.ENGIUM_ANALYTICS_KEY };\n`;
  mkdirSync(join(repo, 'src'), { recursive: true });
  writeFileSync(join(repo, 'src/api.ts'), api);
  // The shape of a Parcel 2.16 production map: `<anon>` (the bundle before minifying, with the
  // modules' keys and the env values Parcel inlined) first, then the modules, from the project root.
  const anon = `// packaged\nconst $b6a0$var$STATUS_KEY = '${literal}';\nconst $b6a0$export$headers = { 'X-Analytics': "${inlined}" };\n`;
  const parcelMap = { version: 3, file: 'app.js.map', sources: ['<anon>', 'src/api.ts'], sourcesContent: [anon, api], names: [], mappings: 'AAAA' };

  it('is the place in a module of the repository, though a generated source (Parcel’s `<anon>`) repeats it first', () => {
    const map = readSourceMap(repo, join(repo, 'dist/app.js.map'), Buffer.from(JSON.stringify(parcelMap)), 'dist/app.js.map');
    const origins = sourcesContentOrigins(map);
    expect(origins.get(describeSecret(literal).fingerprint)).toEqual({ origin: { file: 'src/api.ts', line: 1, column: 21, inRepository: true } });
  });

  it('is the generated source, named as no file, for a value no module holds (an env variable the bundler inlined)', () => {
    const map = readSourceMap(repo, join(repo, 'dist/app.js.map'), Buffer.from(JSON.stringify(parcelMap)), 'dist/app.js.map');
    expect(sourcesContentOrigins(map).get(describeSecret(inlined).fingerprint)).toEqual({ origin: { file: '<anon>', line: 3, column: 48, inRepository: false } });
  });

  it('keeps the first place among sources alike: two modules holding the key give the first', () => {
    writeFileSync(join(repo, 'src/copy.ts'), api);
    const map = readSourceMap(repo, join(repo, 'dist/app.js.map'), Buffer.from(JSON.stringify({ ...parcelMap, sources: ['src/copy.ts', 'src/api.ts'], sourcesContent: [api, api] })), 'dist/app.js.map');
    expect(sourcesContentOrigins(map).get(describeSecret(literal).fingerprint)).toMatchObject({ origin: { file: 'src/copy.ts', inRepository: true } });
  });
});
