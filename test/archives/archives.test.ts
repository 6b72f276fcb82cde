// Archives as a source of files: real zips, tars and app packages built here with fflate,
// tar-stream and @electron/asar, scanned by the built CLI. Each finding names the entry inside
// the archive (`app-release.apk!/assets/index.android.bundle:1:48213`) in text, JSON and SARIF,
// app packages are `client`, and hostile archives give warnings while the scan goes on.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { createPackage } from '@electron/asar';
import { redact } from '@engium/core';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, ScanReport } from '../../packages/scanner/src/finding.js';
import { tarOf } from '../support/archive-bytes.js';
import { expectNoFullKey, fakeKey, runScanner, tempDir, writeFiles } from '../support/index.js';
import { expectValidSarif, scanJson } from '../scanner/support.js';

const bundleKey = fakeKey('live', 1701);
const wwwKey = fakeKey('test', 1702);
const nestedKey = fakeKey('live', 1703);
const asarKey = fakeKey('live', 1704);
const tarKey = fakeKey('live', 1705);
const traversalKey = fakeKey('live', 1706);
const afterBombKey = fakeKey('live', 1707);
const truncatedKey = fakeKey('live', 1708);
const encryptedKey = fakeKey('live', 1709);
const deepKey = fakeKey('live', 1710);
const siteKey = fakeKey('live', 1711);
const dexKey = fakeKey('live', 1712);
const keys = [bundleKey, wwwKey, nestedKey, asarKey, tarKey, traversalKey, afterBombKey, truncatedKey, encryptedKey, deepKey, siteKey, dexKey];

/** A dex-like binary: a key among NUL-delimited string constants, as javac/d8 leave BuildConfig fields. */
const dex = Buffer.concat([Buffer.from('dex\n035\0'), Buffer.alloc(300, 0x01), Buffer.from([0, 0x0b]), Buffer.from('API_KEY\0'), Buffer.from([0x21]), Buffer.from(dexKey), Buffer.from([0, 0x04]), Buffer.from('main\0'), Buffer.alloc(100)]);

/** 1-based line and column of `needle` in `text`. */
function position(text: string, needle: string): { line: number; column: number } {
  const lines = text.slice(0, text.indexOf(needle)).split('\n');
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
}

/** A minified React Native bundle: one long line, the key far into it. */
const androidBundle = `${'__d(function(g,r,i,a,m,e,d){var o=r(d[0]);e.x=o},1,[2]);'.repeat(870)}var c={apiKey:"${bundleKey}"};\n`;
const mainJsbundle = `// main.jsbundle\n'use strict';\nconst config = { key: "${nestedKey}" };\n`;

const zip = (files: Zippable): Uint8Array => zipSync(files, { level: 6 });

/** Sets the "encrypted" flag of every entry, in local headers and the central directory alike. */
function markEncrypted(archive: Uint8Array): Buffer {
  const bytes = Buffer.from(archive);
  for (let at = 0; at < bytes.length - 4; at++) {
    const signature = bytes.readUInt32LE(at);
    if (signature === 0x04034b50) bytes.writeUInt16LE(bytes.readUInt16LE(at + 6) | 1, at + 6);
    if (signature === 0x02014b50) bytes.writeUInt16LE(bytes.readUInt16LE(at + 8) | 1, at + 8);
  }
  return bytes;
}

function findingOf(report: ScanReport, key: string): Finding {
  const finding = report.findings.find((candidate) => candidate.secret.redacted === redact(key));
  if (!finding) throw new Error(`no finding for …${key.slice(-4)} in ${report.findings.map((f) => f.file).join(', ')}`);
  return finding;
}

