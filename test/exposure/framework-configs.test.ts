// What framework configs say about where pages, static folders and entries are, read from the
// configs themselves: Vite's `root` and `publicDir`, and the other tools' options of the same kind.
import { describe, expect, it } from 'vitest';
import { fakeKey } from '../support/index.js';
import { findingIn as findingOf, json, scanTree as scan } from './support.js';

const keysFor = (...seeds: number[]) => seeds.map((seed) => fakeKey('live', seed));

describe('Vite root and publicDir', () => {
  it("ships the pages of the project root the config names, their scripts from that root, and its public folder, however the root is written", () => {
    const [page, nested, served, assets, urlRoot, pluginRoot] = keysFor(5201, 5202, 5203, 5204, 5205, 5206) as [string, string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ private: true, workspaces: ['resolved', 'literal', 'url'] }),
        // `resolve(__dirname, 'client')`; a plugin's own `root` option moves nothing.
        'resolved/package.json': json({ name: 'resolved', devDependencies: { vite: '7.0.0' } }),
        'resolved/vite.config.ts': [
          `import { resolve } from 'node:path';`,
          `import { defineConfig } from 'vite';`,
          `import legacy from './legacy-plugin';`,
          `export default defineConfig({`,
          `  plugins: [legacy({ root: 'other' })],`,
          `  root: resolve(__dirname, 'client'),`,
          `});`,
          ``,
        ].join('\n'),
        'resolved/client/index.html': `<div id="app"></div>\n<script>window.ENGIUM_KEY = '${page}';</script>\n`,
        'resolved/client/admin/settings.html': '<script type="module" src="/admin/settings.ts"></script>\n',
        'resolved/client/admin/settings.ts': `import { KEY } from '../engium';\nconsole.log(KEY.length);\n`,
        'resolved/client/engium.ts': `export const KEY = '${nested}';\n`,
        'resolved/client/public/widget.js': `window.ENGIUM_KEY = '${served}';\n`,
        'resolved/other/index.html': `<script>window.ENGIUM_KEY = '${pluginRoot}';</script>\n`,
        // `root: 'src'` with `publicDir: 'assets'`, from the root.
        'literal/package.json': json({ name: 'literal', devDependencies: { vite: '7.0.0' } }),
        'literal/vite.config.js': `export default { root: 'src', publicDir: 'assets' };\n`,
        'literal/src/index.html': '<script type="module" src="/main.js"></script>\n',
        'literal/src/main.js': `console.log('home');\n`,
        'literal/src/assets/config.json': json({ engiumKey: assets }),
        // `fileURLToPath(new URL('./web', import.meta.url))`, as Vite's own templates write paths.
        'url/package.json': json({ name: 'url', type: 'module', devDependencies: { vite: '7.0.0' } }),
        'url/vite.config.mts': `import { fileURLToPath, URL } from 'node:url';\nexport default { root: fileURLToPath(new URL('./web', import.meta.url)) };\n`,
        'url/web/index.html': `<script>window.ENGIUM_KEY = '${urlRoot}';</script>\n`,
      },
      [page, nested, served, assets, urlRoot, pluginRoot],
    );
    const shipped = findingOf(report, page, 'resolved/client/index.html');
    expect(shipped.exposure).toBe('client');
    expect(shipped.message).toContain('page Vite serves and builds from the root resolved/vite.config.ts:6 names');
    expect(findingOf(report, nested, 'resolved/client/engium.ts').message).toContain('resolved/client/admin/settings.ts (Vite entry in resolved/client/admin/settings.html) → resolved/client/engium.ts');
    expect(findingOf(report, served, 'resolved/client/public/widget.js')).toMatchObject({ exposure: 'client', chain: ['resolved/client/public/widget.js (Vite static file, resolved/vite.config.ts:6)'] });
    expect(findingOf(report, assets, 'literal/src/assets/config.json').chain).toEqual(['literal/src/assets/config.json (Vite static file, literal/vite.config.js:1)']);
    expect(findingOf(report, urlRoot, 'url/web/index.html').exposure).toBe('client');
    expect(findingOf(report, pluginRoot, 'resolved/other/index.html').exposure).not.toBe('client');
  });
});

