// Syntax trees for the few modules a query needs (a key's definition, its importers, env readers),
// parsed on demand and kept for the rest of the analysis.
import { readModule, scriptKindOf } from './source-files.js';
import type { RootPaths } from './paths.js';
import type { Ts, TypeScript } from './typescript.js';

export class SyntaxTrees {
  private readonly trees = new Map<string, TypeScript.SourceFile | undefined>();

  constructor(
    private readonly ts: Ts,
    private readonly paths: RootPaths,
  ) {}

  of(file: string): TypeScript.SourceFile | undefined {
    if (this.trees.has(file)) return this.trees.get(file);
    const read = readModule(this.ts, this.paths.absolute(file), file);
    const tree = read.ok ? this.ts.createSourceFile(file, read.source.text, this.ts.ScriptTarget.Latest, true, scriptKindOf(this.ts, file)) : undefined;
    this.trees.set(file, tree);
    return tree;
  }
}
