import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  describeSecret,
  findKeys
} from "./chunk-IKJJJJ2Q.js";

// packages/scanner/dist/analyse/key-hits.js
var INLINE_IGNORE = "engium-ignore";
function lineStarts(text) {
  const starts = [0];
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1))
    starts.push(at + 1);
  return starts;
}
function lineIndexAt(starts, offset) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = low + high + 1 >> 1;
    if ((starts[middle] ?? 0) <= offset)
      low = middle;
    else
      high = middle - 1;
  }
  return low;
}
function lineText(text, starts, index) {
  const start = starts[index];
  if (start === void 0)
    return "";
  const next = starts[index + 1];
  return text.slice(start, next === void 0 ? void 0 : next - 1);
}
function keyHitsInText(text, firstLine = 1) {
  const occurrences = findKeys(text);
  if (occurrences.length === 0)
    return [];
  const starts = lineStarts(text);
  return occurrences.map((occurrence) => {
    const lineIndex = lineIndexAt(starts, occurrence.index);
    const ignoredInline = lineText(text, starts, lineIndex).includes(INLINE_IGNORE) || lineIndex > 0 && lineText(text, starts, lineIndex - 1).includes(INLINE_IGNORE);
    return {
      key: occurrence.key,
      kind: occurrence.kind,
      secret: describeSecret(occurrence.key),
      encoding: occurrence.encoding,
      index: occurrence.index,
      length: occurrence.length,
      line: firstLine + lineIndex,
      column: occurrence.index - (starts[lineIndex] ?? 0) + 1,
      ignoredInline
    };
  });
}

// packages/scanner/dist/analyse/env-file.js
var ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*[=:]/;
function envVariableOf(line) {
  if (/^[ \t]*#/.test(line))
    return void 0;
  return ASSIGNMENT.exec(line)?.[1];
}
var ENV_FILE = /^\.env(\..+)?$/;
function isEnvFile(path) {
  return ENV_FILE.test(path.slice(path.lastIndexOf("/") + 1));
}

export {
  INLINE_IGNORE,
  lineStarts,
  lineIndexAt,
  keyHitsInText,
  envVariableOf,
  isEnvFile
};
