/**
 * Where code and configuration end up: which env variables bundlers inline into browser code,
 * and which files frameworks treat as client or server. Each fact carries a one-line reason that
 * messages quote, so a person can check the verdict.
 */

export type Exposure = 'client' | 'server' | 'unknown';

export interface PublicEnvPrefix {
  prefix: string;
  reason: string;
  /** Who receives the variables, when not the browsers of a site's visitors (`everyone who installs the app`). */
  receivedBy?: string;
}

const APP_USERS = 'everyone who installs the app';
const EXTENSION_USERS = 'everyone who installs the extension';

export const PUBLIC_ENV_PREFIXES: readonly PublicEnvPrefix[] = [
  { prefix: 'NEXT_PUBLIC_', reason: 'Next.js inlines NEXT_PUBLIC_ variables into browser bundles' },
  { prefix: 'VITE_', reason: 'Vite exposes VITE_ variables to client code through import.meta.env' },
  { prefix: 'REACT_APP_', reason: 'Create React App embeds REACT_APP_ variables in the build' },
  { prefix: 'GATSBY_', reason: 'Gatsby embeds GATSBY_ variables in browser code' },
  { prefix: 'EXPO_PUBLIC_', reason: 'Expo inlines EXPO_PUBLIC_ variables into the app bundle', receivedBy: APP_USERS },
  { prefix: 'NUXT_PUBLIC_', reason: 'Nuxt exposes NUXT_PUBLIC_ variables through the public runtime config' },
  { prefix: 'PUBLIC_', reason: 'SvelteKit and Astro expose PUBLIC_ variables to client code' },
  { prefix: 'VUE_APP_', reason: 'Vue CLI embeds VUE_APP_ variables in the build' },
  { prefix: 'NX_PUBLIC_', reason: 'Nx inlines NX_PUBLIC_ variables into browser bundles' },
  { prefix: 'NG_APP_', reason: '@ngx-env/builder embeds NG_APP_ variables in the Angular build' },
  { prefix: 'STORYBOOK_', reason: 'Storybook embeds STORYBOOK_ variables in the stories it serves to browsers' },
  { prefix: 'REDWOOD_ENV_', reason: "RedwoodJS embeds REDWOOD_ENV_ variables in the web side's bundle" },
  { prefix: 'SANITY_STUDIO_', reason: 'Sanity embeds SANITY_STUDIO_ variables in the Studio bundle' },
  { prefix: 'STRAPI_ADMIN_', reason: "Strapi embeds STRAPI_ADMIN_ variables in the admin panel's bundle" },
  { prefix: 'PAYLOAD_PUBLIC_', reason: "Payload embeds PAYLOAD_PUBLIC_ variables in the admin panel's bundle" },
  { prefix: 'PLASMO_PUBLIC_', reason: 'Plasmo inlines PLASMO_PUBLIC_ variables into the browser extension', receivedBy: EXTENSION_USERS },
  { prefix: 'WXT_', reason: 'WXT exposes WXT_ variables to the browser extension through import.meta.env', receivedBy: EXTENSION_USERS },
  { prefix: 'RENDERER_VITE_', reason: 'electron-vite exposes RENDERER_VITE_ variables to the renderer, packed into the app every user installs', receivedBy: APP_USERS },
  { prefix: 'PRELOAD_VITE_', reason: 'electron-vite exposes PRELOAD_VITE_ variables to preload scripts, packed into the app every user installs', receivedBy: APP_USERS },
  { prefix: 'MAIN_VITE_', reason: 'electron-vite exposes MAIN_VITE_ variables to the main process, packed into the app every user installs', receivedBy: APP_USERS },
  { prefix: 'UMI_APP_', reason: 'Umi embeds UMI_APP_ variables in the build' },
  { prefix: 'TARO_APP_', reason: 'Taro embeds TARO_APP_ variables in the app bundle' },
];

