/**
 * Every HTTP request a file makes through the clients people use to call Engium: `fetch`,
 * `Request`, axios, ky, got, ofetch / `$fetch`, superagent and `XMLHttpRequest`. Each request is
 * described the same way (URL, method, header entries), so rules ask one question of all of them.
 */
import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AXIOS_HEADER_GROUPS, configHeaderEntries, configString, headerEntries, optionValues, type HeaderEntry } from './headers.js';
import { globalUses, requireCalls } from './globals.js';
import { functionHeaders, hookOptionHeaders } from './request-hooks.js';
import { bindingInit, boundVariable, partialUrl, staticString, stringShape, unwrap, type PartialString, type Scope, type TypeValueResolver } from './static.js';

export type ClientName = 'fetch' | 'axios' | 'ky' | 'got' | 'ofetch' | 'superagent' | 'XMLHttpRequest';

export interface HttpRequest {
  /** Where problems are reported: the call (or `new Request`, or `xhr.open`) that makes the request. */
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  client: ClientName;
  /** The URL as far as it is known; undefined when nothing of it is. */
  url: PartialString | undefined;
  /** The whole URL as written, dynamic parts as `UNKNOWN_PART` (see `stringShape`); undefined without a URL. */
  urlShape: string | undefined;
  /** Upper-case method; null when it cannot be resolved. */
  method: string | null;
  headers: HeaderEntry[];
  /** Query parameter names given as a config object (`params: { api_key }`), beside those in the URL. */
  queryParameters: string[];
  /**
   * A body the client sends as given, with no JSON Content-Type of its own: the `body` of fetch,
   * Request, ky and got (their `json` option, axios's and ofetch's objects are serialised with
   * one), and axios `data` that is already a string (`JSON.stringify(…)`), which axios sends as is.
   */
  body?: TSESTree.Node;
}

/** The last `body` a config sets, when it is one (not `undefined` or `null`). */
function rawBody(config: TSESTree.Node | undefined, scope: Scope): TSESTree.Node | undefined {
  const body = optionValues(config, 'body', scope).values.at(-1);
  if (!body) return undefined;
  const inner = unwrap(body);
  if ((inner.type === AST_NODE_TYPES.Identifier && inner.name === 'undefined') || (inner.type === AST_NODE_TYPES.Literal && inner.value === null)) return undefined;
  return body;
}

/** Clients whose `body` option is sent as given. */
const RAW_BODY_CLIENTS: ReadonlySet<ClientName> = new Set(['ky', 'got']);

/**
 * axios `data` the file shows is a string: axios sets `Content-Type: application/json` only for
 * the objects it serialises itself, so `JSON.stringify(…)`, a string literal or a template goes
 * out without it.
 */
