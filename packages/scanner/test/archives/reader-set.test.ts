import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createPackage } from '@electron/asar';
import { strToU8, zipSync } from 'fflate';
import tarStream from 'tar-stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { DiscoveredFile } from '../../src/discover/index.js';
import { archiveFormatOf } from '../../src/sources/archives/formats.js';
import { ArchiveReaderSet } from '../../src/sources/archives/index.js';
import { crxZipOffset } from '../../src/sources/archives/zip.js';

// Built at run time, so the repository holds no key-shaped literal.
const KEY = ['eng', 'live', 'Xq7Lm2Pz9Rt4Vw8KbN3cD5fG'].join('_');

const dir = mkdtempSync(join(tmpdir(), 'engium-archive-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function archive(name: string, bytes: Uint8Array): DiscoveredFile {
  const absolutePath = join(dir, name);
  writeFileSync(absolutePath, bytes);
  return { path: name, absolutePath, role: 'source', gitignored: false };
}

/** A zip of `count` small JS files, the key in the last. */
function manyFiles(count: number): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (let index = 0; index < count; index++) files[`f${String(index).padStart(3, '0')}.js`] = strToU8(index === count - 1 ? `k="${KEY}"\n` : `x=${index}\n`);
  return zipSync(files);
}

describe('archiveFormatOf', () => {
  it.each([
    ['app-release.apk', 'zip'],
    ['bundle.AAB', 'zip'],
    ['App.ipa', 'zip'],
    ['lib.jar', 'zip'],
    ['addon.xpi', 'zip'],
    ['ext.crx', 'crx'],
    ['pkg-1.0.0.tgz', 'tgz'],
    ['src.tar.gz', 'tgz'],
    ['src.tar', 'tar'],
    ['app.asar', 'asar'],
    ['index.android.bundle', undefined],
    ['dist/SRC.TAR.GZ', 'tgz'],
    // One file compressed whole: a precompressed asset, read as the file it holds.
    ['notes.gz', 'gzip'],
    ['tar.gz', 'gzip'],
    ['dist/app.js.br', 'brotli'],
    ['dir.zip/readme', undefined],
    ['zip', undefined],
    ['.asar', 'asar'],
    ['main.js', undefined],
  ])('%s → %s', (name, format) => {
    expect(archiveFormatOf(name)).toBe(format);
  });
});

describe('crxZipOffset', () => {
  it('skips a CRX3 header and a CRX2 key and signature', () => {
    const crx3 = Buffer.alloc(16);
    crx3.write('Cr24', 0, 'latin1');
    crx3.writeUInt32LE(3, 4);
    crx3.writeUInt32LE(100, 8);
    expect(crxZipOffset(crx3)).toBe(112);
    const crx2 = Buffer.alloc(16);
    crx2.write('Cr24', 0, 'latin1');
    crx2.writeUInt32LE(2, 4);
    crx2.writeUInt32LE(10, 8);
    crx2.writeUInt32LE(20, 12);
    expect(crxZipOffset(crx2)).toBe(46);
    expect(crxZipOffset(Buffer.from('PK\u0003\u0004............'))).toBeUndefined();
  });
});

