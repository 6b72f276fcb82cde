// Server data functions whose return value the framework sends to the browser: React Router's and
// Remix's `loader` and `action` (`useLoaderData`), Next.js's `getServerSideProps` and
// `getStaticProps` (`__NEXT_DATA__`) and `generateMetadata` (the page's <head>), Gatsby's
// `getServerData`, SvelteKit's server `load` (serialised into the page). A key written into what
// they return ships though the function runs on the server only.
import { mayHaveDataFunctions } from './data-functions.js';
import type { ModuleExposure } from './types.js';
import type { Ts, TypeScript } from './typescript.js';

interface DataReturn {
  framework: string;
  /** Modules whose exports these are (matched on the path relative to the scan root). */
  file: (file: string, text: string, route: boolean) => boolean;
  exports: readonly string[];
  /** Where the returned value goes, in words a person can check. */
  sends: string;
}

const DATA_RETURNS: readonly DataReturn[] = [
  {
    framework: 'React Router / Remix',
    file: mayHaveDataFunctions,
    exports: ['loader', 'action'],
    sends: 'React Router / Remix sends the data it returns to the browser (useLoaderData, useActionData)',
  },
  {
    framework: 'Next.js',
    file: mayHaveDataFunctions,
    exports: ['getServerSideProps', 'getStaticProps'],
    sends: "Next.js sends the props it returns to the browser in the page's __NEXT_DATA__",
  },
  {
    framework: 'Next.js',
    // App router pages and layouts: the metadata is rendered into the page's <head> (and its RSC payload).
    file: (file) => /(^|\/)app\/(?:.+\/)?(?:page|layout)\.[cm]?[jt]sx?$/.test(file),
    exports: ['generateMetadata', 'generateViewport'],
    sends: "Next.js renders the metadata it returns into the page's <head> for the browser",
  },
  {
    framework: 'Gatsby',
    file: mayHaveDataFunctions,
    exports: ['getServerData'],
    sends: "Gatsby sends the props it returns to the browser as the page's serverData",
  },
  {
    framework: 'SvelteKit',
    file: (file) => /(^|\/)\+(page|layout)\.server\.[cm]?[jt]s$/.test(file),
    exports: ['load'],
    sends: 'SvelteKit serialises the data a server load returns into the page for the browser',
  },
];

/** Whether the module may export a data function whose return value ships: a test on its path and text, before any parse. */
export function mayReturnData(file: string, text: string, route: boolean): boolean {
  return DATA_RETURNS.some(({ file: matches }) => matches(file, text, route));
}

/** Calls that wrap the data as it is (`json(data)`, React Router's `data(value, init)`). */
const DATA_WRAPPERS: ReadonlySet<string> = new Set(['json', 'data', 'defer', 'typedjson']);

/** The exported function `name` of the module (`export async function load`, `export const loader = async () => …`). */
function exportedFunction(ts: Ts, source: TypeScript.SourceFile, name: string): TypeScript.FunctionLikeDeclaration | undefined {
  const exported = (node: TypeScript.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name && exported(statement)) return statement;
    if (!ts.isVariableStatement(statement) || !exported(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name || !declaration.initializer) continue;
      let value: TypeScript.Expression = declaration.initializer;
      while (ts.isParenthesizedExpression(value) || ts.isAsExpression(value) || ts.isSatisfiesExpression(value)) value = value.expression;
      if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return value;
    }
  }
  return undefined;
}

/** The expressions the function returns (not those of functions nested in it). */
function returnedExpressions(ts: Ts, fn: TypeScript.FunctionLikeDeclaration): TypeScript.Expression[] {
  if (!fn.body) return [];
  if (!ts.isBlock(fn.body)) return [fn.body];
  const found: TypeScript.Expression[] = [];
  const visit = (node: TypeScript.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) found.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn.body, visit);
  return found;
}

/**
 * The values the returned data holds as they are: literals and names reached through object and
 * array literals, `await`, conditionals and data wrappers, not through other calls (`return
 * fetch(url, { headers: { Authorization: KEY } })` returns the response, not the key).
 */
function dataValues(ts: Ts, expression: TypeScript.Expression, into: TypeScript.Node[], calls: string[] = []): void {
  const node = expression;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isAwaitExpression(node) || ts.isNonNullExpression(node)) {
    dataValues(ts, node.expression, into, calls);
  } else if (ts.isConditionalExpression(node)) {
    dataValues(ts, node.whenTrue, into, calls);
    dataValues(ts, node.whenFalse, into, calls);
  } else if (ts.isBinaryExpression(node)) {
    dataValues(ts, node.left, into, calls);
    dataValues(ts, node.right, into, calls);
  } else if (ts.isObjectLiteralExpression(node)) {
    for (const property of node.properties) {
      if (ts.isPropertyAssignment(property)) dataValues(ts, property.initializer, into, calls);
      else if (ts.isShorthandPropertyAssignment(property)) into.push(property.name);
      else if (ts.isSpreadAssignment(property)) dataValues(ts, property.expression, into, calls);
    }
  } else if (ts.isArrayLiteralExpression(node)) {
    for (const element of node.elements) dataValues(ts, ts.isSpreadElement(element) ? element.expression : element, into, calls);
  } else if (ts.isTemplateExpression(node)) {
    into.push(node.head);
    for (const span of node.templateSpans) {
      dataValues(ts, span.expression, into, calls);
      into.push(span.literal);
    }
  } else if (ts.isCallExpression(node)) {
    const callee = ts.isIdentifier(node.expression) ? node.expression.text : undefined;
    const first = node.arguments[0];
    if (callee !== undefined && DATA_WRAPPERS.has(callee) && first) dataValues(ts, first, into, calls);
    // `ENV: getEnv()`: what the helper returns is in the data too (Remix's `window.ENV` recipe).
    else if (callee !== undefined) calls.push(callee);
  } else if (ts.isIdentifier(node) || ts.isStringLiteralLike(node)) {
    into.push(node);
  }
}

