import { HEADERS, JSON_BODY_METHODS } from '@engium/core';
import { CALL_RULE_DEFAULTS, CALL_RULE_SCHEMA, type CallRuleOptions } from '../analysis/call-rule-options.js';
import { describeEndpoint, engiumRequests } from '../analysis/engium-requests.js';
import { settledString } from '../analysis/static.js';
import { createRule } from '../util/create-rule.js';

const JSON_MEDIA_TYPE = 'application/json';
const BODY_METHODS: readonly string[] = JSON_BODY_METHODS;

export default createRule<[CallRuleOptions], 'missingContentType' | 'notJson' | 'unresolvedContentType'>({
  name: 'require-json-content-type',
  meta: {
    type: 'problem',
    docs: {
      description: `Require ${HEADERS.contentType}: ${JSON_MEDIA_TYPE} on Engium API calls that send a body (${JSON_BODY_METHODS.join(', ')})`,
      recommended: true,
      strictOptions: { reportUnknown: true },
      typeCheckedOptions: { typeAware: true },
    },
    messages: {
      missingContentType: `This Engium API call ({{endpoint}}) sends a body with no ${HEADERS.contentType} header: a string body does not go out as JSON (fetch labels it text/plain), and the API reads ${JSON_BODY_METHODS.join('/')} bodies as JSON only. Add ${HEADERS.contentType}: ${JSON_MEDIA_TYPE} to its headers.`,
      notJson: `This Engium API call ({{endpoint}}) sends its body as {{contentType}}, but the API reads ${JSON_BODY_METHODS.join('/')} bodies as ${JSON_MEDIA_TYPE} only. Send JSON (JSON.stringify) with ${HEADERS.contentType}: ${JSON_MEDIA_TYPE}.`,
      unresolvedContentType: `Cannot tell whether this Engium API call ({{endpoint}}) sends ${HEADERS.contentType}: ${JSON_MEDIA_TYPE}: its headers come from code this rule cannot follow. Set the header where the call is made.`,
    },
    schema: CALL_RULE_SCHEMA,
    defaultOptions: CALL_RULE_DEFAULTS,
  },
  create(context, [options]) {
    return {
      'Program:exit'() {
        const analysis = engiumRequests(context, { typeAware: options.typeAware === true });
        for (const request of analysis.requests) {
          // A client that serialises an object (axios, ofetch, ky's and got's `json`) sets the header itself.
          if (!request.body || request.method === null || !BODY_METHODS.includes(request.method)) continue;
          const contentType = analysis.header(request, HEADERS.contentType);
          const data = { endpoint: describeEndpoint(request) };
          if (contentType.state === 'absent') context.report({ node: request.node, messageId: 'missingContentType', data });
          else if (contentType.state === 'unknown' && options.reportUnknown) context.report({ node: request.node, messageId: 'unresolvedContentType', data });
          else if (contentType.state === 'present' && contentType.value) {
            const value = settledString(contentType.value, context.sourceCode.getScope(contentType.value));
            // `application/json; charset=utf-8` is JSON; `text/plain` or a form encoding is not.
            if (value !== undefined && value.split(';', 1)[0]?.trim().toLowerCase() !== JSON_MEDIA_TYPE) {
              context.report({ node: request.node, messageId: 'notJson', data: { ...data, contentType: value } });
            }
          }
        }
      },
    };
  },
});
