/**
 * Static values, resolved with ESLint's own evaluator (`getStaticValue`, `findVariable`) and
 * never by hand-rolled constant folding. What this module adds is only what that evaluator does
 * not do: the known prefix of a string whose tail is dynamic, and the initialiser of a binding.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

export type Scope = TSESLint.Scope.Scope;

/** Strips what changes a value's type but not the value: `as`, `satisfies`, `!`, `<T>x`. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion
  ) {
    current = current.expression;
  }
  return current;
}

export function staticString(node: TSESTree.Node, scope: Scope): string | undefined {
  const result = ASTUtils.getStaticValue(node, scope);
  return result && typeof result.value === 'string' ? result.value : undefined;
}

/**
 * `staticString`, except for a value read from an object the file changes: `session.tenantId` of
 * `const session = { tenantId: '' }`, which sign-in fills in, is not sent as the empty string
 * ESLint's evaluator reads from the initialiser.
 */
export function settledString(node: TSESTree.Node, scope: Scope): string | undefined {
  return readsChangedObject(node, scope) ? undefined : staticString(node, scope);
}

/** Whether a value is read from an object the file changes after making it (see `settledString`). */
export function readsChangedObject(node: TSESTree.Node, scope: Scope, depth = 0): boolean {
  if (depth > MAX_DEPTH) return true;
  const inner = unwrap(node);
  const recurse = (child: TSESTree.Node): boolean => readsChangedObject(child, scope, depth + 1);
  switch (inner.type) {
    case AST_NODE_TYPES.Identifier: {
      const init = bindingInit(inner, scope);
      return init !== undefined && recurse(init);
    }
    case AST_NODE_TYPES.MemberExpression: {
      let root: TSESTree.Node = inner.object;
      while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
      if (root.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(scope, root);
      return (variable?.references ?? []).some((reference) => !reference.init && changesThrough(reference.identifier as TSESTree.Node)) || recurse(root);
    }
    case AST_NODE_TYPES.TemplateLiteral:
      return inner.expressions.some(recurse);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return recurse(inner.left) || recurse(inner.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return recurse(inner.consequent) || recurse(inner.alternate);
    default:
      return false;
  }
}

/** Whether a use of an object may change it: a write to a member, or handing it on (to a call, or to another binding). */
function changesThrough(use: TSESTree.Node): boolean {
  let node = use;
  while (node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (node !== use) {
    return (
      (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) ||
      parent.type === AST_NODE_TYPES.UpdateExpression ||
      (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete')
    );
  }
  return (
    ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(use as TSESTree.Expression)) ||
    (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === use) ||
    (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === use)
  );
}

/**
 * The initialiser of the binding `identifier` refers to, when it is the binding's only write
 * (`const x = …`, or a `let` that is never reassigned); undefined for parameters, imports,
 * reassigned or destructured bindings.
 */
export function bindingInit(identifier: TSESTree.Identifier, scope: Scope): TSESTree.Expression | undefined {
  const variable = ASTUtils.findVariable(scope, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || definition?.type !== 'Variable') return undefined;
  const declarator = definition.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  const writes = variable.references.filter((reference) => reference.isWrite());
  if (writes.length !== 1 || writes[0]?.identifier !== declarator.id) return undefined;
  return declarator.init;
}

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/** The function `node` is, or names in this module (`function f() {}`, `const f = () => …`); undefined otherwise. */
export function sameFileFunction(node: TSESTree.Node, scope: Scope): FunctionNode | undefined {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.ArrowFunctionExpression || inner.type === AST_NODE_TYPES.FunctionExpression) return inner;
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(scope, inner);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type === 'FunctionName' && definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node;
  const init = bindingInit(inner, scope);
  return init && (init.type === AST_NODE_TYPES.ArrowFunctionExpression || init.type === AST_NODE_TYPES.FunctionExpression) ? init : undefined;
}

/**
 * The class member `this.name` reads, from inside its class: a method or getter (its function)
 * or a field (its initialiser). Undefined when `this` may be something else (inside a nested
 * `function`), the name is computed, the member is inherited, or the class assigns it anew.
 */
export function thisMember(member: TSESTree.MemberExpression): { fn: FunctionNode; kind: 'method' | 'get' } | { value: TSESTree.Node } | undefined {
  if (member.object.type !== AST_NODE_TYPES.ThisExpression || member.computed) return undefined;
  const name = member.property.type === AST_NODE_TYPES.Identifier || member.property.type === AST_NODE_TYPES.PrivateIdentifier ? member.property : undefined;
  if (!name) return undefined;
  let node: TSESTree.Node | undefined = member.parent;
  while (node && node.type !== AST_NODE_TYPES.ClassBody) {
    // A `function` has a `this` of its own, unless it is the class's method itself.
    if ((node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration) && node.parent?.type !== AST_NODE_TYPES.MethodDefinition) return undefined;
    node = node.parent;
  }
  if (!node) return undefined;
  const sameName = (key: TSESTree.Node, computed: boolean): boolean => !computed && key.type === name.type && (key as { name: string }).name === name.name;
  const members = node.body.filter(
    (candidate): candidate is TSESTree.MethodDefinition | TSESTree.PropertyDefinition =>
      (candidate.type === AST_NODE_TYPES.MethodDefinition || candidate.type === AST_NODE_TYPES.PropertyDefinition) && !candidate.static && sameName(candidate.key, candidate.computed),
  );
  const getter = members.find((candidate) => candidate.type === AST_NODE_TYPES.MethodDefinition && candidate.kind === 'get');
  const found = getter ?? (members.length === 1 ? members[0] : undefined);
  if (!found || changesThisMember(node, name.name, found.type === AST_NODE_TYPES.PropertyDefinition)) return undefined;
  if (found.type === AST_NODE_TYPES.MethodDefinition) {
    const fn = found.value;
    return fn.type === AST_NODE_TYPES.FunctionExpression && (found.kind === 'get' || found.kind === 'method') ? { fn, kind: found.kind } : undefined;
  }
  return found.value ? { value: found.value } : undefined;
}

/**
 * Whether the class body assigns `this.name` anew, or, for a field (whose object every call
 * shares), changes it in place: `this.name.set(…)`, `this.name[key] = …`, handing it to a call.
 */
function changesThisMember(body: TSESTree.ClassBody, name: string, field: boolean): boolean {
  let found = false;
  const isThisMember = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression && !node.computed && 'name' in node.property && node.property.name === name;
  const changes = (use: TSESTree.Node): boolean => {
    const parent = use.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === use) return true;
    if (!field) return false;
    if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(use as TSESTree.Expression)) return true;
    if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== use) return false;
    const grand = parent.parent;
    return (
      (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) ||
      grand?.type === AST_NODE_TYPES.UpdateExpression ||
      (grand?.type === AST_NODE_TYPES.UnaryExpression && grand.operator === 'delete') ||
      (grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === parent)
    );
  };
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (isThisMember(node) && changes(node)) {
      found = true;
      return;
    }
    forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/**
 * What a same-file function returns: an arrow's expression body, or the argument of every
 * `return` in its body (not in functions nested in it), with the scope they are read in.
 * Undefined when a `return` has no value or the function's scope cannot be found.
 */