function stringData(node: TSESTree.Node | undefined, scope: Scope, depth = 0): TSESTree.Node | undefined {
  if (!node || depth > 3) return undefined;
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return stringData(bindingInit(inner, scope), scope, depth + 1) && node;
  const isString =
    (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string') ||
    inner.type === AST_NODE_TYPES.TemplateLiteral ||
    (inner.type === AST_NODE_TYPES.CallExpression &&
      inner.callee.type === AST_NODE_TYPES.MemberExpression &&
      inner.callee.object.type === AST_NODE_TYPES.Identifier &&
      inner.callee.object.name === 'JSON' &&
      ASTUtils.getPropertyName(inner.callee, scope) === 'stringify');
  return isString ? node : undefined;
}

/** A client value's defaults: `axios.create({...})`, `ky.extend({...})`, `api.defaults.headers…`. */
interface ClientDefaults {
  base: PartialString | undefined;
  headers: HeaderEntry[];
  /**
   * The headers written after the client was made (`axios.defaults.headers…`, interceptors), by
   * the write: an instance made from the client takes a copy of its defaults when it is made
   * (axios merges them in `create`), and none of its interceptors.
   */
  writes: Map<HeaderEntry, { at: TSESTree.Node; inherited: boolean }>;
}

/** A client instance a factory makes (`axios.create({ baseURL })`): a wrapper every request through it shares. */
export interface HttpClientInstance {
  /** The factory call. */
  node: TSESTree.CallExpression;
  client: ClientName;
  base: PartialString | undefined;
  /** Its default headers, including those set after it was made. */
  headers: HeaderEntry[];
}

export interface HttpCalls {
  requests: HttpRequest[];
  clients: HttpClientInstance[];
}

interface ClientSpec {
  name: Exclude<ClientName, 'fetch' | 'XMLHttpRequest' | 'superagent'>;
  /** The config option that holds a base URL. */
  baseOption: string;
  /** Methods that take (url, config). */
  urlMethods: Readonly<Record<string, string | null>>;
  /** Methods that take (url, data, config): axios's. */
  dataMethods: Readonly<Record<string, string>>;
  /** Methods that return a new client with merged defaults. */
  factories: readonly string[];
  /** Config options that run code before each request, which may add any header. */
  hookOptions: readonly string[];
  /** Config options holding query parameters. */
  queryOptions: readonly string[];
}

const HTTP_METHODS = { get: 'GET', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS', post: 'POST', put: 'PUT', patch: 'PATCH' } as const;

const CLIENTS: readonly ClientSpec[] = [
  {
    name: 'axios',
    baseOption: 'baseURL',
    urlMethods: { get: 'GET', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS' },
    dataMethods: { post: 'POST', put: 'PUT', patch: 'PATCH', postForm: 'POST', putForm: 'PUT', patchForm: 'PATCH' },
    factories: ['create'],
    hookOptions: ['transformRequest'],
    queryOptions: ['params'],
  },
  { name: 'ky', baseOption: 'prefixUrl', urlMethods: HTTP_METHODS, dataMethods: {}, factories: ['create', 'extend'], hookOptions: ['hooks'], queryOptions: ['searchParams'] },
  { name: 'got', baseOption: 'prefixUrl', urlMethods: HTTP_METHODS, dataMethods: {}, factories: ['extend'], hookOptions: ['hooks'], queryOptions: ['searchParams'] },
  { name: 'ofetch', baseOption: 'baseURL', urlMethods: { raw: null, native: null }, dataMethods: {}, factories: ['create'], hookOptions: ['onRequest'], queryOptions: ['query', 'params'] },
];

const OFETCH = CLIENTS[3]!;

/**
 * Where each client comes from: the module and the export that holds it (`default` for a default
 * export). Every import style reaches it: default, named, namespace and `require`.
 */
const MODULES: readonly { module: string; exportName: string; client: ClientSpec | 'fetch' | 'superagent' }[] = [
  { module: 'axios', exportName: 'default', client: CLIENTS[0]! },
  { module: 'ky', exportName: 'default', client: CLIENTS[1]! },
  { module: 'got', exportName: 'default', client: CLIENTS[2]! },
  { module: 'got', exportName: 'got', client: CLIENTS[2]! },
  { module: 'ofetch', exportName: 'ofetch', client: OFETCH },
  { module: 'ofetch', exportName: '$fetch', client: OFETCH },
  { module: 'superagent', exportName: 'default', client: 'superagent' },
  // fetch implementations for Node and polyfills.
  { module: 'undici', exportName: 'fetch', client: 'fetch' },
  { module: 'node-fetch', exportName: 'default', client: 'fetch' },
  { module: 'cross-fetch', exportName: 'default', client: 'fetch' },
  { module: 'cross-fetch', exportName: 'fetch', client: 'fetch' },
  { module: 'isomorphic-fetch', exportName: 'default', client: 'fetch' },
  { module: 'isomorphic-unfetch', exportName: 'default', client: 'fetch' },
];

/** Nuxt's auto-imported composables that fetch like ofetch: `useFetch(url, { baseURL, headers })`. */
const NUXT_FETCH_COMPOSABLES = ['useFetch', 'useLazyFetch'];
const NUXT_MODULES = ['#app', '#imports', 'nuxt/app'];

/**
 * Types of the event objects frameworks hand to loaders and handlers, whose `fetch` is a fetch:
 * SvelteKit's `RequestEvent`, `LoadEvent` and their generated `PageLoad…` kin.
 */
const FETCH_EVENT_TYPE = /^(?:RequestEvent|(?:Server)?LoadEvent|(?:Page|Layout)(?:Server)?LoadEvent)$/;
/** Names of functions whose first parameter is such an event: SvelteKit's `load`, hooks and endpoints. */
const FETCH_EVENT_FUNCTIONS = new Set(['load', 'handle', 'handleFetch', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'fallback']);

const ABSOLUTE_URL = /^[a-z][a-z\d+.-]*:\/\//i;

/**
 * The global axios's defaults: any module may set them (`axios.defaults.headers.common[…] = …` at
 * an app's start), so besides what this file writes, its requests' headers are unknown. Instances
 * made with `axios.create` copy the defaults when made, at module load, before an app's start code
 * runs, so they do not inherit this.
 */
function sharedAxiosDefaults(uses: readonly TSESTree.Node[]): ClientDefaults {
  const defaults = NO_DEFAULTS();
  const [first] = uses;
  if (first) {
    const elsewhere: HeaderEntry = { kind: 'unknown', node: first, shape: 'shared-defaults' };
    defaults.headers.push(elsewhere);
    defaults.writes.set(elsewhere, { at: first, inherited: false });
  }
  return defaults;
}

/** `base` + `path` as clients join them: an absolute path wins, else one slash between. */
export function joinUrl(base: PartialString | undefined, path: PartialString | undefined): PartialString | undefined {
  if (path && ABSOLUTE_URL.test(path.text)) return path;
  if (!base) return path;
  if (!base.complete) return { text: base.text, complete: false };
  if (!path) return { text: `${trimEnd(base.text, '/')}/`, complete: false };
  if (path.text === '') return { text: base.text, complete: path.complete };
  return { text: `${trimEnd(base.text, '/')}/${trimStart(path.text, '/')}`, complete: path.complete };
}

function trimEnd(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return text.slice(0, end);
}

function trimStart(text: string, char: string): string {
  let start = 0;
  while (start < text.length && text[start] === char) start++;
  return text.slice(start);
}

interface Collector {
  sourceCode: Readonly<TSESLint.SourceCode>;
  typeValue: TypeValueResolver | undefined;
  requests: HttpRequest[];
  clients: HttpClientInstance[];
  /** `new Request(…)` nodes a `fetch` call consumed, so they are not reported twice. */
  consumed: Set<TSESTree.Node>;
}

const NO_DEFAULTS = (): ClientDefaults => ({ base: undefined, headers: [], writes: new Map() });

/** Every HTTP request in the file, in source order, and the client instances it makes. */
export function findHttpRequests(sourceCode: Readonly<TSESLint.SourceCode>, typeValue?: TypeValueResolver): HttpCalls {
  const globalScope = sourceCode.getScope(sourceCode.ast);
  const collector: Collector = { sourceCode, typeValue, requests: [], clients: [], consumed: new Set() };

  const requestConstructions: TSESTree.NewExpression[] = [];
  const fetchUses: TSESTree.Node[] = [...globalUses(globalScope, 'fetch'), ...frameworkFetchUses(sourceCode)];
  for (const use of globalUses(globalScope, 'Request')) {
    if (use.parent?.type === AST_NODE_TYPES.NewExpression && use.parent.callee === use) requestConstructions.push(use.parent);
  }
  for (const use of globalUses(globalScope, 'XMLHttpRequest')) {
    if (use.parent?.type === AST_NODE_TYPES.NewExpression && use.parent.callee === use) xhrRequests(use.parent, collector);
  }
  // Nuxt auto-imports `$fetch`, `useFetch` and `useLazyFetch`, so they are globals there.
  clientValue(globalUses(globalScope, '$fetch'), OFETCH, NO_DEFAULTS(), collector);
  const composables = NUXT_FETCH_COMPOSABLES.flatMap((name) => [
    ...globalUses(globalScope, name),
    ...NUXT_MODULES.flatMap((module) => moduleExportUses(module, name, globalScope, collector)),
  ]);
  for (const use of composables) clientUse(use, OFETCH, NO_DEFAULTS(), collector);

  const superagentUses: TSESTree.Node[] = [];
  const required = requireCalls(globalScope, [...new Set(MODULES.map(({ module }) => module))]);
  for (const { module, exportName, client } of MODULES) {
    const uses = moduleExportUses(module, exportName, globalScope, collector, required);
    if (client === 'fetch') fetchUses.push(...uses);
    else if (client === 'superagent') superagentUses.push(...uses);
    else clientValue(uses, client, client.name === 'axios' ? sharedAxiosDefaults(uses) : NO_DEFAULTS(), collector);
  }
  for (const use of new Set(fetchUses)) {
    if (use.parent?.type === AST_NODE_TYPES.CallExpression && use.parent.callee === use) fetchCall(use.parent, collector);
  }
  for (const use of superagentUses) superagentUse(use, collector);

  for (const construction of requestConstructions) {
    if (!collector.consumed.has(construction)) collector.requests.push(requestFromConstruction(construction, collector));
  }
  return { requests: collector.requests.sort((a, b) => a.node.range[0] - b.node.range[0]), clients: collector.clients };
}

type RequireCall = ReturnType<typeof requireCalls>[number];

/**
 * The expressions that evaluate to export `exportName` (`default` for the default export) of
 * `module`: through a default, named or namespace import, or `require` (whole, a member of it,
 * or destructured), and the bindings any of those is stored in.
 */
function moduleExportUses(module: string, exportName: string, globalScope: Scope, collector: Collector, required?: readonly RequireCall[]): TSESTree.Node[] {
  const { sourceCode } = collector;
  const uses: TSESTree.Node[] = [];
  const referencesOf = (node: TSESTree.Node): TSESTree.Node[] =>
    sourceCode.getDeclaredVariables(node).flatMap((variable) => variable.references.map((reference) => reference.identifier as TSESTree.Node));
  /** `ns.<exportName>` member reads of a module object's uses. */
  const memberUses = (objectUses: readonly TSESTree.Node[]): TSESTree.Node[] =>
    objectUses.flatMap((use) => {
      const parent = use.parent;
      return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use && ASTUtils.getPropertyName(parent, globalScope) === exportName ? usesOf(parent, collector) : [];
    });
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== module || statement.importKind === 'type') continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
        if (exportName === 'default') uses.push(...referencesOf(specifier));
      } else if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
        if (importedName(specifier) === exportName && specifier.importKind !== 'type') uses.push(...referencesOf(specifier));
      } else {
        uses.push(...memberUses(referencesOf(specifier)));
      }
    }
  }
  for (const { call } of (required ?? requireCalls(globalScope, [module])).filter((entry) => entry.module === module)) {
    const parent = call.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === call && parent.id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of parent.id.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
        if (ASTUtils.getPropertyName(property, globalScope) !== exportName) continue;
        const variable = ASTUtils.findVariable(scopeOf(property.value, collector), property.value);
        uses.push(...(variable?.references ?? []).filter((reference) => !reference.init).map((reference) => reference.identifier as TSESTree.Node));
      }
      continue;
    }
    const moduleUses = usesOf(call, collector);
    // A CommonJS module's default export is the module object itself.
    if (exportName === 'default') uses.push(...moduleUses);
    uses.push(...memberUses(moduleUses));
  }
  return uses;
}

