// Every way a bundle names its map, and every way a map names its sources, through the CLI on real
// esbuild output: CSS maps, inline maps with a charset, the legacy `//@` comment, a map copied
// deeper than it was written for (SvelteKit's adapter-node), webpack-style and Turbopack-style
// sources, and an index map made of two real maps. Each origin is the one trace-mapping reads from
// the same map, in the repository file that source is.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnyMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { redact } from '@engium/core';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, ScanReport } from '../../packages/scanner/src/finding.js';
import { expectNoFullKey, fakeKey, gitRepo, runScanner, writeFiles } from '../support/index.js';
import { expectValidSarif, scanJson } from './support.js';

const CSS = fakeKey('live', 41);
const CHARSET = fakeKey('live', 42);
const LEGACY = fakeKey('live', 43);
const COPIED = fakeKey('live', 44);
const WEBPACK = fakeKey('live', 45);
const FIRST = fakeKey('live', 46);
const SECOND = fakeKey('live', 47);
const RUNTIME = fakeKey('live', 48);
const KEYS = [CSS, CHARSET, LEGACY, COPIED, WEBPACK, FIRST, SECOND, RUNTIME];

const source = (key: string) => `export function call(): string {\n  // the key is on line 3\n  return "${key}".trim();\n}\n`;

interface RawMap {
  version: 3;
  sources: string[];
  mappings: string;
  sourcesContent?: string[];
  names: string[];
}

function readMap(path: string): RawMap {
  return JSON.parse(readFileSync(path, 'utf8')) as RawMap;
}

