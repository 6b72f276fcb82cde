// Exposure from the framework table, on small hand-built trees: which half of each build browsers
// receive (decided from package.json, config files and the layout on disk), browser packages, and
// env variables a build config injects into client code whatever their prefix.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import type { Finding, ScanReport } from '../../packages/scanner/src/finding.js';
import { fakeKey, REPO_ROOT, tempDir, writeFiles } from '../support/index.js';
import { findingIn, json, scanTree } from './support.js';

const scan = scanTree;

function findingOf(report: ScanReport, key: string, file: string): Finding {
  const finding = findingIn(report, key, file);
  expect(parenthesisDepth(finding.message), finding.message).toBeLessThanOrEqual(1);
  return finding;
}

/** The deepest nesting of parentheses: a message names its reason in one level of them at most. */
function parenthesisDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const char of text) {
    if (char === '(') deepest = Math.max(deepest, ++depth);
    else if (char === ')') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

const bundle = (key: string) => `(()=>{console.log("${key}")})();\n`;

describe('SvelteKit adapter-node build output', () => {
  const browser = fakeKey('live', 1401);
  const server = fakeKey('live', 1402);
  const handler = fakeKey('live', 1403);
  const keys = [browser, server, handler];
  const files = {
    'package.json': json({ name: 'kit', private: true, type: 'module', devDependencies: { '@sveltejs/kit': '2.0.0', '@sveltejs/adapter-node': '5.0.0', vite: '6.0.0' } }),
    'build/client/_app/immutable/chunks/entry.js': `export const k="${browser}";\n`,
    'build/server/chunks/page.js': `export const k="${server}";\n`,
    'build/handler.js': `export const k="${handler}";\n`,
  };

  it('serves build/client to browsers and runs build/server and build/handler.js on the server, each naming its rule', () => {
    const report = scan(files, keys);
    expect(findingOf(report, browser, 'build/client/_app/immutable/chunks/entry.js')).toMatchObject({ exposure: 'client', severity: 'critical' });
    expect(findingOf(report, browser, 'build/client/_app/immutable/chunks/entry.js').message).toContain('SvelteKit adapter-node serves build/client to every browser');
    expect(findingOf(report, server, 'build/server/chunks/page.js')).toMatchObject({ exposure: 'server', severity: 'high' });
    expect(findingOf(report, server, 'build/server/chunks/page.js').message).toContain('adapter-node runs build/server on the server only');
    expect(findingOf(report, handler, 'build/handler.js')).toMatchObject({ exposure: 'server' });
  });

  it('decides a tree of build output without loading TypeScript', () => {
    const dir = tempDir('engium-exposure-');
    writeFiles(dir, files);
    const script = [
      `const { scanDirectory } = await import(${JSON.stringify(join(REPO_ROOT, 'packages/scanner/dist/index.js'))});`,
      `const report = await scanDirectory(${JSON.stringify(dir)}, { threads: 1 });`,
      `const { createRequire } = await import('node:module');`,
      `const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) => /[\\\\/](ts-morph|@ts-morph|typescript)[\\\\/]/.test(path));`,
      `console.log(JSON.stringify({ exposures: report.findings.map((finding) => finding.exposure), loaded: loaded.length }));`,
    ].join('\n');
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ exposures: ['client', 'server', 'server'], loaded: 0 });
  });
});

describe('build folders by framework', () => {
  const cases: { name: string; files: Record<string, string>; file: string; content?: (key: string) => string; exposure: 'client' | 'server'; reason: string }[] = [
    { name: 'Next.js static export', files: { 'package.json': json({ dependencies: { next: '16.0.0' } }), 'out/_next/static/chunks/app.js': '', 'out/index.html': '<html></html>' }, file: 'out/_next/static/chunks/main.js', exposure: 'client', reason: 'Next.js static export' },
    { name: 'Vercel Build Output API', files: {}, file: '.vercel/output/static/assets/app.js', exposure: 'client', reason: 'Vercel Build Output API serves' },
    { name: 'Vercel functions', files: {}, file: '.vercel/output/functions/index.func/index.js', exposure: 'server', reason: 'functions on the server' },
    { name: 'Nuxt', files: { 'package.json': json({ dependencies: { nuxt: '3.0.0' } }) }, file: '.output/server/chunks/app.mjs', exposure: 'server', reason: 'Nuxt/Nitro runs .output/server' },
    { name: 'Astro static', files: { 'package.json': json({ dependencies: { astro: '5.0.0' } }) }, file: 'dist/_astro/page.js', exposure: 'client', reason: 'static Astro build' },
    { name: 'Astro server', files: { 'package.json': json({ dependencies: { astro: '5.0.0' } }) }, file: 'dist/server/entry.mjs', exposure: 'server', reason: 'Astro runs dist/server' },
    { name: 'React Router', files: { 'package.json': json({ devDependencies: { '@react-router/dev': '7.0.0' } }) }, file: 'build/client/assets/root.js', exposure: 'client', reason: 'React Router serves build/client' },
    { name: 'Angular', files: { 'package.json': json({ dependencies: { '@angular/core': '19.0.0' } }) }, file: 'dist/shop/browser/main.js', exposure: 'client', reason: 'dist/<app>/browser' },
    { name: 'Angular SSR', files: { 'package.json': json({ dependencies: { '@angular/core': '19.0.0' } }) }, file: 'dist/shop/server/main.server.mjs', exposure: 'server', reason: 'dist/<app>/server' },
    { name: 'Gatsby (public/ gitignored)', files: { 'package.json': json({ dependencies: { gatsby: '5.0.0' } }), 'gatsby-config.js': 'module.exports = {};\n', '.gitignore': 'public/\n' }, file: 'public/app.js', exposure: 'client', reason: 'Gatsby builds' },
    { name: 'Create React App', files: { 'package.json': json({ dependencies: { 'react-scripts': '5.0.0' } }) }, file: 'build/static/js/main.js', exposure: 'client', reason: 'Create React App' },
    { name: 'Docusaurus', files: { 'package.json': json({ dependencies: { '@docusaurus/core': '3.0.0' } }) }, file: 'build/assets/js/main.js', exposure: 'client', reason: 'Docusaurus' },
    { name: 'Expo', files: { 'package.json': json({ dependencies: { expo: '52.0.0' } }) }, file: 'dist/_expo/static/js/web/entry.js', exposure: 'client', reason: 'expo export' },
    { name: 'Storybook', files: {}, file: 'storybook-static/main.js', exposure: 'client', reason: 'static Storybook' },
    { name: 'Capacitor Android', files: { 'package.json': json({ dependencies: { '@capacitor/core': '6.0.0' } }) }, file: 'android/app/src/main/assets/public/assets/index.js', exposure: 'client', reason: 'into the Android app' },
    { name: 'Capacitor iOS', files: { 'capacitor.config.json': json({ appId: 'app.engium', webDir: 'dist' }) }, file: 'ios/App/App/public/assets/index.js', exposure: 'client', reason: 'into the iOS app' },
    { name: 'Cordova', files: { 'package.json': json({ dependencies: { 'cordova-android': '13.0.0' } }) }, file: 'platforms/android/app/src/main/assets/www/js/app.js', exposure: 'client', reason: 'Cordova copies www/' },
    { name: 'Ionic', files: { 'package.json': json({ dependencies: { '@ionic/react': '8.0.0' } }) }, file: 'www/assets/main.js', exposure: 'client', reason: 'Ionic builds' },
    { name: 'Laravel (public/build gitignored)', files: { 'package.json': json({ devDependencies: { vite: '6.0.0', 'laravel-vite-plugin': '1.0.0' } }), '.gitignore': '/public/build\n' }, file: 'public/build/assets/app-4ed993c7.js', exposure: 'client', reason: 'Laravel serves the Vite build in public/build' },
    { name: 'Symfony Encore', files: { 'package.json': json({ devDependencies: { '@symfony/webpack-encore': '5.0.0' } }) }, file: 'public/build/app.js', exposure: 'client', reason: 'Encore build in public/build' },
    { name: 'Rails jsbundling (gitignored)', files: { Gemfile: "gem 'rails'\n", '.gitignore': '/app/assets/builds/*\n' }, file: 'app/assets/builds/application.js', exposure: 'client', reason: 'Rails serves app/assets/builds' },
    { name: 'Rails Webpacker', files: {}, file: 'public/packs/js/application-1f2e.js', exposure: 'client', reason: 'Webpacker build in public/packs' },
    { name: 'Phoenix', files: {}, file: 'priv/static/assets/app.js', exposure: 'client', reason: 'Phoenix serves priv/static/assets' },
    { name: 'Django collectstatic', files: { 'manage.py': '' }, file: 'staticfiles/js/app.js', exposure: 'client', reason: 'collectstatic' },
    { name: 'Flask static/ beside templates/', files: { 'app/__init__.py': '', 'app/templates/index.html': '<html></html>' }, file: 'app/static/js/config.js', content: (key: string) => `window.ENGIUM_KEY = "${key}";\n`, exposure: 'client', reason: 'serves the static/ folder beside its templates/' },
    { name: 'Express public/', files: { 'package.json': json({ dependencies: { express: '4.21.0' } }), 'views/index.pug': 'h1 shop\n' }, file: 'public/javascripts/app.js', content: (key: string) => `const key = "${key}";\n`, exposure: 'client', reason: 'Express static file' },
    { name: 'ASP.NET Core (no package.json)', files: { 'Shop.Web/Shop.Web.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web" />\n' }, file: 'Shop.Web/wwwroot/js/site.min.js', exposure: 'client', reason: 'ASP.NET Core serves wwwroot/' },
    { name: 'Spring Boot static/', files: { 'pom.xml': '<project />\n' }, file: 'src/main/resources/static/js/app.js', exposure: 'client', reason: 'Spring Boot serves src/main/resources/static/' },
    { name: 'Spring Boot public/, in a module', files: { 'web/build.gradle': '' }, file: 'web/src/main/resources/public/app.js', exposure: 'client', reason: 'Spring Boot serves src/main/resources/public/' },
    { name: 'Django collectstatic, gitignored, in a folder', files: { 'backend/manage.py': '', '.gitignore': 'staticfiles/\n' }, file: 'backend/staticfiles/js/app.js', exposure: 'client', reason: 'collectstatic' },
    {
      name: 'Vite output in the served public/',
      files: { 'package.json': json({ devDependencies: { vite: '6.0.0' } }) },
      file: 'public/build/chunk.js',
      content: (key: string) => `export const k = "${key}";\n`,
      exposure: 'client',
      reason: 'Vite serves public/ to browsers as it is',
    },
    { name: 'Plasmo', files: { 'package.json': json({ dependencies: { plasmo: '0.90.0' } }) }, file: 'build/chrome-mv3-prod/popup.7d2a.js', exposure: 'client', reason: 'Plasmo builds the browser extension' },
    { name: 'WXT', files: { 'package.json': json({ devDependencies: { wxt: '0.20.0' } }) }, file: '.output/chrome-mv3/background.js', exposure: 'client', reason: 'WXT builds the browser extension' },
    { name: 'Electron Forge (webpack)', files: { 'package.json': json({ devDependencies: { electron: '33.0.0' } }) }, file: '.webpack/main/index.js', exposure: 'client', reason: 'which every user installs' },
    { name: 'electron-vite', files: { 'package.json': json({ devDependencies: { electron: '33.0.0', 'electron-vite': '2.0.0' } }) }, file: 'out/main/index.js', exposure: 'client', reason: 'electron-vite and Electron Forge build the app into out/' },
    { name: 'electron-react-boilerplate', files: { 'package.json': json({ devDependencies: { electron: '33.0.0' } }) }, file: 'release/app/dist/main/main.js', exposure: 'client', reason: 'packs release/app/dist' },
    { name: 'Vue CLI', files: { 'package.json': json({ devDependencies: { '@vue/cli-service': '5.0.0' } }) }, file: 'dist/js/app.3f2a.js', exposure: 'client', reason: 'Vue CLI' },
    { name: 'Quasar', files: { 'package.json': json({ devDependencies: { '@quasar/app-vite': '2.0.0' } }) }, file: 'dist/spa/assets/index.js', exposure: 'client', reason: 'Quasar builds the single-page app' },
    { name: 'Eleventy', files: { 'package.json': json({ devDependencies: { '@11ty/eleventy': '3.0.0' } }) }, file: '_site/js/site.js', exposure: 'client', reason: 'Eleventy' },
    { name: 'Jekyll (no package.json)', files: {}, file: '_site/assets/main.js', exposure: 'client', reason: '_site/' },
    { name: 'Capacitor iOS, gitignored', files: { '.gitignore': 'ios/App/App/public\n' }, file: 'ios/App/App/public/assets/index.js', exposure: 'client', reason: 'into the iOS app' },
  ];

  for (const { name, files, file, content = bundle, exposure, reason } of cases) {
    it(`${name}: ${file} is ${exposure}`, () => {
      const key = fakeKey('live', 1410);
      const report = scan({ ...files, [file]: content(key) }, [key]);
      const finding = findingOf(report, key, file);
      expect(finding.exposure).toBe(exposure);
      expect(finding.message).toContain(reason);
    });
  }

  it('takes a static/ folder for served assets only beside a templates/ folder', () => {
    const key = fakeKey('live', 1413);
    const report = scan(
      {
        'package.json': json({ name: 'api', main: 'src/index.js', dependencies: { fastify: '5.0.0' } }),
        'src/index.js': `const { serve } = require('./static/serve');\nserve();\n`,
        'src/static/serve.js': `exports.serve = () => fetch('https://api.engium.app', { headers: { Authorization: 'Bearer ${key}' } });\n`,
      },
      [key],
    );
    expect(findingOf(report, key, 'src/static/serve.js').exposure).toBe('server');
  });

  it('takes a staticfiles/ folder for collectstatic output only beside a Django manage.py', () => {
    const key = fakeKey('live', 1412);
    // A Node server's own module, in a folder that happens to share the name.
    const report = scan(
      {
        'package.json': json({ name: 'api', main: 'src/index.js', dependencies: { express: '4.0.0' } }),
        'src/index.js': `const { serve } = require('./staticfiles/serve');\nserve();\n`,
        'src/staticfiles/serve.js': `exports.serve = () => fetch('https://api.engium.app', { headers: { Authorization: 'Bearer ${key}' } });\n`,
      },
      [key],
    );
    expect(findingOf(report, key, 'src/staticfiles/serve.js').exposure).toBe('server');
  });

  it('leaves a dist/ of an unknown kind unknown, not server', () => {
    const key = fakeKey('live', 1411);
    const report = scan({ 'dist/data.txt': `key=${key}\n` }, [key]);
    expect(findingOf(report, key, 'dist/data.txt').exposure).toBe('unknown');
  });
});

