/**
 * What each framework, adapter and bundler ships: one row each, read by one piece of code
 * (`graph/build-layout.ts` for build folders, `graph/config-injection.ts` for config files).
 * Adding a framework means adding a row here.
 *
 * A row applies to a package (a folder with a package.json, or the root) when the package depends
 * on one of its `dependencies` or holds one of its `configs`. Folders marked `anywhere` have names
 * no other tool uses (`.next/static`), so they apply at any depth, with or without a package.json.
 */

export type BuildSide = 'client' | 'server';

export interface BuildFolder {
  /** Relative to the package folder (POSIX). `*` matches one segment; a file path is allowed. */
  path: string;
  side: BuildSide;
  /** Why, in words a person can check; quoted in the finding's message. */
  reason: string;
  /** The name alone tells the framework: matched at any depth, whatever the package depends on. */
  anywhere?: boolean;
  /**
   * Only when this path exists, relative to the folder holding the matched one (the package folder,
   * or for an `anywhere` folder its parent): Next.js's `out/_next` of a static export.
   */
  when?: string;
  /** A name other projects use for sources (`public`): build output only beside the row's config file. */
  besideConfig?: boolean;
  /** Only files whose name matches (a glob): Next.js's prerendered `*.html` / `*.rsc` under `.next/server`. */
  files?: string;
}

/**
 * Where a config file injects values into the code it builds, read from its syntax tree:
 * - `defines`: an object whose keys are replaced in code by its values (Vite/esbuild/tsup `define`,
 *   webpack `DefinePlugin`, `@rollup/plugin-replace`): every env variable a value reads is injected,
 *   and so is `X` for a key spelled `process.env.X` or `import.meta.env.X`.
 * - `env-object`: an object whose keys are env variables the framework inlines (Next.js `env`).
 * - `env-names`: env variable names listed as strings or object keys (webpack `EnvironmentPlugin`).
 * - `shipped-object`: an object the app receives whole (Expo `extra`, Nuxt `runtimeConfig.public`,
 *   Next.js `publicRuntimeConfig`): env reads in it are injected, and a key written in it ships.
 * - `public-prefixes`: more public env prefixes (Vite `envPrefix`).
 * - `client-files`: source files the build swaps into the browser bundle (Angular `fileReplacements`).
 * - `entry-files`: source files (a path or a list, relative to the config's folder) the build bundles
 *   for browsers, or the page it serves them in (Angular's `build.options.browser`, `main`,
 *   `polyfills`, `scripts` and `index` in `angular.json`).
 * - `env-reads`: every env variable the built code reads (`process.env.X`) is inlined (dotenv-webpack's
 *   `new Dotenv()`, which loads `.env` for the build).
 * - `page-root`: the folder the tool serves and builds its HTML pages from, relative to the config's
 *   folder (Vite's `root`): the pages in it are client, their `/src/main.ts` scripts are from it,
 *   and the row's `staticFolders` are under it unless a `static-folders` point names others.
 * - `static-folders`: folders (a path, a list, or `{ from }` objects) the build copies into what it
 *   ships as they are, relative to the page root if one is set, else to the config's folder (Vite's
 *   `publicDir`, Storybook's `staticDirs`); `false` names none.
 */
export type InjectionKind = 'defines' | 'env-object' | 'env-names' | 'shipped-object' | 'public-prefixes' | 'client-files' | 'entry-files' | 'env-reads' | 'page-root' | 'static-folders';

export interface InjectionPoint {
  kind: InjectionKind;
  /**
   * A property of that name anywhere in the config (or only right inside the object of a property
   * named `within`: Nuxt's `runtimeConfig.public`; a dotted `within` names the properties around
   * that one, `build.options`, and `*` any property, `build.configurations.*`; `topLevel`: only in the config's own object, not in a plugin's
   * options nested in it), `new Name(…)` (also `new ns.Name(…)`), or a call `name(…)` (also of
   * the default import of `from`, whatever its local name), the function webpack-chain's
   * `config.plugin(name).tap(fn)` hands the plugin's arguments to (Vue CLI's `chainWebpack`), or the
   * object the config exports (`module.exports =`, `export default`, or what an exported function returns).
   */
  at: { property: string; within?: string; topLevel?: boolean } | { construct: string } | { call: string; from?: string } | { chainedPlugin: string } | { exported: true };
  /** For a `shipped-object`: where the object goes, in words (`puts it in Expo's extra, which every installed app receives`). */
  ships?: string;
  /**
   * For a `shipped-object`: the tool serializes it as data (JSON), which drops functions, so what a
   * function in it holds stays behind (a Docusaurus plugin written inline in the config).
   */
  serialized?: boolean;
  /**
   * The major version of `dependency` that dropped the option: a package whose package.json asks
   * for that version or later (`"next": "^16.0.0"`) gets nothing from it. Next.js 16 removed
   * `publicRuntimeConfig`.
   */
  removedIn?: { dependency: string; major: number };
}

export interface ConfigPlatform {
  /** Properties that name the target platform (`target`, `platform`). */
  properties: readonly string[];
  /** Values that mean Node (`node`, `node18`, `electron-main`…): matched as a prefix. */
  node: readonly string[];
  /** Values that mean a browser bundle (`browser`, `web`, `iife`, `umd`). */
  browser: readonly string[];
  /**
   * Values that mean a desktop app's code (`electron-main`, `electron-preload`): it runs in Node or a
   * browser window, but it is packed into the app every user installs, so it ships as browser code does.
   */
  app?: readonly string[];
  /** What the tool builds when the config names no platform. */
  default: BuildSide | 'unknown';
  /** Properties naming the output folder or file (`outdir`, `output.path`); the folder defaults to `dist`. */
  output: readonly string[];
  /** Properties naming the source modules it bundles: client entries when it builds for browsers. */
  entry: readonly string[];
}