/** The public prefix `name` starts with (built-in or extra from config), or undefined. */
export function publicEnvPrefix(name: string, extraPrefixes: readonly string[] = []): PublicEnvPrefix | undefined {
  const builtIn = PUBLIC_ENV_PREFIXES.find(({ prefix }) => name.startsWith(prefix));
  if (builtIn) return builtIn;
  const extra = extraPrefixes.find((prefix) => name.startsWith(prefix));
  return extra ? { prefix: extra, reason: `${extra} variables are configured as public` } : undefined;
}

export interface EnvModule {
  specifier: string;
  visibility: 'public' | 'private';
  reason: string;
}

/** SvelteKit's env modules: `public` ones reach the browser, `private` ones cannot be imported there. */
export const SVELTEKIT_ENV_MODULES: readonly EnvModule[] = [
  { specifier: '$env/static/public', visibility: 'public', reason: 'SvelteKit inlines $env/static/public values into client code' },
  { specifier: '$env/dynamic/public', visibility: 'public', reason: 'SvelteKit sends $env/dynamic/public values to the browser' },
  { specifier: '$env/static/private', visibility: 'private', reason: 'SvelteKit keeps $env/static/private on the server' },
  { specifier: '$env/dynamic/private', visibility: 'private', reason: 'SvelteKit keeps $env/dynamic/private on the server' },
];

export function svelteKitEnvModule(specifier: string): EnvModule | undefined {
  return SVELTEKIT_ENV_MODULES.find((module) => module.specifier === specifier);
}

/**
 * A module through which app code reads values that the app's build puts in the app every user
 * installs. `named-imports`: each named import is a variable (`import { X } from '@env'`).
 * Otherwise the values are the properties of the objects at `objects`, each path starting with
 * the export's name (`default` for the default export): `Config.X`, `Constants.expoConfig.extra.X`.
 */
export interface AppConfigModule {
  specifier: string;
  reads: 'named-imports' | { objects: readonly (readonly string[])[] };
  /** What the build does with the values, in words a person can check. */
  reason: string;
}

/** React Native's env modules and Expo's `extra`: whatever code reads through them ships in the app. */
export const APP_CONFIG_MODULES: readonly AppConfigModule[] = [
  { specifier: '@env', reads: 'named-imports', reason: "react-native-dotenv inlines every variable the app imports from '@env' into the app's JavaScript bundle" },
  {
    specifier: 'react-native-dotenv',
    reads: 'named-imports',
    reason: "react-native-dotenv inlines every variable the app imports from 'react-native-dotenv' into the app's JavaScript bundle",
  },
  {
    specifier: 'react-native-config',
    reads: { objects: [['default'], ['Config']] },
    reason: "react-native-config builds every variable of the package's .env files into the app: Android's BuildConfig, iOS's Info.plist and the JavaScript bundle",
  },
  {
    specifier: 'react-native-ultimate-config',
    reads: { objects: [['default']] },
    reason: "react-native-ultimate-config builds every variable of the package's env file into the app's native config and JavaScript bundle",
  },
  {
    specifier: 'expo-constants',
    reads: { objects: [['default', 'expoConfig', 'extra'], ['default', 'manifest', 'extra'], ['default', 'manifest2', 'extra', 'expoClient', 'extra']] },
    reason: "Expo puts the app config's extra in every app it builds, where expo-constants reads it",
  },
];

/**
 * The app config module `specifier` names: a built-in one, or one of `extraEnvModules`, modules
 * configured as react-native-dotenv's `moduleName` (its named imports are inlined as `@env`'s are).
 */
export function appConfigModule(specifier: string, extraEnvModules: readonly string[] = []): AppConfigModule | undefined {
  const builtIn = APP_CONFIG_MODULES.find((module) => module.specifier === specifier);
  if (builtIn || !extraEnvModules.includes(specifier)) return builtIn;
  return { specifier, reads: 'named-imports', reason: `react-native-dotenv, configured with the module name '${specifier}', inlines every variable the app imports from it into the app's JavaScript bundle` };
}

