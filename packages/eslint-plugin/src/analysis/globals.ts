/**
 * References to globals such as `fetch` or `process`. ESLint's ReferenceTracker only follows
 * globals the config declares (`languageOptions.globals`), and the minimal setup declares none, so
 * undeclared references (`globalScope.through`) count too. A module-level binding of the same
 * name resolves to it and is never listed.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

const GLOBAL_OBJECTS = ['globalThis', 'window', 'self', 'global'];

function directReferences(globalScope: TSESLint.Scope.Scope, name: string): TSESTree.Identifier[] {
  const declared = globalScope.set.get(name);
  const references = [
    ...(declared && declared.defs.length === 0 ? declared.references : []),
    ...globalScope.through.filter((reference) => reference.identifier.name === name),
  ];
  const seen = new Set<TSESTree.Node>();
  const result: TSESTree.Identifier[] = [];
  for (const reference of references) {
    if (reference.isWrite() || seen.has(reference.identifier)) continue;
    seen.add(reference.identifier);
    if (reference.identifier.type === AST_NODE_TYPES.Identifier) result.push(reference.identifier);
  }
  return result;
}

/** Expressions that read global `name`: `name`, `window.name`, `globalThis.name`, in source order. */
export function globalUses(globalScope: TSESLint.Scope.Scope, name: string): TSESTree.Node[] {
  const uses: TSESTree.Node[] = directReferences(globalScope, name);
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
