// Source map segments whose VLQ deltas add up to an original line or column before the start of
// the file (`AAAA,OAFA`: line -1). The report's contract says a position is 1-based; such an origin
// would break it (and any viewer that opens the file there). The finding stays in the bundle, with a
// warning that says where the map pointed and why that is no place.
import { redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import { fakeKey, runScanner, tempDir, writeFiles } from '../support/index.js';
import { expectSafeOutput, located, scanBounded } from './support.js';

const BEFORE_LINE = fakeKey('live', 2340);
const BEFORE_COLUMN = fakeKey('live', 2341);
const MAPPED = fakeKey('live', 2342);
const KEYS = [BEFORE_LINE, BEFORE_COLUMN, MAPPED];

/** A bundle with the key at column 8 of line 1, and its map with `mappings`. */
function bundleWithMap(name: string, key: string, mappings: string): Record<string, string> {
  return {
    [`dist/${name}.js`]: `var k="${key}";\n//# sourceMappingURL=${name}.js.map\n`,
    [`dist/${name}.js.map`]: JSON.stringify({ version: 3, sources: ['../src/a.ts'], names: [], mappings }),
  };
}

describe('segments that map before the start of the source', () => {
  it('are no origin: the finding stays in the bundle with a warning, and the report keeps its contract', () => {
    const dir = tempDir('engium-adv-map-positions-');
    writeFiles(dir, {
      'src/a.ts': 'export const a = 1;\n',
      // Second segment: column 7, source 0, original line 0 - 2 (F is -2), column 0.
      ...bundleWithMap('line', BEFORE_LINE, 'AAAA,OAFA'),
      // Second segment: original line 0, column 0 - 2.
      ...bundleWithMap('column', BEFORE_COLUMN, 'AAAA,OAAF'),
      ...bundleWithMap('mapped', MAPPED, 'AAAA,OAAO'),
    });
    // scanBounded validates the JSON report against its schema: lines and columns from 1.
    const { report } = scanBounded([dir, '--no-graph'], KEYS);
    expect(located(report).sort()).toEqual([`dist/column.js:1:8 ${redact(BEFORE_COLUMN)}`, `dist/line.js:1:8 ${redact(BEFORE_LINE)}`, `dist/mapped.js:1:8 ${redact(MAPPED)}`]);
    const origins = Object.fromEntries(report.findings.map((finding) => [finding.file, finding.origin]));
    expect(origins).toEqual({ 'dist/line.js': undefined, 'dist/column.js': undefined, 'dist/mapped.js': { file: 'src/a.ts', line: 1, column: 8, inRepository: true } });
    expect(report.stats.warnings).toEqual(
      expect.arrayContaining([
        { file: 'dist/line.js', message: 'source map dist/line.js.map maps line 1, column 8 to line -1, column 1 of sources[0], which no file has (the mappings are corrupt)' },
        { file: 'dist/column.js', message: 'source map dist/column.js.map maps line 1, column 8 to line 1, column -1 of sources[0], which no file has (the mappings are corrupt)' },
      ]),
    );
    for (const format of ['text', 'sarif']) {
      const result = runScanner([dir, '--no-graph', '--format', format]);
      expectSafeOutput(result.stdout + result.stderr, KEYS, format);
      expect(result.stdout).not.toMatch(/a\.ts:-1|"startLine": -1|"startColumn": -1/);
    }
  });
});
