// Parcel's builds as package.json describes them: each target's folder and side, and the client
// entries of its browser targets, read the way @parcel/core's TargetRequest reads them.
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_BUILDS, type FrameworkBuild, type ManifestTargets } from '../../src/frameworks.js';
import type { ConfigFacts } from '../../src/graph/config-injection.js';
import { readManifestTargets } from '../../src/graph/manifest-targets.js';
import type { PackageInfo, PackageManifest } from '../../src/graph/packages.js';

const parcel = FRAMEWORK_BUILDS.find((row) => row.name === 'Parcel') as FrameworkBuild & { manifestTargets: ManifestTargets };

function read(manifest: PackageManifest & Record<string, unknown>, dir = ''): Pick<ConfigFacts, 'outputs' | 'clientEntries'> {
  const facts: ConfigFacts = { injections: [], publicPrefixes: [], shipped: [], outputs: [], clientEntries: [], readsInlined: [], wholeEnv: [], pageRoots: new Map(), servedFolders: [] };
  const owner: PackageInfo = { dir, dependencies: new Set(['parcel']), manifest };
  readManifestTargets(owner, parcel, facts);
  return { outputs: facts.outputs, clientEntries: facts.clientEntries };
}

const sides = (facts: Pick<ConfigFacts, 'outputs'>) => facts.outputs.map(({ path, side }) => `${path} ${side}`);

describe('Parcel targets in package.json', () => {
  it('puts each of two or more custom targets without a folder in dist/<name>, with the side of its context', () => {
    const facts = read({ targets: { app: { source: 'src/index.html' }, embed: { source: ['src/embed.ts', './src/badge.tsx'], context: 'browser' }, server: { source: 'server/main.ts', context: 'node' } } });
    expect(sides(facts)).toEqual(['dist/app client', 'dist/embed client', 'dist/server server']);
    expect(facts.outputs[2]?.reason).toBe("package.json targets.server builds for Node with context: 'node', into dist/server");
    // A page is an entry of its own (its scripts are read from it); modules are named here.
    expect(facts.clientEntries.map(({ file }) => file)).toEqual(['src/embed.ts', 'src/badge.tsx']);
    expect(facts.clientEntries[0]?.label).toBe('Parcel target "embed" in package.json');
  });

  it('puts one custom target in dist itself, takes a distDir as written, and reads a package in a folder from there', () => {
    expect(sides(read({ source: 'src/app.ts', targets: { web: {} } }))).toEqual(['dist client']);
    const facts = read({ source: 'src/app.ts', targets: { web: { distDir: './public/app/' }, worker: { distDir: 'functions', engines: { node: '>=20' } } } }, 'apps/site');
    expect(sides(facts)).toEqual(['apps/site/public/app client', 'apps/site/functions server']);
    // The package's source is the entry of a target that names none.
    expect(facts.clientEntries.map(({ file }) => file)).toEqual(['apps/site/src/app.ts']);
  });

  it('builds for Node what its engines say is for Node, unless a browserslist or a browsers engine says browsers', () => {
    expect(sides(read({ source: 'src/app.ts', engines: { node: '>=20' }, targets: { api: {} } }))).toEqual(['dist server']);
    expect(sides(read({ source: 'src/app.ts', engines: { node: '>=20', browsers: 'last 2 versions' }, targets: { api: {} } }))).toEqual(['dist client']);
    expect(sides(read({ source: 'src/app.ts', engines: { node: '>=20' }, browserslist: ['defaults'], targets: { api: {} } }))).toEqual(['dist client']);
    // Electron's processes are packed into the app every user installs.
    expect(read({ targets: { main: { context: 'electron-main' } }, main: 'app/main.js' }).outputs.map(({ side, reason }) => `${side} ${reason}`)).toEqual([
      "client package.json targets.main builds a desktop app's code with context: 'electron-main', packed into the app every user installs, into app",
    ]);
  });

  it('reads main and module as Parcel does: Node beside a browser target, module for browsers then, the browser target always', () => {
    const library = read({ source: 'src/index.ts', main: 'lib/node.js', module: 'lib/esm/index.mjs', browser: 'lib/browser.js', targets: { main: {}, module: {}, browser: {} } });
    expect(sides(library)).toEqual(['lib server', 'lib/esm client', 'lib client']);
    // Without a browser target, main and module follow the engines: browsers by default.
    expect(sides(read({ source: 'src/index.ts', main: 'out/index.js', targets: { main: {} } }))).toEqual(['out client']);
    expect(sides(read({ source: 'src/index.ts', main: 'out/index.js', engines: { node: '20' }, targets: { main: {} } }))).toEqual(['out server']);
  });

  it('gives an app without targets only the Node side its engines name (the framework row already says dist/ is for browsers)', () => {
    expect(read({ source: 'src/widget.ts' })).toEqual({ outputs: [], clientEntries: [{ file: 'src/widget.ts', label: 'Parcel target "default" in package.json' }] });
    expect(sides(read({ source: 'src/server.ts', engines: { node: '>=20' } }))).toEqual(['dist server']);
    // A library's fields are targets of their own, built for whoever imports it: no default target then.
    expect(read({ source: 'src/index.ts', main: 'dist/index.js' })).toEqual({ outputs: [], clientEntries: [] });
  });

  it('passes over what is not a target: false, a string, a folder outside the package, no targets at all; an unknown context is for browsers', () => {
    expect(read({ targets: { types: false, legacy: 'dist/legacy', up: { distDir: '../public' } } }, 'apps/site')).toEqual({ outputs: [], clientEntries: [] });
    // Declarations are no code, and a field's file in the package's own folder leaves its sources unjudged.
    expect(sides(read({ types: 'dist/index.d.ts', main: 'index.js', targets: { types: {}, main: {}, app: {} } }))).toEqual(['dist client']);
    expect(read({ source: 'src/index.ts', types: 'dist/index.d.ts' })).toEqual({ outputs: [], clientEntries: [] });
    // Parcel refuses a context it does not know; the scan takes its default, the side that ships.
    expect(sides(read({ targets: { odd: { context: 'mainframe' } } }))).toEqual(['dist client']);
    expect(read({ targets: ['app'] })).toEqual({ outputs: [], clientEntries: [] });
    expect(read({ name: 'plain' })).toEqual({ outputs: [], clientEntries: [] });
  });
});
