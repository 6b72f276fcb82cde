// Origins on real builds: for every key the scanner finds in a bundle or a map of each real build
// (test/real-builds), the origin it reports is the source, line and column that the bundler's own
// map gives through @jridgewell/trace-mapping (index maps flattened by its AnyMap), named as the
// repository file that source is, followed through that source's own inline map when it carries
// one (Astro's <script> modules). Where the map names no source there, or there is no map, the
// finding has no origin and a warning says which.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { redact } from '@engium/core';
import { AnyMap, originalPositionFor, type TraceMap } from '@jridgewell/trace-mapping';
import { describe, expect, it } from 'vitest';
import type { Finding, ScanReport } from '../../packages/scanner/src/finding.js';
import { scanJson } from '../scanner/support.js';
import { realBuild, REAL_BUILD_TIMEOUT, type RealBuildName } from '../support/real-builds.js';

const BUILDS: readonly RealBuildName[] = ['next-turbopack', 'next-webpack', 'vite', 'sveltekit-node', 'astro', 'webpack-lib', 'rollup-lib', 'rollup-lib-cdn-maps', 'esbuild', 'rspack', 'esbuild-cli', 'esbuild-script', 'nuxt', 'react-router', 'parcel', 'parcel-targets'];
const MAPPABLE = /\.(?:[cm]?js|css)$/;

/** The map a built file names (a linked file or an inline `data:` URL), else a `.map` beside it; undefined without one. */
function bundlerMap(root: string, file: string): TraceMap | undefined {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const url = /[#@] sourceMappingURL=(\S+?)(?:\s*\*\/)?\s*$/.exec(text)?.[1];
  if (url?.startsWith('data:')) {
    const payload = url.slice(url.indexOf(',') + 1);
    return AnyMap(url.slice(0, url.indexOf(',')).endsWith(';base64') ? Buffer.from(payload, 'base64').toString('utf8') : decodeURIComponent(payload), path);
  }
  // A map published elsewhere (`https://cdn…/app.js.map`) is the copy of that name beside the file.
  const published = url !== undefined && /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url);
  const mapPath = url === undefined ? `${path}.map` : published ? join(dirname(path), basename(new URL(url, 'https://host/').pathname)) : resolve(dirname(path), decodeURIComponent(url));
  return existsSync(mapPath) ? AnyMap(readFileSync(mapPath, 'utf8'), mapPath) : undefined;
}

