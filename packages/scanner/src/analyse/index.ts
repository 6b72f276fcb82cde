/**
 * Stage 2, analyse: the keys in one discovered file, located by line and column, with what the
 * classify step needs: the env variable a key is assigned to, and for built output its original
 * position through the source map. Raw bytes are prefiltered before anything is decoded; huge
 * files are read in regions so memory stays flat.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { posix } from 'node:path';
import { describeSecret, fileMarker, type FileMarker } from '@engium/core';
import type { FindingEncoding, Origin, ScanWarning, SkippedFile } from '../finding.js';
import type { DiscoveredFile } from '../discover/index.js';
import { fsPath, pathText } from '../discover/byte-names.js';
import { jsonErrorWithoutContent, NO_FOLLOW_OPEN_FLAGS, notRegularReason, openErrorReason, UnsafeFileError } from '../safe-read.js';
import { byteSize } from '../byte-size.js';
import { readUpTo } from './read-file.js';
import { keyHitsInBytes, regionEnd, utf16Length, snippetAt, type LocatedHit } from './bytes.js';
import { isBinary, utf8OfUnicodeText } from './text-encoding.js';
import { findAssembledKeys } from './concatenation.js';
import { envVariableOf } from './env-file.js';
import { INLINE_IGNORE, lineIndexAt, lineStarts } from './key-hits.js';
import { contentOriginId, inlineMapLine, loadSourceMap, MAPPABLE_OUTPUT, mappedSourcePaths, originalPositions, readSourceMap, sourcesContentOrigins, type LoadedSourceMap, type PositionLookup } from './source-map.js';
import { hermesKeyHits, isHermesBytecode } from './hermes.js';
import { byteOffsets, evalModules, mayHoldEvalModuleKeys, moduleAt, moduleCode, moduleUrlAt, positionInModule, type EvalModule } from './eval-modules.js';
import { resolveSource, sourcePathCandidates } from './source-url.js';
import { binaryKeyHits } from './binary.js';
import { moduleHeadOf, type ModuleHead } from '../graph/module-head.js';
import type { MapsReadOnce } from './maps-read-once.js';
import { isModuleFile } from '../graph/source-files.js';

export interface AnalysedHit extends Omit<LocatedHit, 'encoding'> {
  encoding: FindingEncoding;
  /** For `.env*` files: the variable the key is assigned to. */
  envVariable?: string;
  /** For built output: the original position through the source map. */
  origin?: Origin;
  /** For built output: the sources its source map names (relative to the root when inside it). */
  mappedSources?: string[];
}

export interface FileAnalysis {
  file: DiscoveredFile;
  hits: AnalysedHit[];
  bytes: number;
  skipped?: SkippedFile;
  warnings: ScanWarning[];
  /** For source files with hits: the client/server marker its directives or path give it. */
  marker?: FileMarker;
  /** For source modules, when the context asks: the marks at its start that make it an entry. */
  head?: ModuleHead;
}

/** Files above this size are read in regions of about this size instead of whole. */
export const REGION_BYTES = 16 * 1024 * 1024;

/** JS and TS, and React Native's plain bundles (`index.android.bundle`, `main.jsbundle`), which have no `.js`. */
const JS_SOURCE = /\.(?:[cm]?[jt]sx?|vue|svelte|astro)$|(?:^|\/)(?:index\.(?:android|ios)\.bundle|main\.jsbundle)$/;
/** The largest file whose constant concatenations are resolved. */
const MAX_ASSEMBLY_BYTES = 8 * 1024 * 1024;

/**
 * Files up to this size are read into one reused buffer: analysis is synchronous and keeps no
 * reference to the bytes (hits hold strings), so a scan of thousands of files allocates almost
 * nothing per file.
 */
const SCRATCH = Buffer.allocUnsafe(4 * 1024 * 1024);

/** Why a file was skipped: the file system's reason, or (a bug of ours) the analysis's own error. */
function errorReason(error: unknown): string {
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (error instanceof UnsafeFileError || (code !== undefined && syscall !== undefined)) return openErrorReason(error).reason;
  return `analysis failed (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}): its keys are not reported; please report this as a bug`;
}

