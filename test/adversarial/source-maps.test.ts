// Broken, huge, circular and lying source maps. A map is untrusted input: whatever it says, the
// scan goes on, the finding stays in the bundle when the map cannot be used (with a warning), and
// a reported origin never points outside the scanned repository.
import { join } from 'node:path';
import { redact } from '@engium/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { fakeKey, tempDir, writeFiles } from '../support/index.js';
import { scanBounded, streamFile } from './support.js';

const BROKEN = fakeKey('live', 820);
const HUGE = fakeKey('live', 821);
const CIRCULAR = fakeKey('live', 822);
const NESTED = fakeKey('live', 823);
const PAST_END = fakeKey('live', 824);
const ESCAPING = fakeKey('live', 825);
const ESCAPING_CONTENT = fakeKey('live', 826);
const OUTSIDE_URL = fakeKey('live', 827);
const BAD_INLINE = fakeKey('live', 828);
const SELF_URL = fakeKey('live', 829);
const ABSOLUTE = fakeKey('live', 830);
const NULLS = fakeKey('live', 831);
const NO_SOURCES = fakeKey('live', 832);
const MILLION = fakeKey('live', 833);
const OVERLAP = fakeKey('live', 834);
const NO_SEGMENT = fakeKey('live', 835);
const NO_MAP = fakeKey('live', 836);
const PUBLISHED = fakeKey('live', 837);
const KEYS = [BROKEN, HUGE, CIRCULAR, NESTED, PAST_END, ESCAPING, ESCAPING_CONTENT, OUTSIDE_URL, BAD_INLINE, SELF_URL, ABSOLUTE, NULLS, NO_SOURCES, MILLION, OVERLAP, NO_SEGMENT, NO_MAP, PUBLISHED];

/** One line of built code with the key at column 8 (1-based), and a map comment. */
const bundle = (key: string, mapUrl: string) => `var k="${key}";\n//# sourceMappingURL=${mapUrl}\n`;
/** A segment mapping generated column 0 and 7 of line 1 to line 1 of source 0. */
const MAPPINGS = 'AAAA,OAAO';
const map = (extra: object) => JSON.stringify({ version: 3, names: [], mappings: MAPPINGS, ...extra });

function byFile(report: ScanReport, file: string) {
  return report.findings.filter((finding) => finding.file === file);
}

