// The classify step's questions: who imports the binding a key is written in, who reads an env
// variable, what a built file is; and bad input that must not stop the analysis.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseProgram } from '../../src/graph/index.js';
import { expectNoFullKey, fakeKey } from '../../../../test/support/index.js';
import { analyseApp, listFiles, packageJson } from './support.js';

const nextApp = { 'package.json': packageJson({ next: '15.0.0', react: '19.0.0' }) };

describe('importersOfDefinition', async () => {
  const analysis = await analyseApp({
    ...nextApp,
    'lib/keys.ts': [
      `export const A = 'a';`,
      `const B = 'b';`,
      `export { B as RENAMED };`,
      `export default { key: 'default' };`,
      `const C = 'not exported';`,
      `export const D = 'only the server reads it';`,
      `export const E = 'read through a namespace';`,
    ].join('\n'),
    'lib/mixed.ts': `export const USED = 1;\nexport const SERVER_NAME = 2;\n`,
    'components/Mixed.tsx': `'use client';\nimport { USED } from '../lib/mixed';\nexport const m = USED;\n`,
    'app/api/mixed/route.ts': `import { SERVER_NAME } from '../../../lib/mixed';\nexport const GET = () => new Response(String(SERVER_NAME));\n`,
    'lib/legacy.js': `module.exports = {\n  key: 'cjs',\n};\n`,
    'lib/barrel.ts': `export * as keys from './keys';\nexport { RENAMED as R2 } from './keys';\n`,
    'lib/pass.ts': `import { A } from './keys';\nexport { A as PASSED };\n`,
    'components/Named.tsx': `'use client';\nimport { R2 } from '../lib/barrel';\nexport const x = R2;\n`,
    'components/Default.tsx': `'use client';\nimport config from '../lib/keys';\nexport const y = config;\n`,
    'components/Passed.tsx': `'use client';\nimport { PASSED } from '../lib/pass';\nexport const z = PASSED;\n`,
    'components/Lazy.tsx': `'use client';\nexport const load = () => import('../lib/legacy.js');\n`,
    'components/Namespace.tsx': `'use client';\nimport { keys } from '../lib/barrel';\nexport const w = keys.E;\n`,
    'app/api/route.ts': `import { D } from '../../lib/keys';\nexport const GET = () => new Response(D);\n`,
  });

  it('follows renamed, default, namespace and pass-through re-exports to client readers', () => {
    // `export * as keys` hands every binding to whoever imports the namespace.
    expect(analysis.importersOfDefinition('lib/keys.ts', 2)?.readers).toEqual(['components/Named.tsx', 'components/Namespace.tsx']);
    expect(analysis.importersOfDefinition('lib/keys.ts', 2)?.exposure.chain?.slice(1)).toEqual(['lib/barrel.ts', 'lib/keys.ts']);
    expect(analysis.importersOfDefinition('lib/keys.ts', 4)?.readers).toEqual(['components/Default.tsx', 'components/Namespace.tsx']);
    expect(analysis.importersOfDefinition('lib/keys.ts', 1)?.exposure.chain).toEqual(['components/Passed.tsx ("use client")', 'lib/pass.ts', 'lib/keys.ts']);
    expect(analysis.importersOfDefinition('lib/keys.ts', 7)?.readers).toEqual(['components/Namespace.tsx']);
  });

  it('counts dynamic import() of a CommonJS module as reading it', () => {
    expect(analysis.importersOfDefinition('lib/legacy.js', 2)).toMatchObject({ exposure: { exposure: 'client' }, readers: ['components/Lazy.tsx'] });
  });

  it('is undefined off exported bindings, and the module verdict when no client reader imports the binding', () => {
    expect(analysis.importersOfDefinition('lib/keys.ts', 5)).toBeUndefined();
    expect(analysis.importersOfDefinition('lib/keys.ts', 40)).toBeUndefined();
    // lib/mixed.ts ships (a client module imports it), so SERVER_NAME cannot be called server
    // even though only a route imports it: the module verdict stands.
    expect(analysis.importersOfDefinition('lib/mixed.ts', 2)).toEqual({
      exposure: { exposure: 'client', chain: ['components/Mixed.tsx ("use client")', 'lib/mixed.ts'], reason: 'imported from the client entry components/Mixed.tsx ("use client")' },
      readers: ['app/api/mixed/route.ts'],
    });
  });
});

