// A fuzz run over core's detectors (findKeys, the decoders, the prefilter) and the scanner's
// source-map reading: 100,000+ generated inputs, biased toward the fragments these readers care
// about (prefixes, bodies, escapes, percent and entity tokens, base64 signatures, map JSON).
// Each input must be handled without an exception and with the documented invariants. A crash
// found here becomes an entry in REGRESSIONS below, replayed on every run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import fc from 'fast-check';
import { BASE64_SIGNATURES, findBase64Keys, findEncodedKeys, findKeys, findNeedles, isKey, KEY_NEEDLES, mayContainKey, redact } from '@engium/core';
import { afterAll, describe, expect, it } from 'vitest';
import { inlineMapLine, loadSourceMap, originalPositions, readSourceMap, sourcesContentOrigins, sourceMappingUrl } from '../../packages/scanner/src/analyse/source-map.js';

/** Fixed seed: a CI failure reproduces locally; FUZZ_SEED picks another run. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
let runs = 0;
const count = <T>(check: (value: T) => void) => (value: T) => {
  runs++;
  check(value);
};

const BODY_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const FRAGMENTS = [
  'eng_', 'live_', 'test_', 'eng_live_', 'eng_test_', '_', 'x', 'Q7', 'aB3dE', 'zzzzzz', '0000',
  '\\x', '\\x5f', '\\x65', '\\u', '\\u005f', '\\u{', '\\u{5f}', '\\u{0', '}', '{',
  '%', '%5f', '%5F', '%65%6e%67', '%', '&', '&#', '&#95;', '&#x5f;', '&#0', '&lowbar;', '&UnderBar;', ';', '#',
  'ZW5nX2xpdmVf', 'ZW5nX3Rlc3Rf', '=', '+', '/', '-', '==',
  ...new Set(BASE64_SIGNATURES.map(({ signature }) => signature)),
  ' ', '\n', '\r', '\t', '"', "'", '`', '${', '+', 'é', '😀', '\u0000', '\uFFFD', '\uD800',
];
const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...BODY_CHARS), minLength: 1, maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);
/** Text made of fragments: dense in near-keys, half-tokens and encodings. */
const fuzzText = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));
/** Keys that look random, so they are not placeholders. */
const realKey = fc.tuple(fc.constantFrom('live', 'test'), fc.noBias(fc.string({ unit: fc.constantFrom(...BODY_CHARS), minLength: 12, maxLength: 40 }))).map(([kind, body]) => `eng_${kind}_${body}`);

/** Inputs that once crashed or broke an invariant: replayed first, on every run. */
const REGRESSIONS: readonly string[] = [
  '\\u{5f}'.repeat(3) + 'eng_live_' + '\\u{'.repeat(50),
  '&#x5f;&#x5f;' + '&#' + '9'.repeat(30) + ';',
  'ZW5nX2xpdmVf' + '='.repeat(20) + 'ZW5nX3Rlc3Rf',
  '%'.repeat(1000) + '5f',
  '\uD800eng_live_\uDC00' + 'A'.repeat(12),
];

function checkFindKeys(text: string): void {
  const all = findKeys(text, { includePlaceholders: true });
  let last = -1;
  for (const occurrence of all) {
    expect(occurrence.index).toBeGreaterThan(last);
    last = occurrence.index;
    expect(occurrence.index + occurrence.length).toBeLessThanOrEqual(text.length);
    expect(isKey(occurrence.key)).toBe(true);
    if (occurrence.encoding === 'plain') expect(text.slice(occurrence.index, occurrence.index + occurrence.length)).toBe(occurrence.key);
    // Redaction never shows more than four body characters.
    expect(redact(occurrence.key).length).toBeLessThanOrEqual('eng_live_…'.length + 4);
  }
  const reported = findKeys(text);
  expect(reported.every((occurrence) => occurrence.placeholder === undefined)).toBe(true);
  expect(findKeys(text, { decode: false }).every((occurrence) => occurrence.encoding === 'plain')).toBe(true);
  // The prefilter is sound for plain and base64 keys: UTF-8 bytes holding one always pass it.
  if (reported.some((occurrence) => occurrence.encoding === 'plain' || occurrence.encoding === 'base64')) {
    expect(mayContainKey(Buffer.from(text, 'utf8'))).toBe(true);
  }
}

function checkDecoders(text: string): void {
  for (const match of [...findBase64Keys(text), ...findEncodedKeys(text)]) {
    expect(match.index).toBeGreaterThanOrEqual(0);
    expect(match.length).toBeGreaterThan(0);
    expect(match.index + match.length).toBeLessThanOrEqual(text.length);
    expect(isKey(match.key)).toBe(true);
  }
}

function checkPrefilter(bytes: Buffer): void {
  const offsets = findNeedles(bytes);
  const text = bytes.toString('latin1');
  for (const [i, offset] of offsets.entries()) {
    if (i > 0) expect(offset).toBeGreaterThan(offsets[i - 1] as number);
    expect(KEY_NEEDLES.some((needle) => text.startsWith(needle, offset))).toBe(true);
  }
  expect(mayContainKey(bytes)).toBe(offsets.length > 0);
}

describe('fuzz: core detectors', () => {
  it('replays the regressions', () => {
    for (const text of REGRESSIONS) {
      checkFindKeys(text);
      checkDecoders(text);
      checkPrefilter(Buffer.from(text, 'latin1'));
    }
  });

  it('findKeys: 40,000 texts of near-keys and encodings, with a real key spliced in half of them', () => {
    const input = fc.oneof(fuzzText, fc.tuple(fuzzText, realKey, fuzzText).map(([before, key, after]) => before + key + after));
    fc.assert(fc.property(input, count(checkFindKeys)), { numRuns: 40_000, seed: SEED });
  });

  it('decoders: 20,000 texts', () => {
    fc.assert(fc.property(fuzzText, count(checkDecoders)), { numRuns: 20_000, seed: SEED + 1 });
  });

  it('prefilter: 20,000 byte strings (text fragments and raw bytes)', () => {
    const bytes = fc.oneof(fuzzText.map((text) => Buffer.from(text, 'utf8')), fc.uint8Array({ maxLength: 200 }).map((array) => Buffer.from(array)));
    fc.assert(fc.property(bytes, count(checkPrefilter)), { numRuns: 20_000, seed: SEED + 2 });
  });
});

