// The module graph on realistic small apps, through the built scanner's analyseProgram (what the
// scan command's classify step calls): each module's exposure, the chain that ships it, the
// readers of exported keys and public env variables, and built output.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseProgram, type ProgramAnalysis } from '../../packages/scanner/dist/graph/index.js';
import { expectNoFullKey, fakeKey, REPO_ROOT, tempDir, writeFiles } from '../support/index.js';
import { expoApp, monorepo, nextAppRouter, nextPagesRouter, nodeServer, svelteKit, viteReact, type FixtureApp } from './apps.js';

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(root, join(dir, entry.name)) : [relative(root, join(dir, entry.name)).split('\\').join('/')],
  );
}

async function analyse(app: FixtureApp, extra: Record<string, string> = {}): Promise<{ root: string; analysis: ProgramAnalysis }> {
  const root = tempDir('engium-graph-');
  writeFiles(root, { ...app.files, ...extra });
  const analysis = await analyseProgram(root, { files: listFiles(root) });
  return { root, analysis };
}

/** Every answer the analysis gives, as text: none may hold a key. */
function everything(analysis: ProgramAnalysis, files: readonly string[]): string {
  return JSON.stringify({ exposures: files.map((file) => analysis.exposureOf(file)), problems: analysis.problems });
}

function lineOf(app: FixtureApp, file: string, needle: string): number {
  const lines = (app.files[file] ?? '').split('\n');
  const index = lines.findIndex((line) => line.includes(needle));
  expect(index, `${needle} in ${file}`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

describe('Next.js app router', async () => {
  const app = nextAppRouter();
  const { analysis } = await analyse(app);

  it('ships what a "use client" page imports, with the chain from the page', () => {
    expect(analysis.exposureOf('lib/engium.ts')).toEqual({
      exposure: 'client',
      chain: ['app/dashboard/page.tsx ("use client")', 'lib/engium.ts'],
      reason: 'imported from the client entry app/dashboard/page.tsx ("use client")',
    });
    expect(analysis.exposureOf('components/Widget.tsx').chain).toEqual(['components/Widget.tsx ("use client")']);
  });

  it('keeps server components, route handlers, "use server" actions and server-only modules on the server', () => {
    for (const file of ['app/layout.tsx', 'app/page.tsx', 'app/api/charge/route.ts', 'lib/server-config.ts', 'app/actions.ts', 'lib/secrets.ts', 'lib/db.ts']) {
      expect(analysis.exposureOf(file).exposure, file).toBe('server');
    }
    expect(analysis.exposureOf('lib/server-config.ts').reason).toContain('app/api/charge/route.ts');
  });

  it('does not ship type-only imports', () => {
    // lib/plans.ts is `server-only` and imported by the client page with `import type` only.
    expect(analysis.exposureOf('lib/plans.ts').exposure).toBe('server');
  });

  it('follows an exported key through a barrel re-export to the client module that imports it', () => {
    const line = lineOf(app, 'lib/config/keys.ts', 'eng_live_');
    const readers = analysis.importersOfDefinition('lib/config/keys.ts', line);
    expect(readers).toEqual({
      exposure: {
        exposure: 'client',
        chain: ['app/dashboard/page.tsx ("use client")', 'lib/config/index.ts', 'lib/config/keys.ts'],
        reason: 'PARTNER_KEY from lib/config/keys.ts is imported by client code: app/dashboard/page.tsx',
      },
      readers: ['app/dashboard/page.tsx'],
    });
    expect(analysis.importersOfDefinition('lib/server-config.ts', 1)?.exposure.exposure).toBe('server');
    expect(analysis.importersOfDefinition('lib/server-config.ts', 1)?.readers).toEqual(['app/api/charge/route.ts']);
    expect(analysis.importersOfDefinition('lib/config/index.ts', 99)).toBeUndefined();
  });

  it('does not ship a key from a server-only module, a *.server.* file or a "use server" file to the client code that imports it', async () => {
    // Next.js fails the build of a client module that imports a `server-only` module, and turns a
    // "use server" module's exports into server references: the value never reaches the browser.
    const guarded = fakeKey('live', 105);
    const { analysis: guardedAnalysis } = await analyse(app, {
      'lib/guarded.ts': `import 'server-only';\nexport const GUARDED_KEY = '${guarded}';\n`,
      'lib/guarded-barrel.ts': `export { GUARDED_KEY } from './guarded';\n`,
      'lib/vault.server.ts': `export const VAULT_KEY = '${guarded}';\n`,
      'lib/actions-key.ts': `"use server";\nexport const ACTION_KEY = '${guarded}';\n`,
      'app/settings/page.tsx': `"use client";\nimport { GUARDED_KEY } from '@/lib/guarded-barrel';\nimport { VAULT_KEY } from '@/lib/vault.server';\nimport { ACTION_KEY } from '@/lib/actions-key';\nexport default function Settings() {\n  return <p>{GUARDED_KEY.length + VAULT_KEY.length + ACTION_KEY.length}</p>;\n}\n`,
    });
    for (const file of ['lib/guarded.ts', 'lib/vault.server.ts', 'lib/actions-key.ts']) {
      const verdict = guardedAnalysis.importersOfDefinition(file, 2 - Number(file.endsWith('.server.ts')));
      expect(verdict?.exposure.exposure, file).toBe('server');
      expect(verdict?.exposure.reason, file).toContain('app/settings/page.tsx');
      expect(verdict?.readers, file).toEqual(['app/settings/page.tsx']);
    }
    expect(guardedAnalysis.importersOfDefinition('lib/guarded.ts', 2)?.exposure.reason).toContain('server-only');
    // The marker stops one way in, not another: a client module that imports the file itself ships it.
    const { analysis: alsoDirect } = await analyse(app, {
      'lib/keys.ts': `export const DIRECT_KEY = '${guarded}';\n`,
      'lib/keys-barrel.server.ts': `export { DIRECT_KEY } from './keys';\n`,
      'app/direct/page.tsx': `"use client";\nimport '@/lib/keys';\nimport { DIRECT_KEY } from '@/lib/keys-barrel.server';\nexport default function Direct() {\n  return <p>{DIRECT_KEY.length}</p>;\n}\n`,
    });
    expect(alsoDirect.importersOfDefinition('lib/keys.ts', 1)?.exposure).toMatchObject({ exposure: 'client', chain: ['app/direct/page.tsx ("use client")', 'lib/keys.ts'] });
    // The barrel itself has no marker: it still ships what it defines, and what it re-exports is guarded above.
    expect(guardedAnalysis.exposureOf('lib/guarded-barrel.ts').exposure).toBe('client');
    expectNoFullKey(JSON.stringify(guardedAnalysis.importersOfDefinition('lib/guarded.ts', 2)), [guarded]);
  });

  it('names the client modules that read a public env variable', () => {
    expect(analysis.envReaders('NEXT_PUBLIC_ENGIUM_KEY')).toEqual({
      exposure: {
        exposure: 'client',
        chain: ['components/Widget.tsx ("use client")'],
        reason: 'Next.js inlines NEXT_PUBLIC_ variables into browser bundles; read by client code: components/Widget.tsx',
      },
      readers: ['components/Widget.tsx'],
    });
    // lib/secrets.ts reads ENGIUM_API_KEY, but only "use server" code imports it.
    expect(analysis.envReaders('ENGIUM_API_KEY')).toBeUndefined();
  });

  it('tells the browser build from the server build', () => {
    expect(analysis.buildExposure('.next/static/chunks/app/dashboard/page-3f2a.js', [])).toMatchObject({ exposure: 'client' });
    expect(analysis.buildExposure('.next/server/app/api/charge/route.js', [])).toMatchObject({ exposure: 'server' });
    const mapped = analysis.buildExposure('.next/static/chunks/app/dashboard/page-3f2a.js', ['lib/engium.ts']);
    expect(mapped.chain).toEqual(['app/dashboard/page.tsx ("use client")', 'lib/engium.ts']);
  });

  it('leaves modules no entry imports unknown, and never prints a key', () => {
    expect(analysis.exposureOf('scripts/seed.ts')).toMatchObject({ exposure: 'unknown' });
    expect(analysis.problems).toEqual([]);
    expectNoFullKey(everything(analysis, Object.keys(app.files)), app.keys);
  });
});

describe('Next.js pages router', async () => {
  const app = nextPagesRouter();
  const { analysis } = await analyse(app);

  it('ships pages and what they render, but not imports used only in getServerSideProps', () => {
    expect(analysis.exposureOf('components/Banner.jsx').chain).toEqual(['pages/index.tsx (Next.js pages router page)', 'components/Banner.jsx']);
    expect(analysis.exposureOf('lib/theme.js').chain).toEqual(['pages/index.tsx (Next.js pages router page)', 'components/Banner.jsx', 'lib/theme.js']);
    expect(analysis.exposureOf('lib/server-data.ts')).toEqual({
      exposure: 'server',
      reason: 'only server code reaches it: pages/index.tsx (Next.js page, server side) → lib/server-data.ts',
    });
    expect(analysis.importersOfDefinition('lib/server-data.ts', lineOf(app, 'lib/server-data.ts', 'fetchPosts()'))?.exposure.exposure).toBe('server');
  });

  it('keeps API routes and _document on the server', () => {
    expect(analysis.exposureOf('lib/api-client.ts').reason).toBe('only server code reaches it: pages/api/keys.ts (Next.js API route) → lib/api-client.ts');
    expect(analysis.exposureOf('lib/document-meta.ts').exposure).toBe('server');
    expect(analysis.exposureOf('pages/_app.tsx').exposure).toBe('client');
  });
});

describe('Vite React', async () => {
  const app = viteReact();
  const { analysis } = await analyse(app, {
    'dist/index.html': '<!doctype html><script type="module" src="/assets/index-4f1c.js"></script>',
    'dist/assets/index-4f1c.js': 'console.log(1);\n',
  });

  it('starts from the index.html module script and resolves tsconfig.app.json paths', () => {
    expect(analysis.exposureOf('src/api/client.ts').chain).toEqual(['src/main.tsx (Vite entry in index.html)', 'src/App.tsx', 'src/api/client.ts']);
    expect(analysis.exposureOf('server/engium.js').exposure).toBe('server');
    expect(analysis.exposureOf('server/engium.js').reason).toBe('only server code reaches it: server/engium.js (server folder)');
  });

  it('names import.meta.env readers and treats the Vite dist as a browser build', () => {
    expect(analysis.envReaders('VITE_ENGIUM_KEY')?.readers).toEqual(['src/env.ts']);
    expect(analysis.envReaders('VITE_ENGIUM_KEY')?.exposure.chain).toEqual(['src/main.tsx (Vite entry in index.html)', 'src/App.tsx', 'src/env.ts']);
    expect(analysis.buildExposure('dist/assets/index-4f1c.js', [])).toMatchObject({ exposure: 'client', chain: ['dist/assets/index-4f1c.js (Vite build in dist)'] });
    expect(analysis.buildExposure('dist/assets/index-4f1c.js', ['../../src/api/client.ts']).chain).toEqual([
      'src/main.tsx (Vite entry in index.html)',
      'src/App.tsx',
      'src/api/client.ts',
    ]);
  });
});

describe('SvelteKit', async () => {
  const app = svelteKit();
  const { analysis } = await analyse(app, { '.svelte-kit/output/server/entries/pages/_page.server.ts.js': 'export {}\n' });

  it('ships route components and what their scripts import, through $lib', () => {
    expect(analysis.exposureOf('src/lib/engium.ts').chain).toEqual(['src/routes/+page.svelte (SvelteKit route, runs in the browser)', 'src/lib/engium.ts']);
    expect(analysis.exposureOf('src/lib/format.ts').chain).toEqual([
      'src/routes/+page.svelte (SvelteKit route, runs in the browser)',
      'src/lib/components/Counter.svelte',
      'src/lib/format.ts',
    ]);
  });

  it('keeps +page.server, +server and $lib/server on the server', () => {
    for (const file of ['src/routes/+page.server.ts', 'src/routes/api/keys/+server.ts', 'src/lib/server/db.ts']) {
      expect(analysis.exposureOf(file).exposure, file).toBe('server');
    }
    expect(analysis.buildExposure('.svelte-kit/output/server/entries/pages/_page.server.ts.js', []).exposure).toBe('server');
    expect(analysis.buildExposure('.svelte-kit/output/client/_app/immutable/nodes/2.js', []).exposure).toBe('client');
  });

  it('names $env/static/public importers', () => {
    expect(analysis.envReaders('PUBLIC_ENGIUM_KEY')?.readers).toEqual(['src/routes/+page.svelte']);
    expect(analysis.envReaders('ENGIUM_API_KEY')).toBeUndefined();
  });
});

describe('Expo', async () => {
  const app = expoApp();
  const { analysis } = await analyse(app);

  it('ships expo-router screens and keeps +api routes on the server', () => {
    expect(analysis.exposureOf('lib/engium.ts').chain).toEqual(['app/index.tsx (Expo Router screen)', 'lib/engium.ts']);
    expect(analysis.exposureOf('lib/server-key.ts').reason).toBe('only server code reaches it: app/api/keys+api.ts (Expo API route) → lib/server-key.ts');
    expect(analysis.envReaders('EXPO_PUBLIC_ENGIUM_KEY')?.readers).toEqual(['lib/config.ts']);
  });

  it('lists the tsconfig it could not fully read, and goes on', () => {
    expect(analysis.problems).toEqual([expect.objectContaining({ file: 'tsconfig.json', reason: expect.stringContaining('expo/tsconfig.base') })]);
  });
});

describe('monorepo with paths aliases and workspace packages', async () => {
  const app = monorepo();
  const { analysis } = await analyse(app);

  it('follows workspace packages by name into their source, and paths aliases', () => {
    expect(analysis.exposureOf('packages/ui/src/config.ts').chain).toEqual([
      'apps/web/app/page.tsx ("use client")',
      'packages/ui/src/index.ts',
      'packages/ui/src/button.tsx',
      'packages/ui/src/config.ts',
    ]);
    expect(analysis.exposureOf('packages/shared/src/keys.ts').chain).toEqual(['apps/web/app/page.tsx ("use client")', 'packages/shared/src/keys.ts']);
  });

  it('resolves "." and "..", export subpaths and patterns, and build output not built yet to its source', async () => {
    const { analysis: unbuilt } = await analyse(app, {
      'packages/tokens/package.json': JSON.stringify({ name: '@acme/tokens', version: '1.0.0', main: 'dist/index.js', exports: { '.': './dist/index.js', './theme': './dist/theme/index.js', './icons/*': './dist/icons/*.js' } }),
      'packages/tokens/src/index.ts': `export const base = 1;\n`,
      'packages/tokens/src/theme/index.ts': `export const theme = 'teal';\n`,
      'packages/tokens/src/icons/star.ts': `export const star = '*';\n`,
      'packages/tokens/src/deep/thing/index.ts': `export const thing = 2;\n`,
      'apps/web/app/dots/index.ts': `export const dot = '.';\n`,
      'apps/web/app/dots/parent.ts': `export { dot } from '.';\n`,
      'apps/web/app/dots/inner/child.ts': `import { dot } from '..';\nexport const child = dot;\n`,
      'apps/web/app/dots/page.tsx': `"use client";\nimport { child } from './inner/child';\nimport { dot } from './parent';\nimport { base } from '@acme/tokens';\nimport { theme } from '@acme/tokens/theme';\nimport { star } from '@acme/tokens/icons/star';\nimport { thing } from '../../../../packages/tokens/dist/deep/thing';\nexport default function Page() {\n  return <p>{child}{dot}{base}{theme}{star}{thing}</p>;\n}\n`,
    });
    for (const file of ['apps/web/app/dots/index.ts', 'apps/web/app/dots/inner/child.ts', 'packages/tokens/src/index.ts', 'packages/tokens/src/theme/index.ts', 'packages/tokens/src/icons/star.ts', 'packages/tokens/src/deep/thing/index.ts']) {
      expect(unbuilt.exposureOf(file).exposure, file).toBe('client');
    }
    expect(unbuilt.problems).toEqual([]);
  });

  it('keeps what only the Node service imports on the server, and its build output', () => {
    expect(analysis.exposureOf('packages/shared/src/server-keys.ts')).toEqual({
      exposure: 'server',
      reason: 'only server code reaches it: apps/api/src/server.ts (Node entry point in package.json) → packages/shared/src/server-keys.ts',
    });
    expect(analysis.buildExposure('apps/api/dist/server.js', []).exposure).toBe('server');
    expect(analysis.problems).toEqual([]);
  });
});

describe('server frameworks that load code by convention, beside a browser app', async () => {
  const json = (value: unknown) => JSON.stringify(value);
  const app: FixtureApp = {
    keys: [],
    files: {
      'package.json': json({ name: 'platform', private: true, workspaces: ['apps/*'] }),
      'apps/web/package.json': json({ name: 'web', dependencies: { vite: '6.0.0', react: '19.0.0' } }),
      'apps/web/index.html': '<script type="module" src="/src/main.tsx"></script>\n',
      'apps/web/src/main.tsx': `console.log('web');\n`,
      'apps/api/package.json': json({ name: 'api', scripts: { start: 'nest start' }, dependencies: { '@nestjs/core': '11.0.0' } }),
      'apps/api/src/main.ts': `import { AppModule } from './app.module';\nconsole.log(AppModule);\n`,
      'apps/api/src/app.module.ts': `export class AppModule {}\n`,
      'apps/worker/package.json': json({ name: 'worker', scripts: { 'start:prod': 'node dist/worker' } }),
      'apps/worker/src/worker.ts': `import { job } from './job';\njob();\n`,
      'apps/worker/src/job.ts': `export const job = () => 1;\n`,
      'apps/shop/package.json': json({ name: 'shop', dependencies: { '@medusajs/framework': '2.0.0', '@medusajs/medusa': '2.0.0' } }),
      'apps/shop/src/api/store/custom/route.ts': `export const GET = () => 1;\n`,
      'apps/shop/src/admin/widgets/banner.tsx': `export default function Banner() { return null; }\n`,
      'apps/cms/package.json': json({ name: 'cms', dependencies: { '@strapi/strapi': '5.0.0' } }),
      'apps/cms/src/api/article/controllers/article.ts': `export default {};\n`,
      'apps/cms/config/server.ts': `export default {};\n`,
      'apps/cms/src/admin/app.tsx': `export default {};\n`,
      // Only the file a runner runs is an entry: not its flags' values, not another command's paths.
      'apps/mixed/package.json': json({ name: 'mixed', scripts: { dev: 'nodemon --watch src/server --ignore src/client -r dotenv/config src/server.ts && vite build src/web' } }),
      'apps/mixed/src/server.ts': `export const port = 3000;\n`,
      'apps/mixed/src/client/index.ts': `export const client = 1;\n`,
      'apps/mixed/src/web/main.ts': `export const web = 1;\n`,
    },
  };
  const { analysis } = await analyse(app);

  it('runs NestJS, Medusa and Strapi code and what `node dist/x` starts on the server, and their admin extensions in the browser', () => {
    for (const file of ['apps/api/src/app.module.ts', 'apps/worker/src/job.ts', 'apps/shop/src/api/store/custom/route.ts', 'apps/cms/src/api/article/controllers/article.ts', 'apps/cms/config/server.ts']) {
      expect(analysis.exposureOf(file).exposure, file).toBe('server');
    }
    for (const file of ['apps/shop/src/admin/widgets/banner.tsx', 'apps/cms/src/admin/app.tsx', 'apps/web/src/main.tsx']) {
      expect(analysis.exposureOf(file).exposure, file).toBe('client');
    }
    expect(analysis.exposureOf('apps/api/src/app.module.ts').reason).toContain('NestJS entry');
    expect(analysis.exposureOf('apps/mixed/src/server.ts').exposure).toBe('server');
    for (const file of ['apps/mixed/src/client/index.ts', 'apps/mixed/src/web/main.ts']) expect(analysis.exposureOf(file).exposure, file).toBe('unknown');
    expect(analysis.problems).toEqual([]);
  });
});

describe('Turborepo with nothing installed', async () => {
  const json = (value: unknown) => JSON.stringify(value);
  const app: FixtureApp = {
    keys: [],
    files: {
      'package.json': json({ name: 'turbo', private: true, workspaces: ['apps/*', 'packages/*'] }),
      'packages/typescript-config/package.json': json({ name: '@repo/typescript-config', version: '0.0.0', files: ['nextjs.json'] }),
      // The alias is the shared config's: the app's imports resolve only once it is read.
      'packages/typescript-config/nextjs.json': json({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', jsx: 'preserve', baseUrl: '.', paths: { '@ui/*': ['../ui/src/*'] } } }),
      'packages/ui/package.json': json({ name: '@repo/ui', version: '0.0.0' }),
      'packages/ui/src/keys.ts': `export const uiKey = 1;\n`,
      'apps/web/package.json': json({ name: 'web', dependencies: { next: '15.0.0', '@repo/ui': '*' }, devDependencies: { '@repo/typescript-config': '*' } }),
      'apps/web/tsconfig.json': json({ extends: '@repo/typescript-config/nextjs.json', include: ['**/*.ts', '**/*.tsx'] }),
      'apps/web/app/page.tsx': `"use client";\nimport { uiKey } from '@ui/keys';\nexport default function Page() {\n  return <p>{uiKey}</p>;\n}\n`,
    },
  };
  const { analysis } = await analyse(app);

  it('reads a tsconfig that extends a workspace package by name, through a node_modules that is not there', () => {
    expect(analysis.exposureOf('packages/ui/src/keys.ts')).toMatchObject({ exposure: 'client', chain: ['apps/web/app/page.tsx ("use client")', 'packages/ui/src/keys.ts'] });
    expect(analysis.problems).toEqual([]);
  });
});

describe('plain Node server', async () => {
  const app = nodeServer();
  const { analysis } = await analyse(app);

  it('is server code from the package.json main, with no tsconfig', () => {
    expect(analysis.exposureOf('src/engium-client.js')).toEqual({
      exposure: 'server',
      reason: 'only server code reaches it: src/index.js (Node entry point in package.json) → src/engium-client.js',
    });
    // Nothing in this repository reaches a browser: what no entry imports runs on a server too.
    expect(analysis.exposureOf('scripts/report.js')).toMatchObject({ exposure: 'server', reason: expect.stringContaining('no browser entry') });
  });

  it('lists an unresolvable import as a problem and goes on', () => {
    expect(analysis.problems).toEqual([{ file: 'src/broken.js', reason: 'cannot resolve "./does-not-exist.js"' }]);
    expect(analysis.exposureOf('src/broken.js').exposure).toBe('server');
  });

  it('names a missing import once for all its importers, and takes a tsconfig alias into node_modules for a package not installed', async () => {
    const { analysis: missing } = await analyse(app, {
      'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { react: ['./node_modules/@types/react'], '@gen/*': ['./generated/*'] } } }),
      'src/a.js': `import React from 'react';\nimport { schema } from '@gen/schema';\nimport '../src/broken.js';\nexport const a = [React, schema];\n`,
      'src/b.js': `import { schema } from '@gen/schema';\nexport const b = schema;\n`,
      'src/c.js': `import { schema } from '@gen/schema';\nexport const c = schema;\n`,
      // A relative import names a different file from each folder: one problem each.
      'src/d/d.js': `import { types } from './types.js';\nexport const d = types;\n`,
      'src/e/e.js': `import { types } from './types.js';\nexport const e = types;\n`,
      'src/index.js': `${app.files['src/index.js'] ?? ''}import './a.js';\nimport './b.js';\nimport './c.js';\nimport './d/d.js';\nimport './e/e.js';\n`,
    });
    expect(missing.problems).toEqual([
      { file: 'src/broken.js', reason: 'cannot resolve "./does-not-exist.js"' },
      { file: 'src/a.js', reason: 'cannot resolve "@gen/schema" through tsconfig paths (and in 2 other files)' },
      { file: 'src/d/d.js', reason: 'cannot resolve "./types.js"' },
      { file: 'src/e/e.js', reason: 'cannot resolve "./types.js"' },
    ]);
  });
});

it('loads ts-morph only in the graph module, so `engium-scan staged` never pays for it', () => {
  const scannerSource = join(REPO_ROOT, 'packages/scanner/src');
  const outside = listFiles(scannerSource).filter((file) => !file.startsWith('graph/') && file.endsWith('.ts'));
  expect(outside.length).toBeGreaterThan(0);
  for (const file of outside) {
    const text = readFileSync(join(scannerSource, file), 'utf8');
    // Type imports are erased; a value import or require would load it.
    const loads = text.split('\n').filter((line) => /['"]ts-morph['"]/.test(line) && !/^\s*import\s+type\b/.test(line));
    expect(loads, file).toEqual([]);
  }
});