describe('Storybook pages and static folders', () => {
  it('ships preview-head.html, preview-body.html and manager-head.html, managerHead, and every staticDirs folder, from .storybook/', () => {
    const [head, body, manager, managerHead, served, mapped, kept] = keysFor(5211, 5212, 5213, 5214, 5215, 5216, 5217) as [string, string, string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'ui', devDependencies: { '@storybook/react-vite': '9.0.0', storybook: '9.0.0' } }),
        '.storybook/main.ts': [
          `import type { StorybookConfig } from '@storybook/react-vite';`,
          `const config: StorybookConfig = {`,
          `  stories: ['../src/**/*.stories.tsx'],`,
          `  staticDirs: ['../public', { from: '../brand/images', to: '/assets' }],`,
          `  managerHead: (html) => \`\${html}<script>window.ENGIUM_KEY = '${managerHead}';</script>\`,`,
          `};`,
          `export default config;`,
          ``,
        ].join('\n'),
        '.storybook/preview-head.html': `<script>window.ENGIUM_KEY = '${head}';</script>\n`,
        '.storybook/preview-body.html': `<div id="portal"></div><script>window.ENGIUM_BODY_KEY = '${body}';</script>\n`,
        '.storybook/manager-head.html': `<script>window.ENGIUM_MANAGER_KEY = '${manager}';</script>\n`,
        'src/Button.stories.tsx': `export default { title: 'Button' };\n`,
        'public/mock-config.js': `window.ENGIUM_KEY = '${served}';\n`,
        'brand/images/config.json': json({ engiumKey: mapped }),
        'brand/source/notes.js': `export const KEY = '${kept}';\n`,
      },
      [head, body, manager, managerHead, served, mapped, kept],
    );
    expect(findingOf(report, head, '.storybook/preview-head.html')).toMatchObject({ exposure: 'client', chain: ['.storybook/preview-head.html (Storybook adds it to the pages it serves)'] });
    expect(findingOf(report, body, '.storybook/preview-body.html').exposure).toBe('client');
    expect(findingOf(report, manager, '.storybook/manager-head.html').exposure).toBe('client');
    expect(findingOf(report, managerHead, '.storybook/main.ts').message).toContain("puts it in Storybook's managerHead");
    expect(findingOf(report, served, 'public/mock-config.js').chain).toEqual(['public/mock-config.js (Storybook static file, .storybook/main.ts:4)']);
    expect(findingOf(report, mapped, 'brand/images/config.json').exposure).toBe('client');
    expect(findingOf(report, kept, 'brand/source/notes.js').exposure).not.toBe('client');
  });
});

describe('Angular build configurations', () => {
  it("ships the entry files, index page and define of each build configuration, as of the build's options, and not a test configuration's", () => {
    const [page, script, staging, defined, tested] = keysFor(5221, 5222, 5223, 5224, 5225) as [string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'shop', dependencies: { '@angular/core': '20.0.0' } }),
        'angular.json': json({
          projects: {
            shop: {
              architect: {
                build: {
                  builder: '@angular/build:application',
                  options: { browser: 'src/main.ts', index: 'src/index.html' },
                  configurations: {
                    production: { index: { input: 'src/index.prod.html', output: 'index.html' }, scripts: [{ input: 'src/analytics.js', bundleName: 'analytics' }] },
                    staging: { browser: 'src/main.staging.ts', define: { ENGIUM_STAGING_KEY: `'${defined}'` } },
                  },
                },
                test: { configurations: { ci: { main: 'src/test-ci.ts' } } },
              },
            },
          },
        }),
        'src/main.ts': `console.log('shop');\n`,
        'src/index.html': '<app-root></app-root>\n',
        'src/index.prod.html': `<app-root></app-root><script>window.ENGIUM_KEY = '${page}';</script>\n`,
        'src/analytics.js': `window.engiumKey = '${script}';\n`,
        'src/main.staging.ts': `import { KEY } from './staging-key';\nconsole.log(KEY.length);\n`,
        'src/staging-key.ts': `export const KEY = '${staging}';\n`,
        'src/test-ci.ts': `export const KEY = '${tested}';\n`,
      },
      [page, script, staging, defined, tested],
    );
    expect(findingOf(report, page, 'src/index.prod.html').message).toContain('src/index.prod.html (Angular build entry in angular.json');
    expect(findingOf(report, script, 'src/analytics.js').exposure).toBe('client');
    expect(findingOf(report, staging, 'src/staging-key.ts').chain?.[0]).toMatch(/^src\/main\.staging\.ts \(Angular build entry in angular\.json:\d+\)$/);
    expect(findingOf(report, defined, 'angular.json').exposure).toBe('client');
    expect(findingOf(report, tested, 'src/test-ci.ts').exposure).not.toBe('client');
  });
});