describe('archives and app packages', () => {
  const dir = tempDir('engium-archives-');
  let report: ScanReport;
  let text: string;
  let sarif: string;

  beforeAll(async () => {
    writeFiles(dir, {
      'android/app/build/outputs/apk/release/app-release.apk': Buffer.from(
        zip({
          'AndroidManifest.xml': new Uint8Array([3, 0, 8, 0, 0, 0, 1, 0]),
          'classes.dex': dex,
          'assets/index.android.bundle': strToU8(androidBundle),
          'assets/public/index.html': strToU8('<!doctype html><script src="main.js"></script>'),
          'assets/public/main.js': strToU8(`fetch(u,{headers:{Authorization:"Bearer ${wwwKey}"}})`),
          'res/drawable/icon.png': new Uint8Array(2048).fill(7),
        }),
      ),
      'release/bundle.zip': Buffer.from(zip({ 'README.txt': strToU8('iOS build\n'), 'app.ipa': zip({ 'Payload/App.app/main.jsbundle': strToU8(mainJsbundle) }) })),
      'site.zip': Buffer.from(zip({ 'notes.md': strToU8('nothing\n'), 'www/app.js': strToU8(`\nconst key = '${siteKey}';\n`) })),
      'dist/release.tgz': gzipSync(await tarOf({ 'package/package.json': '{"name":"x"}\n', 'package/lib/config.js': `module.exports = {\n  key: "${tarKey}",\n};\n` })),
      'hostile/traversal.zip': Buffer.from(zip({ '../../etc/evil.js': strToU8(`var k = "${traversalKey}";\n`) })),
      // 40 MB of zeros deflate to about 40 KB: a ratio of 1000:1.
      'hostile/bomb.zip': Buffer.from(zip({ 'zeros.bin': new Uint8Array(40 * 1024 * 1024), 'after.js': strToU8(`k="${afterBombKey}"\n`) })),
      'hostile/encrypted.zip': markEncrypted(zip({ 'secret.js': strToU8(`k="${encryptedKey}"\n`) })),
      'hostile/corrupt.apk': Buffer.from('PK\u0003\u0004 this is not a zip at all'),
      'hostile/deep.zip': Buffer.from(zip({ 'l2.zip': zip({ 'l3.zip': zip({ 'l4.zip': zip({ 'deep.js': strToU8(`k="${deepKey}"\n`) }) }) }) })),
    });
    const tar = await tarOf({ 'first.js': `var a = "${truncatedKey}";\n`, 'second.js': 'x'.repeat(5000) });
    writeFileSync(join(dir, 'hostile/truncated.tar'), tar.subarray(0, 512 + 512 + 512 + 1000));
    const appSource = join(dir, '.asar-src');
    writeFiles(appSource, { 'package.json': '{"main":"main.js"}\n', 'main.js': `const { app } = require('electron');\n\nconst key = "${asarKey}";\n`, 'lib/empty.js': '\n' });
    await createPackage(appSource, join(dir, 'electron/app.asar'));
    writeFiles(appSource, { 'main.js': '// gone\n' });
    report = scanJson(dir, keys, ['--no-graph']).report;
    const textRun = runScanner([dir, '--no-graph']);
    text = textRun.stdout + textRun.stderr;
    const sarifRun = runScanner([dir, '--no-graph', '--format', 'sarif']);
    sarif = sarifRun.stdout;
  });

  it('names the entry, line and column of a key in an APK bundle, in JSON and text', () => {
    const finding = findingOf(report, bundleKey);
    const expected = position(androidBundle, bundleKey);
    expect(expected.column).toBeGreaterThan(48_000);
    expect(finding.file).toBe('android/app/build/outputs/apk/release/app-release.apk!/assets/index.android.bundle');
    expect([finding.line, finding.column]).toEqual([expected.line, expected.column]);
    expect(finding.archive).toEqual({ file: 'android/app/build/outputs/apk/release/app-release.apk', entry: 'assets/index.android.bundle' });
    expect(finding.exposure).toBe('client');
    expect(finding.severity).toBe('critical');
    expect(finding.ruleId).toBe('engium/shipped-key');
    expect(finding.message).toContain('ships inside the app: anyone who downloads it can extract the key');
    expect(text).toContain('app-release.apk!/assets/index.android.bundle');
    expect(text).toContain(`${expected.line}:${expected.column}`);
  });

  it('reports the Capacitor web app inside the APK as client, a test key at medium', () => {
    const finding = findingOf(report, wwwKey);
    expect(finding.file).toBe('android/app/build/outputs/apk/release/app-release.apk!/assets/public/main.js');
    expect(finding.exposure).toBe('client');
    expect(finding.severity).toBe('medium');
  });

  it('finds a key among the string constants of a binary entry (classes.dex)', () => {
    const finding = findingOf(report, dexKey);
    expect(finding.file).toBe('android/app/build/outputs/apk/release/app-release.apk!/classes.dex');
    expect([finding.line, finding.column]).toEqual([1, dex.indexOf(dexKey) + 1]);
    expect(finding.exposure).toBe('client');
  });

  it('opens nested archives: an IPA inside a zip', () => {
    const finding = findingOf(report, nestedKey);
    const expected = position(mainJsbundle, nestedKey);
    expect(finding.file).toBe('release/bundle.zip!/app.ipa!/Payload/App.app/main.jsbundle');
    expect(finding.archive).toEqual({ file: 'release/bundle.zip', entry: 'app.ipa!/Payload/App.app/main.jsbundle' });
    expect([finding.line, finding.column]).toEqual([expected.line, expected.column]);
    expect(finding.exposure).toBe('client');
  });

  it('reads an Electron asar made by @electron/asar', () => {
    const finding = findingOf(report, asarKey);
    expect(finding.file).toBe('electron/app.asar!/main.js');
    expect([finding.line, finding.column]).toEqual([3, 14]);
    expect(finding.exposure).toBe('client');
    expect(finding.message).toContain('ships inside the app');
  });

  it('reads a gzipped tar; a plain archive is not an app, so its entries keep the usual rules', () => {
    const finding = findingOf(report, tarKey);
    expect(finding.file).toBe('dist/release.tgz!/package/lib/config.js');
    expect([finding.line, finding.column]).toEqual([2, 9]);
    expect(finding.ruleId).toBe('engium/source-key');
    expect(finding.exposure).toBe('unknown');
  });

  it('treats www/ inside any archive as browser code', () => {
    const finding = findingOf(report, siteKey);
    expect(finding.file).toBe('site.zip!/www/app.js');
    expect([finding.line, finding.column]).toEqual([2, 14]);
    expect(finding.exposure).toBe('client');
    expect(finding.chain?.[0]).toContain('www/');
  });

  it('names an entry that climbs out of the archive, scans it, and warns', () => {
    const finding = findingOf(report, traversalKey);
    expect(finding.file).toBe('hostile/traversal.zip!/../../etc/evil.js');
    expect([finding.line, finding.column]).toEqual([1, 10]);
    const warning = report.stats.warnings?.find((entry) => entry.file === 'hostile/traversal.zip!/../../etc/evil.js');
    expect(warning?.message).toMatch(/leads outside the archive.*never extracted/);
  });

  it('refuses a zip bomb entry by its ratio and reads the rest of the archive', () => {
    const warning = report.stats.warnings?.find((entry) => entry.file === 'hostile/bomb.zip!/zeros.bin');
    expect(warning?.message).toMatch(/compression ratio \d+:1 is over the ceiling of 200:1/);
    const finding = findingOf(report, afterBombKey);
    expect(finding.file).toBe('hostile/bomb.zip!/after.js');
    expect([finding.line, finding.column]).toEqual([1, 4]);
  });

  it('warns about encrypted entries, corrupt zips, truncated tars and nesting past the limit', () => {
    const warnings = report.stats.warnings ?? [];
    const about = (file: string): string => warnings.filter((entry) => entry.file === file).map((entry) => entry.message).join(' | ');
    expect(about('hostile/encrypted.zip!/secret.js')).toMatch(/encrypted: not scanned/);
    expect(about('hostile/corrupt.apk')).toMatch(/not a readable zip/);
    expect(about('hostile/truncated.tar')).toMatch(/truncated archive/);
    expect(about('hostile/deep.zip!/l2.zip!/l3.zip!/l4.zip')).toMatch(/nested more than 3 deep: not opened/);
    expect(report.findings.some((finding) => finding.secret.redacted === redact(encryptedKey))).toBe(false);
    expect(report.findings.some((finding) => finding.secret.redacted === redact(deepKey))).toBe(false);
    // What came before the cut is kept.
    const first = findingOf(report, truncatedKey);
    expect(first.file).toBe('hostile/truncated.tar!/first.js');
    expect([first.line, first.column]).toEqual([1, 10]);
  });

  it('puts the archive as the SARIF artifact, the entry in the message and properties', () => {
    expectNoFullKey(sarif + text, keys);
    const log = JSON.parse(sarif) as { runs: { results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; properties: Record<string, unknown> }[] }[] };
    expectValidSarif(log);
    const result = log.runs[0]?.results.find((entry) => entry.message.text.includes(redact(bundleKey)));
    const expected = position(androidBundle, bundleKey);
    expect(result?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('android/app/build/outputs/apk/release/app-release.apk');
    expect(result?.message.text).toContain(`archive entry assets/index.android.bundle, line 1, column ${expected.column}`);
    expect(result?.properties.archive).toEqual({ file: 'android/app/build/outputs/apk/release/app-release.apk', entry: 'assets/index.android.bundle', line: 1, column: expected.column });
  });

  it('scans a single archive given on the command line', () => {
    const { report: single, status } = scanJson(join(dir, 'electron/app.asar'), keys);
    expect(status).toBe(1);
    expect(single.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.exposure}`)).toEqual(['app.asar!/main.js:3:14 client']);
  });

  it('scans a single plain file given on the command line', () => {
    writeFiles(dir, { 'single/config.js': `export const key = "${tarKey}";\n` });
    const { report: single } = scanJson(join(dir, 'single/config.js'), keys, ['--no-graph']);
    expect(single.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column}`)).toEqual(['config.js:1:21']);
    expect(single.findings[0]?.archive).toBeUndefined();
  });
});

