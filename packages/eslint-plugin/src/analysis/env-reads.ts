/**
 * Reads of environment variables: `process.env.NAME` (and `['NAME']`, destructuring),
 * `import.meta.env.NAME`, SvelteKit's `$env/*` modules, and the app config modules of React
 * Native and Expo (`@env`, react-native-config's `Config`, expo-constants' `extra`).
 */
import { appConfigModule, svelteKitEnvModule, type AppConfigModule, type EnvModule } from '@engium/core';
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

/**
 * Whether `parent` hands on the value of `node` unchanged: `a?.b` chains, TypeScript's `as` and
 * `!`, and `x ?? {}` / `x || {}` (`const { NAME } = Constants.expoConfig?.extra ?? {}`).
 */
function isPassThrough(node: TSESTree.Node, parent: TSESTree.Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return true;
    case AST_NODE_TYPES.LogicalExpression:
      return parent.left === node;
    default:
      return false;
  }
}

/** How many aliases deep an env object is followed (`const env = process.env; const e = env;`). */
const MAX_ALIAS_DEPTH = 3;

/**
 * The variables read from an env object expression (`process.env`, `import.meta.env`, SvelteKit's
 * `env`): a member read, destructuring, or reads through a binding it is stored in
 * (`const env = process.env; env.NAME`).
 */
export function readsFromEnvObject(expression: TSESTree.Node, scope: TSESLint.Scope.Scope, depth = 0): { name: string; node: TSESTree.Node }[] {
  let envObject = expression;
  while (envObject.parent && isPassThrough(envObject, envObject.parent)) envObject = envObject.parent;
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

export interface AppConfigRead {
  name: string;
  node: TSESTree.Node;
  module: AppConfigModule;
}

/**
 * Reads through an import of an app config module: `import { NAME } from '@env'`, `Config.NAME`
 * and `const { NAME } = Config` for react-native-config's default or `Config` export (whatever its
 * local name), `Constants.expoConfig?.extra?.NAME` for expo-constants.
 */
export function appConfigReads(declaration: TSESTree.ImportDeclaration, sourceCode: Readonly<TSESLint.SourceCode>, extraEnvModules: readonly string[]): AppConfigRead[] {
  const module = appConfigModule(declaration.source.value, extraEnvModules);
  // Types are erased from the bundle: `import type { Env } from '@env'` ships nothing.
  if (!module || declaration.importKind === 'type') return [];
  const found: { name: string; node: TSESTree.Node }[] = [];
  if (module.reads === 'named-imports') {
    for (const specifier of declaration.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind !== 'type') {
        found.push({ name: specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value, node: specifier });
      } else if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) {
        found.push(...bindingReads(specifier, sourceCode));
      }
    }
  } else {
    // ReferenceTracker follows every import of the module at once: the first one answers for all.
    if (firstImportOf(module.specifier, sourceCode) !== declaration) return [];
    const tracker = new ASTUtils.ReferenceTracker(sourceCode.getScope(sourceCode.ast));
    for (const { node } of tracker.iterateEsmReferences({ [module.specifier]: objectTraceMap(module.reads.objects) })) {
      const isBinding = node.type === AST_NODE_TYPES.ImportDefaultSpecifier || node.type === AST_NODE_TYPES.ImportSpecifier;
      found.push(...(isBinding ? bindingReads(node, sourceCode) : objectReads(node, sourceCode)));
    }
  }
  return found.map((read) => ({ ...read, module }));
}

type TraceMap = Parameters<InstanceType<typeof ASTUtils.ReferenceTracker>['iterateEsmReferences']>[0];
type TraceLevel = Record<string | symbol, unknown>;

/** ReferenceTracker's map of one module's object paths, each path's end reported (`READ`). */
function objectTraceMap(objects: readonly (readonly string[])[]): TraceMap[string] {
  const root: TraceLevel = { [ASTUtils.ReferenceTracker.ESM]: true };
  for (const path of objects) {
    let level = root;
    for (const key of path) level = (level[key] ??= {}) as TraceLevel;
    level[ASTUtils.ReferenceTracker.READ] = true;
  }
  return root as TraceMap[string];
}

/** Reads of the properties of an imported binding's value, at each of its uses. */
function bindingReads(specifier: TSESTree.ImportClause, sourceCode: Readonly<TSESLint.SourceCode>): { name: string; node: TSESTree.Node }[] {
  return sourceCode.getDeclaredVariables(specifier).flatMap((variable) =>
    variable.references.flatMap((reference) => {
      const use = reference.identifier as TSESTree.Node;
      return readsFromEnvObject(use, sourceCode.getScope(use));
    }),
  );
}

/**
 * Reads of the properties of an object ReferenceTracker found: a member expression
 * (`Constants.expoConfig.extra`), or a destructured property holding it
 * (`const { extra } = Constants.expoConfig`, `const { extra: { NAME } } = …`).
 */
function objectReads(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): { name: string; node: TSESTree.Node }[] {
  const scope = sourceCode.getScope(node);
  if (node.type !== AST_NODE_TYPES.Property) return readsFromEnvObject(node, scope);
  const value = node.value.type === AST_NODE_TYPES.AssignmentPattern ? node.value.left : node.value;
  if (value.type === AST_NODE_TYPES.ObjectPattern) return namesFromPattern(value, scope);
  return value.type === AST_NODE_TYPES.Identifier ? aliasReads(value, scope, 0) : [];
}

function firstImportOf(specifier: string, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.ImportDeclaration | undefined {
  return sourceCode.ast.body.find((statement): statement is TSESTree.ImportDeclaration => statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === specifier);
}