/**
 * The size of the regular file open on `fd`; throws for anything else. Asked only of a file that
 * read empty, filled the buffer or could not be read at an offset: a FIFO or socket fails the read
 * (ESPIPE), an idle terminal has nothing yet (EAGAIN), a device fills the buffer, so nothing but a
 * regular file is ever read whole, and most files are spared the system call.
 */
function regularFileSize(fd: number): number {
  const stats = fstatSync(fd);
  if (!stats.isFile()) throw new UnsafeFileError(notRegularReason(stats));
  return stats.size;
}

/** Errors of a read at an offset from what has none: a FIFO or a socket (ESPIPE), a terminal with nothing to read (EAGAIN). */
const NOT_A_FILE_READ_ERRORS = new Set(['ESPIPE', 'EAGAIN']);

/** The first bytes of `fd`, or why a file that is not regular cannot give them. */
function readStart(fd: number): number {
  try {
    return readUpTo(fd, SCRATCH);
  } catch (error) {
    if (NOT_A_FILE_READ_ERRORS.has((error as NodeJS.ErrnoException).code ?? '')) regularFileSize(fd);
    throw error;
  }
}

/** A file larger than SCRATCH, which holds its first bytes: those are kept, the rest is read after them. */
function readRest(fd: number, size: number): Buffer {
  const whole = Buffer.allocUnsafe(size);
  SCRATCH.copy(whole);
  return whole.subarray(0, readUpTo(fd, whole, SCRATCH.length));
}

export interface AnalyseContext {
  root: string;
  /** Take each source module's head marks for the module graph (which then reads no module for them). */
  moduleHeads?: boolean;
  /** The maps to analyse as they are read for a bundle (on the thread that owns them: never posted to a worker). */
  maps?: MapsReadOnce;
}

export function analyseFile(file: DiscoveredFile, context: AnalyseContext): FileAnalysis {
  const analysis: FileAnalysis = { file, hits: [], bytes: 0, warnings: [] };
  let fd: number;
  try {
    // The walk found a regular file here, never through a link: a link now is a swap, not followed.
    fd = openSync(fsPath(file.absolutePath), NO_FOLLOW_OPEN_FLAGS);
  } catch (error) {
    analysis.skipped = { file: file.path, reason: errorReason(error) };
    return analysis;
  }
  try {
    const read = readStart(fd);
    const size = read > 0 && read < SCRATCH.length ? read : regularFileSize(fd);
    // Hermes bytecode is read whole, however large: its string table spans the file.
    if (size > REGION_BYTES * 2 && !isHermesBytecode(SCRATCH.subarray(0, read))) analyseInRegions(fd, size, analysis, context);
    else if (size <= read) analyseWhole(SCRATCH.subarray(0, read), analysis, context);
    else analyseWhole(readRest(fd, size), analysis, context);
  } catch (error) {
    analysis.skipped = { file: file.path, reason: errorReason(error) };
    analysis.hits = [];
  } finally {
    closeSync(fd);
  }
  return analysis;
}

/**
 * The analysis of a file whose bytes are already in memory: an archive entry, or a source map read
 * for its bundle. The bytes are not kept. Entries have no source maps beside them, so built output
 * is not mapped.
 */
export function analyseBytes(file: DiscoveredFile, bytes: Buffer, context: AnalyseContext): FileAnalysis {
  const analysis: FileAnalysis = { file, hits: [], bytes: 0, warnings: [] };
  try {
    analyseWhole(bytes, analysis, context);
  } catch (error) {
    analysis.skipped = { file: file.path, reason: errorReason(error) };
    analysis.hits = [];
  }
  return analysis;
}

