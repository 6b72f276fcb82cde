import { HEADERS } from '@engium/core';
import { CALL_RULE_DEFAULTS, CALL_RULE_SCHEMA, type CallRuleOptions } from '../analysis/call-rule-options.js';
import { describeEndpoint, engiumRequests } from '../analysis/engium-requests.js';
import { createRule } from '../util/create-rule.js';

export default createRule<[CallRuleOptions], 'missingTenant' | 'unresolvedTenant'>({
  name: 'require-tenant-header',
  meta: {
    type: 'problem',
    docs: {
      description: `Require the ${HEADERS.tenant} header on every Engium API call`,
      recommended: true,
      strictOptions: { reportUnknown: true },
      typeCheckedOptions: { typeAware: true },
    },
    messages: {
      missingTenant: `This Engium API call ({{endpoint}}) sends no ${HEADERS.tenant} header, so the API answers 400. Add ${HEADERS.tenant}: <your tenant UUID> to its headers.`,
      unresolvedTenant: `Cannot tell whether this Engium API call ({{endpoint}}) sends ${HEADERS.tenant}: its headers come from code this rule cannot follow. Set the header where the call is made.`,
    },
    schema: CALL_RULE_SCHEMA,
    defaultOptions: CALL_RULE_DEFAULTS,
  },
  create(context, [options]) {
    return {
      'Program:exit'() {
        const analysis = engiumRequests(context, { typeAware: options.typeAware === true });
        for (const request of analysis.requests) {
          const tenant = analysis.header(request, HEADERS.tenant);
          const data = { endpoint: describeEndpoint(request) };
          if (tenant.state === 'absent') context.report({ node: request.node, messageId: 'missingTenant', data });
          else if (tenant.state === 'unknown' && options.reportUnknown) context.report({ node: request.node, messageId: 'unresolvedTenant', data });
        }
      },
    };
  },
});
