// Next.js (getServerSideProps, getStaticProps, getStaticPaths), Gatsby (getServerData) and React
// Router / Remix (loader, action, headers, middleware) strip server-only exports from the browser
// build of a page, and with them every import used only inside them. The compiler's syntax tree tells which imports those
// are, and which lines of the module are inside those exports.
import { scriptKindOf } from './source-files.js';
import { parseOptions, type Ts, type TypeScript } from './typescript.js';

export const NEXT_DATA_FUNCTIONS = ['getServerSideProps', 'getStaticProps', 'getStaticPaths'] as const;
/** Gatsby's babel-plugin-remove-api takes getServerData out of a page's browser build. */
export const GATSBY_DATA_FUNCTIONS = ['getServerData'] as const;
/** React Router's own list (SERVER_ONLY_ROUTE_EXPORTS of @react-router/dev), Remix's without `middleware`. */
export const REMIX_SERVER_EXPORTS = ['loader', 'action', 'headers', 'middleware'] as const;

/** Qwik City's request handlers: route module exports that run on the server only, outside every client segment. */
export const QWIK_SERVER_EXPORTS = ['onGet', 'onPost', 'onPut', 'onPatch', 'onDelete', 'onHead', 'onRequest', 'onStaticGenerate'] as const;
const QWIK_ROUTER = /@builder\.io\/qwik-city|@qwik\.dev\/router/;
const MENTIONS_QWIK_HANDLER = new RegExp(`\\b(?:${QWIK_SERVER_EXPORTS.join('|')})\\b`);

const PAGE_MODULE = /(^|\/)(src\/)?pages\/(?!api\/)|(^|\/)app\/(routes\/|root\.)/;
const MENTIONS_DATA_FUNCTION = new RegExp(`\\b(?:${[...NEXT_DATA_FUNCTIONS, ...GATSBY_DATA_FUNCTIONS, ...REMIX_SERVER_EXPORTS].join('|')})\\b`);

/**
 * Calls whose function argument the browser build strips and runs on the server only (TanStack
 * Start's compiler and Qwik's optimizer replace them with a fetch to the server): `call(fn)`, `call(…).method(fn)`
 * anywhere down the chain, or the `property` of the options a route factory takes (`createFileRoute('/x')({ server })`).
 */
interface ServerCallback {
  call: string;
  method?: string;
  property?: string;
  /** How the finding names it: `createServerFn().handler`. */
  label: string;
  framework: string;
  /** The start of the module names the factory comes from: a module that names none calls no such factory. */
  from: readonly string[];
}

const TANSTACK = { framework: 'TanStack Start', from: ['@tanstack/'] };
/** Qwik's optimizer moves these functions' bodies into server-only segments (Qwik 1 `@builder.io/…`, Qwik 2 `@qwik.dev/…`). */
const QWIK = { framework: 'Qwik', from: ['@builder.io/qwik', '@qwik.dev/'] };

