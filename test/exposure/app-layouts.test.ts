// Exposure in app layouts taken from real projects (a Vue CLI app, an Angular CLI app, an Expo Router
// app, an Astro site, a Gatsby site, a RedwoodJS app), with keys where their developers put them.
import { redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import { fakeKey } from '../support/index.js';
import { findingIn as findingOf, json, scanTree as scan } from './support.js';

const keysFor = (...seeds: number[]) => seeds.map((seed) => fakeKey('live', seed));

describe('Vue CLI', () => {
  it('ships what src/main.js imports, public/ and what vue.config.js defines, and keeps other .env variables off the client', () => {
    const [imported, page, defined, kept] = keysFor(4101, 4102, 4103, 4104) as [string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'vue-app', dependencies: { vue: '3.5.0' }, devDependencies: { '@vue/cli-service': '5.0.8' } }),
        'src/main.js': `import { createApp } from 'vue';\nimport App from './App.vue';\ncreateApp(App).mount('#app');\n`,
        'src/App.vue': `<template><div /></template>\n<script>\nimport { ENGIUM_KEY } from './common/config';\nexport default { data: () => ({ n: ENGIUM_KEY.length }) };\n</script>\n`,
        'src/common/config.js': `export const ENGIUM_KEY = '${imported}';\n`,
        'public/index.html': `<div id="app"></div>\n<script>window.ENGIUM_KEY = '${page}';</script>\n`,
        'vue.config.js': `const webpack = require('webpack');\nmodule.exports = {\n  configureWebpack: {\n    plugins: [new webpack.DefinePlugin({ 'process.env.ENGIUM_TOKEN': JSON.stringify(process.env.ENGIUM_WIDGET_KEY) })],\n  },\n};\n`,
        '.env': `ENGIUM_WIDGET_KEY=${defined}\nENGIUM_SERVER_KEY=${kept}\n`,
      },
      [imported, page, defined, kept],
    );
    expect(findingOf(report, imported, 'src/common/config.js')).toMatchObject({ exposure: 'client', chain: ['src/main.js (Vue CLI entry)', 'src/App.vue', 'src/common/config.js'] });
    expect(findingOf(report, page, 'public/index.html').exposure).toBe('client');
    expect(findingOf(report, page, 'public/index.html').message).toContain('public/index.html (Vue CLI static file)');
    expect(findingOf(report, defined, '.env').exposure).toBe('client');
    expect(findingOf(report, defined, '.env').message).toContain('vue.config.js:4');
    expect(findingOf(report, kept, '.env').exposure).not.toBe('client');
  });
});

describe('Angular CLI', () => {
  it("ships a key written in the build target's define, not one in the test target's", () => {
    const [defined, tested] = keysFor(4105, 4106) as [string, string];
    const report = scan(
      {
        'package.json': json({ name: 'shop', dependencies: { '@angular/core': '20.0.0' } }),
        'angular.json': json({
          projects: {
            shop: {
              architect: {
                build: { builder: '@angular/build:application', options: { browser: 'src/main.ts', define: { ENGIUM_API_KEY: `'${defined}'` } } },
                test: { options: { define: { ENGIUM_TEST_KEY: `'${tested}'` } } },
              },
            },
          },
        }),
        'src/main.ts': `declare const ENGIUM_API_KEY: string;\nconsole.log(ENGIUM_API_KEY.length);\n`,
      },
      [defined, tested],
    );
    const shipped = report.findings.find((finding) => finding.secret.redacted === redact(defined));
    expect(shipped).toMatchObject({ file: 'angular.json', exposure: 'client' });
    expect(report.findings.find((finding) => finding.secret.redacted === redact(tested))?.exposure).not.toBe('client');
  });
});

describe('Expo Router', () => {
  it('keeps app/+middleware on the server and serves public/ to browsers', () => {
    const [middleware, screen, served] = keysFor(4107, 4108, 4109) as [string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'shop', main: 'expo-router/entry', dependencies: { expo: '56.0.0', 'expo-router': '56.0.0', 'react-native': '0.85.0' } }),
        'app/+middleware.ts': `export default function middleware(request: Request) {\n  request.headers.set('Authorization', 'Bearer ${middleware}');\n}\n`,
        'app/index.tsx': `const KEY = '${screen}';\nexport default function Home() { return KEY.length; }\n`,
        'public/engium.json': `{ "key": "${served}" }\n`,
      },
      [middleware, screen, served],
    );
    expect(findingOf(report, middleware, 'app/+middleware.ts').exposure).toBe('server');
    expect(findingOf(report, screen, 'app/index.tsx').exposure).toBe('client');
    expect(findingOf(report, served, 'public/engium.json').message).toContain('public/engium.json (Expo static file)');
  });
});