export interface KeyBearingNameOptions {
  /** Every one of these must match the name (default: ENGIUM). */
  require?: readonly RegExp[];
  /** At least one of these must match (default: KEY, SECRET, TOKEN). */
  anyOf?: readonly RegExp[];
  /** None of these may match (default: TENANT, which names an ID, not a credential). */
  exclude?: readonly RegExp[];
}

export const DEFAULT_KEY_BEARING_NAME: Required<KeyBearingNameOptions> = {
  require: [/ENGIUM/i],
  anyOf: [/KEY/i, /SECRET/i, /TOKEN/i],
  exclude: [/TENANT/i],
};

/** True for env variable names that hold an Engium API key, such as `NEXT_PUBLIC_ENGIUM_API_KEY`. */
export function isKeyBearingEnvName(name: string, options: KeyBearingNameOptions = {}): boolean {
  const require = options.require ?? DEFAULT_KEY_BEARING_NAME.require;
  const anyOf = options.anyOf ?? DEFAULT_KEY_BEARING_NAME.anyOf;
  const exclude = options.exclude ?? DEFAULT_KEY_BEARING_NAME.exclude;
  return (
    require.every((pattern) => matches(pattern, name)) &&
    anyOf.some((pattern) => matches(pattern, name)) &&
    !exclude.some((pattern) => matches(pattern, name))
  );
}

/** `pattern.test` without the `lastIndex` state a configured `g` or `y` flag would carry between names. */
function matches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

export interface FileMarker {
  side: 'client' | 'server';
  id: string;
  reason: string;
}

interface PathMarkerRule extends FileMarker {
  test(path: string): boolean;
}

