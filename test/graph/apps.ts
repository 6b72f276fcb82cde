// Small, realistic apps for the module-graph tests, one per framework the graph knows. Keys are
// made by `fakeKey` at run time, so no key is committed; each app lists where its keys are written.
import { fakeKey } from '../support/index.js';

export interface FixtureApp {
  files: Record<string, string>;
  keys: string[];
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

export function nextAppRouter(): FixtureApp {
  const live = fakeKey('live', 101);
  const publicLive = fakeKey('live', 102);
  const serverLive = fakeKey('live', 103);
  const barrelLive = fakeKey('live', 104);
  return {
    keys: [live, publicLive, serverLive, barrelLive],
    files: {
      'package.json': json({ name: 'shop', private: true, dependencies: { next: '15.1.0', react: '19.0.0', 'server-only': '0.0.1' } }),
      'tsconfig.json': json({
        compilerOptions: { target: 'ES2022', module: 'esnext', moduleResolution: 'bundler', jsx: 'preserve', strict: true, paths: { '@/*': ['./*'] } },
        include: ['**/*.ts', '**/*.tsx'],
      }),
      '.env.local': `NEXT_PUBLIC_ENGIUM_KEY=${publicLive}\n`,
      'app/layout.tsx': `import { tenant } from '@/lib/db';\nexport default function RootLayout({ children }: { children: React.ReactNode }) {\n  return <html data-tenant={tenant}><body>{children}</body></html>;\n}\n`,
      'app/page.tsx': `import { Widget } from '@/components/Widget';\nexport default function Home() {\n  return <Widget />;\n}\n`,
      'app/dashboard/page.tsx': `"use client";\nimport { useState } from 'react';\nimport { ENGIUM_KEY } from '@/lib/engium';\nimport { PARTNER_KEY } from '@/lib/config';\nimport { saveSettings } from '../actions';\nimport type { Plan } from '@/lib/plans';\n\nexport default function Dashboard() {\n  const [plan] = useState<Plan | null>(null);\n  return <form action={saveSettings}>{ENGIUM_KEY.slice(0, 4)}{PARTNER_KEY.length}{plan?.name}</form>;\n}\n`,
      'app/actions.ts': `"use server";\nimport { SECRET } from '@/lib/secrets';\nexport async function saveSettings(data: FormData) {\n  await fetch('https://api.engium.app/api/v1/settings', { headers: { Authorization: \`Bearer \${SECRET}\` }, body: data });\n}\n`,
      'app/api/charge/route.ts': `import { SERVER_KEY } from '@/lib/server-config';\nexport async function POST() {\n  return Response.json({ ok: SERVER_KEY.length > 0 });\n}\n`,
      'components/Widget.tsx': `'use client';\nexport function Widget() {\n  const key = process.env.NEXT_PUBLIC_ENGIUM_KEY;\n  return <span>{key?.slice(0, 4)}</span>;\n}\n`,
      'lib/engium.ts': `export const ENGIUM_KEY = '${live}';\n`,
      'lib/config/index.ts': `export * from './keys';\nexport { region } from './region';\n`,
      'lib/config/keys.ts': `export const PARTNER_KEY =\n  '${barrelLive}';\nexport const UNUSED = 1;\n`,
      'lib/config/region.ts': `export const region = 'eu';\n`,
      'lib/plans.ts': `import 'server-only';\nexport interface Plan { name: string }\n`,
      'lib/db.ts': `import 'server-only';\nexport const tenant = '00000000-0000-4000-8000-000000000000';\n`,
      'lib/secrets.ts': `export const SECRET = process.env.ENGIUM_API_KEY ?? '';\n`,
      'lib/server-config.ts': `export const SERVER_KEY = '${serverLive}';\n`,
      'scripts/seed.ts': `console.log('seed');\n`,
    },
  };
}

export function nextPagesRouter(): FixtureApp {
  const live = fakeKey('live', 201);
  const test = fakeKey('test', 202);
  return {
    keys: [live, test],
    files: {
      'package.json': json({ name: 'blog', private: true, dependencies: { next: '14.2.0', react: '18.3.0' } }),
      'tsconfig.json': json({ compilerOptions: { jsx: 'preserve', module: 'esnext', moduleResolution: 'node', baseUrl: '.', allowJs: true }, include: ['**/*'] }),
      'pages/index.tsx': `import { fetchPosts, type Post } from '../lib/server-data';\nimport { Banner } from '../components/Banner';\n\nexport default function Home({ posts }: { posts: Post[] }) {\n  return <Banner count={posts.length} />;\n}\n\nexport async function getServerSideProps() {\n  return { props: { posts: await fetchPosts() } };\n}\n`,
      'pages/_app.tsx': `import type { AppProps } from 'next/app';\nimport '../styles/globals.css';\nexport default function App({ Component, pageProps }: AppProps) {\n  return <Component {...pageProps} />;\n}\n`,
      'pages/_document.tsx': `import { Html, Head, Main, NextScript } from 'next/document';\nimport { analyticsId } from '../lib/document-meta';\nexport default function Document() {\n  return <Html><Head data-id={analyticsId} /><body><Main /><NextScript /></body></Html>;\n}\n`,
      'pages/api/keys.ts': `import { engium } from '../../lib/api-client';\nexport default function handler(_req: unknown, res: { json(value: unknown): void }) {\n  res.json(engium);\n}\n`,
      'lib/server-data.ts': `export interface Post { title: string }\nconst KEY = '${live}';\nexport async function fetchPosts(): Promise<Post[]> {\n  const response = await fetch('https://api.engium.app/api/v1/posts', { headers: { Authorization: \`Bearer \${KEY}\` } });\n  return response.json();\n}\n`,
      'lib/api-client.ts': `export const engium = { key: '${test}' };\n`,
      'lib/document-meta.ts': `export const analyticsId = 'UA-1';\n`,
      'components/Banner.jsx': `import { theme } from '../lib/theme';\nexport function Banner({ count }) {\n  return <div style={{ color: theme }}>{count}</div>;\n}\n`,
      'lib/theme.js': `export const theme = 'teal';\n`,
      'styles/globals.css': `body { margin: 0 }\n`,
    },
  };
}

export function viteReact(): FixtureApp {
  const live = fakeKey('live', 301);
  const publicTest = fakeKey('test', 302);
  const serverLive = fakeKey('live', 303);
  return {
    keys: [live, publicTest, serverLive],
    files: {
      'package.json': json({ name: 'vite-dash', private: true, type: 'module', scripts: { dev: 'vite', api: 'node server/index.js' }, dependencies: { react: '18.3.0', express: '4.21.0' }, devDependencies: { vite: '6.0.0' } }),
      'tsconfig.json': json({ files: [], references: [{ path: './tsconfig.app.json' }, { path: './tsconfig.node.json' }] }),
      'tsconfig.app.json': json({ compilerOptions: { target: 'ES2020', module: 'ESNext', moduleResolution: 'bundler', jsx: 'react-jsx', paths: { '@/*': ['./src/*'] } }, include: ['src'] }),
      'tsconfig.node.json': json({ compilerOptions: { module: 'ESNext', moduleResolution: 'bundler' }, include: ['vite.config.ts'] }),
      'vite.config.ts': `import { defineConfig } from 'vite';\nexport default defineConfig({});\n`,
      'index.html': `<!doctype html>\n<html>\n  <body>\n    <div id="root"></div>\n    <script type="module" src="/src/main.tsx"></script>\n  </body>\n</html>\n`,
      '.env': `VITE_ENGIUM_KEY=${publicTest}\n`,
      'src/main.tsx': `import { createRoot } from 'react-dom/client';\nimport App from './App';\ncreateRoot(document.getElementById('root')!).render(<App />);\n`,
      'src/App.tsx': `import { client } from '@/api/client';\nimport { engiumKey } from './env';\nexport default function App() {\n  return <p>{client.baseUrl}{engiumKey.length}</p>;\n}\n`,
      'src/api/client.ts': `export const client = {\n  baseUrl: 'https://api.engium.app/api/v1',\n  key: '${live}',\n};\n`,
      'src/env.ts': `export const engiumKey: string = import.meta.env.VITE_ENGIUM_KEY;\n`,
      'server/index.js': `import express from 'express';\nimport { key } from './engium.js';\nexpress().get('/', (_req, res) => res.send(key.length)).listen(3000);\n`,
      'server/engium.js': `export const key = '${serverLive}';\n`,
    },
  };
}

export function svelteKit(): FixtureApp {
  const live = fakeKey('live', 401);
  const publicLive = fakeKey('live', 402);
  const privateLive = fakeKey('live', 403);
  return {
    keys: [live, publicLive, privateLive],
    files: {
      'package.json': json({ name: 'kit-app', private: true, type: 'module', devDependencies: { '@sveltejs/kit': '2.8.0', svelte: '5.1.0', vite: '6.0.0' } }),
      'svelte.config.js': `export default { kit: {} };\n`,
      'tsconfig.json': json({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', strict: true } }),
      '.env': `PUBLIC_ENGIUM_KEY=${publicLive}\nENGIUM_API_KEY=${privateLive}\n`,
      'src/routes/+page.svelte': `<script lang="ts">\n  import { engium } from '$lib/engium';\n  import Counter from '$lib/components/Counter.svelte';\n  import { PUBLIC_ENGIUM_KEY } from '$env/static/public';\n  export let data;\n</script>\n\n<h1>{data.title}</h1>\n<Counter key={PUBLIC_ENGIUM_KEY} />\n<p>{engium.region}</p>\n`,
      'src/routes/+page.server.ts': `import { db } from '$lib/server/db';\nexport async function load() {\n  return { title: await db.title() };\n}\n`,
      'src/routes/api/keys/+server.ts': `import { ENGIUM_API_KEY } from '$env/static/private';\nimport { json } from '@sveltejs/kit';\nexport function GET() {\n  return json({ length: ENGIUM_API_KEY.length });\n}\n`,
      'src/lib/engium.ts': `export const engium = { region: 'eu', key: '${live}' };\n`,
      'src/lib/components/Counter.svelte': `<script lang="ts">\n  import { format } from '../format';\n  export let key: string;\n</script>\n<button>{format(key)}</button>\n`,
      'src/lib/format.ts': `export const format = (value: string) => value.slice(0, 4);\n`,
      'src/lib/server/db.ts': `import { ENGIUM_API_KEY } from '$env/static/private';\nexport const db = { title: async () => ENGIUM_API_KEY.slice(0, 0) + 'Home' };\n`,
    },
  };
}

export function expoApp(): FixtureApp {
  const live = fakeKey('live', 501);
  const publicLive = fakeKey('live', 502);
  const serverLive = fakeKey('live', 503);
  return {
    keys: [live, publicLive, serverLive],
    files: {
      'package.json': json({ name: 'mobile', private: true, main: 'expo-router/entry', dependencies: { expo: '52.0.0', 'expo-router': '4.0.0', 'react-native': '0.76.0', react: '18.3.0' } }),
      'tsconfig.json': json({ extends: 'expo/tsconfig.base', compilerOptions: { strict: true, paths: { '@/*': ['./*'] } } }),
      '.env': `EXPO_PUBLIC_ENGIUM_KEY=${publicLive}\n`,
      'app/_layout.tsx': `import { Stack } from 'expo-router';\nexport default function Layout() {\n  return <Stack />;\n}\n`,
      'app/index.tsx': `import { Text } from 'react-native';\nimport { engium } from '@/lib/engium';\nimport { publicKey } from '@/lib/config';\nexport default function Home() {\n  return <Text>{engium.key.length + publicKey.length}</Text>;\n}\n`,
      'app/api/keys+api.ts': `import { SERVER_KEY } from '../../lib/server-key';\nexport function GET() {\n  return Response.json({ length: SERVER_KEY.length });\n}\n`,
      'lib/engium.ts': `export const engium = { key: '${live}' };\n`,
      'lib/config.ts': `export const publicKey = process.env.EXPO_PUBLIC_ENGIUM_KEY ?? '';\n`,
      'lib/server-key.ts': `export const SERVER_KEY = '${serverLive}';\n`,
    },
  };
}

export function monorepo(): FixtureApp {
  const uiLive = fakeKey('live', 601);
  const sharedLive = fakeKey('live', 602);
  const serverLive = fakeKey('live', 603);
  return {
    keys: [uiLive, sharedLive, serverLive],
    files: {
      'package.json': json({ name: 'acme', private: true, workspaces: ['apps/*', 'packages/*'] }),
      'tsconfig.base.json': json({
        compilerOptions: { module: 'esnext', moduleResolution: 'bundler', jsx: 'preserve', strict: true, paths: { '@acme/shared/*': ['./packages/shared/src/*'] } },
      }),
      'apps/web/package.json': json({ name: '@acme/web', private: true, dependencies: { next: '15.1.0', react: '19.0.0', '@acme/ui': '*', '@acme/shared': '*' } }),
      'apps/web/tsconfig.json': json({ extends: '../../tsconfig.base.json', include: ['**/*.ts', '**/*.tsx'] }),
      'apps/web/app/page.tsx': `"use client";\nimport { Button } from '@acme/ui';\nimport { SHARED_KEY } from '@acme/shared/keys';\nexport default function Page() {\n  return <Button label={SHARED_KEY.slice(0, 2)} />;\n}\n`,
      'packages/ui/package.json': json({ name: '@acme/ui', version: '1.0.0', main: 'dist/index.js', types: 'dist/index.d.ts' }),
      'packages/ui/tsconfig.json': json({ extends: '../../tsconfig.base.json', compilerOptions: { outDir: 'dist', rootDir: 'src' }, include: ['src'] }),
      'packages/ui/src/index.ts': `export * from './button';\n`,
      'packages/ui/src/button.tsx': `import { engium } from './config';\nexport function Button({ label }: { label: string }) {\n  return <button data-key={engium.key.length}>{label}</button>;\n}\n`,
      'packages/ui/src/config.ts': `export const engium = { key: '${uiLive}' };\n`,
      'packages/shared/package.json': json({ name: '@acme/shared', version: '1.0.0', exports: { './*': './src/*.ts' } }),
      'packages/shared/src/keys.ts': `export const SHARED_KEY = '${sharedLive}';\n`,
      'packages/shared/src/server-keys.ts': `export const SERVER_KEY = '${serverLive}';\n`,
      'apps/api/package.json': json({ name: '@acme/api', private: true, main: 'dist/server.js', scripts: { dev: 'tsx src/server.ts', start: 'node dist/server.js' }, dependencies: { fastify: '5.0.0', '@acme/shared': '*' } }),
      'apps/api/tsconfig.json': json({ extends: '../../tsconfig.base.json', compilerOptions: { outDir: 'dist', rootDir: 'src' }, include: ['src'] }),
      'apps/api/src/server.ts': `import Fastify from 'fastify';\nimport { SERVER_KEY } from '@acme/shared/server-keys';\nFastify().get('/', async () => SERVER_KEY.length).listen({ port: 3000 });\n`,
      'apps/api/dist/server.js': `import Fastify from 'fastify';\nconst SERVER_KEY = 'compiled';\nFastify().get('/', async () => SERVER_KEY.length).listen({ port: 3000 });\n`,
    },
  };
}

export function nodeServer(): FixtureApp {
  const live = fakeKey('live', 701);
  return {
    keys: [live],
    files: {
      'package.json': json({ name: 'billing', version: '1.0.0', type: 'module', main: 'src/index.js', dependencies: { express: '4.21.0' } }),
      'src/index.js': `import express from 'express';\nimport { engium } from './engium-client.js';\nimport './broken.js';\nconst app = express();\napp.get('/', async (_req, res) => res.json(await engium.get('/invoices')));\napp.listen(3000);\n`,
      'src/engium-client.js': `const KEY = '${live}';\nexport const engium = {\n  get: (path) => fetch('https://api.engium.app/api/v1' + path, { headers: { Authorization: 'Bearer ' + KEY } }),\n};\n`,
      'src/broken.js': `import { nothing } from './does-not-exist.js';\nexport const x = nothing;\n`,
      'scripts/report.js': `import '../src/broken.js';\n`,
    },
  };
}