/** Names of the variables declared on `line` (1-based). */
function declaredOn(ts: Ts, source: TypeScript.SourceFile, line: number): Set<string> {
  const names = new Set<string>();
  const lineOf = (position: number) => source.getLineAndCharacterOfPosition(position).line + 1;
  const visit = (node: TypeScript.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && lineOf(node.getStart(source)) <= line && line <= lineOf(node.end)) names.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
  return names;
}

/** A module importing `file`, with the specifiers that lead to it. */
export interface DataCaller {
  file: string;
  source: TypeScript.SourceFile;
  route: boolean;
  specifiers: readonly string[];
}

/** The exported functions of `source` whose returned data holds the key on `line`. */
function helpersReturning(ts: Ts, source: TypeScript.SourceFile, line: number): string[] {
  const lineOf = (position: number) => source.getLineAndCharacterOfPosition(position).line + 1;
  const names: string[] = [];
  for (const statement of source.statements) {
    if (lineOf(statement.getStart(source)) > line || line > lineOf(statement.end)) continue;
    const declared = ts.isFunctionDeclaration(statement) && statement.name ? [statement.name.text] : ts.isVariableStatement(statement) ? statement.declarationList.declarations.flatMap((declaration) => (ts.isIdentifier(declaration.name) ? [declaration.name.text] : [])) : [];
    for (const name of declared) {
      const fn = exportedFunction(ts, source, name);
      if (!fn) continue;
      const values: TypeScript.Node[] = [];
      for (const expression of returnedExpressions(ts, fn)) dataValues(ts, expression, values);
      if (values.some((value) => !ts.isIdentifier(value) && lineOf(value.getStart(source)) <= line && line <= lineOf(value.end))) names.push(name);
    }
  }
  return names;
}

/** The local names `source` imports `names` under from one of `specifiers`. */
function localNames(ts: Ts, source: TypeScript.SourceFile, specifiers: readonly string[], names: readonly string[]): Map<string, string> {
  const locals = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !specifiers.includes(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const imported = (element.propertyName ?? element.name).text;
      if (names.includes(imported)) locals.set(element.name.text, imported);
    }
  }
  return locals;
}

/**
 * Client, when the key on `line` is written in what an exported function of `file` returns, and a
 * server data function of a module importing it returns that call's result (`ENV: getEnv()` in a
 * root `loader`, which Remix's recipe puts in `window.ENV`).
 */
export function helperDataExposure(ts: Ts, file: string, source: TypeScript.SourceFile, line: number, callers: () => readonly DataCaller[]): ModuleExposure | undefined {
  const helpers = helpersReturning(ts, source, line);
  if (helpers.length === 0) return undefined;
  for (const caller of callers()) {
    const locals = localNames(ts, caller.source, caller.specifiers, helpers);
    if (locals.size === 0) continue;
    for (const { framework, file: matches, exports, sends } of DATA_RETURNS) {
      if (!matches(caller.file, caller.source.text, caller.route)) continue;
      for (const name of exports) {
        const fn = exportedFunction(ts, caller.source, name);
        if (!fn) continue;
        const calls: string[] = [];
        for (const expression of returnedExpressions(ts, fn)) dataValues(ts, expression, [], calls);
        const local = calls.find((call) => locals.has(call));
        if (local === undefined) continue;
        const helper = locals.get(local) ?? local;
        return {
          exposure: 'client',
          reason: `${caller.file} returns what ${helper}() returns from ${name}: ${sends}`,
          chain: [`${caller.file} (${name} returns ${helper}() to the browser, ${framework})`, `${file} (${helper} returns it)`],
        };
      }
    }
  }
  return undefined;
}

/**
 * Client, when the key on `line` is in what a server data function of `file` returns: written
 * there, or a variable declared on that line that the returned data holds.
 */
export function returnedDataExposure(ts: Ts, file: string, source: TypeScript.SourceFile, line: number, route = false): ModuleExposure | undefined {
  const lineOf = (position: number) => source.getLineAndCharacterOfPosition(position).line + 1;
  let declared: Set<string> | undefined;
  for (const { framework, file: matches, exports, sends } of DATA_RETURNS) {
    if (!matches(file, source.text, route)) continue;
    for (const name of exports) {
      const fn = exportedFunction(ts, source, name);
      if (!fn) continue;
      const values: TypeScript.Node[] = [];
      for (const expression of returnedExpressions(ts, fn)) dataValues(ts, expression, values);
      const holds = values.some((value) => {
        if (!ts.isIdentifier(value)) return lineOf(value.getStart(source)) <= line && line <= lineOf(value.end);
        declared ??= declaredOn(ts, source, line);
        return declared.has(value.text);
      });
      if (holds) return { exposure: 'client', reason: `${file} returns it from ${name}: ${sends}`, chain: [`${file} (${name} returns it to the browser, ${framework})`] };
    }
  }
  return undefined;
}
