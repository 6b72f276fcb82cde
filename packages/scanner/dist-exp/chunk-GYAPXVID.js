import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applySuppressions,
  readBaseline
} from "./chunk-TTIQ4WFA.js";
import {
  UsageError,
  loadConfig
} from "./chunk-6NJCEBEE.js";
import {
  tryGit
} from "./chunk-4XRLEDUY.js";
import {
  analyseFiles
} from "./chunk-PY736F42.js";
import {
  isEnvFile
} from "./chunk-ASGSVPZY.js";
import {
  buildFinding
} from "./chunk-M4SEJIEV.js";
import {
  RULES
} from "./chunk-DQOGS7S2.js";
import {
  publicEnvPrefix
} from "./chunk-IKJJJJ2Q.js";
import {
  require_picomatch
} from "./chunk-OYXP2HYZ.js";
import {
  __commonJS,
  __toESM
} from "./chunk-7BOAENXZ.js";

// node_modules/ignore/index.js
var require_ignore = __commonJS({
  "node_modules/ignore/index.js"(exports, module) {
    function makeArray(subject) {
      return Array.isArray(subject) ? subject : [subject];
    }
    var EMPTY = "";
    var SPACE = " ";
    var ESCAPE = "\\";
    var REGEX_TEST_BLANK_LINE = /^\s+$/;
    var REGEX_INVALID_TRAILING_BACKSLASH = /(?:[^\\]|^)\\$/;
    var REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/;
    var REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/;
    var REGEX_SPLITALL_CRLF = /\r?\n/g;
    var REGEX_TEST_INVALID_PATH = /^\.*\/|^\.+$/;
    var SLASH = "/";
    var TMP_KEY_IGNORE = "node-ignore";
    if (typeof Symbol !== "undefined") {
      TMP_KEY_IGNORE = /* @__PURE__ */ Symbol.for("node-ignore");
    }
    var KEY_IGNORE = TMP_KEY_IGNORE;
    var define = (object, key, value) => Object.defineProperty(object, key, { value });
    var REGEX_REGEXP_RANGE = /([0-z])-([0-z])/g;
    var RETURN_FALSE = () => false;
    var sanitizeRange = (range) => range.replace(
      REGEX_REGEXP_RANGE,
      (match, from, to) => from.charCodeAt(0) <= to.charCodeAt(0) ? match : EMPTY
    );
    var cleanRangeBackSlash = (slashes) => {
      const { length } = slashes;
      return slashes.slice(0, length - length % 2);
    };
    var REPLACERS = [
      [
        // remove BOM
        // TODO:
        // Other similar zero-width characters?
        /^\uFEFF/,
        () => EMPTY
      ],
      // > Trailing spaces are ignored unless they are quoted with backslash ("\")
      [
        // (a\ ) -> (a )
        // (a  ) -> (a)
        // (a ) -> (a)
        // (a \ ) -> (a  )
        /((?:\\\\)*?)(\\?\s+)$/,
        (_, m1, m2) => m1 + (m2.indexOf("\\") === 0 ? SPACE : EMPTY)
      ],
      // replace (\ ) with ' '
      // (\ ) -> ' '
      // (\\ ) -> '\\ '
      // (\\\ ) -> '\\ '
      [
        /(\\+?)\s/g,
        (_, m1) => {
          const { length } = m1;
          return m1.slice(0, length - length % 2) + SPACE;
        }
      ],
      // Escape metacharacters
      // which is written down by users but means special for regular expressions.
      // > There are 12 characters with special meanings:
      // > - the backslash \,
      // > - the caret ^,
      // > - the dollar sign $,
      // > - the period or dot .,
      // > - the vertical bar or pipe symbol |,
      // > - the question mark ?,
      // > - the asterisk or star *,
      // > - the plus sign +,
      // > - the opening parenthesis (,
      // > - the closing parenthesis ),
      // > - and the opening square bracket [,
      // > - the opening curly brace {,
      // > These special characters are often called "metacharacters".
      [
        /[\\$.|*+(){^]/g,
        (match) => `\\${match}`
      ],
      [
        // > a question mark (?) matches a single character
        /(?!\\)\?/g,
        () => "[^/]"
      ],
      // leading slash
      [
        // > A leading slash matches the beginning of the pathname.
        // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
        // A leading slash matches the beginning of the pathname
        /^\//,
        () => "^"
      ],
      // replace special metacharacter slash after the leading slash
      [
        /\//g,
        () => "\\/"
      ],
      [
        // > A leading "**" followed by a slash means match in all directories.
        // > For example, "**/foo" matches file or directory "foo" anywhere,
        // > the same as pattern "foo".
        // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
        // >   under directory "foo".
        // Notice that the '*'s have been replaced as '\\*'
        /^\^*\\\*\\\*\\\//,
        // '**/foo' <-> 'foo'
        () => "^(?:.*\\/)?"
      ],
      // starting
      [
        // there will be no leading '/'
        //   (which has been replaced by section "leading slash")
        // If starts with '**', adding a '^' to the regular expression also works
        /^(?=[^^])/,
        function startingReplacer() {
          return !/\/(?!$)/.test(this) ? "(?:^|\\/)" : "^";
        }
      ],
      // two globstars
      [
        // Use lookahead assertions so that we could match more than one `'/**'`
        /\\\/\\\*\\\*(?=\\\/|$)/g,
        // Zero, one or several directories
        // should not use '*', or it will be replaced by the next replacer
        // Check if it is not the last `'/**'`
        (_, index, str) => index + 6 < str.length ? "(?:\\/[^\\/]+)*" : "\\/.+"
      ],
      // normal intermediate wildcards
      [
        // Never replace escaped '*'
        // ignore rule '\*' will match the path '*'
        // 'abc.*/' -> go
        // 'abc.*'  -> skip this rule,
        //    coz trailing single wildcard will be handed by [trailing wildcard]
        /(^|[^\\]+)(\\\*)+(?=.+)/g,
        // '*.js' matches '.js'
        // '*.js' doesn't match 'abc'
        (_, p1, p2) => {
          const unescaped = p2.replace(/\\\*/g, "[^\\/]*");
          return p1 + unescaped;
        }
      ],
      [
        // unescape, revert step 3 except for back slash
        // For example, if a user escape a '\\*',
        // after step 3, the result will be '\\\\\\*'
        /\\\\\\(?=[$.|*+(){^])/g,
        () => ESCAPE
      ],
      [
        // '\\\\' -> '\\'
        /\\\\/g,
        () => ESCAPE
      ],
      [
        // > The range notation, e.g. [a-zA-Z],
        // > can be used to match one of the characters in a range.
        // `\` is escaped by step 3
        /(\\)?\[([^\]/]*?)(\\*)($|\])/g,
        (match, leadEscape, range, endEscape, close) => leadEscape === ESCAPE ? `\\[${range}${cleanRangeBackSlash(endEscape)}${close}` : close === "]" ? endEscape.length % 2 === 0 ? `[${sanitizeRange(range)}${endEscape}]` : "[]" : "[]"
      ],
      // ending
      [
        // 'js' will not match 'js.'
        // 'ab' will not match 'abc'
        /(?:[^*])$/,
        // WTF!
        // https://git-scm.com/docs/gitignore
        // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
        // which re-fixes #24, #38
        // > If there is a separator at the end of the pattern then the pattern
        // > will only match directories, otherwise the pattern can match both
        // > files and directories.
        // 'js*' will not match 'a.js'
        // 'js/' will not match 'a.js'
        // 'js' will match 'a.js' and 'a.js/'
        (match) => /\/$/.test(match) ? `${match}$` : `${match}(?=$|\\/$)`
      ],
      // trailing wildcard
      [
        /(\^|\\\/)?\\\*$/,
        (_, p1) => {
          const prefix = p1 ? `${p1}[^/]+` : "[^/]*";
          return `${prefix}(?=$|\\/$)`;
        }
      ]
    ];
    var regexCache = /* @__PURE__ */ Object.create(null);
    var makeRegex = (pattern, ignoreCase) => {
      let source = regexCache[pattern];
      if (!source) {
        source = REPLACERS.reduce(
          (prev, [matcher, replacer]) => prev.replace(matcher, replacer.bind(pattern)),
          pattern
        );
        regexCache[pattern] = source;
      }
      return ignoreCase ? new RegExp(source, "i") : new RegExp(source);
    };
    var isString = (subject) => typeof subject === "string";
    var checkPattern = (pattern) => pattern && isString(pattern) && !REGEX_TEST_BLANK_LINE.test(pattern) && !REGEX_INVALID_TRAILING_BACKSLASH.test(pattern) && pattern.indexOf("#") !== 0;
    var splitPattern = (pattern) => pattern.split(REGEX_SPLITALL_CRLF);
    var IgnoreRule = class {
      constructor(origin, pattern, negative, regex) {
        this.origin = origin;
        this.pattern = pattern;
        this.negative = negative;
        this.regex = regex;
      }
    };
    var createRule = (pattern, ignoreCase) => {
      const origin = pattern;
      let negative = false;
      if (pattern.indexOf("!") === 0) {
        negative = true;
        pattern = pattern.substr(1);
      }
      pattern = pattern.replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, "!").replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, "#");
      const regex = makeRegex(pattern, ignoreCase);
      return new IgnoreRule(
        origin,
        pattern,
        negative,
        regex
      );
    };
    var throwError = (message, Ctor) => {
      throw new Ctor(message);
    };
    var checkPath = (path, originalPath, doThrow) => {
      if (!isString(path)) {
        return doThrow(
          `path must be a string, but got \`${originalPath}\``,
          TypeError
        );
      }
      if (!path) {
        return doThrow(`path must not be empty`, TypeError);
      }
      if (checkPath.isNotRelative(path)) {
        const r = "`path.relative()`d";
        return doThrow(
          `path should be a ${r} string, but got "${originalPath}"`,
          RangeError
        );
      }
      return true;
    };
    var isNotRelative = (path) => REGEX_TEST_INVALID_PATH.test(path);
    checkPath.isNotRelative = isNotRelative;
    checkPath.convert = (p) => p;
    var Ignore = class {
      constructor({
        ignorecase = true,
        ignoreCase = ignorecase,
        allowRelativePaths = false
      } = {}) {
        define(this, KEY_IGNORE, true);
        this._rules = [];
        this._ignoreCase = ignoreCase;
        this._allowRelativePaths = allowRelativePaths;
        this._initCache();
      }
      _initCache() {
        this._ignoreCache = /* @__PURE__ */ Object.create(null);
        this._testCache = /* @__PURE__ */ Object.create(null);
      }
      _addPattern(pattern) {
        if (pattern && pattern[KEY_IGNORE]) {
          this._rules = this._rules.concat(pattern._rules);
          this._added = true;
          return;
        }
        if (checkPattern(pattern)) {
          const rule = createRule(pattern, this._ignoreCase);
          this._added = true;
          this._rules.push(rule);
        }
      }
      // @param {Array<string> | string | Ignore} pattern
      add(pattern) {
        this._added = false;
        makeArray(
          isString(pattern) ? splitPattern(pattern) : pattern
        ).forEach(this._addPattern, this);
        if (this._added) {
          this._initCache();
        }
        return this;
      }
      // legacy
      addPattern(pattern) {
        return this.add(pattern);
      }
      //          |           ignored : unignored
      // negative |   0:0   |   0:1   |   1:0   |   1:1
      // -------- | ------- | ------- | ------- | --------
      //     0    |  TEST   |  TEST   |  SKIP   |    X
      //     1    |  TESTIF |  SKIP   |  TEST   |    X
      // - SKIP: always skip
      // - TEST: always test
      // - TESTIF: only test if checkUnignored
      // - X: that never happen
      // @param {boolean} whether should check if the path is unignored,
      //   setting `checkUnignored` to `false` could reduce additional
      //   path matching.
      // @returns {TestResult} true if a file is ignored
      _testOne(path, checkUnignored) {
        let ignored = false;
        let unignored = false;
        this._rules.forEach((rule) => {
          const { negative } = rule;
          if (unignored === negative && ignored !== unignored || negative && !ignored && !unignored && !checkUnignored) {
            return;
          }
          const matched = rule.regex.test(path);
          if (matched) {
            ignored = !negative;
            unignored = negative;
          }
        });
        return {
          ignored,
          unignored
        };
      }
      // @returns {TestResult}
      _test(originalPath, cache, checkUnignored, slices) {
        const path = originalPath && checkPath.convert(originalPath);
        checkPath(
          path,
          originalPath,
          this._allowRelativePaths ? RETURN_FALSE : throwError
        );
        return this._t(path, cache, checkUnignored, slices);
      }
      _t(path, cache, checkUnignored, slices) {
        if (path in cache) {
          return cache[path];
        }
        if (!slices) {
          slices = path.split(SLASH);
        }
        slices.pop();
        if (!slices.length) {
          return cache[path] = this._testOne(path, checkUnignored);
        }
        const parent = this._t(
          slices.join(SLASH) + SLASH,
          cache,
          checkUnignored,
          slices
        );
        return cache[path] = parent.ignored ? parent : this._testOne(path, checkUnignored);
      }
      ignores(path) {
        return this._test(path, this._ignoreCache, false).ignored;
      }
      createFilter() {
        return (path) => !this.ignores(path);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path) {
        return this._test(path, this._testCache, true);
      }
    };
    var factory = (options) => new Ignore(options);
    var isPathValid = (path) => checkPath(path && checkPath.convert(path), path, RETURN_FALSE);
    factory.isPathValid = isPathValid;
    factory.default = factory;
    module.exports = factory;
    if (
      // Detect `process` so that it can run in browsers.
      typeof process !== "undefined" && (process.env && process.env.IGNORE_TEST_WIN32 || process.platform === "win32")
    ) {
      const makePosix = (str) => /^\\\\\?\\/.test(str) || /["<>|\u0000-\u001F]+/u.test(str) ? str : str.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      const REGIX_IS_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path) => REGIX_IS_WINDOWS_PATH_ABSOLUTE.test(path) || isNotRelative(path);
    }
  }
});

