/**
 * Which headers a request sends, as far as one file shows: object literals, same-file constants,
 * spreads, `new Headers()` with `set`/`append`, and writes to the headers object. What cannot be
 * followed is kept as an `unknown` entry, so a header is decided as present, absent or unknown.
 */
import { sameHeaderName } from '@engium/core';
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { bindingInit, isGlobalReference, returnedValues, sameFileFunction, staticString, thisMember, unwrap, type FunctionNode, type Scope } from './static.js';

export type HeaderEntry =
  /** A header whose name is known; `value` is its value expression when the code has one. */
  | { kind: 'named'; name: string; value: TSESTree.Node | undefined }
  /**
   * Headers that cannot be listed: `node` evaluates to a headers object (`headers`) or a whole
   * request config (`options`), or is a shared client whose defaults any module may set
   * (`shared-defaults`: the global axios), which types cannot decide.
   */
  | { kind: 'unknown'; node: TSESTree.Node; shape: 'headers' | 'options' | 'shared-defaults' }
  /** One of two header sets (`cond ? a : b`, `a ?? b`). */
  | { kind: 'either'; options: readonly [HeaderEntry[], HeaderEntry[]] };

export type Presence =
  | { state: 'present'; value: TSESTree.Node | undefined }
  | { state: 'absent' }
  | { state: 'unknown' };

/** Decides an unknown entry with type information: does a value of this type carry the header? */
export type HeaderTypeCheck = (node: TSESTree.Node, shape: 'headers' | 'options', name: string) => 'present' | 'absent' | 'unknown';

const MAX_DEPTH = 8;

/** The groups axios keeps headers in, in configs and defaults: `common`, and one per HTTP method. */
export const AXIOS_HEADER_GROUPS: ReadonlySet<string> = new Set(['common', 'get', 'delete', 'head', 'options', 'post', 'put', 'patch']);

/** Whether `entries` send header `name` (case-insensitively). */
export function findHeader(entries: readonly HeaderEntry[], name: string, typeCheck?: HeaderTypeCheck): Presence {
  let found: Presence | undefined;
  let unknown = false;
  for (const entry of entries) {
    if (entry.kind === 'named') {
      if (sameHeaderName(entry.name, name)) found = { state: 'present', value: entry.value };
    } else if (entry.kind === 'either') {
      const [a, b] = entry.options.map((option) => findHeader(option, name, typeCheck));
      if (a?.state === 'present' && b?.state === 'present') found ??= { state: 'present', value: undefined };
      else if (a?.state !== 'absent' || b?.state !== 'absent') unknown = true;
    } else {
      const verdict = typeCheck && entry.shape !== 'shared-defaults' ? typeCheck(entry.node, entry.shape, name) : 'unknown';
      if (verdict === 'present') found ??= { state: 'present', value: undefined };
      else if (verdict === 'unknown') unknown = true;
    }
  }
  return found ?? (unknown ? { state: 'unknown' } : { state: 'absent' });
}