/**
 * `fetch` that frameworks hand to loaders and handlers: a `{ fetch }` destructured from a
 * parameter (SvelteKit's `load({ fetch })`), and `event.fetch` on the event parameter of SvelteKit's
 * `load`, hooks and endpoints or of a function whose parameter is typed as such an event.
 */
function frameworkFetchUses(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node[] {
  const uses: TSESTree.Node[] = [];
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    if (scope.type !== 'function') continue;
    const fetchVariable = scope.set.get('fetch');
    const definition = fetchVariable?.defs[0];
    if (definition?.type === 'Parameter' && definition.name.parent?.type === AST_NODE_TYPES.Property) {
      uses.push(...fetchVariable!.references.map((reference) => reference.identifier as TSESTree.Node));
    }
    const block = scope.block;
    const [first] = 'params' in block ? block.params : [];
    if (first?.type !== AST_NODE_TYPES.Identifier || !isFetchEventParameter(first, block)) continue;
    for (const reference of scope.set.get(first.name)?.references ?? []) {
      const member = (reference.identifier as TSESTree.Node).parent;
      if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === reference.identifier && ASTUtils.getPropertyName(member, scope) === 'fetch') uses.push(member);
    }
  }
  return uses;
}

function isFetchEventParameter(parameter: TSESTree.Identifier, fn: TSESTree.Node): boolean {
  const annotation = parameter.typeAnnotation?.typeAnnotation;
  if (annotation?.type === AST_NODE_TYPES.TSTypeReference) {
    const name = annotation.typeName.type === AST_NODE_TYPES.Identifier ? annotation.typeName.name : annotation.typeName.type === AST_NODE_TYPES.TSQualifiedName ? annotation.typeName.right.name : '';
    if (FETCH_EVENT_TYPE.test(name)) return true;
  }
  const name = functionName(fn);
  return name !== undefined && FETCH_EVENT_FUNCTIONS.has(name);
}

