/**
 * Modules held in `eval("…")` strings: webpack's and Rspack's `eval` devtools (the default of their
 * development mode, and what `next dev` writes) wrap each module's code in a string that ends with
 * `//# sourceURL=webpack://…`, and for `eval-source-map` and its cheap forms with an inline map of
 * that module alone. The bundle has no map of its own: a key in such a string is mapped through
 * its module's map, and the copy of the key that the module map's base64 `sourcesContent` holds
 * is the same leak, dropped when the module's code holds the key too.
 */
/** A JSON string literal passed to `eval(`: its bytes from the opening quote to the closing one. */
export interface EvalModule {
  /** Offset of the opening quote. */
  start: number;
  /** Offset just past the closing quote. */
  end: number;
}

const EVAL = Buffer.from('eval(');
/**
 * How a devtool opens each string: `eval("`, or with webpack's `output.trustedTypes` (set by
 * Next.js) `eval(__webpack_require__.ts("`, each ending at the string's opening quote.
 */
const EVAL_CALLS = [Buffer.from('eval("'), Buffer.from('eval(__webpack_require__.ts("')];
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/**
 * Whether a key at one of `offsets` may be inside an `eval("…")` string: the nearest unescaped `"`
 * before it, on its line (the devtools write each string on one line, its quotes escaped), opens
 * such a call. Each byte before the last key is read back at most once, and none after it: a
 * bundle's other bytes are never searched for eval calls.
 */
export function mayHoldEvalModuleKeys(bytes: Buffer, offsets: readonly number[]): boolean {
  let floor = 0;
  for (const offset of [...offsets].sort((a, b) => a - b)) {
    // With no quote since the previous key, this key is in the same string, which was not an eval's.
    if (openingQuoteIsEval(bytes, floor, offset)) return true;
    floor = offset;
  }
  return false;
}

/** Whether the last unescaped `"` in [floor, offset) opens `eval("` with no line break up to `offset`. */
function openingQuoteIsEval(bytes: Buffer, floor: number, offset: number): boolean {
  const window = bytes.subarray(floor, offset);
  for (let quote = window.lastIndexOf(QUOTE); quote !== -1; quote = quote === 0 ? -1 : window.lastIndexOf(QUOTE, quote - 1)) {
    const at = floor + quote;
    let backslashes = 0;
    while (bytes[at - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 1) continue;
    return EVAL_CALLS.some((call) => at + 1 >= call.length && bytes.subarray(at + 1 - call.length, at + 1).equals(call)) && !bytes.subarray(at, offset).includes(NEWLINE);
  }
  return false;
}

/** The `eval("…")` strings of a bundle, in order (one pass over their bytes). */
export function evalModules(bytes: Buffer): EvalModule[] {
  const modules: EvalModule[] = [];
  for (let call = bytes.indexOf(EVAL); call !== -1; ) {
    const opener = EVAL_CALLS.find((candidate) => bytes.subarray(call, call + candidate.length).equals(candidate));
    if (!opener) {
      call = bytes.indexOf(EVAL, call + EVAL.length);
      continue;
    }
    const start = call + opener.length - 1;
    let at = start + 1;
    while (at < bytes.length && bytes[at] !== QUOTE) at += bytes[at] === BACKSLASH ? 2 : 1;
    if (at >= bytes.length) break;
    modules.push({ start, end: at + 1 });
    call = bytes.indexOf(EVAL, at + 1);
  }
  return modules;
}

/** The module whose string holds byte `offset`. */
export function moduleAt(modules: readonly EvalModule[], offset: number): EvalModule | undefined {
  let low = 0;
  let high = modules.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const module = modules[middle] as EvalModule;
    if (offset < module.start) high = middle - 1;
    else if (offset >= module.end) low = middle + 1;
    else return module;
  }
  return undefined;
}

/** The module's code: what `eval` runs. Undefined when the string is not JSON (then it is left alone). */
export function moduleCode(bytes: Buffer, module: EvalModule): string | undefined {
  try {
    return JSON.parse(bytes.toString('utf8', module.start, module.end)) as string;
  } catch {
    return undefined;
  }
}

/**
 * The 1-based line and column in the module's code of byte `offset` of the bundle (inside the
 * module's string, at the start of a key, never inside an escape).
 */
export function positionInModule(bytes: Buffer, module: EvalModule, offset: number): { line: number; column: number } | undefined {
  let before: string;
  try {
    before = JSON.parse(`${bytes.toString('utf8', module.start, offset)}"`) as string;
  } catch {
    return undefined;
  }
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let at = before.indexOf('\n'); at !== -1; at = before.indexOf('\n', at + 1)) line++;
  return { line, column: before.length - lineStart + 1 };
}

/** The webpack `sourceURL` a module names itself by (`webpack://app/./src/api.js?`), if any. */
export function moduleSourceUrl(code: string): string | undefined {
  const match = /\/\/# sourceURL=(webpack:\/\/[^\s]+)\s*$/m.exec(code);
  return match?.[1];
}

/** The comment webpack puts before each module it concatenates into one (`;// ./src/api.js`). */
const CONCATENATED_MODULE = /^;\/\/ (?:CONCATENATED MODULE: )?(\.{1,2}\/[^\n]+)$/gm;

/**
 * The module a 1-based line of an eval module's code belongs to, as a webpack URL of the project:
 * the concatenated module it falls in, else the module the string names itself by.
 */
export function moduleUrlAt(code: string, line: number): string | undefined {
  let lineStart = 0;
  for (let current = 1; current < line && lineStart !== -1; current++) lineStart = code.indexOf('\n', lineStart) + 1 || -1;
  let inner: string | undefined;
  CONCATENATED_MODULE.lastIndex = 0;
  for (let match = CONCATENATED_MODULE.exec(code); match && match.index <= lineStart; match = CONCATENATED_MODULE.exec(code)) inner = match[1];
  if (inner !== undefined) return `webpack:///${inner}`;
  // A concatenation is named after its root module: `./src/index.js_+_2_modules`.
  return moduleSourceUrl(code)?.replace(/_\+_\d+_modules(?=\?|$)/, '');
}

/** Byte offsets of 1-based lines and columns (UTF-16 units) of UTF-8 `bytes`, for positions sorted or not. */
export function byteOffsets(bytes: Buffer, positions: readonly { line: number; column: number }[]): number[] {
  const lines = [...new Set(positions.map(({ line }) => line))].sort((a, b) => a - b);
  const lineStart = new Map<number, number>();
  let line = 1;
  let start = 0;
  for (const wanted of lines) {
    while (line < wanted) {
      const newline = bytes.indexOf(0x0a, start);
      if (newline === -1) break;
      start = newline + 1;
      line++;
    }
    lineStart.set(wanted, start);
  }
  return positions.map((position) => {
    let at = lineStart.get(position.line) ?? 0;
    for (let units = position.column - 1; units > 0 && at < bytes.length; ) {
      const byte = bytes[at] ?? 0;
      const length = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      units -= length === 4 ? 2 : 1;
      at += length;
    }
    return at;
  });
}