describe('Electron apps', () => {
  // Main process, preload and renderer are all packed into the app every user installs.
  const main = fakeKey('live', 1415);
  const preload = fakeKey('live', 1416);
  const test = fakeKey('live', 1417);
  const built = fakeKey('live', 1418);
  const files = {
    'package.json': json({ name: 'desk', main: 'build/main.js', devDependencies: { electron: '33.0.0', 'electron-builder': '25.0.0', webpack: '5.0.0' } }),
    'src/main/main.ts': `import { app } from 'electron';\nimport { client } from './engium';\napp.whenReady().then(() => client());\n`,
    'src/main/engium.ts': `export const client = () => fetch('https://api.engium.app/api/v1/me', { headers: { Authorization: 'Bearer ${main}' } });\n`,
    'src/main/preload.ts': `export const key = '${preload}';\n`,
    'src/__tests__/engium.test.ts': `export const key = '${test}';\n`,
    'webpack.config.js': `module.exports = { target: 'electron-main', entry: './src/main/main.ts', output: { path: __dirname + '/build' } };\n`,
    'build/main.js': `const e=require("electron");e.app.whenReady().then(()=>fetch("https://api.engium.app",{headers:{Authorization:"Bearer ${built}"}}));\n`,
  };

  it('ships main-process and preload code, and webpack output built for electron-main, but not tests', () => {
    const report = scan(files, [main, preload, test, built]);
    const inMain = findingOf(report, main, 'src/main/engium.ts');
    expect(inMain).toMatchObject({ exposure: 'client', severity: 'critical' });
    expect(inMain.message).toContain('packed into the app every user installs');
    expect(findingOf(report, preload, 'src/main/preload.ts').exposure).toBe('client');
    expect(findingOf(report, test, 'src/__tests__/engium.test.ts').exposure).not.toBe('client');
    const output = findingOf(report, built, 'build/main.js');
    expect(output.exposure).toBe('client');
    expect(output.message).toContain("webpack.config.js:1 builds a desktop app's code with target: 'electron-main', packed into the app every user installs");
  });
});

describe('HTML pages', () => {
  it("ships the scripts of every page, not only index.html: a Vite multi-page app's and a plain site's", () => {
    const keys = [1456, 1457].map((seed) => fakeKey('live', seed));
    const [vitePage, plainPage] = keys as [string, string];
    const report = scan(
      {
        'package.json': json({ name: 'pages', private: true, workspaces: ['web', 'site'] }),
        'web/package.json': json({ name: 'web', devDependencies: { vite: '6.0.0' } }),
        'web/index.html': '<script type="module" src="/src/main.ts"></script>\n',
        'web/src/main.ts': `console.log('home');\n`,
        'web/admin/settings.html': '<script type="module" src="./settings.ts"></script>\n',
        'web/admin/settings.ts': `import { KEY } from '../src/engium';\nconsole.log(KEY.length);\n`,
        'web/src/engium.ts': `export const KEY = '${vitePage}';\n`,
        'site/contact.htm': '<html><body><script src="js/contact.js"></script></body></html>\n',
        'site/js/contact.js': `var engiumKey = '${plainPage}';\n`,
      },
      keys,
    );
    const vite = findingOf(report, vitePage, 'web/src/engium.ts');
    expect(vite.exposure).toBe('client');
    expect(vite.message).toContain('web/admin/settings.ts (Vite entry in web/admin/settings.html) → web/src/engium.ts');
    expect(findingOf(report, plainPage, 'site/js/contact.js').message).toContain('site/js/contact.js (script in site/contact.htm)');
  });
});

