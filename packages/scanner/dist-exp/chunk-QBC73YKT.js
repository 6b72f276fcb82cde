import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  keyHitsInText
} from "./chunk-ASGSVPZY.js";
import {
  snippetOf
} from "./chunk-ECVGTPWI.js";
import {
  KEY_PREFIXES,
  findNeedles
} from "./chunk-IKJJJJ2Q.js";

// packages/scanner/dist/analyse/bytes.js
function snippetAt(text, index, length, redacted) {
  const lineStart = text.lastIndexOf("\n", index - 1) + 1;
  const lineEnd = text.indexOf("\n", index);
  return snippetOf(text.slice(lineStart, lineEnd === -1 ? void 0 : lineEnd), index - lineStart + 1, length, redacted);
}
function located(text, hits) {
  return hits.map((hit) => ({ ...hit, snippet: snippetAt(text, hit.index, hit.length, hit.secret.redacted) }));
}
var WHOLE_DECODE_BYTES = 1024 * 1024;
var WINDOW_BYTES = 4096;
var MAX_EDGE_EXTENSION = 64 * 1024;
var NEWLINE = 10;
function isTokenByte(byte) {
  return byte >= 48 && byte <= 57 || byte >= 65 && byte <= 90 || byte >= 97 && byte <= 122 || byte === 95 || byte === 43 || byte === 47 || byte === 45 || byte === 61 || // _ + / - =
  byte === 37 || byte === 92 || byte === 38 || byte === 35 || byte === 59 || byte === 123 || byte === 125;
}
function utf16Length(bytes, start, end) {
  let units = 0;
  for (let i = start; i < end; i++) {
    const byte = bytes[i] ?? 0;
    if ((byte & 192) !== 128)
      units += byte >= 240 ? 2 : 1;
  }
  return units;
}
function shiftFirstLine(hits, start) {
  if (start.column === 0)
    return hits;
  return hits.map((hit) => hit.line === start.line ? { ...hit, column: hit.column + start.column } : hit);
}
var PLAIN_NEEDLES = new Set(Object.values(KEY_PREFIXES).map((prefix) => prefix.slice(prefix.indexOf("_"))));
var PREFIX_HEAD = Buffer.from(KEY_PREFIXES.live.slice(0, KEY_PREFIXES.live.indexOf("_")));
var PLAIN_NEEDLE_BYTES = [...PLAIN_NEEDLES].map((needle) => Buffer.from(needle));
function isHexDigit(byte) {
  return byte >= 48 && byte <= 57 || byte >= 65 && byte <= 70 || byte >= 97 && byte <= 102;
}
function bytesAt(bytes, offset, expected) {
  if (offset < 0 || offset + expected.length > bytes.length)
    return false;
  for (let i = 0; i < expected.length; i++)
    if (bytes[offset + i] !== expected[i])
      return false;
  return true;
}
function plainNeedleAt(bytes, offset) {
  return PLAIN_NEEDLE_BYTES.some((needle) => bytesAt(bytes, offset, needle));
}
function isCandidate(bytes, offset) {
  if (!plainNeedleAt(bytes, offset))
    return true;
  if (bytesAt(bytes, offset - PREFIX_HEAD.length, PREFIX_HEAD))
    return true;
  const before = bytes[offset - 1] ?? 0;
  return isHexDigit(before) || before === 59 || before === 125;
}
function candidateOffsets(bytes) {
  return findNeedles(bytes).filter((offset) => isCandidate(bytes, offset));
}
function keyHitsInBytes(bytes, start = { line: 1, column: 0 }) {
  const needles = candidateOffsets(bytes);
  if (needles.length === 0)
    return { hits: [] };
  if (bytes.length <= WHOLE_DECODE_BYTES) {
    const text = bytes.toString("utf8");
    return { hits: shiftFirstLine(located(text, keyHitsInText(text, start.line)), start), text };
  }
  return { hits: keyHitsInWindows(bytes, needles, start) };
}
function keyHitsInWindows(bytes, needles, start) {
  const hits = [];
  let cursor = 0;
  let line = start.line;
  let index = 0;
  while (index < needles.length) {
    let windowStart = Math.max(0, (needles[index] ?? 0) - WINDOW_BYTES);
    let windowEnd = Math.min(bytes.length, (needles[index] ?? 0) + WINDOW_BYTES);
    while (index < needles.length && (needles[index] ?? 0) < windowEnd) {
      windowEnd = Math.min(bytes.length, Math.max(windowEnd, (needles[index] ?? 0) + WINDOW_BYTES));
      index++;
    }
    windowStart = Math.max(cursor, windowStart);
    for (let limit = windowStart - MAX_EDGE_EXTENSION; windowStart > cursor && windowStart > limit && isTokenByte(bytes[windowStart - 1] ?? 0); )
      windowStart--;
    for (let limit = windowEnd + MAX_EDGE_EXTENSION; windowEnd < bytes.length && windowEnd < limit && isTokenByte(bytes[windowEnd] ?? 0); )
      windowEnd++;
    while (windowStart > cursor && ((bytes[windowStart] ?? 0) & 192) === 128)
      windowStart--;
    for (let at = bytes.indexOf(NEWLINE, cursor); at !== -1 && at < windowStart; at = bytes.indexOf(NEWLINE, at + 1))
      line++;
    const lineStart = Math.max(0, bytes.lastIndexOf(NEWLINE, windowStart - 1) + 1);
    const startsRegionLine = line === start.line;
    const column = utf16Length(bytes, lineStart, windowStart) + (startsRegionLine ? start.column : 0);
    const text = bytes.toString("utf8", windowStart, windowEnd);
    const windowHits = located(text, keyHitsInText(text, line));
    for (const hit of windowHits)
      hits.push(hit.line === line ? { ...hit, column: hit.column + column } : hit);
    cursor = windowStart;
  }
  return hits;
}

export {
  snippetAt,
  utf16Length,
  keyHitsInBytes
};
