/**
 * The one way a string from an input reaches an output. Every report is redacted whole
 * (`redactReport`: core's `redactKeys` over every string in it, so a key in a file name, a commit
 * author, a source map URL or a report given to `merge` is never printed), then escaped once for
 * its format: `escapeText` for the text report and stderr, `escapeJson` for JSON and SARIF.
 */
import { redactKeys, redactKeysDeep } from '@engium/core';

/**
 * Characters that must not reach a terminal or a log raw: C0 and C1 controls (escape sequences, and
 * newline or tab inside a name, which would forge a line), line and paragraph separators, bidi
 * embeddings, overrides, isolates and marks (they reorder what is shown: "Trojan Source"),
 * zero-width characters, the BOM, and lone surrogates (with the `u` flag a paired one is one code
 * point and does not match).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_TEXT = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]/gu;

/** What JSON.stringify leaves raw although a terminal or a viewer would act on it. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const NAMED_ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function hexEscape(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * A string from an input made safe for the text report and stderr: every unsafe character shown
 * as a visible escape (`\n`, `\x1b`, `\u202e`), and a leading `::` broken (`\x3a:`), so it can
 * neither forge a line nor a GitHub workflow command, nor hide or reorder what people read.
 */
export function escapeText(text: string): string {
  const escaped = text.replace(UNSAFE_IN_TEXT, (char) => NAMED_ESCAPES[char] ?? hexEscape(char));
  return escaped.includes('::') ? escaped.replace(/^(\s*)::/, '$1\\x3a:') : escaped;
}

/**
 * Serialised JSON made safe to view: JSON.stringify already escapes C0 controls and lone
 * surrogates; the rest of the unsafe characters become `\uXXXX` too. They occur only inside
 * strings, so the document keeps its meaning.
 */
export function escapeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A value serialised as a JSON output: pretty-printed, escaped, ending in a newline. */
export function jsonOutput(value: unknown): string {
  return `${escapeJson(JSON.stringify(value, null, 2))}\n`;
}

/** A report (or any part of one) with every key in any of its strings redacted. */
export function redactReport<T>(report: T): T {
  return redactKeysDeep(report);
}

/** A message for stderr, on one line: keys redacted, then escaped as the text report is. */
export function errorMessage(message: string): string {
  return escapeText(redactKeys(message));
}