describe("Vue CLI chainWebpack's define plugin", () => {
  it("ships what config.plugin('define').tap(…) adds to the definitions, however it adds it, and what .use(DefinePlugin, […]) defines, and nothing else", () => {
    const [tapped, written, spread, kept, whole, used] = keysFor(5231, 5232, 5233, 5234, 5235, 5236) as [string, string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ private: true, workspaces: ['admin', 'shop'] }),
        'admin/package.json': json({ name: 'admin', dependencies: { vue: '3.5.0' }, devDependencies: { '@vue/cli-service': '5.0.8' } }),
        'admin/vue.config.js': [
          `const { defineConfig } = require('@vue/cli-service');`,
          `module.exports = defineConfig({`,
          `  chainWebpack: (config) => {`,
          `    config.plugin('define').tap((args) => {`,
          `      args[0]['process.env'].ENGIUM_TOKEN = JSON.stringify(process.env.ENGIUM_WIDGET_KEY);`,
          `      args[0].__ENGIUM_FALLBACK__ = JSON.stringify('${written}');`,
          `      return args;`,
          `    });`,
          `    config.plugin('define').tap(([definitions]) => [{ ...definitions, 'process.env.ENGIUM_SPREAD': JSON.stringify(process.env.ENGIUM_SPREAD_KEY) }]);`,
          `    config.plugin('engium').use(require('webpack').DefinePlugin, [{ __ENGIUM_USED__: JSON.stringify(process.env.ENGIUM_USED_KEY) }]);`,
          `  },`,
          `});`,
          ``,
        ].join('\n'),
        'admin/src/main.js': `console.log(process.env.ENGIUM_TOKEN);\n`,
        'admin/.gitignore': '.env\n',
        'admin/.env': `ENGIUM_WIDGET_KEY=${tapped}\nENGIUM_SPREAD_KEY=${spread}\nENGIUM_SERVER_KEY=${kept}\nENGIUM_USED_KEY=${used}\n`,
        // Object.assign(…, process.env): every variable of the package's env files.
        'shop/package.json': json({ name: 'shop', dependencies: { vue: '3.5.0' }, devDependencies: { '@vue/cli-service': '5.0.8' } }),
        'shop/vue.config.js': `module.exports = {\n  chainWebpack(config) {\n    config.plugin('define').tap((args) => {\n      Object.assign(args[0]['process.env'], process.env);\n      return args;\n    });\n  },\n};\n`,
        'shop/src/main.js': `console.log(process.env.ENGIUM_ANY);\n`,
        'shop/.gitignore': '.env\n',
        'shop/.env': `ENGIUM_BACKEND_KEY=${whole}\n`,
      },
      [tapped, written, spread, kept, whole, used],
    );
    expect(findingOf(report, used, 'admin/.env').message).toContain('admin/vue.config.js:10');
    expect(findingOf(report, tapped, 'admin/.env')).toMatchObject({ exposure: 'client' });
    expect(findingOf(report, tapped, 'admin/.env').message).toContain('admin/vue.config.js:5');
    expect(findingOf(report, written, 'admin/vue.config.js').exposure).toBe('client');
    expect(findingOf(report, spread, 'admin/.env').message).toContain('admin/vue.config.js:9');
    // A server-only name in a gitignored .env that nothing injects is where keys belong.
    expect(report.findings.some((finding) => finding.file === 'admin/.env' && finding.line === 3)).toBe(false);
    expect(findingOf(report, whole, 'shop/.env').message).toContain('shop/vue.config.js:4');
  });
});

