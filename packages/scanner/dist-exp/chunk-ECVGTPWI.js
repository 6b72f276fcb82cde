import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  findKeys,
  redact
} from "./chunk-IKJJJJ2Q.js";

// packages/scanner/dist/analyse/snippet.js
var CONTEXT_BEFORE = 60;
var CONTEXT_AFTER = 80;
function snippetOf(lineText, column, length, redacted) {
  const line = lineText.replace(/\r$/, "");
  const own = { start: column - 1, end: column - 1 + length, replacement: redacted };
  const spans = [own];
  for (const occurrence of findKeys(line, { includePlaceholders: false })) {
    spans.push({ start: occurrence.index, end: occurrence.index + occurrence.length, replacement: redact(occurrence.key) });
  }
  spans.sort((a, b) => a.start - b.start || (a === own ? -1 : 1));
  let text = "";
  let position = 0;
  let ownColumn = 1;
  for (const span of spans) {
    if (span.start < position)
      continue;
    text += line.slice(position, span.start);
    if (span === own)
      ownColumn = text.length + 1;
    text += span.replacement;
    position = span.end;
  }
  text += line.slice(position);
  const from = Math.max(0, ownColumn - 1 - CONTEXT_BEFORE);
  const to = Math.min(text.length, ownColumn - 1 + redacted.length + CONTEXT_AFTER);
  const prefix = from > 0 ? "\u2026" : "";
  const suffix = to < text.length ? "\u2026" : "";
  return { text: `${prefix}${text.slice(from, to)}${suffix}`.replace(/\t/g, " "), column: ownColumn - from + prefix.length };
}

export {
  snippetOf
};
