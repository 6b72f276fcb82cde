// Where the browser starts and where the server starts, per framework, detected from each package's
// dependencies and files. Client entries seed the walk that decides what ships; server entries
// seed the walk that decides what is server-only.
import picomatch from 'picomatch';
import { DIRECTIVE_MARKERS, pathMarker } from '@engium/core';
import { BROWSER_LIBRARY_DEPENDENCIES, browserTargets, isBrowserPackage } from './build-exposure.js';
import { globMatcher } from './glob-matcher.js';
import { exportTargets, packageOf, type PackageInfo } from './packages.js';
import { dirnamePosix, isOutsideSource, joinPosix, type RootPaths } from './paths.js';
import { readProjectText } from './read.js';
import { extensionManifestFiles, extensionManifestSourceFiles } from './extension-manifest.js';
import { pageScriptFile, pageScriptSources } from './html-scripts.js';
import { moduleHeadOf, type ModuleHead } from './module-head.js';
import { isModuleFile, type ModuleBytes } from './source-files.js';
import type { Problem } from './types.js';

export interface Entry {
  file: string;
  side: 'client' | 'server';
  /** Short, shown in parentheses after the entry in a chain: `app/page.tsx ("use client")`. */
  label: string;
  /** A route module its framework's route config names: its browser build strips `loader` and `action`. */
  route?: boolean;
  /** For a client entry that does not run in a web page: who receives it (`everyone who installs the app`). */
  receivedBy?: string;
  /** A server module the client build replaces with calls to the server (`boundaries`): client code that imports it ships none of it. */
  boundary?: boolean;
}

/** A route config that names route modules by path (React Router's `app/routes.ts`). */
interface RouteConfig {
  /** Config files, relative to the package folder. */
  files: readonly string[];
  /** The folder the paths it names are relative to. */
  dir: string;
  client: string;
  server: string;
}

interface FrameworkRules {
  name: string;
  detect(info: PackageInfo, has: (glob: string) => boolean): boolean;
  client: readonly (readonly [glob: string, label: string])[];
  server: readonly (readonly [glob: string, label: string])[];
  /** Files the client globs match that the framework keeps on the server. */
  notClient?: readonly string[];
  /** Route modules named in a config file, wherever they are. */
  routeConfig?: RouteConfig;
  /** Who receives its client code, when not a web page's visitors (an app's or an extension's users). */
  receivedBy?: string;
  /** HTML files it puts into the pages it serves as they are, inline scripts and all (Storybook's `preview-head.html`). */
  pages?: readonly (readonly [glob: string, label: string])[];
  /**
   * Server modules whose exports browser code receives as calls over the network, as `"use server"`
   * files are (SvelteKit's remote functions): the client build ships a stub, not the module.
   */
  boundaries?: readonly (readonly [glob: string, label: string])[];
}

const APP_USERS = 'everyone who installs the app';
const EXTENSION_USERS = 'everyone who installs the extension';

const JS = '{js,jsx,ts,tsx,mjs,cjs,mts,cts}';
const uses = (...names: string[]) => (info: PackageInfo) => names.some((name) => info.dependencies.has(name));

/** The tools that package an Electron app for its users, or build it for one that does. */
const ELECTRON_PACKAGERS = [
  'electron-builder',
  '@electron-forge/cli',
  'electron-forge',
  '@electron/packager',
  'electron-packager',
  'electron-vite',
  'vite-plugin-electron',
  'vue-cli-plugin-electron-builder',
  'electron-webpack',
  'nextron',
];

