#!/usr/bin/env node
// Writes examples/acme-shop: a small Next-style shop with fake Engium keys planted where keys leak
// (a public env variable, a committed .env.production, a client component's import, a server
// route, a base64-hidden key, a concatenated key, the README, and the built bundle with its
// hidden source map). Keys are generated, deterministic and fake. Run: node examples/generate-acme-shop.mjs
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { plantedKeys as keys } from './acme-shop-keys.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), 'acme-shop');

const files = {
  'package.json': `${JSON.stringify({ name: 'acme-shop', private: true, version: '1.0.0', scripts: { dev: 'next dev', build: 'next build' }, dependencies: { next: '^15.0.0', react: '^19.0.0', 'react-dom': '^19.0.0' } }, null, 2)}\n`,
  '.gitignore': 'node_modules/\n.next/\n.env.local\n',
  'tsconfig.json': `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'esnext', moduleResolution: 'bundler', jsx: 'preserve', strict: true, paths: { '@/*': ['./*'] } }, include: ['**/*.ts', '**/*.tsx'] }, null, 2)}\n`,
  '.env': [
    '# Shared defaults, committed.',
    'ENGIUM_TENANT_ID=3fa85f64-5717-4562-b3fc-2c963f66afa6',
    '# Quick hack to call the API from the booking widget:',
    `NEXT_PUBLIC_ENGIUM_API_KEY=${keys.publicEnv}`,
    '',
  ].join('\n'),
  '.env.local': ['# Developer secrets: gitignored, which is where keys belong.', `ENGIUM_API_KEY=${keys.localEnv}`, ''].join('\n'),
  '.env.production': ['# Production settings (committed by mistake).', `ENGIUM_API_KEY=${keys.productionEnv}`, 'ENGIUM_TENANT_ID=3fa85f64-5717-4562-b3fc-2c963f66afa6', ''].join('\n'),
  '.env.example': ['ENGIUM_API_KEY=eng_live_xxxxxxxxxxxx', 'ENGIUM_TENANT_ID=', ''].join('\n'),
  'README.md': [
    '# Acme Shop',
    '',
    'A small shop on Next.js that books appointments through the Engium API.',
    '',
    '## Setup',
    '',
    'Copy `.env.example` to `.env.local` and put your key there. For a quick try, the team sandbox key is',
    `\`${keys.readme}\` (please do not share it).`,
    '',
  ].join('\n'),
  'lib/engium.ts': [
    "import 'server-only';",
    '',
    "export const ENGIUM_BASE_URL = 'https://api.engium.app/api/v1';",
    '',
    'export async function engiumFetch(path: string, init: RequestInit = {}): Promise<Response> {',
    '  return fetch(`${ENGIUM_BASE_URL}${path}`, {',
    '    ...init,',
    '    headers: {',
    "      Authorization: `Bearer ${process.env.ENGIUM_API_KEY}`,",
    "      'X-Tenant-ID': process.env.ENGIUM_TENANT_ID ?? '',",
    "      'Content-Type': 'application/json',",
    '      ...init.headers,',
    '    },',
    '  });',
    '}',
    '',
  ].join('\n'),
  'lib/booking-client.ts': [
    '// Shared by the booking widget. Someone split the key to get past a grep in code review.',
    "const KEY_PREFIX = 'eng_' + 'live_';",
    `export const BOOKING_KEY = KEY_PREFIX + '${keys.concatenated.slice('eng_live_'.length)}';`,
    '',
    'export async function listSlots(day: string): Promise<unknown> {',
    '  const response = await fetch(`https://api.engium.app/api/v1/slots?day=${day}`, {',
    "    headers: { Authorization: `Bearer ${BOOKING_KEY}`, 'X-Tenant-ID': '3fa85f64-5717-4562-b3fc-2c963f66afa6' },",
    '  });',
    '  return response.json();',
    '}',
    '',
  ].join('\n'),
  'lib/legacy-config.ts': [
    '// Old integration, kept for the nightly export job.',
    `const ENCODED = '${Buffer.from(keys.hidden).toString('base64')}';`,
    '',
    'export function legacyKey(): string {',
    "  return Buffer.from(ENCODED, 'base64').toString('utf8');",
    '}',
    '',
  ].join('\n'),
  'app/api/bookings/route.ts': [
    "import { engiumFetch } from '@/lib/engium';",
    '',
    '// TODO: read from the environment once ops sets it up.',
    `const FALLBACK_KEY = '${keys.serverRoute}';`,
    '',
    'export async function POST(request: Request): Promise<Response> {',
    '  const body = await request.json();',
    "  const response = await engiumFetch('/bookings', { method: 'POST', body: JSON.stringify(body), headers: { 'X-Fallback': FALLBACK_KEY } });",
    '  return Response.json(await response.json(), { status: response.status });',
    '}',
    '',
  ].join('\n'),
  'app/layout.tsx': [
    "import type { ReactNode } from 'react';",
    '',
    'export default function RootLayout({ children }: { children: ReactNode }) {',
    '  return (',
    '    <html lang="en">',
    '      <body>{children}</body>',
    '    </html>',
    '  );',
    '}',
    '',
  ].join('\n'),
  'app/page.tsx': [
    "import { BookingWidget } from '@/components/BookingWidget';",
    '',
    'export default function Home() {',
    '  return (',
    '    <main>',
    '      <h1>Acme Shop</h1>',
    '      <BookingWidget />',
    '    </main>',
    '  );',
    '}',
    '',
  ].join('\n'),
  'components/BookingWidget.tsx': [
    "'use client';",
    '',
    "import { useEffect, useState } from 'react';",
    "import { listSlots } from '@/lib/booking-client';",
    '',
    `const DEMO_KEY = '${keys.widget}';`,
    '',
    'export function BookingWidget() {',
    '  const [slots, setSlots] = useState<unknown>(null);',
    '  useEffect(() => {',
    "    listSlots(new Date().toISOString().slice(0, 10)).then(setSlots);",
    "    console.debug('demo mode', DEMO_KEY.length, process.env.NEXT_PUBLIC_ENGIUM_API_KEY?.length);",
    '  }, []);',
    '  return <pre>{JSON.stringify(slots)}</pre>;',
    '}',
    '',
  ].join('\n'),
};

rmSync(root, { recursive: true, force: true });
for (const [path, content] of Object.entries(files)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

// The browser chunk, as `next build` would ship it: NEXT_PUBLIC_ variables inlined, a source map
// beside it with no sourceMappingURL comment (a "hidden" map).
await build({
  absWorkingDir: root,
  entryPoints: { 'static/chunks/app/page': 'components/BookingWidget.tsx' },
  outdir: join(root, '.next'),
  bundle: true,
  minify: true,
  format: 'esm',
  sourcemap: 'external',
  sourcesContent: false,
  jsx: 'automatic',
  external: ['react', 'react/jsx-runtime'],
  alias: { '@': root },
  define: { 'process.env.NEXT_PUBLIC_ENGIUM_API_KEY': JSON.stringify(keys.publicEnv) },
  logLevel: 'warning',
});
console.log(`wrote ${root}`);
// .next/ is committed here (with `git add -f`) so that a fresh clone has a bundle to scan. The
// .env.local is not: engium-scan asks git, and a committed .env.local is a leak, not the example
// of where keys belong that this one is.
