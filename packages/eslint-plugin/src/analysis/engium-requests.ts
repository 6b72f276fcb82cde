/**
 * The Engium API calls in a file: every HTTP request whose URL addresses the API (core's
 * `engiumApiPath` over the configured base URLs). Computed once per file and option set, and
 * shared by the rules that check those calls.
 */
import { AUTH_ENDPOINTS, engiumApiPath, hasUrlCredentials, requiresAuthorization } from '@engium/core';
import type { TSESLint } from '@typescript-eslint/utils';
import { findHeader, type HeaderTypeCheck, type Presence } from './headers.js';
import { findHttpRequests, type HttpClientInstance, type HttpRequest } from './http-calls.js';
import { engiumSettings } from './settings.js';
import { UNKNOWN_PART, type PartialString } from './static.js';
import { typeResolvers } from './type-information.js';

export interface EngiumRequest extends HttpRequest {
  url: PartialString;
  /** The API path (`/bookings`), or its known head when the URL ends in a dynamic part. */
  path: string;
}

/** A client wrapper whose base URL is the Engium API (`axios.create({ baseURL: ENGIUM })`). */
export interface EngiumClient extends HttpClientInstance {
  base: PartialString;
}

export interface EngiumRequestAnalysis {
  requests: readonly EngiumRequest[];
  clients: readonly EngiumClient[];
  /** Whether `request` sends header `name`. */
  header(request: EngiumRequest, name: string): Presence;
}

const cache = new WeakMap<object, Map<string, EngiumRequestAnalysis>>();

export function engiumRequests(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  options: { typeAware: boolean },
): EngiumRequestAnalysis {
  const settings = engiumSettings(context);
  const key = `${options.typeAware}\u0000${settings.apiBaseUrls.join('\u0000')}`;
  const perFile = cache.get(context.sourceCode) ?? new Map<string, EngiumRequestAnalysis>();
  cache.set(context.sourceCode, perFile);
  const cached = perFile.get(key);
  if (cached) return cached;

  const types = options.typeAware ? typeResolvers(context) : undefined;
  const requests: EngiumRequest[] = [];
  const clients: EngiumClient[] = [];
  // Without types, a URL is resolved from this file's own text, so the API's host is written in it.
  const mayCallEngium = types !== undefined || apiHosts(settings.apiBaseUrls).some((host) => context.sourceCode.text.includes(host));
  if (mayCallEngium) {
    const calls = findHttpRequests(context.sourceCode, types?.typeValue);
    for (const request of calls.requests) {
      const url = engiumUrl(request, settings.apiBaseUrls);
      if (url) requests.push({ ...request, ...url });
    }
    for (const client of calls.clients) {
      if (client.base && engiumApiPath(client.base.text, settings.apiBaseUrls) !== undefined) clients.push({ ...client, base: client.base });
    }
  }
  const typeCheck: HeaderTypeCheck | undefined = types?.headerTypeCheck;
  const analysis: EngiumRequestAnalysis = {
    requests,
    clients,
    header: (request, name) => findHeader(request.headers, name, typeCheck),
  };
  perFile.set(key, analysis);
  return analysis;
}

/**
 * The request's URL and API path when it goes to the Engium API. Dynamic credentials before the
 * host (`https://${user}:${key}@api.engium.app/…`) end the URL's known head before the host, so
 * its shape decides there.
 */
function engiumUrl(request: HttpRequest, baseUrls: readonly string[]): { url: PartialString; path: string } | undefined {
  if (request.url) {
    const path = engiumApiPath(request.url.text, baseUrls);
    if (path !== undefined) return { url: request.url, path };
  }
  if (request.urlShape === undefined || !hasUrlCredentials(request.urlShape)) return undefined;
  const path = engiumApiPath(request.urlShape, baseUrls);
  if (path === undefined) return undefined;
  const unknownAt = request.urlShape.indexOf(UNKNOWN_PART, request.urlShape.indexOf('@'));
  if (unknownAt === -1) return { url: { text: request.urlShape, complete: true }, path };
  const head = request.urlShape.slice(0, unknownAt);
  return { url: { text: head, complete: false }, path: engiumApiPath(head, baseUrls) ?? path };
}

/** `GET /bookings`, `POST /auth/…` for messages. */
export function describeEndpoint(request: EngiumRequest): string {
  return `${request.method ?? '<method>'} ${request.path}${request.url.complete ? '' : '…'}`;
}

/** Whether the call needs `Authorization`: not for the auth endpoints; unknown when it may be one of them. */
export function authorizationNeed(request: EngiumRequest): 'required' | 'not-required' | 'unknown' {
  if (request.url.complete && request.method !== null) {
    return requiresAuthorization(request.method, request.path) ? 'required' : 'not-required';
  }
  const prefix = request.path === '/' ? '' : request.path;
  const couldBeAuth = AUTH_ENDPOINTS.some(
    (endpoint) =>
      (request.method === null || request.method === endpoint.method) &&
      (request.url.complete ? endpoint.path === request.path : endpoint.path.startsWith(prefix)),
  );
  return couldBeAuth ? 'unknown' : 'required';
}

const hostsByBaseUrls = new Map<string, string[]>();

/** The hosts of the API base URLs, parsed once per configuration (URL parsing is not free per file). */
function apiHosts(baseUrls: readonly string[]): string[] {
  const key = baseUrls.join('\u0000');
  const cached = hostsByBaseUrls.get(key);
  if (cached) return cached;
  const hosts = baseUrls.map((base) => {
    try {
      return new URL(base).host;
    } catch {
      return base;
    }
  });
  hostsByBaseUrls.set(key, hosts);
  return hosts;
}
