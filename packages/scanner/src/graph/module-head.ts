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

/** Bytes a prologue may start with: a quote (a directive), a slash (a comment), `#!`, a BOM or a non-ASCII byte. */
const PROLOGUE_START = new Set([0x22, 0x27, 0x2f, 0x23]);
const isSpace = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

function mayHaveDirective(bytes: Uint8Array): boolean {
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] as number;
    if (isSpace(byte)) continue;
    return PROLOGUE_START.has(byte) || byte >= 0x80;
  }
  return false;
}

/** The marks at the start of a module's bytes, or undefined when it has none (most modules). */
export function moduleHeadOf(bytes: Uint8Array): ModuleHead | undefined {
  const start = bytes.subarray(0, HEAD_BYTES);
  const buffer = Buffer.from(start.buffer, start.byteOffset, start.byteLength);
  const markerImports = MARKER_SPECIFIERS.filter((specifier) => buffer.includes(specifier) && MARKER_IMPORT_PATTERNS.get(specifier)?.test(buffer.toString('utf8')));
  // Only a module whose first byte could open a prologue is decoded: most start with `import`.
  const directive = mayHaveDirective(start)
    ? prologueDirectives(buffer.toString('utf8')).find((name): name is 'use client' | 'use server' => name === 'use client' || name === 'use server')
    : undefined;
  if (!directive && markerImports.length === 0) return undefined;
  return { ...(directive ? { directive } : {}), ...(markerImports.length > 0 ? { markerImports } : {}) };
}
