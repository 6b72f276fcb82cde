/**
 * Built output mapped back to its source through source maps: maps named by a `sourceMappingURL`
 * comment (`//#`, the legacy `//@`, CSS's `/*# … *\/`), inline `data:` maps, and "hidden" maps (a
 * `.map` beside the file with no comment), plain or index maps (`sections`, nested too). A map is
 * read once per bundle for all its keys, and positions are looked up on its bytes as read: the
 * `mappings` text is never copied or decoded whole. A source that carries its own inline map (an
 * earlier build step's, as Astro's `<script>` modules do) is followed through it to the file it
 * was made from. A map that cannot be read, parsed or trusted is a warning; the finding stays in
 * the bundle.
 */
import { isAscii } from 'node:buffer';
import { closeSync, existsSync, fstatSync, lstatSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Origin } from '../finding.js';
import { keyHitsInText } from './key-hits.js';
import { traceSections, type PlacedMappings } from './mapping-lookup.js';
import { byteSize } from '../byte-size.js';
import { isInsideDir, jsonErrorWithoutContent, openRegularFile, realRootOf, UnsafeFileError } from '../safe-read.js';
import { readFileInto } from './read-file.js';
import { joinSourceRoot, resolveSource, sourcePathCandidates, type SourceContext, type SourceOrigin } from './source-url.js';
import { toPosix } from '../graph/paths.js';

/** One plain map placed in the generated file (a plain map is one section at line 0, column 0). */
interface MapSection extends PlacedMappings {
  /** Each `sources` entry joined to the section's `sourceRoot`; `undefined` where it is not a string. */
  sources: (string | undefined)[];
  /** `sourcesContent`, by source; `undefined` where the map has none. */
  contents: (string | undefined)[];
}

export interface LoadedSourceMap {
  /** Where the map came from: `inline`, or the map file's path relative to the root. */
  location: string;
  /** For an inline map: the 1-based line of its comment, whose base64 repeats the sources' keys. */
  inlineLine?: number;
  sections: MapSection[];
  context: SourceContext;
  /** Where each source is in the repository, found once per map (by `section:source`). */
  resolved: Map<string, SourceOrigin>;
  /** The inline maps of sources that carry one (by `section:source`; null: none), read once per map. */
  inner?: Map<string, LoadedSourceMap | null>;
}

export type SourceMapResult = { map: LoadedSourceMap } | { warning: string } | undefined;

/** Built files a source map can describe: JavaScript and CSS. */
export const MAPPABLE_OUTPUT = /\.(?:[cm]?js|css)$/;

/** An index map with more sections than this (nested ones counted) is refused. */
export const MAX_SECTIONS = 100_000;
/** Index maps nested deeper than this are refused. */
export const MAX_SECTION_DEPTH = 32;
/** Map files larger than this are not read: their findings stay in the bundle, and memory stays bounded. */
export const MAX_MAP_BYTES = 256 * 1024 * 1024;

const URL_COMMENT = /[#@][ \t]+sourceMappingURL=([^\s'"*]+)[ \t]*(?:\*\/[ \t]*)?$/;

/** Looks only this far from the end for the comment, unless the map is inline. */
const COMMENT_SEARCH_BYTES = 64 * 1024;

function rootRelative(root: string, path: string): string {
  return toPosix(relative(root, path));
}

/** Where the `sourceMappingURL` value of the last comment of `bytes` starts, and the value. */
function sourceMappingComment(bytes: Buffer): { url: string; marker: number } | undefined {
  const marker = bytes.lastIndexOf('sourceMappingURL=');
  if (marker === -1) return undefined;
  const lineStart = bytes.lastIndexOf(0x0a, marker) + 1;
  const lineEnd = bytes.indexOf(0x0a, marker);
  const end = lineEnd === -1 ? bytes.length : lineEnd;
  // A URL comment far from the end is part of the code (a string), not the map reference.
  if (bytes.length - end > COMMENT_SEARCH_BYTES) return undefined;
  const line = bytes.toString('utf8', lineStart, end).replace(/\r$/, '');
  const url = URL_COMMENT.exec(line)?.[1];
  return url === undefined ? undefined : { url, marker };
}

/** The `sourceMappingURL` value in the last comment of `bytes`, if any. */
export function sourceMappingUrl(bytes: Buffer): string | undefined {
  return sourceMappingComment(bytes)?.url;
}

function lineOf(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let at = bytes.indexOf(0x0a); at !== -1 && at < offset; at = bytes.indexOf(0x0a, at + 1)) line++;
  return line;
}