/** Whether the map's source URL (resolved by trace-mapping) is the repository file `file`. */
function names(sourceUrl: string, root: string, file: string): boolean {
  const path = sourceUrl.replace(/[?#].*$/, '');
  return path === join(root, file) || path.endsWith(`/${file}`) || path.endsWith(`]/${file}`);
}

/** A source a bundler names for code of its own, no file: esbuild's `<stdin>`, Parcel's `<anon>` (its bundle before minifying). */
const GENERATED_SOURCE = /\/<[^/>]*>$/;

/**
 * For a key in a map's sourcesContent: the source holding it and the key's 1-based line and column
 * there. A module of the app wins over a generated source that repeats it (Parcel's `<anon>`).
 */
function inSourcesContent(map: TraceMap, needle: string): { source: string; line: number; column: number } | undefined {
  const places = (map.sourcesContent ?? []).flatMap((content, index) => {
    const at = content?.indexOf(needle) ?? -1;
    if (content == null || at === -1) return [];
    const before = content.slice(0, at).split('\n');
    return [{ source: map.resolvedSources[index] ?? '', line: before.length, column: (before.at(-1) ?? '').length + 1 }];
  });
  return places.find(({ source }) => !GENERATED_SOURCE.test(source)) ?? places[0];
}

/**
 * A place in a map's source followed through that source's own inline map (Astro writes one into
 * each `<script>` module, mapping it to the `.astro` page), as the scanner follows it: the page's
 * line and column when the inline map names a source there, else the place as it is.
 */
function throughInlineMap(map: TraceMap, place: { source: string; line: number; column: number }): { source: string; line: number; column: number } {
  const content = map.sourcesContent?.[map.resolvedSources.indexOf(place.source)];
  const url = content == null ? undefined : /[#@] sourceMappingURL=(data:\S+)\s*$/.exec(content)?.[1];
  if (url === undefined) return place;
  const payload = url.slice(url.indexOf(',') + 1);
  const inner = AnyMap(url.slice(0, url.indexOf(',')).endsWith(';base64') ? Buffer.from(payload, 'base64').toString('utf8') : decodeURIComponent(payload), place.source);
  const original = originalPositionFor(inner, { line: place.line, column: place.column - 1 });
  return original.source === null ? place : { source: original.source, line: original.line, column: original.column + 1 };
}

function warningsFor(report: ScanReport, file: string): string[] {
  return (report.stats.warnings ?? []).filter((warning) => warning.file === file).map((warning) => warning.message);
}

describe.each(BUILDS)('origins in the real %s build', (name) => {
  it('match what the bundler’s own map says, for every bundle and map finding', { timeout: REAL_BUILD_TIMEOUT }, () => {
    const { root, keys } = realBuild(name);
    const { report } = scanJson(root, Object.values(keys), ['--no-graph']);
    const built = report.findings.filter((finding) => finding.ruleId === 'engium/bundle-key' && (MAPPABLE.test(finding.file) || finding.file.endsWith('.map')));
    expect(built.length, `${name} has bundle or map findings`).toBeGreaterThan(0);
    const keyOf = (finding: Finding) => Object.values(keys).find((key) => redact(key) === finding.secret.redacted);
    let origins = 0;
    for (const finding of built) {
      const where = `${finding.file}:${finding.line}:${finding.column}`;
      if (finding.file.endsWith('.map')) {
        const key = keyOf(finding);
        const map = AnyMap(readFileSync(join(root, finding.file), 'utf8'), join(root, finding.file));
        if (finding.encoding !== 'plain') {
          // Astro's sourcesContent holds the page's own inline map: the key is base64 there, and the origin is where that text starts.
          expect(finding.encoding, where).toBe('base64');
          const index = map.resolvedSources.findIndex((url) => names(url, root, finding.origin?.file ?? ''));
          const line = map.sourcesContent?.[index]?.split('\n')[(finding.origin?.line ?? 0) - 1] ?? '';
          const run = /^[A-Za-z0-9+/=]+/.exec(line.slice((finding.origin?.column ?? 0) - 1))?.[0] ?? '';
          expect(Buffer.from(run, 'base64').toString('latin1'), `${where}: the base64 at the origin holds the key`).toContain(key);
          origins++;
          continue;
        }
        const found = key === undefined ? undefined : inSourcesContent(map, key);
        const expected = found && throughInlineMap(map, found);
        expect(expected, `${where}: the key is in the map's sourcesContent`).toBeDefined();
        expect(finding.origin, where).toMatchObject({ line: expected?.line, column: expected?.column, inRepository: !GENERATED_SOURCE.test(expected?.source ?? '') });
        expect(names(expected?.source ?? '', root, finding.origin?.file ?? ''), `${where}: ${expected?.source} is ${finding.origin?.file}`).toBe(true);
        origins++;
        continue;
      }
      const map = bundlerMap(root, finding.file);
      if (map === undefined) {
        expect(finding.origin, where).toBeUndefined();
        expect(warningsFor(report, finding.file), where).toContainEqual(expect.stringMatching(/^no source map/));
        continue;
      }
      const traced = originalPositionFor(map, { line: finding.line, column: finding.column - 1 });
      if (traced.source === null) {
        expect(finding.origin, where).toBeUndefined();
        expect(warningsFor(report, finding.file), where).toContainEqual(expect.stringContaining(`line ${finding.line}, column ${finding.column}`));
        continue;
      }
      // A dependency's module (Nitro's runtime config comes from nitropack's config.mjs) is gone with
      // the node_modules the harness removes after the build: named, but not a file of the repository.
      const original = throughInlineMap(map, { source: traced.source, line: traced.line, column: traced.column + 1 });
      const dependency = /(?:^|\/)node_modules\//.test(original.source);
      expect(finding.origin, where).toMatchObject({ line: original.line, column: original.column, inRepository: !dependency });
      expect(names(original.source, root, finding.origin?.file ?? ''), `${where}: ${original.source} is ${finding.origin?.file}`).toBe(true);
      expect(existsSync(join(root, finding.origin?.file ?? '')), `${finding.origin?.file} is a file of the build's repository`).toBe(!dependency);
      origins++;
    }
    expect(origins, `${name}: findings with an origin`).toBeGreaterThan(0);
  });
});

describe('a source that carries its own inline map', () => {
  it("an Astro <script> key points at its line in the .astro page, through the script module's own map", { timeout: REAL_BUILD_TIMEOUT }, () => {
    const { root, keys } = realBuild('astro');
    const key = keys['script-literal'] ?? '';
    const { report } = scanJson(root, Object.values(keys), ['--no-graph']);
    const page = readFileSync(join(root, 'src/pages/index.astro'), 'utf8').split('\n');
    const line = page.findIndex((text) => text.includes(key)) + 1;
    const inMap = report.findings.filter((finding) => finding.secret.redacted === redact(key) && finding.file.endsWith('.map') && finding.encoding === 'plain');
    expect(inMap.length).toBeGreaterThan(0);
    for (const finding of inMap) expect(finding.origin).toEqual({ file: 'src/pages/index.astro', line, column: (page[line - 1] ?? '').indexOf(key) + 1, inRepository: true });
  });
});

describe('origins the issue named', () => {
  it('Turbopack client chunks (index maps) name their components, not “no mapping”', { timeout: REAL_BUILD_TIMEOUT }, () => {
    const { root, keys } = realBuild('next-turbopack');
    const { report } = scanJson(root, Object.values(keys), ['--no-graph']);
    const client = report.findings.filter((finding) => finding.file.startsWith('.next/static/chunks/') && finding.file.endsWith('.js'));
    expect(client.length).toBeGreaterThan(0);
    for (const finding of client) expect(finding.origin?.file, finding.file).toMatch(/^(?:components|lib|app)\//);
    expect(report.stats.warnings?.filter((warning) => warning.file.startsWith('.next/static/') && /has no mapping/.test(warning.message))).toEqual([]);
  });

  it('webpack library origins are project paths, and SvelteKit maps copied into build/client still find their source', { timeout: REAL_BUILD_TIMEOUT }, () => {
    const webpack = realBuild('webpack-lib');
    const widget = scanJson(webpack.root, Object.values(webpack.keys), ['--no-graph']).report.findings.find((finding) => finding.file === 'dist/engium-widget.js');
    expect(widget?.origin).toMatchObject({ file: 'src/api.js', inRepository: true });
    const svelte = realBuild('sveltekit-node');
    const copied = scanJson(svelte.root, Object.values(svelte.keys), ['--no-graph']).report.findings.filter((finding) => finding.file.startsWith('build/client/') && finding.origin);
    expect(copied.map((finding) => finding.origin?.file)).toContain('src/routes/+page.svelte');
  });
});

describe('Parcel 2 production maps', () => {
  it('name `<anon>` (the bundle before minifying) first: a key of a module points at the module, a value inlined from .env at `<anon>` in the map and at its process.env read in the bundle', { timeout: REAL_BUILD_TIMEOUT }, () => {
    const { root, keys } = realBuild('parcel');
    const { report } = scanJson(root, Object.values(keys), ['--no-graph']);
    const origins = (role: string, suffix: string) =>
      report.findings
        .filter((finding) => finding.secret.redacted === redact(keys[role] ?? '') && finding.file.startsWith('dist/') && finding.file.endsWith(suffix))
        .map((finding) => finding.origin && `${finding.origin.file}:${finding.origin.line} ${finding.origin.inRepository}`);
    // The map's sourcesContent holds the literal twice, in `<anon>` and in src/api.ts: both copies name src/api.ts.
    expect(origins('client-literal', '.js.map')).toEqual(['src/api.ts:1 true', 'src/api.ts:1 true']);
    expect(origins('worker', '.js.map')).toEqual(['src/sync.worker.ts:1 true', 'src/sync.worker.ts:1 true']);
    // No module's text holds the inlined value: only `<anon>` does, which is no file.
    expect(origins('injected-env', '.js.map')).toEqual(['<anon>:7 false']);
    expect(origins('injected-env', '.js')).toEqual(['src/api.ts:8 true']);
  });

  it('of a Node target join `<anon>` to no sourceRoot: the server bundle and its map point at the server module', { timeout: REAL_BUILD_TIMEOUT }, () => {
    const { root, keys } = realBuild('parcel-targets');
    const map = JSON.parse(readFileSync(join(root, 'dist/server/report.js.map'), 'utf8')) as { sourceRoot?: string; sources: string[] };
    expect([map.sourceRoot, map.sources[0]]).toEqual(['../../', '<anon>']);
    const { report } = scanJson(root, Object.values(keys), ['--no-graph']);
    const server = report.findings.filter((finding) => finding.secret.redacted === redact(keys['server-literal'] ?? '') && finding.file.startsWith('dist/server/'));
    expect(server.length).toBeGreaterThan(0);
    for (const finding of server) expect(finding.origin, finding.file).toMatchObject({ file: 'server/report.ts', inRepository: true });
    expect(report.stats.warnings?.filter((warning) => warning.file.startsWith('dist/server/')) ?? []).toEqual([]);
  });
});
