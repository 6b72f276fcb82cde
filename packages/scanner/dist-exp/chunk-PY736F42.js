import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  keyHitsInBytes,
  snippetAt,
  utf16Length
} from "./chunk-QBC73YKT.js";
import {
  INLINE_IGNORE,
  envVariableOf,
  keyHitsInText,
  lineIndexAt,
  lineStarts
} from "./chunk-ASGSVPZY.js";
import {
  KEY_PREFIXES,
  describeSecret,
  fileMarker,
  matchKeys,
  placeholderReason
} from "./chunk-IKJJJJ2Q.js";

// packages/scanner/dist/analyse/index.js
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

// packages/scanner/dist/analyse/concatenation.js
var IDENTIFIER_START = /[A-Za-z_$]/;
var IDENTIFIER_PART = /[\w$]/;
var SIMPLE_ESCAPES = { n: "\n", r: "\r", t: "	", b: "\b", f: "\f", v: "\v", 0: "\0" };
function readQuoted(text, start) {
  const quote = text[start];
  let value = "";
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i] ?? "";
    if (char === quote)
      return { value, end: i + 1 };
    if (char === "\n")
      return void 0;
    if (char !== "\\") {
      value += char;
      continue;
    }
    const next = text[i + 1] ?? "";
    const hex = next === "x" ? /^[0-9A-Fa-f]{2}/.exec(text.slice(i + 2, i + 4)) : next === "u" ? /^[0-9A-Fa-f]{4}/.exec(text.slice(i + 2, i + 6)) : null;
    if (hex) {
      value += String.fromCharCode(Number.parseInt(hex[0], 16));
      i += 1 + hex[0].length;
    } else {
      value += SIMPLE_ESCAPES[next] ?? (next === "\n" ? "" : next);
      i++;
    }
  }
  return void 0;
}
function readTemplate(text, start, constants) {
  let value = "";
  let substitutions = 0;
  const constantParts = [];
  let i = start + 1;
  while (i < text.length) {
    const char = text[i] ?? "";
    if (char === "`")
      return { value, substitutions, constantParts, end: i + 1 };
    if (char === "\\") {
      if (value !== void 0)
        value += SIMPLE_ESCAPES[text[i + 1] ?? ""] ?? text[i + 1] ?? "";
      i += 2;
      continue;
    }
    if (char === "$" && text[i + 1] === "{") {
      let depth = 1;
      let j = i + 2;
      while (j < text.length && depth > 0) {
        if (text[j] === "{")
          depth++;
        else if (text[j] === "}")
          depth--;
        j++;
      }
      const expression = text.slice(i + 2, j - 1).trim();
      substitutions++;
      const quoted = /^(['"]).*\1$/.test(expression) ? readQuoted(expression, 0)?.value : void 0;
      const constant = constants.get(expression);
      if (constant !== void 0)
        constantParts.push(constant);
      const resolved = quoted ?? constant;
      value = value !== void 0 && resolved !== void 0 ? value + resolved : void 0;
      i = j;
      continue;
    }
    if (value !== void 0)
      value += char;
    i++;
  }
  return { value: void 0, substitutions, constantParts, end: text.length };
}
function regexAllowedAfter(token) {
  if (token === void 0)
    return true;
  if (token.type === "identifier")
    return ["return", "typeof", "case", "do", "else", "in", "of", "void", "yield", "await"].includes(token.name);
  if (token.type === "other")
    return !/^[)\]}0-9.]/.test(token.text) && !/[0-9]$/.test(token.text);
  return token.type === "plus";
}
function skipRegex(text, start) {
  let inClass = false;
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (char === "\\")
      i++;
    else if (char === "\n")
      return i;
    else if (char === "[")
      inClass = true;
    else if (char === "]")
      inClass = false;
    else if (char === "/" && !inClass)
      return i + 1;
  }
  return text.length;
}
var MAX_TOKENS = 4096;
var KEPT_TOKENS = 256;
function continuesWithPlus(text, at) {
  let i = at;
  while (i < text.length && /\s/.test(text[i] ?? ""))
    i++;
  return text[i] === "+" && text[i + 1] !== "+" && text[i + 1] !== "=";
}
function findAssembledKeys(text) {
  const constants = /* @__PURE__ */ new Map();
  const found = [];
  const tokens = [];
  let i = 0;
  const report = (value, start, end, constantParts) => {
    for (const match of matchKeys(value)) {
      if (placeholderReason(match.key) !== void 0 || text.includes(match.key))
        continue;
      if (constantParts.some((part) => part.includes(match.key)))
        continue;
      if (!found.some((existing) => existing.index === start && existing.key === match.key)) {
        found.push({ key: match.key, kind: match.kind, index: start, length: end - start });
      }
    }
  };
  const evaluateTail = () => {
    let value = "";
    let parts = 0;
    let templated = false;
    const constantParts = [];
    let index = tokens.length - 1;
    let start;
    for (; ; ) {
      const token = tokens[index];
      let part;
      if (token?.type === "string")
        part = token.value;
      else if (token?.type === "template") {
        part = token.value;
        templated ||= token.substitutions > 0;
        constantParts.push(...token.constantParts);
      } else if (token?.type === "identifier") {
        part = constants.get(token.name);
        if (part !== void 0)
          constantParts.push(part);
      }
      if (token === void 0 || part === void 0)
        return;
      value = part + value;
      parts++;
      start = token.start;
      if (tokens[index - 1]?.type !== "plus")
        break;
      index -= 2;
    }
    const last = tokens[tokens.length - 1];
    if (last && (parts >= 2 || templated))
      report(value, start, last.end, constantParts);
  };
  const recordConstant = () => {
    let index = tokens.length - 1;
    let value = "";
    for (; ; ) {
      const token = tokens[index];
      const part = token?.type === "string" ? token.value : token?.type === "template" ? token.value : token?.type === "identifier" ? constants.get(token.name) : void 0;
      if (part === void 0)
        return;
      value = part + value;
      if (tokens[index - 1]?.type !== "plus")
        break;
      index -= 2;
    }
    const equals = tokens[index - 1];
    const name = tokens[index - 2];
    const keyword = tokens[index - 3];
    const declares = keyword?.type === "identifier" && ["const", "let", "var"].includes(keyword.name) || keyword?.type === "other" && keyword.text === ",";
    if (equals?.type === "other" && equals.text === "=" && name?.type === "identifier" && declares) {
      constants.set(name.name, value);
    }
  };
  const operandEnded = () => {
    evaluateTail();
    recordConstant();
  };
  while (i < text.length) {
    if (tokens.length > MAX_TOKENS)
      tokens.splice(0, tokens.length - KEPT_TOKENS);
    const char = text[i] ?? "";
    if (char === " " || char === "	" || char === "\n" || char === "\r") {
      i++;
      continue;
    }
    if (char === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end;
      continue;
    }
    if (char === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end === -1 ? text.length : end + 2;
      continue;
    }
    if (char === '"' || char === "'") {
      const literal = readQuoted(text, i);
      if (!literal) {
        i++;
        continue;
      }
      tokens.push({ type: "string", value: literal.value, start: i, end: literal.end });
      i = literal.end;
      if (!continuesWithPlus(text, i))
        operandEnded();
      continue;
    }
    if (char === "`") {
      const template = readTemplate(text, i, constants);
      tokens.push({ type: "template", value: template.value, substitutions: template.substitutions, constantParts: template.constantParts, start: i, end: template.end });
      i = template.end;
      if (!continuesWithPlus(text, i))
        operandEnded();
      continue;
    }
    if (IDENTIFIER_START.test(char)) {
      let end = i + 1;
      while (end < text.length && IDENTIFIER_PART.test(text[end] ?? ""))
        end++;
      const name = text.slice(i, end);
      tokens.push({ type: "identifier", name, start: i, end });
      i = end;
      if (constants.has(name) && !continuesWithPlus(text, i))
        operandEnded();
      continue;
    }
    if (char === "+" && text[i + 1] !== "+" && text[i + 1] !== "=") {
      tokens.push({ type: "plus", start: i, end: i + 1 });
      i++;
      continue;
    }
    if (char === "/" && regexAllowedAfter(tokens[tokens.length - 1])) {
      const end = skipRegex(text, i);
      tokens.push({ type: "other", text: "/regex/", start: i, end });
      i = end;
      continue;
    }
    tokens.push({ type: "other", text: char, start: i, end: i + 1 });
    i++;
  }
  return found;
}

