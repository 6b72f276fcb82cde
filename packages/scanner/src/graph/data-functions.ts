// Next.js (getServerSideProps, getStaticProps, getStaticPaths) and Remix (loader, action, headers)
// strip server-only exports from the browser build of a page, and with them every import used only
// inside them. The compiler's syntax tree tells which imports those are.
import { scriptKindOf } from './source-files.js';
import { parseOptions, type Ts, type TypeScript } from './typescript.js';

export const NEXT_DATA_FUNCTIONS = ['getServerSideProps', 'getStaticProps', 'getStaticPaths'] as const;
export const REMIX_SERVER_EXPORTS = ['loader', 'action', 'headers'] as const;

const PAGE_MODULE = /(^|\/)(src\/)?pages\/(?!api\/)|(^|\/)app\/(routes\/|root\.)/;
const MENTIONS_DATA_FUNCTION = /\b(getServerSideProps|getStaticProps|getStaticPaths|loader|action|headers)\b/;

/** Whether a module may have imports that only its server data functions use (a cheap text test). */
export function mayHaveDataFunctions(file: string, text: string): boolean {
  return PAGE_MODULE.test(file) && MENTIONS_DATA_FUNCTION.test(text);
}

function hasExportModifier(ts: Ts, node: TypeScript.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

/** Specifiers whose every import binding is used only inside server data functions. */
export function serverOnlyImports(ts: Ts, file: string, text: string): Set<string> {
  const source = ts.createSourceFile(file, text, parseOptions(ts), false, scriptKindOf(ts, file));
  const names = new Set<string>([...NEXT_DATA_FUNCTIONS, ...REMIX_SERVER_EXPORTS]);
  const exported = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) if (names.has(element.name.text)) exported.add((element.propertyName ?? element.name).text);
    }
  }
  const serverRanges: [number, number][] = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && names.has(statement.name.text)) {
      if (hasExportModifier(ts, statement) || exported.has(statement.name.text)) serverRanges.push([statement.pos, statement.end]);
    } else if (ts.isVariableStatement(statement)) {
      const declared = statement.declarationList.declarations.map((declaration) => (ts.isIdentifier(declaration.name) ? declaration.name.text : ''));
      if (declared.some((name) => names.has(name)) && (hasExportModifier(ts, statement) || declared.some((name) => exported.has(name)))) {
        serverRanges.push([statement.pos, statement.end]);
      }
    }
  }
  if (serverRanges.length === 0) return new Set();

  const usedOutside = new Set<string>();
  const visit = (node: TypeScript.Node): void => {
    if (ts.isImportDeclaration(node)) return;
    if (serverRanges.some(([start, end]) => node.pos >= start && node.end <= end)) return;
    if (ts.isIdentifier(node)) usedOutside.add(node.text);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);

  const clientUsed = new Set<string>();
  const serverOnly = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (clause?.isTypeOnly) continue;
    const locals: string[] = [];
    if (clause?.name) locals.push(clause.name.text);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) locals.push(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) {
      // `import { type A } from` with nothing else is erased like `import type`.
      if (!clause?.name && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly)) continue;
      for (const element of bindings.elements) if (!element.isTypeOnly) locals.push(element.name.text);
    }
    // A side-effect import (`import "./x"`) runs wherever the page runs.
    if (locals.length === 0 || locals.some((local) => usedOutside.has(local))) clientUsed.add(specifier);
    else serverOnly.add(specifier);
  }
  for (const specifier of clientUsed) serverOnly.delete(specifier);
  return serverOnly;
}