describe('envReaders', async () => {
  const analysis = await analyseApp({
    ...nextApp,
    'components/A.tsx': `'use client';\nconst { NEXT_PUBLIC_A: a } = process.env;\nexport const x = a;\n`,
    'components/B.tsx': `'use client';\nexport const y = process.env['NEXT_PUBLIC_B'];\n// process.env.NEXT_PUBLIC_C is mentioned only in this comment\n`,
    'components/C.tsx': `'use client';\nexport const z = process.env.ENGIUM_API_KEY;\n`,
    'app/api/route.ts': `export const GET = () => new Response(process.env.NEXT_PUBLIC_D);\n`,
  });

  it('finds destructured and bracketed reads, not comments nor server modules', () => {
    expect(analysis.envReaders('NEXT_PUBLIC_A')?.readers).toEqual(['components/A.tsx']);
    expect(analysis.envReaders('NEXT_PUBLIC_B')?.readers).toEqual(['components/B.tsx']);
    expect(analysis.envReaders('NEXT_PUBLIC_C')).toBeUndefined();
    expect(analysis.envReaders('NEXT_PUBLIC_D')).toBeUndefined();
  });

  it('keeps a variable without a public prefix on the server where the framework hands browsers its public ones alone, even when client code reads it', () => {
    expect(analysis.envReaders('ENGIUM_API_KEY')).toMatchObject({ exposure: { exposure: 'server' }, readers: ['components/C.tsx'] });
    expect(analysis.envReaders('ENGIUM_API_KEY')?.exposure.reason).toBe(
      'Next.js inlines only NEXT_PUBLIC_ variables and those next.config.js `env` names into browser code, so ENGIUM_API_KEY is undefined in components/C.tsx there',
    );
  });

  it('leaves it unknown where no framework says so: a bundler config it does not read may inline it', async () => {
    const plain = await analyseApp({
      'package.json': packageJson({ webpack: '5.0.0' }),
      'index.html': `<script src="src/main.js"></script>\n`,
      'src/main.js': `console.log(process.env.ENGIUM_API_KEY);\n`,
    });
    expect(plain.envReaders('ENGIUM_API_KEY')).toMatchObject({ exposure: { exposure: 'unknown' }, readers: ['src/main.js'] });
    // A client module of a Next.js package and one of a plain package read it: the plain one decides.
    const mixed = await analyseApp({
      'package.json': packageJson({}),
      'web/package.json': packageJson({ next: '15.0.0', react: '19.0.0' }),
      'web/components/C.tsx': `'use client';\nexport const z = process.env.ENGIUM_API_KEY;\n`,
      'widget/index.html': `<script src="main.js"></script>\n`,
      'widget/main.js': `console.log(process.env.ENGIUM_API_KEY);\n`,
    });
    expect(mixed.envReaders('ENGIUM_API_KEY')).toMatchObject({ exposure: { exposure: 'unknown' }, readers: ['web/components/C.tsx', 'widget/main.js'] });
  });

  it('calls a variable client when next.config or vite.config inlines it under any name', async () => {
    const next = await analyseApp({
      ...nextApp,
      'next.config.mjs': `export default {\n  env: {\n    ENGIUM_KEY: process.env.ENGIUM_KEY,\n  },\n};\n`,
      'components/A.tsx': `'use client';\nexport const a = process.env.ENGIUM_KEY;\nexport const b = process.env.OTHER_KEY;\n`,
    });
    expect(next.envReaders('ENGIUM_KEY')?.exposure).toMatchObject({ exposure: 'client', chain: ['components/A.tsx ("use client")'] });
    expect(next.envReaders('ENGIUM_KEY')?.exposure.reason).toContain('next.config.mjs:3 inlines ENGIUM_KEY into browser code');
    expect(next.envReaders('OTHER_KEY')?.exposure.exposure).toBe('server');
    const vite = await analyseApp({
      'package.json': packageJson({ vite: '6.0.0' }),
      'vite.config.ts': `export default { define: { 'import.meta.env.ENGIUM_KEY': JSON.stringify(process.env.ENGIUM_KEY) } };\n`,
      'index.html': `<script type="module" src="/src/main.ts"></script>\n`,
      'src/main.ts': `console.log(import.meta.env.ENGIUM_KEY);\n`,
    });
    expect(vite.envReaders('ENGIUM_KEY')?.exposure.exposure).toBe('client');
  });

  it('honours extra public prefixes from config', async () => {
    const custom = await analyseApp({ ...nextApp, 'components/A.tsx': `'use client';\nexport const a = process.env.MYAPP_PUBLIC_KEY;\n` }, { publicEnvPrefixes: ['MYAPP_PUBLIC_'] });
    expect(custom.envReaders('MYAPP_PUBLIC_KEY')?.exposure.exposure).toBe('client');
  });

  it('reads SvelteKit $env/dynamic/public through env.X', async () => {
    const kit = await analyseApp({
      'package.json': packageJson({ '@sveltejs/kit': '2.8.0' }),
      'src/routes/+page.ts': `import { env } from '$env/dynamic/public';\nexport const load = () => ({ key: env.PUBLIC_ENGIUM_KEY });\n`,
    });
    expect(kit.envReaders('PUBLIC_ENGIUM_KEY')?.readers).toEqual(['src/routes/+page.ts']);
  });
});

