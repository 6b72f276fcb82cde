import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// packages/core/dist/redact.js
import { createHash } from "node:crypto";

// packages/core/dist/key-grammar.js
var KEY_PREFIXES = { live: "eng_live_", test: "eng_test_" };
var MIN_BODY_LENGTH = 12;
var KEY_PATTERN_SOURCE = `(?<![A-Za-z0-9_])eng_(live|test)_[A-Za-z0-9]{${MIN_BODY_LENGTH},}(?![A-Za-z0-9_])`;
function keyPattern() {
  return new RegExp(KEY_PATTERN_SOURCE, "g");
}
var WHOLE_KEY = new RegExp(`^${KEY_PATTERN_SOURCE}$`);
function matchKeys(text) {
  const matches = [];
  if (!text.includes("eng_"))
    return matches;
  for (const match of text.matchAll(keyPattern())) {
    matches.push({ key: match[0], kind: match[1], index: match.index });
  }
  return matches;
}
function keyKind(key) {
  if (key.startsWith(KEY_PREFIXES.live))
    return "live";
  if (key.startsWith(KEY_PREFIXES.test))
    return "test";
  return void 0;
}
function keyBody(key) {
  const kind = keyKind(key);
  return kind ? key.slice(KEY_PREFIXES[kind].length) : key;
}

// packages/core/dist/redact.js
var REDACTED_TAIL_LENGTH = 4;
function redact(key) {
  const kind = keyKind(key);
  const prefix = kind ? KEY_PREFIXES[kind] : "";
  const body = keyBody(key);
  const tail = body.length > REDACTED_TAIL_LENGTH * 2 ? body.slice(-REDACTED_TAIL_LENGTH) : "";
  return `${prefix}\u2026${tail}`;
}
function redactKeys(text) {
  return text.includes("eng_") ? text.replace(keyPattern(), (key) => redact(key)) : text;
}
function fingerprint(key) {
  return createHash("sha256").update(key, "utf8").digest("hex").slice(0, 16);
}
function describeSecret(key) {
  return { kind: keyKind(key) ?? "live", redacted: redact(key), fingerprint: fingerprint(key) };
}