describe('hostile source maps', () => {
  const dir = tempDir('engium-adv-maps-');
  const elsewhere = tempDir('engium-adv-maps-outside-');
  let report: ScanReport;
  let status: number;

  beforeAll(() => {
    writeFiles(elsewhere, { 'outside.js.map': map({ sources: ['secret-origin.ts'] }) });
    // An index map whose sections hold index maps, 5,000 deep: a recursive reader overflows.
    const depth = 5_000;
    const nested = `${'{"version":3,"sections":[{"offset":{"line":0,"column":0},"map":'.repeat(depth)}${map({ sources: ['../src/nested.ts'] })}${'}]}'.repeat(depth)}`;
    writeFiles(dir, {
      'dist/broken.js': bundle(BROKEN, 'broken.js.map'),
      'dist/broken.js.map': '{"version":3,"sources":["a.ts"],"mappings":"AAAA,OAAO"',
      'dist/circular.js': bundle(CIRCULAR, 'circular.js.map'),
      // An index map whose one section names the map itself.
      'dist/circular.js.map': JSON.stringify({ version: 3, sections: [{ offset: { line: 0, column: 0 }, url: 'circular.js.map' }] }),
      'dist/nested.js': bundle(NESTED, 'nested.js.map'),
      'dist/nested.js.map': nested,
      // Segments far past the end of the generated line and of the original file.
      'dist/past-end.js': bundle(PAST_END, 'past-end.js.map'),
      'dist/past-end.js.map': JSON.stringify({ version: 3, sources: ['../src/short.ts'], names: [], mappings: 'AAAA,OAAO,+/////D,gBAAgB;;;;;;;;;;AAAA,+/////D' }),
      'src/short.ts': 'export {};\n',
      // `sources` that climb out of the repository, and a key only in such a source's content.
      'dist/escaping.js': bundle(ESCAPING, 'escaping.js.map'),
      'dist/escaping.js.map': map({ sources: ['../../../../../../../../etc/passwd'] }),
      'dist/content.js': 'var k=1;\n//# sourceMappingURL=content.js.map\n',
      'dist/content.js.map': map({ sources: ['../../../../../../../../home/victim/.ssh/notes.ts'], sourcesContent: [`export const k = "${ESCAPING_CONTENT}";\n`] }),
      'dist/absolute.js': bundle(ABSOLUTE, 'absolute.js.map'),
      'dist/absolute.js.map': map({ sources: [join(elsewhere, 'secret-origin.ts')] }),
      // A map URL that leaves the repository is never read.
      'dist/outside.js': bundle(OUTSIDE_URL, `${join(elsewhere, 'outside.js.map')}`),
      'dist/bad-inline.js': bundle(BAD_INLINE, 'data:application/json;base64,!!!not*base64%%%'),
      'dist/self.js': bundle(SELF_URL, 'self.js'),
      'dist/nulls.js': bundle(NULLS, 'nulls.js.map'),
      // Segments that name source 0 of a map with no sources (found by test/fuzz): this made the
      // bundle "unreadable" and lost its key.
      'dist/no-sources.js': bundle(NO_SOURCES, 'no-sources.js.map'),
      'dist/no-sources.js.map': map({ sources: [] }),
      'dist/nulls.js.map': JSON.stringify({ version: 3, sources: [null, 7, { x: 1 }], sourcesContent: [null, 5], names: [null], mappings: MAPPINGS }),
      // Index map sections that overlap: the second starts before the first.
      'dist/overlap.js': bundle(OVERLAP, 'overlap.js.map'),
      'dist/overlap.js.map': JSON.stringify({ version: 3, sections: [{ offset: { line: 0, column: 10 }, map: JSON.parse(map({ sources: ['../src/a.ts'] })) as object }, { offset: { line: 0, column: 5 }, map: JSON.parse(map({ sources: ['../src/b.ts'] })) as object }] }),
      // Segments only on line 2: nothing maps the key's column on line 1.
      'dist/no-segment.js': bundle(NO_SEGMENT, 'no-segment.js.map'),
      'dist/no-segment.js.map': JSON.stringify({ version: 3, sources: ['../src/short.ts'], names: [], mappings: ';AAAA' }),
      'dist/no-map.js': `var k="${NO_MAP}";\n`,
      // A map published on another host, with no copy beside the file: never fetched.
      'dist/published.js': bundle(PUBLISHED, 'https://cdn.example.com/app/published.js.map'),
    });
    // An index map with a million sections (95 MB): refused on a count of its bytes, before any is parsed.
    const section = '{"offset":{"line":0,"column":0},"map":{"version":3,"sources":["../src/a.ts"],"names":[],"mappings":"AAAA"}}';
    streamFile(join(dir, 'dist/million.js'), [bundle(MILLION, 'million.js.map')]);
    streamFile(join(dir, 'dist/million.js.map'), ['{"version":3,"sections":[', { repeat: `${section},`, times: 999_999 }, section, ']}']);
    // A 20 MB map: mappings for a million generated lines and 15 MB of sourcesContent.
    const lines = 1_000_000;
    streamFile(join(dir, 'dist/huge.js'), [`var k="${HUGE}";\n`, { repeat: 'x();\n', times: lines }, '//# sourceMappingURL=huge.js.map\n']);
    streamFile(join(dir, 'dist/huge.js.map'), [
      '{"version":3,"sources":["../src/huge.ts"],"names":[],"sourcesContent":["',
      { repeat: 'x();\\n', times: 2_500_000 },
      '"],"mappings":"AAAA,OAAO',
      { repeat: ';AACA', times: lines },
      '"}',
    ]);
    ({ report, status } = scanBounded([dir, '--no-graph'], KEYS, { heapMb: 512 }));
  }, 300_000);

  it('names an unparsable map in a warning and keeps the finding in the bundle', () => {
    expect(byFile(report, 'dist/broken.js').map((finding) => [finding.line, finding.column, finding.secret.redacted, finding.origin])).toEqual([[1, 8, redact(BROKEN), undefined]]);
    expect(report.stats.warnings).toContainEqual({ file: 'dist/broken.js', message: expect.stringMatching(/source map broken\.js\.map could not be used/) });
  });

  it('survives an index map that names itself and one nested 5,000 deep, with a warning or a mapping, never a crash', () => {
    for (const [file, key] of [['dist/circular.js', CIRCULAR], ['dist/nested.js', NESTED]] as const) {
      const findings = byFile(report, file);
      expect(findings.map((finding) => finding.secret.redacted)).toEqual([redact(key)]);
      const origin = findings[0]?.origin;
      if (origin === undefined) expect(report.stats.warnings?.some((warning) => warning.file === file)).toBe(true);
      else expect(origin.file).toBe('src/nested.ts');
    }
  });

  it('refuses an index map with a million sections, or with overlapping ones, with a warning that says so', () => {
    expect(byFile(report, 'dist/million.js').map((finding) => [finding.line, finding.column, finding.origin])).toEqual([[1, 8, undefined]]);
    expect(report.stats.warnings).toContainEqual({ file: 'dist/million.js', message: 'source map million.js.map could not be used (index map with more than 100,000 sections); findings stay in the bundle' });
    expect(byFile(report, 'dist/overlap.js').map((finding) => [finding.line, finding.column, finding.origin])).toEqual([[1, 8, undefined]]);
    expect(report.stats.warnings).toContainEqual({ file: 'dist/overlap.js', message: expect.stringMatching(/^source map overlap\.js\.map could not be used \(index map: section 1 starts at line 1, column 5, before section 0 \(line 1, column 10\): sections overlap or go backwards\)/) });
  });

  it('says why a finding has no origin: no segment at its column, no map at all, a source outside the repository', () => {
    expect(report.stats.warnings).toContainEqual({ file: 'dist/no-segment.js', message: 'source map dist/no-segment.js.map has no mapping for line 1, column 8 (no segment starts at or before that column of the line)' });
    expect(report.stats.warnings).toContainEqual({ file: 'dist/no-map.js', message: expect.stringMatching(/^no source map \(no sourceMappingURL comment and no \.map file beside it\)/) });
    expect(report.stats.warnings).toContainEqual({ file: 'dist/published.js', message: 'source map https://cdn.example.com/app/published.js.map is published elsewhere and not beside the file (never fetched)' });
    expect(report.stats.warnings).toContainEqual({ file: 'dist/escaping.js', message: 'source map dist/escaping.js.map maps line 1, column 8 to sources[0], a source outside the scanned directory that matches no file of it' });
    expect(report.stats.warnings).toContainEqual({ file: 'dist/content.js.map', message: expect.stringMatching(/is in the content of sources\[0\] of source map dist\/content\.js\.map, a source outside the scanned directory/) });
  });

  it('reads a 20 MB map with a million lines and maps the key back', () => {
    expect(byFile(report, 'dist/huge.js').map((finding) => finding.origin)).toEqual([{ file: 'src/huge.ts', line: 1, column: 8, inRepository: false }]);
  });

  it('never reports an origin outside the repository, whatever `sources` says', () => {
    for (const finding of report.findings) {
      const origin = finding.origin?.file;
      if (origin === undefined) continue;
      expect(origin.startsWith('/') || origin.startsWith('..') || /^[A-Za-z]:/.test(origin), `${finding.file} → ${origin}`).toBe(false);
    }
    expect(JSON.stringify(report)).not.toMatch(/etc\/passwd|victim|secret-origin/);
    expect(byFile(report, 'dist/escaping.js').map((finding) => [finding.column, finding.origin])).toEqual([[8, undefined]]);
    expect(byFile(report, 'dist/absolute.js').map((finding) => finding.origin)).toEqual([undefined]);
    // The key only in an escaping source's content is still reported, in the map itself.
    expect(byFile(report, 'dist/content.js.map').map((finding) => [finding.secret.redacted, finding.origin])).toEqual([[redact(ESCAPING_CONTENT), undefined]]);
  });

  it('maps segments past the end of the line or the source file without inventing positions outside it', () => {
    const findings = byFile(report, 'dist/past-end.js');
    expect(findings.map((finding) => finding.secret.redacted)).toEqual([redact(PAST_END)]);
    expect(findings[0]?.origin?.file ?? 'src/short.ts').toBe('src/short.ts');
  });

  it('does not read a map outside the repository, nor a malformed inline or self-referencing one', () => {
    expect(report.stats.warnings).toContainEqual({ file: 'dist/outside.js', message: expect.stringMatching(/outside the scanned directory \(not read\)/) });
    for (const [file, key] of [['dist/outside.js', OUTSIDE_URL], ['dist/bad-inline.js', BAD_INLINE], ['dist/self.js', SELF_URL], ['dist/nulls.js', NULLS], ['dist/no-sources.js', NO_SOURCES]] as const) {
      expect(byFile(report, file).map((finding) => [finding.line, finding.column, finding.secret.redacted])).toEqual([[1, 8, redact(key)]]);
    }
    expect(report.stats.skipped).toEqual([]);
    expect(status).toBe(1);
  });
});
