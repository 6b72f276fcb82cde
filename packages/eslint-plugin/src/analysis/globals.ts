/**
 * References to globals such as `fetch` or `process`. ESLint's ReferenceTracker only follows
 * globals the config declares (`languageOptions.globals`), and the minimal setup declares none, so
 * undeclared references (`globalScope.through`) count too. A module-level binding of the same
 * name resolves to it and is never listed.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

const GLOBAL_OBJECTS = ['globalThis', 'window', 'self', 'global'];

/** Each global name's read references, indexed once per scope in one pass over `through`. */
const indexes = new WeakMap<TSESLint.Scope.Scope, Map<string, TSESTree.Identifier[]>>();

function globalIndex(globalScope: TSESLint.Scope.Scope): Map<string, TSESTree.Identifier[]> {
  const cached = indexes.get(globalScope);
  if (cached) return cached;
  const index = new Map<string, TSESTree.Identifier[]>();
  const add = (reference: TSESLint.Scope.Reference): void => {
    const identifier = reference.identifier;
    if (reference.isWrite() || identifier.type !== AST_NODE_TYPES.Identifier) return;
    const list = index.get(identifier.name);
    if (!list) index.set(identifier.name, [identifier]);
    else if (!list.includes(identifier)) list.push(identifier);
  };
  for (const variable of globalScope.variables) {
    if (variable.defs.length === 0) variable.references.forEach(add);
  }
  globalScope.through.forEach(add);
  indexes.set(globalScope, index);
  return index;
}

function directReferences(globalScope: TSESLint.Scope.Scope, name: string): readonly TSESTree.Identifier[] {
  return globalIndex(globalScope).get(name) ?? [];
}

/** Expressions that read global `name`: `name`, `window.name`, `globalThis.name`, in source order. */
export function globalUses(globalScope: TSESLint.Scope.Scope, name: string): TSESTree.Node[] {
  const uses: TSESTree.Node[] = [...directReferences(globalScope, name)];
  for (const objectName of GLOBAL_OBJECTS) {
    for (const reference of directReferences(globalScope, objectName)) {
      const parent = reference.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference && ASTUtils.getPropertyName(parent, globalScope) === name) uses.push(parent);
    }
  }
  return uses.sort((a, b) => a.range[0] - b.range[0]);
}

/** `require('<module>')` calls whose module is one of `modules`, with the module name. */
export function requireCalls(globalScope: TSESLint.Scope.Scope, modules: readonly string[]): { call: TSESTree.CallExpression; module: string }[] {
  const calls: { call: TSESTree.CallExpression; module: string }[] = [];
  for (const use of globalUses(globalScope, 'require')) {
    const call = use.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== use) continue;
    const [argument] = call.arguments;
    const module = argument && ASTUtils.getStringIfConstant(argument, globalScope);
    if (module && modules.includes(module)) calls.push({ call, module });
  }
  return calls;
}