const FRAMEWORKS: readonly FrameworkRules[] = [
  {
    name: 'Next.js',
    detect: (info, has) => info.dependencies.has('next') || has(`next.config.${JS}`),
    client: [
      [`{src/,}pages/**/*.${JS}`, 'Next.js pages router page'],
      [`{src/,}instrumentation-client.${JS}`, 'Next.js client instrumentation'],
    ],
    notClient: ['{src/,}pages/api/**', `{src/,}pages/_document.${JS}`, `{src/,}pages/_middleware.${JS}`],
    server: [
      [`{src/,}pages/api/**/*.${JS}`, 'Next.js API route'],
      // Pages render on the server too, and their data functions run only there.
      [`{src/,}pages/**/*.${JS}`, 'Next.js page, server side'],
      [`{src/,}pages/_document.${JS}`, 'Next.js _document, rendered on the server'],
      [`{src/,}app/**/route.${JS}`, 'Next.js route handler'],
      [
        `{src/,}app/**/{page,layout,template,default,not-found,global-not-found,forbidden,unauthorized,loading,error,global-error,opengraph-image,twitter-image,icon,apple-icon,sitemap,robots,manifest}.${JS}`,
        'Next.js server component',
      ],
      // `proxy` is Next.js 16's name for `middleware`.
      [`{src/,}{middleware,proxy,instrumentation}.${JS}`, 'Next.js server runtime'],
      [`next.config.${JS}`, 'Next.js config'],
    ],
  },
  {
    name: 'Create React App',
    detect: uses('react-scripts'),
    client: [[`src/index.${JS}`, 'Create React App entry']],
    server: [],
  },
  {
    name: 'Gatsby',
    detect: uses('gatsby'),
    client: [
      [`gatsby-browser.${JS}`, 'Gatsby browser API'],
      [`src/{pages,templates}/**/*.${JS}`, 'Gatsby page'],
    ],
    notClient: ['src/pages/api/**'],
    server: [
      [`{gatsby-node,gatsby-ssr,gatsby-config}.${JS}`, 'Gatsby build/SSR API'],
      [`src/api/**/*.${JS}`, 'Gatsby function'],
    ],
  },
  {
    name: 'Nuxt',
    detect: (info, has) => info.dependencies.has('nuxt') || has(`nuxt.config.${JS}`),
    client: [
      ['{app/,}{app,error}.vue', 'Nuxt app component'],
      [`{app/,}app.config.${JS}`, 'Nuxt app config, bundled into the client'],
      [`{app/,}{pages,layouts,components,plugins,middleware,composables,utils}/**/*.{vue,${JS.slice(1)}`, 'Nuxt app code'],
    ],
    notClient: ['**/*.server.*'],
    server: [
      [`server/**/*.${JS}`, 'Nuxt server route'],
      [`nuxt.config.${JS}`, 'Nuxt config'],
    ],
  },
  {
    name: 'SvelteKit',
    detect: (info, has) => info.dependencies.has('@sveltejs/kit') || has(`svelte.config.${JS}`),
    client: [
      [`src/routes/**/+{page,layout}.{svelte,${JS.slice(1)}`, 'SvelteKit route, runs in the browser'],
      ['src/routes/**/+error.svelte', 'SvelteKit error page'],
      [`src/{hooks.client,service-worker}.${JS}`, 'SvelteKit client hook'],
    ],
    notClient: ['src/routes/**/+{page,layout}.server.*'],
    server: [
      [`src/routes/**/+{page,layout}.server.${JS}`, 'SvelteKit server load'],
      [`src/routes/**/+server.${JS}`, 'SvelteKit endpoint'],
      [`src/hooks.server.${JS}`, 'SvelteKit server hook'],
      [`src/lib/server/**/*.${JS}`, 'SvelteKit $lib/server'],
    ],
    // kit.moduleExtensions, `.js` and `.ts` by default.
    boundaries: [['src/**/*.remote.{js,ts}', 'SvelteKit remote function, which browser code calls over the network']],
  },
  {
    name: 'Astro',
    detect: (info, has) => info.dependencies.has('astro') || has(`astro.config.${JS}`),
    client: [],
    server: [
      [`src/pages/**/*.astro`, 'Astro page, rendered on the server'],
      [`src/pages/**/*.${JS}`, 'Astro endpoint, run on the server'],
      [`src/{layouts,components}/**/*.astro`, 'Astro component, rendered on the server'],
      [`src/middleware.${JS}`, 'Astro middleware'],
    ],
  },
  {
    name: 'Remix / React Router',
    detect: uses('@remix-run/react', '@remix-run/dev', '@react-router/dev'),
    client: [
      [`app/{root,entry.client}.${JS}`, 'React Router / Remix root or client entry'],
      [`app/routes/**/*.${JS}`, 'React Router / Remix route module'],
    ],
    routeConfig: {
      files: [`app/routes.${JS}`],
      dir: 'app',
      client: 'React Router route module, named in app/routes.ts',
      server: 'React Router route, loader and action run on the server',
    },
    server: [
      [`app/entry.server.${JS}`, 'React Router / Remix server entry'],
      [`app/{root,routes/**/*}.${JS}`, 'React Router / Remix route, loader and action run on the server'],
      [`{server,server/**/*}.${JS}`, 'React Router / Remix server'],
    ],
  },
  {
    name: 'SolidStart',
    detect: uses('@solidjs/start'),
    client: [
      [`src/{entry-client,app}.${JS}`, 'SolidStart client entry or app'],
      [`src/routes/**/*.${JS}`, 'SolidStart route'],
    ],
    notClient: ['src/routes/api/**'],
    server: [
      [`src/entry-server.${JS}`, 'SolidStart server entry'],
      [`src/middleware{,/index}.${JS}`, 'SolidStart middleware'],
      [`src/routes/api/**/*.${JS}`, 'SolidStart API route'],
      // Server rendering runs the app and its routes, "use server" functions and all.
      [`src/{app,routes/**/*}.${JS}`, 'SolidStart app or route, rendered on the server too'],
    ],
  },
  {
    name: 'Stencil',
    detect: uses('@stencil/core'),
    // Stencil compiles every component it finds under src/ into the browser bundle.
    client: [[`src/components/**/*.{tsx,jsx}`, 'Stencil component']],
    notClient: ['**/*.{spec,e2e,test,stories}.*', '**/{test,tests,__tests__}/**'],
    server: [],
  },
  {
    name: 'Ember',
    detect: uses('ember-source'),
    // Ember CLI bundles every module of app/ into the app's script; the resolver finds them by name.
    client: [[`app/**/*.${JS}`, 'Ember app module, bundled whole into the app']],
    server: [],
  },
  {
    name: 'Qwik City',
    detect: uses('@builder.io/qwik-city', '@qwik.dev/router', '@builder.io/qwik', '@qwik.dev/core'),
    // Pages and layouts are components the browser resumes; the optimizer keeps the bodies of
    // server$, routeLoader$ and routeAction$ on the server (data-functions.ts).
    client: [
      [`src/root.{tsx,jsx}`, 'Qwik root component'],
      [`src/routes/**/{index,layout}*.{tsx,jsx}`, 'Qwik City page or layout'],
    ],
    server: [
      [`src/entry.*.${JS}`, 'Qwik server entry'],
      [`src/routes/**/{index,layout,plugin}*.{ts,js,mts,mjs}`, 'Qwik City endpoint or middleware, run on the server'],
      [`src/{root,routes/**/{index,layout}*}.{tsx,jsx}`, 'Qwik City page, rendered on the server too'],
    ],
  },
  {
    name: 'TanStack Start',
    detect: uses('@tanstack/react-start', '@tanstack/solid-start', '@tanstack/start'),
    // Every route module is in the route tree the browser loads; the compiler strips server
    // functions and the routes' `server` handlers from it (data-functions.ts).
    client: [
      [`src/{router,client}.${JS}`, 'TanStack Start router, runs in the browser'],
      [`src/routes/**/*.${JS}`, 'TanStack Start route module'],
    ],
    server: [[`src/server.${JS}`, 'TanStack Start server entry']],
  },
  {
    name: 'Expo / React Native',
    receivedBy: APP_USERS,
    detect: uses('expo', 'react-native', 'expo-router'),
    client: [
      [`{App,index}.${JS}`, 'React Native app entry'],
      [`{src/,}app/**/*.${JS}`, 'Expo Router screen'],
    ],
    notClient: ['**/*+api.*', '**/+html.*', '**/+middleware.*'],
    server: [
      [`{src/,}app/**/*+api.${JS}`, 'Expo API route'],
      [`{src/,}app/+html.${JS}`, 'Expo static HTML root, rendered at build time'],
      [`{src/,}app/+middleware.${JS}`, 'Expo Router server middleware'],
    ],
  },
  {
    name: 'Docusaurus',
    detect: uses('@docusaurus/core'),
    // Pages and swizzled theme components are bundled for the browser (and prerendered).
    client: [[`src/{pages,theme}/**/*.${JS}`, 'Docusaurus page or theme component']],
    notClient: ['**/*.{test,spec,stories}.*', '**/__tests__/**'],
    server: [],
  },
  {
    name: 'Storybook',
    detect: (_info, has) => has(`.storybook/main.${JS}`),
    // Storybook bundles the preview and every story into the browser app it serves or builds.
    client: [
      [`.storybook/{preview,manager}.${JS}`, 'Storybook preview'],
      [`**/*.stories.${JS}`, 'Storybook story'],
    ],
    // Storybook writes these into the head and body of the preview iframe and the manager page.
    pages: [['.storybook/{preview-head,preview-body,manager-head}.html', 'Storybook adds it to the pages it serves']],
    server: [],
  },
  {
    name: 'Vue CLI',
    detect: uses('@vue/cli-service'),
    // vue-cli-service builds src/main when vue.config.js names no `pages`.
    client: [[`src/main.${JS}`, 'Vue CLI entry']],
    server: [],
  },
  {
    name: 'RedwoodJS web side',
    detect: uses('@redwoodjs/web'),
    // The router imports every page under src/pages by itself; App and Routes are the web side's entry.
    client: [
      [`src/{App,Routes}.${JS}`, 'RedwoodJS web side entry'],
      [`src/pages/**/*.${JS}`, 'RedwoodJS page, imported by the router'],
    ],
    notClient: ['**/*.{test,spec,stories,mock}.*'],
    server: [],
  },
  {
    name: 'RedwoodJS api side',
    detect: uses('@redwoodjs/api'),
    client: [],
    // The api side is the server: its functions are the handlers, and it loads services and directives by glob.
    server: [[`src/{functions,services,directives,graphql}/**/*.${JS}`, 'RedwoodJS api side, run on the server']],
  },
  {
    name: 'Angular',
    detect: uses('@angular/core'),
    client: [
      [`src/main.${JS}`, 'Angular bootstrap'],
      [`src/environments/environment*.${JS}`, 'Angular environment file, always bundled'],
    ],
    server: [[`{server,src/main.server,src/server}.${JS}`, 'Angular SSR server']],
  },
  {
    name: 'NestJS',
    detect: (info, has) => info.dependencies.has('@nestjs/core') || has('nest-cli.json'),
    client: [],
    server: [[`src/main.${JS}`, 'NestJS entry, run by nest start']],
  },
  {
    name: 'Medusa',
    detect: uses('@medusajs/medusa', '@medusajs/framework'),
    // Admin extensions are bundled into the admin dashboard.
    client: [[`src/admin/**/*.${JS}`, 'Medusa admin extension']],
    server: [
      [`src/{api,subscribers,jobs,workflows,modules,links,scripts,loaders}/**/*.${JS}`, 'Medusa server code, loaded by convention'],
      [`medusa-config.${JS}`, 'Medusa config'],
    ],
  },
  {
    name: 'Strapi',
    detect: uses('@strapi/strapi'),
    client: [[`src/admin/**/*.${JS}`, 'Strapi admin customisation']],
    server: [
      [`src/{index,api/**/*,extensions/**/*,middlewares/**/*,policies/**/*,plugins/**/*}.${JS}`, 'Strapi server code, loaded by convention'],
      [`config/**/*.${JS}`, 'Strapi config'],
    ],
  },
  {
    name: 'Meteor',
    detect: (info, has) => info.dependencies.has('meteor-node-stubs') || has('.meteor/release'),
    // Meteor sends every module under a `client` folder to browsers and keeps `server` folders back.
    client: [[`{client,**/client}/**/*.${JS}`, 'Meteor client folder, sent to every browser']],
    notClient: ['**/*.{test,spec,app-test}.*'],
    server: [[`{server,**/server}/**/*.${JS}`, 'Meteor server folder, never sent to browsers']],
  },
  {
    name: 'Plasmo',
    receivedBy: EXTENSION_USERS,
    detect: uses('plasmo'),
    // Plasmo builds each of these into the extension every user installs, by its file name.
    client: [
      [`{src/,}{popup,options,newtab,sidepanel,devtools,background,content,sandbox}.{tsx,${JS.slice(1)}`, 'Plasmo extension page or script, installed by every user'],
      [`{src/,}{popup,options,newtab,sidepanel,devtools,background,contents,tabs,sandboxes}/**/*.{tsx,${JS.slice(1)}`, 'Plasmo extension page or script, installed by every user'],
    ],
    server: [],
  },
  {
    name: 'WXT',
    receivedBy: EXTENSION_USERS,
    detect: uses('wxt'),
    client: [[`{src/,}entrypoints/**/*.${JS}`, 'WXT extension entrypoint, installed by every user']],
    server: [],
  },
  {
    name: 'Electron',
    receivedBy: APP_USERS,
    // An app is packaged for its users; `electron` alone also renders PDFs on servers and runs tests.
    detect: (info) => info.dependencies.has('electron') && ELECTRON_PACKAGERS.some((name) => info.dependencies.has(name)),
    // Electron packs the app's files into app.asar, which every user installs: the main process and
    // preload scripts ship as surely as the renderer (electron-builder packs the whole app folder).
    client: [
      [`{src,app,electron}/**/*.${JS}`, 'Electron app code, packed into the app every user installs'],
      [`{main,index,preload,renderer}.${JS}`, 'Electron app entry, packed into the app every user installs'],
    ],
    // What only the developer's machine runs: tests, their setup and fixtures, stories.
    notClient: ['**/{__tests__,__mocks__,__fixtures__,test,tests,e2e}/**', '**/*.{test,spec,stories}.*', '**/*.d.{ts,mts,cts}'],
    server: [],
  },
];