describe('Astro', () => {
  it("ships a key in a page's template or <script> and what astro.config's vite.define injects, and keeps the frontmatter's", () => {
    const [frontmatter, markup, script, defined] = keysFor(4110, 4111, 4112, 4113) as [string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'site', dependencies: { astro: '5.0.0' } }),
        'astro.config.mjs': `import { defineConfig } from 'astro/config';\nexport default defineConfig({\n  vite: { define: { 'import.meta.env.ENGIUM_TOKEN': JSON.stringify(process.env.ENGIUM_DEFINED_KEY) } },\n});\n`,
        '.env': `ENGIUM_DEFINED_KEY=${defined}\n`,
        'src/pages/index.astro': [
          '---',
          `const key = '${frontmatter}';`,
          `await fetch('https://api.engium.app/api/v1/events', { headers: { Authorization: \`Bearer \${key}\` } });`,
          '---',
          `<p data-key="${markup}">Hi</p>`,
          '<script>',
          `  console.log('${script}'.length);`,
          '</script>',
          '',
        ].join('\n'),
      },
      [frontmatter, markup, script, defined],
    );
    expect(findingOf(report, frontmatter, 'src/pages/index.astro').exposure).toBe('server');
    expect(findingOf(report, markup, 'src/pages/index.astro')).toMatchObject({ exposure: 'client', chain: ['src/pages/index.astro (in its template)'] });
    expect(findingOf(report, script, 'src/pages/index.astro').exposure).toBe('client');
    expect(findingOf(report, defined, '.env').exposure).toBe('client');
    expect(findingOf(report, defined, '.env').message).toContain('astro.config.mjs:3');
  });
});

describe('Gatsby', () => {
  it("keeps a page's getServerData on the server, but ships the props it returns, what gatsby-node defines and gatsby-ssr's head scripts", () => {
    const [used, returned, defined, head] = keysFor(4114, 4115, 4122, 4139) as [string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'site', dependencies: { gatsby: '5.14.0', react: '18.3.0' } }),
        'gatsby-node.js': `exports.onCreateWebpackConfig = ({ actions, plugins }) => {\n  actions.setWebpackConfig({ plugins: [plugins.define({ 'process.env.ENGIUM_TOKEN': JSON.stringify(process.env.ENGIUM_DEFINED_KEY) })] });\n};\n`,
        'gatsby-ssr.js': [
          `export const onRenderBody = ({ setHeadComponents }) => {`,
          `  setHeadComponents([`,
          `    <script`,
          `      key="engium"`,
          `      dangerouslySetInnerHTML={{ __html: 'window.ENGIUM_KEY = "${head}";' }}`,
          `    />,`,
          `  ]);`,
          `};`,
          ``,
        ].join('\n'),
        '.gitignore': '.env*\n',
        '.env.production': `ENGIUM_DEFINED_KEY=${defined}\n`,
        'src/pages/index.js': [
          `export default function Index({ serverData }) { return serverData.n; }`,
          `export async function getServerData() {`,
          `  const response = await fetch('https://api.engium.app/api/v1/events', { headers: { Authorization: 'Bearer ${used}' } });`,
          `  return { props: { n: (await response.json()).length, key: '${returned}' } };`,
          `}`,
          ``,
        ].join('\n'),
      },
      [used, returned, defined, head],
    );
    expect(findingOf(report, head, 'gatsby-ssr.js')).toMatchObject({ exposure: 'client', chain: ['gatsby-ssr.js (renders it into <script>)'] });
    expect(findingOf(report, defined, '.env.production').exposure).toBe('client');
    expect(findingOf(report, defined, '.env.production').message).toContain('gatsby-node.js:2');
    expect(findingOf(report, used, 'src/pages/index.js').exposure).toBe('server');
    expect(findingOf(report, used, 'src/pages/index.js').message).toContain('getServerData, which Gatsby runs on the server');
    expect(findingOf(report, returned, 'src/pages/index.js').exposure).toBe('client');
    expect(findingOf(report, returned, 'src/pages/index.js').message).toContain('getServerData returns it to the browser, Gatsby');
  });
});

