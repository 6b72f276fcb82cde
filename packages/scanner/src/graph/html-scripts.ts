// The local scripts an HTML page loads (`<script type="module" src="/src/main.ts">`): Vite's entries,
// a plain site's scripts, the scripts of a browser extension's pages.
import { dirnamePosix, joinPosix } from './paths.js';

/**
 * A `<script …>` start tag's attributes. `[^<>]` ends each try at the next tag, so a page of a
 * million unclosed `<script` tags is read in one pass, not one pass per tag.
 */
const SCRIPT_TAG = /<script\b([^<>]*)>/gi;
/** The `src` attribute (not `data-src`), quoted or not. */
const SRC = /(?:^|\s)src\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
/** A URL with a scheme (`https:`, `data:`) or a host (`//cdn…`): not a file of the repository. */
const REMOTE = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i;

/** The local paths a page's script tags load, as written (`/src/main.ts`, `./app.js`), without query or fragment. */
export function pageScriptSources(html: string): string[] {
  const sources: string[] = [];
  for (const [, attributes = ''] of html.matchAll(SCRIPT_TAG)) {
    const match = SRC.exec(attributes);
    const written = (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim();
    const end = written.search(/[?#]/);
    const src = end === -1 ? written : written.slice(0, end);
    if (src === '' || REMOTE.test(src)) continue;
    sources.push(src);
  }
  return sources;
}

/**
 * The file (relative to the root) a page's script path names, among `isFile`: a relative path from
 * the page's folder; an absolute one (`/src/main.ts`) from `root` (Vite's project root, the
 * package's folder; an extension's, its manifest's folder), else from the page's folder.
 */
export function pageScriptFile(src: string, page: string, root: string, isFile: (file: string) => boolean): string | undefined {
  const pageDir = dirnamePosix(page);
  let path = src;
  try {
    path = decodeURI(src);
  } catch {
    // A malformed escape is taken as written.
  }
  const candidates = path.startsWith('/') ? [joinPosix(root, path.slice(1)), joinPosix(pageDir, path.slice(1))] : [joinPosix(pageDir, path)];
  return candidates.find((file) => !file.startsWith('../') && isFile(file));
}
