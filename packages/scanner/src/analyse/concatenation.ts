/**
 * Keys assembled from constants in JS/TS source: `"eng_" + "live_" + body`, `PREFIX + BODY`,
 * `` `eng_live_${BODY}` `` and its ES5 form `"eng_live_".concat(BODY)` (TypeScript and Babel), where
 * every part is a string literal or a constant defined earlier in the same file. A light, linear
 * tokenizer: no parser, no type checker, nothing it cannot resolve.
 */
import { matchKeys, placeholderReason, type KeyKind } from '@engium/core';

export interface AssembledKey {
  key: string;
  kind: KeyKind;
  /** UTF-16 offset where the expression that assembles the key starts. */
  index: number;
  /** Length of that expression. */
  length: number;
}

type Token =
  | { type: 'string'; value: string; start: number; end: number }
  | { type: 'template'; value: string | undefined; substitutions: number; constantParts: string[]; start: number; end: number }
  | { type: 'identifier'; name: string; start: number; end: number }
  | { type: 'plus'; start: number; end: number }
  | { type: 'other'; text: string; start: number; end: number };

const IDENTIFIER_START = /[A-Za-z_$]/;
const IDENTIFIER_PART = /[\w$]/;
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' };

/** Reads a quoted literal from `start` (the quote); returns its value and end, or undefined at a line break. */
function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  const quote = text[start];
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === quote) return { value, end: i + 1 };
    if (char === '\n') return undefined;
    if (char !== '\\') {
      value += char;
      continue;
    }
    const next = text[i + 1] ?? '';
    const hex = next === 'x' ? /^[0-9A-Fa-f]{2}/.exec(text.slice(i + 2, i + 4)) : next === 'u' ? /^[0-9A-Fa-f]{4}/.exec(text.slice(i + 2, i + 6)) : null;
    if (hex) {
      value += String.fromCharCode(Number.parseInt(hex[0], 16));
      i += 1 + hex[0].length;
    } else {
      value += SIMPLE_ESCAPES[next] ?? (next === '\n' ? '' : next);
      i++;
    }
  }
  return undefined;
}

/** Reads a template literal; its value is known when every `${…}` holds a known constant or a quoted string. */
function readTemplate(
  text: string,
  start: number,
  constants: ReadonlyMap<string, string>,
): { value: string | undefined; substitutions: number; constantParts: string[]; end: number } {
  let value: string | undefined = '';
  let substitutions = 0;
  const constantParts: string[] = [];
  let i = start + 1;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (char === '`') return { value, substitutions, constantParts, end: i + 1 };
    if (char === '\\') {
      if (value !== undefined) value += SIMPLE_ESCAPES[text[i + 1] ?? ''] ?? text[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (char === '$' && text[i + 1] === '{') {
      let depth = 1;
      let j = i + 2;
      while (j < text.length && depth > 0) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}') depth--;
        j++;
      }
      const expression = text.slice(i + 2, j - 1).trim();
      substitutions++;
      const quoted = /^(['"]).*\1$/.test(expression) ? readQuoted(expression, 0)?.value : undefined;
      const constant = constants.get(expression);
      if (constant !== undefined) constantParts.push(constant);
      const resolved = quoted ?? constant;
      value = value !== undefined && resolved !== undefined ? value + resolved : undefined;
      i = j;
      continue;
    }
    if (value !== undefined) value += char;
    i++;
  }
  return { value: undefined, substitutions, constantParts, end: text.length };
}

/** Whether a `/` after this token starts a regex literal rather than a division. */
function regexAllowedAfter(token: Token | undefined): boolean {
  if (token === undefined) return true;
  if (token.type === 'identifier') return ['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'void', 'yield', 'await'].includes(token.name);
  if (token.type === 'other') return !/^[)\]}0-9.]/.test(token.text) && !/[0-9]$/.test(token.text);
  return token.type === 'plus';
}

function skipRegex(text: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '\n') return i;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '/' && !inClass) return i + 1;
  }
  return text.length;
}

const MAX_TOKENS = 4096;
const KEPT_TOKENS = 256;

function skipSpaces(text: string, at: number): number {
  let i = at;
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  return i;
}

/** True when a binary `+` starts at `at`. */
function isPlusAt(text: string, at: number): boolean {
  return text[at] === '+' && text[at + 1] !== '+' && text[at + 1] !== '=';
}

/** How templates compile to ES5: `` `a${b}c` `` becomes `"a".concat(b, "c")`. */
const CONCAT_CALL = '.concat(';

