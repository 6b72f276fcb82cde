// Browser extensions: a manifest.json with a `manifest_version` (Chrome, Edge, Firefox; MV2 and
// MV3) names the scripts and pages the browser loads from the extension every user installs. A
// manifest written in TypeScript or JavaScript (CRXJS's `defineManifest` in `manifest.config.ts`,
// `src/manifest.ts` of vite-plugin-web-extension) names them the same way, as literals.
import { checkJsonDepth } from '../json-depth.js';
import { dirnamePosix, joinPosix } from './paths.js';

/** A file the manifest names (relative to the root), and where it names it. */
export interface ManifestFile {
  file: string;
  /** `background.service_worker`, `content_scripts[0].js`… */
  field: string;
}

/** Manifest fields that name one script, or a list of them. */
const SCRIPT_FIELDS: readonly (readonly string[])[] = [
  ['background', 'service_worker'],
  ['background', 'scripts'],
  ['user_scripts', 'api_script'],
];

/** Manifest fields that name an HTML page, whose scripts run in the extension. */
const PAGE_FIELDS: readonly (readonly string[])[] = [
  ['action', 'default_popup'],
  ['browser_action', 'default_popup'],
  ['page_action', 'default_popup'],
  ['options_page'],
  ['options_ui', 'page'],
  ['side_panel', 'default_path'],
  ['sidebar_action', 'default_panel'],
  ['devtools_page'],
  ['background', 'page'],
  ['chrome_url_overrides', 'newtab'],
  ['chrome_url_overrides', 'bookmarks'],
  ['chrome_url_overrides', 'history'],
];

function valueAt(object: unknown, path: readonly string[]): unknown {
  let value = object;
  for (const key of path) value = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** `popup.html?view=compact`, `options.html#general`: the file is what comes before the query. */
function withoutQuery(path: string): string {
  const end = path.search(/[?#]/);
  return end === -1 ? path : path.slice(0, end);
}

/** A path a manifest names, from `dir`: a leading `./` or `/` is that folder itself. */
function fileIn(dir: string, path: string): string {
  return joinPosix(dir, path.replace(/^\.?\//, ''));
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * The scripts and pages an extension manifest names, or undefined when `text` is no extension
 * manifest (a web app's `manifest.json` has no `manifest_version`). Paths are from the manifest's folder.
 */
export function extensionManifestFiles(text: string, manifest: string): { scripts: ManifestFile[]; pages: ManifestFile[] } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
    checkJsonDepth(parsed);
  } catch {
    return undefined;
  }
  if (typeof valueAt(parsed, ['manifest_version']) !== 'number') return undefined;
  const dir = dirnamePosix(manifest);
  const inFolder = (path: string) => fileIn(dir, withoutQuery(path));
  const scripts: ManifestFile[] = [];
  for (const path of SCRIPT_FIELDS) for (const script of strings(valueAt(parsed, path))) scripts.push({ file: inFolder(script), field: path.join('.') });
  const contentScripts = valueAt(parsed, ['content_scripts']);
  if (Array.isArray(contentScripts)) {
    contentScripts.forEach((entry, index) => {
      for (const script of strings(valueAt(entry, ['js']))) scripts.push({ file: inFolder(script), field: `content_scripts[${index}].js` });
    });
  }
  const pages: ManifestFile[] = [];
  for (const path of PAGE_FIELDS) for (const page of strings(valueAt(parsed, path))) pages.push({ file: inFolder(page), field: path.join('.') });
  for (const page of strings(valueAt(parsed, ['sandbox', 'pages']))) pages.push({ file: inFolder(page), field: 'sandbox.pages' });
  return { scripts, pages };
}

/** The last name of each field that names scripts, and of each that names pages. */
const SCRIPT_NAMES = new Set(SCRIPT_FIELDS.map((path) => path.at(-1) as string));
const PAGE_NAMES = new Set([...PAGE_FIELDS.map((path) => path.at(-1) as string), 'pages']);

/** `name: 'value'` or `name: ['a', "b"]` in source text: the name and the string literals of its value. */
// An array holds string literals only: `content_scripts: [{ js: […] }]` is read at its `js`.
const LITERAL_FIELD = /(?:^|[\s{,])["']?([a-z_]+)["']?\s*:\s*(\[[^\]{]*\]|(["'`])[^"'`\n]*\3)/g;
const STRING_LITERAL = /(["'`])([^"'`\n]*)\1/g;

/**
 * The scripts and pages a manifest written as code names with string literals, or undefined when
 * `text` sets no `manifest_version`. Its paths are from `base`, the folder the build runs in (the
 * package's): CRXJS and vite-plugin-web-extension resolve them from the Vite root. Values the code
 * computes are not followed.
 */
export function extensionManifestSourceFiles(text: string, base: string): { scripts: ManifestFile[]; pages: ManifestFile[] } | undefined {
  if (!/\bmanifest_version["']?\s*:\s*[23]\b/.test(text)) return undefined;
  const scripts: ManifestFile[] = [];
  const pages: ManifestFile[] = [];
  for (const [, name = '', value = ''] of text.matchAll(LITERAL_FIELD)) {
    const script = SCRIPT_NAMES.has(name) || name === 'js';
    if (!script && !PAGE_NAMES.has(name)) continue;
    for (const [, , literal = ''] of value.matchAll(STRING_LITERAL)) {
      const path = withoutQuery(literal);
      // A URL is no file.
      if (!/^[\w./-]+$/.test(path)) continue;
      const found = { file: fileIn(base, path), field: name };
      (script ? scripts : pages).push(found);
    }
  }
  return { scripts, pages };
}