// packages/scanner/dist/scan.js
import { statSync as statSync2 } from "node:fs";
import { resolve } from "node:path";

// packages/scanner/dist/classify/index.js
var UNKNOWN = { exposure: "unknown", reason: "no client or server marker" };
function markerExposure(file, marker) {
  if (!marker)
    return UNKNOWN;
  return { exposure: marker.side, reason: marker.reason, ...marker.side === "client" ? { chain: [`${file} (${marker.id})`] } : {} };
}
async function loadProgramAnalysis(options) {
  const { analyseProgram } = await import("./graph-7YBYJCRI.js");
  return analyseProgram(options.root, {
    files: options.files.filter((file) => file.role !== "build").map((file) => file.path),
    ...options.config.clientEntries ? { clientEntries: options.config.clientEntries } : {},
    ...options.config.publicEnvPrefixes ? { publicEnvPrefixes: options.config.publicEnvPrefixes } : {}
  });
}
async function classify(analyses, options) {
  const withHits = analyses.filter((analysis) => analysis.hits.length > 0);
  const problems = [];
  if (withHits.length === 0)
    return { candidates: [], problems };
  const useGraph = options.programAnalysis ?? options.config.programAnalysis ?? true;
  let program;
  if (useGraph) {
    try {
      program = await loadProgramAnalysis(options);
      problems.push(...program.problems.map(({ file, reason }) => ({ file, message: `program analysis: ${reason}` })));
    } catch (error) {
      problems.push({ file: ".", message: `program analysis failed (${error.message}); exposure comes from file markers alone` });
    }
  }
  const candidates = [];
  for (const analysis of withHits) {
    for (const hit of analysis.hits) {
      const candidate = classifyHit(hit, analysis, options, program);
      if (candidate)
        candidates.push(candidate);
    }
  }
  return { candidates, problems };
}
function classifyHit(hit, analysis, options, program) {
  const { file } = analysis;
  if (file.role === "env")
    return classifyEnvHit(hit, file, options, program);
  if (file.role === "build") {
    const mappedSources = hit.origin ? [hit.origin.file, ...hit.mappedSources ?? []] : hit.mappedSources ?? [];
    let exposure2 = program?.buildExposure(file.path, mappedSources) ?? UNKNOWN;
    if (exposure2.exposure === "unknown" && file.buildDir && file.buildDir.exposure !== "unknown") {
      exposure2 = { exposure: file.buildDir.exposure, reason: file.buildDir.reason, ...file.buildDir.exposure === "client" ? { chain: [`${file.path} (${file.buildDir.reason})`] } : {} };
    }
    return buildFinding(hit, {
      file: file.path,
      ruleId: RULES.bundleKey.id,
      ...exposureContext(exposure2),
      ...hit.origin ? { origin: hit.origin } : {}
    });
  }
  const definition = program?.importersOfDefinition(file.path, hit.line);
  const exposure = definition?.exposure ?? program?.exposureOf(file.path) ?? markerExposure(file.path, analysis.marker);
  return buildFinding(hit, {
    file: file.path,
    ruleId: RULES.sourceKey.id,
    ...exposureContext(exposure),
    ...definition?.readers.length ? { readers: definition.readers } : {}
  });
}
function exposureContext(exposure) {
  if (exposure.exposure === "client" && !exposure.chain?.length)
    return { exposure: "unknown", reason: exposure.reason };
  return { exposure: exposure.exposure, reason: exposure.reason, ...exposure.chain ? { chain: exposure.chain } : {} };
}
function classifyEnvHit(hit, file, options, program) {
  const variable = hit.envVariable;
  const prefix = variable !== void 0 ? publicEnvPrefix(variable, options.config.publicEnvPrefixes ?? []) : void 0;
  if (variable !== void 0 && prefix) {
    const readers2 = program?.envReaders(variable);
    return buildFinding(hit, {
      file: file.path,
      ruleId: RULES.publicEnvKey.id,
      exposure: "client",
      reason: prefix.reason,
      chain: readers2?.exposure.chain?.length ? readers2.exposure.chain : [`${file.path}: ${variable} (${prefix.reason})`],
      envVariable: variable,
      ...readers2?.readers.length ? { readers: readers2.readers } : {}
    });
  }
  if (file.gitignored)
    return void 0;
  const readers = variable !== void 0 ? program?.envReaders(variable) : void 0;
  const exposure = readers?.exposure ?? { exposure: "server", reason: "a server-only variable" };
  return buildFinding(hit, {
    file: file.path,
    ruleId: RULES.envFileKey.id,
    ...exposureContext(exposure),
    ...variable !== void 0 ? { envVariable: variable } : {},
    ...readers?.readers.length ? { readers: readers.readers } : {}
  });
}