/** Folders that hold server code in any repository. */
const SERVER_FOLDERS = [`{server,src/server,api,functions,netlify/functions,supabase/functions}/**/*.${JS}`];
/** Programs that run a file with Node (or a runtime like it): the file a script names them is a Node entry point. */
const NODE_RUNNERS: ReadonlySet<string> = new Set(['node', 'tsx', 'ts-node', 'ts-node-dev', 'nodemon', 'bun', 'vite-node', 'esno']);
/** Runner flags whose value is the next word (`--watch src`, `-r dotenv/config`, `--import tsx/esm`). */
const VALUE_FLAGS: ReadonlySet<string> = new Set(['--watch', '-w', '--ignore', '-i', '--exec', '-x', '--ext', '-e', '--eval', '-p', '--print', '-r', '--require', '--import', '--loader', '--experimental-loader', '--env-file', '--tsconfig', '--project', '-P', '--conditions', '-C', '--title', '--signal', '--delay']);
/** A file a runner is given: with a JS extension, or a path without any (`node dist/main`, as Node resolves it). */
const SCRIPT_FILE_TOKEN = /^[\w.][\w./-]*\.[cm]?[jt]sx?$|^[\w.][\w.-]*\/(?:[\w.-]+\/)*[\w-]+$/;

/**
 * The file each command of a package.json script runs with a Node runner: the first argument after
 * the runner that names a file, past its flags (and their values) and a subcommand (`tsx watch`).
 */
