import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  UsageError,
  loadConfig
} from "./chunk-6NJCEBEE.js";
import {
  GitError,
  runGit
} from "./chunk-4XRLEDUY.js";
import {
  INLINE_IGNORE,
  envVariableOf,
  isEnvFile,
  keyHitsInText
} from "./chunk-ASGSVPZY.js";
import {
  snippetOf
} from "./chunk-ECVGTPWI.js";
import {
  findNeedles,
  mayContainKey,
  pathMarker,
  publicEnvPrefix
} from "./chunk-IKJJJJ2Q.js";

// packages/scanner/dist/git/report-parts.js
async function setUp(dir, options) {
  const config = await loadConfig(dir, options.configFile);
  const globs = config.include?.length || config.exclude?.length ? (await import("./picomatch-DGPEHLDZ.js")).default : void 0;
  const included = globs && config.include?.length ? globs(config.include, { dot: true }) : void 0;
  const excluded = globs && config.exclude?.length ? globs(config.exclude, { dot: true }) : void 0;
  return { config, skipPath: (path) => included !== void 0 && !included(path) || (excluded?.(path) ?? false) };
}
var byPosition = (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;
async function assembleReport(parts, config, options) {
  const { applySuppressions, readBaseline } = parts.candidates.length > 0 || options.baselineFile !== void 0 ? await import("./suppress-BFDRFEPJ.js") : { applySuppressions: void 0, readBaseline: void 0 };
  const candidates = options.inlineIgnores === false ? parts.candidates.map(({ ignoredInline: _ignored, ...candidate }) => candidate) : parts.candidates;
  const baseline = options.baselineFile !== void 0 ? readBaseline?.(options.baselineFile) : void 0;
  const { findings, suppressed, baselined } = applySuppressions ? applySuppressions([...candidates].sort(byPosition), {
    ...config.allowlist ? { allowlist: config.allowlist } : {},
    ...baseline ? { baseline } : {}
  }) : { findings: [], suppressed: 0, baselined: 0 };
  return {
    version: 1,
    findings,
    stats: {
      filesScanned: parts.filesScanned,
      bytesScanned: parts.bytesScanned,
      durationMs: Math.round(Date.now() - parts.started),
      skipped: parts.skipped,
      suppressed,
      baselined,
      ...parts.warnings?.length ? { warnings: parts.warnings } : {}
    }
  };
}
function asUsageError(error) {
  if (error instanceof GitError)
    return new UsageError(error.message);
  return error;
}

// packages/scanner/dist/git/added-hits.js
var IGNORE_BYTES = Buffer.from(INLINE_IGNORE);
function keyHitsInAddedLine(added, onText) {
  if (!added.mayHoldKey)
    return [];
  const text = added.bytes.toString("utf8");
  const hits = keyHitsInText(text, added.line);
  if (hits.length === 0)
    return [];
  onText?.(text);
  const ignoredAbove = added.previous !== void 0 && added.previous.includes(IGNORE_BYTES);
  return hits.map((hit) => ({
    ...hit,
    snippet: snippetOf(text, hit.column, hit.length, hit.secret.redacted),
    column: hit.column + added.offset,
    ignoredInline: hit.ignoredInline || ignoredAbove
  }));
}

// packages/scanner/dist/git/exposure.js
function exposureOfLine(file, lineText, extraPublicPrefixes = []) {
  if (isEnvFile(file)) {
    const variable = envVariableOf(lineText);
    const prefix = variable !== void 0 ? publicEnvPrefix(variable, extraPublicPrefixes) : void 0;
    if (variable !== void 0 && prefix) {
      return { exposure: "client", reason: prefix.reason, chain: [`${file}: ${variable} (${prefix.reason})`], envVariable: variable };
    }
    return variable !== void 0 ? { exposure: "unknown", envVariable: variable } : { exposure: "unknown" };
  }
  const marker = pathMarker(file);
  if (!marker)
    return { exposure: "unknown" };
  return { exposure: marker.side, reason: marker.reason, ...marker.side === "client" ? { chain: [`${file} (${marker.id})`] } : {} };
}

// packages/scanner/dist/git/lines.js
var LINE_WINDOW_BYTES = 8 * 1024 * 1024;
var LINE_WINDOW_OVERLAP = 4096;
async function* readLines(stream, windowBytes = LINE_WINDOW_BYTES) {
  let pending = [];
  let pendingLength = 0;
  let pendingStart = 0;
  for await (const chunk of stream) {
    const needles = findNeedles(chunk);
    let nextNeedle = 0;
    let from = 0;
    for (let newline = chunk.indexOf(10, from); newline !== -1; newline = chunk.indexOf(10, from)) {
      const tail = chunk.subarray(from, newline);
      while (nextNeedle < needles.length && needles[nextNeedle] < from)
        nextNeedle++;
      if (pendingLength === 0) {
        yield { bytes: tail, start: 0, mayHoldKey: nextNeedle < needles.length && needles[nextNeedle] < newline };
      } else {
        const bytes = Buffer.concat([...pending, tail]);
        yield { bytes, start: pendingStart, mayHoldKey: mayContainKey(bytes) };
      }
      pending = [];
      pendingLength = 0;
      pendingStart = 0;
      from = newline + 1;
    }
    if (from < chunk.length) {
      pending.push(chunk.subarray(from));
      pendingLength += chunk.length - from;
      while (pendingLength >= windowBytes) {
        const joined = Buffer.concat(pending);
        const window = joined.subarray(0, windowBytes);
        yield { bytes: window, start: pendingStart, mayHoldKey: mayContainKey(window) };
        const keepFrom = windowBytes - LINE_WINDOW_OVERLAP;
        pending = [joined.subarray(keepFrom)];
        pendingLength = joined.length - keepFrom;
        pendingStart += keepFrom;
      }
    }
  }
  if (pendingLength > 0) {
    const bytes = Buffer.concat(pending);
    yield { bytes, start: pendingStart, mayHoldKey: mayContainKey(bytes) };
  }
}

// packages/scanner/dist/git/quoted-path.js
var SIMPLE_ESCAPES = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };
function readQuoted(text, from) {
  const bytes = [];
  for (let at = from + 1; at < text.length; at++) {
    const char = text[at];
    if (char === '"')
      return { path: Buffer.from(bytes).toString("utf8"), end: at + 1 };
    if (char !== "\\") {
      bytes.push(char.charCodeAt(0));
      continue;
    }
    const next = text[at + 1] ?? "";
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== void 0) {
      bytes.push(simple);
      at += 1;
    } else if (/^[0-7]{3}$/.test(text.slice(at + 1, at + 4))) {
      bytes.push(parseInt(text.slice(at + 1, at + 4), 8));
      at += 3;
    } else
      return void 0;
  }
  return void 0;
}
function unquotePath(text) {
  if (text.startsWith('"'))
    return readQuoted(text, 0)?.path ?? text;
  return text.endsWith("	") ? text.slice(0, -1) : text;
}
function withoutPrefix(path, prefix) {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
function pathFromDiffGitLine(rest) {
  if (rest.startsWith('"')) {
    const first = readQuoted(rest, 0);
    if (!first)
      return void 0;
    const second = rest.slice(first.end + 1);
    return withoutPrefix(second.startsWith('"') ? readQuoted(second, 0)?.path ?? second : second, "b/");
  }
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest.slice(0, half).slice(2) === rest.slice(half + 1).slice(2)) {
    return rest.slice(half + 1 + 2);
  }
  const quotedSecond = rest.indexOf(' "b/');
  if (quotedSecond !== -1)
    return withoutPrefix(readQuoted(rest, quotedSecond + 1)?.path ?? "", "b/");
  return void 0;
}

