import { describe, expect, it } from 'vitest';
import {
  APP_CONFIG_MODULES,
  appConfigModule,
  componentMarker,
  DEFAULT_KEY_BEARING_NAME,
  DIRECTIVE_MARKERS,
  fileMarker,
  isKeyBearingEnvName,
  MARKER_IMPORTS,
  pathMarker,
  prologueDirectives,
  PUBLIC_ENV_PREFIXES,
  publicEnvPrefix,
  SERVER_ONLY_MARKER,
  SVELTEKIT_ENV_MODULES,
  svelteKitEnvModule,
} from '../src/index.js';

const oneLine = (reason: string): void => {
  expect(reason.length).toBeGreaterThan(10);
  expect(reason).not.toMatch(/\n/);
};

describe('public env prefixes', () => {
  it('knows every bundler and framework prefix, each with a one-line reason', () => {
    expect(PUBLIC_ENV_PREFIXES.map(({ prefix }) => prefix)).toEqual([
      'NEXT_PUBLIC_', 'VITE_', 'REACT_APP_', 'GATSBY_', 'EXPO_PUBLIC_', 'NUXT_PUBLIC_', 'PUBLIC_', 'VUE_APP_', 'NX_PUBLIC_', 'NG_APP_', 'STORYBOOK_',
      'REDWOOD_ENV_', 'SANITY_STUDIO_', 'STRAPI_ADMIN_', 'PAYLOAD_PUBLIC_', 'PLASMO_PUBLIC_', 'WXT_', 'RENDERER_VITE_', 'PRELOAD_VITE_', 'MAIN_VITE_', 'UMI_APP_', 'TARO_APP_',
    ]);
    for (const { reason } of PUBLIC_ENV_PREFIXES) oneLine(reason);
  });

  it.each([
    ['NEXT_PUBLIC_ENGIUM_API_KEY', 'NEXT_PUBLIC_'],
    ['VITE_ENGIUM_KEY', 'VITE_'],
    ['REACT_APP_ENGIUM_TOKEN', 'REACT_APP_'],
    ['GATSBY_ENGIUM_SECRET', 'GATSBY_'],
    ['EXPO_PUBLIC_ENGIUM_KEY', 'EXPO_PUBLIC_'],
    ['NUXT_PUBLIC_ENGIUM_KEY', 'NUXT_PUBLIC_'],
    ['PUBLIC_ENGIUM_KEY', 'PUBLIC_'],
    ['VUE_APP_ENGIUM_API_KEY', 'VUE_APP_'],
    ['NX_PUBLIC_ENGIUM_KEY', 'NX_PUBLIC_'],
    ['STORYBOOK_ENGIUM_TOKEN', 'STORYBOOK_'],
    ['STRAPI_ADMIN_ENGIUM_KEY', 'STRAPI_ADMIN_'],
    ['PLASMO_PUBLIC_ENGIUM_KEY', 'PLASMO_PUBLIC_'],
    ['RENDERER_VITE_ENGIUM_KEY', 'RENDERER_VITE_'],
    ['MAIN_VITE_ENGIUM_KEY', 'MAIN_VITE_'],
  ])('%s is public through %s', (name, prefix) => {
    expect(publicEnvPrefix(name)?.prefix).toBe(prefix);
    expect(publicEnvPrefix(name)?.reason).toContain(prefix);
  });

  it.each(['ENGIUM_API_KEY', 'MY_NEXT_PUBLIC_KEY', 'next_public_engium_key', 'VITEENGIUM', 'SERVER_PUBLIC_KEY', 'NX_CLOUD_ACCESS_TOKEN', 'STRAPI_ENGIUM_KEY', ''])('%j is not public', (name) => {
    expect(publicEnvPrefix(name)).toBeUndefined();
  });

  it('takes extra prefixes from configuration, after the built-in ones', () => {
    expect(publicEnvPrefix('APP_PUBLIC_ENGIUM_KEY', ['APP_PUBLIC_'])).toEqual({ prefix: 'APP_PUBLIC_', reason: 'APP_PUBLIC_ variables are configured as public' });
    expect(publicEnvPrefix('VITE_X', ['VITE_'])?.reason).toContain('Vite');
    expect(publicEnvPrefix('APP_PUBLIC_ENGIUM_KEY')).toBeUndefined();
  });
});

describe('SvelteKit env modules', () => {
  it.each([
    ['$env/static/public', 'public'],
    ['$env/dynamic/public', 'public'],
    ['$env/static/private', 'private'],
    ['$env/dynamic/private', 'private'],
  ])('%s is %s', (specifier, visibility) => {
    expect(svelteKitEnvModule(specifier)?.visibility).toBe(visibility);
    oneLine(svelteKitEnvModule(specifier)?.reason ?? '');
  });

  it('knows no other modules', () => {
    expect(SVELTEKIT_ENV_MODULES).toHaveLength(4);
    for (const specifier of ['$env/static', '$env/public', 'env/static/public', '$env/static/public/x', '$lib/server/env']) {
      expect(svelteKitEnvModule(specifier)).toBeUndefined();
    }
  });
});

