// Following a key through the program: the exported binding a key is written in, and the modules
// that import that binding, directly or through re-exports (`export * from`, `export { X } from`).
import type { ModuleGraph } from './module-graph.js';
import type { SyntaxTrees } from './syntax.js';
import type { Ts, TypeScript } from './typescript.js';

/** `*` stands for the whole module (`module.exports = …`): any value import reads it. */
const WHOLE_MODULE = '*';

function isExported(ts: Ts, node: TypeScript.Node): { default: boolean } | undefined {
  if (!ts.canHaveModifiers(node)) return undefined;
  const modifiers = ts.getModifiers(node) ?? [];
  if (!modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return undefined;
  return { default: modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword) };
}

function bindingNames(ts: Ts, name: TypeScript.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(ts, element.name)));
}

function isModuleExports(ts: Ts, tree: TypeScript.SourceFile, node: TypeScript.Expression): boolean {
  const text = node.getText(tree);
  return text === 'module.exports' || (ts.isPropertyAccessExpression(node) && ['module.exports', 'exports'].includes(node.expression.getText(tree)));
}

/** The exported names whose definition spans `line` (1-based) in `tree`. */
export function exportedNamesAt(ts: Ts, tree: TypeScript.SourceFile, line: number): string[] {
  const lineCount = tree.getLineStarts().length;
  if (line < 1 || line > lineCount) return [];
  const start = tree.getPositionOfLineAndCharacter(line - 1, 0);
  const end = line < lineCount ? tree.getPositionOfLineAndCharacter(line, 0) : tree.end;
  const spans = (node: TypeScript.Node) => node.getStart(tree) < end && node.end > start;

  const localExports = new Map<string, string[]>();
  for (const statement of tree.statements) {
    if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) {
        const local = (element.propertyName ?? element.name).text;
        localExports.set(local, [...(localExports.get(local) ?? []), element.name.text]);
      }
    }
    if (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression)) {
      localExports.set(statement.expression.text, [...(localExports.get(statement.expression.text) ?? []), 'default']);
    }
  }
  const exportsOf = (local: string, exported: { default: boolean } | undefined) =>
    exported ? [exported.default ? 'default' : local] : (localExports.get(local) ?? []);

  const names: string[] = [];
  for (const statement of tree.statements) {
    if (!spans(statement)) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!spans(declaration)) continue;
        for (const local of bindingNames(ts, declaration.name)) names.push(...exportsOf(local, isExported(ts, statement)));
      }
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      names.push(...exportsOf(statement.name.text, isExported(ts, statement)));
    } else if (ts.isExportAssignment(statement)) {
      names.push('default');
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && isModuleExports(ts, tree, statement.expression.left)) {
      names.push(WHOLE_MODULE);
    }
  }
  return [...new Set(names)];
}

export interface BindingReader {
  /** The module that imports the binding. */
  reader: string;
  /** The module it imports the binding from: the first of its path. */
  from: string;
  /** How many modules its path holds. */
  hops: number;
  /** The first module on its path that stays on the server (a server marker), if any. */
  serverModule?: string;
  /**
   * From the reader to the definition: re-exporting modules, then the defining module. Built on
   * each call: thousands of readers down a chain of barrels would hold its square in memory.
   */
  path(): string[];
}

/**
 * A step of the search: the module that passes the binding on, linked to the step it came from.
 * Each step holds one link, not a copy of its path: a chain of 10,000 barrels would otherwise
 * hold 50 million path entries.
 */
interface Step {
  module: string;
  name: string;
  from?: Step;
  hops: number;
  /** The first server-marked module from this step back to the definition. */
  serverModule?: string;
}

/** The modules from `step` back to the definition. */
function pathOf(step: Step): string[] {
  const path: string[] = [];
  for (let current: Step | undefined = step; current; current = current.from) path.push(current.module);
  return path;
}

/** Every module that imports one of `names` from `file`, directly or through re-exports. */
export function readersOf(ts: Ts, graph: ModuleGraph, trees: SyntaxTrees, file: string, names: readonly string[]): BindingReader[] {
  const readers = new Map<string, BindingReader>();
  const serverModule = (module: string, from?: Step) => (graph.node(module).marker?.side === 'server' ? module : from?.serverModule);
  const queue: Step[] = names.map((name) => ({ module: file, name, hops: 1, serverModule: serverModule(file) }));
  const seen = new Set(queue.map(({ module, name }) => `${module}\0${name}`));
  const enqueue = (module: string, name: string, from: Step) => {
    const id = `${module}\0${name}`;
    if (seen.has(id)) return;
    seen.add(id);
    queue.push({ module, name, from, hops: from.hops + 1, serverModule: serverModule(module, from) });
  };
  for (let index = 0; index < queue.length; index++) {
    const step = queue[index] as Step;
    const { module, name } = step;
    for (const importer of graph.importersOf(module)) {
      const specifiers = new Set(graph.node(importer).edges.filter((edge) => edge.target === module).map((edge) => edge.specifier));
      const tree = trees.of(importer);
      if (!tree) continue;
      let reads = false;
      let staticallyImported = false;
      for (const statement of tree.statements) {
        const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
        if (!specifier || !ts.isStringLiteral(specifier) || !specifiers.has(specifier.text)) continue;
        staticallyImported = true;
        if (ts.isImportDeclaration(statement)) {
          const clause = statement.importClause;
          if (!clause || clause.isTypeOnly) continue;
          const locals: string[] = [];
          if (clause.name && (name === 'default' || name === WHOLE_MODULE)) locals.push(clause.name.text);
          const bindings = clause.namedBindings;
          if (bindings && ts.isNamespaceImport(bindings)) locals.push(bindings.name.text);
          if (bindings && ts.isNamedImports(bindings)) {
            for (const element of bindings.elements) {
              if (!element.isTypeOnly && (name === WHOLE_MODULE || (element.propertyName ?? element.name).text === name)) locals.push(element.name.text);
            }
          }
          if (locals.length > 0) reads = true;
          // `import { KEY } from './a'; export { KEY }` passes the binding on as well.
          for (const statementAgain of tree.statements) {
            if (!ts.isExportDeclaration(statementAgain) || statementAgain.moduleSpecifier || !statementAgain.exportClause || !ts.isNamedExports(statementAgain.exportClause)) continue;
            for (const element of statementAgain.exportClause.elements) {
              if (locals.includes((element.propertyName ?? element.name).text)) enqueue(importer, element.name.text, step);
            }
          }
        } else if (!statement.isTypeOnly) {
          const clause = statement.exportClause;
          if (!clause) {
            if (name !== 'default') enqueue(importer, name, step);
          } else if (ts.isNamespaceExport(clause)) {
            enqueue(importer, clause.name.text, step);
          } else {
            for (const element of clause.elements) {
              if (!element.isTypeOnly && (element.propertyName ?? element.name).text === name) enqueue(importer, element.name.text, step);
            }
          }
        }
      }
      // `import()` and `require()` hand over the whole module.
      if (!staticallyImported) reads = true;
      if (reads && !readers.has(importer)) readers.set(importer, { reader: importer, from: module, hops: step.hops, ...(step.serverModule ? { serverModule: step.serverModule } : {}), path: () => pathOf(step) });
    }
  }
  return [...readers.values()];
}