describe('Docusaurus site config', () => {
  it('ships the options of presets, plugins and themes (the whole site config is data in every page), not what an inline plugin function holds', () => {
    const [constant, gtag, search, inline, asyncKey, scriptKey] = keysFor(5241, 5242, 5243, 5244, 5245, 5246) as [string, string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ private: true, workspaces: ['docs', 'handbook'] }),
        'docs/package.json': json({ name: 'docs', dependencies: { '@docusaurus/core': '3.8.0', '@docusaurus/preset-classic': '3.8.0', react: '19.0.0' } }),
        'docs/docusaurus.config.ts': [
          `import type { Config } from '@docusaurus/types';`,
          `const SEARCH_KEY = '${constant}';`,
          `const config: Config = {`,
          `  title: 'Docs',`,
          `  presets: [['classic', { docs: { sidebarPath: './sidebars.ts' }, gtag: { trackingID: process.env.ENGIUM_GTAG_KEY } }]],`,
          `  plugins: [`,
          `    ['docusaurus-plugin-engium', { apiKey: SEARCH_KEY }],`,
          `    function localPlugin() {`,
          `      const ADMIN_KEY = '${inline}';`,
          `      return { name: 'local', async loadContent() { return ADMIN_KEY.length; } };`,
          `    },`,
          `  ],`,
          `  themes: [['@easyops-cn/docusaurus-search-local', { token: process.env.ENGIUM_SEARCH_KEY }]],`,
          `};`,
          `export default config;`,
          ``,
        ].join('\n'),
        'docs/.gitignore': '.env\n',
        'docs/.env': `ENGIUM_GTAG_KEY=${gtag}\nENGIUM_SEARCH_KEY=${search}\n`,
        // An async config: what the exported function returns.
        'handbook/package.json': json({ name: 'handbook', dependencies: { '@docusaurus/core': '3.8.0', react: '19.0.0' } }),
        'handbook/docusaurus.config.js': [
          `module.exports = async function createConfig() {`,
          `  return {`,
          `    title: 'Handbook',`,
          `    scripts: [{ src: 'https://widgets.example.com/engium.js?key=${scriptKey}', async: true }],`,
          `    plugins: [['docusaurus-plugin-engium', { apiKey: '${asyncKey}' }]],`,
          `  };`,
          `};`,
          ``,
        ].join('\n'),
      },
      [constant, gtag, search, inline, asyncKey, scriptKey],
    );
    expect(findingOf(report, constant, 'docs/docusaurus.config.ts').message).toContain("docs/docusaurus.config.ts:2 puts it in Docusaurus's site config");
    expect(findingOf(report, gtag, 'docs/.env').message).toContain('docs/docusaurus.config.ts:5');
    expect(findingOf(report, search, 'docs/.env').exposure).toBe('client');
    expect(findingOf(report, inline, 'docs/docusaurus.config.ts').exposure).not.toBe('client');
    expect(findingOf(report, asyncKey, 'handbook/docusaurus.config.js').exposure).toBe('client');
    expect(findingOf(report, scriptKey, 'handbook/docusaurus.config.js').exposure).toBe('client');
  });
});