/** A map URL on another host: `https://…`, `//cdn…` (a `file:` URL or a path is local). */
const PUBLISHED_URL = /^(?:(?!file:)[a-z][a-z0-9+.-]*:)?\/\//i;

/** The last name of a published map's URL path (`app.js.map`), if it is a plain file name. */
function publishedName(url: string): string | undefined {
  let name: string;
  try {
    const path = new URL(url, 'https://host/').pathname;
    name = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return undefined;
  }
  return name === '' || name === '.' || name === '..' || /[\\/]/.test(name) ? undefined : name;
}

/** A `data:` URL's payload: base64 (`;base64`, after any `;charset=…`) or percent-encoded. */
function dataUrlBytes(url: string): Buffer {
  const comma = url.indexOf(',');
  if (comma === -1) throw new Error('malformed data: URL');
  const header = url.slice(5, comma);
  const payload = url.slice(comma + 1);
  return header.endsWith(';base64') ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload));
}

/** For a file whose map is inline (a `data:` URL): the 1-based line of its comment. */
export function inlineMapLine(bytes: Buffer): number | undefined {
  const comment = sourceMappingComment(bytes);
  return comment?.url.startsWith('data:') ? lineOf(bytes, comment.marker) : undefined;
}

const MAPPINGS_KEY = Buffer.from('"mappings":"');
const SECTIONS_KEY = Buffer.from('"sections"');
const OFFSET_KEY = Buffer.from('"offset"');
/** What a cut `mappings` value is replaced with: NUL and the cut's number (no VLQ text holds a NUL). */
const CUT_MARK = '\u0000';

/** A map's JSON, parsed, with each plain `mappings` value cut out and kept as bytes. */
interface ParsedMap {
  json: unknown;
  /** The cut values, views of the bytes read: a `mappings` of `"\u0000<n>"` in `json` is cut n. */
  cuts: Uint8Array[];
}

/** Whether the quote at `at` is escaped (inside a string): an odd run of backslashes before it. */
function escapedAt(bytes: Uint8Array, at: number): boolean {
  let backslashes = 0;
  while (at - backslashes > 0 && bytes[at - backslashes - 1] === 0x5c) backslashes++;
  return backslashes % 2 === 1;
}

/**
 * A map's JSON, parsed. Bundlers write `mappings` as long runs of VLQ text, which JSON.parse and
 * UTF-8 decoding would read byte by byte and copy into strings: each `"mappings":"…"` value with
 * neither escapes nor anything but ASCII is cut out and kept as a view of `bytes`, and only the
 * rest is parsed. An index map has one per section; any other value is parsed as usual.
 */
function parseMapJson(bytes: Buffer): ParsedMap {
  const cuts: Uint8Array[] = [];
  const pieces: string[] = [];
  let copied = 0;
  let from = 0;
  for (let key = bytes.indexOf(MAPPINGS_KEY, from); key !== -1; key = bytes.indexOf(MAPPINGS_KEY, from)) {
    const start = key + MAPPINGS_KEY.length;
    const end = bytes.indexOf(0x22, start); // "
    if (end === -1) break;
    from = end + 1;
    const value = bytes.subarray(start, end);
    if (escapedAt(bytes, key) || value.includes(0x5c) || !isAscii(value)) continue;
    pieces.push(bytes.toString('utf8', copied, start), `\\u0000${cuts.length}`);
    cuts.push(value);
    copied = end;
  }
  pieces.push(bytes.toString('utf8', copied));
  return { json: JSON.parse(pieces.join('')), cuts };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The cut a parsed `mappings` value stands for, if it is one. */
function cutOf(value: string, cuts: readonly Uint8Array[]): Uint8Array | undefined {
  if (!value.startsWith(CUT_MARK)) return undefined;
  const index = Number(value.slice(1));
  return Number.isInteger(index) ? cuts[index] : undefined;
}

/** A map's JSON, parsed: what JSON.parse gives, without reading `mappings` as JSON (see parseMapJson). */
export function parseSourceMapJson(bytes: Buffer): unknown {
  const { json, cuts } = parseMapJson(bytes);
  const restore = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(restore);
    else if (isObject(value)) {
      for (const [key, inner] of Object.entries(value)) {
        const cut = key === 'mappings' && typeof inner === 'string' ? cutOf(inner, cuts) : undefined;
        if (cut) value[key] = Buffer.from(cut.buffer, cut.byteOffset, cut.byteLength).toString('latin1');
        else restore(inner);
      }
    }
  };
  restore(json);
  return json;
}