// packages/scanner/dist/discover/index.js
var import_ignore = __toESM(require_ignore(), 1);
var import_picomatch = __toESM(require_picomatch(), 1);
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

// packages/scanner/dist/discover/build-dirs.js
var DEFAULT_BUILD_DIRS = [
  { path: "dist", exposure: "unknown", reason: "build output" },
  { path: "build", exposure: "unknown", reason: "build output" },
  { path: "out", exposure: "unknown", reason: "build output" },
  { path: ".next/static", exposure: "client", reason: "Next.js serves .next/static to every browser" },
  { path: ".next/server", exposure: "server", reason: "Next.js runs .next/server on the server only" },
  { path: ".output/public", exposure: "client", reason: "Nuxt/Nitro serves .output/public to every browser" },
  { path: ".svelte-kit/output/client", exposure: "client", reason: "SvelteKit serves its client output to every browser" },
  { path: "storybook-static", exposure: "client", reason: "a static Storybook is served to browsers" }
];
var BuildDirMatcher = class {
  dirs;
  constructor(extra = []) {
    const all = [...DEFAULT_BUILD_DIRS, ...extra.map((path) => ({ path, exposure: "unknown", reason: "build output (config buildDirs)" }))];
    this.dirs = all.map((dir) => ({ segments: dir.path.split("/").filter(Boolean), dir }));
  }
  /** The build dir that `dirPath` (relative, POSIX) is, if any. */
  match(dirPath) {
    const segments = dirPath.split("/");
    for (const { segments: tail, dir } of this.dirs) {
      if (tail.length <= segments.length && tail.every((segment, i) => segments[segments.length - tail.length + i] === segment))
        return dir;
    }
    return void 0;
  }
  /** True when `dirPath` ends with a proper prefix of a multi-segment build dir (`.next` for `.next/static`). */
  leadsTo(dirPath) {
    const segments = dirPath.split("/");
    return this.dirs.some(({ segments: tail }) => {
      for (let length = 1; length < tail.length; length++) {
        if (length > segments.length)
          break;
        const prefix = tail.slice(0, length);
        if (prefix.every((segment, i) => segments[segments.length - length + i] === segment))
          return true;
      }
      return false;
    });
  }
};