describe('Gatsby siteMetadata', () => {
  it("ships siteMetadata, which pages query into their page data, and keeps a source plugin's options on the build machine", () => {
    const [written, fromEnv, sourced] = keysFor(5251, 5252, 5253) as [string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'site', dependencies: { gatsby: '5.14.0', react: '18.3.1' } }),
        'gatsby-config.ts': [
          `import type { GatsbyConfig } from 'gatsby';`,
          `const config: GatsbyConfig = {`,
          `  siteMetadata: {`,
          `    title: 'Shop',`,
          `    engiumKey: '${written}',`,
          `    widgetKey: process.env.ENGIUM_WIDGET_KEY,`,
          `  },`,
          `  plugins: [{ resolve: 'gatsby-source-engium', options: { apiKey: process.env.ENGIUM_SOURCE_KEY } }],`,
          `};`,
          `export default config;`,
          ``,
        ].join('\n'),
        'src/components/seo.tsx': `import { graphql, useStaticQuery } from 'gatsby';\nexport function Seo() {\n  const { site } = useStaticQuery(graphql\`query { site { siteMetadata { title engiumKey } } }\`);\n  return site.siteMetadata.title;\n}\n`,
        'src/pages/index.tsx': `import { Seo } from '../components/seo';\nexport default function Home() { return Seo(); }\n`,
        '.gitignore': '.env*\n',
        '.env.production': `ENGIUM_WIDGET_KEY=${fromEnv}\nENGIUM_SOURCE_KEY=${sourced}\n`,
      },
      [written, fromEnv, sourced],
    );
    expect(findingOf(report, written, 'gatsby-config.ts').message).toContain("gatsby-config.ts:3 puts it in Gatsby's siteMetadata");
    expect(findingOf(report, fromEnv, '.env.production').message).toContain('gatsby-config.ts:6');
    expect(report.findings.some((finding) => finding.file === '.env.production' && finding.line === 2 && finding.exposure === 'client')).toBe(false);
  });
});

describe('RedwoodJS includeEnvironmentVariables', () => {
  it("ships the variables redwood.toml's [web] includes, however quoted, and no others; a broken redwood.toml is a warning", () => {
    const [widget, maps, kept, apiSide] = keysFor(5261, 5262, 5263, 5264) as [string, string, string, string];
    const files = {
      'package.json': json({ private: true, workspaces: ['api', 'web'], devDependencies: { '@redwoodjs/core': '8.4.0' } }),
      'redwood.toml': [
        `[web]`,
        `  title = "Shop"`,
        `  includeEnvironmentVariables = [`,
        `    "ENGIUM_WIDGET_KEY",`,
        `    'ENGIUM_MAPS_KEY',`,
        `  ]`,
        `[api]`,
        `  port = 8911`,
        `  includeEnvironmentVariables = ["ENGIUM_API_SIDE_KEY"]`,
        ``,
      ].join('\n'),
      'web/package.json': json({ name: 'web', dependencies: { '@redwoodjs/web': '8.4.0', react: '18.3.1' } }),
      'web/src/App.tsx': `export default function App() { return process.env.ENGIUM_WIDGET_KEY; }\n`,
      'api/package.json': json({ name: 'api', dependencies: { '@redwoodjs/api': '8.4.0' } }),
      '.gitignore': '.env\n',
      '.env': `ENGIUM_WIDGET_KEY=${widget}\nENGIUM_MAPS_KEY=${maps}\nENGIUM_SERVER_KEY=${kept}\nENGIUM_API_SIDE_KEY=${apiSide}\n`,
    };
    const report = scan(files, [widget, maps, kept, apiSide]);
    expect(findingOf(report, widget, '.env').message).toContain('redwood.toml:4 inlines ENGIUM_WIDGET_KEY into browser code');
    expect(findingOf(report, maps, '.env').message).toContain('redwood.toml:5');
    const shippedLines = report.findings.filter((finding) => finding.file === '.env' && finding.exposure === 'client').map((finding) => finding.line);
    expect(shippedLines.sort()).toEqual([1, 2]);

    const broken = scan({ ...files, 'redwood.toml': `[web]\n  includeEnvironmentVariables = ["ENGIUM_WIDGET_KEY"\n` }, [widget, maps, kept, apiSide]);
    expect(broken.stats.warnings).toContainEqual({ file: 'redwood.toml', message: expect.stringMatching(/config not read: not valid TOML/) });
    // The parser's message quotes the lines around the error: a key written there must not reach the warning.
    const keyOnBrokenLine = scan({ ...files, 'redwood.toml': `[web]\n  apiKey = "${widget}" trailing\n` }, [widget, maps, kept, apiSide]);
    expect(keyOnBrokenLine.stats.warnings).toContainEqual({
      file: 'redwood.toml',
      message: 'program analysis: config not read: not valid TOML (each key-value declaration must be followed by an end-of-line, at line 2, column 48)',
    });
  });
});

