// Reading one module for the graph: its script text (with component files' markup blanked out so
// lines still match the file), its prologue directives and its import specifiers. Imports come
// from the compiler's pre-processor (`ts.preProcessFile`), which scans tokens without building a
// syntax tree: the graph needs the edges of every reached module, and a tree only for a few.
import { mayContainKey, prologueDirectives } from '@engium/core';
import { openErrorReason } from '../safe-read.js';
import type { RootPaths } from './paths.js';
import { readModuleBytes } from './read.js';
import type { Ts, TypeScript } from './typescript.js';

const SCRIPT_FILE = /\.[cm]?[jt]sx?$/;
const COMPONENT_FILE = /\.(?:vue|svelte|astro)$/;

/** Files the graph parses: JS/TS modules and the script blocks of Vue, Svelte and Astro components. */
export function isModuleFile(file: string): boolean {
  return (SCRIPT_FILE.test(file) || COMPONENT_FILE.test(file)) && !file.endsWith('.d.ts') && !/\.d\.[cm]ts$/.test(file);
}

export interface ModuleImport {
  specifier: string;
  /** `import type` / `export type`: erased by the compiler, so it ships nothing. */
  typeOnly: boolean;
  /** Astro frontmatter runs on the server; islands and `<script>` imports are in `clientImports`. */
  serverSide: boolean;
}

export interface ModuleSource {
  /** The module's script text, same length and lines as the file. */
  text: string;
  directives: string[];
  imports: ModuleImport[];
  /** Whether the raw bytes may hold a key (core's prefilter): such modules get a full parse. */
  mayHoldKey: boolean;
  /** Astro: specifiers the page ships to the browser (islands with `client:*`, `<script>` imports), with why. */
  clientImports: { specifier: string; reason: string }[];
}

export type ReadResult = { ok: true; source: ModuleSource } | { ok: false; reason: string };

/** Replaces everything outside the given ranges with spaces, keeping newlines, so offsets and lines stay. */
function keepRanges(text: string, ranges: readonly [number, number][]): string {
  const out = text.replace(/[^\n]/g, ' ').split('');
  for (const [start, end] of ranges) for (let i = start; i < end; i++) out[i] = text[i] as string;
  return out.join('');
}

const SCRIPT_BLOCK = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

function scriptRanges(text: string, from = 0): { range: [number, number]; attributes: string }[] {
  const blocks: { range: [number, number]; attributes: string }[] = [];
  SCRIPT_BLOCK.lastIndex = from;
  for (let match = SCRIPT_BLOCK.exec(text); match; match = SCRIPT_BLOCK.exec(text)) {
    const start = match.index + match[0].indexOf('>') + 1;
    blocks.push({ range: [start, start + (match[2] ?? '').length], attributes: match[1] ?? '' });
  }
  return blocks;
}

/** The import/export statement that names the specifier at `position`, up to it (a linear scan back). */
function statementBefore(text: string, position: number): string | undefined {
  const before = text.slice(Math.max(0, position - 2000), position);
  let last: number | undefined;
  for (const match of before.matchAll(/\b(?:import|export)\b/g)) last = match.index;
  return last === undefined ? undefined : before.slice(last);
}