describe('app config modules', () => {
  it.each([
    ['@env', 'named-imports'],
    ['react-native-dotenv', 'named-imports'],
    ['react-native-config', 'object'],
    ['react-native-ultimate-config', 'object'],
    ['expo-constants', 'object'],
  ])('%s hands the app its values as %s', (specifier, reads) => {
    const module = appConfigModule(specifier);
    expect(module?.reads === 'named-imports' ? 'named-imports' : 'object').toBe(reads);
    oneLine(module?.reason ?? '');
  });

  it("reads react-native-config's default and Config exports, and each of Expo's extra objects", () => {
    expect(appConfigModule('react-native-config')?.reads).toEqual({ objects: [['default'], ['Config']] });
    const expo = appConfigModule('expo-constants')?.reads;
    expect(typeof expo === 'object' && expo.objects.every((path) => path[0] === 'default' && path.at(-1) === 'extra')).toBe(true);
  });

  it("takes react-native-dotenv's configured module names, after the built-in modules", () => {
    expect(appConfigModule('@config', ['@config'])).toMatchObject({ specifier: '@config', reads: 'named-imports' });
    expect(appConfigModule('@config', ['@config'])?.reason).toContain("'@config'");
    oneLine(appConfigModule('@config', ['@config'])?.reason ?? '');
    expect(appConfigModule('@config')).toBeUndefined();
    expect(appConfigModule('react-native-config', ['react-native-config'])?.reads).not.toBe('named-imports');
  });

  it('knows no other modules', () => {
    expect(APP_CONFIG_MODULES).toHaveLength(5);
    for (const specifier of ['env', '@env/x', 'react-native', 'expo', 'dotenv', 'expo-constants/build/Constants']) expect(appConfigModule(specifier)).toBeUndefined();
  });
});

describe('isKeyBearingEnvName', () => {
  it.each([
    ['ENGIUM_API_KEY', true],
    ['NEXT_PUBLIC_ENGIUM_API_KEY', true],
    ['ENGIUM_SECRET', true],
    ['ENGIUM_TOKEN', true],
    ['VITE_ENGIUM_KEY', true],
    ['engium_api_key', true],
    ['EngiumApiKey', true],
    ['ENGIUM_TENANT_ID', false],
    ['ENGIUM_TENANT_KEY', false],
    ['ENGIUM_BASE_URL', false],
    ['STRIPE_API_KEY', false],
    ['API_KEY', false],
    ['', false],
  ])('%s: %s', (name, expected) => {
    expect(isKeyBearingEnvName(name)).toBe(expected);
  });

  it('takes custom rules, each replacing only its own default', () => {
    const acme = { require: [/ACME/] };
    expect(isKeyBearingEnvName('ACME_API_KEY', acme)).toBe(true);
    expect(isKeyBearingEnvName('ENGIUM_API_KEY', acme)).toBe(false);
    expect(isKeyBearingEnvName('ACME_TENANT_KEY', acme)).toBe(false);
    expect(isKeyBearingEnvName('ENGIUM_PASSWORD', { anyOf: [/PASSWORD/] })).toBe(true);
    expect(isKeyBearingEnvName('ENGIUM_TENANT_TOKEN', { exclude: [] })).toBe(true);
    expect(isKeyBearingEnvName('ENGIUM_KEY', { require: undefined })).toBe(true);
    expect(DEFAULT_KEY_BEARING_NAME.exclude.map(String)).toEqual(['/TENANT/i']);
  });

  it('gives the same answer every time, even for patterns with a global flag', () => {
    const options = { require: [/ENGIUM/g], anyOf: [/KEY/g] };
    for (let i = 0; i < 3; i++) expect(isKeyBearingEnvName('ENGIUM_KEY', options)).toBe(true);
  });
});

