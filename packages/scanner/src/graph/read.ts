// The graph's reads of repository files (modules, package.json, index.html, framework configs):
// through safe-read, so each is a regular file really inside the root and bounded in size.
import { readRegularFile, readRegularText, realRootOf } from '../safe-read.js';
import type { RootPaths } from './paths.js';

/**
 * Modules above this size are not parsed: a syntax tree takes ten to twenty times a file's size,
 * so a 300 MB bundle committed as source would exhaust the heap. Keys in them are still found by
 * the text pass; the graph reports the module as not read, with this reason.
 */
export const MAX_MODULE_BYTES = 8 * 1024 * 1024;

/** package.json, index.html and framework configs: a few kilobytes in any real project. */
export const MAX_PROJECT_FILE_BYTES = 4 * 1024 * 1024;

/** A module's bytes; throws an UnsafeFileError with the reason it was not read. */
export function readModuleBytes(paths: RootPaths, absolutePath: string): Buffer {
  return readRegularFile(absolutePath, { within: realRootOf(paths.root), maxBytes: MAX_MODULE_BYTES });
}

/** A project file's text; throws an UnsafeFileError with the reason it was not read. */
export function readProjectText(paths: RootPaths, absolutePath: string): string {
  return readRegularText(absolutePath, { within: realRootOf(paths.root), maxBytes: MAX_PROJECT_FILE_BYTES });
}

/**
 * What the compiler's module and config resolution reads (tsconfig `extends` chains, dependencies'
 * package.json): as the compiler does, also outside the root (a monorepo's base tsconfig, a linked
 * package), but only a regular file of bounded size, so a FIFO or `/dev/zero` cannot hang or fill
 * memory. Their bytes decide resolution and are never quoted into a report. Undefined when refused.
 */
export function readResolutionText(absolutePath: string): string | undefined {
  try {
    return readRegularText(absolutePath, { maxBytes: MAX_PROJECT_FILE_BYTES });
  } catch {
    return undefined;
  }
}