function analyseWhole(raw: Buffer, analysis: FileAnalysis, context: AnalyseContext): void {
  const { file } = analysis;
  analysis.bytes = raw.length;
  if (isHermesBytecode(raw)) {
    const { hits, problem } = hermesKeyHits(raw);
    if (problem !== undefined) analysis.skipped = { file: file.path, reason: `Hermes bytecode not read: ${problem}` };
    analysis.hits = hits;
    return;
  }
  const bytes = utf8OfUnicodeText(raw) ?? raw;
  if (context.moduleHeads && file.role === 'source' && !file.archive && isModuleFile(file.path)) {
    const head = moduleHeadOf(bytes);
    if (head) analysis.head = head;
  }
  if (isBinary(bytes, file.path)) {
    // Inside an archive, binary entries are compiled code that ships (classes.dex, native libraries).
    if (file.archive) analysis.hits = binaryKeyHits(bytes);
    else analysis.skipped = { file: file.path, reason: 'binary file' };
    return;
  }
  // Minified bundles assemble keys too (`var o="eng_live_",s=o+"…"`): a linear pass, bounded in size.
  // An assembled key starts in a string literal that opens with `eng` (core's quoted prefix).
  const { hits, text, quotedPrefix } = keyHitsInBytes(bytes);
  const assemble = quotedPrefix && file.role !== 'env' && JS_SOURCE.test(file.path) && bytes.length <= MAX_ASSEMBLY_BYTES;
  if (hits.length === 0 && !assemble) return;
  const analysed: AnalysedHit[] = hits;
  // An env file is decoded whole at any size: the variable names decide its exposure.
  const decoded = text ?? (assemble || file.role === 'env' ? bytes.toString('utf8') : undefined);
  if (assemble && decoded !== undefined) analysed.push(...assembledHits(decoded));
  if (file.role === 'env' && decoded !== undefined) {
    const lines = decoded.split('\n');
    for (const hit of analysed) {
      const variable = envVariableOf(lines[hit.line - 1] ?? '');
      if (variable !== undefined) hit.envVariable = variable;
    }
  }
  if (file.role === 'build' && analysed.length > 0 && !file.archive) mapBuiltHits(bytes, analysed, analysis, context);
  if (file.role === 'source' && analysed.length > 0) {
    const marker = fileMarker(file.path, decoded);
    if (marker) analysis.marker = marker;
  }
  analysis.hits = analysed;
}

function assembledHits(text: string): AnalysedHit[] {
  const assembled = findAssembledKeys(text);
  if (assembled.length === 0) return [];
  const starts = lineStarts(text);
  return assembled.map((found) => {
    const lineIndex = lineIndexAt(starts, found.index);
    const lineStart = starts[lineIndex] ?? 0;
    const previousStart = starts[lineIndex - 1];
    const ignoredInline =
      text.slice(lineStart, text.indexOf('\n', found.index) === -1 ? undefined : text.indexOf('\n', found.index)).includes(INLINE_IGNORE) ||
      (previousStart !== undefined && text.slice(previousStart, lineStart).includes(INLINE_IGNORE));
    const secret = describeSecret(found.key);
    return {
      key: found.key,
      kind: found.kind,
      secret,
      encoding: 'concatenation',
      index: found.index,
      length: found.length,
      line: lineIndex + 1,
      column: found.index - lineStart + 1,
      ignoredInline,
      snippet: snippetAt(text, found.index, found.length, secret.redacted),
    };
  });
}

function mapBuiltHits(bytes: Buffer, hits: AnalysedHit[], analysis: FileAnalysis, context: AnalyseContext): void {
  const { file } = analysis;
  if (file.path.endsWith('.map')) {
    let map: LoadedSourceMap;
    try {
      map = readSourceMap(context.root, pathText(file.absolutePath), bytes, file.path);
    } catch (error) {
      analysis.warnings.push({ file: file.path, message: `source map could not be parsed (${error instanceof SyntaxError ? jsonErrorWithoutContent(error) : (error as Error).message}); the finding stays in the map file` });
      return;
    }
    applyContentOrigins(map, hits, analysis);
    return;
  }
  if (!MAPPABLE_OUTPUT.test(file.path)) return;
  // Keys in eval-wrapped modules are mapped through their own module's map; the rest through the file's.
  const offsets = byteOffsets(bytes, hits);
  const rest = mayHoldEvalModuleKeys(bytes, offsets) ? mapEvalModuleHits(bytes, hits, offsets, analysis, context) : hits;
  if (rest.length === 0) return;
  const result = loadSourceMap(context.root, pathText(file.absolutePath), bytes, mapReader(context));
  if (result === undefined) {
    analysis.warnings.push({ file: file.path, message: NO_MAP });
    return;
  }
  if ('warning' in result) {
    const line = inlineMapLine(bytes);
    if (line !== undefined) dropInlineCopies(hits, line);
    analysis.warnings.push({ file: file.path, message: result.warning });
    return;
  }
  const { map } = result;
  if (map.inlineLine !== undefined) {
    dropInlineCopies(hits, map.inlineLine);
    const inMap = hits.filter((hit) => hit.line === map.inlineLine && rest.includes(hit));
    if (inMap.length > 0) applyContentOrigins(map, inMap, analysis);
  }
  applyMap(map, rest === hits ? hits : hits.filter((hit) => rest.includes(hit)), analysis);
}