describe('fuzz: source-map reading', () => {
  const root = mkdtempSync(join(tmpdir(), 'engium-fuzz-maps-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const bundlePath = join(root, 'dist/app.js');

  const mappings = fc.array(fc.constantFrom('A', 'C', 'D', 'E', 'O', 'g', '/', '+', 'f', 'B', ',', ';', 'AAAA', '+/////D', '!', ''), { maxLength: 30 }).map((parts) => parts.join(''));
  const source = fc.oneof(
    fc.constantFrom('src/a.ts', '../src/a.ts', '../../../../../../etc/passwd', '/etc/passwd', 'webpack://app/./src/a.ts', 'file:///etc/passwd', '', '..', '\u0000', 'C:\\x\\y.ts'),
    fc.string({ maxLength: 12 }),
  );
  const jsonValue = fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 8 }), fc.boolean());
  const mapObject = fc.record(
    {
      version: fc.oneof(fc.constant(3), jsonValue),
      sources: fc.oneof(fc.array(fc.oneof(source, jsonValue), { maxLength: 4 }), jsonValue),
      sourcesContent: fc.oneof(fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.constant('export const k = "eng_live_Zq8Xw4Lm9Pt7Rv2K";'), jsonValue), { maxLength: 4 }), jsonValue),
      names: fc.oneof(fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }), jsonValue),
      mappings: fc.oneof(mappings, jsonValue),
      sourceRoot: fc.oneof(fc.constantFrom('', '../../../..', '/'), jsonValue),
      sections: fc.oneof(fc.constant(undefined), fc.array(fc.record({ offset: fc.record({ line: fc.integer(), column: fc.integer() }), map: fc.oneof(jsonValue, fc.constant({ version: 3, sources: ['x'], mappings: 'AAAA' })) }), { maxLength: 2 })),
    },
    { requiredKeys: [] },
  );
  /** The map as JSON, sometimes cut short or garbled. */
  const mapJson = fc.tuple(mapObject, fc.nat(3), fc.nat(400)).map(([object, damage, at]) => {
    const json = JSON.stringify(object);
    if (damage === 1) return json.slice(0, at % (json.length + 1));
    if (damage === 2) return json.replace(/[:,]/, '');
    return json;
  });

  function checkMap(json: string): void {
    const inline = Buffer.from(`var k=1;\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(json).toString('base64')}\n`);
    const result = loadSourceMap(root, bundlePath, inline);
    expect(inlineMapLine(inline)).toBe(2);
    if (result && 'map' in result) {
      try {
        for (const found of originalPositions(result.map, [{ line: 1, column: 1 }, { line: 1, column: 8 }, { line: 2, column: 1 }, { line: 1_000_000, column: 5 }])) {
          // Never a path outside the repository: in it, or what the map names when that is no file (a bundler's module).
          if ('origin' in found) expect(isAbsolute(found.origin.file) || found.origin.file.startsWith('..'), found.origin.file).toBe(false);
        }
      } catch (error) {
        // Mappings that are not VLQ text: the caller turns this into a warning.
        expect((error as Error).message).toMatch(/invalid mappings character/);
      }
    } else if (result) {
      expect(result.warning).toMatch(/source map .* could not be used/);
    }
    let parsed = true;
    try {
      JSON.parse(json);
    } catch {
      parsed = false;
    }
    if (parsed) {
      try {
        const map = readSourceMap(root, join(root, 'dist/app.js.map'), Buffer.from(json), 'dist/app.js.map');
        for (const found of sourcesContentOrigins(map).values()) {
          if ('origin' in found) expect(isAbsolute(found.origin.file)).toBe(false);
        }
      } catch (error) {
        // The caller catches a map it cannot build (as loadSourceMap does); it must be an Error, not a hang.
        expect(error).toBeInstanceOf(Error);
      }
    }
  }

  it('replays the map regressions', () => {
    // A segment naming source 0 of a map without sources threw a TypeError that lost the bundle's keys.
    for (const json of ['{"sources":[],"mappings":"AA"}', '{"version":3,"sources":[null],"mappings":"AAAA"}']) checkMap(json);
  });

  it('loadSourceMap and originalPositions: 25,000 maps, whole, cut short and garbled', () => {
    fc.assert(fc.property(mapJson, count(checkMap)), { numRuns: 25_000, seed: SEED + 3 });
  });

  it('sourceMappingUrl: 10,000 file tails', () => {
    const tail = fc.tuple(fuzzText, fc.constantFrom('//# ', '//@ ', '/*# ', '# ', ''), fc.string({ maxLength: 20 }), fc.constantFrom('', ' */', '*/ ', '\n', '\r\n', ' \t')).map(([code, marker, url, end]) => `${code}\n${marker}sourceMappingURL=${url}${end}`);
    fc.assert(
      fc.property(
        tail,
        count((text: string) => {
          const url = sourceMappingUrl(Buffer.from(text));
          if (url !== undefined) expect(url).not.toMatch(/\s/);
        }),
      ),
      { numRuns: 10_000, seed: SEED + 4 },
    );
  });

  it('ran at least 100,000 generated inputs in all', () => {
    expect(runs).toBeGreaterThanOrEqual(100_000);
  });
});