// packages/scanner/dist/discover/index.js
var ALWAYS_SKIPPED_DIRS = /* @__PURE__ */ new Set(["node_modules", ".git"]);
function isGitignored(levels, path, isDir) {
  let ignored = false;
  for (const { base, rules } of levels) {
    const local = base === "" ? path : path.slice(base.length + 1);
    const verdict = rules.test(isDir ? `${local}/` : local);
    if (verdict.ignored)
      ignored = true;
    else if (verdict.unignored)
      ignored = false;
  }
  return ignored;
}
function readIgnoreFile(state, dirPath, absoluteDir) {
  try {
    const text = readFileSync(join(absoluteDir, ".gitignore"), "utf8");
    return { base: dirPath, rules: import_ignore.default.default().add(text) };
  } catch (error) {
    const code = error.code;
    if (code !== "ENOENT" && code !== "ENOTDIR") {
      state.result.skipped.push({ file: dirPath ? `${dirPath}/.gitignore` : ".gitignore", reason: `unreadable .gitignore (${code}): its rules were not applied` });
    }
    return void 0;
  }
}
function isInside(parent, child) {
  const path = relative(parent, child);
  return path === "" || !path.startsWith("..") && !path.startsWith(sep) && !/^[A-Za-z]:/.test(path);
}
function checkSymlink(state, path, absolutePath, ancestors) {
  let target;
  try {
    target = realpathSync(absolutePath);
  } catch (error) {
    const code = error.code;
    const reason = code === "ELOOP" ? "symlink loop (not followed)" : `broken symlink (${code ?? "unresolvable"})`;
    state.result.skipped.push({ file: path, reason });
    return;
  }
  if (ancestors.has(target))
    state.result.skipped.push({ file: path, reason: "symlink loop: it points at a folder that contains it (not followed)" });
  else if (!isInside(state.realRoot, target))
    state.result.skipped.push({ file: path, reason: "symlink to a path outside the scanned directory (not followed)" });
}
function walk(state, dirPath, absoluteDir, inBuild, dirIgnored, ancestors) {
  let entries;
  try {
    entries = readdirSync(absoluteDir, { withFileTypes: true });
  } catch (error) {
    const code = error.code ?? "error";
    state.result.skipped.push({ file: dirPath || ".", reason: `unreadable folder (${code})` });
    return;
  }
  const level = dirIgnored ? void 0 : readIgnoreFile(state, dirPath, absoluteDir);
  if (level)
    state.levels.push(level);
  entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  for (const entry of entries) {
    const path = dirPath ? `${dirPath}/${entry.name}` : entry.name;
    const absolutePath = join(absoluteDir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      checkSymlink(state, path, absolutePath, ancestors);
      continue;
    }
    if (!isDirectory && !isFile) {
      try {
        const stats = statSync(absolutePath);
        isDirectory = stats.isDirectory();
        isFile = stats.isFile();
      } catch {
        continue;
      }
    }
    if (isDirectory) {
      if (ALWAYS_SKIPPED_DIRS.has(entry.name) || state.isExcluded(path))
        continue;
      const build = inBuild ?? state.builds.match(path);
      const ignored = dirIgnored || isGitignored(state.levels, path, true);
      if (ignored && !build && !state.builds.leadsTo(path))
        continue;
      let real = absolutePath;
      try {
        real = realpathSync(absolutePath);
      } catch {
      }
      ancestors.add(real);
      walk(state, path, absolutePath, build, ignored, ancestors);
      ancestors.delete(real);
    } else if (isFile) {
      if (state.isExcluded(path) || !state.isIncluded(path))
        continue;
      const env = isEnvFile(path);
      const ignored = dirIgnored || isGitignored(state.levels, path, false);
      if (inBuild)
        state.result.files.push({ path, absolutePath, role: "build", gitignored: ignored, buildDir: inBuild });
      else if (env)
        state.result.files.push({ path, absolutePath, role: "env", gitignored: ignored });
      else if (!ignored)
        state.result.files.push({ path, absolutePath, role: "source", gitignored: false });
    }
  }
  if (level)
    state.levels.pop();
}
function discoverFiles(root, options = {}) {
  const realRoot = realpathSync(root);
  const include = options.include?.length ? (0, import_picomatch.default)([...options.include], { dot: true }) : () => true;
  const exclude = options.exclude?.length ? (0, import_picomatch.default)([...options.exclude], { dot: true }) : () => false;
  const state = {
    root,
    realRoot,
    levels: [],
    builds: new BuildDirMatcher(options.buildDirs),
    isIncluded: include,
    isExcluded: (path) => exclude(path) || exclude(`${path}/`),
    result: { files: [], skipped: [] }
  };
  walk(state, "", root, void 0, false, /* @__PURE__ */ new Set([realRoot]));
  if (options.trackedIgnored?.length)
    addTrackedIgnored(state, options.trackedIgnored);
  return state.result;
}
function buildDirOf(builds, path) {
  const segments = path.split("/").slice(0, -1);
  for (let length = 1; length <= segments.length; length++) {
    const dir = builds.match(segments.slice(0, length).join("/"));
    if (dir)
      return dir;
  }
  return void 0;
}
function addTrackedIgnored(state, tracked) {
  const found = new Map(state.result.files.map((file) => [file.path, file]));
  for (const path of tracked) {
    const known = found.get(path);
    if (known) {
      known.gitignored = false;
      continue;
    }
    if (path.split("/").some((segment) => ALWAYS_SKIPPED_DIRS.has(segment)) || state.isExcluded(path) || !state.isIncluded(path))
      continue;
    const absolutePath = join(state.root, ...path.split("/"));
    try {
      if (!lstatSync(absolutePath).isFile())
        continue;
    } catch {
      continue;
    }
    const buildDir = buildDirOf(state.builds, path);
    const role = buildDir ? "build" : isEnvFile(path) ? "env" : "source";
    state.result.files.push({ path, absolutePath, role, gitignored: false, ...buildDir ? { buildDir } : {} });
  }
}