/**
 * How a bundler's command line in package.json `scripts` describes a build: its flags stand for
 * the config properties of the same meaning (`--platform=node` is `platform: 'node'`), read with
 * the row's `platform`. An invocation that names no entry leaves the build to the config file.
 */
export interface CommandLine {
  /** The program's name (`esbuild`), however it is run (`npx esbuild`, `dotenv -- esbuild`). */
  command: string;
  /** Flags, without their dashes, and the config property each one sets. */
  flags: Readonly<Record<string, string>>;
  /** The property its arguments that are no flag set (esbuild's entry points). */
  positional?: string;
  /** The flag whose `--flag:NAME=VALUE` form defines a constant (esbuild's `--define:`). */
  define?: string;
  /** Flags naming the config file the build reads (`webpack --config build/webpack.prod.js`): read as this row's config. */
  config?: readonly string[];
}

/**
 * A value the framework's server build holds and sends to every browser as it is, so a key in it
 * ships though the file runs on the server: Nitro's public runtime config, which each
 * server-rendered page carries in its payload.
 */
export interface ShippedServerValue {
  /** Built files that may hold it: globs matched at any depth. */
  files: readonly string[];
  /** The top-level variable whose object literal holds it. */
  variable: string;
  /** The property of that object that browsers receive. */
  property: string;
  /** Why, in words a person can check. */
  reason: string;
}

/** How a tool ships env variables with no config saying so, in words a person can check. */
export interface EnvShipping {
  reason: string;
  /** Who receives the variables, when not browsers (`everyone who installs the app`). */
  receivedBy?: string;
  /** What to do instead, as an imperative clause, when not removing an injection from a build config. */
  advice?: string;
  /**
   * The tool loads env files from its project root alone, not from the package: the nearest folder
   * at or above the package that holds one of these names, else the scanned root. Parcel's is the
   * folder of the lockfile or the repository, so a workspace's app reads the monorepo's root `.env`
   * and never its own.
   */
  projectRootMarkers?: readonly string[];
}

/**
 * Builds a tool describes in package.json itself (Parcel): named `targets`, each an object of the
 * row's `platform` properties, read by graph/manifest-targets.ts.
 */
export interface ManifestTargets {
  /** The field of named targets. */
  targets: string;
  /** The field naming the entries of every target that names none (and its property in a target). */
  source: string;
  /** Targets named after a field that names their output file (`main`, `module`, `browser`). */
  fieldTargets: readonly string[];
  /** Field targets that build no code (`types`, declaration files). */
  codelessTargets: readonly string[];
  /** The field target that always builds for browsers. */
  browserTarget: string;
  /** The field target that builds for browsers when a browser target is beside it, whatever `main` builds for. */
  moduleTarget: string;
  /** The name of the target a package with no targets and no field targets gets. */
  defaultTarget: string;
  /** Where a target with no folder of its own lands; `<it>/<name>` for each of two or more custom targets. */
  defaultDistDir: string;
}

export interface FrameworkBuild {
  name: string;
  dependencies?: readonly string[];
  /** Config file globs, relative to the package folder. */
  configs?: readonly string[];
  /** False when the config names are too common to tell the framework (Expo's `app.json`): only `dependencies` do. */
  detectByConfig?: boolean;
  /** Config files (globs) that name one of `dependencies` as an import (`svelte.config.js` imports its adapter). */
  importedIn?: readonly string[];
  /**
   * Config names other tools share (`build.mjs`): such a file is this row's config only when it
   * names `module` as an import, as a build script that runs esbuild imports `esbuild`.
   */
  sharedConfigs?: { globs: readonly string[]; module: string };
  folders?: readonly BuildFolder[];
  injections?: readonly InjectionPoint[];
  /** For bundlers: the config says whether its output runs in browsers, and where it goes. */
  platform?: ConfigPlatform;
  /** For bundlers run from package.json scripts: how their flags map to the config's properties. */
  commandLine?: CommandLine;
  /**
   * Source folders the framework serves to browsers as they are (Vite's and Next.js's `public/`,
   * SvelteKit's `static/`), relative to the package folder: a key in one is client.
   */
  staticFolders?: readonly string[];
  /** Values in the server build that browsers receive (Nitro's `_inlineRuntimeConfig.public`). */
  shippedServerValues?: readonly ShippedServerValue[];
  /**
   * The tool inlines every env variable browser code reads (`process.env.X`), from `.env` files it
   * loads itself, with no config saying so (Parcel).
   */
  inlinesEnvReads?: EnvShipping;
  /**
   * The framework hands browser code only the env variables its public prefix names (and those a
   * config injects, read from `injections`): any other variable client code reads is undefined
   * there, so its value stays on the server. Why, in words a person can check.
   */
  publicEnvOnly?: string;
  /**
   * The tool builds every variable of the package's `.env` files into what it ships, whatever its
   * name and whether code reads it (react-native-config writes them into the app's native config).
   */
  shipsEnvFiles?: EnvShipping;
  /** The tool's builds as package.json describes them (Parcel's `targets`); their side by `platform`. */
  manifestTargets?: ManifestTargets;
  /**
   * Folders (names, matched at any depth) where the tool keeps its own cache on the build machine
   * (Parcel's `.parcel-cache`): copies of what builds read, never served, so never scanned. The
   * reason is the skipped entry's, shown when the folder is not gitignored.
   */
  cacheFolders?: readonly { name: string; reason: string }[];
  /**
   * Who receives what the row ships, when not browsers (`everyone who installs the app`): also every
   * client module of a package the row applies to (a Tauri app's frontend is inside the app).
   */
  receivedBy?: string;
  /**
   * Source files (globs, relative to the package folder) the tool compiles into what it ships
   * though no module imports them: Tauri's Rust code and config, built into the app's binary.
   */
  compiledSources?: readonly string[];
  /**
   * Configs the framework generates on install or first build (`.nuxt/tsconfig.json` by `nuxi
   * prepare`), which the repository's tsconfig extends: a checkout does not have them, and the
   * resolver knows the aliases they set, so a missing one is no problem to report. Globs.
   */
  generatedConfigs?: readonly string[];
}

