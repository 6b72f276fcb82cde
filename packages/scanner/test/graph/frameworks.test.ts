// Client and server entries per framework, detected from each package's dependencies and files.
import { describe, expect, it } from 'vitest';
import { analyseApp, packageJson } from './support.js';

describe('framework entries', () => {
  it('Astro: islands with client:* and <script> imports ship; frontmatter imports stay on the server', async () => {
    const analysis = await analyseApp({
      'package.json': packageJson({ astro: '5.0.0', react: '19.0.0' }),
      'src/pages/index.astro': `---\nimport Counter from '../components/Counter.tsx';\nimport Static from '../components/Static.tsx';\nimport { secret } from '../lib/secret';\nconst title = secret.slice(0, 0) + 'Home';\n---\n<h1>{title}</h1>\n<Static />\n<Counter client:visible start={1} />\n<script>\n  import { track } from '../lib/track';\n  track();\n</script>\n`,
      'src/components/Counter.tsx': `import { format } from '../lib/format';\nexport default function Counter() { return <b>{format(1)}</b>; }\n`,
      'src/components/Static.tsx': `export default function Static() { return <i />; }\n`,
      'src/lib/format.ts': `export const format = (n: number) => String(n);\n`,
      'src/lib/track.ts': `export const track = () => undefined;\n`,
      'src/lib/secret.ts': `export const secret = 'x';\n`,
    });
    expect(analysis.exposureOf('src/lib/format.ts').chain).toEqual([
      'src/components/Counter.tsx (Astro island client:visible in src/pages/index.astro)',
      'src/lib/format.ts',
    ]);
    expect(analysis.exposureOf('src/lib/track.ts').chain).toEqual(['src/lib/track.ts (Astro <script> in src/pages/index.astro)']);
    expect(analysis.exposureOf('src/components/Static.tsx').exposure).toBe('server');
    expect(analysis.exposureOf('src/lib/secret.ts').exposure).toBe('server');
    expect(analysis.exposureOf('src/pages/index.astro').exposure).toBe('server');
  });

  it('Remix: route modules ship, but not imports only their loader or action use', async () => {
    const analysis = await analyseApp({
      'package.json': packageJson({ '@remix-run/react': '2.15.0', '@remix-run/node': '2.15.0' }),
      'app/root.tsx': `import { Outlet } from '@remix-run/react';\nexport default function Root() { return <Outlet />; }\n`,
      'app/routes/_index.tsx': `import { json } from '@remix-run/node';\nimport { engium } from '~/lib/engium.server';\nimport { db } from '~/lib/db';\nimport { Card } from '~/components/Card';\nexport async function loader() {\n  return json(await db.list(engium));\n}\nexport default function Index() { return <Card />; }\n`,
      'app/lib/engium.server.ts': `export const engium = 'k';\n`,
      'app/lib/db.ts': `export const db = { list: async (key: string) => [key] };\n`,
      'app/components/Card.tsx': `export function Card() { return <div />; }\n`,
      'tsconfig.json': JSON.stringify({ compilerOptions: { jsx: 'react-jsx', module: 'esnext', moduleResolution: 'bundler', paths: { '~/*': ['./app/*'] } } }),
    });
    expect(analysis.exposureOf('app/components/Card.tsx').chain).toEqual(['app/routes/_index.tsx (React Router / Remix route module)', 'app/components/Card.tsx']);
    expect(analysis.exposureOf('app/lib/db.ts').exposure).toBe('server');
    expect(analysis.exposureOf('app/lib/engium.server.ts').exposure).toBe('server');
  });

  it('Nuxt: app.config ships to every browser, beside or inside app/', async () => {
    for (const file of ['app/app.config.ts', 'app.config.ts']) {
      const analysis = await analyseApp({
        'package.json': packageJson({ nuxt: '4.4.5' }),
        [file]: `export default defineAppConfig({ theme: 'dark' });\n`,
        'server/api/ping.ts': `export default defineEventHandler(() => 'pong');\n`,
      });
      expect(analysis.exposureOf(file).chain).toEqual([`${file} (Nuxt app config, bundled into the client)`]);
      expect(analysis.exposureOf('server/api/ping.ts').exposure).toBe('server');
    }
  });

  it('React Router: route modules app/routes.ts names ship wherever they are, without what only their loader uses', async () => {
    const analysis = await analyseApp({
      'package.json': packageJson({ '@react-router/dev': '7.18.7', 'react-router': '7.18.7' }),
      'app/root.tsx': `import { Outlet } from 'react-router';\nexport default function Root() { return <Outlet />; }\n`,
      'app/routes.ts': `import { index, layout, route } from '@react-router/dev/routes';\nexport default [\n  index('./home/page.tsx'),\n  layout('dashboard/layout.tsx', [route('reports', "dashboard/reports.tsx")]),\n];\n`,
      'app/home/page.tsx': `export default function Home() { return <b />; }\n`,
      'app/dashboard/layout.tsx': `import { Outlet } from 'react-router';\nexport default function Layout() { return <Outlet />; }\n`,
      'app/dashboard/reports.tsx': `import { count } from './count';\nimport { Chart } from './chart';\nexport async function loader() {\n  return { n: await count('key') };\n}\nexport default function Reports() { return <Chart />; }\n`,
      'app/dashboard/count.ts': `export const count = async (key: string) => key.length;\n`,
      'app/dashboard/chart.tsx': `export function Chart() { return <svg />; }\n`,
      'app/dashboard/unused.tsx': `export default function Unused() { return <i />; }\n`,
    });
    const label = 'React Router route module, named in app/routes.ts';
    expect(analysis.exposureOf('app/home/page.tsx').chain).toEqual([`app/home/page.tsx (${label})`]);
    expect(analysis.exposureOf('app/dashboard/layout.tsx').chain).toEqual([`app/dashboard/layout.tsx (${label})`]);
    expect(analysis.exposureOf('app/dashboard/chart.tsx').chain).toEqual([`app/dashboard/reports.tsx (${label})`, 'app/dashboard/chart.tsx']);
    // Only the loader uses count: the browser build drops the import with it.
    expect(analysis.exposureOf('app/dashboard/count.ts').exposure).toBe('server');
    expect(analysis.serverExportAt('app/dashboard/reports.tsx', 4)?.reason).toContain('inside loader');
    expect(analysis.exposureOf('app/dashboard/unused.tsx').exposure).not.toBe('client');
  });

  it('React Router and Next.js pages: lines inside loader, action or getServerSideProps are server, the rest of the module ships', async () => {
    const route = [
      "import { useLoaderData } from 'react-router';", // 1
      'export async function loader() {', // 2
      "  return { token: 'inside loader' };", // 3
      '}', // 4
      '/** The form posts here. */', // 5
      'export const action = async () => {', // 6
      "  return fetch('https://api.engium.app/api/v1/exports', { headers: { Authorization: 'inside action' } });", // 7
      '};', // 8
      "const WIDGET = 'component';", // 9
      'export default function Home() { return <b>{WIDGET}{useLoaderData<typeof loader>().token}</b>; }', // 10
      "export const middleware = [async () => { console.log('inside middleware'); }];", // 11
      "export const clientLoader = async () => ({ token: 'client' });", // 12
    ].join('\n');
    const page = [
      "const PAGE = 'page';", // 1
      'async function getServerSideProps() {', // 2
      "  return { props: { n: 'inside' } };", // 3
      '}', // 4
      'export { getServerSideProps };', // 5
      'export default function Page() { return <i>{PAGE}</i>; }', // 6
    ].join('\n');
    const analysis = await analyseApp({
      'package.json': packageJson({ '@react-router/dev': '7.18.7', 'react-router': '7.18.7', next: '16.0.0' }),
      'app/routes/home.tsx': route,
      'pages/index.tsx': page,
      'app/lib/loader.ts': "export async function loader() {\n  return 'not a route module';\n}\n",
    });
    const verdict = (file: string, line: number) => analysis.serverExportAt(file, line);
    expect(verdict('app/routes/home.tsx', 3)).toMatchObject({ exposure: 'server', reason: expect.stringContaining('inside loader, which React Router / Remix runs on the server') });
    expect(verdict('app/routes/home.tsx', 7)?.reason).toContain('inside action');
    expect(verdict('app/routes/home.tsx', 11)?.reason).toContain('inside middleware');
    for (const line of [1, 5, 9, 10, 12]) expect(verdict('app/routes/home.tsx', line), `line ${line}`).toBeUndefined();
    expect(verdict('pages/index.tsx', 3)?.reason).toContain('inside getServerSideProps, which Next.js runs');
    expect(verdict('pages/index.tsx', 1)).toBeUndefined();
    // Only page and route modules have their server exports stripped.
    expect(verdict('app/lib/loader.ts', 2)).toBeUndefined();
  });

  it('React Router and Next.js pages: a top-level constant only the loader or getServerSideProps reads is stripped with it', async () => {
    const route = [
      "import { useLoaderData } from 'react-router';", // 1
      "import { sign } from '../lib/sign';", // 2
      "const SEARCH_KEY = 'only the loader';", // 3
      'const headers = () => ({ Authorization: SEARCH_KEY });', // 4
      "const SHARED = 'both';", // 5
      "const UNUSED = 'nobody';", // 6
      'function signed() { return sign(SHARED); }', // 7
      'export async function loader() {', // 8
      "  return fetch('https://api.engium.app/api/v1/search', { headers: { ...headers(), x: signed() } });", // 9
      '}', // 10
      'export default function Users() { return <b>{SHARED}{useLoaderData<typeof loader>()}</b>; }', // 11
    ].join('\n');
    const page = ["const PAGE_KEY = 'only getServerSideProps';", 'export async function getServerSideProps() {', '  return { props: { n: PAGE_KEY.length } };', '}', 'export default function Page() { return <i />; }'].join('\n');
    const analysis = await analyseApp({
      'package.json': packageJson({ '@react-router/dev': '7.18.7', 'react-router': '7.18.7', next: '16.0.0' }),
      'app/routes/users.tsx': route,
      'app/lib/sign.ts': "export const sign = (value: string) => value + 'signed';\n",
      'pages/index.tsx': page,
    });
    const verdict = (file: string, line: number) => analysis.serverExportAt(file, line);
    expect(verdict('app/routes/users.tsx', 3)).toMatchObject({ exposure: 'server', reason: 'SEARCH_KEY is used only inside loader, which React Router / Remix runs on the server: the browser build strips both' });
    expect(verdict('app/routes/users.tsx', 4)?.reason).toContain('headers is used only inside loader');
    expect(verdict('app/routes/users.tsx', 7)?.reason).toContain('signed is used only inside loader');
    // The component reads SHARED, so the browser keeps it; nothing read UNUSED, so nothing strips it.
    for (const line of [5, 6, 11]) expect(verdict('app/routes/users.tsx', line), `line ${line}`).toBeUndefined();
    expect(verdict('pages/index.tsx', 1)?.reason).toContain('PAGE_KEY is used only inside getServerSideProps, which Next.js runs');
    // The import only the stripped helper uses goes with it.
    expect(analysis.exposureOf('app/lib/sign.ts').exposure).toBe('server');
  });

  it('SvelteKit, React Router and Next.js: what a server data function returns reaches the browser, what it only uses does not', async () => {
    const layout = [
      "const PUBLIC_WIDGET = 'returned by name';", // 1
      "const PRIVATE_KEY = 'only used';", // 2
      'export async function load({ fetch }) {', // 3
      "  const res = await fetch('https://api.engium.app/api/v1/me', { headers: { Authorization: PRIVATE_KEY } });", // 4
      '  return {', // 5
      "    widget: 'written in the data',", // 6
      '    PUBLIC_WIDGET,', // 7
      '    me: await res.json(),', // 8
      '  };', // 9
      '}', // 10
    ].join('\n');
    const route = [
      "import { data } from 'react-router';", // 1
      'export const loader = async () => {', // 2
      "  const token = 'wrapped in data()';", // 3
      '  return data({ token }, { status: 200 });', // 4
      '};', // 5
      'export async function action() {', // 6
      "  return fetch('https://api.engium.app/api/v1/exports', { headers: { Authorization: 'passed to fetch' } });", // 7
      '}', // 8
      'export default function Home() { return <b />; }', // 9
    ].join('\n');
    const page = ['export async function getServerSideProps() {', "  return { props: { key: 'in props' } };", '}', 'export default function Page() { return <i />; }'].join('\n');
    const appPage = [
      'export async function generateMetadata() {', // 1
      "  await fetch('https://api.engium.app/api/v1/me', { headers: { Authorization: 'passed to fetch' } });", // 2
      "  return { title: 'Shop', other: { 'engium-widget': 'in metadata' } };", // 3
      '}', // 4
      'export default function Page() { return <i />; }', // 5
    ].join('\n');
    const analysis = await analyseApp({
      'package.json': packageJson({ '@sveltejs/kit': '2.0.0', '@react-router/dev': '7.18.7', 'react-router': '7.18.7', next: '16.0.0' }),
      'src/routes/+layout.server.ts': layout,
      'src/routes/+page.svelte': '<p>home</p>\n',
      'app/routes/home.tsx': route,
      'pages/index.tsx': page,
      'app/shop/page.tsx': appPage,
    });
    const verdict = (file: string, line: number) => analysis.renderedAt(file, line);
    expect(verdict('src/routes/+layout.server.ts', 6)).toMatchObject({
      exposure: 'client',
      reason: 'src/routes/+layout.server.ts returns it from load: SvelteKit serialises the data a server load returns into the page for the browser',
      chain: ['src/routes/+layout.server.ts (load returns it to the browser, SvelteKit)'],
    });
    expect(verdict('src/routes/+layout.server.ts', 1)?.exposure).toBe('client');
    for (const line of [2, 4]) expect(verdict('src/routes/+layout.server.ts', line), `line ${line}`).toBeUndefined();
    expect(verdict('app/routes/home.tsx', 3)?.reason).toContain('returns it from loader: React Router / Remix sends the data');
    expect(verdict('app/routes/home.tsx', 7)).toBeUndefined();
    expect(verdict('pages/index.tsx', 2)?.reason).toContain("Next.js sends the props it returns to the browser in the page's __NEXT_DATA__");
    // An app router page's metadata is rendered into its <head>.
    expect(verdict('app/shop/page.tsx', 3)).toMatchObject({ exposure: 'client', chain: ['app/shop/page.tsx (generateMetadata returns it to the browser, Next.js)'] });
    expect(verdict('app/shop/page.tsx', 2)).toBeUndefined();
  });

  it("React Router: what a helper returns ships when a loader returns its call (Remix's window.ENV recipe), not when the loader only uses it", async () => {
    const env = [
      'export function getEnv() {', // 1
      '  return {', // 2
      '    MODE: process.env.NODE_ENV,', // 3
      "    ENGIUM_PUBLIC_KEY: 'in getEnv',", // 4
      '  };', // 5
      '}', // 6
      "export const authHeaders = () => ({ Authorization: 'in authHeaders' });", // 7
    ].join('\n');
    const root = [
      "import { data } from 'react-router';",
      "import { getEnv as env, authHeaders } from './utils/env.server';",
      'export async function loader() {',
      "  await fetch('https://api.engium.app/api/v1/me', { headers: authHeaders() });",
      '  return data({ ENV: env() });',
      '}',
      'export default function App() { return <b />; }',
    ].join('\n');
    const analysis = await analyseApp({
      'package.json': packageJson({ '@react-router/dev': '7.18.7', 'react-router': '7.18.7' }),
      'app/root.tsx': root,
      'app/utils/env.server.ts': env,
    });
    expect(analysis.renderedAt('app/utils/env.server.ts', 4)).toMatchObject({
      exposure: 'client',
      reason: "app/root.tsx returns what getEnv() returns from loader: React Router / Remix sends the data it returns to the browser (useLoaderData, useActionData)",
      chain: ['app/root.tsx (loader returns getEnv() to the browser, React Router / Remix)', 'app/utils/env.server.ts (getEnv returns it)'],
    });
    expect(analysis.renderedAt('app/utils/env.server.ts', 7)).toBeUndefined();
  });

  it('TanStack Start: route modules ship, without server functions, route server handlers and what only they use', async () => {
    const route = [
      "import { createFileRoute } from '@tanstack/react-router';", // 1
      "import { createServerFn } from '@tanstack/react-start';", // 2
      "import { db } from '../lib/db';", // 3
      "import { Card } from '../components/card';", // 4
      "const getSecret = createServerFn({ method: 'GET' }).handler(async () => {", // 5
      "  return fetch('https://api.engium.app/api/v1/me', { headers: { Authorization: 'in the server function' } });", // 6
      '});', // 7
      "const headers = () => ({ Authorization: 'only the server handler' });", // 8
      "export const Route = createFileRoute('/')({", // 9
      '  loader: () => getSecret(),', // 10
      '  server: { handlers: { GET: () => db.list(headers()) } },', // 11
      "  component: () => <Card title={'in the component'} />,", // 12
      '});', // 13
    ].join('\n');
    const trpc = [
      "import { createIsomorphicFn } from '@tanstack/react-start';",
      "import * as Api from '@acme/api';",
      'export const makeClient = createIsomorphicFn()',
      '  .server(() => Api.appRouter)',
      '  .client(() => createClient<Api.AppRouter>());',
      'declare function createClient<T>(): T;',
    ].join('\n');
    const analysis = await analyseApp({
      'package.json': packageJson({ '@tanstack/react-start': '1.135.2', '@tanstack/react-router': '1.135.2', '@acme/api': '*' }),
      'src/router.tsx': "import { makeClient } from './lib/trpc';\nexport const client = makeClient();\n",
      'src/routes/index.tsx': route,
      'src/lib/db.ts': 'export const db = { list: (headers: object) => [headers] };\n',
      'src/lib/trpc.ts': trpc,
      'src/components/card.tsx': 'export const Card = (props: { title: string }) => <b>{props.title}</b>;\n',
      'node_modules/@acme/api/package.json': JSON.stringify({ name: '@acme/api', main: 'index.js' }),
      'node_modules/@acme/api/index.js': 'export const appRouter = {};\n',
    });
    expect(analysis.exposureOf('src/components/card.tsx').chain).toEqual(['src/routes/index.tsx (TanStack Start route module)', 'src/components/card.tsx']);
    expect(analysis.exposureOf('src/lib/trpc.ts').chain).toEqual(['src/router.tsx (TanStack Start router, runs in the browser)', 'src/lib/trpc.ts']);
    // Only the route's server handler uses db; only .server() (and a type) uses @acme/api.
    expect(analysis.exposureOf('src/lib/db.ts').exposure).not.toBe('client');
    expect(analysis.exposureOf('node_modules/@acme/api/index.js').exposure).not.toBe('client');
    const verdict = (line: number) => analysis.serverExportAt('src/routes/index.tsx', line);
    expect(verdict(6)).toMatchObject({ exposure: 'server', reason: 'inside createServerFn().handler, which TanStack Start runs on the server and strips from the browser build' });
    expect(verdict(11)?.reason).toContain('inside the server handlers of createFileRoute');
    expect(verdict(8)?.reason).toContain('headers is used only inside the server handlers of createFileRoute');
    for (const line of [10, 12]) expect(verdict(line), `line ${line}`).toBeUndefined();
  });

  it('Angular: environment files always ship', async () => {
    const analysis = await analyseApp({
      'package.json': packageJson({ '@angular/core': '19.0.0' }),
      'src/main.ts': `import { bootstrapApplication } from '@angular/platform-browser';\nimport { AppComponent } from './app/app.component';\nbootstrapApplication(AppComponent);\n`,
      'src/app/app.component.ts': `export class AppComponent {}\n`,
      'src/environments/environment.prod.ts': `export const environment = { production: true };\n`,
    });
    expect(analysis.exposureOf('src/environments/environment.prod.ts').chain).toEqual([
      'src/environments/environment.prod.ts (Angular environment file, always bundled)',
    ]);
    expect(analysis.exposureOf('src/app/app.component.ts').chain).toEqual(['src/main.ts (Angular bootstrap)', 'src/app/app.component.ts']);
  });

  it('Nuxt: pages and components ship through Vue script blocks; server/ stays on the server', async () => {
    const analysis = await analyseApp({
      'package.json': packageJson({ nuxt: '3.14.0' }),
      'pages/index.vue': `<template><Hello /></template>\n<script setup lang="ts">\nimport { engium } from '~/lib/engium';\nconsole.log(engium);\n</script>\n`,
      'lib/engium.ts': `import { region } from '../shared/region';\nexport const engium = region;\n`,
      'shared/region.ts': `export const region = 'eu';\n`,
      'server/api/keys.ts': `import { key } from '../../shared/server-key';\nexport default () => key.length;\n`,
      'shared/server-key.ts': `export const key = 'k';\n`,
    });
    expect(analysis.exposureOf('shared/region.ts').chain).toEqual(['pages/index.vue (Nuxt app code)', 'lib/engium.ts', 'shared/region.ts']);
    expect(analysis.exposureOf('shared/server-key.ts').exposure).toBe('server');
  });

  it('Gatsby pages, Create React App src/index, *.client.* files and clientEntries globs', async () => {
    const gatsby = await analyseApp({
      'package.json': packageJson({ gatsby: '5.14.0' }),
      'src/pages/index.tsx': `import { key } from '../lib/key';\nexport default () => key;\n`,
      'src/lib/key.ts': `export const key = 'k';\n`,
      'gatsby-node.ts': `import { build } from './src/build';\nexport const createPages = build;\n`,
      'src/build.ts': `export const build = () => undefined;\n`,
    });
    expect(gatsby.exposureOf('src/lib/key.ts').chain).toEqual(['src/pages/index.tsx (Gatsby page)', 'src/lib/key.ts']);
    expect(gatsby.exposureOf('src/build.ts').exposure).toBe('server');

    const cra = await analyseApp({
      'package.json': packageJson({ 'react-scripts': '5.0.1' }),
      'src/index.js': `import App from './App';\nApp();\n`,
      'src/App.js': `export default function App() {}\n`,
      'src/widget.client.ts': `export const widget = 1;\n`,
      'embed/loader.ts': `import { tag } from './tag';\nexport const load = tag;\n`,
      'embed/tag.ts': `export const tag = 1;\n`,
    }, { clientEntries: ['embed/loader.ts'] });
    expect(cra.exposureOf('src/App.js').chain).toEqual(['src/index.js (Create React App entry)', 'src/App.js']);
    expect(cra.exposureOf('src/widget.client.ts').chain).toEqual(['src/widget.client.ts (*.client.* file)']);
    expect(cra.exposureOf('embed/tag.ts').chain).toEqual(['embed/loader.ts (clientEntries in config)', 'embed/tag.ts']);
  });

  it('React Native: App.tsx is the entry', async () => {
    const analysis = await analyseApp({
      'package.json': packageJson({ 'react-native': '0.76.0', react: '18.3.0' }),
      'App.tsx': `import { Home } from './src/Home';\nexport default Home;\n`,
      'src/Home.tsx': `export const Home = () => null;\n`,
    });
    expect(analysis.exposureOf('src/Home.tsx').chain).toEqual(['App.tsx (React Native app entry)', 'src/Home.tsx']);
  });

  it('package.json main is a Node entry point for a Node package, not for a browser library', async () => {
    const analysis = await analyseApp({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/cli/package.json': JSON.stringify({
        name: 'cli',
        main: 'src/index.js',
        bin: { tool: 'src/bin.js' },
        scripts: { serve: 'node --loader ts-node/esm src/serve.ts', build: 'vite build' },
      }),
      'packages/cli/src/serve.ts': `export {};\n`,
      'packages/cli/src/index.js': `export const run = () => undefined;\n`,
      'packages/cli/src/bin.js': `import { run } from './index.js';\nrun();\n`,
      'packages/widgets/package.json': JSON.stringify({ name: 'widgets', main: 'src/index.js', peerDependencies: { react: '*' } }),
      'packages/widgets/src/index.js': `export const Widget = () => null;\n`,
    });
    expect(analysis.exposureOf('packages/cli/src/index.js').reason).toBe('only server code reaches it: packages/cli/src/index.js (Node entry point in package.json)');
    expect(analysis.exposureOf('packages/cli/src/serve.ts').reason).toBe('only server code reaches it: packages/cli/src/serve.ts (Node entry point in package.json)');
    expect(analysis.exposureOf('packages/widgets/src/index.js').exposure).toBe('unknown');
  });

  it('lists an alias that leads nowhere as a problem', async () => {
    const analysis = await analyseApp({
      'package.json': packageJson({ next: '15.0.0' }),
      'app/page.tsx': `'use client';\nimport { gone } from '@/lib/gone';\nexport default gone;\n`,
    });
    expect(analysis.problems).toEqual([{ file: 'app/page.tsx', reason: 'cannot resolve the alias "@/lib/gone"' }]);
  });

  it('a tsconfig extending the config Nuxt or SvelteKit generates, absent from a checkout, is no problem; a missing one of its own is', async () => {
    const analysis = await analyseApp({
      'package.json': packageJson({ nuxt: '4.0.0' }),
      'tsconfig.json': JSON.stringify({ extends: './.nuxt/tsconfig.json' }),
      'server/tsconfig.json': JSON.stringify({ extends: '../.nuxt/tsconfig.server.json' }),
      'kit/package.json': packageJson({ '@sveltejs/kit': '2.0.0' }),
      'kit/jsconfig.json': JSON.stringify({ extends: './.svelte-kit/tsconfig.json' }),
      'kit/src/routes/+page.svelte': "<script>\n  import { x } from '$lib/x.js';\n</script>\n",
      'kit/src/lib/x.js': 'export const x = 1;\n',
      'lib/tsconfig.json': JSON.stringify({ extends: './base/tsconfig.json' }),
      'app/app.vue': "<script setup lang=\"ts\">\nimport { n } from '~/constants';\n</script>\n",
      'app/constants/index.ts': 'export const n = 1;\n',
    });
    expect(analysis.problems.map(({ file }) => file)).toEqual(['lib/tsconfig.json']);
    expect(analysis.problems[0]?.reason).toMatch(/^tsconfig: .*lib\/base\/tsconfig\.json/);
    // The resolver knows the aliases the generated configs set.
    expect(analysis.exposureOf('app/constants/index.ts').exposure).toBe('client');
    expect(analysis.exposureOf('kit/src/lib/x.js').exposure).toBe('client');
  });

  it('finds server folders and index.html scripts in a repository without a package.json', async () => {
    const analysis = await analyseApp({
      'index.html': `<script type="module" src="./web/main.js"></script>\n`,
      'web/main.js': `import { ui } from './ui.js';\nui();\n`,
      'web/ui.js': `export const ui = () => undefined;\n`,
      'server/app.js': `import { db } from '../lib/db.js';\ndb();\n`,
      'lib/db.js': `export const db = () => undefined;\n`,
    });
    expect(analysis.exposureOf('web/ui.js').chain).toEqual(['web/main.js (script in index.html)', 'web/ui.js']);
    expect(analysis.exposureOf('lib/db.js').reason).toBe('only server code reaches it: server/app.js (server folder) → lib/db.js');
  });
});

describe('modules handed to the bundler by URL', () => {
  it('follows new Worker(new URL("./x.worker.ts", import.meta.url)) as an import: the worker ships with its page', async () => {
    const analysis = await analyseApp({
      'package.json': JSON.stringify({ name: 'app', private: true, devDependencies: { vite: '8.4.1' } }),
      'index.html': `<script type="module" src="/src/main.ts"></script>\n`,
      'src/main.ts': `const worker = new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module' });\nconst shared = new SharedWorker(new URL("./tabs.js", import.meta.url));\nworker.postMessage(shared);\n`,
      'src/sync.worker.ts': `import { headers } from './headers';\nself.onmessage = () => fetch('/x', { headers: headers() });\n`,
      'src/headers.ts': `export const headers = () => ({});\n`,
      'src/tabs.js': `onconnect = () => {};\n`,
    });
    expect(analysis.exposureOf('src/headers.ts').chain).toEqual(['src/main.ts (Vite entry in index.html)', 'src/sync.worker.ts', 'src/headers.ts']);
    expect(analysis.exposureOf('src/tabs.js').exposure).toBe('client');
  });
});
