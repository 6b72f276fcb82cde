// Syntax trees for the few modules a query needs (a key's definition, its importers, env readers),
// parsed on demand. A tree takes twenty to thirty times its module's size, so only the most
// recently used are kept, up to a budget of source text; a syntax error, once found, is kept.
// Trees have no parent links (a third of a parse): queries pass the tree (`getText(tree)`) or the parent.
import { keyPattern, redact } from '@engium/core';
import { readModule, scriptKindOf } from './source-files.js';
import type { RootPaths } from './paths.js';
import { parseOptions, type Ts, type TypeScript } from './typescript.js';

/** Source text whose trees stay in memory (about 15 MB of trees); past it the least recently used go. */
const KEPT_SOURCE_CHARS = 512 * 1024;

export class SyntaxTrees {
  /** In order of use, the latest last. */
  private readonly trees = new Map<string, TypeScript.SourceFile | undefined>();
  private keptChars = 0;
  /** Modules the parser itself failed on (nesting deeper than its stack): unknown, never fatal. */
  private readonly failures = new Map<string, string>();
  private readonly syntaxErrors = new Map<string, string | undefined>();

  constructor(
    private readonly ts: Ts,
    private readonly paths: RootPaths,
  ) {}

  of(file: string): TypeScript.SourceFile | undefined {
    if (this.trees.has(file)) {
      const tree = this.trees.get(file);
      this.trees.delete(file);
      this.trees.set(file, tree);
      return tree;
    }
    const read = readModule(this.ts, this.paths, file, undefined, { imports: false });
    let tree: TypeScript.SourceFile | undefined;
    try {
      tree = read.ok ? this.ts.createSourceFile(file, read.source.text, parseOptions(this.ts), false, scriptKindOf(this.ts, file)) : undefined;
    } catch (error) {
      this.failures.set(file, `line 1: the parser gave up (${error instanceof RangeError ? 'nesting too deep' : String(error)})`);
    }
    this.keep(file, tree);
    return tree;
  }

  private keep(file: string, tree: TypeScript.SourceFile | undefined): void {
    this.trees.set(file, tree);
    this.keptChars += tree?.text.length ?? 0;
    for (const [oldest, oldTree] of this.trees) {
      if (this.keptChars <= KEPT_SOURCE_CHARS || oldest === file) break;
      this.trees.delete(oldest);
      this.keptChars -= oldTree?.text.length ?? 0;
    }
  }

  /** The first syntax error in the module, as `line N: message`, or undefined when it parses. */
  syntaxError(file: string): string | undefined {
    if (this.syntaxErrors.has(file)) return this.syntaxErrors.get(file);
    const error = this.firstSyntaxError(file);
    this.syntaxErrors.set(file, error);
    return error;
  }

  private firstSyntaxError(file: string): string | undefined {
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