/** The header entries of a headers value: an object, `[name, value]` pairs, `new Headers(…)` or a binding to one. */
export function headerEntries(node: TSESTree.Node, scope: Scope, depth = 0): HeaderEntry[] {
  if (depth > MAX_DEPTH) return [{ kind: 'unknown', node, shape: 'headers' }];
  const inner = unwrap(node);
  const recurse = (child: TSESTree.Node): HeaderEntry[] => headerEntries(child, scope, depth + 1);
  switch (inner.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return inner.properties.flatMap((property): HeaderEntry[] => {
        if (property.type === AST_NODE_TYPES.SpreadElement) return recurse(property.argument);
        const name = ASTUtils.getPropertyName(property, scope);
        return name === null ? [{ kind: 'unknown', node: property, shape: 'headers' }] : [{ kind: 'named', name, value: property.value }];
      });
    case AST_NODE_TYPES.ArrayExpression:
      return inner.elements.flatMap((element): HeaderEntry[] => {
        if (!element) return [];
        const pair = unwrap(element);
        if (pair.type !== AST_NODE_TYPES.ArrayExpression || !pair.elements[0]) return [{ kind: 'unknown', node: element, shape: 'headers' }];
        const name = staticString(pair.elements[0], scope);
        return name === undefined ? [{ kind: 'unknown', node: element, shape: 'headers' }] : [{ kind: 'named', name, value: pair.elements[1] ?? undefined }];
      });
    case AST_NODE_TYPES.NewExpression:
      if (inner.callee.type === AST_NODE_TYPES.Identifier && inner.callee.name === 'Headers' && isGlobalReference(inner.callee, scope)) {
        const [init] = inner.arguments;
        return init ? recurse(init) : [];
      }
      return [{ kind: 'unknown', node: inner, shape: 'headers' }];
    case AST_NODE_TYPES.ConditionalExpression:
      return [{ kind: 'either', options: [recurse(inner.consequent), recurse(inner.alternate)] }];
    case AST_NODE_TYPES.LogicalExpression:
      if (inner.operator === '&&') return [{ kind: 'unknown', node: inner, shape: 'headers' }];
      return [{ kind: 'either', options: [recurse(inner.left), recurse(inner.right)] }];
    case AST_NODE_TYPES.Literal:
      return inner.value === null ? [] : [{ kind: 'unknown', node: inner, shape: 'headers' }];
    case AST_NODE_TYPES.Identifier: {
      if (inner.name === 'undefined' && isGlobalReference(inner, scope)) return [];
      const init = bindingInit(inner, scope);
      if (!init) return [{ kind: 'unknown', node: inner, shape: 'headers' }];
      return [...recurse(init), ...bindingWrites(inner, scope)];
    }
    case AST_NODE_TYPES.AwaitExpression:
      return recurse(inner.argument);
    case AST_NODE_TYPES.MemberExpression: {
      // `this.headers`: a field or getter of the class the call is made in.
      const member = thisMember(inner);
      if (member && 'value' in member) return recurse(member.value);
      if (member?.kind === 'get') return returnedHeaders(member.fn, inner, scope, depth);
      return [{ kind: 'unknown', node: inner, shape: 'headers' }];
    }
    case AST_NODE_TYPES.CallExpression:
      return callHeaders(inner, scope, depth);
    default:
      return [{ kind: 'unknown', node: inner, shape: 'headers' }];
  }
}

/**
 * The headers a call returns: `Object.assign({}, a, b)`, or a function of this module whose every
 * `return` gives headers (`function authHeaders() { return { … } }`), each return one option.
 * Any other call, or one whose function returns nothing, is unknown.
 */
function callHeaders(call: TSESTree.CallExpression, scope: Scope, depth: number): HeaderEntry[] {
  const unknown: HeaderEntry[] = [{ kind: 'unknown', node: call, shape: 'headers' }];
  if (isObjectAssign(call.callee, scope)) return call.arguments.flatMap((argument) => headerEntries(argument, scope, depth + 1));
  const callee = unwrap(call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? thisMember(callee) : undefined;
  const fn = method && 'fn' in method ? (method.kind === 'method' ? method.fn : undefined) : sameFileFunction(callee, scope);
  return fn ? returnedHeaders(fn, call, scope, depth) : unknown;
}

/** The headers a function returns, each `return` one option; unknown when any `return` is bare. */
function returnedHeaders(fn: FunctionNode, at: TSESTree.Node, scope: Scope, depth: number): HeaderEntry[] {
  const returned = fn.generator ? undefined : returnedValues(fn, scope);
  if (!returned || returned.values.length === 0) return [{ kind: 'unknown', node: at, shape: 'headers' }];
  return returned.values
    .map((value) => headerEntries(value, returned.scope, depth + 1))
    .reduce((either, option): HeaderEntry[] => [{ kind: 'either', options: [either, option] }]);
}

function isObjectAssign(callee: TSESTree.Node, scope: Scope): boolean {
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Object' &&
    isGlobalReference(callee.object, scope) &&
    ASTUtils.getPropertyName(callee, scope) === 'assign'
  );
}

/**
 * Headers added to a headers binding after it was made: `h.set(n, v)`, `h.append(n, v)`,
 * `h[n] = v`, `Object.assign(h, …)`. Handing the binding to any other call may add anything.
 */
function bindingWrites(identifier: TSESTree.Identifier, scope: Scope): HeaderEntry[] {
  const variable = ASTUtils.findVariable(scope, identifier);
  if (!variable) return [];
  const entries: HeaderEntry[] = [];
  for (const reference of variable.references) {
    if (reference.isWrite()) continue;
    entries.push(...writeThrough(reference, scope));
  }
  return entries;
}