it('ships JSON data a client module imports', async () => {
  const analysis = await analyseApp({
    ...nextApp,
    'components/Config.tsx': `'use client';\nimport config from '../config/public.json';\nexport const c = config;\n`,
    'config/public.json': `{ "region": "eu" }\n`,
    'config/server.json': `{ "region": "eu" }\n`,
  });
  expect(analysis.exposureOf('config/public.json').chain).toEqual(['components/Config.tsx ("use client")', 'config/public.json']);
  expect(analysis.exposureOf('config/server.json').exposure).toBe('unknown');
});

describe('buildExposure', async () => {
  const analysis = await analyseApp({
    ...nextApp,
    'components/Widget.tsx': `'use client';\nexport const w = 1;\n`,
    'app/api/route.ts': `import { db } from '../../lib/db';\nexport const GET = () => new Response(String(db));\n`,
    'lib/db.ts': `export const db = 1;\n`,
  });

  it('uses the source map: client sources ship the bundle, server-only sources keep it on the server', () => {
    expect(analysis.buildExposure('out/chunk.js', ['../components/Widget.tsx']).chain).toEqual(['components/Widget.tsx ("use client")']);
    // Bundler schemes (webpack://app/./lib/db.ts) are read by the analyse stage (analyse/source-url.ts): paths arrive here.
    expect(analysis.buildExposure('out/api.js', ['lib/db.ts', 'app/api/route.ts']).exposure).toBe('server');
    expect(analysis.buildExposure('out/other.js', ['node_modules/react/index.js']).exposure).toBe('unknown');
  });
});