function scriptEntryFiles(script: string): string[] {
  const files: string[] = [];
  for (const command of script.split(/&&|\|\||[;&|]/)) {
    const words = command.trim().split(/\s+/);
    const runner = words.findIndex((word) => NODE_RUNNERS.has(word));
    if (runner === -1) continue;
    for (let index = runner + 1; index < words.length; index++) {
      const word = words[index] as string;
      if (word.startsWith('-')) {
        if (!word.includes('=') && VALUE_FLAGS.has(word)) index++;
        continue;
      }
      if (SCRIPT_FILE_TOKEN.test(word)) {
        files.push(word);
        break;
      }
      if (!/^[a-z]+$/.test(word)) break;
    }
  }
  return files;
}

export interface EntryOptions {
  paths: RootPaths;
  files: readonly string[];
  packages: readonly PackageInfo[];
  clientEntries: readonly string[];
  /** Where the marker scan leaves module bytes for the walk. */
  moduleBytes: ModuleBytes;
  /** Every module's marks, taken by the text pass (a module absent has none): no module is read for them. */
  heads?: ReadonlyMap<string, ModuleHead>;
  /** Maps a package.json path (`dist/server.js`) to the module that holds it (`src/server.ts`). */
  sourceFor(file: string): string | undefined;
  /** Where a package's pages are when its config moves them (Vite `root`), by package folder. */
  pageRoots?: ReadonlyMap<string, { dir: string; where: string }>;
  /** Where a package.json that names more entry points than are resolved is noted. */
  problems: Problem[];
}

