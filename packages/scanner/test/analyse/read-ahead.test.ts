// A bundle read ahead on libuv's threads is analysed exactly as one read in its turn: the same
// hits, skips and warnings, whatever the file turned out to be when it was opened.
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, rmSync, symlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeKey, tempDir, writeFiles } from '../../../../test/support/index.js';
import { discoverFiles } from '../../src/discover/index.js';
import { analyseFile } from '../../src/analyse/index.js';
import { readAhead } from '../../src/analyse/read-ahead.js';

const early = fakeKey('live', 71);
const late = fakeKey('test', 72);

/** A minified-looking file of `megabytes` MB with a key near each end. */
function writeLarge(path: string, megabytes: number): void {
  const fd = openSync(path, 'w');
  writeSync(fd, `var a="${early}";\n`);
  const block = Buffer.from('function f(a,b){return a+b}var x=[1,2,3].map(function(v){return v*2});\n'.repeat(14_000));
  for (let written = 0; written < megabytes * 1024 * 1024; written += block.length) writeSync(fd, block);
  writeSync(fd, `var z="${late}";\n`);
  closeSync(fd);
}

describe('readAhead', () => {
  const dir = tempDir('engium-read-ahead-');
  const outside = tempDir('engium-read-ahead-outside-');
  writeFiles(outside, { 'secret.js': `var k="${early}";\n` });
  writeFiles(dir, {
    'dist/app.js': `var k="${early}";\n//# sourceMappingURL=app.js.map\n`,
    'dist/app.js.map': JSON.stringify({ version: 3, sources: ['../src/app.ts'], names: [], mappings: 'AAAA,IAAI,CAAC' }),
    'dist/empty.js': '',
    'dist/fifo.js': 'var a=1;\n',
    'dist/zero.js': 'var b=1;\n',
    'dist/link.js': 'var c=1;\n',
    'dist/gone.js': 'var d=1;\n',
    'src/app.ts': `export const k = "${early}";\n`,
  });
  writeLarge(join(dir, 'dist/large.js'), 6); // more than the buffer read ahead: the rest is read in its turn
  writeLarge(join(dir, 'dist/huge.js'), 40); // more than twice a region: read in regions
  const { files } = discoverFiles(dir);
  const swap = (name: string, make: (path: string) => void): void => {
    rmSync(join(dir, 'dist', name));
    make(join(dir, 'dist', name));
  };
  swap('fifo.js', (path) => execFileSync('mkfifo', [path]));
  swap('zero.js', (path) => symlinkSync('/dev/zero', path));
  swap('link.js', (path) => symlinkSync(join(outside, 'secret.js'), path));
  rmSync(join(dir, 'dist/gone.js'));

  it('gives analyseFile what its own reads would, for every kind of file met in its place', async () => {
    const context = { root: dir };
    const buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
    const built = files.filter((file) => file.role === 'build');
    expect(built.map((file) => file.path)).toEqual(['dist/app.js', 'dist/app.js.map', 'dist/empty.js', 'dist/fifo.js', 'dist/gone.js', 'dist/huge.js', 'dist/large.js', 'dist/link.js', 'dist/zero.js']);
    for (const file of built) {
      const ahead = analyseFile(file, context, await readAhead(file, buffer));
      expect(ahead).toEqual(analyseFile(file, context));
    }
    const byPath = new Map(await Promise.all(built.map(async (file) => [file.path, analyseFile(file, context, await readAhead(file, Buffer.allocUnsafe(4 * 1024 * 1024)))] as const)));
    expect(byPath.get('dist/app.js')?.hits[0]?.origin).toEqual({ file: 'src/app.ts', line: 1, column: 6, inRepository: true });
    expect(byPath.get('dist/large.js')?.hits.map((hit) => hit.key)).toEqual([early, late]);
    expect(byPath.get('dist/huge.js')?.hits.map((hit) => hit.key)).toEqual([early, late]);
    expect(byPath.get('dist/fifo.js')?.skipped?.reason).toBe('not a regular file (a FIFO)');
    expect(byPath.get('dist/zero.js')?.skipped?.reason).toBe('symlink (not followed)');
    expect(byPath.get('dist/link.js')?.skipped?.reason).toBe('symlink (not followed)');
    expect(byPath.get('dist/gone.js')?.skipped?.reason).toMatch(/ENOENT|no such file|not found|deleted/i);
  }, 60_000);
});
