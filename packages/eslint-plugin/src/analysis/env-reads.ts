/**
 * Reads of environment variables: `process.env.NAME` (and `['NAME']`, destructuring),
 * `import.meta.env.NAME`, and SvelteKit's `$env/*` modules.
 */
import { svelteKitEnvModule, type EnvModule } from '@engium/core';
import { globalUses } from './globals.js';
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

export interface EnvRead {
  name: string;
  /** The node that names the variable (a member expression, a destructured property, an import specifier). */
  node: TSESTree.Node;
  source: 'process.env' | 'import.meta.env' | EnvModule;
}

function namesFromPattern(pattern: TSESTree.Node, scope: TSESLint.Scope.Scope): { name: string; node: TSESTree.Node }[] {
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return [];
  return pattern.properties.flatMap((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return [];
    const name = ASTUtils.getPropertyName(property, scope);
    return name === null ? [] : [{ name, node: property }];
  });
}

/** How many aliases deep an env object is followed (`const env = process.env; const e = env;`). */
const MAX_ALIAS_DEPTH = 3;

/**
 * The variables read from an env object expression (`process.env`, `import.meta.env`, SvelteKit's
 * `env`): a member read, destructuring, or reads through a binding it is stored in
 * (`const env = process.env; env.NAME`).
 */
export function readsFromEnvObject(envObject: TSESTree.Node, scope: TSESLint.Scope.Scope, depth = 0): { name: string; node: TSESTree.Node }[] {
  const parent = envObject.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === envObject) {
    const name = ASTUtils.getPropertyName(parent, scope);
    return name === null ? [] : [{ name, node: parent }];
  }
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === envObject) {
    if (parent.id.type !== AST_NODE_TYPES.Identifier) return namesFromPattern(parent.id, scope);
    return depth < MAX_ALIAS_DEPTH ? aliasReads(parent.id, scope, depth) : [];
  }
  return [];
}

/** Reads through every use of an alias binding of an env object. */
function aliasReads(alias: TSESTree.Identifier, scope: TSESLint.Scope.Scope, depth: number): { name: string; node: TSESTree.Node }[] {
  const variable = ASTUtils.findVariable(scope, alias);
  return (variable?.references ?? []).flatMap((reference) => (reference.init ? [] : readsFromEnvObject(reference.identifier as TSESTree.Node, reference.from, depth + 1)));
}

/** Env reads through the global `process.env` (or an imported `process`). */
export function processEnvReads(sourceCode: Readonly<TSESLint.SourceCode>): EnvRead[] {
  const globalScope = sourceCode.getScope(sourceCode.ast);
  const tracker = new ASTUtils.ReferenceTracker(globalScope);
  const processUses: TSESTree.Node[] = globalUses(globalScope, 'process');
  for (const { node } of tracker.iterateEsmReferences({ process: { [ASTUtils.ReferenceTracker.READ]: true }, 'node:process': { [ASTUtils.ReferenceTracker.READ]: true } })) {
    if (node.type !== AST_NODE_TYPES.ImportDefaultSpecifier && node.type !== AST_NODE_TYPES.ImportNamespaceSpecifier) continue;
    for (const variable of sourceCode.getDeclaredVariables(node)) processUses.push(...variable.references.map((reference) => reference.identifier as TSESTree.Node));
  }
  const reads: EnvRead[] = [];
  for (const envObject of processUses.flatMap((use) => envObjects(use, sourceCode))) {
    for (const read of readsFromEnvObject(envObject, sourceCode.getScope(envObject))) reads.push({ ...read, source: 'process.env' });
  }
  return reads;
}

/** The `process.env` expressions a use of `process` gives: `process.env`, or the `env` of `const { env } = process`. */
function envObjects(processUse: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node[] {
  const parent = processUse.parent;
  const scope = sourceCode.getScope(processUse);
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === processUse) return ASTUtils.getPropertyName(parent, scope) === 'env' ? [parent] : [];
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== processUse || parent.id.type !== AST_NODE_TYPES.ObjectPattern) return [];
  const envProperty = parent.id.properties.find(
    (property): property is TSESTree.ObjectPatternProperty => property.type === AST_NODE_TYPES.Property && ASTUtils.getPropertyName(property, scope) === 'env' && property.value.type === AST_NODE_TYPES.Identifier,
  );
  if (!envProperty) return [];
  const variable = ASTUtils.findVariable(scope, envProperty.value as TSESTree.Identifier);
  return (variable?.references ?? []).filter((reference) => !reference.init).map((reference) => reference.identifier as TSESTree.Node);
}

/** Env reads through `import.meta.env`, given the `import.meta.env` member expression. */
export function importMetaEnvReads(envObject: TSESTree.MemberExpression, scope: TSESLint.Scope.Scope): EnvRead[] {
  return readsFromEnvObject(envObject, scope).map((read) => ({ ...read, source: 'import.meta.env' }));
}

/** Env reads through SvelteKit's `$env/static/*` named imports and `$env/dynamic/*`'s `env` object. */
export function svelteKitEnvReads(declaration: TSESTree.ImportDeclaration, sourceCode: Readonly<TSESLint.SourceCode>): EnvRead[] {
  const module = svelteKitEnvModule(declaration.source.value);
  if (!module) return [];
  const reads: EnvRead[] = [];
  for (const specifier of declaration.specifiers) {
    if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) continue;
    const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
    if (module.specifier.startsWith('$env/static/')) {
      reads.push({ name: imported, node: specifier, source: module });
    } else if (imported === 'env') {
      for (const variable of sourceCode.getDeclaredVariables(specifier)) {
        for (const reference of variable.references) {
          const use = reference.identifier as TSESTree.Node;
          for (const read of readsFromEnvObject(use, sourceCode.getScope(use))) reads.push({ ...read, source: module });
        }
      }
    }
  }
  return reads;
}