/**
 * Hits inside `eval("…")` modules (webpack's eval devtools): each is mapped through its module's
 * inline map, or named by the module's sourceURL when the devtool wrote no map; the copy in a module
 * map's base64 of a key its code holds is dropped from `hits`. Returns the hits outside such modules.
 */
function mapEvalModuleHits(bytes: Buffer, hits: AnalysedHit[], offsets: readonly number[], analysis: FileAnalysis, context: AnalyseContext): AnalysedHit[] {
  const modules = evalModules(bytes);
  if (modules.length === 0) return hits;
  const outside: AnalysedHit[] = [];
  const byModule = new Map<EvalModule, { hit: AnalysedHit; offset: number }[]>();
  hits.forEach((hit, index) => {
    const offset = offsets[index] ?? 0;
    const module = moduleAt(modules, offset);
    if (module) byModule.set(module, [...(byModule.get(module) ?? []), { hit, offset }]);
    else outside.push(hit);
  });
  const dropped = new Set<AnalysedHit>();
  for (const [module, inModule] of byModule) {
    const code = moduleCode(bytes, module);
    // Only a module that names itself is a devtool's: other eval strings are code like any other.
    if (code === undefined || !/\/\/# source(?:URL|MappingURL)=/.test(code)) {
      outside.push(...inModule.map(({ hit }) => hit));
      continue;
    }
    const located = inModule.flatMap(({ hit, offset }) => {
      const position = positionInModule(bytes, module, offset);
      return position ? [{ hit, position }] : [];
    });
    const result = loadSourceMap(context.root, pathText(analysis.file.absolutePath), Buffer.from(code));
    if (result === undefined || 'warning' in result) {
      noteEvalSource(code, located, analysis, context, result?.warning);
      continue;
    }
    const { map } = result;
    map.location = `(inline, eval module) in ${analysis.file.path}`;
    const inMap = located.filter(({ position }) => position.line === map.inlineLine);
    const inCode = located.filter(({ position }) => position.line !== map.inlineLine);
    const codeKeys = new Set(inCode.map(({ hit }) => hit.secret.fingerprint));
    for (const { hit } of inMap) if (codeKeys.has(hit.secret.fingerprint)) dropped.add(hit);
    const onlyInMap = inMap.filter(({ hit }) => !dropped.has(hit)).map(({ hit }) => hit);
    if (onlyInMap.length > 0) applyContentOrigins(map, onlyInMap, analysis);
    applyMapAt(map, inCode, analysis);
  }
  for (let index = hits.length - 1; index >= 0; index--) if (dropped.has(hits[index] as AnalysedHit)) hits.splice(index, 1);
  return outside;
}

/** Hits at positions of an eval module's code, looked up in its map. */
function applyMapAt(map: LoadedSourceMap, located: readonly { hit: AnalysedHit; position: { line: number; column: number } }[], analysis: FileAnalysis): void {
  if (located.length === 0) return;
  let lookups: PositionLookup[];
  try {
    lookups = originalPositions(map, located.map(({ position }) => position));
  } catch (error) {
    analysis.warnings.push({ file: analysis.file.path, message: `source map ${map.location} could not be used (${(error as Error).message}); findings stay in the bundle` });
    return;
  }
  const sources = mappedSourcePaths(map);
  for (const [index, { hit }] of located.entries()) {
    hit.mappedSources = sources;
    const lookup = lookups[index];
    if (lookup && 'origin' in lookup) hit.origin = lookup.origin;
    else if (lookup) analysis.warnings.push({ file: analysis.file.path, message: `source map ${map.location} ${lookup.unmapped}` });
  }
}

