// A bundle with keys reads its source map; that map, a file of the scan too, is analysed from the
// same bytes then and not read again. Its analysis must be the one a read of its own gives.
import { rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles, type DiscoveredFile } from '../../src/discover/index.js';
import { analyseFile } from '../../src/analyse/index.js';
import { MapsReadOnce } from '../../src/analyse/maps-read-once.js';
import { analyseFiles } from '../../src/analyse/parallel.js';
import { REPO_ROOT, fakeKey, tempDir, writeFiles } from '../../../../test/support/index.js';

/** The compiled worker, as the built CLI runs it. */
const WORKER = join(REPO_ROOT, 'packages/scanner/dist/analyse/analysis-worker.js');

const [inBundle, inMapOnly, inOther, inLooseMap] = [1, 2, 3, 4].map((seed) => fakeKey('live', 900 + seed)) as [string, string, string, string];

function tree(): string {
  const dir = tempDir('engium-maps-once-');
  const map = (source: string, content: string) => JSON.stringify({ version: 3, sources: [source], sourcesContent: [content], names: [], mappings: 'AAAA,OAAO' });
  writeFiles(dir, {
    'src/app.ts': `export const key = "${inBundle}";\n`,
    'dist/app.js': `var k="${inBundle}";\n//# sourceMappingURL=app.js.map\n`,
    'dist/app.js.map': map('../src/app.ts', `export const key = "${inBundle}";\nconst unused = "${inMapOnly}";\n`),
    // A map in another folder, named by its bundle's comment.
    'dist/lib.js': `var o="${inOther}";\n//# sourceMappingURL=maps/lib.js.map\n`,
    'dist/maps/lib.js.map': map('../../src/lib.ts', `export const other = "${inOther}";\n`),
    // A map no bundle with keys reads.
    'dist/loose.js.map': map('../src/loose.ts', `const k = "${inLooseMap}";\n`),
  });
  return dir;
}

const byPath = (files: readonly DiscoveredFile[], path: string) => files.find((file) => file.path === path) as DiscoveredFile;

describe.each([
  ['an absolute root', (dir: string) => dir],
  ['a relative root', (dir: string) => relative(process.cwd(), dir)],
])('maps read once, in a scan of %s', (_name, rootOf) => {
  const root = rootOf(tree());
  const { files } = discoverFiles(root);

  it('gives every file the analysis a read of its own gives, in one scan', async () => {
    const { analyses } = await analyseFiles(files, { root }, { threads: 1 });
    expect(analyses).toEqual(files.map((file) => analyseFile(file, { root })));
    const hits = (path: string) => analyses.find((analysis) => analysis.file.path === path)?.hits.map((hit) => hit.secret.redacted) ?? [];
    expect(hits('dist/app.js.map').length).toBe(2);
    expect(hits('dist/maps/lib.js.map').length).toBe(1);
    expect(hits('dist/loose.js.map').length).toBe(1);
  });

  it('analyses a map when its bundle reads it, hands that analysis over once, and leaves other maps to their turn', () => {
    const maps = new MapsReadOnce(files);
    analyseFile(byPath(files, 'dist/app.js'), { root, maps });
    analyseFile(byPath(files, 'dist/lib.js'), { root, maps });
    for (const path of ['dist/app.js.map', 'dist/maps/lib.js.map']) {
      const early = maps.take(byPath(files, path));
      expect(early, path).toEqual(analyseFile(byPath(files, path), { root }));
      expect(maps.take(byPath(files, path)), path).toBeUndefined();
    }
    expect(maps.take(byPath(files, 'dist/loose.js.map'))).toBeUndefined();
  });

  it('gives the same analyses when worker threads read beside this one', async () => {
    const { analyses } = await analyseFiles(files, { root }, { threads: 2, cores: 2, workerFile: WORKER });
    expect(analyses).toEqual(files.map((file) => analyseFile(file, { root })));
  });

  it('never analyses again a map whose turn came before its bundle read it', () => {
    const maps = new MapsReadOnce(files);
    const mapFile = byPath(files, 'dist/app.js.map');
    expect(maps.take(mapFile)).toBeUndefined();
    analyseFile(byPath(files, 'dist/app.js'), { root, maps });
    expect(maps.take(mapFile)).toBeUndefined();
  });
});

describe('a map swapped for a link after discovery', () => {
  it('is a skip, as its own read makes it, not the bytes of the file the link leads to', async () => {
    const root = tree();
    const { files } = discoverFiles(root);
    rmSync(join(root, 'dist/app.js.map'));
    symlinkSync(join(root, 'dist/loose.js.map'), join(root, 'dist/app.js.map'));
    const maps = new MapsReadOnce(files);
    analyseFile(byPath(files, 'dist/app.js'), { root, maps });
    expect(maps.take(byPath(files, 'dist/app.js.map'))).toBeUndefined();
    const { analyses } = await analyseFiles(files, { root }, { threads: 1 });
    const swapped = analyses.find((analysis) => analysis.file.path === 'dist/app.js.map');
    expect(swapped?.skipped?.reason).toMatch(/link/);
    expect(swapped?.hits).toEqual([]);
  });
});