describe('browser extensions', () => {
  it('ships what the manifest loads: background worker and its imports, content scripts, popup page scripts', () => {
    const keys = [1451, 1452, 1453, 1454].map((seed) => fakeKey('live', seed));
    const [imported, content, popup, plasmo] = keys as [string, string, string, string];
    const report = scan(
      {
        'extension/manifest.json': json({
          manifest_version: 3,
          name: 'Engium helper',
          version: '1.0.0',
          background: { service_worker: 'src/background.js', type: 'module' },
          content_scripts: [{ matches: ['<all_urls>'], js: ['src/content.js'] }],
          action: { default_popup: 'popup/popup.html' },
        }),
        'extension/src/background.js': `import { KEY } from './engium.js';\nchrome.runtime.onMessage.addListener(() => KEY.length);\n`,
        'extension/src/engium.js': `export const KEY = '${imported}';\n`,
        'extension/src/content.js': `const k = '${content}';\n`,
        'extension/popup/popup.html': '<html><body><script src="popup.js"></script></body></html>\n',
        'extension/popup/popup.js': `const k = '${popup}';\n`,
        'plasmo-app/package.json': json({ name: 'p', dependencies: { plasmo: '0.90.0', react: '18.0.0' } }),
        'plasmo-app/contents/overlay.tsx': `export const k = '${plasmo}';\n`,
      },
      keys,
    );
    const background = findingOf(report, imported, 'extension/src/engium.js');
    expect(background.exposure).toBe('client');
    expect(background.message).toContain('extension/src/background.js (browser extension background.service_worker in extension/manifest.json, installed by every user) → extension/src/engium.js');
    expect(findingOf(report, content, 'extension/src/content.js').message).toContain('content_scripts[0].js');
    expect(findingOf(report, popup, 'extension/popup/popup.js').message).toContain("action.default_popup page extension/popup/popup.html");
    expect(findingOf(report, plasmo, 'plasmo-app/contents/overlay.tsx').message).toContain('Plasmo extension page or script');
  });
});

describe('Nx workspaces', () => {
  // An integrated Nx workspace lists every dependency in the root package.json; its apps have a
  // project.json and no package.json, and import libraries through tsconfig paths.
  const client = fakeKey('live', 1441);
  const server = fakeKey('live', 1442);
  const files = {
    'package.json': json({ name: '@acme/source', private: true, dependencies: { next: '15.0.0', react: '19.0.0', '@nestjs/core': '10.0.0' }, devDependencies: { nx: '20.0.0' } }),
    'tsconfig.base.json': json({ compilerOptions: { baseUrl: '.', paths: { '@acme/engium': ['libs/engium/src/index.ts'], '@acme/engium/server': ['libs/engium/src/server.ts'] } } }),
    'apps/web/project.json': json({ name: 'web', projectType: 'application', sourceRoot: 'apps/web' }),
    'apps/web/tsconfig.json': json({ extends: '../../tsconfig.base.json', compilerOptions: { jsx: 'preserve' } }),
    'apps/web/next.config.js': `module.exports = {};\n`,
    'apps/web/src/app/page.tsx': `import { serverKey } from '@acme/engium/server';\nexport default function Page() { return <p>{serverKey.length}</p>; }\n`,
    'apps/web/src/app/widget.tsx': `'use client';\nimport { clientKey } from '@acme/engium';\nexport const Widget = () => <p>{clientKey.length}</p>;\n`,
    'apps/api/project.json': json({ name: 'api', projectType: 'application', sourceRoot: 'apps/api/src' }),
    'apps/api/tsconfig.json': json({ extends: '../../tsconfig.base.json' }),
    'apps/api/src/main.ts': `import { serverKey } from '@acme/engium/server';\nconsole.log(serverKey.length);\n`,
    'libs/engium/project.json': json({ name: 'engium', projectType: 'library', sourceRoot: 'libs/engium/src' }),
    'libs/engium/src/index.ts': `export { clientKey } from './lib/client';\n`,
    'libs/engium/src/server.ts': `export { serverKey } from './lib/server';\n`,
    'libs/engium/src/lib/client.ts': `export const clientKey = '${client}';\n`,
    'libs/engium/src/lib/server.ts': `export const serverKey = '${server}';\n`,
  };

  it("finds each app's framework entries in its own folder, as for a package", () => {
    const report = scan(files, [client, server]);
    expect(findingOf(report, client, 'libs/engium/src/lib/client.ts')).toMatchObject({ exposure: 'client' });
    expect(findingOf(report, client, 'libs/engium/src/lib/client.ts').message).toContain('apps/web/src/app/widget.tsx ("use client")');
    const serverFinding = findingOf(report, server, 'libs/engium/src/lib/server.ts');
    expect(serverFinding.exposure).toBe('server');
    expect(serverFinding.message).toMatch(/Next\.js server component|NestJS entry/);
  });
});

describe('Electron apps: what stays on the developer machine', () => {
  it('takes a package for an app only when it packages one: electron alone renders PDFs on servers and runs tests', () => {
    const key = fakeKey('live', 1475);
    const report = scan(
      {
        'package.json': json({ name: 'pdf-service', main: 'src/index.js', dependencies: { electron: '33.0.0', express: '4.0.0' } }),
        'src/index.js': `const { render } = require('./render');\nrequire('express')().get('/pdf', render).listen(3000);\n`,
        'src/render.js': `exports.render = () => fetch('https://api.engium.app', { headers: { Authorization: 'Bearer ${key}' } });\n`,
      },
      [key],
    );
    expect(findingOf(report, key, 'src/render.js').exposure).toBe('server');
  });


  it('does not take stories, test folders or end-to-end tests under src/ for app code', () => {
    const keys = [1471, 1472, 1473, 1474].map((seed) => fakeKey('live', seed));
    const [story, setup, e2e, shipped] = keys as [string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'desk', main: 'src/main.ts', devDependencies: { electron: '33.0.0', '@electron-forge/cli': '7.0.0', '@storybook/react': '8.0.0', vitest: '3.0.0' } }),
        'src/main.ts': `import { app } from 'electron';\nexport const key = '${shipped}';\napp.whenReady();\n`,
        'src/renderer/Button.stories.tsx': `export default { title: 'Button', args: { apiKey: '${story}' } };\n`,
        'src/test/setup.ts': `process.env.ENGIUM_API_KEY = '${setup}';\n`,
        'src/e2e/login.ts': `export const key = '${e2e}';\n`,
      },
      keys,
    );
    expect(findingOf(report, shipped, 'src/main.ts').exposure).toBe('client');
    for (const [key, file] of [[story, 'src/renderer/Button.stories.tsx'], [setup, 'src/test/setup.ts'], [e2e, 'src/e2e/login.ts']] as const) {
      expect(findingOf(report, key, file).exposure, file).not.toBe('client');
    }
  });
});

describe('browser packages', () => {
  it('knows a UMD bundle that package.json unpkg names is served to browsers, with its sibling chunks and map', () => {
    const key = fakeKey('live', 1420);
    const report = scan(
      {
        'package.json': json({ name: 'engium-widget', main: 'dist/widget.js', unpkg: 'dist/widget.js', devDependencies: { webpack: '5.0.0' } }),
        'dist/widget.js': `!function(e,t){"object"==typeof exports&&"object"==typeof module?module.exports=t():"function"==typeof define&&define.amd?define([],t):e.W=t()}(self,()=>"${key}");\n`,
        'dist/chunk.js': `self.c="${key}";\n`,
      },
      [key],
    );
    expect(findingOf(report, key, 'dist/widget.js')).toMatchObject({ exposure: 'client', severity: 'critical' });
    expect(findingOf(report, key, 'dist/widget.js').message).toContain('package.json "unpkg" of engium-widget names this file');
    expect(findingOf(report, key, 'dist/chunk.js').exposure).toBe('client');
  });

  it('knows a UMD bundle by its wrapper and an exports browser condition', () => {
    const umd = fakeKey('live', 1421);
    const conditioned = fakeKey('live', 1422);
    const report = scan(
      {
        'package.json': json({ name: 'sdk', main: 'lib/node.cjs', exports: { '.': { browser: './web/sdk.mjs', default: './lib/node.cjs' } } }),
        'dist/sdk.umd.js': `(function (global, factory) {\n  typeof exports === 'object' && typeof module !== 'undefined' ? factory(exports) :\n  typeof define === 'function' && define.amd ? define(['exports'], factory) : factory(global.Sdk = {});\n})(this, function (exports) { exports.k = "${umd}"; });\n`,
        'web/sdk.mjs': `export const k = "${conditioned}";\n`,
      },
      [umd, conditioned],
    );
    expect(findingOf(report, umd, 'dist/sdk.umd.js').exposure).toBe('client');
    expect(findingOf(report, umd, 'dist/sdk.umd.js').message).toContain('UMD bundle');
    expect(findingOf(report, conditioned, 'web/sdk.mjs').exposure).toBe('client');
  });

  it('keeps the compiled output of a Node-only package on the server', () => {
    const key = fakeKey('live', 1423);
    const report = scan(
      {
        'package.json': json({ name: 'api', main: 'dist/index.js', dependencies: { express: '4.0.0' } }),
        'dist/index.js': `"use strict";const express=require("express");module.exports={k:"${key}"};\n`,
      },
      [key],
    );
    expect(findingOf(report, key, 'dist/index.js')).toMatchObject({ exposure: 'server' });
    expect(findingOf(report, key, 'dist/index.js').message).toContain('compiled output of the Node package api');
  });
});