describe('RedwoodJS', () => {
  it("ships the web side's pages, what they import by folder name, and public/, and keeps the api side on the server", () => {
    const [page, served, fn, service, tested, menu] = keysFor(4116, 4117, 4118, 4119, 4120, 4121) as [string, string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ private: true, workspaces: { packages: ['api', 'web'] }, devDependencies: { '@redwoodjs/core': '8.0.0' } }),
        'redwood.toml': '[web]\n  port = 8910\n',
        'web/package.json': json({ name: 'web', dependencies: { '@redwoodjs/web': '8.0.0', '@redwoodjs/router': '8.0.0' } }),
        'web/src/App.js': `import { RedwoodProvider } from '@redwoodjs/web';\nexport default function App() { return RedwoodProvider; }\n`,
        'web/jsconfig.json': json({ compilerOptions: { baseUrl: '.', paths: { 'src/*': ['./src/*'] } } }),
        'web/src/pages/HomePage/HomePage.js': `import Menu from 'src/components/Menu';\nconst KEY = '${page}';\nexport default function HomePage() { return [Menu, KEY.length]; }\n`,
        'web/src/components/Menu/Menu.js': `const KEY = '${menu}';\nexport default function Menu() { return KEY.length; }\n`,
        'web/src/pages/HomePage/HomePage.test.js': `const KEY = '${tested}';\nit('renders', () => expect(KEY).toBeTruthy());\n`,
        'web/public/engium.json': `{ "key": "${served}" }\n`,
        'api/package.json': json({ name: 'api', dependencies: { '@redwoodjs/api': '8.0.0' } }),
        'api/src/functions/engium.js': `export const handler = async () => ({ statusCode: 200, body: String('${fn}'.length) });\n`,
        'api/src/services/posts/posts.js': `export const posts = () => fetch('https://api.engium.app/api/v1/posts', { headers: { Authorization: 'Bearer ${service}' } });\n`,
      },
      [page, served, fn, service, tested, menu],
    );
    expect(findingOf(report, menu, 'web/src/components/Menu/Menu.js').chain).toEqual(['web/src/pages/HomePage/HomePage.js (RedwoodJS page, imported by the router)', 'web/src/components/Menu/Menu.js']);
    expect(findingOf(report, page, 'web/src/pages/HomePage/HomePage.js')).toMatchObject({ exposure: 'client', chain: ['web/src/pages/HomePage/HomePage.js (RedwoodJS page, imported by the router)'] });
    expect(findingOf(report, served, 'web/public/engium.json').exposure).toBe('client');
    expect(findingOf(report, fn, 'api/src/functions/engium.js').exposure).toBe('server');
    expect(findingOf(report, service, 'api/src/services/posts/posts.js').exposure).toBe('server');
    expect(findingOf(report, tested, 'web/src/pages/HomePage/HomePage.test.js').exposure).not.toBe('client');
  });
});

describe('Docusaurus', () => {
  it("ships the site config's customFields and themeConfig, pages and swizzled theme components", () => {
    const [field, theme, fromEnv, page, swizzled] = keysFor(4123, 4124, 4125, 4126, 4127) as [string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'docs', dependencies: { '@docusaurus/core': '3.8.0', react: '19.0.0' } }),
        'docusaurus.config.js': [
          `module.exports = {`,
          `  title: 'Docs',`,
          `  customFields: { engiumKey: '${field}', engiumEnvKey: process.env.ENGIUM_DOCS_KEY },`,
          `  themeConfig: { engium: { apiKey: '${theme}' } },`,
          `};`,
          ``,
        ].join('\n'),
        '.gitignore': '.env\n',
        '.env': `ENGIUM_DOCS_KEY=${fromEnv}\n`,
        'src/pages/index.js': `const KEY = '${page}';\nexport default function Home() { return KEY.length; }\n`,
        'src/theme/Footer/index.js': `export default function Footer() { return '${swizzled}'.length; }\n`,
      },
      [field, theme, fromEnv, page, swizzled],
    );
    expect(findingOf(report, field, 'docusaurus.config.js').message).toContain("docusaurus.config.js:3 puts it in Docusaurus's customFields");
    expect(findingOf(report, theme, 'docusaurus.config.js').exposure).toBe('client');
    expect(findingOf(report, fromEnv, '.env').exposure).toBe('client');
    expect(findingOf(report, page, 'src/pages/index.js').exposure).toBe('client');
    expect(findingOf(report, swizzled, 'src/theme/Footer/index.js').exposure).toBe('client');
  });
});