describe('Qwik and Qwik City', () => {
  it('ships pages, layouts and what they import, not the bodies of server$, routeLoader$, routeAction$ or the onGet handler; dist/ is client, the server/ an adapter builds is server', () => {
    const keys = keysFor(5271, 5272, 5273, 5274, 5275, 5276, 5277, 5278, 5279, 5280);
    const [imported, loader, serverFn, action, entry, built, serverBuilt, endpoint, handler, handlerConst] = keys as [string, string, string, string, string, string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'shop', devDependencies: { '@builder.io/qwik': '1.14.0', '@builder.io/qwik-city': '1.14.0', vite: '5.4.0' } }),
        'adapters/express/vite.config.ts': `export default {};\n`,
        'src/root.tsx': `import { component$ } from '@builder.io/qwik';\nexport default component$(() => <html />);\n`,
        'src/entry.ssr.tsx': `const KEY = '${entry}';\nexport default function render() { return KEY.length; }\n`,
        'src/routes/index.tsx': [
          `import { component$ } from '@builder.io/qwik';`,
          `import { routeLoader$, routeAction$, server$, type RequestHandler } from '@builder.io/qwik-city';`,
          `import { WIDGET_KEY } from '../widget';`,
          `export const useQuote = routeLoader$(async () => {`,
          `  const res = await fetch('https://api.engium.app/api/v1/quotes', { headers: { Authorization: 'Bearer ${loader}' } });`,
          `  return res.status;`,
          `});`,
          `const charge = server$(async function () {`,
          `  const SECRET = '${serverFn}';`,
          `  return SECRET.length;`,
          `});`,
          `export const useSubscribe = routeAction$(async () => ({ key: '${action}'.length }));`,
          `const CACHE_KEY = '${handlerConst}';`,
          `export const onGet: RequestHandler = async ({ headers }) => {`,
          `  headers.set('x-engium', '${handler}'.slice(0, 4) + CACHE_KEY.length);`,
          `};`,
          `export default component$(() => {`,
          `  const quote = useQuote();`,
          `  return <p onClick$={() => charge()}>{WIDGET_KEY}{quote.value}</p>;`,
          `});`,
          ``,
        ].join('\n'),
        'src/widget.ts': `export const WIDGET_KEY = '${imported}';\n`,
        'src/routes/api/index.ts': `export const onGet = async () => '${endpoint}'.length;\n`,
        'dist/build/q-3f2a.js': `(()=>{console.log("${built}")})();\n`,
        'server/entry.express.js': `console.log("${serverBuilt}");\n`,
      },
      keys,
    );
    expect(findingOf(report, handler, 'src/routes/index.tsx')).toMatchObject({ exposure: 'server' });
    expect(findingOf(report, handler, 'src/routes/index.tsx').message).toContain('onGet');
    expect(findingOf(report, handlerConst, 'src/routes/index.tsx').exposure).toBe('server');
    expect(findingOf(report, imported, 'src/widget.ts').chain).toEqual(['src/routes/index.tsx (Qwik City page or layout)', 'src/widget.ts']);
    expect(findingOf(report, loader, 'src/routes/index.tsx').exposure).toBe('server');
    expect(findingOf(report, loader, 'src/routes/index.tsx').message).toContain('routeLoader$');
    expect(findingOf(report, serverFn, 'src/routes/index.tsx').exposure).toBe('server');
    expect(findingOf(report, action, 'src/routes/index.tsx').exposure).toBe('server');
    expect(findingOf(report, entry, 'src/entry.ssr.tsx').exposure).toBe('server');
    expect(findingOf(report, endpoint, 'src/routes/api/index.ts').exposure).toBe('server');
    expect(findingOf(report, built, 'dist/build/q-3f2a.js').exposure).toBe('client');
    expect(findingOf(report, serverBuilt, 'server/entry.express.js').exposure).toBe('server');
  });
});