describe('build-time injection, read from the config syntax tree', () => {
  it('reports a Vite define of an unprefixed variable as client at its .env line, with advice that stops the leak', () => {
    const key = fakeKey('live', 1430);
    const report = scan(
      {
        'package.json': json({ name: 'dash', type: 'module', devDependencies: { vite: '8.0.0' } }),
        'vite.config.ts': [
          `import { defineConfig, loadEnv } from 'vite';`,
          `export default defineConfig(({ mode }) => {`,
          `  const env = loadEnv(mode, process.cwd(), '');`,
          `  return {`,
          `    define: {`,
          `      __ANALYTICS_KEY__: JSON.stringify(env.ENGIUM_ANALYTICS_KEY),`,
          `    },`,
          `  };`,
          `});`,
          ``,
        ].join('\n'),
        'index.html': '<script type="module" src="/src/main.ts"></script>\n',
        'src/main.ts': 'declare const __ANALYTICS_KEY__: string;\nconsole.log(__ANALYTICS_KEY__.length);\n',
        '.gitignore': '.env.local\n',
        '.env.local': `ENGIUM_ANALYTICS_KEY=${key}\n`,
      },
      [key],
    );
    const finding = findingOf(report, key, '.env.local');
    expect(finding).toMatchObject({ exposure: 'client', severity: 'critical', ruleId: 'engium/public-env-key' });
    expect(finding.message).toContain('vite.config.ts:6');
    expect(finding.message).toContain('Stop the injection at vite.config.ts:6: remove the injection from the build config and call the Engium API from server code');
    expect(finding.message).not.toContain('.env.local or');
  });

  it("ships the whole environment of the config's own package only, not of the packages inside its folder", () => {
    const keys = [1464, 1465].map((seed) => fakeKey('live', seed));
    const [rootKey, apiKey] = keys as [string, string];
    const report = scan(
      {
        'package.json': json({ name: 'web', type: 'module', workspaces: ['api'], devDependencies: { vite: '6.0.0' } }),
        'vite.config.ts': `import { defineConfig, loadEnv } from 'vite';\nexport default defineConfig(({ mode }) => ({ define: { 'process.env': loadEnv(mode, process.cwd(), '') } }));\n`,
        '.gitignore': '.env\n',
        '.env': `ENGIUM_API_KEY=${rootKey}\n`,
        'api/package.json': json({ name: 'api', main: 'server.js', dependencies: { express: '4.0.0' } }),
        'api/server.js': `console.log(process.env.ENGIUM_API_KEY.length);\n`,
        'api/.gitignore': '.env\n',
        'api/.env': `ENGIUM_API_KEY=${apiKey}\n`,
      },
      keys,
    );
    expect(findingOf(report, rootKey, '.env').exposure).toBe('client');
    expect(report.findings.find((finding) => finding.file === 'api/.env')?.exposure ?? 'server').toBe('server');
  });

  it('ships every variable of the .env files of a React Native app that depends on react-native-config, gitignored or not, whatever its name', () => {
    const keys = [1466, 1467, 1468].map((seed) => fakeKey('live', seed));
    const [appKey, ignoredKey, serverKey] = keys as [string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'shop', private: true, workspaces: ['mobile', 'api'] }),
        'mobile/package.json': json({ name: 'mobile', dependencies: { react: '19.0.0', 'react-native': '0.79.0', 'react-native-config': '1.5.5' } }),
        'mobile/App.tsx': `import Config from 'react-native-config';\nexport default function App() {\n  return fetch('https://api.engium.app/api/v1/bookings', { headers: { 'X-Tenant-ID': Config.TENANT_ID } });\n}\n`,
        'mobile/.env': `ENGIUM_API_KEY=${appKey}\n`,
        'mobile/.gitignore': '.env.production\n',
        'mobile/.env.production': `ENGIUM_SECRET=${ignoredKey}\n`,
        'api/package.json': json({ name: 'api', main: 'server.js', dependencies: { express: '4.0.0' } }),
        'api/server.js': `console.log(process.env.ENGIUM_API_KEY.length);\n`,
        'api/.gitignore': '.env\n',
        'api/.env': `ENGIUM_API_KEY=${serverKey}\n`,
      },
      keys,
    );
    for (const [key, file] of [[appKey, 'mobile/.env'], [ignoredKey, 'mobile/.env.production']] as const) {
      const finding = findingOf(report, key, file);
      expect(finding).toMatchObject({ exposure: 'client', severity: 'critical', ruleId: 'engium/public-env-key' });
      expect(finding.message).toContain('react-native-config builds every variable');
      expect(finding.message).toContain('everyone who installs the app receives it. Keep the key out of the app');
      expect(finding.message).not.toMatch(/browser receives|Stop the injection/);
      expect(finding.chain?.[1]).toBe('mobile/package.json (depends on react-native-config)');
    }
    // The server package beside it loads its own .env, which no app receives.
    expect(report.findings.find((finding) => finding.file === 'api/.env')?.exposure ?? 'server').toBe('server');
  });

  it("inlines the variables a React Native app imports from '@env' when it depends on react-native-dotenv, and no others", () => {
    const keys = [1469, 1470].map((seed) => fakeKey('live', seed));
    const [importedKey, unusedKey] = keys as [string, string];
    const report = scan(
      {
        'package.json': json({ name: 'mobile', main: 'index.js', dependencies: { react: '19.0.0', 'react-native': '0.79.0' }, devDependencies: { 'react-native-dotenv': '3.4.11' } }),
        'babel.config.js': `module.exports = { presets: ['module:@react-native/babel-preset'], plugins: [['module:react-native-dotenv', { moduleName: '@env' }]] };\n`,
        'index.js': `import { AppRegistry } from 'react-native';\nimport App from './App';\nAppRegistry.registerComponent('mobile', () => App);\n`,
        'App.tsx': `import { ENGIUM_API_KEY as key } from '@env';\nexport default function App() {\n  return fetch('https://api.engium.app/api/v1/bookings', { headers: { Authorization: \`Bearer \${key}\` } });\n}\n`,
        '.gitignore': '.env\n',
        '.env': `ENGIUM_API_KEY=${importedKey}\nENGIUM_ADMIN_KEY=${unusedKey}\n`,
      },
      keys,
    );
    const finding = findingOf(report, importedKey, '.env');
    expect(finding).toMatchObject({ exposure: 'client', severity: 'critical' });
    expect(finding.message).toContain("react-native-dotenv loads .env files and inlines every variable the app imports from '@env'");
    expect(finding.message).toContain('App.tsx reads ENGIUM_API_KEY');
    expect(finding.message).toContain("everyone who installs the app receives it. Read by: App.tsx. Stop importing the key from '@env'");
    // Not imported anywhere: the plugin leaves it out of the bundle, and a gitignored env file is where it belongs.
    expect(report.findings.filter((candidate) => candidate.secret.redacted === redact(unusedKey))).toEqual([]);
  });

  it("inlines '@env' imports from the app's own .env files only: a server package and a web app beside it keep theirs", () => {
    const keys = [1475, 1476, 1477].map((seed) => fakeKey('live', seed));
    const [appKey, serverKey, webKey] = keys as [string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'shop', private: true, workspaces: ['mobile', 'api', 'web'] }),
        'mobile/package.json': json({ name: 'mobile', main: 'index.js', dependencies: { react: '19.0.0', 'react-native': '0.79.0' }, devDependencies: { 'react-native-dotenv': '3.4.11' } }),
        'mobile/index.js': `import { AppRegistry } from 'react-native';\nimport App from './App';\nAppRegistry.registerComponent('mobile', () => App);\n`,
        'mobile/App.tsx': `import { ENGIUM_API_KEY as key } from '@env';\nexport default function App() {\n  return fetch('https://api.engium.app/api/v1/bookings', { headers: { Authorization: \`Bearer \${key}\` } });\n}\n`,
        'mobile/.gitignore': '.env\n',
        'mobile/.env': `ENGIUM_API_KEY=${appKey}\n`,
        // The server reads a variable of the same name from its own, gitignored .env: where a key belongs.
        'api/package.json': json({ name: 'api', main: 'server.js', dependencies: { express: '4.0.0' } }),
        'api/server.js': `console.log(process.env.ENGIUM_API_KEY.length);\n`,
        'api/.gitignore': '.env\n',
        'api/.env': `ENGIUM_API_KEY=${serverKey}\n`,
        // A Vite app that reads an unprefixed variable: Vite does not inline it, and no plugin of the app's does.
        'web/package.json': json({ name: 'web', devDependencies: { vite: '6.0.0' } }),
        'web/index.html': '<script type="module" src="/src/main.ts"></script>\n',
        'web/src/main.ts': `console.log(import.meta.env.ENGIUM_WEB_KEY);\n`,
        'web/.gitignore': '.env\n',
        'web/.env': `ENGIUM_WEB_KEY=${webKey}\n`,
      },
      keys,
    );
    expect(findingOf(report, appKey, 'mobile/.env')).toMatchObject({ exposure: 'client', severity: 'critical' });
    for (const key of [serverKey, webKey]) {
      expect(report.findings.filter((finding) => finding.secret.redacted === redact(key) && finding.exposure === 'client')).toEqual([]);
    }
  });

  it('ships every variable when a config defines a name as the whole environment (Vite loadEnv with no prefix, webpack JSON.stringify(process.env))', () => {
    const keys = [1461, 1462, 1463].map((seed) => fakeKey('live', seed));
    const [viteKey, webpackKey, untouched] = keys as [string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'env', private: true, workspaces: ['vite-app', 'webpack-app', 'safe-app'] }),
        'vite-app/package.json': json({ name: 'v', type: 'module', devDependencies: { vite: '6.0.0' } }),
        'vite-app/vite.config.ts': `import { defineConfig, loadEnv } from 'vite';\nexport default defineConfig(({ mode }) => {\n  const env = loadEnv(mode, process.cwd(), '');\n  return { define: { 'process.env': env } };\n});\n`,
        'vite-app/.gitignore': '.env.local\n',
        'vite-app/.env.local': `ENGIUM_API_KEY=${viteKey}\n`,
        'webpack-app/package.json': json({ name: 'w', devDependencies: { webpack: '5.0.0' } }),
        'webpack-app/webpack.config.js': `const webpack = require('webpack');\nmodule.exports = { plugins: [new webpack.DefinePlugin({ 'process.env': JSON.stringify(process.env) })] };\n`,
        'webpack-app/.env': `ENGIUM_SERVER_KEY=${webpackKey}\n`,
      },
      [viteKey, webpackKey],
    );
    const vite = findingOf(report, viteKey, 'vite-app/.env.local');
    expect(vite).toMatchObject({ exposure: 'client', severity: 'critical' });
    expect(vite.message).toContain('vite-app/vite.config.ts:4 defines process.env as the whole environment');
    expect(findingOf(report, webpackKey, 'webpack-app/.env').message).toContain('webpack-app/webpack.config.js:2 defines process.env as the whole environment');
    // loadEnv with its default prefix loads VITE_ variables only: nothing more ships.
    const safe = scan(
      {
        'package.json': json({ name: 's', type: 'module', devDependencies: { vite: '6.0.0' } }),
        'vite.config.ts': `import { defineConfig, loadEnv } from 'vite';\nexport default defineConfig(({ mode }) => ({ define: { 'process.env': loadEnv(mode, process.cwd()) } }));\n`,
        '.gitignore': '.env.local\n',
        '.env.local': `ENGIUM_API_KEY=${untouched}\n`,
      },
      [untouched],
    );
    expect(safe.findings.filter((finding) => finding.secret.redacted === redact(untouched))).toEqual([]);
  });

  it('reads the configs that scripts name on the command line, wherever they are, with outputs from the config folder', () => {
    const keys = [1437, 1438, 1439].map((seed) => fakeKey('live', seed));
    const [listed, bundled, rolled] = keys as [string, string, string];
    const report = scan(
      {
        'package.json': json({
          name: 'desk',
          scripts: {
            'build:renderer': 'cross-env NODE_ENV=production webpack --config ./.erb/configs/webpack.config.renderer.prod.ts',
            'build:lib': 'rollup -c build/rollup.mjs --environment BUILD:production',
            lint: 'eslint -c .eslintrc.json .',
          },
          devDependencies: { webpack: '5.0.0', rollup: '4.0.0' },
        }),
        '.erb/configs/webpack.config.renderer.prod.ts': [
          `import path from 'path';`,
          `import webpack from 'webpack';`,
          `export default {`,
          `  target: ['web', 'electron-renderer'],`,
          `  output: { path: path.join(__dirname, '../../dist/renderer') },`,
          `  plugins: [new webpack.EnvironmentPlugin({ NODE_ENV: 'production', ENGIUM_RENDERER_KEY: '' })],`,
          `};`,
          ``,
        ].join('\n'),
        '.env': `ENGIUM_RENDERER_KEY=${listed}\n`,
        'dist/renderer/renderer.js': `const e=require("x");e.k="${bundled}";\n`,
        'build/rollup.mjs': `export default { input: 'src/lib.js', output: { file: \`\${import.meta.dirname}/../dist/lib/lib.js\`, format: 'iife' } };\n`,
        'dist/lib/lib.js': `const e=require("x");e.k="${rolled}";\n`,
      },
      keys,
    );
    const injected = findingOf(report, listed, '.env');
    expect(injected.exposure).toBe('client');
    expect(injected.message).toContain('.erb/configs/webpack.config.renderer.prod.ts:6');
    const renderer = findingOf(report, bundled, 'dist/renderer/renderer.js');
    expect(renderer.exposure).toBe('client');
    expect(renderer.message).toContain("builds for browsers with target: 'web', into dist/renderer");
    const library = findingOf(report, rolled, 'dist/lib/lib.js');
    expect(library.exposure).toBe('client');
    expect(library.message).toContain("build/rollup.mjs:1 builds for browsers with format: 'iife', into dist/lib");
  });

  it('reads Vite envPrefix, webpack DefinePlugin and EnvironmentPlugin, Next.js env, Rollup replace and esbuild define', () => {
    const keys = [1431, 1432, 1433, 1434, 1435, 1436].map((seed) => fakeKey('live', seed));
    const [prefixed, defined, listed, nextEnv, replaced, esbuilt] = keys as [string, string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'many', private: true, workspaces: ['apps/*'] }),
        'apps/vite/package.json': json({ name: 'v', devDependencies: { vite: '8.0.0' } }),
        'apps/vite/vite.config.js': `export default { envPrefix: ['VITE_', 'APP_'] };\n`,
        'apps/vite/.env': `APP_ENGIUM_KEY=${prefixed}\n`,
        'apps/webpack/package.json': json({ name: 'w', devDependencies: { webpack: '5.0.0' } }),
        'apps/webpack/webpack.config.js': `const webpack = require('webpack');\nmodule.exports = {\n  plugins: [\n    new webpack.DefinePlugin({ 'process.env.ENGIUM_WIDGET_KEY': JSON.stringify(process.env.ENGIUM_WIDGET_KEY) }),\n    new webpack.EnvironmentPlugin(['ENGIUM_LISTED_KEY']),\n  ],\n};\n`,
        'apps/webpack/.env': `ENGIUM_WIDGET_KEY=${defined}\nENGIUM_LISTED_KEY=${listed}\n`,
        'apps/next/package.json': json({ name: 'n', dependencies: { next: '16.0.0' } }),
        'apps/next/next.config.mjs': `const config = {\n  env: {\n    ENGIUM_PARTNER_KEY: process.env.ENGIUM_PARTNER_KEY,\n  },\n};\nexport default config;\n`,
        'apps/next/.env': `ENGIUM_PARTNER_KEY=${nextEnv}\n`,
        'apps/lib/package.json': json({ name: 'l', devDependencies: { rollup: '4.0.0' } }),
        'apps/lib/rollup.config.mjs': `import inject from '@rollup/plugin-replace';\nexport default {\n  input: 'src/index.js',\n  output: { file: 'dist/lib.js', format: 'iife' },\n  plugins: [inject({ preventAssignment: true, values: { __KEY__: JSON.stringify(process.env.ENGIUM_REPLACED_KEY) } })],\n};\n`,
        'apps/lib/.env': `ENGIUM_REPLACED_KEY=${replaced}\n`,
        'apps/es/package.json': json({ name: 'e', devDependencies: { esbuild: '0.25.0' } }),
        'apps/es/build.mjs': `import { build } from 'esbuild';\nawait build({\n  entryPoints: ['src/app.js'],\n  bundle: true,\n  define: { 'process.env.ENGIUM_ES_KEY': JSON.stringify(process.env.ENGIUM_ES_KEY) },\n});\n`,
        'apps/es/.env': `ENGIUM_ES_KEY=${esbuilt}\n`,
      },
      keys,
    );
    const expectations: [string, string, string][] = [
      [prefixed, 'apps/vite/.env', 'apps/vite/vite.config.js:1 sets envPrefix APP_'],
      [defined, 'apps/webpack/.env', 'apps/webpack/webpack.config.js:4'],
      [listed, 'apps/webpack/.env', 'apps/webpack/webpack.config.js:5'],
      [nextEnv, 'apps/next/.env', 'apps/next/next.config.mjs:3'],
      [replaced, 'apps/lib/.env', 'apps/lib/rollup.config.mjs:5'],
      [esbuilt, 'apps/es/.env', 'apps/es/build.mjs:5'],
    ];
    for (const [key, file, reason] of expectations) {
      const finding = findingOf(report, key, file);
      expect(finding.exposure, file).toBe('client');
      expect(finding.message).toContain(reason);
    }
  });

  it('ships what browser code reads from a .env that dotenv-webpack loads into the build, even a gitignored one', () => {
    const [read, unread] = [1438, 1439].map((seed) => fakeKey('live', seed)) as [string, string];
    const report = scan(
      {
        'package.json': json({ name: 'shop', private: true, devDependencies: { webpack: '5.0.0', 'dotenv-webpack': '8.0.0' } }),
        '.gitignore': '.env\n',
        'webpack.config.js': `const path = require('path');\nconst Dotenv = require('dotenv-webpack');\nmodule.exports = {\n  target: 'web',\n  entry: './src/index.js',\n  output: { path: path.resolve(__dirname, 'dist') },\n  plugins: [new Dotenv()],\n};\n`,
        'src/index.js': `fetch('https://api.engium.app/api/v1/orders', { headers: { Authorization: \`Bearer \${process.env.ENGIUM_SHOP_KEY}\` } });\n`,
        '.env': `ENGIUM_SHOP_KEY=${read}\nENGIUM_BATCH_KEY=${unread}\n`,
      },
      [read, unread],
    );
    const finding = findingOf(report, read, '.env');
    expect(finding.exposure).toBe('client');
    expect(finding.message).toContain('webpack.config.js:7 inlines every process.env variable the code reads into browser code');
    expect(finding.chain).toEqual(['.env: ENGIUM_SHOP_KEY', 'webpack.config.js:7 (inlines ENGIUM_SHOP_KEY)', 'src/index.js']);
    // A variable no browser code reads is not inlined: in a gitignored .env, it is where keys belong.
    expect(report.findings.filter((candidate) => candidate.secret.redacted === redact(unread))).toEqual([]);
  });

  it('ships what browser code reads from .env in a Parcel app: Parcel inlines every process.env read, with no config', () => {
    const [read, unread] = [1440, 1441].map((seed) => fakeKey('live', seed)) as [string, string];
    const report = scan(
      {
        'package.json': json({ name: 'parcel-app', private: true, source: 'src/index.html', devDependencies: { parcel: '2.16.0' } }),
        '.gitignore': '.env\n',
        'src/index.html': `<!doctype html>\n<html><body><script type="module" src="./index.js"></script></body></html>\n`,
        'src/index.js': `fetch('https://api.engium.app/api/v1/x', { headers: { Authorization: 'Bearer ' + process.env.ENGIUM_KEY } });\n`,
        '.env': `ENGIUM_KEY=${read}\nENGIUM_SERVER_KEY=${unread}\n`,
      },
      [read, unread],
    );
    const finding = findingOf(report, read, '.env');
    expect(finding.exposure).toBe('client');
    expect(finding.message).toContain('Parcel loads .env files and inlines every process.env variable browser code reads');
    expect(finding.chain).toEqual(['.env: ENGIUM_KEY', 'package.json (inlines ENGIUM_KEY)', 'src/index.js']);
    expect(report.findings.filter((candidate) => candidate.secret.redacted === redact(unread))).toEqual([]);
  });

  it("ships what a Parcel app of a monorepo reads from the monorepo's root .env, which Parcel finds by looking up from the app", () => {
    const [read, besideKey] = [1478, 1479].map((seed) => fakeKey('live', seed)) as [string, string];
    const report = scan(
      {
        'package.json': json({ name: 'shop', private: true, workspaces: ['apps/*'] }),
        '.gitignore': '.env\n',
        '.env': `ENGIUM_KEY=${read}\n`,
        'apps/web/package.json': json({ name: 'web', private: true, source: 'src/index.html', devDependencies: { parcel: '2.16.0' } }),
        'apps/web/src/index.html': `<!doctype html>\n<html><body><script type="module" src="./index.js"></script></body></html>\n`,
        'apps/web/src/index.js': `fetch('https://api.engium.app/api/v1/x', { headers: { Authorization: 'Bearer ' + process.env.ENGIUM_KEY } });\n`,
        // A package beside the app: Parcel never looks there.
        'apps/api/package.json': json({ name: 'api', main: 'server.js', dependencies: { express: '4.0.0' } }),
        'apps/api/server.js': `console.log(process.env.ENGIUM_KEY.length);\n`,
        'apps/api/.gitignore': '.env\n',
        'apps/api/.env': `ENGIUM_KEY=${besideKey}\n`,
      },
      [read, besideKey],
    );
    expect(findingOf(report, read, '.env')).toMatchObject({ exposure: 'client', chain: ['.env: ENGIUM_KEY', 'apps/web/package.json (inlines ENGIUM_KEY)', 'apps/web/src/index.js'] });
    expect(report.findings.filter((candidate) => candidate.secret.redacted === redact(besideKey))).toEqual([]);
  });

  it("keeps a Parcel app's own .env inside a monorepo out of its bundle: Parcel reads the .env of its project root, the lockfile's folder, alone", () => {
    const [rootKey, appKey, besideEntry] = [1480, 1481, 1482].map((seed) => fakeKey('live', seed)) as [string, string, string];
    const page = `<!doctype html>\n<html><body><script type="module" src="./index.js"></script></body></html>\n`;
    const reads = `const headers = { A: process.env.ENGIUM_ROOT_KEY, B: process.env.ENGIUM_APP_KEY, C: process.env.ENGIUM_ENTRY_KEY };\nfetch('https://api.engium.app/api/v1/x', { headers });\n`;
    const report = scan(
      {
        'package.json': json({ name: 'shop', private: true, workspaces: ['apps/*'] }),
        'package-lock.json': json({ name: 'shop', lockfileVersion: 3, packages: {} }),
        '.env': `ENGIUM_ROOT_KEY=${rootKey}\n`,
        'apps/web/package.json': json({ name: 'web', private: true, source: 'src/index.html', devDependencies: { parcel: '2.16.4' } }),
        'apps/web/.env': `ENGIUM_APP_KEY=${appKey}\n`,
        // Beside the entry, not in the project root: Parcel never looks there either.
        'apps/web/src/.env': `ENGIUM_ENTRY_KEY=${besideEntry}\n`,
        'apps/web/src/index.html': page,
        'apps/web/src/index.js': reads,
      },
      [rootKey, appKey, besideEntry],
    );
    expect(findingOf(report, rootKey, '.env')).toMatchObject({ exposure: 'client', chain: ['.env: ENGIUM_ROOT_KEY', 'apps/web/package.json (inlines ENGIUM_ROOT_KEY)', 'apps/web/src/index.js'] });
    // Committed, so everyone with the repository has them; browser code reads them, but no build puts them in its bundle.
    for (const [key, file] of [[appKey, 'apps/web/.env'], [besideEntry, 'apps/web/src/.env']] as const) {
      const finding = findingOf(report, key, file);
      expect([finding.exposure, finding.message.includes('Parcel')], file).toEqual(['unknown', false]);
      expect(finding.message).toContain('everyone with the repository has it');
    }
  });

  it('ships what a Parcel app with its own lockfile reads from its own .env, and not from the .env of the repository above it', () => {
    const [rootKey, appKey] = [1483, 1484].map((seed) => fakeKey('live', seed)) as [string, string];
    const report = scan(
      {
        '.env': `ENGIUM_ROOT_KEY=${rootKey}\n`,
        'tools/status/package.json': json({ name: 'status', private: true, source: 'index.html', devDependencies: { parcel: '2.16.4' } }),
        'tools/status/yarn.lock': '# yarn lockfile v1\n',
        'tools/status/.env': `ENGIUM_APP_KEY=${appKey}\n`,
        'tools/status/index.html': `<!doctype html>\n<html><body><script type="module" src="./index.js"></script></body></html>\n`,
        'tools/status/index.js': `fetch('https://api.engium.app/api/v1/x', { headers: { A: process.env.ENGIUM_ROOT_KEY, B: process.env.ENGIUM_APP_KEY } });\n`,
      },
      [rootKey, appKey],
    );
    expect(findingOf(report, appKey, 'tools/status/.env')).toMatchObject({ exposure: 'client', chain: ['tools/status/.env: ENGIUM_APP_KEY', 'tools/status/package.json (inlines ENGIUM_APP_KEY)', 'tools/status/index.js'] });
    const above = findingOf(report, rootKey, '.env');
    expect([above.exposure, above.message.includes('Parcel')]).toEqual(['unknown', false]);
  });

  it("ships the module a Parcel package's source names, and keeps the dist/ of a Parcel package whose engines name Node on the server", () => {
    const [widgetKey, apiKey] = [1485, 1486].map((seed) => fakeKey('live', seed)) as [string, string];
    const report = scan(
      {
        'package.json': json({ name: 'suite', private: true, workspaces: ['apps/*'] }),
        // No page names the widget: other sites load dist/widget.js with a <script> tag.
        'apps/widget/package.json': json({ name: 'widget', private: true, source: 'src/widget.ts', devDependencies: { parcel: '2.16.4' } }),
        'apps/widget/src/widget.ts': `fetch('https://api.engium.app/api/v1/badge', { headers: { Authorization: 'Bearer ${widgetKey}' } });\n`,
        'apps/api/package.json': json({ name: 'api', private: true, source: 'src/index.ts', engines: { node: '>=20' }, devDependencies: { parcel: '2.16.4' } }),
        'apps/api/src/index.ts': `export const upstream = 'https://api.engium.app/api/v1/reports';\n`,
        'apps/api/dist/index.js': `var k="${apiKey}";module.exports=k;\n`,
      },
      [widgetKey, apiKey],
    );
    expect(findingOf(report, widgetKey, 'apps/widget/src/widget.ts')).toMatchObject({ exposure: 'client', chain: ['apps/widget/src/widget.ts (Parcel target "default" in apps/widget/package.json)'] });
    const built = findingOf(report, apiKey, 'apps/api/dist/index.js');
    expect([built.exposure, built.message]).toEqual(['server', expect.stringContaining("apps/api/package.json (no targets: Parcel's default target) builds for Node: its engines name Node and no browsers, into dist")]);
  });

  it('keeps a DefinePlugin of a webpack config built for Node on the server', () => {
    const key = fakeKey('live', 1437);
    const report = scan(
      {
        'package.json': json({ name: 'svc', devDependencies: { webpack: '5.0.0' } }),
        'webpack.config.js': `module.exports = {\n  target: 'node',\n  plugins: [new (require('webpack').DefinePlugin)({ KEY: JSON.stringify(process.env.ENGIUM_SVC_KEY) })],\n};\n`,
        '.env': `ENGIUM_SVC_KEY=${key}\n`,
      },
      [key],
    );
    expect(findingOf(report, key, '.env').exposure).toBe('server');
  });

  it('ships Expo extra: an env variable it reads, and a key written in app.json', () => {
    const read = fakeKey('live', 1438);
    const written = fakeKey('test', 1439);
    const report = scan(
      {
        'package.json': json({ name: 'mobile', dependencies: { expo: '52.0.0' } }),
        'app.config.ts': `export default {\n  name: 'mobile',\n  extra: {\n    engiumKey: process.env.ENGIUM_MOBILE_KEY,\n  },\n};\n`,
        '.env': `ENGIUM_MOBILE_KEY=${read}\n`,
        'app.json': json({ expo: { name: 'mobile', extra: { engiumKey: written } } }),
      },
      [read, written],
    );
    expect(findingOf(report, read, '.env')).toMatchObject({ exposure: 'client' });
    expect(findingOf(report, read, '.env').message).toContain('app.config.ts:4');
    expect(findingOf(report, written, 'app.json')).toMatchObject({ exposure: 'client', severity: 'medium' });
    expect(findingOf(report, written, 'app.json').message).toContain("Expo's extra");
  });

  it("ships Nuxt's runtimeConfig.public and Next.js's publicRuntimeConfig, and keeps Nuxt's private runtimeConfig on the server", () => {
    const [publicRead, privateRead, written, nextRead] = [1440, 1441, 1442, 1443].map((seed) => fakeKey('live', seed)) as [string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'site', private: true, workspaces: ['nuxt', 'next'] }),
        'nuxt/package.json': json({ name: 'nuxt-site', dependencies: { nuxt: '3.15.0' } }),
        'nuxt/nuxt.config.ts': [
          'export default defineNuxtConfig({',
          '  runtimeConfig: {',
          '    engiumSecret: process.env.ENGIUM_SECRET,',
          '    public: {',
          '      engiumKey: process.env.ENGIUM_PUBLIC,',
          `      fallbackKey: '${written}',`,
          '    },',
          '  },',
          '  app: { public: { ignored: process.env.ENGIUM_SECRET } },',
          '});',
          '',
        ].join('\n'),
        'nuxt/.env': `ENGIUM_SECRET=${privateRead}\nENGIUM_PUBLIC=${publicRead}\n`,
        'next/package.json': json({ name: 'next-site', dependencies: { next: '14.2.0' } }),
        'next/next.config.js': `module.exports = {\n  publicRuntimeConfig: { engiumKey: process.env.ENGIUM_NEXT_KEY },\n};\n`,
        'next/.env': `ENGIUM_NEXT_KEY=${nextRead}\n`,
      },
      [publicRead, privateRead, written, nextRead],
    );
    expect(findingOf(report, publicRead, 'nuxt/.env')).toMatchObject({ exposure: 'client' });
    expect(findingOf(report, publicRead, 'nuxt/.env').message).toContain('nuxt/nuxt.config.ts:5');
    expect(findingOf(report, privateRead, 'nuxt/.env').exposure).not.toBe('client');
    expect(findingOf(report, written, 'nuxt/nuxt.config.ts')).toMatchObject({ exposure: 'client' });
    expect(findingOf(report, written, 'nuxt/nuxt.config.ts').message).toContain("Nuxt's public runtime config");
    expect(findingOf(report, nextRead, 'next/.env')).toMatchObject({ exposure: 'client' });
    expect(findingOf(report, nextRead, 'next/.env').message).toContain('next/next.config.js:2');
  });

  it('ships nothing through publicRuntimeConfig in a Next.js 16 app, which no longer has it', () => {
    const [written16, read16, written15] = [4821, 4822, 4823].map((seed) => fakeKey('live', seed)) as [string, string, string];
    const config = (key: string, variable: string) => `module.exports = {\n  publicRuntimeConfig: { engiumKey: process.env.${variable}, fallbackKey: '${key}' },\n};\n`;
    const report = scan(
      {
        'package.json': json({ name: 'site', private: true, workspaces: ['next16', 'next15'] }),
        'next16/package.json': json({ name: 'next16', dependencies: { next: '^16.0.0' } }),
        'next16/next.config.js': config(written16, 'ENGIUM_NEXT_KEY'),
        'next16/.env': `ENGIUM_NEXT_KEY=${read16}\n`,
        // A range that admits Next.js 15 keeps the option: it may still ship there.
        'next15/package.json': json({ name: 'next15', dependencies: { next: '>=15.5 <17' } }),
        'next15/next.config.js': config(written15, 'ENGIUM_OLD_KEY'),
      },
      [written16, read16, written15],
    );
    expect(findingOf(report, written16, 'next16/next.config.js')).toMatchObject({ exposure: 'server', severity: 'high' });
    expect(findingOf(report, read16, 'next16/.env')).toMatchObject({ exposure: 'server' });
    expect(findingOf(report, written15, 'next15/next.config.js')).toMatchObject({ exposure: 'client', chain: ['next15/next.config.js:2 (build config)'] });
  });
});