const SERVER_CALLBACKS: readonly ServerCallback[] = [
  { call: 'createServerFn', method: 'handler', label: 'createServerFn().handler', ...TANSTACK },
  { call: 'createIsomorphicFn', method: 'server', label: 'createIsomorphicFn().server', ...TANSTACK },
  { call: 'createMiddleware', method: 'server', label: 'createMiddleware().server', ...TANSTACK },
  { call: 'createServerOnlyFn', label: 'createServerOnlyFn', ...TANSTACK },
  { call: 'serverOnly', label: 'serverOnly', ...TANSTACK },
  ...['createFileRoute', 'createRootRoute', 'createRootRouteWithContext'].map((call) => ({ call, property: 'server', label: `the server handlers of ${call}`, ...TANSTACK })),
  ...['server$', 'routeLoader$', 'routeAction$', 'globalAction$'].map((call) => ({ call, label: call, ...QWIK })),
];
/** A `"use server"` directive, at a module's top or a function's. */
const MENTIONS_USE_SERVER = /["']use server["']/;
const CALLBACK_NAMES = [...new Set(SERVER_CALLBACKS.map(({ call }) => call.replace(/\$/g, '\\$')))];
const MENTIONS_SERVER_CALLBACK = new RegExp(`(?<![\\w$])(?:${CALLBACK_NAMES.join('|')})(?![\\w$])`);
const CALLBACK_MODULES = [...new Set(SERVER_CALLBACKS.flatMap(({ from }) => from))];

/** Whether a module's text may call a server function factory: it names one and a module that has it. */
function mentionsServerCallback(text: string): boolean {
  return CALLBACK_MODULES.some((module) => text.includes(module)) && MENTIONS_SERVER_CALLBACK.test(text);
}

/**
 * Whether a module may have imports that only its server data functions use (a cheap text test):
 * a page or route module by its path, or one a route config names (`route`); or any module that
 * calls TanStack Start's server function factories.
 */
export function mayHaveDataFunctions(file: string, text: string, route = false): boolean {
  return ((route || PAGE_MODULE.test(file)) && MENTIONS_DATA_FUNCTION.test(text)) || mentionsServerCallback(text) || MENTIONS_USE_SERVER.test(text) || mentionsQwikHandler(text);
}

/** Whether a module may export Qwik City request handlers: it names one and Qwik City's module. */
function mentionsQwikHandler(text: string): boolean {
  return MENTIONS_QWIK_HANDLER.test(text) && QWIK_ROUTER.test(text);
}

function hasExportModifier(ts: Ts, node: TypeScript.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

/** A server-only export of a page or route module (`loader`, `getServerSideProps`) and where its statement lies. */
interface ServerExport {
  name: string;
  /** Set for a server callback (`createServerFn().handler`); an export's framework follows from its name. */
  framework?: string;
  /** `pos` of the statement: with the comments before it. */
  start: number;
  /** Where the statement's own text begins. */
  first: number;
  end: number;
}

/** The module's exported server data functions: the statements the browser build strips. */
function serverExports(ts: Ts, source: TypeScript.SourceFile): ServerExport[] {
  const names = new Set<string>([...NEXT_DATA_FUNCTIONS, ...GATSBY_DATA_FUNCTIONS, ...REMIX_SERVER_EXPORTS, ...(mentionsQwikHandler(source.text) ? QWIK_SERVER_EXPORTS : [])]);
  const exported = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) if (names.has(element.name.text)) exported.add((element.propertyName ?? element.name).text);
    }
  }
  const found: ServerExport[] = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && names.has(statement.name.text)) {
      if (hasExportModifier(ts, statement) || exported.has(statement.name.text)) found.push({ name: statement.name.text, start: statement.pos, first: statement.getStart(source), end: statement.end });
    } else if (ts.isVariableStatement(statement)) {
      const declared = statement.declarationList.declarations.map((declaration) => (ts.isIdentifier(declaration.name) ? declaration.name.text : ''));
      const name = declared.find((candidate) => names.has(candidate));
      if (name !== undefined && (hasExportModifier(ts, statement) || declared.some((candidate) => exported.has(candidate)))) {
        found.push({ name, start: statement.pos, first: statement.getStart(source), end: statement.end });
      }
    }
  }
  return [...found, ...serverCallbacks(ts, source), ...serverFunctions(ts, source)];
}

/**
 * Functions whose body starts with `"use server"` (SolidStart's server functions, React's inline
 * server actions): the compiler moves the body to the server and leaves the browser a fetch to it.
 */
function serverFunctions(ts: Ts, source: TypeScript.SourceFile): ServerExport[] {
  if (!MENTIONS_USE_SERVER.test(source.text)) return [];
  const found: ServerExport[] = [];
  const visit = (node: TypeScript.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body && ts.isBlock(node.body) && startsWithUseServer(ts, node.body)) {
      found.push({ name: 'a "use server" function', framework: 'its framework', start: node.pos, first: node.getStart(source), end: node.end });
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
  return found;
}

function startsWithUseServer(ts: Ts, body: TypeScript.Block): boolean {
  for (const statement of body.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === 'use server') return true;
  }
  return false;
}

/** The innermost call of a chain (`createServerFn({ method: 'GET' })` in `createServerFn(…).validator(v).handler(fn)`), by its callee's name. */
function chainRoot(ts: Ts, expression: TypeScript.Expression): string | undefined {
  let node = expression;
  while (ts.isCallExpression(node) || ts.isPropertyAccessExpression(node) || ts.isExpressionWithTypeArguments(node)) {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) return node.expression.text;
    node = node.expression;
  }
  return undefined;
}