function writeThrough(reference: TSESLint.Scope.Reference, scope: Scope): HeaderEntry[] {
  const use = reference.identifier as TSESTree.Node;
  const parent = use.parent;
  if (!parent) return [];
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === use) {
    const grand = parent.parent;
    const member = ASTUtils.getPropertyName(parent, scope);
    if (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) {
      return member === null ? [{ kind: 'unknown', node: grand, shape: 'headers' }] : [{ kind: 'named', name: member, value: grand.right }];
    }
    if (grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === parent && (member === 'set' || member === 'append')) {
      const [nameNode, valueNode] = grand.arguments;
      const name = nameNode ? staticString(nameNode, scope) : undefined;
      return name === undefined ? [{ kind: 'unknown', node: grand, shape: 'headers' }] : [{ kind: 'named', name, value: valueNode }];
    }
    return [];
  }
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(use as TSESTree.Expression)) {
    if (isObjectAssign(parent.callee, scope)) {
      if (parent.arguments[0] !== use) return [];
      return parent.arguments.slice(1).flatMap((source) => headerEntries(source, scope, MAX_DEPTH - 2));
    }
    // Passed to the request itself or to any other function, which may add headers.
    return isRequestArgument(parent) ? [] : [{ kind: 'unknown', node: parent, shape: 'headers' }];
  }
  return [];
}

/** Calls that read headers without changing them: the HTTP clients this plugin knows consume them. */
function isRequestArgument(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier
        ? callee.property.name
        : '';
  return ['fetch', '$fetch', 'ofetch', 'get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'set'].includes(name);
}

/** A property's value expressions in a request config, through spreads and same-file bindings; unknown parts listed apart. */
export interface OptionValues {
  values: TSESTree.Node[];
  unknown: TSESTree.Node[];
}

export function optionValues(node: TSESTree.Node | undefined, name: string, scope: Scope, depth = 0): OptionValues {
  const result: OptionValues = { values: [], unknown: [] };
  if (!node) return result;
  if (depth > MAX_DEPTH) return { values: [], unknown: [node] };
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of inner.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        const nested = optionValues(property.argument, name, scope, depth + 1);
        result.values.push(...nested.values);
        result.unknown.push(...nested.unknown);
        continue;
      }
      const key = ASTUtils.getPropertyName(property, scope);
      if (key === name) result.values.push(property.value);
      else if (key === null) result.unknown.push(property);
    }
    return result;
  }
  if (inner.type === AST_NODE_TYPES.Identifier) {
    if (inner.name === 'undefined' && isGlobalReference(inner, scope)) return result;
    const init = bindingInit(inner, scope);
    if (!init) return { values: [], unknown: [inner] };
    const nested = optionValues(init, name, scope, depth + 1);
    // `options.headers = …` after the declaration.
    const variable = ASTUtils.findVariable(scope, inner);
    for (const reference of variable?.references ?? []) {
      const parent = (reference.identifier as TSESTree.Node).parent;
      if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier) continue;
      const assignment = parent.parent;
      if (assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === parent && ASTUtils.getPropertyName(parent, scope) === name) {
        nested.values.push(assignment.right);
      }
    }
    return nested;
  }
  if (inner.type === AST_NODE_TYPES.Literal && inner.value === null) return result;
  return { values: [], unknown: [inner] };
}

/** The header entries of a request config's `headers` option (or of an unknown config as a whole). */
export function configHeaderEntries(config: TSESTree.Node | undefined, scope: Scope, headersOption = 'headers'): HeaderEntry[] {
  const { values, unknown } = optionValues(config, headersOption, scope);
  return [
    ...values.flatMap((value) => headerEntries(value, scope)),
    ...unknown.map((node): HeaderEntry => ({ kind: 'unknown', node, shape: 'options' })),
  ];
}

/** The static string of a config option (`method: 'POST'`), undefined when absent, null when unknown. */
export function configString(config: TSESTree.Node | undefined, name: string, scope: Scope): string | undefined | null {
  const { values, unknown } = optionValues(config, name, scope);
  const last = values.at(-1);
  if (last) return staticString(last, scope) ?? null;
  return unknown.length > 0 ? null : undefined;
}