export function returnedValues(fn: FunctionNode, scope: Scope): { values: TSESTree.Node[]; scope: Scope } | undefined {
  const fnScope = functionScope(fn, scope);
  if (!fnScope) return undefined;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return { values: [fn.body], scope: fnScope };
  const values: TSESTree.Node[] = [];
  let bare = false;
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) values.push(node.argument);
      else bare = true;
      return;
    }
    if (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.ClassBody) return;
    forEachChild(node, visit);
  };
  fn.body.body.forEach(visit);
  return bare ? undefined : { values, scope: fnScope };
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Calls `visit` on each node directly inside `node` (its `parent` link aside). */
function forEachChild(node: TSESTree.Node, visit: (child: TSESTree.Node) => void): void {
  for (const [key, child] of Object.entries(node)) {
    if (key === 'parent') continue;
    if (Array.isArray(child)) for (const item of child) if (isNode(item)) visit(item);
    if (isNode(child)) visit(child);
  }
}

/** The scope of a function, found among the child scopes of the scopes from `scope` outward. */
function functionScope(fn: FunctionNode, scope: Scope): Scope | undefined {
  for (let current: Scope | null = scope; current; current = current.upper) {
    const found = findChildScope(current, fn, 3);
    if (found) return found;
  }
  return undefined;
}

function findChildScope(scope: Scope, block: TSESTree.Node, depth: number): Scope | undefined {
  for (const child of scope.childScopes) {
    if (child.block === block) return child;
  }
  if (depth === 0) return undefined;
  for (const child of scope.childScopes) {
    const found = findChildScope(child, block, depth - 1);
    if (found) return found;
  }
  return undefined;
}

