/**
 * Headers that code run before each request sets, read from the hook's body when it is in the
 * same module: an axios request interceptor (`api.interceptors.request.use((config) => { … })`)
 * and ky / got `hooks.beforeRequest` (`(request) => request.headers.set(…)`). What the body does
 * beyond plain header writes on its parameter stays unknown.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AXIOS_HEADER_GROUPS, headerEntries, optionValues, type HeaderEntry } from './headers.js';
import { sameFileFunction, staticString, unwrap, type Scope } from './static.js';

const unknown = (node: TSESTree.Node): HeaderEntry[] => [{ kind: 'unknown', node, shape: 'headers' }];

/**
 * The headers a client config's hook option sets: ky / got `hooks.beforeRequest`, ofetch's
 * `onRequest`; other hook options (axios's `transformRequest`) are unknown.
 */
export function hookOptionHeaders(option: string, value: TSESTree.Node, scope: Scope, sourceCode: Readonly<TSESLint.SourceCode>): HeaderEntry[] {
  if (option === 'onRequest') return contextHookHeaders(value, scope, sourceCode);
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


/**
 * The headers an ofetch `onRequest` hook (or a list of them) sets on the request options of the
 * context it is handed: `onRequest({ options }) { options.headers.set(…) }`, or `ctx.options…`.
 */
function contextHookHeaders(node: TSESTree.Node, scope: Scope, sourceCode: Readonly<TSESLint.SourceCode>): HeaderEntry[] {
  const list = unwrap(node);
  if (list.type === AST_NODE_TYPES.ArrayExpression) {
    return list.elements.flatMap((hook) => (!hook || hook.type === AST_NODE_TYPES.SpreadElement ? unknown(hook ?? list) : contextHookHeaders(hook, scope, sourceCode)));
  }
  const fn = sameFileFunction(node, scope);
  if (!fn) return unknown(node);
  const [parameter] = fn.params;
  if (!parameter) return [];
  const bodyScope = sourceCode.getScope(fn);
  const declared = (name: string): TSESLint.Scope.Variable | undefined => sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === name);
  if (parameter.type === AST_NODE_TYPES.Identifier) {
    // `ctx.options` is the options object; any other use of the context may change it.
    return (declared(parameter.name)?.references ?? []).flatMap((reference) => {
      const use = reference.identifier as TSESTree.Node;
      const member = use.parent;
      if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === use) return ASTUtils.getPropertyName(member, bodyScope) === 'options' ? writesThrough(member, bodyScope) : [];
      return writesThrough(use, bodyScope);
    });
  }
  if (parameter.type !== AST_NODE_TYPES.ObjectPattern) return unknown(parameter);
  return parameter.properties.flatMap((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return unknown(property);
    const key = ASTUtils.getPropertyName(property, bodyScope);
    if (key !== 'options') return [];
    if (property.value.type !== AST_NODE_TYPES.Identifier) return unknown(property);
    return (declared(property.value.name)?.references ?? []).flatMap((reference) => writesThrough(reference.identifier as TSESTree.Node, bodyScope));
  });
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
  // Copied into the config the hook returns: `return { ...config, headers: {…} }`.
  if (parent.type === AST_NODE_TYPES.SpreadElement) return returnedCopy(parent, scope) ?? unknown(parent);
  return [];
}

/**
 * The headers a hook's returned copy of its parameter sets (`({ ...config, headers: {…} })`,
 * whose `...config.headers` spread keeps what the parameter had); undefined when the copy is not
 * what the hook returns.
 */
function returnedCopy(spread: TSESTree.SpreadElement, scope: Scope): HeaderEntry[] | undefined {
  const copy = spread.parent;
  if (copy?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const holder = copy.parent;
  const returned = holder?.type === AST_NODE_TYPES.ReturnStatement || (holder?.type === AST_NODE_TYPES.ArrowFunctionExpression && holder.body === copy);
  if (!returned) return undefined;
  // Only the copy's last own `headers` counts, and only if no other spread comes after it.
  const at = copy.properties.findLastIndex((property) => property.type === AST_NODE_TYPES.Property && ASTUtils.getPropertyName(property, scope) === 'headers');
  const headers = copy.properties[at];
  if (headers?.type !== AST_NODE_TYPES.Property) return [];
  if (copy.properties.slice(at + 1).some((property) => property.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  return headerEntries(headers.value, scope).filter((entry) => !(entry.kind === 'unknown' && isParameterHeaders(entry.node, spread.argument)));
}

/** `config.headers` of the parameter `config` that was spread. */
function isParameterHeaders(node: TSESTree.Node, parameter: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.MemberExpression && parameter.type === AST_NODE_TYPES.Identifier && node.object.type === AST_NODE_TYPES.Identifier && node.object.name === parameter.name && !node.computed && node.property.type === AST_NODE_TYPES.Identifier && node.property.name === 'headers';
}

/** A use of `param.headers`: a write of one header, a `set` / `append`, a whole new headers value, or `Object.assign`. */
function headersObjectUse(headers: TSESTree.MemberExpression, scope: Scope): HeaderEntry[] {
  const parent = headers.parent;
  // `options.headers = { ...options.headers, … }` keeps what the headers had.
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === headers) {
    return headerEntries(parent.right, scope).filter((entry) => !(entry.kind === 'unknown' && isParameterHeaders(entry.node, headers.object)));
  }
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === headers) {
    const member = ASTUtils.getPropertyName(parent, scope);
    const grand = parent.parent;
    // axios 0.x hands interceptors its header groups: `config.headers.common[name] = …`.
    if (member !== null && AXIOS_HEADER_GROUPS.has(member) && grand?.type === AST_NODE_TYPES.MemberExpression && grand.object === parent) return headersObjectUse(parent, scope);
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