describe('ArchiveReaderSet', () => {
  it('reads a Chrome extension after its CRX3 header, as an app package', async () => {
    const header = Buffer.alloc(12 + 40, 0x41);
    header.write('Cr24', 0, 'latin1');
    header.writeUInt32LE(3, 4);
    header.writeUInt32LE(40, 8);
    const file = archive('ext.crx', Buffer.concat([header, Buffer.from(zipSync({ 'background.js': strToU8(`\nconst k = "${KEY}";\n`) }))]));
    const { analyses, warnings } = await new ArchiveReaderSet({ root: dir }).scan(file);
    expect(warnings).toEqual([]);
    const hits = analyses.flatMap((analysis) => analysis.hits.map((hit) => ({ file: analysis.file.path, line: hit.line, column: hit.column, shipped: analysis.file.shipped?.kind })));
    expect(hits).toEqual([{ file: 'ext.crx!/background.js', line: 2, column: 12, shipped: 'Chrome extension' }]);
  });

  it('stops at the entry limit with a warning', async () => {
    const file = archive('many.zip', manyFiles(10));
    const { analyses, warnings } = await new ArchiveReaderSet({ root: dir }, { maxEntries: 5 }).scan(file);
    expect(analyses).toHaveLength(5);
    expect(warnings).toEqual([{ file: 'many.zip', message: 'more than 5 entries: the rest are not scanned' }]);
  });

  it('stops when the archive or the whole scan has decompressed its limit', async () => {
    const file = archive('limited.zip', manyFiles(10));
    const perArchive = await new ArchiveReaderSet({ root: dir }, { maxArchiveBytes: 12 }).scan(file);
    expect(perArchive.analyses.length).toBeLessThan(10);
    expect(perArchive.warnings.map((warning) => warning.message)).toEqual([expect.stringMatching(/^the archive reached 12 B decompressed \(the limit per archive\): the rest is not scanned$/)]);

    const reader = new ArchiveReaderSet({ root: dir }, { maxTotalBytes: 100 });
    const first = await reader.scan(archive('first.zip', manyFiles(10)));
    expect(first.warnings).toEqual([]);
    const second = await reader.scan(archive('second.zip', manyFiles(10)));
    // 74 bytes in the first; the second reads 24 more, then each entry is over what is left.
    expect(second.warnings).toEqual([
      { file: 'second.zip!/f006.js', message: '4 B uncompressed, more than the 2 B the limits leave: not scanned' },
      { file: 'second.zip', message: '3 more entries were over the size limits: not scanned' },
    ]);
    expect(second.analyses).toHaveLength(6);
  });

  it('does not read an entry larger than the per-entry limit', async () => {
    const file = archive('big.zip', zipSync({ 'big.js': new Uint8Array(5000).fill(0x61), 'small.js': strToU8(`k="${KEY}"`) }));
    const { analyses, warnings } = await new ArchiveReaderSet({ root: dir }, { maxEntryBytes: 1000 }).scan(file);
    expect(warnings).toEqual([{ file: 'big.zip!/big.js', message: '4.9 KB uncompressed, more than the 1000 B the limits leave: not scanned' }]);
    expect(analyses.map((analysis) => analysis.file.path)).toEqual(['big.zip!/small.js']);
    expect(analyses[0]?.hits).toHaveLength(1);
  });

  it('reads an asar nested in a zip from memory, with its pickled header', async () => {
    const source = join(dir, 'asar-src');
    mkdirSync(join(source, 'lib'), { recursive: true });
    writeFileSync(join(source, 'package.json'), '{}\n');
    writeFileSync(join(source, 'lib', 'config.js'), `\n\nmodule.exports = "${KEY}";\n`);
    await createPackage(source, join(dir, 'nested.asar'));
    const file = archive('release.zip', zipSync({ 'win-unpacked/resources/app.asar': readFileSync(join(dir, 'nested.asar')) }));
    const { analyses, warnings } = await new ArchiveReaderSet({ root: dir }).scan(file);
    expect(warnings).toEqual([]);
    const hits = analyses.flatMap((analysis) => analysis.hits.map((hit) => `${analysis.file.path}:${hit.line}:${hit.column} ${analysis.file.shipped?.kind}`));
    expect(hits).toEqual(['release.zip!/win-unpacked/resources/app.asar!/lib/config.js:3:19 Electron app']);
  });

  it('stops reading a gzipped tar whose ratio passes the ceiling', async () => {
    const pack = tarStream.pack();
    pack.entry({ name: 'first.js' }, `k="${KEY}"\n`);
    pack.entry({ name: 'zeros.bin' }, Buffer.alloc(8 * 1024 * 1024));
    pack.finalize();
    const chunks: Buffer[] = [];
    for await (const chunk of pack) chunks.push(chunk as Buffer);
    const file = archive('bomb.tgz', gzipSync(Buffer.concat(chunks)));
    const { analyses, warnings } = await new ArchiveReaderSet({ root: dir }).scan(file);
    expect(analyses.map((analysis) => [analysis.file.path, analysis.hits.length])).toEqual([['bomb.tgz!/first.js', 1]]);
    expect(warnings).toEqual([{ file: 'bomb.tgz!/zeros.bin', message: 'compression ratio over the ceiling of 200:1 (a tar bomb?): the rest of the archive is not scanned' }]);
  });

  it('reports a missing archive as skipped', async () => {
    const { skipped } = await new ArchiveReaderSet({ root: dir }).scan({ path: 'gone.zip', absolutePath: join(dir, 'gone.zip'), role: 'source', gitignored: false });
    expect(skipped).toEqual({ file: 'gone.zip', reason: 'unreadable (ENOENT)' });
  });
});