/** The variable a `const x = <node>` / `let x = <node>` declaration binds `node` to, if any. */
export function boundVariable(node: TSESTree.Node, scope: Scope): TSESLint.Scope.Variable | undefined {
  const parent = node.parent;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== node) return undefined;
  if (parent.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return ASTUtils.findVariable(scope, parent.id) ?? undefined;
}

/** True when `identifier` names the global (not a local or imported binding of the same name). */
export function isGlobalReference(identifier: TSESTree.Identifier, scope: Scope): boolean {
  const variable = ASTUtils.findVariable(scope, identifier);
  return !variable || variable.defs.length === 0;
}

/** A string known in full (`complete`) or only up to a dynamic part (`complete: false`). */
export interface PartialString {
  text: string;
  complete: boolean;
}

/** Resolves what static evaluation cannot: a string whose type checker knows its literal value. */
export type TypeValueResolver = (node: TSESTree.Node) => string | undefined;

const MAX_DEPTH = 8;

/**
 * The known part of a string expression: all of it when static, else its static head
 * (`${BASE}/bookings/${id}` → `https://…/bookings/`). Undefined when not even the head is known.
 */
export function partialString(
  node: TSESTree.Node,
  scope: Scope,
  typeValue?: TypeValueResolver,
  depth = 0,
  expanding: readonly TSESTree.Node[] = [],
  urlFallback = false,
): PartialString | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = unwrap(node);
  const full = staticString(inner, scope);
  if (full !== undefined) return { text: full, complete: true };
  const recurse = (child: TSESTree.Node, through = expanding): PartialString | undefined => partialString(child, scope, typeValue, depth + 1, through, urlFallback);
  switch (inner.type) {
    case AST_NODE_TYPES.LogicalExpression:
      // `process.env.ENGIUM_URL ?? 'https://api.engium.app/api/v1'`: the code names the API it
      // calls by its fallback, and the variable only moves it (staging, a proxy). Only for URLs:
      // a header value's fallback says nothing of the value the variable holds.
      return urlFallback && inner.operator !== '&&' ? recurse(inner.right) : undefined;
    case AST_NODE_TYPES.Identifier: {
      const init = bindingInit(inner, scope);
      // A constant built from itself (`const url = \`${BASE}/${url}\``) has no static value.
      if (init) return expanding.includes(init) ? undefined : recurse(init, [...expanding, init]);
      const typed = typeValue?.(inner);
      return typed === undefined ? undefined : { text: typed, complete: true };
    }
    case AST_NODE_TYPES.TemplateLiteral: {
      let text = '';
      for (const [index, quasi] of inner.quasis.entries()) {
        text += quasi.value.cooked ?? quasi.value.raw;
        const expression = inner.expressions[index];
        if (!expression) break;
        const part = recurse(expression);
        if (!part) return { text, complete: false };
        text += part.text;
        if (!part.complete) return { text, complete: false };
      }
      return { text, complete: true };
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (inner.operator !== '+') return undefined;
      const left = recurse(inner.left);
      if (!left?.complete) return left;
      const right = recurse(inner.right);
      if (!right) return { text: left.text, complete: false };
      return { text: left.text + right.text, complete: right.complete };
    }
    case AST_NODE_TYPES.NewExpression:
      return urlConstruction(inner, scope, recurse);
    case AST_NODE_TYPES.MemberExpression: {
      // `new URL(…).href` and `url.href` read the same string the URL holds.
      const property = ASTUtils.getPropertyName(inner, scope);
      return property === 'href' ? recurse(inner.object) : undefined;
    }
    case AST_NODE_TYPES.CallExpression: {
      // `url.toString()`
      const callee = inner.callee;
      if (callee.type === AST_NODE_TYPES.MemberExpression && inner.arguments.length === 0) {
        if (ASTUtils.getPropertyName(callee, scope) === 'toString') return recurse(callee.object);
      }
      return typeValue ? typed(inner, typeValue) : undefined;
    }
    default:
      return typeValue ? typed(inner, typeValue) : undefined;
  }
}

function typed(node: TSESTree.Node, typeValue: TypeValueResolver): PartialString | undefined {
  const value = typeValue(node);
  return value === undefined ? undefined : { text: value, complete: true };
}