/** The function arguments of TanStack Start's server function factories, and the `server` options of its routes. */
function serverCallbacks(ts: Ts, source: TypeScript.SourceFile): ServerExport[] {
  if (!mentionsServerCallback(source.text)) return [];
  const callbacks = SERVER_CALLBACKS.filter(({ from }) => from.some((module) => source.text.includes(module)));
  const found: ServerExport[] = [];
  const add = (node: TypeScript.Node, { label, framework }: ServerCallback) => found.push({ name: label, framework, start: node.pos, first: node.getStart(source), end: node.end });
  const visit = (node: TypeScript.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const first = node.arguments[0];
      for (const callback of callbacks) {
        if (callback.method !== undefined) {
          if (first && ts.isPropertyAccessExpression(callee) && callee.name.text === callback.method && chainRoot(ts, callee.expression) === callback.call) add(first, callback);
        } else if (callback.property !== undefined) {
          // `createFileRoute('/x')({ server })`, `createRootRouteWithContext<C>()({ server })`, `createRootRoute({ server })`.
          const named = ts.isIdentifier(callee) ? callee.text : chainRoot(ts, callee);
          if (named !== callback.call) continue;
          for (const argument of node.arguments) {
            if (!ts.isObjectLiteralExpression(argument)) continue;
            for (const property of argument.properties) if (property.name && ts.isIdentifier(property.name) && property.name.text === callback.property) add(property, callback);
          }
        } else if (first && ts.isIdentifier(callee) && callee.text === callback.call) add(first, callback);
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
  return found;
}

/** A type the compiler erases (`createClient<Api.AppRouter>()`): what it names is not used at run time. A class's `extends Base` is. */
function isErasedType(ts: Ts, node: TypeScript.Node): boolean {
  return ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node);
}

/** A top-level declaration the browser build strips with the server exports: only they (or other such declarations) use it. */
interface StrippedDeclaration extends ServerExport {
  /** The server export that uses it, directly or through other stripped declarations. */
  usedBy: string;
}

/** The names a top-level statement declares, when it is a declaration the browser build may strip (not exported). */
function declaredNames(ts: Ts, statement: TypeScript.Statement): string[] {
  if (hasExportModifier(ts, statement)) return [];
  if (ts.isVariableStatement(statement)) {
    const names: string[] = [];
    const collect = (name: TypeScript.BindingName): void => {
      if (ts.isIdentifier(name)) names.push(name.text);
      else for (const element of name.elements) if (ts.isBindingElement(element)) collect(element.name);
    };
    for (const declaration of statement.declarationList.declarations) collect(declaration.name);
    return names;
  }
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) return [statement.name.text];
  return [];
}

/**
 * Top-level declarations only the server exports use (`const KEY = '…'` read only inside `loader`):
 * React Router's and Next.js's browser builds strip them with the exports, as dead code (they
 * remove what became unreferenced, so a declaration nothing used before stays).
 */
