/**
 * Headers that code run before each request sets, read from the hook's body when it is in the
 * same module: an axios request interceptor (`api.interceptors.request.use((config) => { … })`)
 * and ky / got `hooks.beforeRequest` (`(request) => request.headers.set(…)`). What the body does
 * beyond plain header writes on its parameter stays unknown.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { headerEntries, optionValues, type HeaderEntry } from './headers.js';
import { sameFileFunction, staticString, unwrap, type Scope } from './static.js';

const unknown = (node: TSESTree.Node): HeaderEntry[] => [{ kind: 'unknown', node, shape: 'headers' }];

/** The headers a client config's hook option sets: ky / got `hooks.beforeRequest`; other hook options are unknown. */
export function hookOptionHeaders(option: string, value: TSESTree.Node, scope: Scope, sourceCode: Readonly<TSESLint.SourceCode>): HeaderEntry[] {
  if (option !== 'hooks') return unknown(value);
  const { values, unknown: unknownParts } = optionValues(value, 'beforeRequest', scope);
  const entries: HeaderEntry[] = unknownParts.flatMap(unknown);
  for (const hooks of values) {
    const list = unwrap(hooks);
    if (list.type !== AST_NODE_TYPES.ArrayExpression) {
      entries.push(...unknown(hooks));
      continue;
    }
    for (const hook of list.elements) {
      if (hook) entries.push(...(hook.type === AST_NODE_TYPES.SpreadElement ? unknown(hook) : functionHeaders(hook, scope, sourceCode)));
    }
  }
  return entries;
}

/** The headers a hook function sets on the request (or config) it is handed as its first parameter. */
export function functionHeaders(node: TSESTree.Node, scope: Scope, sourceCode: Readonly<TSESLint.SourceCode>): HeaderEntry[] {
  const fn = sameFileFunction(node, scope);
  if (!fn) return unknown(node);
  const [parameter] = fn.params;
  // A hook that is handed nothing cannot change the request through it.
  if (!parameter) return [];
  if (parameter.type !== AST_NODE_TYPES.Identifier) return unknown(parameter);
  const variable = sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === parameter.name);
  if (!variable) return unknown(parameter);
  const bodyScope = sourceCode.getScope(fn);
  return variable.references.flatMap((reference) => writesThrough(reference.identifier as TSESTree.Node, bodyScope));
}


/** What one use of the hook's parameter does to the request's headers. */
function writesThrough(use: TSESTree.Node, scope: Scope): HeaderEntry[] {
  const parent = use.parent;
  if (!parent) return [];
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === use) {
    return ASTUtils.getPropertyName(parent, scope) === 'headers' ? headersObjectUse(parent, scope) : [];
  }
  // Handed to another function, which may set anything.
  if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(use as TSESTree.Expression)) return unknown(parent);
  // Copied into a new config (`return { ...config, headers: {…} }`), whose headers are not followed.
  if (parent.type === AST_NODE_TYPES.SpreadElement) return unknown(parent);
  return [];
}

/** A use of `param.headers`: a write of one header, a `set` / `append`, a whole new headers value, or `Object.assign`. */
function headersObjectUse(headers: TSESTree.MemberExpression, scope: Scope): HeaderEntry[] {
  const parent = headers.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === headers) return headerEntries(parent.right, scope);
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === headers) {
    const member = ASTUtils.getPropertyName(parent, scope);
    const grand = parent.parent;
    if (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) {
      return member === null ? unknown(grand) : [{ kind: 'named', name: member, value: grand.right }];
    }
    if (grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === parent && (member === 'set' || member === 'append')) {
      const [nameNode, value] = grand.arguments;
      const name = nameNode ? staticString(nameNode, scope) : undefined;
      return name === undefined ? unknown(grand) : [{ kind: 'named', name, value }];
    }
    return [];
  }
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === headers) {
    const callee = parent.callee;
    const isObjectAssign =
      callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Object' && ASTUtils.getPropertyName(callee, scope) === 'assign';
    return isObjectAssign ? parent.arguments.slice(1).flatMap((source) => headerEntries(source, scope)) : unknown(parent);
  }
  return [];
}
