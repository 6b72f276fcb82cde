// Env variables a module reads the way bundlers inline them: `process.env.X`, `process.env["X"]`,
// `import.meta.env.X`, `const { X } = process.env`, and SvelteKit's `$env/static/public` /
// `$env/dynamic/public` imports (`import { X }`, `env.X`), and react-native-dotenv's `import { X } from '@env'`.
import { APP_CONFIG_MODULES, svelteKitEnvModule } from '@engium/core';
import type { Ts, TypeScript } from './typescript.js';

/**
 * Modules whose named imports are env variables a Babel plugin inlines where they are imported:
 * react-native-dotenv's default `@env`, and its package name, which older setups import.
 */
const INLINED_ENV_MODULES = new Set(APP_CONFIG_MODULES.filter((module) => module.reads === 'named-imports').map((module) => module.specifier));

export function envNamesRead(ts: Ts, tree: TypeScript.SourceFile): Set<string> {
  const names = new Set<string>();
  const dynamicEnvLocals = new Set<string>();
  for (const statement of tree.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    const bindings = statement.importClause?.namedBindings;
    const inlined = svelteKitEnvModule(specifier)?.visibility === 'public' || INLINED_ENV_MODULES.has(specifier);
    if (!inlined || !bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const imported = (element.propertyName ?? element.name).text;
      if (specifier.includes('/dynamic/') && imported === 'env') dynamicEnvLocals.add(element.name.text);
      else names.add(imported);
    }
  }
  const isEnvObject = (node: TypeScript.Expression): boolean => {
    const text = node.getText(tree).replace(/\s+/g, '');
    return text === 'process.env' || text === 'import.meta.env' || (ts.isIdentifier(node) && dynamicEnvLocals.has(node.text));
  };
  const visit = (node: TypeScript.Node): void => {
    if (ts.isPropertyAccessExpression(node) && isEnvObject(node.expression)) names.add(node.name.text);
    else if (ts.isElementAccessExpression(node) && isEnvObject(node.expression) && ts.isStringLiteralLike(node.argumentExpression)) {
      names.add(node.argumentExpression.text);
    } else if (ts.isVariableDeclaration(node) && node.initializer && ts.isObjectBindingPattern(node.name) && isEnvObject(node.initializer)) {
      for (const element of node.name.elements) {
        const key = element.propertyName ?? element.name;
        if (ts.isIdentifier(key) || ts.isStringLiteral(key)) names.add(key.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return names;
}
