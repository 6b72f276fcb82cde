// A module's start, where directives (`"use client"`) and marker imports (`import "server-only"`)
// sit: the entry scan needs these marks of every module. The text pass reads every file anyway, so
// it takes them on the way (no TypeScript needed), and the graph does not read each module again.
import { MARKER_IMPORTS, prologueDirectives } from '@engium/core';

/** How far into a module its marks are looked for. */
export const HEAD_BYTES = 8192;

export interface ModuleHead {
  /** The first `"use client"` / `"use server"` of its prologue. */
  directive?: 'use client' | 'use server';
  /** Marker packages it imports for their effect (`import "server-only"`). */
  markerImports?: string[];
}

const MARKER_SPECIFIERS = Object.keys(MARKER_IMPORTS);
const MARKER_IMPORT_PATTERNS = new Map(MARKER_SPECIFIERS.map((specifier) => [specifier, new RegExp(`import\\s*['"]${specifier}['"]`)]));

const MARKER_NEEDLES = MARKER_SPECIFIERS.map((specifier) => ({ specifier, bytes: Buffer.from(specifier) }));

const SLASH = 0x2f;
const STAR = 0x2a;
const NEWLINE = 0x0a;
const HASH = 0x23;
const BANG = 0x21;
// The ASCII spaces of `\s` in the prologue pattern: space, tab, LF, VT, FF, CR.
const isSpace = (byte: number) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
const isQuote = (byte: number) => byte === 0x22 || byte === 0x27;

/**
 * Whether a directive may open the prologue: the first byte after spaces, comments and a hashbang
 * is a quote, or a non-ASCII byte (a BOM or a Unicode space, which the decoding check then reads).
 * Most modules start with `import` or a licence comment, and are never decoded for this.
 */
function mayHaveDirective(bytes: Uint8Array): boolean {
  let index = 0;
  while (index >= 0 && index < bytes.length) {
    const byte = bytes[index] as number;
    if (isSpace(byte)) index++;
    // A line comment, or a hashbang (taken anywhere in the prologue, as prologueDirectives takes it).
    else if ((byte === SLASH && bytes[index + 1] === SLASH) || (byte === HASH && bytes[index + 1] === BANG)) index = bytes.indexOf(NEWLINE, index + 2);
    else if (byte === SLASH && bytes[index + 1] === STAR) {
      const end = commentEnd(bytes, index + 2);
      index = end < 0 ? -1 : end + 2;
    } else return isQuote(byte) || byte >= 0x80;
  }
  return false;
}

/** Where the block comment open before `from` closes (`*` of its `*\/`), or -1. */
function commentEnd(bytes: Uint8Array, from: number): number {
  for (let index = bytes.indexOf(STAR, from); index >= 0; index = bytes.indexOf(STAR, index + 1)) {
    if (bytes[index + 1] === SLASH) return index;
  }
  return -1;
}

/** The marks at the start of a module's bytes, or undefined when it has none (most modules). */
export function moduleHeadOf(bytes: Uint8Array): ModuleHead | undefined {
  const start = bytes.subarray(0, HEAD_BYTES);
  const buffer = Buffer.from(start.buffer, start.byteOffset, start.byteLength);
  const markerImports = MARKER_NEEDLES.filter(({ bytes: needle }) => buffer.includes(needle))
    .map(({ specifier }) => specifier)
    .filter((specifier) => MARKER_IMPORT_PATTERNS.get(specifier)?.test(buffer.toString('utf8')));
  const directive = mayHaveDirective(start)
    ? prologueDirectives(buffer.toString('utf8')).find((name): name is 'use client' | 'use server' => name === 'use client' || name === 'use server')
    : undefined;
  if (!directive && markerImports.length === 0) return undefined;
  return { ...(directive ? { directive } : {}), ...(markerImports.length > 0 ? { markerImports } : {}) };
}