// packages/scanner/dist/analyse/source-map.js
import { isAscii } from "node:buffer";
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve as resolve2, sep } from "node:path";

// node_modules/@jridgewell/sourcemap-codec/dist/sourcemap-codec.mjs
var comma = ",".charCodeAt(0);
var semicolon = ";".charCodeAt(0);
var chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
var intToChar = new Uint8Array(64);
var charToInt = new Uint8Array(128);
for (let i = 0; i < chars.length; i++) {
  const c = chars.charCodeAt(i);
  intToChar[i] = c;
  charToInt[c] = i;
}
var bufLength = 1024 * 16;

// node_modules/@jridgewell/resolve-uri/dist/resolve-uri.mjs
var schemeRegex = /^[\w+.-]+:\/\//;
var urlRegex = /^([\w+.-]+:)\/\/([^@/#?]*@)?(\[[^\]]+\]|[^:/#?]*)(:\d+)?(\/[^#?]*)?(\?[^#]*)?(#.*)?/;
var fileRegex = /^file:(?:\/\/((?![a-z]:)[^/#?]*)?)?(\/?[^#?]*)(\?[^#]*)?(#.*)?/i;
function isAbsoluteUrl(input) {
  return schemeRegex.test(input);
}
function isSchemeRelativeUrl(input) {
  return input.startsWith("//");
}
function isAbsolutePath(input) {
  return input.startsWith("/");
}
function isFileUrl(input) {
  return input.startsWith("file:");
}
function isRelative(input) {
  return /^[.?#]/.test(input);
}
function parseAbsoluteUrl(input) {
  const match = urlRegex.exec(input);
  return makeUrl(match[1], match[2] || "", match[3], match[4] || "", match[5] || "/", match[6] || "", match[7] || "");
}
function parseFileUrl(input) {
  const match = fileRegex.exec(input);
  const path = match[2];
  return makeUrl("file:", "", match[1] || "", "", isAbsolutePath(path) ? path : "/" + path, match[3] || "", match[4] || "");
}
function makeUrl(scheme, user, host, port, path, query, hash) {
  return {
    scheme,
    user,
    host,
    port,
    path,
    query,
    hash,
    type: 7
  };
}
function parseUrl(input) {
  if (isSchemeRelativeUrl(input)) {
    const url2 = parseAbsoluteUrl("http:" + input);
    url2.scheme = "";
    url2.type = 6;
    return url2;
  }
  if (isAbsolutePath(input)) {
    const url2 = parseAbsoluteUrl("http://foo.com" + input);
    url2.scheme = "";
    url2.host = "";
    url2.type = 5;
    return url2;
  }
  if (isFileUrl(input))
    return parseFileUrl(input);
  if (isAbsoluteUrl(input))
    return parseAbsoluteUrl(input);
  const url = parseAbsoluteUrl("http://foo.com/" + input);
  url.scheme = "";
  url.host = "";
  url.type = input ? input.startsWith("?") ? 3 : input.startsWith("#") ? 2 : 4 : 1;
  return url;
}
function stripPathFilename(path) {
  if (path.endsWith("/.."))
    return path;
  const index = path.lastIndexOf("/");
  return path.slice(0, index + 1);
}
function mergePaths(url, base) {
  normalizePath(base, base.type);
  if (url.path === "/") {
    url.path = base.path;
  } else {
    url.path = stripPathFilename(base.path) + url.path;
  }
}
function normalizePath(url, type) {
  const rel = type <= 4;
  const pieces = url.path.split("/");
  let pointer = 1;
  let positive = 0;
  let addTrailingSlash = false;
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!piece) {
      addTrailingSlash = true;
      continue;
    }
    addTrailingSlash = false;
    if (piece === ".")
      continue;
    if (piece === "..") {
      if (positive) {
        addTrailingSlash = true;
        positive--;
        pointer--;
      } else if (rel) {
        pieces[pointer++] = piece;
      }
      continue;
    }
    pieces[pointer++] = piece;
    positive++;
  }
  let path = "";
  for (let i = 1; i < pointer; i++) {
    path += "/" + pieces[i];
  }
  if (!path || addTrailingSlash && !path.endsWith("/..")) {
    path += "/";
  }
  url.path = path;
}
function resolve(input, base) {
  if (!input && !base)
    return "";
  const url = parseUrl(input);
  let inputType = url.type;
  if (base && inputType !== 7) {
    const baseUrl = parseUrl(base);
    const baseType = baseUrl.type;
    switch (inputType) {
      case 1:
        url.hash = baseUrl.hash;
      // fall through
      case 2:
        url.query = baseUrl.query;
      // fall through
      case 3:
      case 4:
        mergePaths(url, baseUrl);
      // fall through
      case 5:
        url.user = baseUrl.user;
        url.host = baseUrl.host;
        url.port = baseUrl.port;
      // fall through
      case 6:
        url.scheme = baseUrl.scheme;
    }
    if (baseType > inputType)
      inputType = baseType;
  }
  normalizePath(url, inputType);
  const queryHash = url.query + url.hash;
  switch (inputType) {
    // This is impossible, because of the empty checks at the start of the function.
    // case UrlType.Empty:
    case 2:
    case 3:
      return queryHash;
    case 4: {
      const path = url.path.slice(1);
      if (!path)
        return queryHash || ".";
      if (isRelative(base || input) && !isRelative(path)) {
        return "./" + path + queryHash;
      }
      return path + queryHash;
    }
    case 5:
      return url.path + queryHash;
    default:
      return url.scheme + "//" + url.user + url.host + url.port + url.path + queryHash;
  }
}

// node_modules/@jridgewell/trace-mapping/dist/trace-mapping.mjs
function stripFilename(path) {
  if (!path) return "";
  const index = path.lastIndexOf("/");
  return path.slice(0, index + 1);
}
function resolver(mapUrl, sourceRoot) {
  const from = stripFilename(mapUrl);
  const prefix = sourceRoot ? sourceRoot + "/" : "";
  return (source) => resolve(prefix + (source || ""), from);
}
var COLUMN = 0;
function maybeSort(mappings, owned) {
  const unsortedIndex = nextUnsortedSegmentLine(mappings, 0);
  if (unsortedIndex === mappings.length) return mappings;
  if (!owned) mappings = mappings.slice();
  for (let i = unsortedIndex; i < mappings.length; i = nextUnsortedSegmentLine(mappings, i + 1)) {
    mappings[i] = sortSegments(mappings[i], owned);
  }
  return mappings;
}
function nextUnsortedSegmentLine(mappings, start) {
  for (let i = start; i < mappings.length; i++) {
    if (!isSorted(mappings[i])) return i;
  }
  return mappings.length;
}
function isSorted(line) {
  for (let j = 1; j < line.length; j++) {
    if (line[j][COLUMN] < line[j - 1][COLUMN]) {
      return false;
    }
  }
  return true;
}
function sortSegments(line, owned) {
  if (!owned) line = line.slice();
  return line.sort(sortComparator);
}
function sortComparator(a, b) {
  return a[COLUMN] - b[COLUMN];
}
function memoizedState() {
  return {
    lastKey: -1,
    lastNeedle: -1,
    lastIndex: -1
  };
}
function parse(map) {
  return typeof map === "string" ? JSON.parse(map) : map;
}
var TraceMap = class {
  constructor(map, mapUrl) {
    const isString = typeof map === "string";
    if (!isString && map._decodedMemo) return map;
    const parsed = parse(map);
    const { version, file, names, sourceRoot, sources, sourcesContent } = parsed;
    this.version = version;
    this.file = file;
    this.names = names || [];
    this.sourceRoot = sourceRoot;
    this.sources = sources;
    this.sourcesContent = sourcesContent;
    this.ignoreList = parsed.ignoreList || parsed.x_google_ignoreList || void 0;
    const resolve3 = resolver(mapUrl, sourceRoot);
    this.resolvedSources = sources.map(resolve3);
    const { mappings } = parsed;
    if (typeof mappings === "string") {
      this._encoded = mappings;
      this._decoded = void 0;
    } else if (Array.isArray(mappings)) {
      this._encoded = void 0;
      this._decoded = maybeSort(mappings, isString);
    } else if (parsed.sections) {
      throw new Error(`TraceMap passed sectioned source map, please use FlattenMap export instead`);
    } else {
      throw new Error(`invalid source map: ${JSON.stringify(parsed)}`);
    }
    this._decodedMemo = memoizedState();
    this._bySources = void 0;
    this._bySourceMemos = void 0;
  }
};

// packages/scanner/dist/analyse/mapping-lookup.js
var COMMA = 44;
var SEMICOLON = 59;
var DIGIT_VALUES = (() => {
  const values = new Int8Array(128).fill(-1);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (let i = 0; i < alphabet.length; i++)
    values[alphabet.charCodeAt(i)] = i;
  return values;
})();
var vlqEnd = 0;
function readVlq(text, index) {
  let value = 0;
  let shift = 0;
  let digit;
  do {
    const code = text.charCodeAt(index++);
    digit = code < 128 ? DIGIT_VALUES[code] ?? -1 : -1;
    if (digit === -1)
      throw new Error(`invalid mappings character at offset ${index - 1}`);
    value |= (digit & 31) << shift;
    shift += 5;
  } while (digit & 32);
  vlqEnd = index;
  const negative = value & 1;
  value >>>= 1;
  return negative ? value === 0 ? -2147483648 : -value : value;
}
function segmentEndsAt(text, index) {
  if (index >= text.length)
    return true;
  const code = text.charCodeAt(index);
  return code === COMMA || code === SEMICOLON;
}
function asksAbout(positions, line) {
  for (const position of positions)
    if (position.line === line)
      return true;
  return false;
}
function traceEncodedMappings(mappings, positions) {
  const answers = positions.map(() => void 0);
  const bestColumns = positions.map(() => -1);
  let lastLine = 0;
  for (const position of positions)
    lastLine = Math.max(lastLine, position.line);
  let line = 1;
  let asked = asksAbout(positions, line);
  let generatedColumn = 0;
  let sourceIndex = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let index = 0;
  while (index < mappings.length) {
    const code = mappings.charCodeAt(index);
    if (code === SEMICOLON) {
      if (++line > lastLine)
        break;
      asked = asksAbout(positions, line);
      generatedColumn = 0;
      index++;
      continue;
    }
    if (code === COMMA) {
      index++;
      continue;
    }
    generatedColumn += readVlq(mappings, index);
    index = vlqEnd;
    let named = false;
    if (!segmentEndsAt(mappings, index)) {
      sourceIndex += readVlq(mappings, index);
      sourceLine += readVlq(mappings, vlqEnd);
      sourceColumn += readVlq(mappings, vlqEnd);
      index = vlqEnd;
      named = true;
      if (!segmentEndsAt(mappings, index)) {
        readVlq(mappings, index);
        index = vlqEnd;
      }
    }
    if (!asked)
      continue;
    for (let i = 0; i < positions.length; i++) {
      const position = positions[i];
      const best = bestColumns[i];
      if (position.line !== line || generatedColumn > position.column)
        continue;
      if (generatedColumn < best || generatedColumn === best && best === position.column)
        continue;
      bestColumns[i] = generatedColumn;
      answers[i] = named ? { sourceIndex, line: sourceLine, column: sourceColumn } : void 0;
    }
  }
  return answers;
}

// packages/scanner/dist/analyse/source-map.js
var URL_COMMENT = /[#@][ \t]+sourceMappingURL=([^\s'"*]+)[ \t]*(?:\*\/[ \t]*)?$/;
var COMMENT_SEARCH_BYTES = 64 * 1024;
function toPosix(path) {
  return sep === "/" ? path : path.split(sep).join("/");
}
function rootRelative(root, source) {
  if (!isAbsolute(source))
    return source;
  const path = relative(root, source);
  return path.startsWith("..") ? toPosix(source) : toPosix(path);
}
function sourceMappingUrl(bytes) {
  const marker = bytes.lastIndexOf("sourceMappingURL=");
  if (marker === -1)
    return void 0;
  const lineStart = bytes.lastIndexOf(10, marker) + 1;
  const lineEnd = bytes.indexOf(10, marker);
  const end = lineEnd === -1 ? bytes.length : lineEnd;
  if (bytes.length - end > COMMENT_SEARCH_BYTES)
    return void 0;
  const line = bytes.toString("utf8", lineStart, end).replace(/\r$/, "");
  return URL_COMMENT.exec(line)?.[1];
}
function inlineSourceMap(bytes) {
  const url = sourceMappingUrl(bytes);
  if (!url?.startsWith("data:"))
    return void 0;
  const marker = bytes.lastIndexOf("sourceMappingURL=");
  let line = 1;
  for (let at = bytes.indexOf(10); at !== -1 && at < marker; at = bytes.indexOf(10, at + 1))
    line++;
  try {
    return { json: parseDataUrl(url), line };
  } catch {
    return void 0;
  }
}
function parseDataUrl(url) {
  const comma2 = url.indexOf(",");
  if (comma2 === -1)
    throw new Error("malformed data: URL");
  const header = url.slice(5, comma2);
  const payload = url.slice(comma2 + 1);
  return header.endsWith(";base64") ? Buffer.from(payload, "base64").toString("utf8") : decodeURIComponent(payload);
}
var MAPPINGS_KEY = Buffer.from('"mappings":"');
function isObject(value) {
  return typeof value === "object" && value !== null;
}
function parseSourceMapJson(json) {
  const key = json.indexOf(MAPPINGS_KEY);
  const start = key + MAPPINGS_KEY.length;
  const end = key === -1 ? -1 : json.indexOf(34, start);
  const value = end === -1 ? void 0 : json.subarray(start, end);
  const plain = value !== void 0 && value.indexOf(92) === -1 && isAscii(value) && json.indexOf(MAPPINGS_KEY, end) === -1;
  if (plain) {
    try {
      const rest = JSON.parse(json.toString("utf8", 0, start) + json.toString("utf8", end));
      if (isObject(rest) && rest.mappings === "")
        return { ...rest, mappings: json.toString("latin1", start, end) };
    } catch {
    }
  }
  return JSON.parse(json.toString("utf8"));
}
function build(root, parsed, mapUrl, location) {
  const map = new TraceMap(parsed, mapUrl);
  return { location, map, mappings: typeof parsed.mappings === "string" ? parsed.mappings : "", sources: map.resolvedSources.map((source) => rootRelative(root, source)) };
}
function readMap(root, json, mapUrl, location) {
  return build(root, parseSourceMapJson(json), mapUrl, location);
}
function inside(root, path) {
  const local = relative(root, path);
  return !local.startsWith("..") && !isAbsolute(local);
}
function loadSourceMap(root, absolutePath, bytes) {
  const url = sourceMappingUrl(bytes);
  try {
    if (url?.startsWith("data:"))
      return { map: readMap(root, Buffer.from(parseDataUrl(url)), absolutePath, "inline") };
    if (url !== void 0) {
      const mapPath = resolve2(dirname(absolutePath), decodeURIComponent(url.split(/[?#]/, 1)[0] ?? ""));
      if (!inside(root, mapPath))
        return { warning: `source map ${url} is outside the scanned directory (not read)` };
      return { map: readMap(root, readFileSync(mapPath), mapPath, rootRelative(root, mapPath)) };
    }
    const hidden = `${absolutePath}.map`;
    if (existsSync(hidden))
      return { map: readMap(root, readFileSync(hidden), hidden, rootRelative(root, hidden)) };
    return void 0;
  } catch (error) {
    const reason = error.code ?? error.message;
    return { warning: `source map ${url?.startsWith("data:") ? "(inline)" : url ?? "beside the file"} could not be used (${reason}); findings stay in the bundle` };
  }
}
function originFile(root, source) {
  const file = rootRelative(root, source);
  return isAbsolute(file) ? void 0 : file;
}
function originalPositions(map, root, positions) {
  const segments = traceEncodedMappings(map.mappings, positions.map(({ line, column }) => ({ line, column: column - 1 })));
  return segments.map((segment) => {
    const source = segment && map.map.resolvedSources[segment.sourceIndex];
    if (segment === void 0 || typeof source !== "string")
      return void 0;
    const file = originFile(root, source);
    return file === void 0 ? void 0 : { file, line: segment.line + 1, column: segment.column + 1 };
  });
}
function sourcesContentOrigins(root, mapPath, json) {
  const parsed = parseSourceMapJson(typeof json === "string" ? Buffer.from(json) : json);
  const map = build(root, parsed, mapPath, rootRelative(root, mapPath));
  const contents = Array.isArray(parsed.sourcesContent) ? parsed.sourcesContent : [];
  const origins = /* @__PURE__ */ new Map();
  for (const [index, content] of contents.entries()) {
    if (typeof content !== "string")
      continue;
    const source = map.map.resolvedSources[index];
    const file = source === void 0 ? `source ${index}` : originFile(root, source);
    if (file === void 0)
      continue;
    for (const hit of keyHitsInText(content)) {
      if (!origins.has(hit.secret.fingerprint))
        origins.set(hit.secret.fingerprint, { file, line: hit.line, column: hit.column });
    }
  }
  return { origins, sources: map.sources };
}

// packages/scanner/dist/analyse/index.js
var REGION_BYTES = 16 * 1024 * 1024;
var BINARY_PROBE_BYTES = 8e3;
var JS_SOURCE = /\.(?:[cm]?[jt]sx?|vue|svelte|astro)$/;
var MAPPABLE_OUTPUT = /\.(?:[cm]?js|css)$/;
var MAX_ASSEMBLY_BYTES = 8 * 1024 * 1024;
var ASSEMBLY_TRIGGERS = ['"eng', "'eng", "`eng"].map((trigger) => Buffer.from(trigger));
function isBinary(bytes) {
  return bytes.subarray(0, BINARY_PROBE_BYTES).includes(0);
}
var SCRATCH = Buffer.allocUnsafe(4 * 1024 * 1024);
function readAll(fd, size) {
  const buffer = size <= SCRATCH.length ? SCRATCH.subarray(0, size) : Buffer.allocUnsafe(size);
  let offset = 0;
  while (offset < size) {
    const read = readSync(fd, buffer, offset, size - offset, offset);
    if (read === 0)
      break;
    offset += read;
  }
  return offset === size ? buffer : buffer.subarray(0, offset);
}
function errorReason(error) {
  const code = error.code;
  return code ? `unreadable (${code})` : `unreadable (${error.message})`;
}
function analyseFile(file, context) {
  const analysis = { file, hits: [], bytes: 0, warnings: [] };
  let fd;
  try {
    fd = openSync(file.absolutePath, "r");
  } catch (error) {
    analysis.skipped = { file: file.path, reason: errorReason(error) };
    return analysis;
  }
  try {
    const size = fstatSync(fd).size;
    if (size > REGION_BYTES * 2)
      analyseInRegions(fd, size, analysis, context);
    else
      analyseWhole(readAll(fd, size), analysis, context);
  } catch (error) {
    analysis.skipped = { file: file.path, reason: errorReason(error) };
    analysis.hits = [];
  } finally {
    closeSync(fd);
  }
  return analysis;
}
function analyseWhole(bytes, analysis, context) {
  const { file } = analysis;
  analysis.bytes = bytes.length;
  if (isBinary(bytes)) {
    analysis.skipped = { file: file.path, reason: "binary file" };
    return;
  }
  const assembly = file.role !== "env" && JS_SOURCE.test(file.path) && bytes.length <= MAX_ASSEMBLY_BYTES;
  const assemble = assembly && mayAssembleKey(bytes);
  const { hits, text } = keyHitsInBytes(bytes);
  if (hits.length === 0 && !assemble)
    return;
  const analysed = hits;
  const decoded = text ?? (assemble ? bytes.toString("utf8") : void 0);
  if (assemble && decoded !== void 0)
    analysed.push(...assembledHits(decoded));
  if (file.role === "env" && decoded !== void 0) {
    const lines = decoded.split("\n");
    for (const hit of analysed) {
      const variable = envVariableOf(lines[hit.line - 1] ?? "");
      if (variable !== void 0)
        hit.envVariable = variable;
    }
  }
  if (file.role === "build" && analysed.length > 0)
    mapBuiltHits(bytes, analysed, analysis, context);
  if (file.role === "source" && analysed.length > 0) {
    const marker = fileMarker(file.path, decoded);
    if (marker)
      analysis.marker = marker;
  }
  analysis.hits = analysed;
}
var PART_ENDS = /* @__PURE__ */ new Set([34, 39, 96, 36]);
function mayAssembleKey(bytes) {
  for (const trigger of ASSEMBLY_TRIGGERS) {
    for (let at = bytes.indexOf(trigger); at !== -1; at = bytes.indexOf(trigger, at + 1)) {
      const limit = Math.min(bytes.length, at + trigger.length + KEY_PREFIXES.live.length);
      for (let i = at + trigger.length; i < limit; i++)
        if (PART_ENDS.has(bytes[i] ?? 0))
          return true;
    }
  }
  return false;
}
function assembledHits(text) {
  const assembled = findAssembledKeys(text);
  if (assembled.length === 0)
    return [];
  const starts = lineStarts(text);
  return assembled.map((found) => {
    const lineIndex = lineIndexAt(starts, found.index);
    const lineStart = starts[lineIndex] ?? 0;
    const previousStart = starts[lineIndex - 1];
    const ignoredInline = text.slice(lineStart, text.indexOf("\n", found.index) === -1 ? void 0 : text.indexOf("\n", found.index)).includes(INLINE_IGNORE) || previousStart !== void 0 && text.slice(previousStart, lineStart).includes(INLINE_IGNORE);
    const secret = describeSecret(found.key);
    return {
      key: found.key,
      kind: found.kind,
      secret,
      encoding: "concatenation",
      index: found.index,
      length: found.length,
      line: lineIndex + 1,
      column: found.index - lineStart + 1,
      ignoredInline,
      snippet: snippetAt(text, found.index, found.length, secret.redacted)
    };
  });
}
function mapBuiltHits(bytes, hits, analysis, context) {
  const { file } = analysis;
  if (file.path.endsWith(".map")) {
    try {
      const { origins, sources } = sourcesContentOrigins(context.root, file.absolutePath, bytes);
      for (const hit of hits) {
        const origin = origins.get(hit.secret.fingerprint);
        if (origin)
          hit.origin = origin;
        hit.mappedSources = sources;
      }
    } catch (error) {
      analysis.warnings.push({ file: file.path, message: `source map could not be parsed (${error.message}); the finding stays in the map file` });
    }
    return;
  }
  if (!MAPPABLE_OUTPUT.test(file.path))
    return;
  dropInlineMapCopies(bytes, hits, analysis, context);
  const result = loadSourceMap(context.root, file.absolutePath, bytes);
  if (result === void 0)
    return;
  if ("warning" in result) {
    analysis.warnings.push({ file: file.path, message: result.warning });
    return;
  }
  applyMap(result.map, hits, analysis, context);
}
function dropInlineMapCopies(bytes, hits, analysis, context) {
  const inline = inlineSourceMap(bytes);
  if (!inline)
    return;
  const inCode = new Set(hits.filter((hit) => hit.line !== inline.line).map((hit) => hit.secret.fingerprint));
  let fromSources;
  for (let index = hits.length - 1; index >= 0; index--) {
    const hit = hits[index];
    if (!hit || hit.line !== inline.line)
      continue;
    if (inCode.has(hit.secret.fingerprint)) {
      hits.splice(index, 1);
      continue;
    }
    try {
      fromSources ??= sourcesContentOrigins(context.root, analysis.file.absolutePath, inline.json);
    } catch {
      fromSources = "broken";
    }
    if (fromSources === "broken")
      continue;
    const origin = fromSources.origins.get(hit.secret.fingerprint);
    if (origin)
      hit.origin = origin;
    hit.mappedSources = fromSources.sources;
  }
}
function applyMap(map, hits, analysis, context) {
  const unmapped = hits.filter((hit) => !hit.origin);
  let origins;
  try {
    origins = originalPositions(map, context.root, unmapped);
  } catch (error) {
    analysis.warnings.push({ file: analysis.file.path, message: `source map ${map.location} could not be used (${error.message}); findings stay in the bundle` });
    return;
  }
  for (const [index, hit] of unmapped.entries()) {
    hit.mappedSources = map.sources;
    const origin = origins[index];
    if (origin)
      hit.origin = origin;
    else
      analysis.warnings.push({ file: analysis.file.path, message: `source map ${map.location} has no mapping for line ${hit.line}, column ${hit.column}` });
  }
}
var REGION_BREAKS = [10, 32, 34, 39, 96, 44, 40, 41];
function analyseInRegions(fd, size, analysis, context) {
  const { file } = analysis;
  analysis.warnings.push({
    file: file.path,
    message: `large file (${(size / 1024 / 1024).toFixed(0)} MB) read in ${REGION_BYTES / 1024 / 1024} MB regions: keys are found, but constant concatenations are not analysed`
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
    position += read;
    const chunk = carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, read)]) : buffer.subarray(0, read);
    if (first && isBinary(chunk)) {
      analysis.skipped = { file: file.path, reason: "binary file" };
      return;
    }
    first = false;
    const atEnd = position >= size;
    let cut = chunk.length;
    if (!atEnd) {
      cut = -1;
      for (const byte of REGION_BREAKS)
        cut = Math.max(cut, chunk.lastIndexOf(byte));
      cut = cut <= 0 ? chunk.length : cut + 1;
    }
    const region = chunk.subarray(0, cut);
    const { hits } = keyHitsInBytes(region, { line, column });
    analysis.hits.push(...hits);
    let newlines = 0;
    let lastNewline = -1;
    for (let at = region.indexOf(10); at !== -1; at = region.indexOf(10, at + 1)) {
      newlines++;
      lastNewline = at;
    }
    line += newlines;
    column = lastNewline === -1 ? column + utf16Length(region, 0, region.length) : utf16Length(region, lastNewline + 1, region.length);
    carry = Buffer.from(chunk.subarray(cut));
    if (atEnd)
      break;
  }
  analysis.bytes = size;
  if (file.role === "build" && analysis.hits.length > 0 && MAPPABLE_OUTPUT.test(file.path)) {
    const tail = Buffer.allocUnsafe(Math.min(size, 64 * 1024));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    const result = loadSourceMap(context.root, file.absolutePath, tail);
    if (result && "warning" in result)
      analysis.warnings.push({ file: file.path, message: result.warning });
    else if (result)
      applyMap(result.map, analysis.hits, analysis, context);
  }
}

// packages/scanner/dist/analyse/parallel.js
import { existsSync as existsSync2 } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var WORKERS_AFTER_BYTES = 16 * 1024 * 1024;
var DEFAULT_MAX_THREADS = 4;
var WORKER_FILE = fileURLToPath(new URL("./analysis-worker.js", import.meta.url));
var SharedClaims = class {
  counter;
  bytes;
  constructor(buffers) {
    this.counter = new Int32Array(buffers?.counter ?? new SharedArrayBuffer(4));
    this.bytes = new BigInt64Array(buffers?.bytes ?? new SharedArrayBuffer(8));
  }
  get buffers() {
    return { counter: this.counter.buffer, bytes: this.bytes.buffer };
  }
  next() {
    return Atomics.add(this.counter, 0, 1);
  }
  taken() {
    return Atomics.load(this.counter, 0);
  }
  addBytes(count) {
    Atomics.add(this.bytes, 0, BigInt(count));
  }
  bytesDone() {
    return Number(Atomics.load(this.bytes, 0));
  }
};
function threadCount(requested, workerFile) {
  if (!existsSync2(workerFile))
    return 1;
  return Math.max(1, Math.floor(requested ?? Math.min(DEFAULT_MAX_THREADS, availableParallelism())));
}
function startWorker(workerFile, files, context, claims) {
  const input = { files, context, claims: claims.buffers };
  const worker = new Worker(workerFile, { workerData: input });
  return new Promise((resolve3) => {
    worker.once("message", (message) => resolve3(message));
    worker.once("error", (error) => resolve3(error));
    worker.once("exit", (code) => resolve3(new Error(`it exited with code ${code} before it reported`)));
  });
}
async function analyseFiles(files, context, options = {}) {
  const workerFile = options.workerFile ?? WORKER_FILE;
  const threads = threadCount(options.threads, workerFile);
  const claims = new SharedClaims();
  const analyses = new Array(files.length);
  let workers;
  let ownBytes = 0;
  let ownFiles = 0;
  for (let index = claims.next(); index < files.length; index = claims.next()) {
    const file = files[index];
    if (file === void 0)
      break;
    const analysis = analyseFile(file, context);
    analyses[index] = analysis;
    claims.addBytes(analysis.bytes);
    ownBytes += analysis.bytes;
    if (workers === void 0 && threads > 1 && (options.threads !== void 0 || ownBytes >= WORKERS_AFTER_BYTES) && index + 1 < files.length) {
      workers = Array.from({ length: threads - 1 }, () => startWorker(workerFile, files, context, claims));
    }
    if (options.onProgress && ++ownFiles % 256 === 0) {
      options.onProgress({ filesDone: Math.min(claims.taken(), files.length), filesTotal: files.length, bytesDone: claims.bytesDone() });
    }
  }
  const problems = [];
  for (const result of await Promise.all(workers ?? [])) {
    if (result instanceof Error) {
      problems.push({ file: ".", message: `an analysis worker failed (${result.message}); its files were analysed again on the main thread` });
    } else {
      for (const { index, analysis } of result.analyses)
        analyses[index] = { ...analysis, file: files[index] };
    }
  }
  return { analyses: files.map((file, index) => analyses[index] ?? analyseFile(file, context)), problems };
}

export {
  analyseFile,
  SharedClaims,
  analyseFiles
};