describe("a repository's own archive limits (archiveLimits in engium.config.json)", () => {
  const limitedKey = fakeKey('live', 1713);
  // Random text, so that the entry does not compress like a zip bomb.
  const padded = `const noise = "${randomBytes(1536 * 1024).toString('base64')}";\nconst key = "${limitedKey}";\n`;

  it('reads an entry above a lowered limit no more, with a warning, and refuses limits past the maxima', () => {
    const dir = tempDir('engium-archive-limits-');
    writeFileSync(join(dir, 'site.zip'), zipSync({ 'assets/app.js': strToU8(padded) }));
    const defaults = scanJson(dir, [limitedKey], ['--fail-on', 'none']).report;
    expect(defaults.findings.map((finding) => finding.file)).toEqual(['site.zip!/assets/app.js']);

    writeFiles(dir, { 'engium.config.json': JSON.stringify({ archiveLimits: { maxEntryMB: 1 } }) });
    const limited = scanJson(dir, [limitedKey], ['--fail-on', 'none']).report;
    expect(limited.findings).toEqual([]);
    expect((limited.stats.warnings ?? []).map((warning) => `${warning.file}: ${warning.message}`)).toContain('site.zip!/assets/app.js: 2 MB uncompressed, more than the 1 MB the limits leave: not scanned');

    writeFiles(dir, { 'engium.config.json': JSON.stringify({ archiveLimits: { maxEntryMB: 1_000_000 } }) });
    const refused = runScanner([dir]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/archiveLimits\/maxEntryMB.*1024/);
  });
});
