// Each bundler's way of naming sources, turned into repository files: one example per row of the
// scheme table (and a check that every row has one), the matching of maps copied out of place by
// path end and sourcesContent, and the promise never to read a file outside the scanned root.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { joinSourceRoot, resolveSource, SOURCE_URL_SCHEMES, sourcePathCandidates, sourceUrlScheme } from '../../src/analyse/source-url.js';

const root = mkdtempSync(join(tmpdir(), 'engium-source-url-'));
const outside = mkdtempSync(join(tmpdir(), 'engium-source-url-outside-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

function write(base: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), content);
  }
}

write(root, {
  'src/api.js': 'export const api = 1;\n',
  'packages/web/src/widget.ts': 'export const widget = 1;\n',
  'packages/web/components/card.tsx': 'export const Card = 1;\n',
  'src/lib/key.ts': 'export const key = 1;\n',
  'main.ts': 'console.log("main");\n',
  'other/main.ts': 'console.log("other");\n',
});
write(outside, { 'secret.ts': 'export const secret = 1;\n' });
symlinkSync(join(outside, 'secret.ts'), join(root, 'src/linked.ts'));

/** One example per row of SOURCE_URL_SCHEMES, in the table's order, with where it lands from a map in `mapDir`. */
const EXAMPLES: readonly { url: string; mapDir: string; expected: ReturnType<typeof resolveSource> }[] = [
  { url: 'webpack://EngiumWidget/./src/api.js', mapDir: 'dist', expected: { file: 'src/api.js', inRepository: true } },
  { url: 'webpack:///./src/widget.ts', mapDir: 'packages/web/.next/static/chunks', expected: { file: 'packages/web/src/widget.ts', inRepository: true } },
  { url: 'turbopack:///[project]/components/card.tsx', mapDir: 'packages/web/.next/static/chunks', expected: { file: 'packages/web/components/card.tsx', inRepository: true } },
  { url: 'turbopack:///[root-of-the-server]/src/widget.ts', mapDir: 'packages/web/.next/server/chunks', expected: { file: 'packages/web/src/widget.ts', inRepository: true } },
  { url: 'turbopack:///[turbopack]/browser/runtime/base.ts', mapDir: '.next/static/chunks', expected: { file: 'turbopack:///[turbopack]/browser/runtime/base.ts', inRepository: false } },
  { url: '/__parcel_source_root/src/api.js', mapDir: 'dist', expected: { file: 'src/api.js', inRepository: true } },
  { url: `file://${root}/src/lib/key.ts`, mapDir: 'dist', expected: { file: 'src/lib/key.ts', inRepository: true } },
  { url: '\u0000vite/preload-helper.js', mapDir: 'dist/assets', expected: { file: '\u0000vite/preload-helper.js', inRepository: false } },
  { url: '<runtime>', mapDir: 'dist', expected: { file: '<runtime>', inRepository: false } },
  { url: 'https://github.com/acme/widget/blob/main/src/lib/key.ts', mapDir: 'dist', expected: { file: 'src/lib/key.ts', inRepository: true } },
  { url: 'chrome-extension://abcdef/lib.js', mapDir: 'dist', expected: { file: 'chrome-extension://abcdef/lib.js', inRepository: false } },
  { url: `${root}/src/api.js`, mapDir: 'dist', expected: { file: 'src/api.js', inRepository: true } },
  { url: '../../src/lib/key.ts', mapDir: 'dist/assets', expected: { file: 'src/lib/key.ts', inRepository: true } },
];

