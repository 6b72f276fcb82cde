#!/usr/bin/env node
// A deterministic, seeded corpus for the scan benchmark: thousands of TS/TSX sources, multi-MB
// minified bundles with their source maps, .env files, a node_modules and a .git to skip, and a
// handful of planted (fake) keys, hidden keys and near misses. Same size and seed, same bytes.
// `node bench/corpus.mjs [sizeMB]` writes bench/.cache/scan-<size>mb and prints its path.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { random } from './random.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const VERSION = '2';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function fakeKey(kind, rand) {
  let body = '';
  for (let i = 0; i < 24; i++) body += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return `eng_${kind}_${body}`;
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

const SOURCE_LINES = [
  "import { request } from '../lib/http';",
  'export async function load_item(id: number): Promise<unknown> {',
  '  const response = await request(`/items/${id}?page=${page}`);',
  '  return response.ok ? response.json() : { error: response.status };',
  '}',
  'const is_test_mode = process.env.NODE_ENV === "test";',
  'export const eng_live_subscription_count = 0; // near miss: an identifier, not a key',
  'function __assign_defaults(target, source) { return Object.assign({}, source, target); }',
  '  for (const [key, value] of Object.entries(options)) headers.set(key, String(value));',
  "  throw new Error('request failed: ' + response.statusText);",
  "// TODO(team): move this to the shared client, see run_test_suite in ci.yml",
  'export type Item = { id: number; name: string; price_cents: number; created_at: string };',
  '  if (items.length > 100) return items.slice(0, 100).map((item) => ({ ...item, _live_: false }));',
  "const API_BASE = 'https://api.engium.app/api/v1';",
  '  const url = new URL(path, API_BASE); url.searchParams.set("q", query);',
];

const BUNDLE_PIECES = [
  'function(e,t,n){"use strict";var r=n(12),o=n.n(r);t.a=function(e){return o()(e)}},',
  'var __webpack_require__=function(e){if(t[e])return t[e].exports;var n=t[e]={i:e,l:!1,exports:{}};return n},',
  'const a=e=>e.map(t=>t*2).filter(Boolean),b=(e,t)=>({...e,...t}),c=Symbol.for("react.element");',
  'export{x as _test_helpers};',
  'fetch("https://api.engium.app/api/v1/items",{headers:{"X-Tenant-ID":r.tenant}}).then(e=>e.json());',
  'class s extends HTMLElement{connectedCallback(){this.innerHTML="<p>"+this.dataset.label+"</p>"}}',
  'var l="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",u=new Uint8Array(256);',
  'if(e._live_reload)console.debug("hmr",e.id);',
  '"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAyNCAyNCI+PC9zdmc+",',
  'for(let i=0;i<n.length;i++)h=(h<<5)-h+n.charCodeAt(i)|0;',
];

function write(path, content) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** Roughly `bytes` of minified code made of the pieces above, on lines of about 32 KB. */
function bundleText(rand, bytes, planted) {
  const parts = [];
  let size = 0;
  let line = 0;
  while (size < bytes) {
    const piece = pick(rand, BUNDLE_PIECES);
    parts.push(piece);
    size += piece.length;
    line += piece.length;
    if (line > 32_768) {
      parts.push('\n');
      line = 0;
    }
  }
  for (const key of planted) parts.splice(Math.floor(rand() * parts.length), 0, `var k="${key}";`);
  return parts.join('');
}

/** A valid map of about `bytes`, its segments spread over the bundle's `lines` lines. */
function sourceMap(rand, sources, bytes, lines) {
  const perLine = Math.max(1, Math.floor(bytes / 5 / lines));
  const rows = [];
  for (let line = 0; line < lines; line++) {
    // Each row starts at column 0 of the generated line and walks forward through the source.
    const segments = ['AACA'];
    for (let i = 1; i < perLine; i++) segments.push(pick(rand, ['CAAC', 'EAAE', 'GAAG', 'IAAI', 'KAAK', 'MAAM']));
    rows.push(segments.join(','));
  }
  return JSON.stringify({ version: 3, sources, names: [], mappings: rows.join(';') });
}

