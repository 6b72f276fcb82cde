// The premises of the real-build tests: each bundler really put each planted key where the app's
// code sends it (browser folders for client code, server folders for server code), so the exposure
// and origin tests assert the scanner against what real builds ship, not against a guess.
import { describe, expect, it } from 'vitest';
import { filesHolding, plantedKey, realBuild, REAL_BUILD_TIMEOUT, type RealBuildName } from '../support/real-builds.js';

/** Where each build's bundler writes each planted key (a path prefix of built files), and where it must not. */
const EXPECTED: Record<RealBuildName, Record<string, { in: string[]; notIn?: (string | RegExp)[] }>> = {
  'next-turbopack': {
    'client-literal': { in: ['.next/static/'] },
    'public-env': { in: ['.next/static/'] },
    'injected-env': { in: ['.next/static/'] },
    shared: { in: ['.next/static/', '.next/server/'] },
    prop: { in: ['.next/server/'] },
    'server-literal': { in: ['.next/server/'], notIn: ['.next/static/'] },
    // A client component imports app/actions.ts: its bundle holds a reference to call, not the action's code or map.
    'action-literal': { in: ['.next/server/'], notIn: ['.next/static/'] },
    'inline-action': { in: ['.next/server/'], notIn: ['.next/static/'] },
    'server-component': { in: ['.next/server/'], notIn: ['.next/static/'] },
    'server-only': { in: ['.next/server/'], notIn: ['.next/static/'] },
    'proxy-literal': { in: ['.next/server/'], notIn: ['.next/static/'] },
    // Read by the client widget without the NEXT_PUBLIC_ prefix: no build holds it.
    'client-read-env': { in: [], notIn: ['.next/'] },
    // generateMetadata's value is in the prerendered page's <head>, not in any browser chunk.
    metadata: { in: ['.next/server/app/index.html'], notIn: ['.next/static/'] },
  },
  'next-webpack': {
    'client-literal': { in: ['.next/static/'] },
    'public-env': { in: ['.next/static/'] },
    'injected-env': { in: ['.next/static/'] },
    shared: { in: ['.next/static/'] },
    'server-literal': { in: ['.next/server/'], notIn: ['.next/static/'] },
    'action-literal': { in: ['.next/server/'], notIn: ['.next/static/'] },
    'inline-action': { in: ['.next/server/'], notIn: ['.next/static/'] },
    'server-only': { in: ['.next/server/'], notIn: ['.next/static/'] },
    'proxy-literal': { in: ['.next/server/'], notIn: ['.next/static/'] },
    'client-read-env': { in: [], notIn: ['.next/'] },
    metadata: { in: ['.next/server/app/index.html'], notIn: ['.next/static/'] },
  },
  vite: {
    'client-literal': { in: ['dist/assets/'] },
    'public-env': { in: ['dist/assets/'] },
    'injected-env': { in: ['dist/assets/'] },
    stylesheet: { in: ['dist/assets/'] },
    worker: { in: ['dist/assets/'] },
    'static-file': { in: ['dist/runtime-config.js'] },
    'server-env': { in: [], notIn: ['dist/'] },
  },
  'sveltekit-node': {
    'client-literal': { in: ['build/client/', '.svelte-kit/output/client/'] },
    'public-env': { in: ['build/client/'] },
    'server-literal': { in: ['build/server/'], notIn: ['build/client/', '.svelte-kit/output/client/'] },
    'lib-server': { in: ['build/server/'], notIn: ['build/client/', '.svelte-kit/output/client/'] },
    'endpoint-literal': { in: ['build/server/'], notIn: ['build/client/', '.svelte-kit/output/client/'] },
    // The universal load's constant is folded away from its code, but its map's sourcesContent ships it.
    'universal-load': { in: ['build/client/'] },
    'dynamic-private': { in: [], notIn: ['build/', '.svelte-kit/'] },
    // The page imports the remote function: its client build holds a stub that calls the server.
    'remote-function': { in: ['build/server/'], notIn: ['build/client/', '.svelte-kit/output/client/'] },
  },
  astro: {
    'client-literal': { in: ['dist/'] },
    'rendered-literal': { in: ['dist/index.html'] },
    'public-env': { in: ['dist/'] },
    'server-env': { in: [], notIn: ['dist/'] },
    'server-module': { in: [], notIn: ['dist/'] },
    'script-literal': { in: ['dist/_astro/'] },
    // The <script>'s map holds its virtual module, whose own inline map holds the whole page, frontmatter too (base64).
    'frontmatter-literal': { in: [], notIn: ['dist/index.html'] },
  },
  'webpack-lib': { 'client-literal': { in: ['dist/engium-widget.js', 'dist/engium-widget.js.map'] } },
  'webpack-eval-source-map': { 'client-literal': { in: ['dist/engium-widget.js'] } },
  'webpack-eval': { 'client-literal': { in: ['dist/engium-widget.js'] } },
  'webpack-eval-trusted-types': { 'client-literal': { in: ['dist/engium-widget.js'] } },
  'rollup-lib': { 'client-literal': { in: ['dist/engium-badge.iife.js', 'dist/engium-badge.iife.js.map'] } },
  'rollup-lib-cdn-maps': { 'client-literal': { in: ['dist/engium-badge.iife.js', 'dist/engium-badge.iife.js.map'] } },
  esbuild: {
    'client-literal': { in: ['dist/public/app.js', 'dist/public/app.js.map'], notIn: ['dist/server/'] },
    'server-literal': { in: ['dist/server/index.js'], notIn: ['dist/public/'] },
  },
  rspack: { 'client-literal': { in: ['dist/console.js', 'dist/console.js.map'] } },
  'webpack-app': {
    'client-literal': { in: ['dist/public/js/'], notIn: ['dist/server/'] },
    'server-literal': { in: ['dist/server/server.js'], notIn: ['dist/public/'] },
  },
  'esbuild-script': { 'client-literal': { in: ['dist/embed.js', 'dist/embed.js.map'] } },
  'esbuild-cli': { 'client-literal': { in: ['dist/widget.js', 'dist/widget.js.map'] }, 'injected-env': { in: ['dist/widget.js'], notIn: ['dist/widget.js.map'] } },
  nuxt: {
    'client-literal': { in: ['.output/public/_nuxt/', '.nuxt/dist/client/_nuxt/'] },
    // app.config.ts: bundled into the browser's code and the server's.
    shared: { in: ['.output/public/_nuxt/', '.output/server/chunks/build/server.mjs'] },
    // runtimeConfig.public from NUXT_PUBLIC_ENGIUM_KEY: in the prerendered page's payload, not in code.
    'public-env': { in: ['.output/public/reports/index.html'], notIn: [/\.(?:m?js|map)$/] },
    // process.env.ENGIUM_WIDGET_KEY written into runtimeConfig.public: baked into Nitro's server chunk, which sends it with each page.
    'injected-env': { in: ['.output/server/chunks/nitro/nitro.mjs', '.output/public/reports/index.html'], notIn: ['.output/public/_nuxt/'] },
    'server-literal': { in: ['.output/server/chunks/routes/api/'], notIn: ['.output/public/', '.nuxt/dist/client/'] },
    // The private runtime config is read from the environment at run time: no build holds it.
    'server-env': { in: [], notIn: ['.output/', '.nuxt/'] },
    composable: { in: ['.output/public/_nuxt/'] },
    'server-util': { in: ['.output/server/chunks/routes/api/'], notIn: ['.output/public/', '.nuxt/dist/client/'] },
    // The private runtime config is baked into Nitro's server chunk; the public one into it and the prerendered page.
    'config-private': { in: ['.output/server/chunks/nitro/nitro.mjs'], notIn: ['.output/public/', '.nuxt/dist/client/'] },
    'config-public': { in: ['.output/server/chunks/nitro/nitro.mjs', '.output/public/reports/index.html'] },
  },
  'react-router': {
    'client-literal': { in: ['build/client/assets/'] },
    'public-env': { in: ['build/client/assets/'] },
    'server-literal': { in: ['build/server/'], notIn: ['build/client/'] },
    // The action is stripped from the browser's code, but the client map's sourcesContent keeps the route's source.
    'loader-literal': { in: ['build/server/', 'build/client/assets/'], notIn: [/^build\/client\/.*\.js$/] },
    'server-env': { in: [], notIn: ['build/'] },
    'client-loader': { in: ['build/client/assets/'] },
  },
  'react-router-no-maps': {
    'client-literal': { in: ['build/client/assets/'] },
    'server-literal': { in: ['build/server/index.js'], notIn: ['build/client/'] },
    'loader-literal': { in: ['build/server/index.js'], notIn: ['build/client/'] },
    // The loader's data is sent at run time: no browser file of the build holds it.
    'loader-data': { in: ['build/server/index.js'], notIn: ['build/client/'] },
    'client-loader': { in: ['build/client/assets/'] },
  },
  parcel: {
    // The map's sourcesContent holds each key twice: in its module and in `<anon>`, the bundle before minification.
    'client-literal': { in: ['dist/', '.parcel-cache/'], notIn: [/^dist\/sync\.worker\./] },
    // Read as process.env.ENGIUM_ANALYTICS_KEY: inlined from .env into the code and into `<anon>` of the map, not into src/api.ts of it.
    'injected-env': { in: ['dist/', '.parcel-cache/'] },
    worker: { in: ['dist/sync.worker.', '.parcel-cache/'] },
    // server/report.ts is no page's import: Parcel never reads it, and never loads what only it reads.
    'server-literal': { in: [], notIn: ['dist/', '.parcel-cache/'] },
    'server-env': { in: [], notIn: ['dist/', '.parcel-cache/'] },
  },
  'parcel-targets': {
    'client-literal': { in: ['dist/app/'], notIn: ['dist/embed/', 'dist/server/'] },
    // src/config.ts: imported by the page and by the server, so in both targets.
    shared: { in: ['dist/app/', 'dist/server/'], notIn: ['dist/embed/'] },
    // src/embed.ts: no page loads it; the "embed" target is its one way in.
    'entry-literal': { in: ['dist/embed/embed.js', 'dist/embed/embed.js.map'], notIn: ['dist/app/', 'dist/server/'] },
    'server-literal': { in: ['dist/server/report.js', 'dist/server/report.js.map'], notIn: ['dist/app/', 'dist/embed/'] },
  },
};