const JS = '{js,mjs,cjs,ts,mts,cts}';
const client = (path: string, reason: string, extra: Partial<BuildFolder> = {}): BuildFolder => ({ path, side: 'client', reason, ...extra });
const server = (path: string, reason: string, extra: Partial<BuildFolder> = {}): BuildFolder => ({ path, side: 'server', reason, ...extra });
const SVELTE_CONFIG = `svelte.config.${JS}`;
const DEFINES: InjectionPoint = { kind: 'defines', at: { property: 'define' } };
/** Where an Angular build target's options are: its `options`, and each of its `configurations`. */
const ANGULAR_BUILD_OPTIONS = ['build.options', 'build.configurations.*'];

export const FRAMEWORK_BUILDS: readonly FrameworkBuild[] = [
  {
    name: 'Next.js',
    dependencies: ['next'],
    publicEnvOnly: 'Next.js inlines only NEXT_PUBLIC_ variables and those next.config.js `env` names into browser code',
    staticFolders: ['public'],
    configs: [`next.config.${JS}`],
    folders: [
      client('.next/static', 'Next.js serves .next/static to every browser', { anywhere: true }),
      server('.next/server', 'Next.js runs .next/server on the server only', { anywhere: true }),
      client('.next/server/app', 'Next.js serves the prerendered .html and .rsc pages of .next/server/app to browsers as they are', { anywhere: true, files: '*.{html,rsc,body,meta}' }),
      client('.next/server/pages', 'Next.js serves the prerendered .html pages of .next/server/pages to browsers as they are', { anywhere: true, files: '*.{html,json}' }),
      server('.next', 'Next.js reads .next/required-server-files on the server only', { anywhere: true, files: 'required-server-files.{js,json}' }),
      server('.next/standalone', 'a Next.js standalone build is the Node server', { anywhere: true }),
      client('.next/standalone/.next/static', 'Next.js serves .next/static to every browser', { anywhere: true }),
      client('out', 'out/ is a Next.js static export, served to browsers as is', { when: 'out/_next' }),
    ],
    injections: [
      { kind: 'env-object', at: { property: 'env' } },
      // `webpack(config, { webpack }) { config.plugins.push(new webpack.DefinePlugin({ … })) }`: both builds, the browser's among them.
      { kind: 'defines', at: { construct: 'DefinePlugin' } },
      { kind: 'env-names', at: { construct: 'EnvironmentPlugin' } },
      {
        kind: 'shipped-object',
        at: { property: 'publicRuntimeConfig' },
        ships: "puts it in Next.js's publicRuntimeConfig, which every page sends to the browser",
        removedIn: { dependency: 'next', major: 16 },
      },
    ],
  },
  {
    name: 'Vercel Build Output API',
    folders: [
      client('.vercel/output/static', 'the Vercel Build Output API serves .vercel/output/static to browsers', { anywhere: true }),
      server('.vercel/output/functions', 'the Vercel Build Output API runs .vercel/output/functions on the server', { anywhere: true }),
    ],
  },
  {
    name: 'SvelteKit',
    dependencies: ['@sveltejs/kit'],
    publicEnvOnly: 'SvelteKit gives browser code only PUBLIC_ variables, through $env/static/public and $env/dynamic/public',
    staticFolders: ['static'],
    configs: [SVELTE_CONFIG],
    generatedConfigs: ['.svelte-kit/tsconfig.json'],
    folders: [
      client('.svelte-kit/output/client', 'SvelteKit serves its client output to every browser', { anywhere: true }),
      client('.svelte-kit/output/prerendered', 'SvelteKit serves prerendered pages to browsers', { anywhere: true }),
      server('.svelte-kit/output/server', 'SvelteKit runs its server output on the server only', { anywhere: true }),
    ],
  },
  {
    name: 'SvelteKit adapter-node',
    dependencies: ['@sveltejs/adapter-node'],
    importedIn: [SVELTE_CONFIG],
    folders: [
      client('build/client', 'SvelteKit adapter-node serves build/client to every browser'),
      client('build/prerendered', 'SvelteKit adapter-node serves build/prerendered to browsers'),
      server('build/server', 'SvelteKit adapter-node runs build/server on the server only'),
      server('build', 'SvelteKit adapter-node runs the rest of build/, index.js and handler.js, as the Node server'),
    ],
  },
  {
    name: 'SvelteKit adapter-static',
    dependencies: ['@sveltejs/adapter-static'],
    importedIn: [SVELTE_CONFIG],
    folders: [client('build', 'SvelteKit adapter-static writes a static site to build/, served to browsers')],
  },
  {
    name: 'SvelteKit adapter-netlify',
    dependencies: ['@sveltejs/adapter-netlify'],
    importedIn: [SVELTE_CONFIG],
    folders: [
      client('build', 'Netlify publishes the build/ of SvelteKit adapter-netlify to browsers'),
      server('.netlify/functions-internal', 'Netlify runs .netlify/functions-internal on the server', { anywhere: true }),
      server('.netlify/server', 'Netlify runs .netlify/server on the server', { anywhere: true }),
      server('.netlify/edge-functions', 'Netlify runs .netlify/edge-functions on its edge servers', { anywhere: true }),
      client('.netlify/static', 'Netlify publishes .netlify/static to browsers', { anywhere: true }),
    ],
  },
  {
    name: 'SvelteKit adapter-cloudflare',
    dependencies: ['@sveltejs/adapter-cloudflare', '@sveltejs/adapter-cloudflare-workers'],
    importedIn: [SVELTE_CONFIG],
    folders: [
      client('.svelte-kit/cloudflare', 'Cloudflare Pages serves .svelte-kit/cloudflare to browsers', { anywhere: true }),
      server('.svelte-kit/cloudflare/_worker.js', 'the Cloudflare worker runs on the server', { anywhere: true }),
      server('.svelte-kit/cloudflare/_worker.js/*', 'the Cloudflare worker runs on the server', { anywhere: true }),
    ],
  },
  {
    name: 'Nuxt / Nitro',
    dependencies: ['nuxt', 'nitropack'],
    publicEnvOnly: 'Nuxt gives browser code env values only through runtimeConfig.public, and Vite only VITE_ variables through import.meta.env',
    staticFolders: ['public'],
    configs: [`nuxt.config.${JS}`, `nitro.config.${JS}`],
    generatedConfigs: ['.nuxt/tsconfig*.json'],
    injections: [
      { kind: 'shipped-object', at: { property: 'public', within: 'runtimeConfig' }, ships: "puts it in Nuxt's public runtime config, which every page sends to the browser" },
    ],
    folders: [
      client('.output/public', 'Nuxt/Nitro serves .output/public to every browser', { anywhere: true }),
      server('.output/server', 'Nuxt/Nitro runs .output/server on the server only', { anywhere: true }),
      client('.nuxt/dist/client', 'Nuxt serves its client build to every browser', { anywhere: true }),
      server('.nuxt/dist/server', 'Nuxt runs its server build on the server only', { anywhere: true }),
      server('.nuxt', 'Nuxt keeps the rest of .nuxt (generated code, the Nitro prerenderer in .nuxt/prerender, caches) on the build machine', { anywhere: true }),
    ],
    shippedServerValues: [
      {
        // The node preset's .output/server, and the same chunks in the Vercel and Netlify presets' functions.
        files: ['.output/server/**/*.{mjs,js}', '.vercel/output/functions/**/*.{mjs,js}', '.netlify/functions-internal/**/*.{mjs,js}'],
        variable: '_inlineRuntimeConfig',
        property: 'public',
        reason: "Nuxt/Nitro sends the public runtime config to every browser in each server-rendered page's payload",
      },
    ],
  },
  {
    name: 'Astro',
    dependencies: ['astro'],
    publicEnvOnly: 'Astro gives client code only PUBLIC_ variables through import.meta.env',
    staticFolders: ['public'],
    configs: [`astro.config.${JS}`],
    // `vite: { define }`: Astro hands its Vite options to Vite, which replaces the names in island and <script> code too.
    injections: [DEFINES],
    folders: [
      client('dist/client', 'Astro serves dist/client to every browser'),
      server('dist/server', 'Astro runs dist/server on the server only'),
      client('dist', 'a static Astro build, dist/ without a server half, is served to browsers'),
    ],
  },
  {
    name: 'SolidStart',
    dependencies: ['@solidjs/start'],
    staticFolders: ['public'],
    // Vinxi's app.config (SolidStart 1) hands `vite: { define }` to Vite; Expo shares the name.
    configs: [`app.config.${JS}`],
    detectByConfig: false,
    injections: [DEFINES],
  },
  {
    name: 'Remix / React Router',
    dependencies: ['@remix-run/dev', '@react-router/dev'],
    publicEnvOnly: 'Remix and React Router put no env variable into browser code but the VITE_ ones Vite gives it through import.meta.env',
    staticFolders: ['public'],
    configs: [`react-router.config.${JS}`, `remix.config.${JS}`],
    folders: [
      client('build/client', 'Remix / React Router serves build/client to every browser'),
      server('build/server', 'Remix / React Router runs build/server on the server only'),
      client('public/build', 'Remix serves public/build to every browser'),
      server('build', 'the Remix server build runs on the server only'),
    ],
  },
  {
    name: 'Angular',
    dependencies: ['@angular/core'],
    staticFolders: ['public', 'src/assets'],
    configs: ['angular.json'],
    injections: [
      { kind: 'client-files', at: { property: 'fileReplacements' } },
      // Each project's browser bundle starts at its build target's entry files, wherever the project
      // is, in its options and in each configuration (`production`, `staging`) that overrides them.
      ...ANGULAR_BUILD_OPTIONS.flatMap((within): InjectionPoint[] => [
        ...['browser', 'main', 'scripts', 'polyfills', 'index'].map((property): InjectionPoint => ({ kind: 'entry-files', at: { property, within } })),
        // The application builder's `define` replaces identifiers in the browser bundle with its values.
        { kind: 'defines', at: { property: 'define', within } },
      ]),
    ],
    folders: [
      client('dist/*/browser', 'Angular serves dist/<app>/browser to every browser'),
      server('dist/*/server', 'Angular runs the SSR build in dist/<app>/server on the server only'),
      client('dist', 'an Angular browser build in dist/<app>/ is served to browsers'),
    ],
  },
  {
    name: 'Gatsby',
    dependencies: ['gatsby'],
    publicEnvOnly: 'Gatsby embeds only GATSBY_ variables in browser code',
    staticFolders: ['static'],
    configs: [`gatsby-config.${JS}`, `gatsby-node.${JS}`],
    // gatsby-node's onCreateWebpackConfig: `actions.setWebpackConfig({ plugins: [plugins.define({…})] })`.
    injections: [
      { kind: 'defines', at: { call: 'define' } },
      { kind: 'defines', at: { construct: 'DefinePlugin' } },
      // Taken as shipped whole: which fields a query selects is not read, and the SEO component of
      // Gatsby's starters queries it for every page, as the sitemap, feed and manifest plugins read it.
      {
        kind: 'shipped-object',
        at: { property: 'siteMetadata', topLevel: true },
        ships: "puts it in Gatsby's siteMetadata, which pages and components query with GraphQL (site { siteMetadata }) into the page data every browser fetches",
      },
    ],
    folders: [client('public', 'Gatsby builds the site into public/, served to browsers', { besideConfig: true })],
  },
  {
    name: 'Create React App',
    dependencies: ['react-scripts'],
    publicEnvOnly: 'Create React App embeds only REACT_APP_ variables (and NODE_ENV) in the build',
    staticFolders: ['public'],
    folders: [client('build', 'Create React App builds a browser app into build/')],
  },
  {
    // Create React App's config overrides: what they add to its webpack config, CRA's rule on env variables does not cover.
    name: 'CRACO / react-app-rewired',
    dependencies: ['@craco/craco', 'react-app-rewired'],
    configs: [`craco.config.${JS}`, `.cracorc.${JS}`, 'config-overrides.js'],
    injections: [
      { kind: 'defines', at: { construct: 'DefinePlugin' } },
      { kind: 'env-names', at: { construct: 'EnvironmentPlugin' } },
      { kind: 'env-reads', at: { construct: 'Dotenv' } },
    ],
  },
  {
    name: 'Docusaurus',
    dependencies: ['@docusaurus/core'],
    staticFolders: ['static'],
    configs: [`docusaurus.config.${JS}`],
    // The site config is in every page's bundle (useDocusaurusContext().siteConfig).
    injections: [
      { kind: 'shipped-object', at: { property: 'customFields' }, ships: "puts it in Docusaurus's customFields, which every page's bundle holds" },
      { kind: 'shipped-object', at: { property: 'themeConfig' }, ships: "puts it in Docusaurus's themeConfig, which every page's bundle holds" },
      // The rest of the site config too, the options of presets, plugins and themes among it: Docusaurus
      // writes the whole config as JSON into .docusaurus/docusaurus.config.mjs, which the client imports.
      { kind: 'shipped-object', at: { exported: true }, serialized: true, ships: "puts it in Docusaurus's site config, which every page's bundle holds as data (useDocusaurusContext().siteConfig)" },
    ],
    folders: [client('build', 'Docusaurus builds a static site into build/, served to browsers')],
  },
  {
    name: 'Meteor',
    dependencies: ['meteor-node-stubs'],
    configs: ['settings*.json', '{config,private}/settings*.json', '.deploy/settings*.json'],
    detectByConfig: false,
    injections: [{ kind: 'shipped-object', at: { property: 'public' }, ships: 'puts it in Meteor.settings.public, which Meteor sends to every browser' }],
  },
  {
    name: 'Expo',
    dependencies: ['expo'],
    // Expo Router copies public/ into the web export as it is.
    staticFolders: ['public'],
    configs: ['app.json', `app.config.${JS}`],
    detectByConfig: false,
    folders: [
      client('dist', 'expo export writes the web and native app bundles to dist/; every user receives them'),
      client('web-build', 'Expo web builds into web-build/, served to browsers'),
      client('.expo/web', '.expo/web is the Expo web build', { anywhere: true }),
    ],
    injections: [{ kind: 'shipped-object', at: { property: 'extra' }, ships: "puts it in Expo's extra, which every installed app receives" }],
  },
  {
    name: 'react-native-dotenv',
    dependencies: ['react-native-dotenv'],
    inlinesEnvReads: {
      reason: "react-native-dotenv loads .env files and inlines every variable the app imports from '@env' into the app's JavaScript bundle",
      receivedBy: 'everyone who installs the app',
      advice: "stop importing the key from '@env' in the app, which builds it into the bundle, and call the Engium API from a server that holds it",
    },
  },
  {
    name: 'react-native-config',
    dependencies: ['react-native-config', 'react-native-ultimate-config'],
    shipsEnvFiles: {
      reason: "react-native-config builds every variable of the package's .env files into the app: Android's BuildConfig, iOS's Info.plist and the JavaScript bundle",
      receivedBy: 'everyone who installs the app',
      advice: "keep the key out of the app's .env files, which react-native-config ships whole, and call the Engium API from a server that holds it",
    },
  },
  {
    name: 'Capacitor',
    dependencies: ['@capacitor/core', '@capacitor/cli'],
    configs: ['capacitor.config.{json,ts,js}'],
    folders: [
      client('android/app/src/main/assets/public', 'Capacitor copies the web build into the Android app: every install holds it', { anywhere: true }),
      client('ios/App/App/public', 'Capacitor copies the web build into the iOS app: every install holds it', { anywhere: true }),
    ],
  },
  {
    name: 'Cordova',
    dependencies: ['cordova', 'cordova-android', 'cordova-ios'],
    folders: [
      client('platforms/android/app/src/main/assets/www', 'Cordova copies www/ into the Android app: every install holds it', { anywhere: true }),
      client('platforms/ios/www', 'Cordova copies www/ into the iOS app: every install holds it', { anywhere: true }),
      client('www', 'Cordova packages www/ into the app: every install holds it'),
    ],
  },
  {
    name: 'Plasmo',
    dependencies: ['plasmo'],
    folders: [client('build', 'Plasmo builds the browser extension into build/, which every user installs')],
  },
  {
    name: 'WXT',
    dependencies: ['wxt'],
    folders: [client('.output', 'WXT builds the browser extension into .output/, which every user installs')],
  },
  {
    name: 'Electron',
    dependencies: ['electron'],
    configs: [`electron.vite.config.${JS}`, `forge.config.${JS}`],
    // Main process, preload and renderer alike are packed into the app (app.asar) every user installs.
    folders: [
      client('out', 'electron-vite and Electron Forge build the app into out/, which every user installs'),
      client('.webpack', "Electron Forge's webpack plugin builds the app into .webpack/, which every user installs", { anywhere: true }),
      client('.vite/build', "Electron Forge's Vite plugin builds the main process into .vite/build/, which every user installs"),
      client('.vite/renderer', "Electron Forge's Vite plugin builds the renderer into .vite/renderer/, which every user installs"),
      client('dist_electron', 'vue-cli-plugin-electron-builder builds the app into dist_electron/, which every user installs', { anywhere: true }),
      client('release/app/dist', 'electron-react-boilerplate packs release/app/dist into the app every user installs'),
    ],
  },
  {
    name: 'Tauri',
    dependencies: ['@tauri-apps/cli', '@tauri-apps/api'],
    configs: ['src-tauri/tauri.conf.json', 'src-tauri/tauri.*.conf.json', 'src-tauri/Tauri.toml'],
    receivedBy: 'everyone who installs the app',
    // The Rust code is compiled into the app's binary, and the config with it (tauri::generate_context!).
    compiledSources: ['src-tauri/src/**', 'src-tauri/tauri.conf.json', 'src-tauri/tauri.*.conf.json', 'src-tauri/Tauri.toml'],
    // `build.frontendDist` (Tauri 2; `frontend-dist` in Tauri.toml) or `build.distDir` (Tauri 1), from
    // src-tauri/: every file of the folder (or the files listed) is embedded in the binary; a URL embeds none.
    injections: ['frontendDist', 'frontend-dist', 'distDir', 'dist-dir'].map((property): InjectionPoint => ({ kind: 'static-folders', at: { property, within: 'build' } })),
  },
  {
    name: 'Ionic',
    dependencies: ['@ionic/angular', '@ionic/react', '@ionic/vue'],
    folders: [client('www', 'Ionic builds the app into www/, which browsers and the native app load')],
  },
  {
    name: 'Vue CLI',
    dependencies: ['@vue/cli-service'],
    publicEnvOnly: 'Vue CLI embeds only VUE_APP_ variables (and NODE_ENV, BASE_URL) in the build',
    // public/index.html is the page template, and the rest of public/ is copied into dist/ as it is.
    staticFolders: ['public'],
    configs: [`vue.config.${JS}`],
    injections: [
      // `configureWebpack: { plugins: [new webpack.DefinePlugin({…})] }`
      { kind: 'defines', at: { construct: 'DefinePlugin' } },
      // `chainWebpack: (config) => config.plugin('define').tap((args) => { args[0]['process.env'].X = …; return args; })`:
      // the DefinePlugin vue-cli-service adds, whatever the function puts in its definitions.
      { kind: 'defines', at: { chainedPlugin: 'define' } },
    ],
    folders: [client('dist', 'Vue CLI builds a browser app into dist/')],
  },
  {
    name: 'RedwoodJS',
    dependencies: ['@redwoodjs/core', '@cedarjs/core'],
    // The project's config, beside its root package.json (Cedar is RedwoodJS's fork).
    configs: ['redwood.toml', 'cedar.toml'],
    // `[web] includeEnvironmentVariables = ['ENGIUM_KEY']`: defined into the web side's bundle.
    injections: [{ kind: 'env-names', at: { property: 'includeEnvironmentVariables', within: 'web' } }],
  },
  {
    name: 'RedwoodJS web side',
    dependencies: ['@redwoodjs/web'],
    staticFolders: ['public'],
    folders: [client('dist', 'RedwoodJS builds the web side into web/dist, served to browsers')],
  },
  {
    name: 'RedwoodJS api side',
    dependencies: ['@redwoodjs/api'],
    folders: [server('dist', 'RedwoodJS builds the api side into api/dist, run on the server')],
  },
  {
    name: 'Quasar',
    dependencies: ['@quasar/app-vite', '@quasar/app-webpack'],
    configs: [`quasar.config.${JS}`],
    folders: [
      client('dist/spa', 'Quasar builds the single-page app into dist/spa, served to browsers'),
      client('dist/pwa', 'Quasar builds the PWA into dist/pwa, served to browsers'),
    ],
  },
  {
    name: 'Eleventy',
    dependencies: ['@11ty/eleventy'],
    configs: [`{.eleventy,eleventy.config}.${JS}`],
    folders: [client('_site', 'a static site generator (Eleventy, Jekyll) builds the site into _site/, served to browsers', { anywhere: true })],
  },
  {
    name: 'VitePress',
    dependencies: ['vitepress'],
    staticFolders: ['public', 'docs/public'],
    folders: [client('.vitepress/dist', 'VitePress builds the site into .vitepress/dist, served to browsers', { anywhere: true })],
  },
  {
    name: 'VuePress',
    dependencies: ['vuepress'],
    staticFolders: ['.vuepress/public', 'docs/.vuepress/public'],
    folders: [client('.vuepress/dist', 'VuePress builds the site into .vuepress/dist, served to browsers', { anywhere: true })],
  },
  {
    name: 'Storybook',
    configs: [`.storybook/main.${JS}`],
    injections: [
      // `env: (config) => ({ ...config, X: process.env.X })` puts the variables in the stories' bundle.
      { kind: 'env-object', at: { property: 'env' } },
      { kind: 'shipped-object', at: { property: 'previewHead' }, ships: "puts it in Storybook's previewHead, the page every story renders in" },
      { kind: 'shipped-object', at: { property: 'previewBody' }, ships: "puts it in Storybook's previewBody, the page every story renders in" },
      { kind: 'shipped-object', at: { property: 'managerHead' }, ships: "puts it in Storybook's managerHead, the head of the page that lists the stories" },
      // `staticDirs: ['../public', { from: '../assets', to: '/assets' }]`, from .storybook/: copied into storybook-static.
      { kind: 'static-folders', at: { property: 'staticDirs', topLevel: true } },
    ],
    folders: [client('storybook-static', 'a static Storybook is served to browsers', { anywhere: true })],
  },
  {
    name: 'Parcel',
    dependencies: ['parcel'],
    inlinesEnvReads: {
      reason: 'Parcel loads .env files and inlines every process.env variable browser code reads into the bundle',
      // @parcel/core resolveOptions: LOCK_FILE_NAMES, then '.git' and '.hg'; loadDotEnv reads that folder only.
      projectRootMarkers: ['yarn.lock', 'package-lock.json', 'pnpm-lock.yaml', '.git', '.hg'],
    },
    folders: [client('dist', 'Parcel builds a browser app into dist/')],
    // @parcel/core TargetRequest: a target's `context`, else its engines (Node and no browsers: Node), else the browser.
    platform: { properties: ['context'], node: ['node', 'react-server'], browser: ['browser', 'web-worker', 'service-worker', 'worklet', 'react-client'], app: ['electron-main', 'electron-renderer'], default: 'client', output: ['distDir'], entry: ['source'] },
    manifestTargets: { targets: 'targets', source: 'source', fieldTargets: ['main', 'module', 'browser'], codelessTargets: ['types'], browserTarget: 'browser', moduleTarget: 'module', defaultTarget: 'default', defaultDistDir: 'dist' },
    cacheFolders: [
      {
        name: '.parcel-cache',
        reason:
          "Parcel's build cache: copies of the sources and of the .env values the build inlined, kept for the next build and never served, so not scanned (gitignore it: committed, it hands those values to everyone with the repository)",
      },
    ],
  },
  // Server frameworks of other languages whose JavaScript build lands in the folder they serve.
  {
    name: 'Laravel',
    dependencies: ['laravel-vite-plugin', 'laravel-mix'],
    configs: ['artisan'],
    staticFolders: ['public'],
    folders: [client('public/build', 'Laravel serves the Vite build in public/build to browsers')],
  },
  {
    name: 'Symfony Encore',
    dependencies: ['@symfony/webpack-encore'],
    staticFolders: ['public'],
    folders: [client('public/build', 'Symfony serves the Encore build in public/build to browsers')],
  },
  {
    name: 'Rails',
    folders: [
      client('app/assets/builds', 'Rails serves app/assets/builds (jsbundling-rails, cssbundling-rails) to browsers through the asset pipeline', { anywhere: true }),
      client('public/packs', 'Rails serves the Webpacker build in public/packs to browsers', { anywhere: true }),
      client('public/vite', 'Rails serves the Vite Ruby build in public/vite to browsers', { anywhere: true }),
    ],
  },
  {
    name: 'Phoenix',
    folders: [client('priv/static/assets', 'Phoenix serves priv/static/assets to browsers', { anywhere: true })],
  },
  {
    name: 'Express',
    dependencies: ['express'],
    // `app.use(express.static('public'))`, as express-generator writes it beside views/ and routes/.
    staticFolders: ['public'],
  },
  {
    name: 'Server-rendered web app',
    // Flask and Django apps, and most server frameworks, keep the assets they serve as they are in
    // static/ beside the templates/ they render. Other projects name a source folder static/ (a
    // Node server's module that serves files): static/ counts only beside a templates/ folder.
    configs: ['templates'],
    detectByConfig: false,
    folders: [client('static', 'a web app serves the static/ folder beside its templates/ to browsers as it is (Flask, Django apps)', { anywhere: true, besideConfig: true, when: 'templates' })],
  },
  {
    name: 'ASP.NET Core',
    folders: [client('wwwroot', 'ASP.NET Core serves wwwroot/ to browsers as it is', { anywhere: true })],
  },
  {
    name: 'Spring Boot',
    folders: [
      client('src/main/resources/static', 'Spring Boot serves src/main/resources/static/ to browsers as it is', { anywhere: true }),
      client('src/main/resources/public', 'Spring Boot serves src/main/resources/public/ to browsers as it is', { anywhere: true }),
    ],
  },
  {
    name: 'Django',
    configs: ['manage.py'],
    // Other projects name source folders staticfiles/ too (Django's own django/contrib/staticfiles):
    // collectstatic output only beside manage.py, as STATIC_ROOT = BASE_DIR / 'staticfiles' puts it.
    folders: [client('staticfiles', "Django's collectstatic gathers what it serves to browsers into staticfiles/", { anywhere: true, besideConfig: true, when: 'manage.py' })],
  },
  {
    name: 'Ember',
    dependencies: ['ember-source', 'ember-cli'],
    staticFolders: ['public'],
    // Other projects have a config/environment.js too: only the dependencies tell Ember.
    configs: ['config/environment.js'],
    detectByConfig: false,
    // The function's ENV is written into index.html's <meta name="<app>/config/environment"> (or into
    // the app's bundle), where the app reads it in the browser: everything the function builds ships.
    injections: [{ kind: 'shipped-object', at: { exported: true }, ships: "puts it in the ENV of Ember's config/environment.js, which the build writes into index.html for every browser" }],
    folders: [client('dist', 'Ember builds the app into dist/, served to browsers')],
  },
  {
    name: 'Stencil',
    dependencies: ['@stencil/core'],
    configs: [`stencil.config.${JS}`],
    injections: [
      // `env: { apiKey: process.env.X }`: components read it in the browser (`import { Env } from '@stencil/core'`).
      { kind: 'shipped-object', at: { property: 'env', topLevel: true }, ships: "puts it in Stencil's env, which components read in the browser (import { Env } from '@stencil/core')" },
      // `globalScript: 'src/global/app.ts'` runs before any component, in every page that loads them.
      { kind: 'entry-files', at: { property: 'globalScript', topLevel: true } },
    ],
    folders: [
      client('www', 'Stencil builds the web app into www/, served to browsers'),
      client('dist', 'Stencil builds the component library into dist/, which every app that uses it ships to browsers'),
    ],
  },
  {
    name: 'Qwik',
    dependencies: ['@builder.io/qwik', '@builder.io/qwik-city', '@qwik.dev/core', '@qwik.dev/router'],
    staticFolders: ['public'],
    // An adapter's build (`vite build -c adapters/express/vite.config.ts`) writes the server into
    // server/, which is no folder row: every folder here is build output wherever it is, and other
    // projects keep sources in server/, which is server code anyway.
    folders: [client('dist', 'Qwik builds the client into dist/, served to browsers')],
  },
  {
    name: 'Vite',
    dependencies: ['vite'],
    publicEnvOnly: 'Vite gives client code only VITE_ variables (or its envPrefix) through import.meta.env',
    commandLine: { command: 'vite', flags: {}, config: ['config', 'c'] },
    staticFolders: ['public'],
    configs: [`vite.config.${JS}`],
    folders: [
      server('dist/server', 'the Vite SSR build in dist/server runs on the server only'),
      client('dist/client', 'Vite serves dist/client to browsers'),
      client('dist', 'Vite builds browser code into dist/'),
    ],
    injections: [
      DEFINES,
      { kind: 'public-prefixes', at: { property: 'envPrefix' } },
      // `root: 'src'`, `root: resolve(__dirname, 'client')`: index.html and public/ are there. (envDir,
      // also from the root, needs nothing: a VITE_ variable is client in any .env file.)
      { kind: 'page-root', at: { property: 'root', topLevel: true } },
      { kind: 'static-folders', at: { property: 'publicDir', topLevel: true } },
    ],
  },
  {
    name: 'webpack',
    commandLine: { command: 'webpack', flags: {}, config: ['config', 'c'] },
    configs: [`webpack.config.${JS}`, `webpack.*.config.${JS}`, `webpack.config.*.${JS}`],
    injections: [
      { kind: 'defines', at: { construct: 'DefinePlugin' } },
      { kind: 'env-names', at: { construct: 'EnvironmentPlugin' } },
      { kind: 'env-reads', at: { construct: 'Dotenv' } },
    ],
    platform: { properties: ['target', 'libraryTarget'], node: ['node', 'async-node', 'commonjs'], browser: ['web', 'webworker', 'umd', 'var', 'window', 'browserslist'], app: ['electron'], default: 'client', output: ['path'], entry: ['entry'] },
  },
  {
    name: 'Rspack',
    commandLine: { command: 'rspack', flags: {}, config: ['config', 'c'] },
    configs: [`rspack.config.${JS}`, `rspack.*.config.${JS}`],
    injections: [
      { kind: 'defines', at: { construct: 'DefinePlugin' } },
      { kind: 'env-names', at: { construct: 'EnvironmentPlugin' } },
      { kind: 'env-reads', at: { construct: 'Dotenv' } },
    ],
    platform: { properties: ['target', 'libraryTarget'], node: ['node', 'async-node', 'commonjs'], browser: ['web', 'webworker', 'umd', 'var', 'window', 'browserslist'], app: ['electron'], default: 'client', output: ['path'], entry: ['entry'] },
  },
  {
    name: 'Rollup',
    configs: [`rollup.config.${JS}`],
    injections: [{ kind: 'defines', at: { call: 'replace', from: '@rollup/plugin-replace' } }],
    platform: { properties: ['format'], node: ['cjs', 'commonjs'], browser: ['iife', 'umd'], default: 'unknown', output: ['file', 'dir'], entry: ['input'] },
    commandLine: { command: 'rollup', flags: { f: 'format', format: 'format', o: 'file', file: 'file', d: 'dir', dir: 'dir', i: 'input', input: 'input' }, positional: 'input', config: ['config', 'c'] },
  },
  {
    name: 'tsup',
    configs: [`tsup.config.${JS}`],
    injections: [DEFINES, { kind: 'env-object', at: { property: 'env' } }],
    platform: { properties: ['platform', 'format'], node: ['node'], browser: ['browser', 'iife'], default: 'server', output: ['outDir'], entry: ['entry'] },
    commandLine: { command: 'tsup', flags: { format: 'format', platform: 'platform', d: 'outDir', 'out-dir': 'outDir' }, positional: 'entry', config: ['config'] },
  },
  {
    name: 'esbuild',
    configs: [`esbuild.config.${JS}`],
    sharedConfigs: { globs: [`{scripts/,}build.${JS}`], module: 'esbuild' },
    injections: [DEFINES],
    // esbuild's own default platform is the browser.
    platform: { properties: ['platform', 'format'], node: ['node'], browser: ['browser', 'iife'], default: 'client', output: ['outdir', 'outfile'], entry: ['entryPoints'] },
    commandLine: { command: 'esbuild', flags: { platform: 'platform', format: 'format', outdir: 'outdir', outfile: 'outfile' }, positional: 'entryPoints', define: 'define' },
  },
];