describe('path markers', () => {
  it.each([
    ['src/lib/engium.server.ts', 'server', 'server-file'],
    ['app/utils/engium.server.mjs', 'server', 'server-file'],
    ['app/.server/engium.ts', 'server', 'server-dir'],
    ['.server/db.js', 'server', 'server-dir'],
    ['src/lib/server/engium.ts', 'server', 'sveltekit-lib-server'],
    ['packages/web/src/lib/server/deep/client.ts', 'server', 'sveltekit-lib-server'],
    ['src/routes/+page.server.ts', 'server', 'server-file'],
    ['src/routes/admin/+layout.server.js', 'server', 'server-file'],
    ['src/routes/api/+server.ts', 'server', 'sveltekit-server-route'],
    ['+server.js', 'server', 'sveltekit-server-route'],
    ['app/route.ts', 'server', 'next-route-handler'],
    ['app/api/bookings/route.ts', 'server', 'next-route-handler'],
    ['src/app/(shop)/cart/[id]/route.js', 'server', 'next-route-handler'],
    ['apps/web/app/api/route.mjs', 'server', 'next-route-handler'],
    ['pages/api/bookings.ts', 'server', 'next-api-route'],
    ['src/pages/api/v1/[id].js', 'server', 'next-api-route'],
    ['src/components/Widget.client.tsx', 'client', 'client-file'],
    ['src\\lib\\server\\engium.ts', 'server', 'sveltekit-lib-server'],
    ['app\\api\\bookings\\route.ts', 'server', 'next-route-handler'],
    ['app/entry.client.jsx', 'client', 'client-file'],
    ['components/BookingReport.server.vue', 'server', 'server-file'],
  ])('%s is %s (%s)', (path, side, id) => {
    const marker = pathMarker(path);
    expect(marker).toMatchObject({ side, id });
    oneLine(marker?.reason ?? '');
  });

  it.each([
    'app/router.ts',
    'app/routes.ts',
    'app/page.tsx',
    'app/api/bookings/page.tsx',
    'application/route.ts',
    'lib/route.ts',
    'pages/apiary.tsx',
    'pages/api.ts',
    'src/pages/index.tsx',
    'src/lib/serverless/x.ts',
    'src/lib/servers/x.ts',
    'server/index.ts',
    'engium.server.css',
    'my.server/x.ts',
    'src/routes/+page.ts',
    'src/routes/+page.svelte',
    'components/client.tsx',
    'README.md',
  ])('%s has no path marker', (path) => {
    expect(pathMarker(path)).toBeUndefined();
  });

  it('marks Vue and Svelte components as client for readers that see one file, and no other file', () => {
    expect(componentMarker('src/components/Widget.vue')).toMatchObject({ side: 'client', id: 'vue-component' });
    expect(componentMarker('src\\routes\\+page.svelte')).toMatchObject({ side: 'client', id: 'svelte-component' });
    for (const path of ['src/routes/+page.server.ts', 'src/vue.ts', 'svelte.config.js', 'README.md']) expect(componentMarker(path), path).toBeUndefined();
  });
});

describe('prologue directives and file markers', () => {
  it.each<[string, string, string[]]>([
    ['double quotes', '"use client";\nexport const a = 1;', ['use client']],
    ['single quotes', "'use server'\nexport async function save() {}", ['use server']],
    ['no semicolon, then code', "'use client'\nimport x from 'y';", ['use client']],
    ['after a line comment', '// Widget\n"use client";', ['use client']],
    ['after a block comment', '/** @file widget\n * many lines */\n"use client";', ['use client']],
    ['after a hashbang', '#!/usr/bin/env node\n"use server";', ['use server']],
    ['after blank lines and CRLF', '\r\n\r\n  "use client";\r\n', ['use client']],
    ['several directives', '"use strict";\n"use client";', ['use strict', 'use client']],
    ['on one line', '"use strict"; "use client"; run();', ['use strict', 'use client']],
    ['after code: not a directive', 'import x from "y";\n"use client";', []],
    ['after a statement: not a directive', 'const a = 1;\n"use server";', []],
    ['in a comment: not a directive', '// "use client"\nexport {}', []],
    ['in a block comment: not a directive', '/* "use client" */ export {}', []],
    ['mismatched quotes', '"use client\';', []],
    ['upper case', '"USE CLIENT";', []],
    ['a hashbang alone', '#!/usr/bin/env node', []],
    ['an unterminated comment', '/* "use client";', []],
    ['empty', '', []],
    ['followed by a comment on its line', '"use client" // the widget\nexport {}', ['use client']],
    ['followed by a block comment', '"use client" /* why */;', ['use client']],
    ['part of an expression: not a directive', "'use client' + suffix;", []],
    ['a member access: not a directive', "'use client'.length;", []],
    ['at the very end, without a semicolon', "'use server'", ['use server']],
  ])('%s', (_name, source, expected) => {
    expect(prologueDirectives(source)).toEqual(expected);
  });

  it('prefers a directive to the path', () => {
    expect(fileMarker('src/components/Widget.tsx', '"use client";\n')).toBe(DIRECTIVE_MARKERS['use client']);
    expect(fileMarker('src/lib/server/actions.ts', '"use client";\n')?.side).toBe('client');
    expect(fileMarker('app/actions.ts', "'use server'\n")).toBe(DIRECTIVE_MARKERS['use server']);
    expect(fileMarker('app/api/x/route.ts', 'export async function GET() {}')?.id).toBe('next-route-handler');
    expect(fileMarker('app/api/x/route.ts')?.id).toBe('next-route-handler');
    expect(fileMarker('app/page.tsx', '"use strict";')).toBeUndefined();
    expect(fileMarker('app/page.tsx', 'foo();\n"use client";')).toBeUndefined();
  });

  it('knows the server-only import, with reasons to quote', () => {
    expect(MARKER_IMPORTS['server-only']).toBe(SERVER_ONLY_MARKER);
    expect(SERVER_ONLY_MARKER.side).toBe('server');
    for (const marker of [SERVER_ONLY_MARKER, ...Object.values(DIRECTIVE_MARKERS)]) oneLine(marker.reason);
    expect(DIRECTIVE_MARKERS['use client'].side).toBe('client');
    expect(DIRECTIVE_MARKERS['use server'].side).toBe('server');
  });
});
