// Git writes a path that holds a quote, a backslash, a control character or (with
// core.quotePath=true, which we pin) any non-ASCII byte as a C-style quoted string. This turns
// it back into the path, byte for byte.

import { nameFromBytes } from '../discover/byte-names.js';

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Reads a C-quoted string starting at `text[from] === '"'`; returns the path and the index after the closing quote. */
export function readQuoted(text: string, from: number): { path: string; end: number } | undefined {
  const bytes: number[] = [];
  for (let at = from + 1; at < text.length; at++) {
    const char = text[at] as string;
    if (char === '"') return { path: nameFromBytes(Buffer.from(bytes)), end: at + 1 };
    if (char !== '\\') {
      bytes.push(char.charCodeAt(0));
      continue;
    }
    const next = text[at + 1] ?? '';
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      bytes.push(simple);
      at += 1;
    } else if (/^[0-7]{3}$/.test(text.slice(at + 1, at + 4))) {
      bytes.push(parseInt(text.slice(at + 1, at + 4), 8));
      at += 3;
    } else return undefined;
  }
  return undefined;
}

/**
 * A path as git prints it after `+++ `, `rename to ` and friends: quoted or bare. A bare path
 * holding a space gets a trailing tab in `---`/`+++` lines, which is not part of it.
 */
export function unquotePath(text: string): string {
  if (text.startsWith('"')) return readQuoted(text, 0)?.path ?? text;
  return text.endsWith('\t') ? text.slice(0, -1) : text;
}

/** Drops git's `a/` or `b/` prefix. */
export function withoutPrefix(path: string, prefix: 'a/' | 'b/'): string {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/**
 * The new-side path from `diff --git a/X b/Y` when no `+++` or `rename to` line names it (binary
 * files, mode changes): quoted names are read exactly; bare ones are split where both halves agree.
 */
export function pathFromDiffGitLine(rest: string): string | undefined {
  if (rest.startsWith('"')) {
    const first = readQuoted(rest, 0);
    if (!first) return undefined;
    const second = rest.slice(first.end + 1);
    return withoutPrefix(second.startsWith('"') ? (readQuoted(second, 0)?.path ?? second) : second, 'b/');
  }
  // Bare `a/X b/X`: the same name twice, so the split is in the middle.
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest.slice(0, half).slice(2) === rest.slice(half + 1).slice(2)) {
    return rest.slice(half + 1 + 2);
  }
  const quotedSecond = rest.indexOf(' "b/');
  if (quotedSecond !== -1) return withoutPrefix(readQuoted(rest, quotedSecond + 1)?.path ?? '', 'b/');
  return undefined;
}
