// Hermes bytecode from the real `hermesc` (npm `hermes-compiler`): keys compiled into the string
// table are found one string at a time, including a key that the compiler stored only as the
// start of a longer string, one in the overflow table (over 255 characters) and one in a UTF-16
// string. The bytecode is built into a temp dir, bare and as an APK's index.android.bundle.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { redact } from '@engium/core';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, ScanReport } from '../../packages/scanner/src/finding.js';
import { fakeKey, tempDir, writeFiles } from '../support/index.js';
import { scanJson } from '../scanner/support.js';

const plainKey = fakeKey('live', 1751);
const longKey = fakeKey('live', 1752);
const wideKey = fakeKey('test', 1753);
const prefixKey = fakeKey('live', 1754);
const keys = [plainKey, longKey, wideKey, prefixKey];

/** The hermesc binary the npm package ships for this platform. */
function hermesc(): string {
  const folder = ({ linux: 'linux64-bin', darwin: 'osx-bin', win32: 'win64-bin' } as Record<string, string>)[process.platform];
  if (!folder) throw new Error(`hermes-compiler ships no hermesc for ${process.platform}`);
  const pkg = createRequire(import.meta.url).resolve('hermes-compiler/package.json');
  return join(dirname(pkg), 'hermesc', folder, process.platform === 'win32' ? 'hermesc.exe' : 'hermesc');
}

const source = `
var config = { apiKey: "${plainKey}" };
var banner = "${'Welcome to the shop. '.repeat(14)}key=${longKey} and more text after it";
var greeting = "Grüße, ${wideKey} ✓";
var short = "${prefixKey}";
var longer = "${prefixKey}Qz9x";
globalThis.app = function () { return [config.apiKey, banner, greeting, short, longer].join("|"); };
`;

function findingOf(report: ScanReport, key: string, file: string): Finding | undefined {
  return report.findings.find((finding) => finding.secret.redacted === redact(key) && finding.file === file);
}

describe('Hermes bytecode', () => {
  const dir = tempDir('engium-hermes-');
  let bytecode: Buffer;
  let report: ScanReport;

  beforeAll(() => {
    writeFiles(dir, { 'src/app.js': source });
    execFileSync(hermesc(), ['-emit-binary', '-O', '-out', join(dir, 'app.hbc'), join(dir, 'src/app.js')]);
    bytecode = readFileSync(join(dir, 'app.hbc'));
    writeFileSync(join(dir, 'src/app.js'), '// compiled\n');
    writeFileSync(join(dir, 'app-release.apk'), zipSync({ 'assets/index.android.bundle': bytecode }));
    report = scanJson(dir, keys, ['--no-graph']).report;
  });

  it('is real Hermes bytecode in which a key runs into the next string', () => {
    expect(bytecode.subarray(0, 8).equals(Buffer.from([0xc6, 0x1f, 0xbc, 0x03, 0xc1, 0x03, 0x19, 0x1f]))).toBe(true);
    // The shorter key is stored only as the start of the longer string.
    expect(bytecode.indexOf(`${prefixKey}Qz9x`)).toBeGreaterThan(0);
    expect(bytecode.indexOf(`${prefixKey}"`)).toBe(-1);
  });

  it.each([
    ['a plain string', plainKey, () => bytecode.indexOf(plainKey)],
    ['a string over 255 characters (the overflow table)', longKey, () => bytecode.indexOf(longKey)],
    ['a UTF-16 string', wideKey, () => bytecode.indexOf(Buffer.from(wideKey, 'utf16le'))],
    ['a string stored as the start of a longer one', prefixKey, () => bytecode.indexOf(prefixKey)],
  ])('finds the key in %s, its column the byte offset plus one', (_name, key, offset) => {
    const at = offset();
    expect(at).toBeGreaterThan(0);
    for (const file of ['app.hbc', 'app-release.apk!/assets/index.android.bundle']) {
      const finding = findingOf(report, key, file);
      expect(finding, `${file}: …${key.slice(-4)}`).toBeDefined();
      expect([finding?.line, finding?.column]).toEqual([1, at + 1]);
    }
    expect(findingOf(report, key, 'app-release.apk!/assets/index.android.bundle')?.exposure).toBe('client');
  });

  it('reports the longer string as its own key, not the two run together', () => {
    const redactedForms = new Set(report.findings.map((finding) => finding.secret.redacted));
    expect(redactedForms).toEqual(new Set([...keys, `${prefixKey}Qz9x`].map((key) => redact(key))));
    expect(report.findings.filter((finding) => finding.file === 'app.hbc')).toHaveLength(5);
  });
});