export function generateCorpus(sizeMB = 300, seed = 20261129) {
  const dir = join(here, '.cache', `scan-${sizeMB}mb`);
  const stamp = `${VERSION}:${sizeMB}:${seed}`;
  const marker = join(dir, '.corpus-version');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) return dir;
  rmSync(dir, { recursive: true, force: true });
  const rand = random(seed);
  const budget = sizeMB * 1024 * 1024;
  const planted = [];

  // Sources: about 12% of the budget, ~6 KB each.
  const sourceCount = Math.max(100, Math.round((budget * 0.12) / 6000));
  for (let index = 0; index < sourceCount; index++) {
    const lines = [`// module ${index}`];
    while (lines.join('\n').length < 6000) lines.push(pick(rand, SOURCE_LINES));
    if (index % 97 === 0) {
      const key = fakeKey(index % 2 ? 'test' : 'live', rand);
      planted.push(key);
      lines.splice(3, 0, `const ENGIUM_KEY = "${key}";`);
    }
    if (index % 499 === 0) lines.splice(4, 0, `const hidden = atob("${Buffer.from(fakeKey('live', rand)).toString('base64')}");`);
    write(join(dir, `packages/app-${index % 20}/src/module-${index}.${index % 3 ? 'ts' : 'tsx'}`), `${lines.join('\n')}\n`);
  }

  // Bundles with maps: about 75% of the budget, 3 MB bundles with ~1 MB maps.
  const bundleBytes = 3 * 1024 * 1024;
  const bundleCount = Math.max(2, Math.round((budget * 0.75) / (bundleBytes + 1024 * 1024)));
  for (let index = 0; index < bundleCount; index++) {
    const keys = index % 5 === 0 ? [fakeKey('live', rand)] : [];
    planted.push(...keys);
    const name = `packages/app-${index % 20}/dist/assets/chunk-${index}.js`;
    const bundle = bundleText(rand, bundleBytes, keys);
    write(join(dir, name), `${bundle}\n//# sourceMappingURL=chunk-${index}.js.map\n`);
    write(join(dir, `${name}.map`), sourceMap(rand, [`../../src/module-${index}.ts`], 1024 * 1024, bundle.split('\n').length + 1));
  }

  // .env files in every package.
  for (let index = 0; index < 20; index++) {
    const key = fakeKey(index % 2 ? 'live' : 'test', rand);
    planted.push(key);
    write(join(dir, `packages/app-${index}/.env`), `DATABASE_URL=postgres://localhost/app${index}\n${index % 4 ? 'ENGIUM_API_KEY' : 'NEXT_PUBLIC_ENGIUM_KEY'}=${key}\nFEATURE_FLAGS=a,b,c\n`);
  }

  // What a scanner must skip: node_modules (about 8%) and .git (about 4%).
  const vendor = bundleText(rand, 512 * 1024, [fakeKey('live', rand)]);
  for (let index = 0; index < Math.max(1, Math.round((budget * 0.08) / vendor.length)); index++) write(join(dir, `node_modules/vendor-${index}/index.js`), vendor);
  const pack = Buffer.alloc(1024 * 1024, 7);
  for (let index = 0; index < Math.max(1, Math.round((budget * 0.04) / pack.length)); index++) write(join(dir, `.git/objects/pack/pack-${index}.pack`), pack);
  write(join(dir, '.git/HEAD'), 'ref: refs/heads/main\n');
  write(join(dir, '.gitignore'), 'node_modules/\n');

  write(join(dir, 'planted.json'), JSON.stringify({ count: planted.length }));
  writeFileSync(marker, stamp);
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = Number(process.argv[2] ?? 300);
  console.log(generateCorpus(size));
}