/** Markers read from a file's path (POSIX, relative to the project root). Server rules first: they are boundaries. */
const PATH_MARKERS: readonly PathMarkerRule[] = [
  // Nuxt server components (`*.server.vue`) render on the server only: their script never ships.
  { side: 'server', id: 'server-file', reason: '*.server.* files never ship to the browser', test: (path) => /\.server\.(?:[cm]?[jt]sx?|vue)$/.test(path) },
  { side: 'server', id: 'server-dir', reason: 'modules under a .server/ folder never ship to the browser', test: (path) => /(^|\/)\.server\//.test(path) },
  { side: 'server', id: 'sveltekit-lib-server', reason: 'SvelteKit keeps $lib/server modules on the server', test: (path) => /(^|\/)src\/lib\/server\//.test(path) },
  { side: 'server', id: 'sveltekit-server-route', reason: 'SvelteKit +page.server / +layout.server / +server files run on the server', test: (path) => /(^|\/)\+(page|layout)\.server\.[jt]s$|(^|\/)\+server\.[jt]s$/.test(path) },
  { side: 'server', id: 'next-route-handler', reason: 'Next.js app/**/route files are server route handlers', test: (path) => /(^|\/)route\.[cm]?[jt]sx?$/.test(path) && /(^|\/)app\//.test(path) },
  { side: 'server', id: 'next-api-route', reason: 'Next.js pages/api/** files are server API routes', test: (path) => /(^|\/)pages\/api\//.test(path) },
  { side: 'client', id: 'client-file', reason: '*.client.* files run in the browser', test: (path) => /\.client\.[cm]?[jt]sx?$/.test(path) },
];

/**
 * Component files a framework compiles into the browser bundle, wherever they sit. The scanner's
 * module graph finds the entry that ships each one (a better chain than the file alone); a rule
 * that sees one file goes by these.
 */
const COMPONENT_MARKERS: readonly PathMarkerRule[] = [
  { side: 'client', id: 'vue-component', reason: 'Vue single-file components are compiled into the browser bundle', test: (path) => path.endsWith('.vue') },
  { side: 'client', id: 'svelte-component', reason: 'Svelte components are compiled into the browser bundle', test: (path) => path.endsWith('.svelte') },
];

function markerOf(rules: readonly PathMarkerRule[], path: string): FileMarker | undefined {
  const posix = path.replaceAll('\\', '/');
  const rule = rules.find((marker) => marker.test(posix));
  return rule ? { side: rule.side, id: rule.id, reason: rule.reason } : undefined;
}

/** The marker a file's path gives it. Windows separators are read as `/`, so editors on Windows agree. */
export function pathMarker(path: string): FileMarker | undefined {
  return markerOf(PATH_MARKERS, path);
}

/** The client marker of a component file (`.vue`, `.svelte`), for a reader without a module graph. */
export function componentMarker(path: string): FileMarker | undefined {
  return markerOf(COMPONENT_MARKERS, path);
}

export const DIRECTIVE_MARKERS: Readonly<Record<'use client' | 'use server', FileMarker>> = {
  'use client': { side: 'client', id: 'use-client', reason: '"use client" makes the module part of the browser bundle' },
  'use server': { side: 'server', id: 'use-server', reason: '"use server" marks server actions that never ship to the browser' },
};

export const SERVER_ONLY_MARKER: FileMarker = {
  side: 'server',
  id: 'server-only',
  reason: 'import "server-only" makes the build fail if a client module imports it',
};

/** Module specifiers whose import marks the importing file. */
export const MARKER_IMPORTS: Readonly<Record<string, FileMarker>> = {
  'server-only': SERVER_ONLY_MARKER,
};

/**
 * The directives in a module's prologue (`"use client"` and friends): string statements before
 * any other code, after comments and a hashbang.
 */
export function prologueDirectives(source: string): string[] {
  const directives: string[] = [];
  // A directive is a string statement on its own: `'use client' + x` or `'use client'.length` is code.
  const prologue = /\s*(?:#![^\n]*(?:\n|$)|\/\/[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/|(['"])(use [a-z ]+)\1[ \t]*(?:;|(?=\r?\n|$|\/\/|\/\*)))/y;
  let position = 0;
  for (;;) {
    prologue.lastIndex = position;
    const match = prologue.exec(source);
    if (!match || match[0].length === 0) break;
    if (match[2]) directives.push(match[2]);
    position = prologue.lastIndex;
  }
  return directives;
}

/** The marker a module's own text and path give it: a directive first, then its path. */
export function fileMarker(path: string, source?: string): FileMarker | undefined {
  if (source !== undefined) {
    for (const directive of prologueDirectives(source)) {
      if (directive === 'use client' || directive === 'use server') return DIRECTIVE_MARKERS[directive];
    }
  }
  return pathMarker(path);
}

/** Where a distributed artifact's files go: to everyone who downloads or installs it. */
export interface ShippedArtifact {
  /** File name endings, lower case (`.apk`). */
  extensions: readonly string[];
  /** What the artifact is, for messages (`Android app`). */
  kind: string;
  reason: string;
}

export const APP_PACKAGE_REASON = 'ships inside the app: anyone who downloads it can extract the key';

/** App packages: every file inside one is in every user's hands, as browser code is. */
export const APP_PACKAGES: readonly ShippedArtifact[] = [
  { extensions: ['.apk', '.aab'], kind: 'Android app', reason: APP_PACKAGE_REASON },
  { extensions: ['.ipa'], kind: 'iOS app', reason: APP_PACKAGE_REASON },
  { extensions: ['.asar'], kind: 'Electron app', reason: APP_PACKAGE_REASON },
  { extensions: ['.xpi'], kind: 'Firefox extension', reason: APP_PACKAGE_REASON },
  { extensions: ['.crx'], kind: 'Chrome extension', reason: APP_PACKAGE_REASON },
];

/** What `npm publish` uploads: every file is on the public registry. */
export const NPM_PACKAGE: ShippedArtifact = {
  extensions: [],
  kind: 'npm package',
  reason: 'goes to the npm registry with the package: anyone who installs it can read the key',
};

/** The app package a file name says it is (`app-release.apk`), or undefined. */
export function appPackageOf(name: string): ShippedArtifact | undefined {
  const lower = name.toLowerCase();
  return APP_PACKAGES.find((artifact) => artifact.extensions.some((extension) => lower.endsWith(extension)));
}