/** The name a function goes by: its own, or the binding or property it is the value of. */
function functionName(fn: TSESTree.Node): string | undefined {
  if ((fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression) && fn.id) return fn.id.name;
  let parent = fn.parent;
  while (parent && (parent.type === AST_NODE_TYPES.TSSatisfiesExpression || parent.type === AST_NODE_TYPES.TSAsExpression)) parent = parent.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  return undefined;
}

function scopeOf(node: TSESTree.Node, collector: Collector): Scope {
  return collector.sourceCode.getScope(node);
}

function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

/** References to the value `node` is bound to (`const api = <node>`), or [node] itself when used directly. */
function usesOf(node: TSESTree.Node, collector: Collector): TSESTree.Node[] {
  const variable = boundVariable(node, scopeOf(node, collector));
  if (!variable) return [node];
  return variable.references.filter((reference) => !reference.init).map((reference) => reference.identifier as TSESTree.Node);
}

/**
 * The uses of one client value (an imported client or an instance): writes to its defaults
 * first, since they apply to every request the value makes, then its requests and factories.
 */
function clientValue(uses: readonly TSESTree.Node[], spec: ClientSpec, defaults: ClientDefaults, collector: Collector): void {
  for (const use of uses) {
    const parent = use.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== use) continue;
    const member = ASTUtils.getPropertyName(parent, scopeOf(use, collector));
    if (member === 'defaults' || member === 'interceptors') defaultsWrite(parent, member, defaults, scopeOf(use, collector), collector.sourceCode);
  }
  for (const use of uses) clientUse(use, spec, defaults, collector);
}