describe('Storybook', () => {
  it('ships the preview, the stories and what they import, and what .storybook/main injects into them', () => {
    const [preview, imported, injected, head, kept] = keysFor(4129, 4130, 4131, 4132, 4133) as [string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'ui', devDependencies: { '@storybook/react-vite': '8.6.0', storybook: '8.6.0' } }),
        '.storybook/main.ts': [
          `export default {`,
          `  stories: ['../src/**/*.stories.tsx'],`,
          `  env: (config: Record<string, string>) => ({ ...config, ENGIUM_SB_KEY: process.env.ENGIUM_SB_KEY }),`,
          `  previewHead: (html: string) => \`\${html}<script>window.ENGIUM_KEY = '${head}';</script>\`,`,
          `};`,
          ``,
        ].join('\n'),
        '.storybook/preview.tsx': `export const parameters = { engiumKey: '${preview}' };\n`,
        'src/Button.stories.tsx': `import { Button } from './Button';\nexport default { component: Button };\n`,
        'src/Button.tsx': `export const KEY = '${imported}';\nexport function Button() { return KEY.length; }\n`,
        '.gitignore': '.env\n',
        '.env': `ENGIUM_SB_KEY=${injected}\nENGIUM_OTHER_KEY=${kept}\n`,
      },
      [preview, imported, injected, head, kept],
    );
    expect(findingOf(report, preview, '.storybook/preview.tsx')).toMatchObject({ exposure: 'client', chain: ['.storybook/preview.tsx (Storybook preview)'] });
    expect(findingOf(report, imported, 'src/Button.tsx').chain).toEqual(['src/Button.stories.tsx (Storybook story)', 'src/Button.tsx']);
    expect(findingOf(report, injected, '.env').message).toContain('.storybook/main.ts:3');
    expect(findingOf(report, head, '.storybook/main.ts').exposure).toBe('client');
    // A server-only name in a gitignored .env that nothing injects is where keys belong.
    expect(report.findings.some((finding) => finding.secret.redacted === redact(kept))).toBe(false);
  });
});

describe('SolidStart', () => {
  it('ships routes and the app, but not the body of a "use server" function nor what only it imports; API routes stay on the server', () => {
    const [inside, outside, helper, api, served] = keysFor(4134, 4135, 4136, 4137, 4138) as [string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'app', type: 'module', dependencies: { '@solidjs/start': '1.3.2', '@solidjs/router': '0.15.3', 'solid-js': '1.9.9', vinxi: '0.5.7' } }),
        'app.config.ts': `import { defineConfig } from '@solidjs/start/config';\nexport default defineConfig({});\n`,
        'src/app.tsx': `import { querySession } from './auth';\nexport default function App() { return querySession; }\n`,
        'src/auth/index.ts': [
          `import { query } from '@solidjs/router';`,
          `import { getSession } from './server';`,
          `export const querySession = query(async () => {`,
          `  'use server';`,
          `  const key = '${inside}';`,
          `  return getSession(key);`,
          `}, 'session');`,
          `export const PUBLIC_LABEL = '${outside}';`,
          ``,
        ].join('\n'),
        'src/auth/server.ts': `export const getSession = async (key: string) => fetch('https://api.engium.app/api/v1/me', { headers: { Authorization: \`Bearer \${key}\`, 'X-Engium': '${helper}' } });\n`,
        'src/routes/api/engium.ts': `export async function GET() { return new Response(String('${api}'.length)); }\n`,
        'public/engium.json': `{ "key": "${served}" }\n`,
      },
      [inside, outside, helper, api, served],
    );
    expect(findingOf(report, inside, 'src/auth/index.ts').exposure).toBe('server');
    expect(findingOf(report, inside, 'src/auth/index.ts').message).toContain('inside a "use server" function');
    expect(findingOf(report, outside, 'src/auth/index.ts').chain).toEqual(['src/app.tsx (SolidStart client entry or app)', 'src/auth/index.ts']);
    expect(findingOf(report, helper, 'src/auth/server.ts').exposure).toBe('server');
    expect(findingOf(report, api, 'src/routes/api/engium.ts').exposure).toBe('server');
    expect(findingOf(report, served, 'public/engium.json').exposure).toBe('client');
  });
});

