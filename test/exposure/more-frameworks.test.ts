// Frameworks whose halves are folders: Meteor (`client/` and `server/`, and the `public` part of
// its settings file, which every browser receives), RedwoodJS (the `web` and `api` sides, each a
// workspace package), and the docs-site generators VitePress and VuePress (a build folder and a
// static folder each).
import { describe, expect, it } from 'vitest';
import { fakeKey } from '../support/index.js';
import { findingIn as findingOf, json, scanTree as scan } from './support.js';

describe('Meteor', () => {
  it("ships client folders, what they import and the settings' public part; keeps server folders and private settings back", () => {
    const keys = [1490, 1491, 1492, 1493, 1494].map((seed) => fakeKey('live', seed));
    const [clientKey, importedKey, serverKey, publicSetting, privateSetting] = keys as [string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'tasks', dependencies: { '@babel/runtime': '7.26.0', 'meteor-node-stubs': '1.2.12', react: '18.3.1' } }),
        '.meteor/release': 'METEOR@3.1\n',
        'client/main.jsx': `import { engium } from '../imports/api/engium';\nconst widgetKey = '${clientKey}';\nconsole.log(engium, widgetKey);\n`,
        'imports/api/engium.js': `export const engium = { key: '${importedKey}' };\n`,
        'server/main.js': `const ENGIUM_KEY = '${serverKey}';\nconsole.log(ENGIUM_KEY.length);\n`,
        'settings.json': json({ public: { engiumKey: publicSetting }, private: { engiumKey: privateSetting } }),
      },
      keys,
    );
    expect(findingOf(report, clientKey, 'client/main.jsx')).toMatchObject({ exposure: 'client', severity: 'critical' });
    expect(findingOf(report, clientKey, 'client/main.jsx').message).toContain('Meteor client folder, sent to every browser');
    expect(findingOf(report, importedKey, 'imports/api/engium.js').exposure).toBe('client');
    expect(findingOf(report, serverKey, 'server/main.js').exposure).toBe('server');
    const shipped = findingOf(report, publicSetting, 'settings.json');
    expect(shipped.exposure).toBe('client');
    expect(shipped.message).toContain('Meteor.settings.public, which Meteor sends to every browser');
    expect(findingOf(report, privateSetting, 'settings.json').exposure).not.toBe('client');
  });
});

describe('RedwoodJS', () => {
  it('ships the web side, its build and REDWOOD_ENV_ variables; keeps the api side and the web tests back', () => {
    const keys = [1495, 1496, 1497, 1498, 1499].map((seed) => fakeKey('live', seed));
    const [webKey, apiKey, testKey, builtKey, envKey] = keys as [string, string, string, string, string];
    const report = scan(
      {
        'package.json': json({ private: true, workspaces: ['api', 'web'], devDependencies: { '@redwoodjs/core': '8.4.0' } }),
        'redwood.toml': '[web]\n  port = 8910\n[api]\n  port = 8911\n',
        'web/package.json': json({ name: 'web', dependencies: { '@redwoodjs/web': '8.4.0', react: '18.3.1' } }),
        'web/src/pages/HomePage/HomePage.tsx': `import { Widget } from '../../components/Widget';\nexport default function HomePage() { return Widget(); }\n`,
        'web/src/components/Widget/Widget.tsx': `const KEY = '${webKey}';\nexport const Widget = () => KEY.length;\n`,
        'web/src/components/Widget/Widget.test.tsx': `const KEY = '${testKey}';\nexport {};\nconsole.log(KEY);\n`,
        'web/dist/assets/index-3f2a.js': `(()=>{console.log("${builtKey}")})();\n`,
        'api/package.json': json({ name: 'api', dependencies: { '@redwoodjs/api': '8.4.0' } }),
        'api/src/functions/charge.ts': `const KEY = '${apiKey}';\nexport const handler = async () => ({ statusCode: KEY.length });\n`,
        '.env': `REDWOOD_ENV_ENGIUM_KEY=${envKey}\n`,
      },
      keys,
    );
    expect(findingOf(report, webKey, 'web/src/components/Widget/Widget.tsx')).toMatchObject({ exposure: 'client', severity: 'critical' });
    expect(findingOf(report, apiKey, 'api/src/functions/charge.ts').exposure).toBe('server');
    expect(findingOf(report, testKey, 'web/src/components/Widget/Widget.test.tsx').exposure).not.toBe('client');
    expect(findingOf(report, builtKey, 'web/dist/assets/index-3f2a.js').exposure).toBe('client');
    expect(findingOf(report, envKey, '.env').message).toContain("RedwoodJS embeds REDWOOD_ENV_ variables in the web side's bundle");
  });
});