describe('server components', () => {
  it('ships a constant passed to a client component or rendered into the HTML, and keeps one used only on the server', () => {
    const [prop, rendered, kept] = [1450, 1451, 1452].map((seed) => fakeKey('live', seed)) as [string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'shop', dependencies: { next: '16.0.0', react: '19.0.0' } }),
        'app/page.tsx': [
          `import { Widget } from '../components/widget';`,
          `const PROP_KEY = '${prop}';`,
          `const SHOWN_KEY = '${rendered}';`,
          `const KEPT_KEY = '${kept}';`,
          `export default async function Page() {`,
          `  await fetch('https://api.engium.app/api/v1/events', { headers: { Authorization: \`Bearer \${KEPT_KEY}\` } });`,
          `  return <main data-key={SHOWN_KEY}><Widget apiKey={PROP_KEY} /></main>;`,
          `}`,
          ``,
        ].join('\n'),
        'components/widget.tsx': `'use client';\nexport function Widget({ apiKey }: { apiKey: string }) {\n  return <p>{apiKey.length}</p>;\n}\n`,
      },
      [prop, rendered, kept],
    );
    expect(findingOf(report, prop, 'app/page.tsx')).toMatchObject({ exposure: 'client', chain: ['app/page.tsx (passes it to <Widget>)', 'components/widget.tsx ("use client")'] });
    expect(findingOf(report, prop, 'app/page.tsx').message).toContain('app/page.tsx (passes it to <Widget>) → components/widget.tsx');
    expect(findingOf(report, rendered, 'app/page.tsx')).toMatchObject({ exposure: 'client' });
    expect(findingOf(report, rendered, 'app/page.tsx').message).toContain('app/page.tsx (renders it into <main>)');
    expect(findingOf(report, kept, 'app/page.tsx')).toMatchObject({ exposure: 'server' });
  });
});

