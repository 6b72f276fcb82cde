import { CREDENTIAL_QUERY_PARAMETERS, credentialQueryParameters, hasUrlCredentials, HEADERS } from '@engium/core';
import { CALL_RULE_DEFAULTS, CALL_RULE_SCHEMA, type CallRuleOptions } from '../analysis/call-rule-options.js';
import { authorizationNeed, describeEndpoint, engiumRequests } from '../analysis/engium-requests.js';
import { partialString, readsChangedObject } from '../analysis/static.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'missingAuthorization' | 'unresolvedAuthorization' | 'notBearer' | 'credentialInQuery' | 'credentialInUserinfo';

export default createRule<[CallRuleOptions], MessageIds>({
  name: 'require-authorization-header',
  meta: {
    type: 'problem',
    docs: {
      description: `Require an ${HEADERS.authorization}: Bearer header on Engium API calls, and no credentials in their URLs`,
      recommended: true,
      strictOptions: { reportUnknown: true },
      typeCheckedOptions: { typeAware: true },
    },
    messages: {
      missingAuthorization: `This Engium API call ({{endpoint}}) sends no ${HEADERS.authorization} header; every call but POST /auth/login and POST /auth/refresh needs ${HEADERS.authorization}: Bearer <token>.`,
      unresolvedAuthorization: `Cannot tell whether this Engium API call ({{endpoint}}) sends ${HEADERS.authorization}: its headers come from code this rule cannot follow.`,
      notBearer: `The ${HEADERS.authorization} header of this Engium API call ({{endpoint}}) does not use the Bearer scheme; Engium expects "Bearer <api key or access token>".`,
      credentialInQuery: `This Engium API call ({{endpoint}}) sends a credential in its URL (?{{parameter}}=), which proxies, browser history and access logs keep. Send it as ${HEADERS.authorization}: Bearer <token> instead.`,
      credentialInUserinfo: `This Engium API call ({{endpoint}}) puts credentials in its URL before the host (…@), which proxies, browser history and access logs keep. Send them as ${HEADERS.authorization}: Bearer <token> instead.`,
    },
    schema: CALL_RULE_SCHEMA,
    defaultOptions: CALL_RULE_DEFAULTS,
  },
  create(context, [options]) {
    const { sourceCode } = context;
    return {
      'Program:exit'() {
        const analysis = engiumRequests(context, { typeAware: options.typeAware === true });
        for (const request of analysis.requests) {
          const data = { endpoint: describeEndpoint(request) };
          const fromConfig = request.queryParameters.map((name) => name.toLowerCase()).filter((name) => CREDENTIAL_QUERY_PARAMETERS.includes(name));
          // The URL's shape goes on past dynamic parts: `?month=${m}&api_key=${key}`.
          const written = request.urlShape ?? request.url.text;
          const inQuery = [...new Set([...credentialQueryParameters(written), ...fromConfig])];
          for (const parameter of inQuery) context.report({ node: request.node, messageId: 'credentialInQuery', data: { ...data, parameter } });
          const inUserinfo = hasUrlCredentials(written) || hasUrlCredentials(request.url.text);
          if (inUserinfo) context.report({ node: request.node, messageId: 'credentialInUserinfo', data });
          // The credential is sent, only in the wrong place: that is the one problem to report.
          if (inQuery.length > 0 || inUserinfo) continue;
          const need = authorizationNeed(request);
          if (need === 'not-required') continue;
          const authorization = analysis.header(request, HEADERS.authorization);
          if (authorization.state === 'present') {
            const written = authorization.value;
            const scope = written ? sourceCode.getScope(written) : undefined;
            // A value read from an object the file fills in later is not its initial value.
            const value = written && scope && !readsChangedObject(written, scope) ? partialString(written, scope) : undefined;
            const head = value?.text.trimStart().toLowerCase();
            // A dynamic value is decided only when its known head already rules out "Bearer ".
            const maybeBearer = head === undefined || /^bearer\s/.test(head) || (!value?.complete && 'bearer '.startsWith(head));
            if (!maybeBearer) {
              context.report({ node: request.node, messageId: 'notBearer', data });
            }
          } else if (authorization.state === 'absent' && need === 'required') {
            context.report({ node: request.node, messageId: 'missingAuthorization', data });
          } else if (options.reportUnknown) {
            context.report({ node: request.node, messageId: 'unresolvedAuthorization', data });
          }
        }
      },
    };
  },
});

