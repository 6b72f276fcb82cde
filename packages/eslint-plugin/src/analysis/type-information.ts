/**
 * What the type checker adds when a rule runs with `typeAware`: the literal value of a string
 * constant imported from another module, and whether a headers (or request options) value's type
 * carries a header. The rules ask for it explicitly, so results never depend on whether type
 * information happens to be configured.
 */
import { sameHeaderName } from '@engium/core';
import { ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { HeaderTypeCheck } from './headers.js';
import type { TypeValueResolver } from './static.js';

export interface TypeResolvers {
  typeValue: TypeValueResolver;
  headerTypeCheck: HeaderTypeCheck;
}

export function typeResolvers(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TypeResolvers {
  // Throws ESLint's own clear error when the config has no `parserOptions.projectService`.
  const services = ESLintUtils.getParserServices(context);
  const checker = services.program.getTypeChecker();

  const typeValue: TypeValueResolver = (node) => {
    const type = services.getTypeAtLocation(node);
    return type.isStringLiteral() ? type.value : undefined;
  };

  function headerVerdict(type: ts.Type, name: string): 'present' | 'absent' | 'unknown' {
    if (type.isUnion()) {
      const verdicts = type.types.map((member) => headerVerdict(member, name));
      if (verdicts.every((verdict) => verdict === 'present')) return 'present';
      return verdicts.every((verdict) => verdict === 'absent') ? 'absent' : 'unknown';
    }
    if (type.getProperties().some((property) => sameHeaderName(property.getName(), name))) return 'present';
    // `any`, `unknown`, `Record<string, string>`, a `Headers` instance: any header may be in it.
    const isPlainObject = (type.flags & 524288) !== 0; /* ts.TypeFlags.Object */
    if (!isPlainObject || checker.getIndexInfosOfType(type).length > 0) return 'unknown';
    if (type.getProperty('get') && type.getProperty('set')) return 'unknown';
    return 'absent';
  }

  const headerTypeCheck: HeaderTypeCheck = (node: TSESTree.Node, shape, name) => {
    const type = services.getTypeAtLocation(node);
    if (shape === 'headers') return headerVerdict(type, name);
    const headers = type.getProperty('headers');
    if (!headers) return headerVerdict(type, 'headers') === 'absent' ? 'absent' : 'unknown';
    return headerVerdict(checker.getNonNullableType(checker.getTypeOfSymbol(headers)), name);
  };

  return { typeValue, headerTypeCheck };
}