describe('bundler source URLs', () => {
  it('has an example for every row of the scheme table, and each example is read by its row', () => {
    expect(EXAMPLES.map(({ url }) => SOURCE_URL_SCHEMES.findIndex(({ pattern }) => pattern.test(url)))).toEqual(SOURCE_URL_SCHEMES.map((_, index) => index));
  });

  for (const { url, mapDir, expected } of EXAMPLES) {
    it(`resolves ${JSON.stringify(url)} (${sourceUrlScheme(url).base}) from a map in ${mapDir}`, () => {
      expect(resolveSource({ root, mapDir }, url, undefined)).toEqual(expected);
    });
  }

  it('joins sourceRoot as a folder, and leaves URLs and absolute paths alone', () => {
    expect(joinSourceRoot('../..', 'src/api.js')).toBe('../../src/api.js');
    expect(joinSourceRoot('/__parcel_source_root/', 'src/api.js')).toBe('/__parcel_source_root/src/api.js');
    expect(joinSourceRoot('webpack://app/', './src/api.js')).toBe('webpack://app/./src/api.js');
    expect(joinSourceRoot('../..', 'webpack://app/./src/api.js')).toBe('webpack://app/./src/api.js');
    expect(joinSourceRoot('', 'src/api.js')).toBe('src/api.js');
    // Parcel's Node targets: `<anon>`, its bundle before minifying, beside a sourceRoot.
    expect(joinSourceRoot('../../', '<anon>')).toBe('<anon>');
    expect(resolveSource({ root, mapDir: 'dist/server' }, joinSourceRoot('/home/ci/app/', '<anon>'), undefined)).toEqual({ file: '<anon>', inRepository: false });
    expect(resolveSource({ root, mapDir: 'dist/assets' }, joinSourceRoot('../../src/', 'lib/key.ts'), undefined)).toEqual({ file: 'src/lib/key.ts', inRepository: true });
  });

  it('drops a query or hash from a path (vue-loader, webpack hashes)', () => {
    expect(resolveSource({ root, mapDir: 'dist' }, 'webpack://app/./src/api.js?4f2a#x', undefined)).toEqual({ file: 'src/api.js', inRepository: true });
  });

  it('finds the file of a map copied deeper than it was written for (SvelteKit adapter-node build/client)', () => {
    // Written for .svelte-kit/output/client/_app/immutable/chunks, copied to build/client/_app/immutable/chunks.
    expect(resolveSource({ root, mapDir: 'build/client/_app/immutable/chunks' }, '../../../../../../src/lib/key.ts', undefined)).toEqual({ file: 'src/lib/key.ts', inRepository: true });
    // Climbing out of the root altogether.
    expect(resolveSource({ root, mapDir: 'build/client' }, '../../../../../../../../../../src/lib/key.ts', undefined)).toEqual({ file: 'src/lib/key.ts', inRepository: true });
  });

  it('finds the file of a map built on another machine by the end of its path', () => {
    expect(resolveSource({ root, mapDir: 'dist' }, '/home/runner/work/app/app/src/lib/key.ts', undefined)).toEqual({ file: 'src/lib/key.ts', inRepository: true });
    expect(resolveSource({ root, mapDir: 'dist' }, 'file:///C:/build/app/src/api.js', undefined)).toEqual({ file: 'src/api.js', inRepository: true });
    expect(resolveSource({ root, mapDir: 'dist' }, 'C:\\build\\app\\src\\api.js', undefined)).toEqual({ file: 'src/api.js', inRepository: true });
  });

  it('matches a one-segment path end only by sourcesContent, and prefers the file that holds the content', () => {
    expect(resolveSource({ root, mapDir: 'dist' }, '/elsewhere/main.ts', undefined)).toEqual({ outside: true });
    expect(resolveSource({ root, mapDir: 'dist' }, '/elsewhere/main.ts', 'console.log("main");\n')).toEqual({ file: 'main.ts', inRepository: true });
    expect(resolveSource({ root, mapDir: 'other/dist' }, '/elsewhere/main.ts', 'console.log("main");\n')).toEqual({ file: 'main.ts', inRepository: true });
    expect(resolveSource({ root, mapDir: 'other/dist' }, '/elsewhere/main.ts', 'console.log("other");\n')).toEqual({ file: 'other/main.ts', inRepository: true });
  });

  it('names a path inside the root that is not there as not in the repository, and never names one outside', () => {
    expect(resolveSource({ root, mapDir: 'dist' }, '../src/deleted.ts', undefined)).toEqual({ file: 'src/deleted.ts', inRepository: false });
    expect(resolveSource({ root, mapDir: 'dist' }, '../../../../../../../../../etc/passwd', undefined)).toEqual({ outside: true });
    expect(resolveSource({ root, mapDir: 'dist' }, `${outside}/secret.ts`, undefined)).toEqual({ outside: true });
    expect(resolveSource({ root, mapDir: 'dist' }, 'webpack://app/webpack/bootstrap', undefined)).toEqual({ file: 'webpack://app/webpack/bootstrap', inRepository: false });
    expect(resolveSource({ root, mapDir: 'dist' }, '', undefined)).toEqual({ file: '(unnamed source)', inRepository: false });
    expect(resolveSource({ root, mapDir: 'dist' }, '../src/\u0000.ts', undefined)).toEqual({ file: 'src/\u0000.ts', inRepository: false });
  });

  it('never reads through a link that leads out of the root to compare content', () => {
    // src/linked.ts points outside: its content is never compared, so a one-segment match through it fails.
    expect(resolveSource({ root, mapDir: 'dist' }, '/elsewhere/linked.ts', 'export const secret = 1;\n')).toEqual({ outside: true });
  });

  it('lists the paths a source may be for the module graph, without touching the disk', () => {
    expect(sourcePathCandidates({ root, mapDir: 'packages/web/dist' }, 'webpack://app/./src/widget.ts')).toEqual(['packages/web/dist/src/widget.ts', 'packages/web/src/widget.ts', 'packages/src/widget.ts', 'src/widget.ts']);
    expect(sourcePathCandidates({ root, mapDir: 'dist' }, '../src/api.js')).toEqual(['src/api.js']);
    expect(sourcePathCandidates({ root, mapDir: 'dist' }, '../../../../../etc/passwd')).toEqual([]);
    expect(sourcePathCandidates({ root, mapDir: 'dist' }, 'turbopack:///[turbopack]/runtime.ts')).toEqual([]);
  });
});