/**
 * Entry points resolved per package.json field group: each is a module resolution. Large
 * libraries list a few hundred subpaths; a 4 MB `exports` of 100,000 made a scan take seconds
 * and hundreds of megabytes per package.
 */
export const MAX_PACKAGE_ENTRY_POINTS = 2000;

/** The first MAX_PACKAGE_ENTRY_POINTS distinct targets, with a problem for `file` when there were more. */
function boundedTargets<T extends { target: string }>(targets: readonly T[], file: string, what: string, problems: Problem[]): T[] {
  const seen = new Set<string>();
  const kept = targets.filter(({ target }) => !seen.has(target) && seen.add(target) && seen.size <= MAX_PACKAGE_ENTRY_POINTS);
  if (seen.size > MAX_PACKAGE_ENTRY_POINTS) problems.push({ file, reason: `names ${seen.size} ${what}; only the first ${MAX_PACKAGE_ENTRY_POINTS} are followed` });
  return kept;
}

function relativeTo(dir: string, file: string): string {
  return dir ? file.slice(dir.length + 1) : file;
}

/** Extension manifests written as code: CRXJS's `manifest.config.ts`, vite-plugin-web-extension's `src/manifest.ts`. */
const EXTENSION_MANIFEST_CODE = /(?:^|\/)manifest(?:\.config)?\.[cm]?[jt]s$/;

