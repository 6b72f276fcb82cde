// TOML configs (redwood.toml) read as the JSON data they hold, so that one reader
// (config-injection.ts) reads every config, and lines named in messages are the TOML file's own.
import { parse, TomlError } from 'smol-toml';
import type { Ts, TypeScript } from './typescript.js';

export interface TomlConfig {
  tree: TypeScript.JsonSourceFile;
  /** The TOML file's 1-based line that holds a node of the JSON tree: a string where it is first written, else 1. */
  lineOf(node: TypeScript.Node): number;
}

/** A TOML syntax error: its reason and place, without the lines smol-toml quotes around it (they may hold a key). */
export class TomlSyntaxError extends Error {
  constructor(error: TomlError) {
    const reason = error.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? 'not TOML';
    super(`${reason}, at line ${error.line}, column ${error.column}`);
  }
}

/** Throws a TomlSyntaxError for text that is not TOML. */
export function readTomlConfig(ts: Ts, file: string, text: string): TomlConfig {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw error instanceof TomlError ? new TomlSyntaxError(error) : error;
  }
  const tree = ts.parseJsonText(file, JSON.stringify(data, null, 2));
  const lineOf = (node: TypeScript.Node): number => {
    const literal = ts.isStringLiteral(node) ? node : ts.isPropertyAssignment(node) && ts.isStringLiteral(node.initializer) ? node.initializer : undefined;
    const at = literal ? Math.max(text.indexOf(JSON.stringify(literal.text)), text.indexOf(`'${literal.text}'`)) : -1;
    return at === -1 ? 1 : text.slice(0, at).split('\n').length;
  };
  return { tree, lineOf };
}
