import { DEFAULT_KEY_BEARING_NAME, HEADERS, isKeyBearingEnvName, JWT_FLOW_ADVICE, publicEnvPrefix, sameHeaderName, svelteKitEnvModule, type KeyBearingNameOptions } from '@engium/core';
import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { appConfigReads, importMetaEnvReads, processEnvReads, svelteKitEnvReads, type AppConfigRead, type EnvRead } from '../analysis/env-reads.js';
import { engiumRequests } from '../analysis/engium-requests.js';
import { fileSide } from '../analysis/file-side.js';
import type { HeaderEntry } from '../analysis/headers.js';
import { engiumSettings } from '../analysis/settings.js';
import { bindingInit, staticString, unwrap, type Scope } from '../analysis/static.js';
import { createRule } from '../util/create-rule.js';

export interface KeyBearingNamesOption {
  /** Regex sources that must all match a key-bearing name (default: `ENGIUM`). */
  require?: string[];
  /** Regex sources of which one must match (default: `KEY`, `SECRET`, `TOKEN`). */
  anyOf?: string[];
  /** Regex sources none of which may match (default: `TENANT`). */
  exclude?: string[];
}

type Options = [{ keyBearingNames?: KeyBearingNamesOption }];
type MessageIds = 'publicKeyVariable' | 'keyInApp' | 'secretVariableInClient' | 'bearerKeyInClient';

const regexList = { type: 'array', items: { type: 'string' } } as const;

/** Names a Bearer token is given when it holds an API key rather than a user's access token. */
const API_KEY_NAME = /(?:api|secret|private|engium)_?key/i;
const USER_TOKEN_NAME = /access|jwt|session|refresh|user|id_?token/i;
/**
 * A variable in browser code named a token but neither a key nor a secret (`engiumToken`) holds
 * what the login returned; an env variable of that name is another matter (its read is checked).
 */
const TOKEN_NAME = /token/i;
const KEY_NAME = /key|secret/i;