function strippedDeclarations(ts: Ts, source: TypeScript.SourceFile, exports: readonly ServerExport[]): StrippedDeclaration[] {
  const serverNames = new Set(exports.map(({ name }) => name));
  const exportedNames = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) exportedNames.add((element.propertyName ?? element.name).text);
    }
  }
  const candidates = source.statements.flatMap((statement) => {
    const names = declaredNames(ts, statement).filter((name) => !serverNames.has(name));
    if (names.length === 0 || names.some((name) => exportedNames.has(name))) return [];
    return [{ names, start: statement.pos, first: statement.getStart(source), end: statement.end }];
  });
  if (candidates.length === 0) return [];

  // Where each candidate's names are read: inside a server export (by its name), inside another
  // candidate (by its index), or elsewhere (the browser build keeps the declaration).
  const owner = new Map<string, number>();
  candidates.forEach(({ names }, index) => names.forEach((name) => owner.set(name, index)));
  const readers = candidates.map(() => ({ exports: new Set<string>(), candidates: new Set<number>(), elsewhere: false }));
  const visit = (node: TypeScript.Node): void => {
    if (isErasedType(ts, node)) return;
    if (ts.isIdentifier(node)) {
      const index = owner.get(node.text);
      const readBy = index === undefined ? undefined : readers[index];
      if (index !== undefined && readBy) {
        const inExport = exports.find(({ start, end }) => node.pos >= start && node.end <= end);
        const inCandidate = candidates.findIndex(({ start, end }) => node.pos >= start && node.end <= end);
        if (inExport) readBy.exports.add(inExport.name);
        else if (inCandidate === -1) readBy.elsewhere = true;
        else if (inCandidate !== index) readBy.candidates.add(inCandidate);
      }
    }
    // A property's name (`{ headers: … }`, `x.headers`) reads no variable.
    if (ts.isPropertyAssignment(node) && !ts.isComputedPropertyName(node.name)) return visit(node.initializer);
    if (ts.isPropertyAccessExpression(node)) return visit(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);

  // Stripped: read by a server export or a stripped declaration, and by nothing the browser keeps.
  const usedBy = new Map<number, string>();
  for (let changed = true; changed; ) {
    changed = false;
    readers.forEach((readBy, index) => {
      if (usedBy.has(index) || readBy.elsewhere || [...readBy.candidates].some((reader) => !usedBy.has(reader))) return;
      const by = [...readBy.exports][0] ?? [...readBy.candidates].map((reader) => usedBy.get(reader)).find((name) => name !== undefined);
      if (by === undefined) return;
      usedBy.set(index, by);
      changed = true;
    });
  }
  return [...usedBy].map(([index, by]) => {
    const { names, start, first, end } = candidates[index] as (typeof candidates)[number];
    return { name: names.join(', '), start, first, end, usedBy: by };
  });
}

const frameworkOf = ({ name, framework }: ServerExport) =>
  framework ??
  ((REMIX_SERVER_EXPORTS as readonly string[]).includes(name)
    ? 'React Router / Remix'
    : (GATSBY_DATA_FUNCTIONS as readonly string[]).includes(name)
      ? 'Gatsby'
      : (QWIK_SERVER_EXPORTS as readonly string[]).includes(name)
        ? 'Qwik City'
        : 'Next.js');

/**
 * For a line of a page or route module: the server data function it is written in, which the
 * browser build strips (`loader` of a React Router route), with the framework that strips it; or
 * the top-level declaration only that function uses (`declaration`), stripped with it.
 */
export function serverExportAt(ts: Ts, file: string, source: TypeScript.SourceFile, line: number, route = false): { name: string; framework: string; declaration?: string } | undefined {
  if (!mayHaveDataFunctions(file, source.text, route)) return undefined;
  const lineOf = (position: number) => source.getLineAndCharacterOfPosition(position).line + 1;
  const exports = serverExports(ts, source);
  // The innermost range holding the line: a server function inside a route's options names itself.
  const holding = exports.filter(({ first, end }) => lineOf(first) <= line && line <= lineOf(end)).sort((a, b) => a.end - a.first - (b.end - b.first))[0];
  if (holding) return { name: holding.name, framework: frameworkOf(holding) };
  if (exports.length === 0) return undefined;
  for (const { name, first, end, usedBy } of strippedDeclarations(ts, source, exports)) {
    const user = exports.find((candidate) => candidate.name === usedBy);
    if (user && lineOf(first) <= line && line <= lineOf(end)) return { name: usedBy, framework: frameworkOf(user), declaration: name };
  }
  return undefined;
}

/** Specifiers whose every import binding is used only inside server data functions. */
export function serverOnlyImports(ts: Ts, file: string, text: string): Set<string> {
  const source = ts.createSourceFile(file, text, parseOptions(ts), false, scriptKindOf(ts, file));
  const exports = serverExports(ts, source);
  if (exports.length === 0) return new Set();
  const serverRanges = [...exports, ...strippedDeclarations(ts, source, exports)].map(({ start, end }): [number, number] => [start, end]);

  const usedOutside = new Set<string>();
  const visit = (node: TypeScript.Node): void => {
    if (ts.isImportDeclaration(node) || isErasedType(ts, node)) return;
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
