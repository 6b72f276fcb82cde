// Exposure on real builds: every planted key, at its source, at its .env line and in each built copy,
// gets the exposure the bundler's output really has, and no file a browser receives is `server`.
// The apps are built by the real bundlers (test/real-builds/README.md).
import { redact } from '@engium/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Exposure } from '@engium/core';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { filesHolding, realBuild, REAL_BUILD_TIMEOUT, type RealBuild, type RealBuildName } from '../support/real-builds.js';
import { scanJson } from '../scanner/support.js';
import { expectNoFullKey, runScanner } from '../support/index.js';

interface Expectation {
  /** Built files browsers receive. */
  browser: (file: string) => boolean;
  /** Built files only the server runs. */
  server: (file: string) => boolean;
  /** Each planted key's exposure at its source line and its .env line. */
  roles: Record<string, Exposure>;
  /** Words each browser-side finding's message names (the rule that decided). */
  reason: string;
  /** Server files that carry a role's key to browsers as a value (Nitro's public runtime config): client there. */
  carried?: Record<string, string[]>;
}

/** The deepest nesting of parentheses: a message names its reason in one level of them at most. */
function parenthesisDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const char of text) {
    if (char === '(') deepest = Math.max(deepest, ++depth);
    else if (char === ')') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

const under = (...prefixes: string[]) => (file: string) => prefixes.some((prefix) => file.startsWith(prefix));
const nextPrerendered = (file: string) => /^\.next\/server\/(app|pages)\/.*\.(html|rsc|body|meta)$/.test(file);
const next: Expectation = {
  browser: (file) => file.startsWith('.next/static/') || nextPrerendered(file),
  server: (file) => (file.startsWith('.next/server/') && !nextPrerendered(file)) || file.startsWith('.next/required-server-files.'),
  roles: {
    'client-literal': 'client',
    shared: 'client',
    prop: 'client',
    'public-env': 'client',
    'injected-env': 'client',
    'server-literal': 'server',
    'server-env': 'server',
    // A 'use server' file a client component calls, an inline server action, a server component's own
    // constant, a `server-only` module and Next.js 16's proxy.ts: none reaches the browser.
    'action-literal': 'server',
    'inline-action': 'server',
    'server-component': 'server',
    'server-only': 'server',
    'proxy-literal': 'server',
    // Read by a client component without the NEXT_PUBLIC_ prefix: undefined there, so it stays on the server.
    'client-read-env': 'server',
    // Returned by generateMetadata: rendered into the page's <head>.
    metadata: 'client',
  },
  reason: 'Next.js',
};
const nothing = () => false;

const EXPECTED: Record<RealBuildName, Expectation> = {
  'next-turbopack': next,
  'next-webpack': next,
  // server-env is read by src/main.ts as import.meta.env.ENGIUM_SERVER_KEY, which Vite leaves undefined without the VITE_ prefix.
  vite: { browser: under('dist/'), server: nothing, roles: { 'client-literal': 'client', stylesheet: 'client', worker: 'client', 'static-file': 'client', 'public-env': 'client', 'injected-env': 'client', 'server-env': 'server' }, reason: 'Vite builds browser code into dist/' },
  'sveltekit-node': {
    browser: under('build/client/', '.svelte-kit/output/client/'),
    server: under('build/server/', '.svelte-kit/output/server/', 'build/index.js', 'build/handler.js'),
    // $lib/server, an endpoint and $env/dynamic/private stay on the server; a universal load (+page.ts) runs in the browser too.
    roles: {
      'client-literal': 'client',
      'public-env': 'client',
      'server-literal': 'server',
      'server-env': 'server',
      'lib-server': 'server',
      'endpoint-literal': 'server',
      'dynamic-private': 'server',
      'universal-load': 'client',
      // A remote function the page imports: the browser gets a stub that calls the server.
      'remote-function': 'server',
    },
    reason: 'SvelteKit',
  },
  // A module only frontmatter imports stays on the build machine; a <script>'s own constant ships. The frontmatter's
  // constant ships too: the <script>'s map holds the whole page's source (an inline map in its sourcesContent).
  astro: {
    browser: under('dist/'),
    server: nothing,
    roles: { 'client-literal': 'client', 'rendered-literal': 'client', 'public-env': 'client', 'server-env': 'server', 'server-module': 'server', 'script-literal': 'client', 'frontmatter-literal': 'client' },
    reason: 'static Astro build',
  },
  'webpack-lib': { browser: under('dist/'), server: nothing, roles: { 'client-literal': 'client' }, reason: 'package.json "unpkg"' },
  'webpack-eval-source-map': { browser: under('dist/'), server: nothing, roles: { 'client-literal': 'client' }, reason: 'package.json "unpkg"' },
  'webpack-eval': { browser: under('dist/'), server: nothing, roles: { 'client-literal': 'client' }, reason: 'package.json "unpkg"' },
  'webpack-eval-trusted-types': { browser: under('dist/'), server: nothing, roles: { 'client-literal': 'client' }, reason: 'package.json "unpkg"' },
  'rollup-lib': { browser: under('dist/'), server: nothing, roles: { 'client-literal': 'client' }, reason: 'package.json "jsdelivr"' },
  'rollup-lib-cdn-maps': { browser: under('dist/'), server: nothing, roles: { 'client-literal': 'client' }, reason: 'package.json "jsdelivr"' },
  esbuild: { browser: under('dist/public/'), server: under('dist/server/'), roles: { 'client-literal': 'client', 'server-literal': 'server' }, reason: "platform: 'browser'" },
  rspack: { browser: under('dist/'), server: nothing, roles: { 'client-literal': 'client' }, reason: "target: 'web'" },
  'webpack-app': {
    browser: under('dist/public/'),
    server: under('dist/server/'),
    roles: { 'client-literal': 'client', 'server-literal': 'server' },
    reason: "target: 'web'",
  },
  'esbuild-script': { browser: under('dist/'), server: nothing, roles: { 'client-literal': 'client' }, reason: 'is a self-running IIFE bundle' },
  'esbuild-cli': { browser: under('dist/'), server: nothing, roles: { 'client-literal': 'client', 'injected-env': 'client' }, reason: 'the "build" script runs esbuild' },
  nuxt: {
    browser: under('.output/public/', '.nuxt/dist/client/'),
    // The rest of .nuxt (its server build, the Nitro prerenderer, caches) never leaves the build machine.
    server: (file) => file.startsWith('.output/server/') || (file.startsWith('.nuxt/') && !file.startsWith('.nuxt/dist/client/')),
    // NUXT_PUBLIC_ENGIUM_KEY fills runtimeConfig.public, which every page sends to the browser.
    // app.config.ts (`shared`) is bundled into the client and the server build alike.
    // A composable ships; server/utils and the private runtimeConfig stay in Nitro; runtimeConfig.public goes to every page.
    roles: {
      'client-literal': 'client',
      shared: 'client',
      'public-env': 'client',
      'injected-env': 'client',
      'server-literal': 'server',
      'server-env': 'server',
      composable: 'client',
      'server-util': 'server',
      'config-private': 'server',
      'config-public': 'client',
    },
    reason: 'Nuxt',
    // Nitro's server chunk sends the public runtime config, which holds this key, with every page.
    carried: { 'injected-env': ['.output/server/chunks/nitro/nitro.mjs'], 'config-public': ['.output/server/chunks/nitro/nitro.mjs'] },
  },
  'react-router': {
    browser: under('build/client/'),
    server: under('build/server/'),
    // The action's key is stripped from the browser's code, but the client map that ships holds the route's source.
    roles: { 'client-literal': 'client', 'public-env': 'client', 'server-literal': 'server', 'loader-literal': 'client', 'server-env': 'server', 'loader-data': 'client', 'client-loader': 'client' },
    reason: 'React Router',
  },
  // Without maps the action's key is only in build/server: at its source it is server, inside the stripped action.
  'react-router-no-maps': {
    browser: under('build/client/'),
    server: under('build/server/'),
    // What the loader returns is the route's data, sent to the browser; clientLoader runs there.
    roles: { 'client-literal': 'client', 'public-env': 'client', 'server-literal': 'server', 'loader-literal': 'server', 'server-env': 'server', 'loader-data': 'client', 'client-loader': 'client' },
    reason: 'React Router',
  },
  // .parcel-cache, Parcel's build cache, is skipped whole (see below); the rest of dist/ is the browser app.
  parcel: {
    browser: under('dist/'),
    server: nothing,
    roles: { 'client-literal': 'client', 'injected-env': 'client', worker: 'client', 'server-literal': 'server', 'server-env': 'server' },
    reason: 'Parcel builds a browser app into dist/',
  },
  // Each target's folder has its target's side, though all are in dist/, which Parcel's default target would ship whole.
  'parcel-targets': {
    browser: under('dist/app/', 'dist/embed/'),
    server: under('dist/server/'),
    roles: { 'client-literal': 'client', shared: 'client', 'entry-literal': 'client', 'server-literal': 'server' },
    reason: 'package.json targets.',
  },
};

/** Each build's JSON report, scanned once for every test of this file that reads it. */
const reports = new Map<RealBuildName, ScanReport>();
function reportOf(build: RealBuild): ScanReport {
  let report = reports.get(build.build);
  if (!report) {
    report = scanJson(build.root, Object.values(build.keys)).report;
    reports.set(build.build, report);
  }
  return report;
}

/** Build caches the scanner skips whole, by design: the build machine's own copies, never served. */
const SKIPPED_CACHES = ['.parcel-cache/'];

describe.each(Object.keys(EXPECTED) as RealBuildName[])('real build %s', (name) => {
  const expected = EXPECTED[name];
  let build: RealBuild;
  let report: ScanReport;

  beforeAll(() => {
    build = realBuild(name);
    report = reportOf(build);
  }, REAL_BUILD_TIMEOUT);

  const findingsOf = (role: string) => report.findings.filter((finding) => finding.secret.redacted === redact(build.keys[role] ?? ''));
  const reachesBrowsers = (role: string, file: string) => expected.browser(file) || (expected.carried?.[role]?.includes(file) ?? false);
  const expectedAt = (role: string, file: string): Exposure => {
    if (reachesBrowsers(role, file)) return 'client';
    if (expected.server(file)) return 'server';
    return expected.roles[role] as Exposure;
  };

  it('finds every copy of every planted key: its source or .env line and each built file holding it', () => {
    for (const role of Object.keys(expected.roles)) {
      const key = build.keys[role];
      expect(key, `${name} plants ${role}`).toBeDefined();
      // webpack's cache packs are binary files of the build machine, never deployed.
      const holders = filesHolding(build.root, key as string).filter((file) => !file.startsWith('.next/cache/') && !SKIPPED_CACHES.some((cache) => file.startsWith(cache)));
      const found = new Set(findingsOf(role).map((finding) => finding.file));
      expect(holders.filter((file) => !found.has(file)), `${role}: files holding it with no finding`).toEqual([]);
      expect(findingsOf(role).some((finding) => !expected.browser(finding.file) && !expected.server(finding.file)), `${role} at its source`).toBe(true);
    }
  });

  it('gives each finding the exposure of where it sits, with its reason', () => {
    for (const role of Object.keys(expected.roles)) {
      for (const finding of findingsOf(role)) {
        expect(`${role} ${finding.file} ${finding.exposure}`).toBe(`${role} ${finding.file} ${expectedAt(role, finding.file)}`);
        if (reachesBrowsers(role, finding.file)) expect(finding.message, finding.file).toContain(expected.reason);
        expect(parenthesisDepth(finding.message), finding.message).toBeLessThanOrEqual(1);
      }
    }
  });

  it('reports each copy once: one finding per key and place', () => {
    const places = report.findings.map((finding) => `${finding.secret.fingerprint} ${finding.file}:${finding.line}:${finding.column} ${finding.encoding}`);
    expect(places.filter((place, index) => places.indexOf(place) !== index)).toEqual([]);
  });

  it('never labels a file that browsers receive `server`, and leaves nothing unknown', () => {
    const served = report.findings.filter((finding) => expected.browser(finding.file));
    expect(served.length).toBeGreaterThan(0);
    expect(served.filter((finding) => finding.exposure !== 'client').map((finding) => finding.file)).toEqual([]);
    expect(report.findings.filter((finding) => finding.exposure === 'unknown').map((finding) => finding.file)).toEqual([]);
  });
});

describe.each(['nuxt', 'react-router'] as const)('every output format on the real %s build', (name) => {
  it('names each key by its redacted form only in text and SARIF, as scanJson checks for JSON', { timeout: REAL_BUILD_TIMEOUT }, () => {
    const build = realBuild(name);
    const keys = Object.values(build.keys);
    for (const format of ['text', 'sarif']) {
      const result = runScanner([build.root, '--format', format]);
      expect(result.stdout.length, format).toBeGreaterThan(0);
      expectNoFullKey(result.stdout + result.stderr, keys);
      for (const key of keys) expect(result.stdout, format).toContain(redact(key));
    }
  });
});

describe('a React Router route module', () => {
  it('ships its component, while the key in its action stays on the server unless a client map publishes the source', { timeout: REAL_BUILD_TIMEOUT }, () => {
    const verdicts = (name: RealBuildName) => {
      const build = realBuild(name);
      const report = reportOf(build);
      const key = redact(build.keys['loader-literal'] ?? '');
      return report.findings.filter((finding) => finding.secret.redacted === key && finding.file === 'app/routes/home.tsx');
    };
    const [stripped] = verdicts('react-router-no-maps');
    expect([stripped?.exposure, stripped?.line]).toEqual(['server', 21]);
    expect(stripped?.message).toContain('inside action, which React Router / Remix runs on the server and strips from the browser build');
    // With client maps, build/client/assets/home-*.js.map holds the whole route's source, the action too.
    const [published] = verdicts('react-router');
    expect(published?.exposure).toBe('client');
    // The route module is the chain's entry: named once, not again as the file the map leads back to.
    expect(published?.chain).toEqual(['app/routes/home.tsx (React Router / Remix route module)']);
  });
});

describe('a browser bundle built by a script no bundler convention names', () => {
  it('is client by its IIFE wrapper, with its map and its source: modules presumed server (no browser entry known) are no evidence against it', { timeout: REAL_BUILD_TIMEOUT }, () => {
    const build = realBuild('esbuild-script');
    const report = reportOf(build);
    const key = redact(build.keys['client-literal'] ?? '');
    const built = report.findings.filter((finding) => finding.secret.redacted === key && finding.file.startsWith('dist/'));
    expect(built.map((finding) => [finding.file, finding.exposure]).sort()).toEqual([['dist/embed.js', 'client'], ['dist/embed.js.map', 'client']]);
    for (const finding of built) expect(finding.message).toContain('dist/embed.js is a self-running IIFE bundle');
    expect((report.leaks ?? []).map((leak) => [leak.redacted, leak.exposure, leak.severity])).toEqual([[key, 'client', 'critical']]);
    // Its source ships too: the browser bundle's map leads the key back to it.
    const source = report.findings.find((finding) => finding.secret.redacted === key && finding.file === 'src/embed.ts');
    expect([source?.exposure, source?.chain]).toEqual(['client', ['dist/embed.js (IIFE bundle)', 'src/embed.ts']]);
  });
});

describe('the real Parcel build', () => {
  it('inlines the .env value browser code reads, and its cache, which holds copies of the keys, is skipped whole and named', { timeout: REAL_BUILD_TIMEOUT }, () => {
    const build = realBuild('parcel');
    const report = reportOf(build);
    const injected = report.findings.find((finding) => finding.secret.redacted === redact(build.keys['injected-env'] ?? '') && finding.file === '.env');
    expect([injected?.exposure, injected?.chain]).toEqual(['client', ['.env: ENGIUM_ANALYTICS_KEY', 'package.json (inlines ENGIUM_ANALYTICS_KEY)', 'src/api.ts']]);
    // The cache really holds the keys (the harness checks it): the scanner names it once instead of reporting copies.
    expect(filesHolding(build.root, build.keys['client-literal'] ?? '').some((file) => file.startsWith('.parcel-cache/'))).toBe(true);
    expect(report.findings.filter((finding) => finding.file.startsWith('.parcel-cache/'))).toEqual([]);
    expect(report.stats.skipped.filter((entry) => entry.file.startsWith('.parcel-cache'))).toEqual([{ file: '.parcel-cache', reason: expect.stringMatching(/^Parcel's build cache: /) }]);
  });
});

describe('the real Parcel build with package.json targets', () => {
  it('ships the widget only its target names, from that target, and keeps the Node target in dist/server on the server', { timeout: REAL_BUILD_TIMEOUT }, () => {
    const build = realBuild('parcel-targets');
    const report = reportOf(build);
    const findingIn = (role: string, file: string) => report.findings.find((finding) => finding.secret.redacted === redact(build.keys[role] ?? '') && finding.file === file);
    expect(findingIn('entry-literal', 'src/embed.ts')?.chain).toEqual(['src/embed.ts (Parcel target "embed" in package.json)']);
    const server = findingIn('server-literal', 'dist/server/report.js');
    expect([server?.exposure, server?.message]).toEqual(['server', expect.stringContaining("package.json targets.server builds for Node with context: 'node', into dist/server")]);
    expect(findingIn('server-literal', 'server/report.ts')?.exposure).toBe('server');
  });
});

describe.each(['next-turbopack', 'next-webpack'] as const)('app router placements in the real %s build', (name) => {
  it('keeps each server placement on the server by the convention that keeps it there, ships what the page renders, and says why an unprefixed variable client code reads ships nothing', { timeout: REAL_BUILD_TIMEOUT }, () => {
    const build = realBuild(name);
    const report = reportOf(build);
    const atSource = (role: string, file: string) => report.findings.find((finding) => finding.secret.redacted === redact(build.keys[role] ?? '') && finding.file === file);
    const because = (role: string, file: string) => {
      const finding = atSource(role, file);
      return [finding?.exposure, finding?.severity, finding?.ruleId, finding?.chain];
    };
    expect(because('action-literal', 'app/actions.ts')).toEqual(['server', 'high', 'engium/source-key', undefined]);
    expect(atSource('action-literal', 'app/actions.ts')?.message).toContain('only server code reaches it: app/actions.ts ("use server")');
    expect(atSource('server-only', 'lib/admin.ts')?.message).toContain('lib/admin.ts (import "server-only")');
    expect(atSource('proxy-literal', 'proxy.ts')?.message).toContain('only server code reaches it: proxy.ts (Next.js server runtime)');
    for (const role of ['server-component', 'inline-action']) expect(because(role, 'app/reports/page.tsx'), role).toEqual(['server', 'high', 'engium/source-key', undefined]);
    // The same page module passes another constant to a client component, and renders what generateMetadata returns into its <head>: those ship.
    expect(atSource('prop', 'app/page.tsx')?.chain).toEqual(['app/page.tsx (passes it to <Widget>)', 'components/widget.tsx ("use client")']);
    expect(because('metadata', 'app/page.tsx')).toEqual(['client', 'critical', 'engium/source-key', ['app/page.tsx (generateMetadata returns it to the browser, Next.js)']]);
    const unprefixed = atSource('client-read-env', '.env');
    expect([unprefixed?.exposure, unprefixed?.ruleId]).toEqual(['server', 'engium/env-file-key']);
    expect(unprefixed?.message).toContain('It does not ship: Next.js inlines only NEXT_PUBLIC_ variables');
    expect(unprefixed?.message).toContain('so ENGIUM_WIDGET_SECRET is undefined in components/widget.tsx there');
  });
});

describe('SvelteKit placements in the real build', () => {
  it('keeps a remote function the page calls on the server, by the convention that keeps it there, and ships the universal load', { timeout: REAL_BUILD_TIMEOUT }, () => {
    const build = realBuild('sveltekit-node');
    const report = reportOf(build);
    const atSource = (role: string, file: string) => report.findings.find((finding) => finding.secret.redacted === redact(build.keys[role] ?? '') && finding.file === file);
    const remote = atSource('remote-function', 'src/lib/reports.remote.ts');
    expect([remote?.exposure, remote?.severity, remote?.chain]).toEqual(['server', 'high', undefined]);
    expect(remote?.message).toContain('only server code reaches it: src/lib/reports.remote.ts (SvelteKit remote function, which browser code calls over the network)');
    expect(atSource('lib-server', 'src/lib/server/engium.ts')?.message).toContain('SvelteKit');
    expect(atSource('universal-load', 'src/routes/+page.ts')?.chain).toEqual(['src/routes/+page.ts (SvelteKit route, runs in the browser)']);
  });
});
