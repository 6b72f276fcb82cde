import { HEADERS, isTenantId, sameHeaderName } from '@engium/core';
import type { TSESTree } from '@typescript-eslint/utils';
import { engiumRequests } from '../analysis/engium-requests.js';
import type { HeaderEntry } from '../analysis/headers.js';
import { settledString } from '../analysis/static.js';
import { createRule } from '../util/create-rule.js';
import { safeText } from '../util/safe-text.js';

export interface ValidTenantIdOptions {
  /** Resolve imported URLs with type information (needs `parserOptions.projectService`). */
  typeAware?: boolean;
}

/** The value expressions a set of header entries gives header `name`, in either branch of a choice. */
function headerValues(entries: readonly HeaderEntry[], name: string): TSESTree.Node[] {
  return entries.flatMap((entry) => {
    if (entry.kind === 'named') return entry.value && sameHeaderName(entry.name, name) ? [entry.value] : [];
    if (entry.kind === 'either') return entry.options.flatMap((option) => headerValues(option, name));
    return [];
  });
}

export default createRule<[ValidTenantIdOptions], 'notUuid'>({
  name: 'valid-tenant-id',
  meta: {
    type: 'problem',
    docs: {
      description: `Require literal ${HEADERS.tenant} values on Engium API calls to be tenant UUIDs`,
      recommended: true,
      typeCheckedOptions: { typeAware: true },
    },
    messages: {
      notUuid: `"{{value}}" is not a tenant UUID, so the Engium API answers 400. ${HEADERS.tenant} takes the UUID shown under Settings → Developer → API Keys (like 3fa85f64-5717-4562-b3fc-2c963f66afa6).`,
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          typeAware: {
            type: 'boolean',
            description: 'Use type information to resolve imported URLs (on in the recommendedTypeChecked config; needs parserOptions.projectService).',
          },
        },
      },
    ],
    defaultOptions: [{ typeAware: false }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    // The header's name has to be spelled somewhere in the file for a value to be given to it.
    if (!/tenant/i.test(sourceCode.text)) return {};
    return {
      'Program:exit'() {
        // Only the headers of Engium API calls and of Engium client wrappers: a tenant header
        // sent anywhere else is that API's business.
        const analysis = engiumRequests(context, { typeAware: options.typeAware === true });
        const values = new Set([...analysis.requests, ...analysis.clients].flatMap((call) => headerValues(call.headers, HEADERS.tenant)));
        for (const value of [...values].sort((a, b) => a.range[0] - b.range[0])) {
          const text = settledString(value, sourceCode.getScope(value));
          if (text !== undefined && !isTenantId(text)) context.report({ node: value, messageId: 'notUuid', data: { value: safeText(text) } });
        }
      },
    };
  },
});