// packages/scanner/dist/git/patch-parser.js
var COMMIT_FORMAT = "tformat:%x00%H%x00%P%x00%an <%ae>%x00%aI";
var NUL = 0;
var PLUS = 43;
var MINUS = 45;
var SPACE = 32;
var BACKSLASH = 92;
var AT = 64;
var PatchParser = class {
  visitor;
  state = "between";
  parentCount = 1;
  file;
  /** Number of diff columns: 1 for `diff --git`, one per parent for a combined (`--cc`) diff. */
  columns = 1;
  nextLine = 0;
  lastAddedLine = 0;
  lastPieceWasAdded = false;
  previousInResult;
  constructor(visitor) {
    this.visitor = visitor;
  }
  push(piece) {
    if (piece.start > 0) {
      if (this.lastPieceWasAdded && this.file) {
        this.visitor.added({ file: this.file, line: this.lastAddedLine, bytes: piece.bytes, offset: piece.start - this.columns, mayHoldKey: piece.mayHoldKey });
      }
      return;
    }
    this.lastPieceWasAdded = false;
    const bytes = piece.bytes;
    if (this.state === "hunk" && this.readHunkLine(bytes, piece.mayHoldKey))
      return;
    this.readHeaderLine(bytes);
  }
  end() {
    this.closeFile();
  }
  /** Handles a line inside a hunk; false when the line is not hunk content (the hunk has ended). */
  readHunkLine(bytes, mayHoldKey) {
    const columns = this.columns;
    if (bytes.length === 0)
      return false;
    if (bytes[0] === BACKSLASH)
      return true;
    if (bytes.length < columns)
      return false;
    let added = true;
    let inResult = true;
    for (let column = 0; column < columns; column++) {
      const mark = bytes[column];
      if (mark === MINUS)
        inResult = false;
      else if (mark !== PLUS && mark !== SPACE)
        return false;
      if (mark !== PLUS)
        added = false;
    }
    if (!inResult)
      return true;
    const text = bytes.subarray(columns);
    if (added && this.file) {
      this.visitor.added({ file: this.file, line: this.nextLine, bytes: text, offset: 0, previous: this.previousInResult, mayHoldKey });
      this.lastAddedLine = this.nextLine;
      this.lastPieceWasAdded = true;
    }
    this.previousInResult = text;
    this.nextLine++;
    return true;
  }
  readHeaderLine(bytes) {
    if (bytes[0] === NUL) {
      this.closeFile();
      this.state = "between";
      const [sha = "", parents = "", author = "", date = ""] = bytes.toString("utf8", 1).split("\0");
      const parentList = parents.split(" ").filter(Boolean);
      this.parentCount = Math.max(1, parentList.length);
      this.visitor.commit?.({ sha, parents: parentList, author, date });
      return;
    }
    if (bytes[0] === AT && this.file) {
      this.startHunk(bytes.toString("latin1"));
      return;
    }
    const text = bytes.toString("latin1");
    if (text.startsWith("diff --git ")) {
      this.openFile(1, pathFromDiffGitLine(text.slice("diff --git ".length)));
      return;
    }
    if (text.startsWith("diff --cc ") || text.startsWith("diff --combined ")) {
      this.openFile(this.parentCount, unquotePath(text.slice(text.indexOf(" ", 5) + 1)));
      return;
    }
    const file = this.file;
    if (!file || this.state !== "file-header")
      return;
    if (text.startsWith("+++ ")) {
      const name = text.slice(4);
      if (name !== "/dev/null")
        file.path = withoutPrefix(unquotePath(name), "b/");
    } else if (text.startsWith("new file mode"))
      file.status = "added";
    else if (text.startsWith("deleted file mode"))
      file.status = "deleted";
    else if (text.startsWith("rename from ")) {
      file.status = "renamed";
      file.oldPath = unquotePath(text.slice("rename from ".length));
    } else if (text.startsWith("rename to "))
      file.path = unquotePath(text.slice("rename to ".length));
    else if (text.startsWith("copy from ")) {
      file.status = "copied";
      file.oldPath = unquotePath(text.slice("copy from ".length));
    } else if (text.startsWith("copy to "))
      file.path = unquotePath(text.slice("copy to ".length));
    else if (text.startsWith("index ")) {
      const range = text.slice("index ".length).split(" ")[0] ?? "";
      const blob = range.slice(range.indexOf("..") + 2);
      if (blob && !/^0+$/.test(blob))
        file.blob = blob;
    } else if (text.startsWith("Binary files ") || text === "GIT binary patch")
      file.binary = true;
  }
  openFile(columns, path) {
    this.closeFile();
    this.columns = columns;
    this.file = { path: path ?? "", status: "modified", binary: false };
    this.state = "file-header";
  }
  startHunk(header) {
    const match = /\+(\d+)(?:,\d+)? @@/.exec(header);
    this.nextLine = match ? Number(match[1]) : 1;
    this.previousInResult = void 0;
    this.state = "hunk";
  }
  closeFile() {
    if (this.file)
      this.visitor.fileDone?.(this.file);
    this.file = void 0;
    this.state = "between";
  }
};

// packages/scanner/dist/git/blobs.js
async function readBlobs(cwd, ids) {
  const contents = /* @__PURE__ */ new Map();
  if (ids.length === 0)
    return contents;
  const output = await runGit(cwd, ["cat-file", "--batch"], ids.map((id) => `${id}
`).join(""));
  let at = 0;
  for (const id of ids) {
    const headerEnd = output.indexOf(10, at);
    if (headerEnd === -1)
      break;
    const [, type, size] = output.toString("latin1", at, headerEnd).split(" ");
    if (type === void 0 || size === void 0) {
      at = headerEnd + 1;
      continue;
    }
    const start = headerEnd + 1;
    contents.set(id, output.subarray(start, start + Number(size)));
    at = start + Number(size) + 1;
  }
  return contents;
}

export {
  keyHitsInAddedLine,
  exposureOfLine,
  readLines,
  COMMIT_FORMAT,
  PatchParser,
  readBlobs,
  setUp,
  assembleReport,
  asUsageError
};
