import { describe, expect, it } from 'vitest';
import { extensionManifestFiles, extensionManifestSourceFiles } from '../../src/graph/extension-manifest.js';

describe('extensionManifestFiles', () => {
  it('names the scripts and pages of an MV3 manifest, from its folder', () => {
    const manifest = {
      manifest_version: 3,
      background: { service_worker: 'background.js', type: 'module' },
      content_scripts: [{ matches: ['<all_urls>'], js: ['content/a.js', './content/b.js'] }, { js: ['late.js'] }],
      action: { default_popup: 'popup.html' },
      options_ui: { page: '/options/index.html' },
      side_panel: { default_path: 'panel.html' },
      sandbox: { pages: ['sandbox.html'] },
    };
    expect(extensionManifestFiles(JSON.stringify(manifest), 'extension/manifest.json')).toEqual({
      scripts: [
        { file: 'extension/background.js', field: 'background.service_worker' },
        { file: 'extension/content/a.js', field: 'content_scripts[0].js' },
        { file: 'extension/content/b.js', field: 'content_scripts[0].js' },
        { file: 'extension/late.js', field: 'content_scripts[1].js' },
      ],
      pages: [
        { file: 'extension/popup.html', field: 'action.default_popup' },
        { file: 'extension/options/index.html', field: 'options_ui.page' },
        { file: 'extension/panel.html', field: 'side_panel.default_path' },
        { file: 'extension/sandbox.html', field: 'sandbox.pages' },
      ],
    });
  });

  it('reads MV2 background scripts and browser actions, and a BOM', () => {
    const manifest = { manifest_version: 2, background: { scripts: ['vendor.js', 'bg.js'] }, browser_action: { default_popup: 'popup.html' }, sidebar_action: { default_panel: 'side.html' } };
    expect(extensionManifestFiles(`\uFEFF${JSON.stringify(manifest)}`, 'manifest.json')).toEqual({
      scripts: [
        { file: 'vendor.js', field: 'background.scripts' },
        { file: 'bg.js', field: 'background.scripts' },
      ],
      pages: [
        { file: 'popup.html', field: 'browser_action.default_popup' },
        { file: 'side.html', field: 'sidebar_action.default_panel' },
      ],
    });
  });

  it('is no extension manifest without a manifest_version: a web app manifest, broken JSON, a list', () => {
    expect(extensionManifestFiles(JSON.stringify({ name: 'PWA', start_url: '/', icons: [] }), 'public/manifest.json')).toBeUndefined();
    expect(extensionManifestFiles('{ "manifest_version": 3,', 'manifest.json')).toBeUndefined();
    expect(extensionManifestFiles('[3]', 'manifest.json')).toBeUndefined();
    expect(extensionManifestFiles(JSON.stringify({ manifest_version: '3', background: { service_worker: 'a.js' } }), 'manifest.json')).toBeUndefined();
  });

  it('names a page without the query or fragment its URL opens it with', () => {
    const manifest = { manifest_version: 3, options_page: 'options.html#general', action: { default_popup: './popup.html?view=compact' } };
    expect(extensionManifestFiles(JSON.stringify(manifest), 'ext/manifest.json')).toEqual({
      scripts: [],
      pages: [
        { file: 'ext/popup.html', field: 'action.default_popup' },
        { file: 'ext/options.html', field: 'options_page' },
      ],
    });
  });
});

describe('extensionManifestSourceFiles', () => {
  it('reads the literals of a manifest written as code, from the build folder, and nothing it computes', () => {
    const text = [
      `export default defineManifest(async (env) => ({`,
      `  "manifest_version": 3,`,
      `  name: env.mode === 'staging' ? 'Helper (staging)' : 'Helper',`,
      `  background: { service_worker: "./src/background.ts", type: 'module' },`,
      `  content_scripts: [{ js: ['src/content.ts', \`src/extra.ts\`], matches: ['https://*/*'] }, { js: [dynamicScript] }],`,
      `  options_ui: { page: 'src/options.html?tab=general', open_in_tab: true },`,
      `  side_panel: { default_path: 'https://example.com/panel.html' },`,
      `}));`,
    ].join('\n');
    expect(extensionManifestSourceFiles(text, 'apps/ext')).toEqual({
      scripts: [
        { file: 'apps/ext/src/background.ts', field: 'service_worker' },
        { file: 'apps/ext/src/content.ts', field: 'js' },
        { file: 'apps/ext/src/extra.ts', field: 'js' },
      ],
      pages: [{ file: 'apps/ext/src/options.html', field: 'page' }],
    });
  });

  it('is no extension manifest without a manifest_version (a web app manifest, Next.js app/manifest.ts)', () => {
    expect(extensionManifestSourceFiles(`export default function manifest() { return { name: 'Shop', start_url: '/', background_color: '#fff' }; }\n`, '')).toBeUndefined();
  });
});