describe('source map forms', () => {
  const dir = gitRepo();
  let report: ScanReport;

  beforeAll(async () => {
    writeFiles(dir, {
      'src/style.css': `.badge::after {\n  color: red;\n  content: "${CSS}";\n}\n`,
      'src/charset.ts': source(CHARSET),
      'src/legacy.ts': source(LEGACY),
      'src/lib/copied.ts': source(COPIED),
      'packages/widget/src/api.ts': source(WEBPACK),
      'app/first.ts': source(FIRST),
      'app/second.ts': `// a second module\n\n${source(SECOND)}`,
    });
    const common = { absWorkingDir: dir, bundle: true, minify: true, format: 'esm' as const, logLevel: 'silent' as const };
    await build({ ...common, entryPoints: ['src/style.css'], outfile: join(dir, 'dist/style.css'), sourcemap: true });
    await build({ ...common, entryPoints: ['src/charset.ts'], outfile: join(dir, 'dist/charset.js'), sourcemap: 'inline' });
    const charset = readFileSync(join(dir, 'dist/charset.js'), 'utf8');
    writeFileSync(join(dir, 'dist/charset.js'), charset.replace('data:application/json;base64,', 'data:application/json;charset=utf-8;base64,'));
    await build({ ...common, entryPoints: ['src/legacy.ts'], outfile: join(dir, 'dist/legacy.js'), sourcemap: true });
    writeFileSync(join(dir, 'dist/legacy.js'), readFileSync(join(dir, 'dist/legacy.js'), 'utf8').replace('//# sourceMappingURL=', '//@ sourceMappingURL='));

    // SvelteKit writes client chunks to .svelte-kit/output/client/…; adapter-node copies them one folder shallower.
    const written = '.svelte-kit/output/client/_app/immutable/chunks';
    const copied = 'build/client/_app/immutable/chunks';
    await build({ ...common, entryPoints: ['src/lib/copied.ts'], outfile: join(dir, written, 'copied.js'), sourcemap: true });
    mkdirSync(join(dir, copied), { recursive: true });
    for (const name of ['copied.js', 'copied.js.map']) copyFileSync(join(dir, written, name), join(dir, copied, name));

    // webpack names sources `webpack://<library>/./<path from the project>`; the project is packages/widget.
    await build({ ...common, entryPoints: ['packages/widget/src/api.ts'], outfile: join(dir, 'packages/widget/dist/widget.js'), sourcemap: true });
    const webpackMap = readMap(join(dir, 'packages/widget/dist/widget.js.map'));
    webpackMap.sources = webpackMap.sources.map((name) => `webpack://EngiumWidget/./${name.replace(/^(\.\.\/)+/, '')}`);
    writeFileSync(join(dir, 'packages/widget/dist/widget.js.map'), JSON.stringify(webpackMap));

    // Turbopack writes one index map per chunk, a section per module, sources under turbopack:///[project]/.
    await build({ ...common, entryPoints: ['app/first.ts'], outfile: join(dir, 'tmp/first.js'), sourcemap: 'external' });
    await build({ ...common, entryPoints: ['app/second.ts'], outfile: join(dir, 'tmp/second.js'), sourcemap: 'external' });
    const first = readFileSync(join(dir, 'tmp/first.js'), 'utf8');
    const second = readFileSync(join(dir, 'tmp/second.js'), 'utf8');
    const section = (map: RawMap) => ({ ...map, sources: map.sources.map((name) => `turbopack:///[project]/${name.replace(/^(\.\.\/)+/, '')}`) });
    mkdirSync(join(dir, '.next/static/chunks'), { recursive: true });
    writeFileSync(join(dir, '.next/static/chunks/page.js'), `${first}${second}//# sourceMappingURL=page.js.map\n`);
    const firstLines = first.split('\n').length - 1;
    writeFileSync(
      join(dir, '.next/static/chunks/page.js.map'),
      JSON.stringify({
        version: 3,
        sections: [
          { offset: { line: 0, column: 0 }, map: section(readMap(join(dir, 'tmp/first.js.map'))) },
          { offset: { line: firstLines, column: 0 }, map: section(readMap(join(dir, 'tmp/second.js.map'))) },
        ],
      }),
    );
    // Only the build output holds keys: the sources keep their shape (the lines the maps point at) without them.
    for (const [path, key] of [['src/style.css', CSS], ['src/charset.ts', CHARSET], ['src/legacy.ts', LEGACY], ['src/lib/copied.ts', COPIED], ['packages/widget/src/api.ts', WEBPACK], ['app/first.ts', FIRST], ['app/second.ts', SECOND]] as const) {
      writeFileSync(join(dir, path), readFileSync(join(dir, path), 'utf8').replace(key, 'x'.repeat(key.length)));
    }
    rmSync(join(dir, 'tmp'), { recursive: true });
    // A key the map puts in webpack's own runtime: a source, but no file of the repository.
    writeFiles(dir, {
      'dist/runtime.js': `var k="${RUNTIME}";\n//# sourceMappingURL=runtime.js.map\n`,
      'dist/runtime.js.map': JSON.stringify({ version: 3, sources: ['webpack://EngiumWidget/webpack/runtime/define property getters'], names: [], mappings: 'AAAA,OAAO' }),
    });
    report = scanJson(dir, KEYS, ['--no-graph']).report;
  });

  const find = (key: string, file: string): Finding | undefined => report.findings.find((finding) => finding.secret.redacted === redact(key) && finding.file === file);

  /** What trace-mapping reads from the map at the finding's position: source name, line and 1-based column. */
  function oracle(mapPath: string, finding: Finding | undefined): { source: string | null; line: number | null; column: number | null } {
    const map = AnyMap(readFileSync(join(dir, mapPath), 'utf8'), join(dir, mapPath));
    const original = originalPositionFor(map, { line: finding?.line ?? 0, column: (finding?.column ?? 1) - 1 });
    return { source: original.source, line: original.line, column: original.column === null ? null : original.column + 1 };
  }

  it('maps a CSS bundle through its /*# sourceMappingURL */ comment', () => {
    const finding = find(CSS, 'dist/style.css');
    expect(oracle('dist/style.css.map', finding)).toMatchObject({ source: join(dir, 'src/style.css') });
    expect(finding?.origin).toEqual({ file: 'src/style.css', line: oracle('dist/style.css.map', finding).line, column: oracle('dist/style.css.map', finding).column, inRepository: true });
    expect(finding?.origin?.line).toBe(3);
  });

  it('maps through an inline map with a charset, and through the legacy //@ comment', () => {
    expect(find(CHARSET, 'dist/charset.js')?.origin).toEqual({ file: 'src/charset.ts', line: 3, column: 10, inRepository: true });
    expect(report.findings.filter((finding) => finding.secret.redacted === redact(CHARSET)).map((finding) => finding.file)).toEqual(['dist/charset.js']);
    const legacy = find(LEGACY, 'dist/legacy.js');
    expect(legacy?.origin).toEqual({ file: 'src/legacy.ts', line: oracle('dist/legacy.js.map', legacy).line, column: oracle('dist/legacy.js.map', legacy).column, inRepository: true });
  });

  it('finds the source of a map copied one folder shallower, whose sources climb out of the repository', () => {
    const finding = find(COPIED, 'build/client/_app/immutable/chunks/copied.js');
    const expected = oracle('build/client/_app/immutable/chunks/copied.js.map', finding);
    // Read where the map now is, its source lies outside the repository: only the path's end matches.
    expect(expected.source?.startsWith(dir)).toBe(false);
    expect(finding?.origin).toEqual({ file: 'src/lib/copied.ts', line: expected.line, column: expected.column, inRepository: true });
    expect(find(COPIED, '.svelte-kit/output/client/_app/immutable/chunks/copied.js')?.origin).toEqual({ file: 'src/lib/copied.ts', line: 3, column: 10, inRepository: true });
  });

  it('turns webpack://<library>/./ sources into the project path, the project being a package of the repository', () => {
    const finding = find(WEBPACK, 'packages/widget/dist/widget.js');
    const expected = oracle('packages/widget/dist/widget.js.map', finding);
    expect(expected.source).toBe('webpack://EngiumWidget/src/api.ts');
    expect(finding?.origin).toEqual({ file: 'packages/widget/src/api.ts', line: expected.line, column: expected.column, inRepository: true });
  });

  it('reads a Turbopack-style index map: each key maps through its own section', () => {
    for (const [key, file] of [[FIRST, 'app/first.ts'], [SECOND, 'app/second.ts']] as const) {
      const finding = find(key, '.next/static/chunks/page.js');
      const expected = oracle('.next/static/chunks/page.js.map', finding);
      expect(expected.source).toBe(`turbopack:///[project]/${file}`);
      expect(finding?.origin).toEqual({ file, line: expected.line, column: expected.column, inRepository: true });
    }
    expect(find(SECOND, '.next/static/chunks/page.js')?.origin?.line).toBe(5);
  });

  it('names a source that is no file of the repository as the map does, and says so', () => {
    expect(find(RUNTIME, 'dist/runtime.js')?.origin).toEqual({ file: 'webpack://EngiumWidget/webpack/runtime/define property getters', line: 1, column: 8, inRepository: false });
    expect(runScanner([dir, '--no-graph']).stdout).toContain('from webpack://EngiumWidget/webpack/runtime/define property getters:1:8 (not a file of the repository)');
  });

  it('writes the origin into SARIF as a related location that says whether the file is in the repository', () => {
    const result = runScanner([dir, '--no-graph', '--format', 'sarif']);
    expectNoFullKey(result.stdout, KEYS);
    const sarif = JSON.parse(result.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; relatedLocations?: { id: number; physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; properties?: { inRepository?: boolean } }[] }[] }[] };
    expectValidSarif(sarif);
    const page = sarif.runs[0]?.results.filter((result) => result.locations[0]?.physicalLocation.artifactLocation.uri === '.next/static/chunks/page.js') ?? [];
    // Location 1 is the origin; later ones are the key's other places (its copy in the map).
    expect(page.map((result) => result.relatedLocations?.filter(({ id }) => id === 1).map(({ physicalLocation, properties }) => [physicalLocation.artifactLocation.uri, properties?.inRepository]))).toEqual([
      [['app/first.ts', true]],
      [['app/second.ts', true]],
    ]);
  });

  it('leaves no warning about these maps', () => {
    expect(report.stats.warnings ?? []).toEqual([]);
  });
});
