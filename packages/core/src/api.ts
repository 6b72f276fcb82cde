/** The Engium API surface that callers must get right (see the Engium authentication docs). */

export const DEFAULT_API_BASE_URL = 'https://api.engium.app/api/v1';

/** Every request, the auth endpoints included, needs `X-Tenant-ID` (else 400) and, but for the auth endpoints, `Authorization`. */
export const HEADERS = {
  authorization: 'Authorization',
  tenant: 'X-Tenant-ID',
  contentType: 'Content-Type',
} as const;

/** HTTP header names compare case-insensitively. */
export function sameHeaderName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** Methods whose bodies must be sent as `Content-Type: application/json`. */
export const JSON_BODY_METHODS: readonly HttpMethod[] = ['POST', 'PATCH', 'PUT'];

export interface Endpoint {
  method: HttpMethod;
  path: string;
  purpose: string;
}

/** The JWT flow for browser clients; these two calls authenticate with credentials, not a Bearer token. */
export const AUTH_ENDPOINTS: readonly Endpoint[] = [
  { method: 'POST', path: '/auth/login', purpose: 'exchange email and password for a 30-minute access token' },
  { method: 'POST', path: '/auth/refresh', purpose: 'exchange a refresh token (valid 30 days) for a new access token' },
];

export const ACCESS_TOKEN_LIFETIME_MINUTES = 30;
export const REFRESH_TOKEN_LIFETIME_DAYS = 30;

/** True unless the call is one of the auth endpoints, which need no `Authorization` header. */
export function requiresAuthorization(method: string, path: string): boolean {
  const normalised = normalisePath(path);
  return !AUTH_ENDPOINTS.some((endpoint) => endpoint.method === method.toUpperCase() && endpoint.path === normalised);
}

function normalisePath(path: string): string {
  const withoutQuery = path.split(/[?#]/, 1)[0] ?? '';
  const trimmed = stripTrailingSlashes(withoutQuery);
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** A loop, not `/\/+$/`, which backtracks quadratically on long runs of slashes. */
function stripTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end--;
  return text.slice(0, end);
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': ':80', 'https:': ':443' };

/** `user:password@` between the scheme and the host. */
const USERINFO = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#@]*@/;

/** Whether `url` carries credentials before its host (`https://user:password@host/…`), which logs and browser history keep. */
export function hasUrlCredentials(url: string): boolean {
  return USERINFO.test(url);
}

/**
 * Scheme and host compare case-insensitively, a default port changes nothing and credentials
 * before the host do not change where the request goes: `HTTPS://k@API.Engium.app:443/x` is
 * `https://api.engium.app/x`.
 */
function canonicalUrl(written: string): string {
  const url = written.replace(USERINFO, '$1');
  const origin = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(url)?.[0];
  if (origin === undefined) return url;
  let canonical = origin.toLowerCase();
  const scheme = canonical.slice(0, canonical.indexOf('//'));
  const defaultPort = DEFAULT_PORTS[scheme];
  if (defaultPort !== undefined && canonical.endsWith(defaultPort)) canonical = canonical.slice(0, -defaultPort.length);
  return canonical + url.slice(origin.length);
}

/**
 * The API path of `url` when it addresses the Engium API under one of `baseUrls`
 * (`/bookings` for `https://api.engium.app/api/v1/bookings`), otherwise undefined. The URL must
 * continue the base at a path boundary, so `https://api.engium.app.evil.com/…` and
 * `https://api.engium.app/api/v10/…` are not Engium calls; query and fragment are dropped.
 */
export function engiumApiPath(url: string, baseUrls: readonly string[] = [DEFAULT_API_BASE_URL]): string | undefined {
  const target = canonicalUrl(url);
  for (const base of baseUrls.map((baseUrl) => stripTrailingSlashes(canonicalUrl(baseUrl)))) {
    if (!target.startsWith(base)) continue;
    const rest = target.slice(base.length);
    if (rest === '' || rest.startsWith('/') || rest.startsWith('?') || rest.startsWith('#')) return normalisePath(rest);
  }
  return undefined;
}

export function isEngiumApiUrl(url: string, baseUrls: readonly string[] = [DEFAULT_API_BASE_URL]): boolean {
  return engiumApiPath(url, baseUrls) !== undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A tenant ID is a UUID such as `3fa85f64-5717-4562-b3fc-2c963f66afa6`. */
export function isTenantId(value: string): boolean {
  return UUID.test(value.trim());
}

/** Query parameters that carry credentials, which proxies and access logs keep. */
export const CREDENTIAL_QUERY_PARAMETERS: readonly string[] = ['api_key', 'apikey', 'api-key', 'key', 'token', 'access_token', 'secret'];

/** The credential-bearing query parameters in a URL or query string. */
export function credentialQueryParameters(url: string): string[] {
  const withoutFragment = url.split('#', 1)[0] ?? '';
  const query = withoutFragment.includes('?') ? withoutFragment.slice(withoutFragment.indexOf('?') + 1) : '';
  const names = query
    .split('&')
    .map((pair) => decodeQueryComponent(pair.split('=', 1)[0] ?? '').toLowerCase())
    .filter(Boolean);
  return names.filter((name) => CREDENTIAL_QUERY_PARAMETERS.includes(name));
}

/** Form decoding (`+` is a space); malformed escapes such as `%zz` stay as written instead of throwing. */
function decodeQueryComponent(text: string): string {
  if (!text.includes('%') && !text.includes('+')) return text;
  const spaced = text.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