/** How many times `needle` occurs in `bytes`, counting no further than `limit + 1`. */
function countUpTo(bytes: Buffer, needle: Buffer, limit: number): number {
  let count = 0;
  for (let at = bytes.indexOf(needle); at !== -1 && count <= limit; at = bytes.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** A generated position, 0-based, in the order sections must keep. */
interface Place {
  line: number;
  column: number;
}

function before(a: Place, b: Place): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

function describe(place: Place): string {
  return `line ${place.line + 1}, column ${place.column}`;
}

/** Where a section is in the map's JSON, for messages: `sections[2]`, `sections[0].map.sections[1]`. */
function sectionPath(path: string, index: number): string {
  return `${path === '' ? '' : `${path}.`}sections[${index}]`;
}

function offsetOf(section: unknown, path: string): Place {
  const offset = isObject(section) ? section.offset : undefined;
  const line = isObject(offset) ? offset.line : undefined;
  const column = isObject(offset) ? offset.column : undefined;
  const valid = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) < 2 ** 31;
  if (!valid(line) || !valid(column)) throw new Error(`${path} has no valid offset (line and column must be whole numbers from 0)`);
  return { line, column };
}

interface SectionReader {
  cuts: readonly Uint8Array[];
  sections: MapSection[];
  /** Sections seen, nested ones counted. */
  count: number;
}

function mappingsOf(map: Record<string, unknown>, reader: SectionReader): Uint8Array {
  const { mappings } = map;
  if (typeof mappings !== 'string') return new Uint8Array(0);
  return cutOf(mappings, reader.cuts) ?? Buffer.from(mappings, 'utf8');
}

function plainSection(map: Record<string, unknown>, start: Place, stop: Place, reader: SectionReader): MapSection {
  const sourceRoot = typeof map.sourceRoot === 'string' ? map.sourceRoot : undefined;
  const sources = Array.isArray(map.sources) ? (map.sources as unknown[]).map((source) => (typeof source === 'string' ? joinSourceRoot(sourceRoot, source) : undefined)) : [];
  const contents = Array.isArray(map.sourcesContent) ? (map.sourcesContent as unknown[]).map((content) => (typeof content === 'string' ? content : undefined)) : [];
  return { mappings: mappingsOf(map, reader), line: start.line, column: start.column, stopLine: stop.line, stopColumn: stop.column, sources, contents };
}

/**
 * Places `map` (plain or index) at `start`, its segments counting up to `stop`; an index map's
 * sections in turn, each up to where the next starts. Offsets that go backwards, or a nested
 * section that starts past the end of the one holding it, make the map unusable: which section
 * owns a position would be a guess.
 */
function placeMap(map: unknown, start: Place, stop: Place, depth: number, path: string, reader: SectionReader): void {
  if (!isObject(map)) throw new Error(`${path || 'the map'} is not a source map object`);
  if (!('sections' in map)) {
    reader.sections.push(plainSection(map, start, stop, reader));
    return;
  }
  if (depth >= MAX_SECTION_DEPTH) throw new Error(`index maps nested more than ${MAX_SECTION_DEPTH} deep`);
  const { sections } = map;
  const name = path === '' ? 'index map' : `index map in ${path}`;
  if (!Array.isArray(sections)) throw new Error(`${name} has "sections" that is not a list`);
  reader.count += sections.length;
  if (reader.count > MAX_SECTIONS) throw new Error(`index map with more than ${MAX_SECTIONS.toLocaleString('en-US')} sections`);
  const starts = sections.map((section: unknown, index) => {
    const offset = offsetOf(section, sectionPath(path, index));
    // The section's line 0 starts at the offset; its later lines at column 0 (a parent's column counts only on its first line).
    return { line: start.line + offset.line, column: offset.line === 0 ? start.column + offset.column : offset.column };
  });
  for (const [index, place] of starts.entries()) {
    const previous = starts[index - 1];
    if (previous && before(place, previous)) {
      throw new Error(`${name}: section ${index} starts at ${describe(place)}, before section ${index - 1} (${describe(previous)}): sections overlap or go backwards`);
    }
    if (before(stop, place)) throw new Error(`${name}: section ${index} starts at ${describe(place)}, past the end of the section that holds it (${describe(stop)})`);
  }
  for (const [index, section] of (sections as unknown[]).entries()) {
    const inner = isObject(section) ? section.map : undefined;
    const at = sectionPath(path, index);
    if (inner === undefined) throw new Error(isObject(section) && 'url' in section ? `${at} names its map by URL, which is not read` : `${at} has no map`);
    placeMap(inner, starts[index] as Place, starts[index + 1] ?? stop, depth + 1, `${at}.map`, reader);
  }
}

/** A map's JSON (bytes) read into sections; throws with a reason on a map that cannot be used. */
export function readSourceMap(root: string, mapPath: string, json: Buffer, location: string): LoadedSourceMap {
  // Counted on the bytes, before JSON.parse builds an object per section.
  if (json.includes(SECTIONS_KEY) && countUpTo(json, OFFSET_KEY, MAX_SECTIONS) > MAX_SECTIONS) {
    throw new Error(`index map with more than ${MAX_SECTIONS.toLocaleString('en-US')} sections`);
  }
  const { json: parsed, cuts } = parseMapJson(json);
  const reader: SectionReader = { cuts, sections: [], count: 0 };
  placeMap(parsed, { line: 0, column: 0 }, { line: Infinity, column: Infinity }, 0, '', reader);
  return { location, sections: reader.sections, context: { root, mapDir: rootRelative(root, dirname(mapPath)) }, resolved: new Map() };
}

/**
 * Map files are read into one buffer that grows as needed and is reused: fresh megabytes cost a
 * page fault per page, which on some machines takes longer than reading them.
 */
let mapBuffer = Buffer.allocUnsafe(0);

/** Maps larger than this get a buffer of their own, so the reused one never holds on to a huge map. */
const REUSED_MAP_BYTES = 32 * 1024 * 1024;

/**
 * Whether `fd` is the file at `path` itself, not one a link there leads to: the scan never
 * follows a link to a file, so only then may the bytes stand for the file's own read.
 */
function isFileAtPath(fd: number, path: string): boolean {
  try {
    const atPath = lstatSync(path);
    const opened = fstatSync(fd);
    return atPath.isFile() && atPath.ino === opened.ino && atPath.dev === opened.dev;
  } catch {
    return false;
  }
}

/** A map file: a regular file really inside the root (a link out of it, a FIFO or a device is refused), up to MAX_MAP_BYTES. */
function readMapFile(root: string, path: string, onRead?: (path: string, bytes: Buffer) => void): Buffer {
  const { fd, size } = openRegularFile(path, { within: realRootOf(root) });
  let bytes: Buffer;
  let handOver: boolean;
  try {
    if (size > MAX_MAP_BYTES) throw new UnsafeFileError(`larger than ${byteSize(MAX_MAP_BYTES)} (${byteSize(size)})`);
    if (mapBuffer.length < size && size <= REUSED_MAP_BYTES) mapBuffer = Buffer.allocUnsafe(Math.min(REUSED_MAP_BYTES, Math.max(size, mapBuffer.length * 2, 1024 * 1024)));
    bytes = readFileInto(fd, size, mapBuffer);
    handOver = onRead !== undefined && isFileAtPath(fd, path);
  } finally {
    closeSync(fd);
  }
  if (handOver) onRead?.(path, bytes);
  return bytes;
}

/**
 * The source map of a built file, from its bytes (or its last bytes, for a huge file). The map's
 * mappings may be a view of a buffer the next map read reuses: look positions up before loading
 * another map. `onRead` is given a map file's bytes as read (for their own analysis).
 */
export function loadSourceMap(root: string, absolutePath: string, bytes: Buffer, onRead?: (path: string, bytes: Buffer) => void): SourceMapResult {
  const comment = sourceMappingComment(bytes);
  const url = comment?.url;
  try {
    if (comment && url?.startsWith('data:')) {
      const map = readSourceMap(root, absolutePath, dataUrlBytes(url), 'inline');
      map.inlineLine = lineOf(bytes, comment.marker);
      return { map };
    }
    if (url !== undefined && PUBLISHED_URL.test(url)) {
      // Published elsewhere (Rollup's and Vite's `sourcemapBaseUrl`, a CDN, an error tracker): never
      // fetched. The build writes the map beside the file too, under the URL's last name.
      const name = publishedName(url);
      const beside = name === undefined ? undefined : resolve(dirname(absolutePath), name);
      const local = [beside, `${absolutePath}.map`].find((path) => path !== undefined && existsSync(path));
      if (local === undefined) return { warning: `source map ${url} is published elsewhere and not beside the file (never fetched)` };
      return { map: readSourceMap(root, local, readMapFile(root, local, onRead), rootRelative(root, local)) };
    }
    if (url !== undefined) {
      const mapPath = resolve(dirname(absolutePath), decodeURIComponent(url.split(/[?#]/, 1)[0] ?? ''));
      if (!isInsideDir(root, mapPath)) return { warning: `source map ${url} is outside the scanned directory (not read)` };
      return { map: readSourceMap(root, mapPath, readMapFile(root, mapPath, onRead), rootRelative(root, mapPath)) };
    }
    const hidden = `${absolutePath}.map`;
    if (existsSync(hidden)) return { map: readSourceMap(root, hidden, readMapFile(root, hidden, onRead), rootRelative(root, hidden)) };
    return undefined;
  } catch (error) {
    // A map that is not JSON gets V8's message, which quotes the map's bytes (an inline map's, decoded).
    const reason = error instanceof SyntaxError ? jsonErrorWithoutContent(error) : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
    return { warning: `source map ${url?.startsWith('data:') ? '(inline)' : (url ?? 'beside the file')} could not be used (${reason}); findings stay in the bundle` };
  }
}

/** Where a source of the map is in the repository, worked out once per map. */
function sourceOrigin(map: LoadedSourceMap, sectionIndex: number, sourceIndex: number): SourceOrigin | undefined {
  const section = map.sections[sectionIndex];
  const url = section?.sources[sourceIndex];
  if (section === undefined || url === undefined) return undefined;
  const key = `${sectionIndex}:${sourceIndex}`;
  let origin = map.resolved.get(key);
  if (origin === undefined) {
    origin = resolveSource(map.context, url, section.contents[sourceIndex]);
    map.resolved.set(key, origin);
  }
  return origin;
}

/** Which source a section's index names, for messages: never the name itself, which may be a lie about the file system. */
function sourceLabel(map: LoadedSourceMap, sectionIndex: number, sourceIndex: number): string {
  return map.sections.length > 1 ? `sources[${sourceIndex}] of section ${sectionIndex}` : `sources[${sourceIndex}]`;
}

/** Whether a 0-based line or column from a map's mappings can be a place in a file. */
const isPlace = (value: number): boolean => Number.isSafeInteger(value) && value >= 0;

/** An original position, or why the map cannot tell it (a sentence that follows "source map <location>"). */
export type PositionLookup = { origin: Origin } | { unmapped: string };

/**
 * The original positions of 1-based lines and columns of the generated file, in one pass over
 * each section's mappings. Throws on mappings that are not VLQ text.
 */
export function originalPositions(map: LoadedSourceMap, positions: readonly { line: number; column: number }[]): PositionLookup[] {
  return originalPositionsAt(map, positions, 0);
}

/** originalPositions, `depth` inline maps in (see throughInnerMap). */
function originalPositionsAt(map: LoadedSourceMap, positions: readonly { line: number; column: number }[], depth: number): PositionLookup[] {
  const lookups = traceSections(
    map.sections,
    positions.map(({ line, column }) => ({ line, column: column - 1 })),
  );
  return lookups.map((lookup, index) => {
    const { line, column } = positions[index] as { line: number; column: number };
    const where = `line ${line}, column ${column}`;
    if (lookup === 'no-segment') return { unmapped: `has no mapping for ${where} (no segment starts at or before that column of the line)` };
    if (lookup === 'no-source') return { unmapped: `maps ${where} to no source (a segment of the bundler's own code)` };
    const source = sourceOrigin(map, lookup.section, lookup.sourceIndex);
    const label = sourceLabel(map, lookup.section, lookup.sourceIndex);
    if (source === undefined) return { unmapped: `maps ${where} to ${label}, which the map leaves out or does not name with a string` };
    if ('outside' in source) return { unmapped: `maps ${where} to ${label}, a source outside the scanned directory that matches no file of it` };
    // VLQ deltas may add up to a line or column before the file's start (or past any number): no place to report.
    if (!isPlace(lookup.line) || !isPlace(lookup.column)) {
      return { unmapped: `maps ${where} to line ${lookup.line + 1}, column ${lookup.column + 1} of ${label}, which no file has (the mappings are corrupt)` };
    }
    return { origin: throughInnerMap(map, lookup.section, lookup.sourceIndex, { file: source.file, line: lookup.line + 1, column: lookup.column + 1, inRepository: source.inRepository }, depth) };
  });
}

/** How many build steps' inline maps an origin is followed through. */
const MAX_INNER_MAPS = 4;

/**
 * The inline map a source's own content ends with (`//# sourceMappingURL=data:…`): the map of the
 * build step before the bundler's, as Astro writes it into each `<script>` module. Null when the
 * source has none, or none that can be read.
 */
function innerMap(map: LoadedSourceMap, sectionIndex: number, sourceIndex: number, source: Origin): LoadedSourceMap | null {
  if (!source.inRepository) return null;
  const key = `${sectionIndex}:${sourceIndex}`;
  map.inner ??= new Map();
  let inner = map.inner.get(key);
  if (inner === undefined) {
    const content = map.sections[sectionIndex]?.contents[sourceIndex];
    const loaded = content?.includes('sourceMappingURL=data:') ? loadSourceMap(map.context.root, resolve(map.context.root, source.file), Buffer.from(content)) : undefined;
    inner = loaded && 'map' in loaded && loaded.map.inlineLine !== undefined ? loaded.map : null;
    map.inner.set(key, inner);
  }
  return inner;
}

/**
 * `origin` in a source that carries its own inline map, followed through that map to the file it
 * was made from (an `.astro` page, not the `<script>` module its compiler cut out of it) when that
 * map places it in a repository file; else `origin` as it is.
 */
function throughInnerMap(map: LoadedSourceMap, sectionIndex: number, sourceIndex: number, origin: Origin, depth = 0): Origin {
  const inner = depth < MAX_INNER_MAPS ? innerMap(map, sectionIndex, sourceIndex, origin) : null;
  if (!inner || origin.line === inner.inlineLine) return origin;
  let lookup: PositionLookup | undefined;
  try {
    [lookup] = originalPositionsAt(inner, [origin], depth + 1);
  } catch {
    return origin;
  }
  return lookup && 'origin' in lookup && lookup.origin.inRepository ? lookup.origin : origin;
}

/** Where a key in a map's `sourcesContent` comes from, or which source outside the repository holds it. */
export type ContentOrigin = { origin: Origin } | { outside: string };

/** How good a place is as a key's origin: a repository file, then any named source, then one outside. */
function originRank(found: ContentOrigin): number {
  if ('outside' in found) return 0;
  return found.origin.inRepository ? 2 : 1;
}

/**
 * How `sourcesContentOrigins` names a key's place by fingerprint and encoding: a source may hold a
 * key twice, as text and in base64 (Astro's `<script>` module, whose own inline map holds the whole
 * page), and each copy in a `.map` file is the one at its own place. (A key in an inline map's
 * base64 is plain in the decoded sources: it is found by fingerprint alone.)
 */
export function contentOriginId(fingerprint: string, encoding: string): string {
  return `${fingerprint}\0${encoding}`;
}

/**
 * For keys in a map's `sourcesContent`: where each stands in its original source, by key
 * fingerprint and encoding (`contentOriginId`), and by fingerprint alone. The first place in a
 * repository file wins, then the first place at all: Parcel's production maps list `<anon>`, the
 * whole bundle before its minifier ran, ahead of the modules it was made of, so every key is there
 * first, in a source that is no file. The sources are scanned once, however many keys there are.
 */
export function sourcesContentOrigins(map: LoadedSourceMap): Map<string, ContentOrigin> {
  const origins = new Map<string, ContentOrigin>();
  for (const [sectionIndex, section] of map.sections.entries()) {
    for (const [sourceIndex, content] of section.contents.entries()) {
      if (content === undefined) continue;
      const hits = keyHitsInText(content);
      if (hits.length === 0) continue;
      const source = sourceOrigin(map, sectionIndex, sourceIndex);
      for (const hit of hits) {
        const found: ContentOrigin =
          source === undefined || 'outside' in source
            ? { outside: sourceLabel(map, sectionIndex, sourceIndex) }
            : { origin: throughInnerMap(map, sectionIndex, sourceIndex, { file: source.file, line: hit.line, column: hit.column, inRepository: source.inRepository }) };
        for (const id of [contentOriginId(hit.secret.fingerprint, hit.encoding), hit.secret.fingerprint]) {
          const known = origins.get(id);
          if (known === undefined || originRank(found) > originRank(known)) origins.set(id, found);
        }
      }
    }
  }
  return origins;
}

/** The repository paths the map's sources may be (unchecked, for the module graph to match against its files). */
export function mappedSourcePaths(map: LoadedSourceMap): string[] {
  const paths = new Set<string>();
  for (const section of map.sections) {
    for (const url of section.sources) {
      if (url !== undefined) for (const path of sourcePathCandidates(map.context, url)) paths.add(path);
    }
  }
  return [...paths];
}