describe('Ember', () => {
  it("ships everything config/environment.js builds into ENV, every module of app/, public/ and dist/; ember-cli-build.js stays on the build machine", () => {
    const [written, fromEnv, service, built, served, buildKey] = keysFor(5281, 5282, 5283, 5284, 5285, 5286) as [string, string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'shop', devDependencies: { 'ember-cli': '6.4.0', 'ember-source': '6.4.0' } }),
        'config/environment.js': [
          `'use strict';`,
          `module.exports = function (environment) {`,
          `  const ENV = { modulePrefix: 'shop', environment, APP: { engiumKey: '${written}' } };`,
          `  if (environment === 'production') {`,
          `    ENV.APP.widgetKey = process.env.ENGIUM_WIDGET_KEY;`,
          `  }`,
          `  return ENV;`,
          `};`,
          ``,
        ].join('\n'),
        'ember-cli-build.js': `const KEY = '${buildKey}';\nmodule.exports = function (defaults) { return KEY.length + defaults; };\n`,
        'app/services/engium.js': `import Service from '@ember/service';\nexport default class EngiumService extends Service { key = '${service}'; }\n`,
        '.gitignore': '.env\n',
        '.env': `ENGIUM_WIDGET_KEY=${fromEnv}\n`,
        'dist/assets/shop-3f2a.js': `(()=>{console.log("${built}")})();\n`,
        'public/widget-config.js': `window.ENGIUM_KEY = '${served}';\n`,
      },
      [written, fromEnv, service, built, served, buildKey],
    );
    expect(findingOf(report, written, 'config/environment.js').message).toContain("puts it in the ENV of Ember's config/environment.js");
    expect(findingOf(report, fromEnv, '.env').message).toContain('config/environment.js:5');
    expect(findingOf(report, service, 'app/services/engium.js').chain).toEqual(['app/services/engium.js (Ember app module, bundled whole into the app)']);
    expect(findingOf(report, built, 'dist/assets/shop-3f2a.js').exposure).toBe('client');
    expect(findingOf(report, served, 'public/widget-config.js').exposure).toBe('client');
    expect(findingOf(report, buildKey, 'ember-cli-build.js').exposure).not.toBe('client');
  });
});

describe('Tauri', () => {
  it('ships the Rust code, the config and the frontendDist (or distDir) folder to everyone who installs the app; build.rs stays on the build machine', () => {
    const [rust, config, page, legacy, buildScript, frontend] = keysFor(5291, 5292, 5293, 5294, 5295, 5296) as [string, string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ private: true, workspaces: ['desktop', 'legacy'] }),
        'desktop/package.json': json({ name: 'desktop', dependencies: { '@tauri-apps/api': '2.5.0' }, devDependencies: { '@tauri-apps/cli': '2.5.0', vite: '7.0.0' } }),
        // The Vite frontend whose build is the frontendDist.
        'desktop/index.html': '<script type="module" src="/src/main.ts"></script>\n',
        'desktop/src/main.ts': `import { invoke } from '@tauri-apps/api/core';\nconst KEY = '${frontend}';\ninvoke('charge', { key: KEY });\n`,
        'desktop/src-tauri/tauri.conf.json': json({ identifier: 'com.example.desktop', build: { frontendDist: '../web', devUrl: 'http://localhost:1420' }, plugins: { engium: { apiKey: config } } }),
        'desktop/src-tauri/tauri.macos.conf.json': json({ build: { frontendDist: '../dist' } }),
        'desktop/src-tauri/src/main.rs': `const ENGIUM_KEY: &str = "${rust}";\nfn main() { println!("{}", ENGIUM_KEY.len()); }\n`,
        'desktop/src-tauri/build.rs': `fn main() { let _key = "${buildScript}"; tauri_build::build() }\n`,
        'desktop/web/index.html': '<script src="main.js"></script>\n',
        'desktop/web/main.js': `window.ENGIUM_KEY = '${page}';\n`,
        // Tauri 1: build.distDir.
        'legacy/package.json': json({ name: 'legacy', devDependencies: { '@tauri-apps/cli': '1.6.0' } }),
        'legacy/src-tauri/tauri.conf.json': json({ build: { distDir: '../static', devPath: 'http://localhost:3000' } }),
        'legacy/static/config.json': json({ engiumKey: legacy }),
      },
      [rust, config, page, legacy, buildScript, frontend],
    );
    expect(findingOf(report, frontend, 'desktop/src/main.ts').message).toContain('ships to everyone who installs the app: desktop/src/main.ts (Vite entry in desktop/index.html)');
    const shipped = findingOf(report, rust, 'desktop/src-tauri/src/main.rs');
    expect(shipped).toMatchObject({ exposure: 'client', chain: ['desktop/src-tauri/src/main.rs (Tauri app code)'] });
    expect(shipped.message).toContain('ships to everyone who installs the app');
    expect(findingOf(report, config, 'desktop/src-tauri/tauri.conf.json').exposure).toBe('client');
    expect(findingOf(report, page, 'desktop/web/main.js').message).toContain('ships to everyone who installs the app');
    expect(findingOf(report, legacy, 'legacy/static/config.json').chain).toEqual(['legacy/static/config.json (Tauri static file, legacy/src-tauri/tauri.conf.json:3)']);
    expect(findingOf(report, buildScript, 'desktop/src-tauri/build.rs').exposure).not.toBe('client');
  });
});

