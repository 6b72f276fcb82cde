/**
 * Built output mapped back to its source through source maps (@jridgewell/trace-mapping): maps
 * named by a `sourceMappingURL` comment, inline `data:` maps, and "hidden" maps (a `.map` beside
 * the file with no comment). A map that cannot be read or parsed is a warning; the finding stays
 * in the bundle.
 */
import { isAscii } from 'node:buffer';
import { closeSync, existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { TraceMap, type DecodedSourceMapXInput, type EncodedSourceMapXInput } from '@jridgewell/trace-mapping';
import type { Position } from '../finding.js';
import { keyHitsInText } from './key-hits.js';
import { traceEncodedMappings } from './mapping-lookup.js';
import { megabytes, openRegularFile, realRootOf, UnsafeFileError } from '../safe-read.js';
import { readFileInto } from './read-file.js';

export interface LoadedSourceMap {
  /** Where the map came from: `inline`, or the map file's path relative to the root. */
  location: string;
  map: TraceMap;
  /**
   * The map's encoded `mappings` (VLQ bytes), read without decoding them all. It may be a view of a
   * buffer the next map read reuses: look positions up before loading another map.
   */
  mappings: Uint8Array;
  /** Every source the map names, relative to the root when inside it. */
  sources: string[];
}

export type SourceMapResult = { map: LoadedSourceMap } | { warning: string } | undefined;

const URL_COMMENT = /[#@][ \t]+sourceMappingURL=([^\s'"*]+)[ \t]*(?:\*\/[ \t]*)?$/;

/** Looks only this far from the end for the comment, unless the map is inline. */
const COMMENT_SEARCH_BYTES = 64 * 1024;

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function rootRelative(root: string, source: string): string {
  if (!isAbsolute(source)) return source;
  const path = relative(root, source);
  return path.startsWith('..') ? toPosix(source) : toPosix(path);
}

/** The `sourceMappingURL` value in the last comment of `bytes`, if any. */
export function sourceMappingUrl(bytes: Buffer): string | undefined {
  const marker = bytes.lastIndexOf('sourceMappingURL=');
  if (marker === -1) return undefined;
  const lineStart = bytes.lastIndexOf(0x0a, marker) + 1;
  const lineEnd = bytes.indexOf(0x0a, marker);
  const end = lineEnd === -1 ? bytes.length : lineEnd;
  // A URL comment far from the end is part of the code (a string), not the map reference.
  if (bytes.length - end > COMMENT_SEARCH_BYTES) return undefined;
  const line = bytes.toString('utf8', lineStart, end).replace(/\r$/, '');
  return URL_COMMENT.exec(line)?.[1];
}

/** For a file with an inline `data:` map: the map's JSON and the 1-based line its comment is on. */
export function inlineSourceMap(bytes: Buffer): { json: string; line: number } | undefined {
  const url = sourceMappingUrl(bytes);
  if (!url?.startsWith('data:')) return undefined;
  const marker = bytes.lastIndexOf('sourceMappingURL=');
  let line = 1;
  for (let at = bytes.indexOf(0x0a); at !== -1 && at < marker; at = bytes.indexOf(0x0a, at + 1)) line++;
  try {
    return { json: parseDataUrl(url), line };
  } catch {
    return undefined;
  }
}

function parseDataUrl(url: string): string {
  const comma = url.indexOf(',');
  if (comma === -1) throw new Error('malformed data: URL');
  const header = url.slice(5, comma);
  const payload = url.slice(comma + 1);
  return header.endsWith(';base64') ? Buffer.from(payload, 'base64').toString('utf8') : decodeURIComponent(payload);
}

type SourceMapJson = (EncodedSourceMapXInput | DecodedSourceMapXInput) & { sourcesContent?: (string | null)[] };

const MAPPINGS_KEY = Buffer.from('"mappings":"');

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A map's JSON, and its `mappings` as VLQ bytes (ASCII). */
interface SplitSourceMap {
  json: SourceMapJson;
  mappings: Uint8Array;
  /** Parsed whole: `json` keeps its own `mappings`. */
  whole?: true;
}

/**
 * A map's JSON, parsed. Bundlers write `mappings` as one long run of VLQ text, which JSON.parse and
 * UTF-8 decoding read byte by byte: for a map with one `mappings` key and a plain value, that value
 * is cut out and kept as bytes (a view of `json`), and only the rest is parsed. Any other map is
 * parsed whole.
 */
function splitSourceMap(json: Buffer): SplitSourceMap {
  const key = json.indexOf(MAPPINGS_KEY);
  const start = key + MAPPINGS_KEY.length;
  const end = key === -1 ? -1 : json.indexOf(0x22, start); // "
  // One such key, and a value with neither escapes nor anything but ASCII.
  const value = end === -1 ? undefined : json.subarray(start, end);
  if (value !== undefined && value.indexOf(0x5c) === -1 && isAscii(value) && json.indexOf(MAPPINGS_KEY, end) === -1) {
    try {
      const rest: unknown = JSON.parse(json.toString('utf8', 0, start) + json.toString('utf8', end));
      // A key nested in another object, or a quote that was inside a string, parses to something else.
      if (isObject(rest) && rest.mappings === '') return { json: rest as unknown as SourceMapJson, mappings: value };
    } catch {
      // Parsed whole below, which reports the map's own error.
    }
  }
  const whole = JSON.parse(json.toString('utf8')) as SourceMapJson;
  return { json: whole, mappings: Buffer.from(typeof whole.mappings === 'string' ? whole.mappings : '', 'latin1'), whole: true };
}

/** A map's JSON, parsed: what JSON.parse gives, faster (see splitSourceMap). */
export function parseSourceMapJson(json: Buffer): SourceMapJson {
  const { json: parsed, mappings, whole } = splitSourceMap(json);
  return whole ? parsed : ({ ...parsed, mappings: Buffer.from(mappings.buffer, mappings.byteOffset, mappings.byteLength).toString('latin1') } as SourceMapJson);
}

function build(root: string, { json, mappings }: SplitSourceMap, mapUrl: string, location: string): LoadedSourceMap {
  // trace-mapping resolves the sources; the mappings are read by traceEncodedMappings, never decoded
  // whole. Sectioned maps are refused (TraceMap throws): flattening one that lies about its
  // offsets would allocate without bound.
  const map = new TraceMap({ ...json, mappings: '' }, mapUrl);
  return { location, map, mappings, sources: map.resolvedSources.map((source) => rootRelative(root, source)) };
}

function readMap(root: string, json: Buffer, mapUrl: string, location: string): LoadedSourceMap {
  return build(root, splitSourceMap(json), mapUrl, location);
}

/**
 * Map files are read into one buffer that grows as needed and is reused: fresh megabytes cost a
 * page fault per page, which on some machines takes longer than reading them.
 */
let mapBuffer = Buffer.allocUnsafe(0);

/** Maps larger than this get a buffer of their own, so the reused one never holds on to a huge map. */
const REUSED_MAP_BYTES = 32 * 1024 * 1024;

/** A larger map is not read: its findings stay in the bundle, and memory stays bounded. */
export const MAX_MAP_BYTES = 256 * 1024 * 1024;

/** A map file: a regular file really inside the root (a link out of it, a FIFO or a device is refused), up to MAX_MAP_BYTES. */
function readMapFile(root: string, path: string): Buffer {
  const { fd, size } = openRegularFile(path, { within: realRootOf(root) });
  try {
    if (size > MAX_MAP_BYTES) throw new UnsafeFileError(`larger than ${megabytes(MAX_MAP_BYTES)} (${megabytes(size)})`);
    if (mapBuffer.length < size && size <= REUSED_MAP_BYTES) mapBuffer = Buffer.allocUnsafe(Math.min(REUSED_MAP_BYTES, Math.max(size, mapBuffer.length * 2, 1024 * 1024)));
    return readFileInto(fd, size, mapBuffer);
  } finally {
    closeSync(fd);
  }
}

function inside(root: string, path: string): boolean {
  const local = relative(root, path);
  return !local.startsWith('..') && !isAbsolute(local);
}

/** The source map of a built file, from its bytes (or its last bytes, for a huge file). */
export function loadSourceMap(root: string, absolutePath: string, bytes: Buffer): SourceMapResult {
  const url = sourceMappingUrl(bytes);
  try {
    if (url?.startsWith('data:')) return { map: readMap(root, Buffer.from(parseDataUrl(url)), absolutePath, 'inline') };
    if (url !== undefined) {
      const mapPath = resolve(dirname(absolutePath), decodeURIComponent(url.split(/[?#]/, 1)[0] ?? ''));
      if (!inside(root, mapPath)) return { warning: `source map ${url} is outside the scanned directory (not read)` };
      return { map: readMap(root, readMapFile(root, mapPath), mapPath, rootRelative(root, mapPath)) };
    }
    const hidden = `${absolutePath}.map`;
    if (existsSync(hidden)) return { map: readMap(root, readMapFile(root, hidden), hidden, rootRelative(root, hidden)) };
    return undefined;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { warning: `source map ${url?.startsWith('data:') ? '(inline)' : (url ?? 'beside the file')} could not be used (${reason}); findings stay in the bundle` };
  }
}

/**
 * A map's `sources` entry as a reported origin: never a path outside the scanned directory, since a
 * lying map (`../../../etc/passwd`) must not make a report point there.
 */
function originFile(root: string, source: string): string | undefined {
  const file = rootRelative(root, source);
  return isAbsolute(file) ? undefined : file;
}

/**
 * The original positions of 1-based lines and columns of the generated file, in one pass over the
 * map. Throws on mappings that are not VLQ text.
 */
export function originalPositions(map: LoadedSourceMap, root: string, positions: readonly { line: number; column: number }[]): (Position | undefined)[] {
  const segments = traceEncodedMappings(
    map.mappings,
    positions.map(({ line, column }) => ({ line, column: column - 1 })),
  );
  return segments.map((segment) => {
    // A segment may name a source index the map does not have.
    const source = segment && map.map.resolvedSources[segment.sourceIndex];
    if (segment === undefined || typeof source !== 'string') return undefined;
    const file = originFile(root, source);
    return file === undefined ? undefined : { file, line: segment.line + 1, column: segment.column + 1 };
  });
}

/**
 * For keys found in a `.map` file: where each stands in the original source, from `sourcesContent`,
 * by key fingerprint (the first place wins). The map is parsed and its sources scanned once, however
 * many keys the file holds.
 */
export function sourcesContentOrigins(root: string, mapPath: string, json: Buffer | string): { origins: Map<string, Position>; sources: string[] } {
  const split = splitSourceMap(typeof json === 'string' ? Buffer.from(json) : json);
  const map = build(root, split, mapPath, rootRelative(root, mapPath));
  const contents = Array.isArray(split.json.sourcesContent) ? split.json.sourcesContent : [];
  const origins = new Map<string, Position>();
  for (const [index, content] of contents.entries()) {
    if (typeof content !== 'string') continue;
    const source = map.map.resolvedSources[index];
    const file = source === undefined ? `source ${index}` : originFile(root, source);
    if (file === undefined) continue;
    for (const hit of keyHitsInText(content)) {
      if (!origins.has(hit.secret.fingerprint)) origins.set(hit.secret.fingerprint, { file, line: hit.line, column: hit.column });
    }
  }
  return { origins, sources: map.sources };
}


