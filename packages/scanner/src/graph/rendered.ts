// Keys that server-rendered code sends to the browser: a constant a server component passes as a
// prop to a client component (`<Widget apiKey={KEY} />`: React serialises props into the page), or
// renders into the HTML (`<div data-key={KEY}>`, `{KEY}` in an Astro template). Read from the
// module's syntax tree; Astro markup (not TypeScript) is searched for `{…NAME…}` expressions.
import type { ModuleGraph } from './module-graph.js';
import type { RootPaths } from './paths.js';
import type { SyntaxTrees } from './syntax.js';
import type { ModuleExposure } from './types.js';
import type { Ts, TypeScript } from './typescript.js';
import { readProjectText } from './read.js';

export interface RenderContext {
  ts: Ts;
  paths: RootPaths;
  graph: ModuleGraph;
  trees: SyntaxTrees;
}

/** Names declared on `line` (1-based), and whether the line itself holds a JSX attribute or child. */
function declaredAt(ts: Ts, tree: TypeScript.SourceFile, line: number): string[] {
  const names: string[] = [];
  const visit = (node: TypeScript.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
      const from = tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
      const to = tree.getLineAndCharacterOfPosition(node.end).line + 1;
      if (from <= line && line <= to) names.push(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return names;
}

/** A string's properties and methods whose result tells something of it but holds none of it. */
const TELLING_MEMBERS = new Set(['length', 'startsWith', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'search', 'localeCompare', 'test']);
/** Calls that turn any value into a flag or a number. */
const TELLING_CALLS = new Set(['Boolean', 'Number', 'isNaN']);

function isTellingOperator(ts: Ts, kind: TypeScript.SyntaxKind): boolean {
  const { SyntaxKind } = ts;
  return [
    SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken, SyntaxKind.EqualsEqualsToken, SyntaxKind.ExclamationEqualsToken,
    SyntaxKind.LessThanToken, SyntaxKind.GreaterThanToken, SyntaxKind.LessThanEqualsToken, SyntaxKind.GreaterThanEqualsToken,
    SyntaxKind.InstanceOfKeyword, SyntaxKind.InKeyword,
  ].includes(kind);
}

/**
 * Whether `node` evaluates to the value of one of `names`, or a part of it: `{KEY}`,
 * `` {`Bearer ${KEY}`} `` and `{KEY.slice(0, 8)}` do; `{KEY.length}`, `{!!KEY}`, `{typeof KEY}`,
 * `{KEY === expected}`, `{Boolean(KEY)}` and the test of `{KEY ? 'set' : 'missing'}` or
 * `{KEY && <Badge />}` render only something about it.
 */
function carriesValue(ts: Ts, node: TypeScript.Node, names: ReadonlySet<string>): boolean {
  if (ts.isIdentifier(node)) return names.has(node.text);
  if (ts.isPropertyAccessExpression(node) && TELLING_MEMBERS.has(node.name.text)) return false;
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee) && TELLING_MEMBERS.has(callee.name.text)) return false;
    if (ts.isIdentifier(callee) && TELLING_CALLS.has(callee.text)) return false;
  }
  if ((ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) || ts.isTypeOfExpression(node)) return false;
  if (ts.isBinaryExpression(node)) {
    if (isTellingOperator(ts, node.operatorToken.kind)) return false;
    if (node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return carriesValue(ts, node.right, names);
  }
  if (ts.isConditionalExpression(node)) return carriesValue(ts, node.whenTrue, names) || carriesValue(ts, node.whenFalse, names);
  return ts.forEachChild(node, (child) => carriesValue(ts, child, names) || undefined) ?? false;
}

function lineOf(tree: TypeScript.SourceFile, node: TypeScript.Node): number {
  return tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
}