/** `new URL(path, base)`, resolved by the URL class itself so relative paths behave as at run time. */
function urlConstruction(
  node: TSESTree.NewExpression,
  scope: Scope,
  recurse: (child: TSESTree.Node) => PartialString | undefined,
): PartialString | undefined {
  if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'URL') return undefined;
  if (!isGlobalReference(node.callee, scope)) return undefined;
  const [pathNode, baseNode] = node.arguments;
  if (!pathNode || pathNode.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const path = recurse(pathNode);
  if (!baseNode || baseNode.type === AST_NODE_TYPES.SpreadElement) return path;
  const base = recurse(baseNode);
  if (!base?.complete) return undefined;
  if (!path) return undefined;
  try {
    return { text: new URL(path.text, base.text).href.replace(/\/$/, path.text.endsWith('/') ? '/' : ''), complete: path.complete };
  } catch {
    return undefined;
  }
}

/** The known part of a URL expression: `partialString`, and a URL from a variable with a literal fallback is the fallback's. */
export function partialUrl(node: TSESTree.Node, scope: Scope, typeValue?: TypeValueResolver): PartialString | undefined {
  return partialString(node, scope, typeValue, 0, [], true);
}

/** Stands for each part of a string that cannot be known statically, in a `stringShape`. */
export const UNKNOWN_PART = '\u0000';

/**
 * The whole string an expression builds, each dynamic part replaced by `UNKNOWN_PART`:
 * `` `${BASE}/sales?month=${m}&api_key=${key}` `` → `https://…/sales?month=\0&api_key=\0`. Unlike
 * `partialString`, it goes on past dynamic parts, so what is written after them (a credential in
 * the query) is seen wherever the URL is built.
 */
export function stringShape(node: TSESTree.Node, scope: Scope, typeValue?: TypeValueResolver, depth = 0, expanding: readonly TSESTree.Node[] = []): string {
  if (depth > MAX_DEPTH) return UNKNOWN_PART;
  const inner = unwrap(node);
  const full = staticString(inner, scope);
  if (full !== undefined) return full;
  const recurse = (child: TSESTree.Node, through = expanding): string => stringShape(child, scope, typeValue, depth + 1, through);
  switch (inner.type) {
    case AST_NODE_TYPES.Identifier: {
      const init = bindingInit(inner, scope);
      if (init) return expanding.includes(init) ? UNKNOWN_PART : recurse(init, [...expanding, init]);
      return typeValue?.(inner) ?? UNKNOWN_PART;
    }
    case AST_NODE_TYPES.TemplateLiteral:
      return inner.quasis.map((quasi, index) => (quasi.value.cooked ?? quasi.value.raw) + (inner.expressions[index] ? recurse(inner.expressions[index]) : '')).join('');
    case AST_NODE_TYPES.BinaryExpression:
      return inner.operator === '+' ? recurse(inner.left) + recurse(inner.right) : UNKNOWN_PART;
    case AST_NODE_TYPES.NewExpression: {
      if (inner.callee.type !== AST_NODE_TYPES.Identifier || !isGlobalReference(inner.callee, scope)) return UNKNOWN_PART;
      const [first, second] = inner.arguments;
      // `new URLSearchParams({ api_key: key })` as text: `api_key=\0`.
      if (inner.callee.name === 'URLSearchParams') return first ? queryShape(first, scope) : '';
      if (inner.callee.name !== 'URL' || !first) return UNKNOWN_PART;
      const known = partialString(inner, scope, typeValue, depth + 1);
      if (known?.complete) return known.text;
      const path = recurse(first);
      return second && !/^[a-z][a-z\d+.-]*:\/\//i.test(path) ? `${recurse(second)}/${path}` : path;
    }
    case AST_NODE_TYPES.MemberExpression:
      return ASTUtils.getPropertyName(inner, scope) === 'href' ? recurse(inner.object) : UNKNOWN_PART;
    case AST_NODE_TYPES.CallExpression: {
      const callee = inner.callee;
      if (callee.type === AST_NODE_TYPES.MemberExpression && inner.arguments.length === 0 && ASTUtils.getPropertyName(callee, scope) === 'toString') return recurse(callee.object);
      return typeValue?.(inner) ?? UNKNOWN_PART;
    }
    default:
      return UNKNOWN_PART;
  }
}

/** An object literal of query parameters as a query string shape: `{ api_key, page: 2 }` → `api_key=\0&page=\0`. */
function queryShape(node: TSESTree.Node, scope: Scope): string {
  const inner = unwrap(node);
  if (inner.type !== AST_NODE_TYPES.ObjectExpression) return UNKNOWN_PART;
  return inner.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? `${ASTUtils.getPropertyName(property, scope) ?? UNKNOWN_PART}=${UNKNOWN_PART}` : UNKNOWN_PART)).join('&');
}
