// Huge and hostile inputs, generated per run in temp dirs (never committed): a 100 MB single-line
// bundle, a 1 GB sparse file, 10 million bare `eng_live_` prefixes, a 10 MB line built to make
// every regex in the scanner backtrack, and 5,000 keys on one line. The CLI runs with a 256 MB heap, so a memory blow-up fails;
// time is bounded by the test timeout alone (speed is measured by `npm run bench`, not here).
import { closeSync, ftruncateSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '@engium/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeKey, tempDir } from '../support/index.js';
import { located, scanBounded, streamFile } from './support.js';

const START = fakeKey('live', 801);
const MIDDLE = fakeKey('live', 802);
const END = fakeKey('test', 803);
const SPARSE = fakeKey('live', 804);
const AFTER_PREFIXES = fakeKey('live', 805);
const AFTER_BACKTRACK = fakeKey('live', 806);
const KEYS = [START, MIDDLE, END, SPARSE, AFTER_PREFIXES, AFTER_BACKTRACK];

const MB = 1024 * 1024;
/** Minified-looking code: 1 MB of it per chunk. */
const CODE = Buffer.from('function f(a,b){return a+b}var x=[1,2,3].map(function(v){return v*2});'.repeat(Math.floor(MB / 70)));

describe('a 100 MB single-line minified bundle', () => {
  const dir = tempDir('engium-adv-bundle-');
  const head = `var k="${START}";`;
  const middle = `var m="${MIDDLE}";`;
  const tail = `var z="${END}";`;
  beforeAll(() => {
    streamFile(join(dir, 'dist/app.min.js'), [head, { repeat: CODE, times: 50 }, middle, { repeat: CODE, times: 50 }, tail]);
  });

  it('finds the keys at the start, middle and end with exact columns, in flat memory, and warns that it read regions', () => {
    const { report, status } = scanBounded([dir, '--no-graph'], KEYS);
    const middleColumn = head.length + 50 * CODE.length + 'var m="'.length + 1;
    const endColumn = head.length + 100 * CODE.length + middle.length + 'var z="'.length + 1;
    expect(located(report)).toEqual([
      `dist/app.min.js:1:8 ${redact(START)}`,
      `dist/app.min.js:1:${middleColumn} ${redact(MIDDLE)}`,
      `dist/app.min.js:1:${endColumn} ${redact(END)}`,
    ]);
    expect(report.stats.warnings).toContainEqual({ file: 'dist/app.min.js', message: expect.stringMatching(/read in 16 MB regions/) });
    expect(status).toBe(1);
  });
});

describe('a 1 GB sparse file', () => {
  const dir = tempDir('engium-adv-sparse-');
  beforeAll(() => {
    const fd = openSync(join(dir, 'disk.img'), 'w');
    ftruncateSync(fd, 1024 * MB);
    writeSync(fd, Buffer.from(SPARSE), 0, undefined, 512 * MB);
    closeSync(fd);
    streamFile(join(dir, 'src/app.ts'), [`export const k = "${START}";\n`]);
  });

  it('is skipped as binary with the reason, without reading a gigabyte into memory, and the rest is scanned', () => {
    const { report, status } = scanBounded([dir, '--no-graph'], KEYS);
    expect(report.stats.skipped).toContainEqual({ file: 'disk.img', reason: 'binary file' });
    expect(located(report)).toEqual([`src/app.ts:1:19 ${redact(START)}`]);
    expect(status).toBe(1);
  });
});

describe('10 million eng_live_ prefixes without bodies', () => {
  const dir = tempDir('engium-adv-prefixes-');
  beforeAll(() => {
    // 10 bytes × 100,000 per chunk × 100 chunks: 10,000,000 prefixes on one line, then one real key.
    streamFile(join(dir, 'prefixes.txt'), [{ repeat: 'eng_live_ '.repeat(100_000), times: 100 }, `${AFTER_PREFIXES}\n`]);
  });

  it('reports none of them, finds the one real key after them, and stays within the heap', () => {
    const { report, status } = scanBounded([dir, '--no-graph'], KEYS);
    expect(located(report)).toEqual([`prefixes.txt:1:${10 * 10_000_000 + 1} ${redact(AFTER_PREFIXES)}`]);
    expect(status).toBe(1);
  }, 600_000);
});

/**
 * One 10 MB line made of every near miss the detectors know: bodies one character short, bodies
 * followed by a word character, truncated escapes, percent and entity tokens, base64 signatures
 * cut short, concatenations and template literals that never close. A backtracking regex or a
 * quadratic decoder turns this into hours; linear code reads it in seconds.
 */
const NEAR_MISSES = [
  `eng_live_${'a'.repeat(11)} `,
  `eng_test_${'B'.repeat(40)}_`,
  `xeng_live_${'C'.repeat(20)} `,
  '\\u00', '\\u{1', '\\x6', '\\u0065\\u006e\\u0067\\u005f',
  '%6', '%65%6e%67%5f%6c',
  '&#10', '&#x65;&#x6e;&#x67;&#95;', '&lowbar;',
  'ZW5nX2xpdmVf', 'ZW5nX3Rlc3Rf!',
  'eng_', 'eng_live', '"eng_"+"live_"+', '`eng_live_${', "'eng_' + ",
  ' ', '\t', '=',
].join('');

describe('a 10 MB line built to make each regex backtrack', () => {
  const dir = tempDir('engium-adv-backtrack-');
  beforeAll(() => {
    const times = Math.ceil((10 * MB) / (NEAR_MISSES.length * 1000));
    streamFile(join(dir, 'src/evil.js'), [{ repeat: NEAR_MISSES.repeat(1000), times }, `;var k="${AFTER_BACKTRACK}";\n`]);
    // The map comment `URL_COMMENT` reads, followed by a megabyte of blanks and a rejecting
    // character: a regex with two adjacent `[ \t]*` runs is quadratic here (it was; now it is not).
    streamFile(join(dir, 'dist/map-comment.js'), [`var a=1;\n//# sourceMappingURL=map-comment.js.map`, { repeat: ' \t', times: 512 * 1024 }, 'x\n']);
    // A page, so the repository has a browser entry: what decides the huge module is the graph alone.
    writeFileSync(join(dir, 'index.html'), '<script type="module" src="/src/main.js"></script>\n');
  });

  it('runs in linear time, reports only the one real key, and reads the trailing map comment without backtracking', () => {
    const { report, status } = scanBounded([dir, '--no-graph'], KEYS);
    expect(report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.secret.redacted}`)).toEqual([`src/evil.js:1 ${redact(AFTER_BACKTRACK)}`]);
    expect(status).toBe(1);
  }, 300_000);

  it('runs the module graph over it too: a module nested deeper than the parser can go is unknown, not a crash', () => {
    // This crashed the whole scan (RangeError from TypeScript's parser, exit 2, no report).
    const { report, status } = scanBounded([dir], KEYS, { heapMb: 1024 });
    expect(report.findings.map((finding) => `${finding.secret.redacted} ${finding.exposure}`)).toEqual([`${redact(AFTER_BACKTRACK)} unknown`]);
    expect(status).toBe(1);
  }, 300_000);
});

describe('5,000 distinct keys on one line', () => {
  const many = Array.from({ length: 5000 }, (_, index) => fakeKey('live', 200_000 + index));
  let dir: string;
  beforeAll(() => {
    dir = tempDir('engium-adv-keys-one-line-');
    writeFileSync(join(dir, 'keys.js'), `export const keys = [${many.map((key) => `"${key}"`).join(',')}];\n`);
  });

  it('reports each with a redacted snippet of its own part of the line, in time linear in the keys (each snippet searched the whole line)', () => {
    // A bound against a blowup, not a measure: about 8 s on a quiet machine, with room for a loaded one.
    const { report } = scanBounded([dir, '--no-graph'], many, { timeoutMs: 60_000 });
    expect(report.findings).toHaveLength(many.length);
    const last = report.findings.at(-1);
    expect(last?.snippet?.text.startsWith('…')).toBe(true);
    expect(last?.snippet?.text).toContain(redact(many.at(-1) as string));
    expect(last?.snippet?.text).toContain(redact(many.at(-2) as string));
  }, 90_000);
});