/** Whether the template expression `text` (the inside of an Astro `{…}`) carries the value of one of `names`; when it does not parse, whether it names one. */
function expressionCarries(ts: Ts, text: string, names: ReadonlySet<string>): boolean {
  const source = ts.createSourceFile('expression.tsx', `(${text}\n);`, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const [statement] = source.statements;
  if (source.statements.length !== 1 || !statement || !ts.isExpressionStatement(statement) || (source as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length) return true;
  return carriesValue(ts, statement.expression, names);
}

/** How server-rendered `file` sends the key on `line` to the browser, if it does. */
export function renderedExposure(context: RenderContext, file: string, line: number): ModuleExposure | undefined {
  const { ts, graph, trees } = context;
  if (graph.client.has(file) || !graph.server.has(file)) return undefined;
  if (file.endsWith('.astro')) return astroRendered(context, file, line);
  // JSX in .js too: Gatsby's gatsby-ssr.js and Create React App write it there.
  if (!/\.(?:[jt]sx|[cm]?js)$/.test(file)) return undefined;
  const tree = trees.of(file);
  if (!tree) return undefined;
  const names = new Set(declaredAt(ts, tree, line));
  // The value is written on this line (`<Widget apiKey="…" />`), or a constant declared here is used.
  const uses = (node: TypeScript.Node) => (names.size > 0 && carriesValue(ts, node, names)) || (lineOf(tree, node) <= line && line <= tree.getLineAndCharacterOfPosition(node.end).line + 1);
  const imports = new Map<string, string>();
  for (const statement of tree.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.importClause?.isTypeOnly) continue;
    const clause = statement.importClause;
    const locals = [clause?.name?.text, ...(clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements.map((element) => element.name.text) : [])];
    for (const local of locals) if (local) imports.set(local, statement.moduleSpecifier.text);
  }
  let found: ModuleExposure | undefined;
  // The parent is passed down: trees are parsed without parent links (a third less work).
  const visit = (node: TypeScript.Node, parent: TypeScript.Node | undefined): void => {
    if (found) return;
    if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && node.attributes.properties.some((attribute) => ts.isJsxAttribute(attribute) && attribute.initializer && uses(attribute.initializer))) {
      const tag = node.tagName.getText(tree);
      if (/^[a-z]/.test(tag)) {
        found = { exposure: 'client', reason: `${file} renders it into <${tag}> in the page's HTML, which browsers receive`, chain: [`${file} (renders it into <${tag}>)`] };
        return;
      }
      const specifier = imports.get(tag.split('.')[0] ?? '');
      const target = specifier ? graph.node(file).edges.find((edge) => edge.specifier === specifier)?.target : undefined;
      const chain = target ? graph.chain(graph.client, target) : undefined;
      if (target && chain) {
        found = {
          exposure: 'client',
          reason: `${file} passes it as a prop to <${tag}>, a client component in ${target}: the server sends props to the browser`,
          chain: [`${file} (passes it to <${tag}>)`, ...chain],
        };
        return;
      }
    }
    if (ts.isJsxExpression(node) && parent && (ts.isJsxElement(parent) || ts.isJsxFragment(parent)) && node.expression && uses(node.expression)) {
      found = { exposure: 'client', reason: `${file} renders it into the page's HTML, which browsers receive`, chain: [`${file} (renders it)`] };
      return;
    }
    ts.forEachChild(node, (child) => visit(child, node));
  };
  visit(tree, undefined);
  return found;
}

/**
 * An Astro page or component: a key in its template (markup, or a `<script>` Astro bundles for the
 * browser or sends as is) reaches the page's HTML; in its frontmatter, a constant declared on `line`
 * reaches it when the template puts it in `{…}`.
 */
function astroRendered(context: RenderContext, file: string, line: number): ModuleExposure | undefined {
  const { ts, trees, paths } = context;
  let raw: string;
  try {
    raw = readProjectText(paths, paths.absolute(file));
  } catch {
    return undefined;
  }
  const close = /^\s*---\r?\n[\s\S]*?\r?\n---/.exec(raw);
  const templateStart = close ? close.index + close[0].length : 0;
  const fenceLine = close ? raw.slice(0, templateStart).split('\n').length : 0;
  if (line > fenceLine) {
    return { exposure: 'client', reason: `${file} has it in its template, which Astro renders into the page's HTML or bundles as a browser <script>: browsers receive it`, chain: [`${file} (in its template)`] };
  }
  const tree = trees.of(file);
  if (!tree) return undefined;
  const names = declaredAt(ts, tree, line);
  if (names.length === 0) return undefined;
  const template = raw.slice(templateStart);
  const name = names.find((candidate) => {
    const pattern = new RegExp(`\\{([^{}]*(?<![\\w$.])${candidate.replace(/\$/g, '\\$')}(?![\\w$])[^{}]*)\\}`, 'g');
    return [...template.matchAll(pattern)].some(([, inner]) => expressionCarries(ts, inner ?? '', new Set([candidate])));
  });
  if (!name) return undefined;
  return { exposure: 'client', reason: `${file} renders ${name} into the page's HTML, which browsers receive`, chain: [`${file} (renders ${name} into its template)`] };
}