describe('bad input never stops the analysis', () => {
  it('lists binary modules, broken tsconfig and package.json, syntax errors, and goes on', async () => {
    const analysis = await analyseApp({
      'package.json': '{ "name": ',
      'tsconfig.json': '{ "compilerOptions": { "paths": ',
      'src/app.tsx': `'use client';\nimport { weird } from './weird';\nimport { blob } from './blob';\nimport { ok } from './ok';\nexport const app = [weird, blob, ok];\n`,
      'src/weird.ts': `export const weird = ((( ;\nimport { deep } from './deep';\nexport { deep };\n`,
      'src/deep.ts': `export const deep = 1;\n`,
      'src/blob.ts': Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]),
      'src/ok.ts': `export const ok = 1;\n`,
    });
    expect(analysis.exposureOf('src/ok.ts').exposure).toBe('client');
    // Imports after a syntax error are still edges: the pre-processor scans tokens, not a tree.
    expect(analysis.exposureOf('src/deep.ts').chain).toEqual(['src/app.tsx ("use client")', 'src/weird.ts', 'src/deep.ts']);
    expect(analysis.problems).toEqual(
      expect.arrayContaining([
        { file: 'package.json', reason: expect.stringContaining('package.json not read') },
        { file: 'tsconfig.json', reason: expect.stringContaining('tsconfig') },
        { file: 'src/blob.ts', reason: 'binary content, not a module' },
      ]),
    );
    expect(analysis.importersOfDefinition('src/blob.ts', 1)).toBeUndefined();
  });

  it('gives a module that may hold a key and does not parse an unknown verdict, with the syntax error listed', async () => {
    const key = fakeKey('live', 9);
    const analysis = await analyseApp({
      ...nextApp,
      'components/Pay.tsx': `'use client';\nimport { KEY } from '../lib/broken';\nexport const pay = KEY;\n`,
      'lib/broken.ts': `export const KEY = '${key}';\nexport const oops = {{;\n`,
    });
    expect(analysis.exposureOf('lib/broken.ts')).toEqual({ exposure: 'unknown', reason: "the module does not parse (line 2: Property assignment expected.)" });
    expect(analysis.importersOfDefinition('lib/broken.ts', 1)).toBeUndefined();
    expect(analysis.problems).toEqual([{ file: 'lib/broken.ts', reason: 'syntax error, line 2: Property assignment expected.' }]);
    expectNoFullKey(JSON.stringify(analysis.problems), [key]);
  });

  it('presumes a module no walk reaches server in a repository with no browser entry, without parsing it', async () => {
    const key = fakeKey('live', 10);
    const analysis = await analyseApp({
      'package.json': JSON.stringify({ name: 'svc', main: 'src/index.js' }),
      'src/index.js': `console.log('up');\n`,
      'scripts/broken.ts': `export const KEY = '${key}';\nexport const oops = {{;\n`,
    });
    expect(analysis.exposureOf('scripts/broken.ts')).toMatchObject({ exposure: 'server', presumed: true, reason: expect.stringContaining('no browser entry') });
    // Not parsed: its syntax error is nowhere.
    expect(analysis.problems).toEqual([]);
  });

  it('survives symlink loops and resolves workspace packages linked into node_modules to their source', async () => {
    const analysis = await analyseApp({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['web', 'ui'] }),
      'web/package.json': packageJson({ next: '15.0.0', '@acme/ui': '*' }),
      'web/app/page.tsx': `'use client';\nimport { Button } from '@acme/ui';\nexport default Button;\n`,
      'ui/package.json': JSON.stringify({ name: '@acme/ui', main: 'src/index.ts' }),
      'ui/src/index.ts': `export const Button = 1;\n`,
    });
    // Re-run over the same tree with a real node_modules link and a loop.
    mkdirSync(join(analysis.root, 'node_modules/@acme'), { recursive: true });
    symlinkSync(join(analysis.root, 'ui'), join(analysis.root, 'node_modules/@acme/ui'));
    symlinkSync(join(analysis.root, 'web'), join(analysis.root, 'web/app/loop'));
    const files = listFiles(analysis.root).filter((file) => !file.startsWith('node_modules/') && !file.includes('/loop/'));
    const linked = await analyseProgram(analysis.root, { files });
    for (const result of [analysis, linked]) {
      expect(result.exposureOf('ui/src/index.ts').chain).toEqual(['web/app/page.tsx ("use client")', 'ui/src/index.ts']);
      expect(result.problems).toEqual([]);
    }
  });
});