/** One use of a client value: a call, a method call or a factory. */
function clientUse(use: TSESTree.Node, spec: ClientSpec, defaults: ClientDefaults, collector: Collector): void {
  const parent = use.parent;
  if (!parent) return;
  const scope = scopeOf(use, collector);
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === use) {
    const [first, second] = parent.arguments;
    if ((spec.name === 'axios' || spec.name === 'got') && first !== undefined && isConfigArgument(first, second, scope)) {
      collector.requests.push(clientRequest(parent, spec, defaults, undefined, first, null, collector));
    } else {
      collector.requests.push(clientRequest(parent, spec, defaults, first, second, null, collector));
    }
    return;
  }
  if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== use) return;
  const member = ASTUtils.getPropertyName(parent, scope);
  const grand = parent.parent;
  if (member === null) return;
  if (grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === parent) {
    const args = grand.arguments;
    if (spec.factories.includes(member)) {
      const config = args[0];
      const instance = instanceDefaults(spec, defaults, config, grand, scope, collector.sourceCode);
      collector.clients.push({ node: grand, client: spec.name, base: instance.base, headers: instance.headers });
      clientValue(usesOf(grand, collector), spec, instance, collector);
      return;
    }
    if (member === 'request' && spec.name === 'axios') {
      collector.requests.push(clientRequest(grand, spec, defaults, undefined, args[0], null, collector));
      return;
    }
    if (Object.hasOwn(spec.urlMethods, member)) {
      const method = spec.urlMethods[member] ?? null;
      collector.requests.push(clientRequest(grand, spec, defaults, args[0], args[1], method, collector));
      return;
    }
    if (Object.hasOwn(spec.dataMethods, member)) {
      collector.requests.push(clientRequest(grand, spec, defaults, args[0], args[2], spec.dataMethods[member] ?? null, collector, args[1]));
    }
  }
}

/**
 * Whether the first argument of `axios(…)` / `got(…)` is a request config rather than a URL: an
 * object, or a lone value that is not a string as far as the file shows (`api(error.config)`
 * retrying a failed request, `engium(config)` in a generic helper). Such a config's headers are
 * unknown, never the instance's defaults alone.
 */
function isConfigArgument(first: TSESTree.Node, second: TSESTree.Node | undefined, scope: Scope): boolean {
  const inner = unwrap(first);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) return true;
  if (second !== undefined || partialUrl(inner, scope) !== undefined) return false;
  if (inner.type === AST_NODE_TYPES.TemplateLiteral || inner.type === AST_NODE_TYPES.BinaryExpression) return false;
  return !(inner.type === AST_NODE_TYPES.Identifier && isStringParameter(inner, scope));
}

/** A parameter declared as a string or URL (`path: string`), which the call takes as a URL. */
function isStringParameter(identifier: TSESTree.Identifier, scope: Scope): boolean {
  const definition = ASTUtils.findVariable(scope, identifier)?.defs[0];
  if (definition?.type !== 'Parameter' || definition.name.type !== AST_NODE_TYPES.Identifier) return false;
  const annotation = definition.name.typeAnnotation?.typeAnnotation;
  if (annotation?.type === AST_NODE_TYPES.TSStringKeyword) return true;
  return annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier && annotation.typeName.name === 'URL';
}

/** The defaults a factory call gives its instance: the parent's, then the config's. */
function instanceDefaults(
  spec: ClientSpec,
  parent: ClientDefaults,
  config: TSESTree.Node | undefined,
  factory: TSESTree.CallExpression,
  scope: Scope,
  sourceCode: Readonly<TSESLint.SourceCode>,
): ClientDefaults {
  const baseValues = optionValues(config, spec.baseOption, scope).values;
  const baseNode = baseValues.at(-1);
  return {
    base: baseNode ? partialUrl(baseNode, scope) : parent.base,
    writes: new Map(),
    headers: [
      ...inheritedHeaders(parent, factory),
      ...clientConfigHeaders(spec, config, scope),
      ...hookHeaders(spec, config, scope, sourceCode),
    ],
  };
}

/**
 * A client config's `headers`. axios also reads groups in them, `headers: { common: {…}, post: {…} }`,
 * whose headers it sends with every request (or those of that method: counted for all, which
 * can only keep a call quiet).
 */
function clientConfigHeaders(spec: ClientSpec, config: TSESTree.Node | undefined, scope: Scope): HeaderEntry[] {
  const entries = configHeaderEntries(config, scope);
  return spec.name === 'axios' ? entries.flatMap((entry) => withHeaderGroups(entry, scope)) : entries;
}

function withHeaderGroups(entry: HeaderEntry, scope: Scope): HeaderEntry[] {
  if (entry.kind === 'either') {
    const [a, b] = entry.options.map((option) => option.flatMap((inner) => withHeaderGroups(inner, scope)));
    return [{ kind: 'either', options: [a!, b!] }];
  }
  if (entry.kind !== 'named' || !entry.value || !AXIOS_HEADER_GROUPS.has(entry.name.toLowerCase())) return [entry];
  const group = unwrap(entry.value).type;
  return group === AST_NODE_TYPES.ObjectExpression || group === AST_NODE_TYPES.Identifier ? headerEntries(entry.value, scope) : [entry];
}

/** The headers a config's hook options (ky / got `hooks`, axios `transformRequest`, ofetch `onRequest`) set. */
function hookHeaders(spec: ClientSpec, config: TSESTree.Node | undefined, scope: Scope, sourceCode: Readonly<TSESLint.SourceCode>): HeaderEntry[] {
  return spec.hookOptions.flatMap((option) => optionValues(config, option, scope).values.flatMap((value) => hookOptionHeaders(option, value, scope, sourceCode)));
}

