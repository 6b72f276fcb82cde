// Syntax trees for the few modules a query needs (a key's definition, its importers, env readers),
// parsed on demand and kept for the rest of the analysis.
import { keyPattern, redact } from '@engium/core';
import { readModule, scriptKindOf } from './source-files.js';
import type { RootPaths } from './paths.js';
import type { Ts, TypeScript } from './typescript.js';

export class SyntaxTrees {
  private readonly trees = new Map<string, TypeScript.SourceFile | undefined>();
  /** Modules the parser itself failed on (nesting deeper than its stack): unknown, never fatal. */
  private readonly failures = new Map<string, string>();

  constructor(
    private readonly ts: Ts,
    private readonly paths: RootPaths,
  ) {}

  of(file: string): TypeScript.SourceFile | undefined {
    if (this.trees.has(file)) return this.trees.get(file);
    const read = readModule(this.ts, this.paths, file);
    let tree: TypeScript.SourceFile | undefined;
    try {
      tree = read.ok ? this.ts.createSourceFile(file, read.source.text, this.ts.ScriptTarget.Latest, true, scriptKindOf(this.ts, file)) : undefined;
    } catch (error) {
      this.failures.set(file, `line 1: the parser gave up (${error instanceof RangeError ? 'nesting too deep' : String(error)})`);
    }
    this.trees.set(file, tree);
    return tree;
  }

  /** The first syntax error in the module, as `line N: message`, or undefined when it parses. */
  syntaxError(file: string): string | undefined {
    const tree = this.of(file);
    const failure = this.failures.get(file);
    if (failure) return failure;
    // The parser's own diagnostics: no program or type checker needed.
    const diagnostic = (tree as { parseDiagnostics?: readonly TypeScript.DiagnosticWithLocation[] } | undefined)?.parseDiagnostics?.[0];
    if (!tree || !diagnostic) return undefined;
    const line = tree.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
    // Parser messages may quote source text: never let a key through.
    const message = this.ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ').replace(keyPattern(), (key) => redact(key));
    return `line ${line}: ${message}`;
  }
}