// packages/scanner/dist/discover/tracked.js
async function trackedIgnoredFiles(root) {
  let output;
  try {
    output = await tryGit(root, ["ls-files", "-z", "--cached", "--ignored", "--exclude-standard"]);
  } catch {
    return [];
  }
  return output === void 0 ? [] : output.toString("utf8").split("\0").filter(Boolean);
}

// packages/scanner/dist/scan.js
function assertDirectory(root) {
  let stats;
  try {
    stats = statSync2(root);
  } catch (error) {
    throw new UsageError(`cannot scan ${root}: ${error.code ?? error.message}`);
  }
  if (!stats.isDirectory())
    throw new UsageError(`cannot scan ${root}: not a directory`);
}
var byPosition = (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;
async function scanDirectory(dir, options = {}) {
  const started = performance.now();
  const root = resolve(dir);
  assertDirectory(root);
  const trackedIgnored = trackedIgnoredFiles(root);
  const config = options.config ?? await loadConfig(root, options.configFile);
  const baseline = options.baselineFile !== void 0 ? readBaseline(options.baselineFile) : void 0;
  const discovery = discoverFiles(root, {
    trackedIgnored: await trackedIgnored,
    ...config.include ? { include: config.include } : {},
    ...config.exclude ? { exclude: config.exclude } : {},
    ...config.buildDirs ? { buildDirs: config.buildDirs } : {}
  });
  const { analyses: analysed, problems: analysisProblems } = await analyseFiles(discovery.files, { root }, {
    ...options.threads !== void 0 ? { threads: options.threads } : {},
    ...options.onProgress ? { onProgress: options.onProgress } : {}
  });
  const analyses = [];
  const skipped = [...discovery.skipped];
  const warnings = [...analysisProblems];
  let bytesScanned = 0;
  let filesScanned = 0;
  for (const analysis of analysed) {
    if (analysis.skipped)
      skipped.push(analysis.skipped);
    else {
      filesScanned++;
      bytesScanned += analysis.bytes;
    }
    warnings.push(...analysis.warnings);
    if (analysis.hits.length > 0)
      analyses.push(analysis);
  }
  if (options.onSecret) {
    const keys = new Set(analyses.flatMap((analysis) => analysis.hits.map((hit) => hit.key)));
    for (const key of keys)
      options.onSecret(key);
  }
  const { candidates, problems } = await classify(analyses, {
    root,
    config,
    files: discovery.files,
    ...options.programAnalysis !== void 0 ? { programAnalysis: options.programAnalysis } : {}
  });
  warnings.push(...problems);
  const { findings, suppressed, baselined } = applySuppressions(candidates, {
    ...config.allowlist ? { allowlist: config.allowlist } : {},
    ...baseline ? { baseline } : {}
  });
  findings.sort(byPosition);
  return {
    version: 1,
    findings,
    stats: {
      filesScanned,
      bytesScanned,
      durationMs: Math.round(performance.now() - started),
      skipped,
      suppressed,
      baselined,
      warnings
    }
  };
}

export {
  scanDirectory
};
