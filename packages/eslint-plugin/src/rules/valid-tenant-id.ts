import { HEADERS, isTenantId, sameHeaderName } from '@engium/core';
import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { staticString } from '../analysis/static.js';
import { createRule } from '../util/create-rule.js';
import { safeText } from '../util/safe-text.js';

/** Methods that set a header from (name, value): `Headers#set/append`, superagent's `set`, XHR's `setRequestHeader`. */
const HEADER_SETTERS = new Set(['set', 'append', 'setRequestHeader']);

export default createRule<[], 'notUuid'>({
  name: 'valid-tenant-id',
  meta: {
    type: 'problem',
    docs: {
      description: `Require literal ${HEADERS.tenant} values to be tenant UUIDs`,
      recommended: true,
    },
    messages: {
      notUuid: `"{{value}}" is not a tenant UUID, so the Engium API answers 400. ${HEADERS.tenant} takes the UUID shown under Settings → Developer → API Keys (like 3fa85f64-5717-4562-b3fc-2c963f66afa6).`,
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const { sourceCode } = context;
    // The header's name has to be spelled somewhere in the file for a value to be given to it.
    if (!/tenant/i.test(sourceCode.text)) return {};

    function check(name: string | null | undefined, value: TSESTree.Node | undefined): void {
      if (!name || !value || !sameHeaderName(name, HEADERS.tenant)) return;
      const text = staticString(value, sourceCode.getScope(value));
      if (text !== undefined && !isTenantId(text)) context.report({ node: value, messageId: 'notUuid', data: { value: safeText(text) } });
    }

    return {
      Property(node) {
        if (node.parent.type === AST_NODE_TYPES.ObjectExpression) check(ASTUtils.getPropertyName(node, sourceCode.getScope(node)), node.value);
      },
      CallExpression(node) {
        if (node.callee.type !== AST_NODE_TYPES.MemberExpression || node.arguments.length < 2) return;
        const method = ASTUtils.getPropertyName(node.callee, sourceCode.getScope(node));
        if (!method || !HEADER_SETTERS.has(method)) return;
        const [name, value] = node.arguments;
        check(name && staticString(name, sourceCode.getScope(node)), value);
      },
      AssignmentExpression(node) {
        if (node.left.type === AST_NODE_TYPES.MemberExpression) check(ASTUtils.getPropertyName(node.left, sourceCode.getScope(node)), node.right);
      },
    };
  },
});