// packages/core/dist/exposure.js
var PUBLIC_ENV_PREFIXES = [
  { prefix: "NEXT_PUBLIC_", reason: "Next.js inlines NEXT_PUBLIC_ variables into browser bundles" },
  { prefix: "VITE_", reason: "Vite exposes VITE_ variables to client code through import.meta.env" },
  { prefix: "REACT_APP_", reason: "Create React App embeds REACT_APP_ variables in the build" },
  { prefix: "GATSBY_", reason: "Gatsby embeds GATSBY_ variables in browser code" },
  { prefix: "EXPO_PUBLIC_", reason: "Expo inlines EXPO_PUBLIC_ variables into the app bundle" },
  { prefix: "NUXT_PUBLIC_", reason: "Nuxt exposes NUXT_PUBLIC_ variables through the public runtime config" },
  { prefix: "PUBLIC_", reason: "SvelteKit and Astro expose PUBLIC_ variables to client code" }
];
function publicEnvPrefix(name, extraPrefixes = []) {
  const builtIn = PUBLIC_ENV_PREFIXES.find(({ prefix }) => name.startsWith(prefix));
  if (builtIn)
    return builtIn;
  const extra = extraPrefixes.find((prefix) => name.startsWith(prefix));
  return extra ? { prefix: extra, reason: `${extra} variables are configured as public` } : void 0;
}
var SVELTEKIT_ENV_MODULES = [
  { specifier: "$env/static/public", visibility: "public", reason: "SvelteKit inlines $env/static/public values into client code" },
  { specifier: "$env/dynamic/public", visibility: "public", reason: "SvelteKit sends $env/dynamic/public values to the browser" },
  { specifier: "$env/static/private", visibility: "private", reason: "SvelteKit keeps $env/static/private on the server" },
  { specifier: "$env/dynamic/private", visibility: "private", reason: "SvelteKit keeps $env/dynamic/private on the server" }
];
function svelteKitEnvModule(specifier) {
  return SVELTEKIT_ENV_MODULES.find((module) => module.specifier === specifier);
}
var PATH_MARKERS = [
  { side: "server", id: "server-file", reason: "*.server.* files never ship to the browser", test: (path) => /\.server\.[cm]?[jt]sx?$/.test(path) },
  { side: "server", id: "server-dir", reason: "modules under a .server/ folder never ship to the browser", test: (path) => /(^|\/)\.server\//.test(path) },
  { side: "server", id: "sveltekit-lib-server", reason: "SvelteKit keeps $lib/server modules on the server", test: (path) => /(^|\/)src\/lib\/server\//.test(path) },
  { side: "server", id: "sveltekit-server-route", reason: "SvelteKit +page.server / +layout.server / +server files run on the server", test: (path) => /(^|\/)\+(page|layout)\.server\.[jt]s$|(^|\/)\+server\.[jt]s$/.test(path) },
  { side: "server", id: "next-route-handler", reason: "Next.js app/**/route files are server route handlers", test: (path) => /(^|\/)route\.[cm]?[jt]sx?$/.test(path) && /(^|\/)app\//.test(path) },
  { side: "server", id: "next-api-route", reason: "Next.js pages/api/** files are server API routes", test: (path) => /(^|\/)pages\/api\//.test(path) },
  { side: "client", id: "client-file", reason: "*.client.* files run in the browser", test: (path) => /\.client\.[cm]?[jt]sx?$/.test(path) }
];
function pathMarker(path) {
  const posix = path.replaceAll("\\", "/");
  const rule = PATH_MARKERS.find((marker) => marker.test(posix));
  return rule ? { side: rule.side, id: rule.id, reason: rule.reason } : void 0;
}
var DIRECTIVE_MARKERS = {
  "use client": { side: "client", id: "use-client", reason: '"use client" makes the module part of the browser bundle' },
  "use server": { side: "server", id: "use-server", reason: '"use server" marks server actions that never ship to the browser' }
};
var SERVER_ONLY_MARKER = {
  side: "server",
  id: "server-only",
  reason: 'import "server-only" makes the build fail if a client module imports it'
};
var MARKER_IMPORTS = {
  "server-only": SERVER_ONLY_MARKER
};
function prologueDirectives(source) {
  const directives = [];
  const prologue = /\s*(?:#![^\n]*(?:\n|$)|\/\/[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/|(['"])(use [a-z ]+)\1[ \t]*(?:;|(?=\r?\n|$|\/\/|\/\*)))/y;
  let position = 0;
  for (; ; ) {
    prologue.lastIndex = position;
    const match = prologue.exec(source);
    if (!match || match[0].length === 0)
      break;
    if (match[2])
      directives.push(match[2]);
    position = prologue.lastIndex;
  }
  return directives;
}
function fileMarker(path, source) {
  if (source !== void 0) {
    for (const directive of prologueDirectives(source)) {
      if (directive === "use client" || directive === "use server")
        return DIRECTIVE_MARKERS[directive];
    }
  }
  return pathMarker(path);
}

// packages/core/dist/severity.js
var SEVERITIES = ["critical", "high", "medium", "low"];
function severityOf(kind, exposure) {
  if (kind === "live")
    return exposure === "client" ? "critical" : "high";
  return exposure === "client" ? "medium" : "low";
}
function compareSeverity(a, b) {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}
function meetsThreshold(severity, threshold) {
  return threshold !== "none" && compareSeverity(severity, threshold) <= 0;
}

// packages/core/dist/api.js
var ACCESS_TOKEN_LIFETIME_MINUTES = 30;
var REFRESH_TOKEN_LIFETIME_DAYS = 30;

// packages/core/dist/guidance.js
var ROTATION_STEPS = [
  "Create a new key in Engium: Settings \u2192 Developer \u2192 API Keys.",
  "Deploy the new key to your servers (an environment variable or secret store, never source code).",
  "Revoke the old key on the same page: a committed or shipped key must be treated as leaked."
];
var ROTATE_ADVICE = "Rotate it now (Settings \u2192 Developer \u2192 API Keys), then revoke the old key";
var SERVER_SIDE_ADVICE = "keep the key on the server and read it from an environment variable such as ENGIUM_API_KEY";
var JWT_FLOW_ADVICE = `browser code must not hold an API key: sign users in with POST /auth/login for a ${ACCESS_TOKEN_LIFETIME_MINUTES}-minute access token and renew it with POST /auth/refresh (refresh tokens last ${REFRESH_TOKEN_LIFETIME_DAYS} days)`;

// packages/core/dist/placeholder.js
var MARKER_WORDS = ["your", "replace", "example", "placeholder", "changeme", "insert", "dummy", "sample", "redacted"];
var BODY_WORDS = /* @__PURE__ */ new Set([
  "abc",
  "abcd",
  "access",
  "account",
  "api",
  "app",
  "auth",
  "bar",
  "baz",
  "bearer",
  "change",
  "changeme",
  "client",
  "code",
  "company",
  "copy",
  "credential",
  "credentials",
  "default",
  "demo",
  "dev",
  "development",
  "dummy",
  "eng",
  "engium",
  "enter",
  "env",
  "example",
  "fake",
  "foo",
  "for",
  "from",
  "generated",
  "goes",
  "hello",
  "here",
  "hidden",
  "id",
  "in",
  "insert",
  "invalid",
  "is",
  "it",
  "key",
  "keys",
  "live",
  "local",
  "masked",
  "me",
  "mock",
  "my",
  "new",
  "not",
  "of",
  "old",
  "or",
  "our",
  "paste",
  "placeholder",
  "prod",
  "production",
  "project",
  "put",
  "qux",
  "random",
  "real",
  "redacted",
  "replace",
  "replaceme",
  "sample",
  "sandbox",
  "secret",
  "secrets",
  "server",
  "service",
  "set",
  "some",
  "staging",
  "string",
  "stub",
  "tenant",
  "test",
  "testing",
  "text",
  "the",
  "this",
  "to",
  "todo",
  "token",
  "user",
  "valid",
  "value",
  "with",
  "world",
  "xyz",
  "your",
  "yours",
  "doc",
  "docs",
  "temp",
  "tmp",
  "lorem",
  "ipsum",
  "none",
  "null",
  "empty",
  "blank",
  "unset",
  "admin",
  "web",
  "site",
  "prefix",
  "suffix",
  "readme",
  "docker",
  "ci"
]);
function placeholderReason(candidate) {
  if (/[<>{}]|\$\{|\[|\]/.test(candidate))
    return "template-syntax";
  const body = keyBody(candidate);
  const lower = body.toLowerCase();
  if (MARKER_WORDS.some((word) => lower.startsWith(word)) && hasConsistentCase(body))
    return "marker-word";
  if (isMostlyOneCharacter(body))
    return "mostly-one-character";
  if (isCountingRun(body))
    return "counting-run";
  if (isMadeOfWords(body))
    return "made-of-words";
  return void 0;
}
function hasConsistentCase(body) {
  return !/^[A-Za-z0-9]+$/.test(body) || /^[a-z0-9]+$/.test(body) || /^[A-Z0-9]+$/.test(body) || isCapitalisedWords(body);
}
function isCapitalisedWords(body) {
  return /^[A-Z][A-Za-z]*[0-9]*$/.test(body) && !/[A-Z](?![a-z])/.test(body);
}
function isMostlyOneCharacter(body) {
  const counts = /* @__PURE__ */ new Map();
  let most = 0;
  for (const char of body) {
    const count = (counts.get(char) ?? 0) + 1;
    counts.set(char, count);
    most = Math.max(most, count);
  }
  return body.length > 0 && most * 3 >= body.length * 2;
}
var ORDER = "0123456789abcdefghijklmnopqrstuvwxyz";
function isCountingRun(body) {
  const lower = body.toLowerCase();
  let steps = 0;
  for (let i = 1; i < lower.length; i++) {
    const previous = ORDER.indexOf(lower[i - 1] ?? "");
    const current = ORDER.indexOf(lower[i] ?? "");
    const delta = current - previous;
    if (delta === 1 || delta === -1 || previous === 9 && current === 0 || previous === 0 && current === 9)
      steps++;
  }
  return steps >= Math.ceil((lower.length - 1) * 0.8);
}
function isMadeOfWords(body) {
  if (!/^[A-Za-z]+[0-9]{0,4}$/.test(body))
    return false;
  let lettersEnd = body.length;
  while (/[0-9]/.test(body[lettersEnd - 1] ?? ""))
    lettersEnd--;
  const letters = body.slice(0, lettersEnd);
  const consistentCase = letters === letters.toLowerCase() || letters === letters.toUpperCase() || /^[A-Z]/.test(letters);
  if (!consistentCase)
    return false;
  return canSplitIntoWords(letters.toLowerCase());
}
function canSplitIntoWords(text) {
  const reachable = new Array(text.length + 1).fill(false);
  reachable[0] = true;
  for (let end = 1; end <= text.length; end++) {
    for (let start = Math.max(0, end - 12); start < end && !reachable[end]; start++) {
      if (reachable[start] && BODY_WORDS.has(text.slice(start, end)))
        reachable[end] = true;
    }
  }
  return reachable[text.length] === true;
}

// packages/core/dist/decoders.js
var INITIAL_DECODE_WINDOW = 64;
var KEY_AT = new RegExp(KEY_PATTERN_SOURCE, "y");
function keyAt(text, at) {
  KEY_AT.lastIndex = at;
  const match = KEY_AT.exec(text);
  return match ? { key: match[0], kind: match[1] } : void 0;
}
function base64Signatures(prefix) {
  const signatures = [];
  for (let alignment = 0; alignment < 3; alignment++) {
    const encode = (filler) => Buffer.concat([Buffer.alloc(alignment, filler), Buffer.from(prefix, "latin1"), Buffer.alloc(3, filler)]).toString("base64");
    const low = encode(0);
    const high = encode(255);
    let start = 0;
    while (low[start] !== high[start])
      start++;
    let end = start;
    while (end < low.length && low[end] === high[end])
      end++;
    const standard = low.slice(start, end);
    signatures.push({ signature: standard, offsetInGroup: start, alignment });
    const urlSafe = standard.replaceAll("+", "-").replaceAll("/", "_");
    if (urlSafe !== standard)
      signatures.push({ signature: urlSafe, offsetInGroup: start, alignment });
  }
  return signatures;
}
var BASE64_SIGNATURES = Object.values(KEY_PREFIXES).flatMap(base64Signatures);
function isBase64Char(char) {
  if (char === void 0)
    return false;
  const unit = char.charCodeAt(0);
  return isWordUnit(unit) || unit === 43 || unit === 47 || unit === 45;
}
function findBase64Keys(text) {
  const found = [];
  for (const { signature, offsetInGroup, alignment } of BASE64_SIGNATURES) {
    for (let hit = text.indexOf(signature); hit !== -1; hit = text.indexOf(signature, hit + 1)) {
      const groupStart = hit - offsetInGroup;
      if (groupStart < 0)
        continue;
      let valid = true;
      for (let i = groupStart; i < hit; i++)
        if (!isBase64Char(text[i]))
          valid = false;
      if (!valid)
        continue;
      const match = decodeBase64KeyAt(text, groupStart, alignment);
      if (match)
        found.push(match);
    }
  }
  return found;
}
function decodeBase64KeyAt(text, groupStart, alignment) {
  const withPrevious = groupStart >= 4 && [1, 2, 3, 4].every((back) => isBase64Char(text[groupStart - back]));
  const decodeStart = withPrevious ? groupStart - 4 : groupStart;
  const prefixAt = alignment + (withPrevious ? 3 : 0);
  let decodeEnd = groupStart;
  for (let window = INITIAL_DECODE_WINDOW; ; window *= 2) {
    const limit = groupStart + Math.ceil((alignment + window) / 3) * 4;
    while (decodeEnd < text.length && decodeEnd < limit && isBase64Char(text[decodeEnd]))
      decodeEnd++;
    const decoded = Buffer.from(text.slice(decodeStart, decodeEnd), "base64").toString("latin1");
    const match = keyAt(decoded, prefixAt);
    if (!match)
      return void 0;
    const runsOn = decodeEnd === limit && isBase64Char(text[decodeEnd]);
    if (runsOn && prefixAt + match.key.length >= decoded.length)
      continue;
    const encodedLength = Math.ceil((alignment + match.key.length) / 3) * 4;
    return {
      key: match.key,
      kind: match.kind,
      encoding: "base64",
      index: groupStart,
      length: Math.min(encodedLength, decodeEnd - groupStart)
    };
  }
}
var BACKSLASH = 92;
var PERCENT = 37;
var AMPERSAND = 38;
var HASH = 35;
var SEMICOLON = 59;
var OPEN_BRACE = 123;
var CLOSE_BRACE = 125;
var MAX_CODE_POINT = 1114111;
function isWordUnit(unit) {
  return unit >= 97 && unit <= 122 || unit >= 65 && unit <= 90 || unit >= 48 && unit <= 57 || unit === 95;
}
function isWordChar(char) {
  return char !== void 0 && isWordUnit(char.charCodeAt(0));
}
function hexValue(unit) {
  if (unit >= 48 && unit <= 57)
    return unit - 48;
  if (unit >= 97 && unit <= 102)
    return unit - 97 + 10;
  if (unit >= 65 && unit <= 70)
    return unit - 65 + 10;
  return -1;
}
function readNumber(text, at, radix, minDigits, maxDigits, token, terminator = -1) {
  let value = 0;
  let end = at;
  while (end - at < maxDigits) {
    const digit = radix === 16 ? hexValue(text.charCodeAt(end)) : decimalValue(text.charCodeAt(end));
    if (digit < 0)
      break;
    value = value * radix + digit;
    end++;
  }
  if (end - at < minDigits)
    return -1;
  if (terminator !== -1) {
    if (text.charCodeAt(end) !== terminator)
      return -1;
    end++;
  }
  token.codePoint = value;
  return end;
}
function decimalValue(unit) {
  return unit >= 48 && unit <= 57 ? unit - 48 : -1;
}
function endToken(token, at, end) {
  if (end === -1 || token.codePoint > MAX_CODE_POINT)
    return false;
  token.rawLength = end - at;
  return true;
}
function readEscape(text, at, token) {
  if (text.charCodeAt(at) !== BACKSLASH)
    return false;
  const kind = text.charCodeAt(at + 1);
  let end = -1;
  if (kind === 120)
    end = readNumber(text, at + 2, 16, 2, 2, token);
  else if (kind === 117) {
    end = text.charCodeAt(at + 2) === OPEN_BRACE ? readNumber(text, at + 3, 16, 1, 6, token, CLOSE_BRACE) : readNumber(text, at + 2, 16, 4, 4, token);
  }
  return endToken(token, at, end);
}
function readPercent(text, at, token) {
  if (text.charCodeAt(at) !== PERCENT)
    return false;
  return endToken(token, at, readNumber(text, at + 1, 16, 2, 2, token));
}
var NAMED_ENTITIES = [
  ["lowbar;", 95],
  ["UnderBar;", 95],
  ["lpar;", 40],
  ["rpar;", 41],
  ["period;", 46]
];
function readEntity(text, at, token) {
  if (text.charCodeAt(at) !== AMPERSAND)
    return false;
  if (text.charCodeAt(at + 1) === HASH) {
    const kind = text.charCodeAt(at + 2);
    const end = kind === 120 || kind === 88 ? readNumber(text, at + 3, 16, 1, 6, token, SEMICOLON) : readNumber(text, at + 2, 10, 1, 7, token, SEMICOLON);
    return endToken(token, at, end);
  }
  for (const [name, codePoint] of NAMED_ENTITIES) {
    if (text.startsWith(name, at + 1)) {
      token.codePoint = codePoint;
      return endToken(token, at, at + 1 + name.length);
    }
  }
  return false;
}
var TOKEN_ENCODINGS = [
  {
    encoding: "escape",
    triggers: ["\\x", "\\u"],
    isRegionUnit: (unit) => isWordUnit(unit) || unit === BACKSLASH || unit === OPEN_BRACE || unit === CLOSE_BRACE,
    readToken: readEscape
  },
  {
    encoding: "percent",
    triggers: ["%"],
    isRegionUnit: (unit) => isWordUnit(unit) || unit === PERCENT,
    readToken: readPercent
  },
  {
    encoding: "html-entity",
    triggers: ["&"],
    isRegionUnit: (unit) => isWordUnit(unit) || unit === AMPERSAND || unit === HASH || unit === SEMICOLON,
    readToken: readEntity
  }
];
var MAX_REGION_LOOKBACK = 2560;
function findTokenEncodedKeys(text, scheme) {
  const found = [];
  const nextHits = scheme.triggers.map((trigger) => text.indexOf(trigger));
  let scannedTo = 0;
  for (; ; ) {
    let hit = -1;
    for (const [i, trigger] of scheme.triggers.entries()) {
      let next = nextHits[i] ?? -1;
      if (next !== -1 && next < scannedTo)
        next = nextHits[i] = text.indexOf(trigger, scannedTo);
      if (next !== -1 && (hit === -1 || next < hit))
        hit = next;
    }
    if (hit === -1)
      break;
    let start = hit;
    const lookbackLimit = Math.max(scannedTo, hit - MAX_REGION_LOOKBACK);
    while (start > lookbackLimit && scheme.isRegionUnit(text.charCodeAt(start - 1)))
      start--;
    const startsMidWord = start > scannedTo && scheme.isRegionUnit(text.charCodeAt(start - 1));
    let end = decodeRegion(text, start, scheme, found, startsMidWord);
    while (end <= hit)
      end = decodeRegion(text, end, scheme, found, false);
    scannedTo = end;
  }
  return found;
}
var SCRATCH_TOKEN = { codePoint: 0, rawLength: 0 };
function decodeRegion(text, start, scheme, found, startsMidWord) {
  const token = SCRATCH_TOKEN;
  if (!isWordUnit(text.charCodeAt(start)) && !scheme.readToken(text, start, token))
    return start + 1;
  const units = [];
  const rawOffsets = [];
  let position = start;
  let sawToken = false;
  while (position < text.length) {
    if (scheme.readToken(text, position, token)) {
      if (token.codePoint > 65535) {
        const offset = token.codePoint - 65536;
        units.push(55296 + (offset >> 10), 56320 + (offset & 1023));
        rawOffsets.push(position, position);
      } else {
        units.push(token.codePoint);
        rawOffsets.push(position);
      }
      position += token.rawLength;
      sawToken = true;
      continue;
    }
    const unit = text.charCodeAt(position);
    if (!isWordUnit(unit))
      break;
    units.push(unit);
    rawOffsets.push(position);
    position++;
  }
  rawOffsets.push(position);
  if (sawToken) {
    const decoded = fromCharCodes(units);
    for (const match of matchKeys(decoded)) {
      if (startsMidWord && match.index === 0)
        continue;
      const index = rawOffsets[match.index] ?? start;
      const end = rawOffsets[match.index + match.key.length] ?? position;
      const plain = end - index === match.key.length;
      if (plain && !isWordChar(text[index - 1]) && !isWordChar(text[end]))
        continue;
      found.push({ key: match.key, kind: match.kind, encoding: scheme.encoding, index, length: end - index });
    }
  }
  return Math.max(position, start + 1);
}
function fromCharCodes(units) {
  const chunks = [];
  for (let at = 0; at < units.length; at += 8192)
    chunks.push(String.fromCharCode(...units.slice(at, at + 8192)));
  return chunks.join("");
}
function findEncodedKeys(text) {
  const found = findBase64Keys(text);
  for (const scheme of TOKEN_ENCODINGS) {
    if (scheme.triggers.some((trigger) => text.includes(trigger)))
      found.push(...findTokenEncodedKeys(text, scheme));
  }
  return found;
}

// packages/core/dist/find-keys.js
function findKeys(text, options = {}) {
  const occurrences = matchKeys(text).map((match) => ({
    ...match,
    encoding: "plain",
    length: match.key.length
  }));
  if (options.decode !== false)
    occurrences.push(...findEncodedKeys(text));
  occurrences.sort((a, b) => a.index - b.index || b.length - a.length);
  const result = [];
  let lastIndex = -1;
  for (const occurrence of occurrences) {
    if (occurrence.index === lastIndex)
      continue;
    lastIndex = occurrence.index;
    const reason = placeholderReason(occurrence.key);
    if (reason === void 0)
      result.push(occurrence);
    else if (options.includePlaceholders)
      result.push({ ...occurrence, placeholder: reason });
  }
  return result;
}

// packages/core/dist/prefilter.js
var KEY_NEEDLES = [
  "_live_",
  "_test_",
  ...new Set(BASE64_SIGNATURES.map(({ signature }) => signature)),
  "\\x5f",
  "\\x5F",
  "\\u005f",
  "\\u005F",
  "\\u{5f}",
  "\\u{5F}",
  // `\u{…}` and numeric entities may pad with zeros (`\u{005f}`, `&#0095;`, `&#x05F;`).
  "\\u{0",
  "%5f",
  "%5F",
  "&#95;",
  "&#x5f;",
  "&#x5F;",
  "&#X5f;",
  "&#X5F;",
  "&#095;",
  "&#00",
  "&#x0",
  "&#X0",
  "&lowbar;",
  "&UnderBar;",
  "_\\x",
  "_\\u",
  "_%",
  "_&#"
];
var GATE_BYTES = [92, 37, 38];
var ANCHOR_LENGTH = 5;
function anchorOffset(needle) {
  const last = Math.max(0, needle.length - ANCHOR_LENGTH);
  for (let at = 0; at <= last; at++)
    if (!/[a-z]/.test(needle[at] ?? ""))
      return at;
  return 0;
}
var { FAMILIES, GROUPS } = (() => {
  const families = GATE_BYTES.map((gate) => ({ gate, needles: [] }));
  const groups = /* @__PURE__ */ new Map();
  for (const needle of KEY_NEEDLES) {
    const bytes = Buffer.from(needle, "latin1");
    const family = families.find(({ gate }) => bytes.includes(gate));
    if (family) {
      family.needles.push({ bytes, searchedAt: bytes.indexOf(family.gate) });
      continue;
    }
    const searchedAt = anchorOffset(needle);
    const anchor = needle.slice(searchedAt, searchedAt + ANCHOR_LENGTH);
    groups.set(anchor, [...groups.get(anchor) ?? [], { bytes, searchedAt }]);
  }
  const anchorGroups = [...groups].map(([anchor, needles]) => ({ anchor: Buffer.from(anchor, "latin1"), needles }));
  return { FAMILIES: families, GROUPS: anchorGroups };
})();
function occurrenceBudget(length) {
  return 256 + (length >>> 6);
}
function asBuffer(bytes) {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
function needleStartsAt(buffer, start, needle) {
  if (start < 0 || start + needle.length > buffer.length)
    return false;
  for (let i = 0; i < needle.length; i++)
    if (buffer[start + i] !== needle[i])
      return false;
  return true;
}
function collectAround(buffer, at, needles, found) {
  for (const { bytes, searchedAt } of needles) {
    const start = at - searchedAt;
    if (needleStartsAt(buffer, start, bytes))
      found.push(start);
  }
}
function searchAnchorGroup(buffer, { anchor, needles }, found, first) {
  for (let at = buffer.indexOf(anchor); at !== -1; at = buffer.indexOf(anchor, at + 1)) {
    collectAround(buffer, at, needles, found);
    if (first && found.length > 0)
      return;
  }
}
function searchFamily(buffer, { gate, needles }, found, first) {
  let budget = occurrenceBudget(buffer.length);
  for (let at = buffer.indexOf(gate); at !== -1; at = buffer.indexOf(gate, at + 1)) {
    if (budget-- === 0) {
      for (const { bytes, searchedAt } of needles) {
        for (let start = buffer.indexOf(bytes, Math.max(0, at - searchedAt)); start !== -1; start = buffer.indexOf(bytes, start + 1)) {
          found.push(start);
          if (first)
            return;
        }
      }
      return;
    }
    collectAround(buffer, at, needles, found);
    if (first && found.length > 0)
      return;
  }
}
function search(buffer, first) {
  const found = [];
  for (const group of GROUPS) {
    searchAnchorGroup(buffer, group, found, first);
    if (first && found.length > 0)
      return found;
  }
  for (const family of FAMILIES) {
    searchFamily(buffer, family, found, first);
    if (first && found.length > 0)
      return found;
  }
  return found;
}
function isAscending(offsets) {
  for (let i = 1; i < offsets.length; i++)
    if ((offsets[i] ?? 0) <= (offsets[i - 1] ?? 0))
      return false;
  return true;
}
function findNeedles(bytes) {
  const found = search(asBuffer(bytes), false);
  if (isAscending(found))
    return found;
  const sorted = Float64Array.from(found).sort();
  const unique = [];
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1])
      unique.push(sorted[i]);
  return unique;
}
function mayContainKey(bytes) {
  return search(asBuffer(bytes), true).length > 0;
}

export {
  KEY_PREFIXES,
  keyPattern,
  matchKeys,
  placeholderReason,
  findKeys,
  findNeedles,
  mayContainKey,
  redact,
  redactKeys,
  describeSecret,
  publicEnvPrefix,
  svelteKitEnvModule,
  pathMarker,
  DIRECTIVE_MARKERS,
  MARKER_IMPORTS,
  prologueDirectives,
  fileMarker,
  SEVERITIES,
  severityOf,
  compareSeverity,
  meetsThreshold,
  ROTATION_STEPS,
  ROTATE_ADVICE,
  SERVER_SIDE_ADVICE,
  JWT_FLOW_ADVICE
};