/** An eval module without a usable map: the module it names (webpack's `eval` devtool writes no map) stands for the source. */
function noteEvalSource(code: string, located: readonly { hit: AnalysedHit; position: { line: number } }[], analysis: FileAnalysis, context: AnalyseContext, warning: string | undefined): void {
  const sourceContext = { root: context.root, mapDir: posix.dirname(analysis.file.path) };
  for (const { hit, position } of located) {
    const url = moduleUrlAt(code, position.line);
    const source = url === undefined ? undefined : resolveSource(sourceContext, url, undefined);
    hit.mappedSources = url === undefined ? [] : sourcePathCandidates(sourceContext, url);
    const named = source && 'file' in source && source.inRepository ? `the eval module of ${source.file}` : 'an eval module';
    analysis.warnings.push({ file: analysis.file.path, message: `${hit.secret.redacted} is in ${named}, ${warning ?? "which has no source map (webpack's eval devtool writes none)"}: its line in the source is unknown` });
  }
}

/** What a map read for a bundle is handed to: its own analysis, when it is a file of the scan still to come. */
function mapReader({ maps, ...context }: AnalyseContext): ((path: string, bytes: Buffer) => void) | undefined {
  // A map too large to read whole is analysed in regions, in its turn.
  return maps && ((path, bytes) => bytes.length <= REGION_BYTES * 2 && maps.read(path, bytes, (file, mapBytes) => analyseBytes(file, mapBytes, context)));
}

const NO_MAP = 'no source map (no sourceMappingURL comment and no .map file beside it): which source put the key there is unknown';

/**
 * Keys found in a map's `sourcesContent` (a `.map` file, or an inline map's base64) point at their
 * line in the original source; a key in a source outside the repository stays where it was found.
 */
function applyContentOrigins(map: LoadedSourceMap, inMap: readonly AnalysedHit[], analysis: FileAnalysis): void {
  const origins = sourcesContentOrigins(map);
  const sources = mappedSourcePaths(map);
  for (const hit of inMap) {
    hit.mappedSources = sources;
    const found = origins.get(contentOriginId(hit.secret.fingerprint, hit.encoding)) ?? origins.get(hit.secret.fingerprint);
    if (found && 'origin' in found) hit.origin = found.origin;
    else if (found) analysis.warnings.push({ file: analysis.file.path, message: `${hit.secret.redacted} is in the content of ${found.outside} of source map ${map.location}, a source outside the scanned directory that matches no file of it` });
  }
}

/**
 * An inline map's sourcesContent repeats the bundle's keys (base64-encoded) on the comment's line.
 * A key also in the code is one leak: the copy in the map is dropped. A key only in the map is
 * kept, and points at its original line.
 */
function dropInlineCopies(hits: AnalysedHit[], inlineLine: number): void {
  const inCode = new Set(hits.filter((hit) => hit.line !== inlineLine).map((hit) => hit.secret.fingerprint));
  for (let index = hits.length - 1; index >= 0; index--) {
    const hit = hits[index];
    if (hit?.line === inlineLine && inCode.has(hit.secret.fingerprint)) hits.splice(index, 1);
  }
}

function applyMap(map: LoadedSourceMap, hits: AnalysedHit[], analysis: FileAnalysis): void {
  const unmapped = hits.filter((hit) => !hit.origin && hit.line !== map.inlineLine);
  if (unmapped.length === 0) return;
  let lookups: PositionLookup[];
  try {
    lookups = originalPositions(map, unmapped);
  } catch (error) {
    analysis.warnings.push({ file: analysis.file.path, message: `source map ${map.location} could not be used (${(error as Error).message}); findings stay in the bundle` });
    return;
  }
  const sources = mappedSourcePaths(map);
  for (const [index, hit] of unmapped.entries()) {
    hit.mappedSources = sources;
    const lookup = lookups[index];
    if (lookup && 'origin' in lookup) hit.origin = lookup.origin;
    else if (lookup) analysis.warnings.push({ file: analysis.file.path, message: `source map ${map.location} ${lookup.unmapped}` });
  }
}