describe('Angular fileReplacements', () => {
  it('ships the environment file angular.json swaps in, wherever it lives', () => {
    const key = fakeKey('live', 1446);
    const report = scan(
      {
        'package.json': json({ name: 'shop', dependencies: { '@angular/core': '19.0.0' } }),
        'angular.json': json({
          projects: { shop: { architect: { build: { configurations: { production: { fileReplacements: [{ replace: 'src/settings/env.ts', with: 'src/settings/env.production.ts' }] } } } } } },
        }),
        'src/settings/env.ts': `export const env = { engiumKey: '' };\n`,
        'src/settings/env.production.ts': `export const env = { engiumKey: '${key}' };\n`,
      },
      [key],
    );
    expect(findingOf(report, key, 'src/settings/env.production.ts')).toMatchObject({ exposure: 'client', severity: 'critical' });
    expect(findingOf(report, key, 'src/settings/env.production.ts').message).toContain('Angular fileReplacements in angular.json');
  });

  it("starts each project's browser bundle at its build target's entry files, not its tests'", () => {
    const keys = [1447, 1448, 1449, 1466, 1471].map((seed) => fakeKey('live', seed));
    const [imported, script, tested, polyfill, page] = keys as [string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'ws', private: true, dependencies: { '@angular/core': '19.0.0' } }),
        'angular.json': json({
          projects: {
            shop: {
              root: 'projects/shop',
              architect: {
                build: { options: { index: 'projects/shop/src/index.html', browser: 'projects/shop/src/main.ts', polyfills: ['zone.js', 'projects/shop/src/polyfills.ts'], scripts: ['node_modules/marked/marked.min.js', { input: 'projects/shop/src/legacy.js', inject: true }] } },
                test: { options: { main: 'projects/shop/src/test.ts' } },
              },
            },
          },
        }),
        'projects/shop/src/main.ts': `import { AppComponent } from './app/app.component';\nconsole.log(AppComponent);\n`,
        'projects/shop/src/app/app.component.ts': `import { KEY } from './engium';\nexport class AppComponent { key = KEY; }\n`,
        'projects/shop/src/app/engium.ts': `export const KEY = '${imported}';\n`,
        'projects/shop/src/legacy.js': `window.engiumKey = '${script}';\n`,
        'projects/shop/src/test.ts': `export const KEY = '${tested}';\n`,
        'projects/shop/src/index.html': `<app-root></app-root><script>window.ENGIUM_KEY = '${page}';</script>\n`,
        'projects/shop/src/polyfills.ts': `(globalThis as Record<string, unknown>).engiumKey = '${polyfill}';\n`,
      },
      keys,
    );
    const shipped = findingOf(report, imported, 'projects/shop/src/app/engium.ts');
    expect(shipped.exposure).toBe('client');
    expect(shipped.message).toContain('projects/shop/src/main.ts (Angular build entry in angular.json');
    expect(findingOf(report, script, 'projects/shop/src/legacy.js').exposure).toBe('client');
    expect(findingOf(report, tested, 'projects/shop/src/test.ts').exposure).not.toBe('client');
    expect(findingOf(report, polyfill, 'projects/shop/src/polyfills.ts').exposure).toBe('client');
    expect(findingOf(report, page, 'projects/shop/src/index.html').message).toContain('projects/shop/src/index.html (Angular build entry in angular.json');
  });
});