describe('planted keys', () => {
  it('differ between the roles of a build, so each role is tracked on its own', () => {
    for (const name of Object.keys(EXPECTED) as RealBuildName[]) {
      const roles = Object.keys(EXPECTED[name]);
      const keys = roles.map((role) => plantedKey(name, role));
      expect(new Set(keys).size, `${name}: ${roles.join(', ')}`).toBe(roles.length);
    }
  });
});

describe.each(Object.keys(EXPECTED) as RealBuildName[])('real build %s', (name) => {
  it('ships each planted key where its code sends it', { timeout: REAL_BUILD_TIMEOUT }, () => {
    const { root, keys } = realBuild(name);
    for (const [role, where] of Object.entries(EXPECTED[name])) {
      const key = keys[role];
      expect(key, `${name} plants ${role}`).toBeDefined();
      const holders = filesHolding(root, key!);
      for (const prefix of where.in) expect(holders.some((file) => file.startsWith(prefix)), `${role} in ${prefix}: ${holders.join(', ')}`).toBe(true);
      for (const place of where.notIn ?? []) {
        const inPlace = (file: string) => (typeof place === 'string' ? file.startsWith(place) : place.test(file));
        expect(holders.filter(inPlace), `${role} not in ${String(place)}`).toEqual([]);
      }
    }
  });
});