describe('Stencil', () => {
  it("ships components and what they import, the globalScript, stencil.config's env, www/ and dist/; tests stay behind", () => {
    const [imported, global, written, fromEnv, built, tested] = keysFor(5301, 5302, 5303, 5304, 5305, 5306) as [string, string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'widgets', devDependencies: { '@stencil/core': '4.30.0' } }),
        'stencil.config.ts': [
          `import { Config } from '@stencil/core';`,
          `export const config: Config = {`,
          `  namespace: 'widgets',`,
          `  globalScript: 'src/global/app.ts',`,
          `  env: { engiumKey: '${written}', widgetKey: process.env.ENGIUM_WIDGET_KEY },`,
          `  outputTargets: [{ type: 'dist' }, { type: 'www', serviceWorker: null }],`,
          `};`,
          ``,
        ].join('\n'),
        'src/components/engium-widget/engium-widget.tsx': `import { Component, h } from '@stencil/core';\nimport { KEY } from '../../utils/engium';\n@Component({ tag: 'engium-widget' })\nexport class EngiumWidget { render() { return <p>{KEY}</p>; } }\n`,
        'src/components/engium-widget/engium-widget.spec.ts': `export const KEY = '${tested}';\n`,
        'src/utils/engium.ts': `export const KEY = '${imported}';\n`,
        'src/global/app.ts': `export default function () { (window as unknown as Record<string, string>).engiumKey = '${global}'; }\n`,
        '.gitignore': '.env\n',
        '.env': `ENGIUM_WIDGET_KEY=${fromEnv}\n`,
        'www/build/widgets.esm.js': `(()=>{console.log("${built}")})();\n`,
      },
      [imported, global, written, fromEnv, built, tested],
    );
    expect(findingOf(report, imported, 'src/utils/engium.ts').chain).toEqual(['src/components/engium-widget/engium-widget.tsx (Stencil component)', 'src/utils/engium.ts']);
    expect(findingOf(report, global, 'src/global/app.ts').message).toContain('src/global/app.ts (Stencil build entry in stencil.config.ts:4)');
    expect(findingOf(report, written, 'stencil.config.ts').message).toContain("puts it in Stencil's env");
    expect(findingOf(report, fromEnv, '.env').message).toContain('stencil.config.ts:5');
    expect(findingOf(report, built, 'www/build/widgets.esm.js').exposure).toBe('client');
    expect(findingOf(report, tested, 'src/components/engium-widget/engium-widget.spec.ts').exposure).not.toBe('client');
  });
});