/** Byte values a region may end after: never inside a key or an encoded key. */
const REGION_BREAKS = [0x0a, 0x20, 0x22, 0x27, 0x60, 0x2c, 0x28, 0x29]; // \n space " ' ` , ( )

function analyseInRegions(fd: number, sizeWhenOpened: number, analysis: FileAnalysis, context: AnalyseContext): void {
  let size = sizeWhenOpened;
  const { file } = analysis;
  analysis.warnings.push({
    file: file.path,
    message: `large file (${byteSize(size)}) read in ${byteSize(REGION_BYTES)} regions: keys are found, but constant concatenations are not analysed`,
  });
  const buffer = Buffer.allocUnsafe(REGION_BYTES);
  let carry = Buffer.alloc(0);
  let position = 0;
  let line = 1;
  let column = 0;
  let first = true;
  while (position < size || carry.length > 0) {
    const room = REGION_BYTES - carry.length;
    const read = position < size ? readSync(fd, buffer, 0, Math.min(room, size - position), position) : 0;
    if (read === 0 && position < size) {
      // Cut short while it was read (truncated, rewritten): it ends here, or this loop would wait for bytes that never come.
      const now = fstatSync(fd).size;
      analysis.warnings.push({ file: file.path, message: `shrank while it was read (${byteSize(sizeWhenOpened)} when opened, ${byteSize(now)} now): its first ${byteSize(position)} were read, keys in the rest are not found` });
      size = position;
    }
    position += read;
    const chunk = carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, read)]) : buffer.subarray(0, read);
    if (first && isBinary(chunk, file.path)) {
      analysis.skipped = { file: file.path, reason: 'binary file' };
      return;
    }
    first = false;
    const atEnd = position >= size;
    let cut = chunk.length;
    if (!atEnd) {
      cut = -1;
      for (const byte of REGION_BREAKS) cut = Math.max(cut, chunk.lastIndexOf(byte));
      cut = cut <= 0 ? regionEnd(chunk) : cut + 1;
    }
    const region = chunk.subarray(0, cut);
    const { hits } = keyHitsInBytes(region, { line, column });
    analysis.hits.push(...hits);
    // Where the next region starts: count its lines and the columns of its last line.
    let newlines = 0;
    let lastNewline = -1;
    for (let at = region.indexOf(0x0a); at !== -1; at = region.indexOf(0x0a, at + 1)) {
      newlines++;
      lastNewline = at;
    }
    line += newlines;
    column = lastNewline === -1 ? column + utf16Length(region, 0, region.length) : utf16Length(region, lastNewline + 1, region.length);
    carry = Buffer.from(chunk.subarray(cut));
    if (atEnd) break;
  }
  analysis.bytes = size;
  if (file.role === 'build' && analysis.hits.length > 0 && MAPPABLE_OUTPUT.test(file.path)) {
    const room = Buffer.allocUnsafe(Math.min(size, 64 * 1024));
    // Only what was read: a file cut short since leaves the rest of the buffer as it was allocated.
    const tail = room.subarray(0, readSync(fd, room, 0, room.length, size - room.length));
    const result = loadSourceMap(context.root, pathText(file.absolutePath), tail, mapReader(context));
    if (result === undefined) analysis.warnings.push({ file: file.path, message: NO_MAP });
    else if ('warning' in result) analysis.warnings.push({ file: file.path, message: result.warning });
    else {
      // An inline map's line was counted in the tail: the file's last line is `line`.
      const { map } = result;
      if (map.inlineLine !== undefined) map.inlineLine += line - 1 - countNewlines(tail);
      applyMap(map, analysis.hits, analysis);
    }
  }
}

function countNewlines(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) count++;
  return count;
}