function isTypeOnly(text: string, position: number): boolean {
  const statement = statementBefore(text, position);
  // Only the specifier of that very statement (`… from "x"`), not a later `require("x")` or `import("x")`.
  if (!statement || statement.includes(';') || !/\bfrom\s*['"`]?$/.test(statement)) return false;
  if (/^(?:import|export)\s+type\s+(?!from\b|,|=)/.test(statement)) return true;
  // `import { type A, type B as C } from`: erased too.
  const elements = /^(?:import|export)\s*\{([^}]*)\}\s*from\b/.exec(statement)?.[1]?.split(',').map((element) => element.trim()).filter(Boolean);
  return elements !== undefined && elements.length > 0 && elements.every((element) => element.startsWith('type '));
}

/**
 * Files a module hands to the bundler by URL: `new Worker(new URL('./sync.worker.ts', import.meta.url))`
 * (Vite, webpack 5, Rspack and Parcel bundle the worker and ship it beside the module).
 */
const URL_OF_MODULE = /\bnew\s+URL\(\s*(['"`])(\.{1,2}\/[^'"`\n]+)\1\s*,\s*import\.meta\.url\s*\)/g;

function importsOf(ts: Ts, text: string, serverSide: boolean): ModuleImport[] {
  const imports = ts.preProcessFile(text, true, true).importedFiles.map((reference) => ({
    specifier: reference.fileName,
    typeOnly: isTypeOnly(text, reference.pos),
    serverSide,
  }));
  if (text.includes('import.meta.url')) {
    for (const match of text.matchAll(URL_OF_MODULE)) imports.push({ specifier: match[2] ?? '', typeOnly: false, serverSide });
  }
  return imports;
}

const ISLAND = /<([A-Za-z][\w.]*)\b[^>]*?\sclient:(load|idle|visible|media|only)\b/g;

function astroSource(ts: Ts, text: string): Omit<ModuleSource, 'mayHoldKey'> {
  const frontmatter = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const frontStart = frontmatter ? (frontmatter.index + frontmatter[0].indexOf('\n') + 1) : 0;
  const frontEnd = frontmatter ? frontStart + (frontmatter[1] ?? '').length : 0;
  const frontText = frontmatter?.[1] ?? '';
  const scripts = scriptRanges(text, frontEnd).filter(({ attributes }) => !/\bis:inline\b/.test(attributes));
  const clientImports: ModuleSource['clientImports'] = [];
  const frontImports = ts.preProcessFile(frontText, true, true).importedFiles;
  for (const island of text.slice(frontEnd).matchAll(ISLAND)) {
    const name = (island[1] ?? '').split('.')[0] ?? '';
    const binds = new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}([^\\w$]|$)`);
    for (const reference of frontImports) {
      if (binds.test(statementBefore(frontText, reference.pos) ?? '')) clientImports.push({ specifier: reference.fileName, reason: `Astro island client:${island[2]}` });
    }
  }
  for (const { range } of scripts) {
    for (const entry of importsOf(ts, text.slice(range[0], range[1]), false)) {
      if (!entry.typeOnly) clientImports.push({ specifier: entry.specifier, reason: 'Astro <script>' });
    }
  }
  const masked = keepRanges(text, [[frontStart, frontEnd], ...scripts.map(({ range }) => range)]);
  return {
    text: masked,
    directives: [],
    imports: importsOf(ts, keepRanges(text, [[frontStart, frontEnd]]), true),
    clientImports,
  };
}

/**
 * Module bytes read once: the entry scan reads every module's start for its markers, and the walk
 * then needs the whole of each module it reaches. Bytes wait here, up to a budget, until the walk
 * takes them.
 */
export class ModuleBytes {
  private readonly waiting = new Map<string, Buffer>();
  private budget = 256 * 1024 * 1024;

  constructor(private readonly paths: RootPaths) {}

  /** Reads a module for the entry scan, keeping its bytes for the walk while the budget lasts. */
  read(absolutePath: string): Buffer | undefined {
    try {
      const bytes = readModuleBytes(this.paths, absolutePath);
      if (bytes.length <= this.budget) {
        this.waiting.set(absolutePath, bytes);
        this.budget -= bytes.length;
      }
      return bytes;
    } catch {
      // Reported when a walk reaches the module.
      return undefined;
    }
  }

  /** Drops what no walk took (modules no entry reaches). */
  clear(): void {
    this.waiting.clear();
  }

  /** The waiting bytes of a module, handed over once, or a fresh read. */
  take(absolutePath: string): Buffer {
    const bytes = this.waiting.get(absolutePath);
    if (!bytes) return readModuleBytes(this.paths, absolutePath);
    this.waiting.delete(absolutePath);
    this.budget += bytes.length;
    return bytes;
  }
}

/** A module's text and what the graph needs of it; `imports: false` when only the text is wanted (a parse). */
export function readModule(ts: Ts, paths: RootPaths, file: string, moduleBytes?: ModuleBytes, { imports = true } = {}): ReadResult {
  const absolutePath = paths.absolute(file);
  let bytes: Buffer;
  try {
    bytes = moduleBytes ? moduleBytes.take(absolutePath) : readModuleBytes(paths, absolutePath);
  } catch (error) {
    // Too large, not a regular file, outside the root: not parsed, and its keys stay with the text pass.
    return { ok: false, reason: `not read: ${openErrorReason(error).reason}` };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary content, not a module' };
  const raw = bytes.toString('utf8');
  const mayHoldKey = mayContainKey(bytes);
  if (file.endsWith('.astro')) return { ok: true, source: { ...astroSource(ts, raw), mayHoldKey } };
  const text = COMPONENT_FILE.test(file) ? keepRanges(raw, scriptRanges(raw).map(({ range }) => range)) : raw;
  return {
    ok: true,
    source: { text, directives: COMPONENT_FILE.test(file) ? [] : prologueDirectives(text), imports: imports ? importsOf(ts, text, false) : [], clientImports: [], mayHoldKey },
  };
}

/** The compiler's script kind for a module file (component script blocks are TypeScript with JSX). */
export function scriptKindOf(ts: Ts, file: string): TypeScript.ScriptKind {
  if (/\.[cm]?ts$/.test(file)) return ts.ScriptKind.TS;
  if (/\.[cm]?js$/.test(file)) return ts.ScriptKind.JS;
  if (file.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return ts.ScriptKind.TSX;
}