export function findEntries({ paths, files, packages, clientEntries, moduleBytes, heads, sourceFor, pageRoots, problems }: EntryOptions): Entry[] {
  const entries: Entry[] = [];
  const fileSet = new Set(files);
  const modules = files.filter((file) => isModuleFile(file) && !isOutsideSource(file) && !/(^|\/)(dist|build|out)\//.test(file));
  const add = (file: string | undefined, side: Entry['side'], label: string, route?: boolean, receivedBy?: string) => {
    if (file) entries.push({ file, side, label, ...(route ? { route } : {}), ...(receivedBy !== undefined ? { receivedBy } : {}) });
  };

  // A repository without a root package.json still has server folders at its root.
  const owners = packages.some(({ dir }) => dir === '') ? packages : [...packages, { dir: '', dependencies: new Set<string>(), manifest: {} }];
  const ownerOf = new Map(files.map((file) => [file, packageOf(owners, file)]));
  // Each package's files and modules, relative to it, in one pass.
  const ownedBy = new Map(owners.map((info) => [info, { files: [] as string[], modules: [] as string[] }]));
  for (const file of files) {
    const owner = ownerOf.get(file);
    if (owner) ownedBy.get(owner)?.files.push(relativeTo(owner.dir, file));
  }
  for (const file of modules) {
    const owner = ownerOf.get(file);
    if (owner) ownedBy.get(owner)?.modules.push(relativeTo(owner.dir, file));
  }
  for (const info of owners) {
    const { files: ownedFiles, modules: owned } = ownedBy.get(info) ?? { files: [], modules: [] };
    // Detection asks for config files beside package.json: a glob without a folder needs only those.
    const besideManifest = ownedFiles.filter((file) => !file.includes('/'));
    const has = (glob: string) => {
      const match = globMatcher(glob);
      return (glob.includes('/') ? ownedFiles : besideManifest).some((file) => match(file));
    };
    for (const framework of FRAMEWORKS) {
      if (!framework.detect(info, has)) continue;
      const excluded = globMatcher(framework.notClient ?? []);
      for (const [glob, label] of framework.client) {
        const match = globMatcher(glob);
        for (const file of owned) if (match(file) && !excluded(file)) add(joinPosix(info.dir, file), 'client', label, false, framework.receivedBy);
      }
      for (const [glob, label] of framework.pages ?? []) {
        const match = globMatcher(glob);
        for (const file of ownedFiles) if (match(file)) add(joinPosix(info.dir, file), 'client', label, false, framework.receivedBy);
      }
      for (const [glob, label] of framework.server) {
        const match = globMatcher(glob);
        for (const file of owned) if (match(file)) add(joinPosix(info.dir, file), 'server', label);
      }
      for (const [glob, label] of framework.boundaries ?? []) {
        const match = globMatcher(glob);
        for (const file of owned) if (match(file)) entries.push({ file: joinPosix(info.dir, file), side: 'server', label, boundary: true });
      }
      if (framework.routeConfig) {
        for (const file of routeModulesNamed(paths, info.dir, ownedFiles, fileSet, framework.routeConfig)) {
          add(file, 'client', framework.routeConfig.client, true);
          add(file, 'server', framework.routeConfig.server, true);
        }
      }
    }
    const serverFolder = globMatcher(SERVER_FOLDERS);
    for (const file of owned) if (serverFolder(file)) add(joinPosix(info.dir, file), 'server', 'server folder');
    const manifestFile = joinPosix(info.dir, 'package.json');
    const nodeTargets = nodeEntryPoints(info).map((target) => ({ target }));
    for (const { target } of boundedTargets(nodeTargets, manifestFile, 'Node entry points', problems)) add(sourceFor(joinPosix(info.dir, target)), 'server', 'Node entry point in package.json');
    // What package.json hands to browsers (`browser`, `unpkg`, a `browser` export), or its source.
    for (const { target, field } of boundedTargets(browserTargets(info), manifestFile, 'browser entry points', problems)) {
      const file = fileSet.has(target) && isModuleFile(target) ? target : sourceFor(target);
      add(file, 'client', `package.json ${field}`);
    }
  }

  // Markers in the module's own text or path, in any framework (after the frameworks' entries,
  // whose labels are more specific for the same file).
  for (const file of modules) {
    const head = heads ? heads.get(file) : readHead(moduleBytes, paths.absolute(file));
    if (head?.directive) add(file, DIRECTIVE_MARKERS[head.directive].side, `"${head.directive}"`);
    for (const specifier of head?.markerImports ?? []) add(file, 'server', `import "${specifier}"`);
    const marker = pathMarker(file);
    if (marker) add(file, marker.side, marker.id === 'client-file' ? '*.client.* file' : marker.reason);
  }

  // Browser extensions: what the manifest has the browser load, from the extension every user installs.
  for (const manifest of files) {
    const asCode = EXTENSION_MANIFEST_CODE.test(manifest);
    if ((!asCode && !/(^|\/)manifest\.json$/.test(manifest)) || isOutsideSource(manifest)) continue;
    // A manifest written as code names its files from the build's folder, the package's.
    const extensionRoot = asCode ? (ownerOf.get(manifest)?.dir ?? '') : dirnamePosix(manifest);
    let named: ReturnType<typeof extensionManifestFiles>;
    try {
      const text = readProjectText(paths, paths.absolute(manifest));
      named = asCode ? extensionManifestSourceFiles(text, extensionRoot) : extensionManifestFiles(text, manifest);
    } catch {
      continue;
    }
    for (const { file, field } of named?.scripts ?? []) add(fileSet.has(file) ? file : sourceFor(file), 'client', `browser extension ${field} in ${manifest}, installed by every user`, false, EXTENSION_USERS);
    for (const { file: page, field } of named?.pages ?? []) {
      if (!fileSet.has(page)) continue;
      for (const target of pageScripts(paths, page, extensionRoot, fileSet)) add(target, 'client', `script of the browser extension's ${field} page ${page}, installed by every user`, false, EXTENSION_USERS);
    }
  }

  // Vite (single- and multi-page) and plain pages: the local scripts an HTML page loads run in browsers.
  const pages = files.filter((file) => /\.html?$/.test(file) && !isOutsideSource(file) && !/(^|\/)(dist|build|out|public|static)\//.test(file));
  for (const html of boundedPages(pages, problems)) {
    const owner = ownerOf.get(html);
    const vite = owner?.dependencies.has('vite') ?? false;
    // Vite's project root: the package's folder, or the folder its config's `root` names.
    const moved = vite ? pageRoots?.get(owner?.dir ?? '') : undefined;
    const root = moved?.dir ?? owner?.dir ?? '';
    const scripts = pageScripts(paths, html, root, fileSet);
    for (const target of scripts) add(target, 'client', vite ? `Vite entry in ${html}` : `script in ${html}`);
    // The page itself goes to the browsers that run its scripts, inline ones too; Vite serves and
    // builds the pages of its project root whatever they load.
    if (vite && dirnamePosix(html) === root) add(html, 'client', moved ? `page Vite serves and builds from the root ${moved.where} names` : 'page Vite serves and builds');
    else if (scripts.length > 0) add(html, 'client', `page that loads ${scripts[0]}`);
  }

  if (clientEntries.length > 0) {
    const match = picomatch([...clientEntries], { dot: true });
    for (const file of modules) if (match(file)) add(file, 'client', 'clientEntries in config');
  }
  return entries;
}

/** The files of the repository an HTML page's scripts load; none when it cannot be read. */
function pageScripts(paths: RootPaths, html: string, root: string, fileSet: ReadonlySet<string>): string[] {
  let text: string;
  try {
    text = readProjectText(paths, paths.absolute(html));
  } catch {
    return [];
  }
  return pageScriptSources(text).flatMap((src) => pageScriptFile(src, html, root, (file) => fileSet.has(file)) ?? []);
}

/**
 * HTML pages read for their scripts. A site's pages share their scripts, and generated docs commit
 * tens of thousands of pages: the shallowest are read, and a problem names the rest.
 */
export const MAX_HTML_PAGES = 2000;

function boundedPages(pages: readonly string[], problems: Problem[]): string[] {
  if (pages.length <= MAX_HTML_PAGES) return [...pages];
  const depth = (file: string) => file.split('/').length;
  const sorted = [...pages].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1));
  problems.push({ file: sorted[MAX_HTML_PAGES] ?? '', reason: `one of ${pages.length} HTML pages; only the ${MAX_HTML_PAGES} shallowest are read for the scripts they load` });
  return sorted.slice(0, MAX_HTML_PAGES);
}