/**
 * The parent's headers an instance made by `factory` starts with. A defaults write in module code
 * after the factory comes too late for it; one inside a function may run before or after it, so
 * it is unknown unless the factory itself runs later, inside a function.
 */
function inheritedHeaders(parent: ClientDefaults, factory: TSESTree.CallExpression): HeaderEntry[] {
  const factoryInFunction = inFunction(factory);
  return parent.headers.flatMap((entry): HeaderEntry[] => {
    const write = parent.writes.get(entry);
    if (!write) return [entry];
    if (!write.inherited) return [];
    if (inFunction(write.at)) return [{ kind: 'unknown', node: write.at, shape: 'headers' }];
    return write.at.range[0] < factory.range[0] || factoryInFunction ? [entry] : [];
  });
}

function inFunction(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) return true;
  }
  return false;
}

function addWrite(defaults: ClientDefaults, at: TSESTree.Node, entries: readonly HeaderEntry[], inherited = true): void {
  for (const entry of entries) {
    defaults.headers.push(entry);
    defaults.writes.set(entry, { at, inherited });
  }
}

/**
 * `api.defaults.headers.common['X-Tenant-ID'] = …`, `api.defaults.baseURL = …` and
 * `api.interceptors.request.use(…)` change every later request of that client (mutating `defaults`).
 */
function defaultsWrite(member: TSESTree.MemberExpression, name: 'defaults' | 'interceptors', defaults: ClientDefaults, scope: Scope, sourceCode: Readonly<TSESLint.SourceCode>): void {
  const path: string[] = [];
  let top: TSESTree.Node = member;
  while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top) {
    const key = ASTUtils.getPropertyName(top.parent, scope);
    if (key === null) {
      addWrite(defaults, top.parent, [{ kind: 'unknown', node: top.parent, shape: 'headers' }]);
      return;
    }
    path.push(key);
    top = top.parent;
  }
  const parent = top.parent;
  if (name === 'interceptors') {
    if (path[0] !== 'request') return;
    // `api.interceptors.request.use(fn)`: the headers fn sets, when its body is in this module.
    const [interceptor] = parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === top && path[1] === 'use' ? parent.arguments : [];
    addWrite(defaults, top, interceptor ? functionHeaders(interceptor, scope, sourceCode) : [{ kind: 'unknown', node: top, shape: 'headers' }], false);
    return;
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === top) {
    if (path[0] === 'baseURL' || path[0] === 'prefixUrl') {
      defaults.base = partialUrl(parent.right, scope);
      return;
    }
    if (path[0] !== 'headers') return;
    const rest = path.slice(1).filter((key, index) => !(index === 0 && AXIOS_HEADER_GROUPS.has(key)));
    if (rest.length === 0) addWrite(defaults, parent, headerEntries(parent.right, scope));
    else if (rest.length === 1) addWrite(defaults, parent, [{ kind: 'named', name: rest[0]!, value: parent.right }]);
    return;
  }
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === top && path[0] === 'headers' && path.at(-1) === 'set') {
    const [nameNode, value] = parent.arguments;
    const header = nameNode ? staticString(nameNode, scope) : undefined;
    addWrite(defaults, parent, [header === undefined ? { kind: 'unknown', node: parent, shape: 'headers' } : { kind: 'named', name: header, value }]);
  }
}

function clientRequest(
  node: TSESTree.CallExpression,
  spec: ClientSpec,
  defaults: ClientDefaults,
  urlNode: TSESTree.Node | undefined,
  config: TSESTree.Node | undefined,
  method: string | null,
  collector: Collector,
  data?: TSESTree.Node,
): HttpRequest {
  const scope = scopeOf(node, collector);
  const urlOption = urlNode ?? optionValues(config, 'url', scope).values.at(-1);
  const path = urlOption ? partialUrl(urlOption, scope, collector.typeValue) : undefined;
  const baseNode = optionValues(config, spec.baseOption, scope).values.at(-1);
  const base = baseNode ? partialUrl(baseNode, scope, collector.typeValue) : defaults.base;
  const configMethod = configString(config, 'method', scope);
  const pathShape = urlOption ? stringShape(urlOption, scope, collector.typeValue) : undefined;
  return {
    node,
    client: spec.name,
    url: joinUrl(base, path),
    urlShape: pathShape === undefined || ABSOLUTE_URL.test(pathShape) || !base ? pathShape : `${base.text}/${pathShape}`,
    method: configMethod === undefined ? (method ?? 'GET') : configMethod === null ? null : configMethod.toUpperCase(),
    headers: [
      ...defaults.headers,
      ...clientConfigHeaders(spec, config, scope),
      ...hookHeaders(spec, config, scope, collector.sourceCode),
    ],
    queryParameters: [
      ...spec.queryOptions.flatMap((option) => optionValues(config, option, scope).values.flatMap((value) => objectKeys(value, scope))),
      ...(urlOption ? searchParamWrites(urlOption, scope) : []),
    ],
    ...withBody(RAW_BODY_CLIENTS.has(spec.name) ? rawBody(config, scope) : spec.name === 'axios' ? stringData(data ?? optionValues(config, 'data', scope).values.at(-1), scope) : undefined),
  };
}