describe('server-side conventions', () => {
  it('keeps node-config files, data files only server code reads, and a repository with no browser entry on the server', () => {
    const keys = [1440, 1441, 1442, 1443].map((seed) => fakeKey('live', seed));
    const [nodeConfig, fsRead, imported, script] = keys as [string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'billing', type: 'module', main: 'src/index.js', dependencies: { config: '3.3.0', express: '4.21.0' } }),
        'config/default.json': json({ engium: { apiKey: nodeConfig } }),
        'src/index.js': `import { readFileSync } from 'node:fs';\nimport { join } from 'node:path';\nimport partners from '../data/partners.json' with { type: 'json' };\nconst keys = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'secrets', 'keys.json'), 'utf8'));\nexport default { keys, partners };\n`,
        'secrets/keys.json': json({ engium: fsRead }),
        'data/partners.json': json({ engium: imported }),
        'scripts/rotate.js': `const key = '${script}';\nconsole.log(key.length);\n`,
      },
      keys,
    );
    expect(findingOf(report, nodeConfig, 'config/default.json')).toMatchObject({ exposure: 'server' });
    expect(findingOf(report, nodeConfig, 'config/default.json').message).toContain('node-config');
    expect(findingOf(report, fsRead, 'secrets/keys.json')).toMatchObject({ exposure: 'server' });
    expect(findingOf(report, fsRead, 'secrets/keys.json').message).toContain('read only by server code: src/index.js');
    expect(findingOf(report, imported, 'data/partners.json')).toMatchObject({ exposure: 'server' });
    expect(findingOf(report, script, 'scripts/rotate.js')).toMatchObject({ exposure: 'server' });
    expect(findingOf(report, script, 'scripts/rotate.js').message).toContain('no browser entry');
  });

  it('calls a JSON file client when a client module imports it', () => {
    const key = fakeKey('live', 1445);
    const report = scan(
      {
        'package.json': json({ name: 'spa', devDependencies: { vite: '8.0.0' } }),
        'index.html': '<script type="module" src="/src/main.js"></script>\n',
        'src/main.js': `import settings from './settings.json';\nconsole.log(settings.engium.length);\n`,
        'src/settings.json': json({ engium: key }),
      },
      [key],
    );
    expect(findingOf(report, key, 'src/settings.json')).toMatchObject({ exposure: 'client', severity: 'critical' });
  });
});

