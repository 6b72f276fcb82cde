// TOML configs (redwood.toml) read as the JSON data they hold, so that one reader
// (config-injection.ts) reads every config, and lines named in messages are the TOML file's own.
import { parse } from 'smol-toml';
import type { Ts, TypeScript } from './typescript.js';

export interface TomlConfig {
  tree: TypeScript.JsonSourceFile;
  /** The TOML file's 1-based line that holds a node of the JSON tree: a string where it is first written, else 1. */
  lineOf(node: TypeScript.Node): number;
}

/** Throws a TOML syntax error (smol-toml's, with its line and column) for text that is not TOML. */
export function readTomlConfig(ts: Ts, file: string, text: string): TomlConfig {
  const data = parse(text);
  const tree = ts.parseJsonText(file, JSON.stringify(data, null, 2));
  const lineOf = (node: TypeScript.Node): number => {
    const literal = ts.isStringLiteral(node) ? node : ts.isPropertyAssignment(node) && ts.isStringLiteral(node.initializer) ? node.initializer : undefined;
    const at = literal ? Math.max(text.indexOf(JSON.stringify(literal.text)), text.indexOf(`'${literal.text}'`)) : -1;
    return at === -1 ? 1 : text.slice(0, at).split('\n').length;
  };
  return { tree, lineOf };
}