/** A quoted module path (`'routes/home.tsx'`, `"./about/page.jsx"`). */
const QUOTED_MODULE = /["'`]((?:\.\/)?[\w@$().[\]/-]+\.(?:[cm]?[jt]sx?|mdx?))["'`]/g;

/**
 * The route modules a route config names (`index('routes/home.tsx')`, `route('about', './about/page.tsx')`),
 * read from its text: every quoted path of a module that exists, relative to the config's folder.
 */
function routeModulesNamed(paths: RootPaths, packageDir: string, ownedFiles: readonly string[], fileSet: ReadonlySet<string>, config: RouteConfig): string[] {
  const isConfig = globMatcher(config.files);
  const found: string[] = [];
  for (const file of ownedFiles.filter((owned) => isConfig(owned))) {
    let text: string;
    try {
      text = readProjectText(paths, paths.absolute(joinPosix(packageDir, file)));
    } catch {
      continue;
    }
    for (const [, path] of text.matchAll(QUOTED_MODULE)) {
      const target = joinPosix(packageDir, joinPosix(config.dir, (path ?? '').replace(/^\.\//, '')));
      if (fileSet.has(target)) found.push(target);
    }
  }
  return found;
}

/** The marks at a module's start, read here (the walk then takes its bytes from `moduleBytes`). */
function readHead(moduleBytes: ModuleBytes, path: string): ModuleHead | undefined {
  const bytes = moduleBytes.read(path);
  return bytes ? moduleHeadOf(bytes) : undefined;
}


/**
 * Where a Node program starts: `bin`, the files `node`/`tsx` run in `scripts`, and `main` /
 * `exports` unless the package is a browser library (a `browser` field or a UI framework dependency).
 */
function nodeEntryPoints(info: PackageInfo): string[] {
  const { manifest } = info;
  const browserLibrary = manifest.browser !== undefined || isBrowserPackage(info) || BROWSER_LIBRARY_DEPENDENCIES.some((name) => info.dependencies.has(name));
  const targets = [
    ...(browserLibrary ? [] : [manifest.main, ...exportTargets(manifest.exports)]),
    ...(typeof manifest.bin === 'string' ? [manifest.bin] : Object.values((manifest.bin as Record<string, unknown>) ?? {})),
    ...Object.values(manifest.scripts ?? {}).flatMap((script) => (typeof script === 'string' ? scriptEntryFiles(script) : [])),
  ];
  return targets.filter((target): target is string => typeof target === 'string' && !target.endsWith('.json')).map((target) => target.replace(/^\.\//, ''));
}