/** Keys in `text` that only exist once constants are joined. Keys written out whole are left to the plain matcher. */
export function findAssembledKeys(text: string): AssembledKey[] {
  const constants = new Map<string, string>();
  const found: AssembledKey[] = [];
  const tokens: Token[] = [];
  let i = 0;

  // A key already whole in one constant is reported where that constant is assembled, not at each use.
  const report = (value: string, start: number, end: number, constantParts: readonly string[]): void => {
    for (const match of matchKeys(value)) {
      if (placeholderReason(match.key) !== undefined || text.includes(match.key)) continue;
      if (constantParts.some((part) => part.includes(match.key))) continue;
      if (!found.some((existing) => existing.index === start && existing.key === match.key)) {
        found.push({ key: match.key, kind: match.kind, index: start, length: end - start });
      }
    }
  };

  /** Evaluates `operand (+ operand)*` ending at the last token; reports it when it joins two or more parts. */
  const evaluateTail = (): void => {
    let value = '';
    let parts = 0;
    let templated = false;
    const constantParts: string[] = [];
    let index = tokens.length - 1;
    let start = 0;
    for (;;) {
      const token = tokens[index];
      let part: string | undefined;
      if (token?.type === 'string') part = token.value;
      else if (token?.type === 'template') {
        part = token.value;
        templated ||= token.substitutions > 0;
        constantParts.push(...token.constantParts);
      } else if (token?.type === 'identifier') {
        part = constants.get(token.name);
        if (part !== undefined) constantParts.push(part);
      }
      if (token === undefined || part === undefined) {
        // `x.length + "eng_" + …`: what is unknown comes first, and the known parts after it still join.
        if (parts === 0) return;
        break;
      }
      value = part + value;
      parts++;
      start = token.start;
      if (tokens[index - 1]?.type !== 'plus') break;
      index -= 2;
    }
    const last = tokens[tokens.length - 1];
    if (last && (parts >= 2 || templated)) report(value, start, last.end, constantParts);
  };

  /** After `const NAME = …;`-like tokens: records NAME when the value is known. */
  const recordConstant = (): void => {
    // Find `NAME =` before the operand chain that just ended.
    let index = tokens.length - 1;
    let value = '';
    for (;;) {
      const token = tokens[index];
      const part =
        token?.type === 'string' ? token.value : token?.type === 'template' ? token.value : token?.type === 'identifier' ? constants.get(token.name) : undefined;
      if (part === undefined) return;
      value = part + value;
      if (tokens[index - 1]?.type !== 'plus') break;
      index -= 2;
    }
    const equals = tokens[index - 1];
    const name = tokens[index - 2];
    const keyword = tokens[index - 3];
    const declares =
      (keyword?.type === 'identifier' && ['const', 'let', 'var'].includes(keyword.name)) || (keyword?.type === 'other' && keyword.text === ','); // `var a="…",b=a+"…"` in minified code
    if (equals?.type === 'other' && equals.text === '=' && name?.type === 'identifier' && declares) {
      constants.set(name.name, value);
    }
  };

  const operandEnded = (): void => {
    evaluateTail();
    recordConstant();
  };

  /** `.concat(` calls open on the operand chain being read: its commas and `).concat(` join parts as `+` does. */
  let openConcats = 0;
  const join = (start: number, end: number): void => {
    tokens.push({ type: 'plus', start, end });
    i = end;
  };
  /** After an operand, at `i`: the chain goes on (`+`, `.concat(`, an argument), or it ends and is evaluated. */
  const afterOperand = (): void => {
    let at = skipSpaces(text, i);
    if (isPlusAt(text, at)) return; // the loop reads the `+`
    if (text.startsWith(CONCAT_CALL, at)) {
      openConcats++;
      return join(at, at + CONCAT_CALL.length);
    }
    if (openConcats > 0 && text[at] === ',') return join(at, at + 1);
    while (openConcats > 0 && text[at] === ')') {
      const next = skipSpaces(text, at + 1);
      if (text.startsWith(CONCAT_CALL, next)) return join(at, next + CONCAT_CALL.length);
      openConcats--;
      at = next;
      i = at;
      if (isPlusAt(text, at)) return;
    }
    openConcats = 0;
    operandEnded();
  };
  /** Anything but an operand or a joint ends the chain. */
  const chainBroken = (): void => {
    openConcats = 0;
  };

  while (i < text.length) {
    // Only the last tokens matter (an operand chain and the declaration before it): keep memory flat.
    if (tokens.length > MAX_TOKENS) tokens.splice(0, tokens.length - KEPT_TOKENS);
    const char = text[i] ?? '';
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      i++;
      continue;
    }
    if (char === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
      continue;
    }
    if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      continue;
    }
    if (char === '"' || char === "'") {
      const literal = readQuoted(text, i);
      if (!literal) {
        i++;
        continue;
      }
      tokens.push({ type: 'string', value: literal.value, start: i, end: literal.end });
      i = literal.end;
      afterOperand();
      continue;
    }
    if (char === '`') {
      const template = readTemplate(text, i, constants);
      tokens.push({ type: 'template', value: template.value, substitutions: template.substitutions, constantParts: template.constantParts, start: i, end: template.end });
      i = template.end;
      afterOperand();
      continue;
    }
    if (IDENTIFIER_START.test(char)) {
      let end = i + 1;
      while (end < text.length && IDENTIFIER_PART.test(text[end] ?? '')) end++;
      const name = text.slice(i, end);
      tokens.push({ type: 'identifier', name, start: i, end });
      i = end;
      if (constants.has(name)) afterOperand();
      else chainBroken();
      continue;
    }
    if (char === '+' && text[i + 1] !== '+' && text[i + 1] !== '=') {
      tokens.push({ type: 'plus', start: i, end: i + 1 });
      i++;
      continue;
    }
    chainBroken();
    if (char === '/' && regexAllowedAfter(tokens[tokens.length - 1])) {
      const end = skipRegex(text, i);
      tokens.push({ type: 'other', text: '/regex/', start: i, end });
      i = end;
      continue;
    }
    tokens.push({ type: 'other', text: char, start: i, end: i + 1 });
    i++;
  }
  return found;
}