describe('what a server-rendered template says about a key', () => {
  it('ships a key, or a part of it, that a template renders, and keeps one it only tests, measures or compares', () => {
    const keys = keysFor(4170, 4171, 4172, 4173, 4174, 4175, 4176, 4177, 4178);
    const [tested, measured, flagged, compared, guarded, part, astroMeasured, astroShown, typed] = keys as [string, string, string, string, string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'shop', dependencies: { next: '16.0.0', react: '19.0.0', astro: '5.0.0' } }),
        'app/status/page.tsx': [
          `import { Badge } from '../../components/badge';`,
          `const TESTED_KEY = '${tested}';`,
          `const MEASURED_KEY = '${measured}';`,
          `const FLAGGED_KEY = '${flagged}';`,
          `const COMPARED_KEY = '${compared}';`,
          `const GUARDED_KEY = '${guarded}';`,
          `const PART_KEY = '${part}';`,
          `const TYPED_KEY = '${typed}';`,
          `export default function Status() {`,
          `  return (`,
          `    <main>`,
          `      <p>{TESTED_KEY ? 'configured' : 'missing'}</p>`,
          `      <p>{MEASURED_KEY.length} characters, live: {String(MEASURED_KEY.startsWith('eng_live_'))}</p>`,
          `      <Badge ok={Boolean(FLAGGED_KEY)} />`,
          `      <p>{COMPARED_KEY === process.env.ENGIUM_API_KEY ? 'in sync' : 'stale'}</p>`,
          `      {!!GUARDED_KEY && <Badge ok />}`,
          `      <p>{typeof TYPED_KEY}</p>`,
          `      <code>{PART_KEY.slice(0, 12)}</code>`,
          `    </main>`,
          `  );`,
          `}`,
          ``,
        ].join('\n'),
        'components/badge.tsx': `'use client';\nexport function Badge({ ok }: { ok: boolean }) {\n  return <b>{ok ? 'ok' : 'no'}</b>;\n}\n`,
        'src/pages/keys.astro': [
          '---',
          `const measuredKey = '${astroMeasured}';`,
          `const shownKey = '${astroShown}';`,
          '---',
          '<p>{measuredKey.length} characters</p>',
          '<p>{`Bearer ${shownKey}`}</p>',
          '',
        ].join('\n'),
      },
      keys,
    );
    for (const key of [tested, measured, flagged, compared, guarded, typed]) expect(findingOf(report, key, 'app/status/page.tsx').exposure, redact(key)).toBe('server');
    expect(findingOf(report, part, 'app/status/page.tsx')).toMatchObject({ exposure: 'client', chain: ['app/status/page.tsx (renders it)'] });
    expect(findingOf(report, astroMeasured, 'src/pages/keys.astro').exposure).toBe('server');
    expect(findingOf(report, astroShown, 'src/pages/keys.astro')).toMatchObject({ exposure: 'client', chain: ['src/pages/keys.astro (renders shownKey into its template)'] });
  });
});

describe('component libraries', () => {
  it('ships the keys of Vue and Svelte components no app entry reaches, and of what they import', () => {
    const [vue, imported, svelte, server] = keysFor(4180, 4181, 4182, 4183) as [string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'ui-kit', version: '1.0.0', peerDependencies: { vue: '^3.4.0', svelte: '^5.0.0' } }),
        'src/components/Button.vue': `<script setup lang="ts">\nimport { theme } from '../theme';\nconst key = '${vue}';\n</script>\n<template><button :class="theme">{{ key.length }}</button></template>\n`,
        'src/theme.ts': `export const theme = 'dark';\nexport const themeKey = '${imported}';\n`,
        'src/svelte/Card.svelte': `<script lang="ts">\n  const key = '${svelte}';\n</script>\n<div>{key.length}</div>\n`,
        'src/components/Report.server.vue': `<script setup lang="ts">\nconst key = '${server}';\n</script>\n<template><p>report</p></template>\n`,
      },
      [vue, imported, svelte, server],
    );
    expect(findingOf(report, vue, 'src/components/Button.vue')).toMatchObject({ exposure: 'client', chain: ['src/components/Button.vue (Vue single-file components are compiled into the browser bundle)'] });
    expect(findingOf(report, imported, 'src/theme.ts')).toMatchObject({ exposure: 'client', chain: ['src/components/Button.vue (Vue single-file components are compiled into the browser bundle)', 'src/theme.ts'] });
    expect(findingOf(report, svelte, 'src/svelte/Card.svelte').exposure).toBe('client');
    // A Nuxt server component renders on the server only.
    expect(findingOf(report, server, 'src/components/Report.server.vue').exposure).not.toBe('client');
  });
});