describe('Next.js app router file conventions', () => {
  it("keeps Next.js 16's proxy and the newer special files on the server, and ships what a client component imports", () => {
    const [proxy, manifest, notFound, forbidden, client] = [4801, 4802, 4803, 4804, 4805].map((seed) => fakeKey('live', seed)) as [string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'shop', private: true, dependencies: { next: '16.0.0', react: '19.2.0' } }),
        'src/proxy.ts': `import { NextResponse } from 'next/server';\nconst UPSTREAM = '${proxy}';\nexport function proxy() {\n  return NextResponse.next({ headers: { 'x-upstream': UPSTREAM.slice(0, 4) } });\n}\n`,
        'src/app/manifest.ts': `const KEY = '${manifest}';\nexport default function manifest() {\n  return { name: 'Shop', id: KEY.slice(0, 4) };\n}\n`,
        'src/app/global-not-found.tsx': `const KEY = '${notFound}';\nexport default function GlobalNotFound() {\n  return <html><body>{KEY.length}</body></html>;\n}\n`,
        'src/app/forbidden.tsx': `const KEY = '${forbidden}';\nexport default function Forbidden() {\n  return <p>{KEY.length}</p>;\n}\n`,
        'src/app/page.tsx': `import { Widget } from '../components/widget';\nexport default function Home() {\n  return <Widget />;\n}\n`,
        'src/components/widget.tsx': `'use client';\nconst KEY = '${client}';\nexport function Widget() {\n  return <p>{KEY.length}</p>;\n}\n`,
      },
      [proxy, manifest, notFound, forbidden, client],
    );
    expect(findingOf(report, proxy, 'src/proxy.ts')).toMatchObject({ exposure: 'server', severity: 'high' });
    expect(findingOf(report, proxy, 'src/proxy.ts').message).toContain('only server code reaches it: src/proxy.ts (Next.js server runtime)');
    for (const [key, file] of [
      [manifest, 'src/app/manifest.ts'],
      [notFound, 'src/app/global-not-found.tsx'],
      [forbidden, 'src/app/forbidden.tsx'],
    ] as const) {
      expect(findingOf(report, key, file).exposure, file).toBe('server');
      expect(findingOf(report, key, file).message, file).toContain(`${file} (Next.js server component)`);
    }
    expect(findingOf(report, client, 'src/components/widget.tsx')).toMatchObject({ exposure: 'client', chain: ['src/components/widget.tsx ("use client")'] });
  });
});

describe('SvelteKit remote functions', () => {
  it('keep a *.remote.ts module on the server though a page imports it, in SvelteKit only', () => {
    const [remote, vite] = [4811, 4812].map((seed) => fakeKey('live', seed)) as [string, string];
    const report = scan(
      {
        'package.json': json({ name: 'kit', private: true, devDependencies: { '@sveltejs/kit': '2.70.0', svelte: '5.0.0', vite: '7.0.0' } }),
        'src/lib/stats.remote.ts': `import { query } from '$app/server';\nconst KEY = '${remote}';\nexport const stats = query(async () => KEY.length);\n`,
        'src/routes/+page.svelte': `<script lang="ts">\n  import { stats } from '$lib/stats.remote';\n</script>\n<button onclick={() => stats()}>go</button>\n`,
        // Elsewhere the name means nothing: a Vite app's module called *.remote.ts ships as any other.
        'widget/package.json': json({ name: 'widget', private: true, devDependencies: { vite: '7.0.0' } }),
        'widget/index.html': `<script type="module" src="/src/main.ts"></script>\n`,
        'widget/src/main.ts': `import { KEY } from './config.remote';\nconsole.log(KEY.length);\n`,
        'widget/src/config.remote.ts': `export const KEY = '${vite}';\n`,
      },
      [remote, vite],
    );
    expect(findingOf(report, remote, 'src/lib/stats.remote.ts')).toMatchObject({ exposure: 'server', severity: 'high' });
    expect(findingOf(report, remote, 'src/lib/stats.remote.ts').message).toContain('src/lib/stats.remote.ts (SvelteKit remote function, which browser code calls over the network)');
    expect(findingOf(report, vite, 'widget/src/config.remote.ts')).toMatchObject({ exposure: 'client', chain: ['widget/src/main.ts (Vite entry in widget/index.html)', 'widget/src/config.remote.ts'] });
  });
});

describe('env variables without a public prefix that client code reads', () => {
  it('stay on the server where the framework hands browsers its public variables alone, unless a config it reads defines them', () => {
    const [defined, other, craco, cra, webpack] = [4831, 4832, 4833, 4834, 4835].map((seed) => fakeKey('live', seed)) as [string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'root', private: true, workspaces: ['next', 'cra', 'craco', 'widget'] }),
        'next/package.json': json({ name: 'next-app', dependencies: { next: '15.5.0', react: '19.0.0' } }),
        // Next.js's webpack hook: a DefinePlugin there inlines the variable into both builds.
        'next/next.config.js': `module.exports = {\n  webpack(config, { webpack }) {\n    config.plugins.push(new webpack.DefinePlugin({ 'process.env.ENGIUM_DEFINED': JSON.stringify(process.env.ENGIUM_DEFINED) }));\n    return config;\n  },\n};\n`,
        'next/components/widget.tsx': `'use client';\nexport const keys = [process.env.ENGIUM_DEFINED, process.env.ENGIUM_OTHER];\n`,
        'next/.env': `ENGIUM_DEFINED=${defined}\nENGIUM_OTHER=${other}\n`,
        'craco/package.json': json({ name: 'craco-app', dependencies: { 'react-scripts': '5.0.1', '@craco/craco': '7.1.0' } }),
        'craco/craco.config.js': `const webpack = require('webpack');\nmodule.exports = { webpack: { plugins: { add: [new webpack.DefinePlugin({ 'process.env.ENGIUM_CRACO': JSON.stringify(process.env.ENGIUM_CRACO) })] } } };\n`,
        'craco/src/index.js': `console.log(process.env.ENGIUM_CRACO);\n`,
        'craco/.env': `ENGIUM_CRACO=${craco}\n`,
        'cra/package.json': json({ name: 'cra-app', dependencies: { 'react-scripts': '5.0.1' } }),
        'cra/src/index.js': `console.log(process.env.ENGIUM_CRA);\n`,
        'cra/.env': `ENGIUM_CRA=${cra}\n`,
        // webpack with a config that defines nothing: what else builds it is not known.
        'widget/package.json': json({ name: 'widget', devDependencies: { webpack: '5.0.0' } }),
        'widget/webpack.config.js': `module.exports = { entry: './src/app.js', target: 'web' };\n`,
        'widget/src/app.js': `console.log(process.env.ENGIUM_WIDGET);\n`,
        'widget/.env': `ENGIUM_WIDGET=${webpack}\n`,
      },
      [defined, other, craco, cra, webpack],
    );
    expect(findingOf(report, defined, 'next/.env')).toMatchObject({ exposure: 'client', ruleId: 'engium/public-env-key' });
    expect(findingOf(report, defined, 'next/.env').message).toContain('next/next.config.js:3 defines process.env.ENGIUM_DEFINED');
    expect(findingOf(report, other, 'next/.env')).toMatchObject({ exposure: 'server', ruleId: 'engium/env-file-key' });
    expect(findingOf(report, other, 'next/.env').message).toContain('It does not ship: Next.js inlines only NEXT_PUBLIC_ variables');
    expect(findingOf(report, craco, 'craco/.env')).toMatchObject({ exposure: 'client', chain: ['craco/.env: ENGIUM_CRACO', 'craco/craco.config.js:2 (injects ENGIUM_CRACO)'] });
    expect(findingOf(report, cra, 'cra/.env')).toMatchObject({ exposure: 'server' });
    expect(findingOf(report, cra, 'cra/.env').message).toContain('Create React App embeds only REACT_APP_ variables');
    expect(findingOf(report, webpack, 'widget/.env').exposure).toBe('unknown');
  });
});