function withBody(body: TSESTree.Node | undefined): Pick<HttpRequest, 'body'> {
  return body ? { body } : {};
}

/**
 * Query parameters added to a URL object after it was made:
 * `const url = new URL(…); url.searchParams.set('api_key', key); fetch(url)`.
 */
function searchParamWrites(node: TSESTree.Node, scope: Scope): string[] {
  const inner = unwrap(node);
  if (inner.type !== AST_NODE_TYPES.Identifier) return [];
  const variable = ASTUtils.findVariable(scope, inner);
  const names: string[] = [];
  for (const reference of variable?.references ?? []) {
    const searchParams = (reference.identifier as TSESTree.Node).parent;
    if (searchParams?.type !== AST_NODE_TYPES.MemberExpression || searchParams.object !== reference.identifier) continue;
    if (ASTUtils.getPropertyName(searchParams, scope) !== 'searchParams') continue;
    const method = searchParams.parent;
    const call = method?.parent;
    if (method?.type !== AST_NODE_TYPES.MemberExpression || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== method) continue;
    const methodName = ASTUtils.getPropertyName(method, scope);
    const name = call.arguments[0] && staticString(call.arguments[0], scope);
    if ((methodName === 'set' || methodName === 'append') && name) names.push(name);
  }
  return names;
}

/** The static property names of an object literal (or a same-file constant bound to one). */
function objectKeys(node: TSESTree.Node, scope: Scope): string[] {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const init = bindingInit(inner, scope);
    return init ? objectKeys(init, scope) : [];
  }
  if (inner.type !== AST_NODE_TYPES.ObjectExpression) return [];
  return inner.properties.flatMap((property) => {
    if (property.type === AST_NODE_TYPES.SpreadElement) return objectKeys(property.argument, scope);
    const name = ASTUtils.getPropertyName(property, scope);
    return name === null ? [] : [name];
  });
}

// ---------------------------------------------------------------- fetch and Request

function fetchCall(call: TSESTree.CallExpression, collector: Collector): void {
  const scope = scopeOf(call, collector);
  const [input, init] = call.arguments;
  const construction = input ? requestConstructionOf(input, scope) : undefined;
  const fromInit = { headers: configHeaderEntries(init, scope), method: configString(init, 'method', scope), body: rawBody(init, scope) };
  if (construction) {
    collector.consumed.add(construction);
    const { body, ...request } = requestFromConstruction(construction, collector);
    collector.requests.push({
      ...request,
      node: call,
      // `fetch(request, init)`: init's headers replace the request's when given.
      headers: init ? [...request.headers, ...fromInit.headers] : request.headers,
      method: fromInit.method === undefined ? request.method : fromInit.method?.toUpperCase() ?? null,
      ...withBody(fromInit.body ?? body),
    });
    return;
  }
  collector.requests.push({
    node: call,
    client: 'fetch',
    url: input ? partialUrl(input, scope, collector.typeValue) : undefined,
    urlShape: input ? stringShape(input, scope, collector.typeValue) : undefined,
    method: fromInit.method === undefined ? 'GET' : fromInit.method?.toUpperCase() ?? null,
    headers: fromInit.headers,
    queryParameters: input ? searchParamWrites(input, scope) : [],
    ...withBody(fromInit.body),
  });
}

function requestConstructionOf(node: TSESTree.Node, scope: Scope): TSESTree.NewExpression | undefined {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.NewExpression && inner.callee.type === AST_NODE_TYPES.Identifier && inner.callee.name === 'Request') return inner;
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(scope, inner);
    const definition = variable?.defs[0];
    if (variable?.defs.length === 1 && definition?.type === 'Variable' && definition.node.init) {
      const init = unwrap(definition.node.init);
      if (init.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'Request') return init;
    }
  }
  return undefined;
}

function requestFromConstruction(construction: TSESTree.NewExpression, collector: Collector): HttpRequest {
  const scope = scopeOf(construction, collector);
  const [input, init] = construction.arguments;
  const method = configString(init, 'method', scope);
  return {
    node: construction,
    client: 'fetch',
    url: input ? partialUrl(input, scope, collector.typeValue) : undefined,
    urlShape: input ? stringShape(input, scope, collector.typeValue) : undefined,
    method: method === undefined ? 'GET' : method?.toUpperCase() ?? null,
    headers: configHeaderEntries(init, scope),
    queryParameters: input ? searchParamWrites(input, scope) : [],
    ...withBody(rawBody(init, scope)),
  };
}

