// Archives their readers cannot open, or not to their end: a zip cut short before its central
// directory, an asar whose header is not JSON, a truncated zip inside a sound one. The reader's
// warning says so, and the archive's own bytes are then searched as they are (as compiled code is),
// so a key in an entry stored uncompressed is not lost with the rest; a key already found in an
// entry that was read is not reported twice.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '@engium/core';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { asarOf, tarOf } from '../support/archive-bytes.js';
import { fakeKey, runScanner, tempDir } from '../support/index.js';
import { expectSafeOutput, located, scanBounded } from './support.js';

const IN_CUT_ZIP = fakeKey('live', 2350);
const IN_ASAR = fakeKey('live', 2351);
const IN_INNER_ZIP = fakeKey('live', 2352);
const READ_ENTRY = fakeKey('live', 2353);
const IN_TAR_ENTRY = fakeKey('live', 2354);
const KEYS = [IN_CUT_ZIP, IN_ASAR, IN_INNER_ZIP, READ_ENTRY, IN_TAR_ENTRY];

/** A zip whose entries are stored, not compressed: their bytes are in the archive as they are. */
const storedZip = (files: Record<string, string | Uint8Array>) =>
  Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([name, content]) => [name, typeof content === 'string' ? strToU8(content) : content])), { level: 0 }));

describe('archives that cannot be read', () => {
  it('are searched as raw bytes after the warning: stored keys are found, none twice', async () => {
    const dir = tempDir('engium-adv-broken-archives-');
    const cut = storedZip({ 'config.js': `module.exports = { key: "${IN_CUT_ZIP}" };\n`, 'big.bin': new Uint8Array(4096) });
    // Cut in the second entry: the first is whole, the central directory is gone.
    writeFileSync(join(dir, 'cut.zip'), cut.subarray(0, 200));
    writeFileSync(join(dir, 'app.asar'), asarOf('{"files":{"main.js":{"size":40,"offset":"0"}', `const key = "${IN_ASAR}";\n`));
    const inner = storedZip({ 'inner.js': `var k = "${IN_INNER_ZIP}";\n`, 'pad.bin': new Uint8Array(4096) });
    writeFileSync(join(dir, 'outer.zip'), storedZip({ 'read.js': `var r = "${READ_ENTRY}";\n`, 'inner.zip': inner.subarray(0, 150) }));

    // A tar cut in its second entry: the first is read as an entry, and its key not found again in the raw bytes.
    const tar = await tarOf({ 'first.js': `var a = "${IN_TAR_ENTRY}";\n`, 'second.js': 'x'.repeat(5000) });
    writeFileSync(join(dir, 'cut.tar'), tar.subarray(0, 512 * 3 + 1000));

    const { report } = scanBounded([dir, '--no-graph'], KEYS);
    expect(located(report).map((place) => place.replace(/:\d+:\d+ /, ' ')).sort()).toEqual(
      [`app.asar ${redact(IN_ASAR)}`, `cut.tar!/first.js ${redact(IN_TAR_ENTRY)}`, `cut.zip ${redact(IN_CUT_ZIP)}`, `outer.zip!/inner.zip ${redact(IN_INNER_ZIP)}`, `outer.zip!/read.js ${redact(READ_ENTRY)}`].sort(),
    );
    const searched = 'its bytes were searched as they are: a key in an entry stored uncompressed is found, one in a compressed entry is not';
    for (const file of ['cut.zip', 'app.asar', 'outer.zip!/inner.zip', 'cut.tar']) {
      expect(report.stats.warnings, file).toEqual(expect.arrayContaining([{ file, message: expect.stringMatching(/not a readable (zip|asar)|truncated/) }, { file, message: searched }]));
    }
    // The column is the key's byte offset in the archive, plus one.
    const cutFinding = report.findings.find((finding) => finding.file === 'cut.zip');
    expect(cutFinding?.column).toBe(cut.indexOf(IN_CUT_ZIP) + 1);
    for (const format of ['text', 'sarif']) {
      const result = runScanner([dir, '--no-graph', '--format', format]);
      expectSafeOutput(result.stdout + result.stderr, KEYS, format);
      expect(result.status).toBe(1);
    }
  });
});