describe('VitePress and VuePress', () => {
  it('ship their build folders and their public folders, wherever the docs live', () => {
    const keys = [1500, 1501, 1502, 1503].map((seed) => fakeKey('live', seed));
    const [built, asset, vuepressBuilt, vuepressAsset] = keys as [string, string, string, string];
    const report = scan(
      {
        'package.json': json({ private: true, workspaces: ['site', 'legacy'] }),
        'site/package.json': json({ name: 'site', devDependencies: { vitepress: '1.5.0' } }),
        'site/.gitignore': 'docs/.vitepress/dist\n',
        'site/docs/.vitepress/dist/assets/app.4f1c.js': `(()=>{console.log("${built}")})();\n`,
        'site/docs/public/widget.js': `window.ENGIUM_KEY = '${asset}';\n`,
        'legacy/package.json': json({ name: 'legacy', devDependencies: { vuepress: '1.9.10' } }),
        'legacy/docs/.vuepress/dist/assets/js/app.js': `(()=>{console.log("${vuepressBuilt}")})();\n`,
        'legacy/docs/.vuepress/public/widget.js': `window.ENGIUM_KEY = '${vuepressAsset}';\n`,
      },
      keys,
    );
    expect(findingOf(report, built, 'site/docs/.vitepress/dist/assets/app.4f1c.js').message).toContain('VitePress builds the site into .vitepress/dist');
    expect(findingOf(report, asset, 'site/docs/public/widget.js').message).toContain('VitePress static file');
    expect(findingOf(report, vuepressBuilt, 'legacy/docs/.vuepress/dist/assets/js/app.js').message).toContain('VuePress builds the site into .vuepress/dist');
    expect(findingOf(report, vuepressAsset, 'legacy/docs/.vuepress/public/widget.js').exposure).toBe('client');
  });
});

describe('browser extensions whose manifest is code (CRXJS defineManifest)', () => {
  it('ships the service worker, content scripts and popup scripts the manifest names, from the package folder', () => {
    const keys = [1504, 1505, 1506, 1507].map((seed) => fakeKey('live', seed));
    const [worker, content, popup, server] = keys as [string, string, string, string];
    const report = scan(
      {
        'package.json': json({ name: 'ext', type: 'module', devDependencies: { vite: '6.0.0', '@crxjs/vite-plugin': '2.0.0' } }),
        'vite.config.ts': `import { defineConfig } from 'vite';\nimport { crx } from '@crxjs/vite-plugin';\nimport manifest from './manifest.config';\nexport default defineConfig({ plugins: [crx({ manifest })] });\n`,
        'manifest.config.ts': [
          `import { defineManifest } from '@crxjs/vite-plugin';`,
          `import pkg from './package.json';`,
          `export default defineManifest({`,
          `  manifest_version: 3,`,
          `  name: 'Engium Helper',`,
          `  version: pkg.version,`,
          `  background: { service_worker: 'src/background/index.ts', type: 'module' },`,
          `  content_scripts: [{ js: ['src/content/main.tsx'], matches: ['https://*/*'] }],`,
          `  action: { default_popup: 'src/popup/index.html' },`,
          `});`,
          ``,
        ].join('\n'),
        'src/background/index.ts': `const KEY = '${worker}';\nchrome.runtime.onMessage.addListener(() => KEY);\n`,
        'src/content/main.tsx': `import { engiumKey } from '../lib/engium';\nconsole.log(engiumKey);\n`,
        'src/lib/engium.ts': `export const engiumKey = '${content}';\n`,
        'src/popup/index.html': '<div id="root"></div><script type="module" src="./main.tsx"></script>',
        'src/popup/main.tsx': `export const key = '${popup}';\n`,
        'scripts/release.ts': `const KEY = '${server}';\nconsole.log(KEY.length);\n`,
      },
      keys,
    );
    expect(findingOf(report, worker, 'src/background/index.ts').message).toContain('browser extension service_worker in manifest.config.ts, installed by every user');
    expect(findingOf(report, content, 'src/lib/engium.ts').exposure).toBe('client');
    expect(findingOf(report, popup, 'src/popup/main.tsx').message).toContain("browser extension's default_popup page src/popup/index.html");
    expect(findingOf(report, server, 'scripts/release.ts').exposure).not.toBe('client');
  });
});

describe('who receives client code that is no web page', () => {
  it('says an app reaches everyone who installs it, an extension everyone who installs the extension, a web page the browser', () => {
    const keys = [1508, 1509, 1510, 1511].map((seed) => fakeKey('live', seed));
    const [electron, native, extension, web] = keys as [string, string, string, string];
    const report = scan(
      {
        'package.json': json({ private: true, workspaces: ['desktop', 'mobile', 'extension', 'web'] }),
        'desktop/package.json': json({ name: 'desktop', main: 'src/main.js', devDependencies: { electron: '33.0.0', 'electron-builder': '25.0.0' } }),
        'desktop/src/main.js': `import { KEY } from './engium.js';\nconsole.log(KEY);\n`,
        'desktop/src/engium.js': `export const KEY = '${electron}';\n`,
        'mobile/package.json': json({ name: 'mobile', dependencies: { 'react-native': '0.79.0' } }),
        'mobile/App.tsx': `const KEY = '${native}';\nexport default function App() { return KEY; }\n`,
        'extension/package.json': json({ name: 'extension', devDependencies: { wxt: '0.20.0' } }),
        'extension/entrypoints/background.ts': `const KEY = '${extension}';\nexport default defineBackground(() => KEY);\n`,
        'web/package.json': json({ name: 'web', type: 'module', devDependencies: { vite: '6.0.0' } }),
        'web/index.html': '<script type="module" src="/src/main.ts"></script>',
        'web/src/main.ts': `const KEY = '${web}';\nconsole.log(KEY);\n`,
      },
      keys,
    );
    expect(findingOf(report, electron, 'desktop/src/engium.js').message).toContain('in desktop/src/engium.js ships to everyone who installs the app: desktop/src/main.js (');
    expect(findingOf(report, native, 'mobile/App.tsx').message).toContain('ships to everyone who installs the app: mobile/App.tsx (React Native app entry)');
    expect(findingOf(report, extension, 'extension/entrypoints/background.ts').message).toContain('ships to everyone who installs the extension:');
    expect(findingOf(report, web, 'web/src/main.ts').message).toContain('ships to the browser: web/src/main.ts (Vite entry in web/index.html)');
  });
});