// ---------------------------------------------------------------- superagent

/** `request.get(url).set(name, value)…`, `request('POST', url)`, `request(url)`. */
function superagentUse(use: TSESTree.Node, collector: Collector): void {
  const parent = use.parent;
  const scope = scopeOf(use, collector);
  let call: TSESTree.CallExpression;
  let method: string | null;
  let urlNode: TSESTree.Node | undefined;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === use) {
    call = parent;
    const [first, second] = parent.arguments;
    if (second) {
      const name = first ? staticString(first, scope) : undefined;
      method = name?.toUpperCase() ?? null;
      urlNode = second;
    } else {
      method = 'GET';
      urlNode = first;
    }
  } else if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use && parent.parent?.type === AST_NODE_TYPES.CallExpression) {
    const member = ASTUtils.getPropertyName(parent, scope);
    const verb = member === 'del' ? 'delete' : member;
    if (verb === null || !Object.hasOwn(HTTP_METHODS, verb)) return;
    call = parent.parent;
    method = HTTP_METHODS[verb as keyof typeof HTTP_METHODS];
    urlNode = call.arguments[0];
  } else {
    return;
  }
  collector.requests.push({
    node: call,
    client: 'superagent',
    url: urlNode ? partialUrl(urlNode, scope, collector.typeValue) : undefined,
    urlShape: urlNode ? stringShape(urlNode, scope, collector.typeValue) : undefined,
    method,
    headers: chainHeaders(call, scope, collector),
    queryParameters: [],
  });
}

/** Headers set along a superagent chain, and on the binding it is stored in. */
function chainHeaders(start: TSESTree.Node, scope: Scope, collector: Collector, depth = 0): HeaderEntry[] {
  const entries: HeaderEntry[] = [];
  let top: TSESTree.Node = start;
  for (;;) {
    const member = top.parent;
    const call = member?.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== top || call?.type !== AST_NODE_TYPES.CallExpression) break;
    const name = ASTUtils.getPropertyName(member, scope);
    const [first, second] = call.arguments;
    if (name === 'set' && first) {
      const header = second ? staticString(first, scope) : undefined;
      if (second) entries.push(header === undefined ? { kind: 'unknown', node: call, shape: 'headers' } : { kind: 'named', name: header, value: second });
      else entries.push(...headerEntries(first, scope));
    } else if (name === 'auth') {
      entries.push({ kind: 'named', name: 'Authorization', value: undefined });
    } else if (name === 'use') {
      entries.push({ kind: 'unknown', node: call, shape: 'headers' });
    }
    top = call;
  }
  const parent = top.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === top && depth < 2) {
    for (const use of usesOf(top, collector)) entries.push(...chainHeaders(use, scope, collector, depth + 1));
  } else if (
    parent &&
    parent.type !== AST_NODE_TYPES.AwaitExpression &&
    parent.type !== AST_NODE_TYPES.ExpressionStatement &&
    !(parent.type === AST_NODE_TYPES.MemberExpression && parent.object === top)
  ) {
    // Returned or handed on: whoever receives the request may still set headers.
    entries.push({ kind: 'unknown', node: top, shape: 'headers' });
  }
  return entries;
}

// ---------------------------------------------------------------- XMLHttpRequest

/** `const xhr = new XMLHttpRequest(); xhr.open(method, url); xhr.setRequestHeader(name, value)`. */
function xhrRequests(construction: TSESTree.NewExpression, collector: Collector): void {
  const scope = scopeOf(construction, collector);
  const uses = usesOf(construction, collector).filter((use) => use !== construction);
  const headers: HeaderEntry[] = [];
  const opens: TSESTree.CallExpression[] = [];
  for (const use of uses) {
    const parent = use.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use && parent.parent?.type === AST_NODE_TYPES.CallExpression) {
      const member = ASTUtils.getPropertyName(parent, scope);
      const call = parent.parent;
      if (member === 'open') opens.push(call);
      else if (member === 'setRequestHeader') {
        const [nameNode, value] = call.arguments;
        const name = nameNode ? staticString(nameNode, scope) : undefined;
        headers.push(name === undefined ? { kind: 'unknown', node: call, shape: 'headers' } : { kind: 'named', name, value });
      }
    } else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(use as TSESTree.Expression)) {
      headers.push({ kind: 'unknown', node: parent, shape: 'headers' });
    }
  }
  for (const open of opens) {
    const openScope = scopeOf(open, collector);
    const [methodNode, urlNode] = open.arguments;
    const method = methodNode ? staticString(methodNode, openScope) : undefined;
    collector.requests.push({
      node: open,
      client: 'XMLHttpRequest',
      url: urlNode ? partialUrl(urlNode, openScope, collector.typeValue) : undefined,
      urlShape: urlNode ? stringShape(urlNode, openScope, collector.typeValue) : undefined,
      method: method?.toUpperCase() ?? null,
      headers,
      queryParameters: [],
    });
  }
}