export default createRule<Options, MessageIds>({
  name: 'no-key-in-client',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Engium API keys in code that runs in the browser or ships in an app',
      recommended: true,
    },
    messages: {
      publicKeyVariable:
        '{{name}} holds an Engium API key under a public name ({{reason}}), so the key ships to every visitor. Rename it without the public prefix and keep it on the server: {{advice}}.',
      keyInApp:
        '{{name}} comes from {{module}}, so the key is in the app every user installs, where anyone can extract it ({{reason}}). Call the Engium API from a server that holds the key instead; {{advice}}.',
      secretVariableInClient:
        'This file runs in the browser ({{where}}) but reads {{name}}, an Engium API key: it is undefined there, and putting it there would leak it. {{advice}}.',
      bearerKeyInClient:
        'This file runs in the browser ({{where}}) and sends {{name}} as a Bearer token: an API key in the browser is a leaked key. {{advice}}.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          keyBearingNames: {
            type: 'object',
            description: 'Which variable names hold an Engium API key, as regular expression sources.',
            additionalProperties: false,
            properties: { require: regexList, anyOf: regexList, exclude: regexList },
          },
        },
      },
    ],
    defaultOptions: [{}],
  },
  create(context, [options]) {
    const settings = engiumSettings(context);
    const { sourceCode } = context;
    const names = options.keyBearingNames ?? {};
    const toRegexes = (sources: string[] | undefined): RegExp[] | undefined => sources?.map((source) => new RegExp(source, 'i'));
    const nameOptions: KeyBearingNameOptions = Object.fromEntries(
      Object.entries({ require: toRegexes(names.require), anyOf: toRegexes(names.anyOf), exclude: toRegexes(names.exclude) }).filter(([, value]) => value),
    );
    const isKeyBearing = (name: string): boolean => isKeyBearingEnvName(name, nameOptions);
    // Outside client files only key-bearing env names are reported, and every required part of
    // such a name (ENGIUM by default) is written in the file. Deciding the file's side costs more
    // than these text checks, so it waits until the file may be a client file.
    const requiredParts = nameOptions.require ?? DEFAULT_KEY_BEARING_NAME.require;
    const mayNameKey = requiredParts.every((pattern) => pattern.test(sourceCode.text));
    const mayBeClient = settings.clientFiles.length > 0 || sourceCode.text.includes('use client') || /\.client\.[cm]?[jt]sx?$/.test(context.filename);
    if (!mayNameKey && !mayBeClient) return {};
    const side = fileSide(context, settings);
    const client = side?.side === 'client' ? side : undefined;
    if (!client && !mayNameKey) return {};
    const advice = JWT_FLOW_ADVICE.charAt(0).toUpperCase() + JWT_FLOW_ADVICE.slice(1);

    function checkRead(read: EnvRead): void {
      if (!isKeyBearing(read.name)) return;
      const exposed =
        typeof read.source === 'object'
          ? read.source.visibility === 'public'
            ? read.source.reason
            : undefined
          : publicEnvPrefix(read.name, settings.publicEnvPrefixes)?.reason;
      if (exposed) {
        context.report({ node: read.node, messageId: 'publicKeyVariable', data: { name: read.name, reason: exposed, advice: JWT_FLOW_ADVICE } });
      } else if (client) {
        context.report({ node: read.node, messageId: 'secretVariableInClient', data: { name: read.name, where: client.reason, advice } });
      }
    }

    /** Nodes of reads through app config modules, so a Bearer header built from one is not reported again. */
    const appReadNodes = new Set<TSESTree.Node>();
    function checkAppRead(read: AppConfigRead): void {
      if (!isKeyBearing(read.name)) return;
      appReadNodes.add(read.node);
      context.report({ node: read.node, messageId: 'keyInApp', data: { name: read.name, module: read.module.specifier, reason: read.module.reason, advice: JWT_FLOW_ADVICE } });
    }

    /** Whether `node` is, or is a binding made by, a read through an app config module (`Config.X`, `import { X } from '@env'`). */
    function isAppRead(node: TSESTree.Node): boolean {
      if (appReadNodes.has(node)) return true;
      if (node.type !== AST_NODE_TYPES.Identifier) return false;
      const definition = ASTUtils.findVariable(sourceCode.getScope(node), node)?.defs[0];
      if (!definition) return false;
      // An import specifier, or the destructured property (`{ X }`, `{ X: x = '' }`) that binds the name.
      const binder = definition.name.parent;
      return appReadNodes.has(definition.node) || (binder !== undefined && (appReadNodes.has(binder) || (binder.parent !== undefined && appReadNodes.has(binder.parent))));
    }

    /** The token of `Bearer ${token}` / `'Bearer ' + token`, if the value is built that way. */
    function bearerToken(value: TSESTree.Node): TSESTree.Node | undefined {
      const inner = unwrap(value);
      const scope = sourceCode.getScope(inner);
      if (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length === 1 && /^bearer\s+$/i.test(inner.quasis[0]?.value.cooked ?? '')) {
        return inner.expressions[0];
      }
      if (inner.type === AST_NODE_TYPES.BinaryExpression && inner.operator === '+' && /^bearer\s+$/i.test(staticString(inner.left, scope) ?? '')) {
        return inner.right;
      }
      return undefined;
    }

    /**
     * The Authorization values of Engium API calls and Engium client wrappers in this file. A
     * token named only like some API key (`apiKey`) is reported there and nowhere else: what a
     * page sends to another API is that API's business.
     */
    let engiumAuthorizationValues: Set<TSESTree.Node> | undefined;
    function sentToEngium(value: TSESTree.Node): boolean {
      if (!engiumAuthorizationValues) {
        const analysis = engiumRequests(context, { typeAware: false });
        const values = (entries: readonly HeaderEntry[]): TSESTree.Node[] =>
          entries.flatMap((entry) =>
            entry.kind === 'named' ? (entry.value && sameHeaderName(entry.name, HEADERS.authorization) ? [entry.value] : []) : entry.kind === 'either' ? entry.options.flatMap(values) : [],
          );
        engiumAuthorizationValues = new Set([...analysis.requests, ...analysis.clients].flatMap((call) => values(call.headers)));
      }
      return engiumAuthorizationValues.has(value);
    }

    /** The name an API-key token goes by (`apiKey`, `props.engiumKey`), when it is one. */
    function apiKeyName(token: TSESTree.Node, value: TSESTree.Node): string | undefined {
      let inner = unwrap(token);
      // Env reads are the env check's to report; literals are no-hardcoded-key's.
      if (isAppRead(inner)) return undefined;
      if (inner.type === AST_NODE_TYPES.Identifier) {
        const init = bindingInit(inner, sourceCode.getScope(inner));
        if (init && (isEnvRead(init, sourceCode.getScope(init)) || isAppRead(unwrap(init)))) return undefined;
      }
      if (isEnvRead(inner, sourceCode.getScope(inner)) || inner.type === AST_NODE_TYPES.Literal || inner.type === AST_NODE_TYPES.TemplateLiteral) return undefined;
      if (inner.type === AST_NODE_TYPES.CallExpression) inner = inner.callee;
      const name =
        inner.type === AST_NODE_TYPES.Identifier
          ? inner.name
          : inner.type === AST_NODE_TYPES.MemberExpression
            ? (ASTUtils.getPropertyName(inner, sourceCode.getScope(inner)) ?? undefined)
            : undefined;
      if (!name || USER_TOKEN_NAME.test(name) || (TOKEN_NAME.test(name) && !KEY_NAME.test(name))) return undefined;
      if (isKeyBearing(name)) return name;
      return API_KEY_NAME.test(name) && sentToEngium(value) ? name : undefined;
    }

    /**
     * The public env variable a Bearer token is read from (`import.meta.env.VITE_…`,
     * `process.env.NEXT_PUBLIC_…`, SvelteKit's `$env/static/public`), whatever its name: a value
     * built into the bundle cannot be a user's 30-minute access token, so sent to Engium it is a key.
     */
    function publicEnvToken(token: TSESTree.Node): { name: string; reason: string } | undefined {
      let inner = unwrap(token);
      if (inner.type === AST_NODE_TYPES.Identifier) {
        const scope = sourceCode.getScope(inner);
        const definition = ASTUtils.findVariable(scope, inner)?.defs[0];
        if (definition?.type === 'ImportBinding' && definition.parent.type === AST_NODE_TYPES.ImportDeclaration && definition.node.type === AST_NODE_TYPES.ImportSpecifier) {
          const module = svelteKitEnvModule(definition.parent.source.value);
          const imported = definition.node.imported;
          const name = imported.type === AST_NODE_TYPES.Identifier ? imported.name : imported.value;
          return module?.visibility === 'public' && module.specifier.startsWith('$env/static/') ? { name, reason: module.reason } : undefined;
        }
        inner = bindingInit(inner, scope) ?? inner;
      }
      if (inner.type !== AST_NODE_TYPES.MemberExpression || !isEnvRead(inner, sourceCode.getScope(inner))) return undefined;
      const name = ASTUtils.getPropertyName(inner, sourceCode.getScope(inner));
      const exposed = name === null ? undefined : publicEnvPrefix(name, settings.publicEnvPrefixes);
      return name !== null && exposed ? { name, reason: exposed.reason } : undefined;
    }

    function checkAuthorization(value: TSESTree.Node | undefined): void {
      const token = value && bearerToken(value);
      if (!value || !token) return;
      // Key-bearing names are reported where they are read; any other public variable here.
      const publicRead = side?.side === 'server' ? undefined : publicEnvToken(token);
      if (publicRead && !isKeyBearing(publicRead.name)) {
        if (sentToEngium(value)) context.report({ node: token, messageId: 'publicKeyVariable', data: { name: publicRead.name, reason: publicRead.reason, advice: JWT_FLOW_ADVICE } });
        return;
      }
      if (!client) return;
      const name = apiKeyName(token, value);
      if (name) context.report({ node: token, messageId: 'bearerKeyInClient', data: { name, where: client.reason, advice } });
    }

    return {
      Program() {
        for (const read of processEnvReads(sourceCode)) checkRead(read);
      },
      'MemberExpression[object.type="MetaProperty"]'(node: TSESTree.MemberExpression) {
        if (node.object.type !== AST_NODE_TYPES.MetaProperty || node.object.meta.name !== 'import') return;
        if (ASTUtils.getPropertyName(node, sourceCode.getScope(node)) !== 'env') return;
        for (const read of importMetaEnvReads(node, sourceCode.getScope(node))) checkRead(read);
      },
      ImportDeclaration(node) {
        for (const read of svelteKitEnvReads(node, sourceCode)) checkRead(read);
        if (mayNameKey) for (const read of appConfigReads(node, sourceCode, settings.envModules)) checkAppRead(read);
      },
      Property(node) {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        const name = ASTUtils.getPropertyName(node, sourceCode.getScope(node));
        if (name !== null && sameHeaderName(name, HEADERS.authorization)) checkAuthorization(node.value);
      },
      CallExpression(node) {
        if (node.callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const method = ASTUtils.getPropertyName(node.callee, sourceCode.getScope(node));
        if (method !== 'set' && method !== 'append' && method !== 'setRequestHeader') return;
        const [name, value] = node.arguments;
        if (name && sameHeaderName(staticString(name, sourceCode.getScope(node)) ?? '', HEADERS.authorization)) checkAuthorization(value);
      },
    };
  },
});

function isEnvRead(node: TSESTree.Node, scope: Scope): boolean {
  const inner = unwrap(node);
  if (inner.type !== AST_NODE_TYPES.MemberExpression) return false;
  let object: TSESTree.Node = inner.object;
  // `const env = process.env; env.NAME`
  if (object.type === AST_NODE_TYPES.Identifier) object = bindingInit(object, scope) ?? object;
  if (object.type !== AST_NODE_TYPES.MemberExpression) return false;
  const base = object.object;
  const envName = object.property.type === AST_NODE_TYPES.Identifier ? object.property.name : '';
  return envName === 'env' && ((base.type === AST_NODE_TYPES.Identifier && base.name === 'process') || base.type === AST_NODE_TYPES.MetaProperty);
}
