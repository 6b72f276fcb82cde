import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AUTH_ENDPOINTS,
  credentialQueryParameters,
  CREDENTIAL_QUERY_PARAMETERS,
  DEFAULT_API_BASE_URL,
  engiumApiPath,
  hasUrlCredentials,
  HEADERS,
  isEngiumApiUrl,
  isTenantId,
  JSON_BODY_METHODS,
  requiresAuthorization,
  sameHeaderName,
} from '../src/index.js';

const STAGING = 'https://staging.engium.app/api/v1/';
const PROXY = 'http://localhost:8080/engium';

describe('engiumApiPath', () => {
  it('defaults to the documented base URL', () => {
    expect(DEFAULT_API_BASE_URL).toBe('https://api.engium.app/api/v1');
  });

  it.each<[string, string | undefined]>([
    ['https://api.engium.app/api/v1/bookings', '/bookings'],
    ['https://api.engium.app/api/v1/bookings/', '/bookings'],
    ['https://api.engium.app/api/v1/bookings?limit=10', '/bookings'],
    ['https://api.engium.app/api/v1/bookings#top', '/bookings'],
    ['https://api.engium.app/api/v1/auth/login', '/auth/login'],
    ['https://api.engium.app/api/v1', '/'],
    ['https://api.engium.app/api/v1/', '/'],
    ['https://api.engium.app/api/v1?x=1', '/'],
    ['https://api.engium.app/api/v1/messages/42/status', '/messages/42/status'],
    ['HTTPS://API.ENGIUM.APP/api/v1/bookings', '/bookings'],
    ['https://api.engium.app:443/api/v1/bookings', '/bookings'],
    // Credentials before the host do not change where the request goes.
    ['https://user:secret@api.engium.app/api/v1/bookings', '/bookings'],
    ['https://token@api.engium.app/api/v1/bookings', '/bookings'],
    ['https://api.engium.app@evil.com/api/v1/bookings', undefined],
    // Lookalikes and other hosts.
    ['https://api.engium.app.evil.com/api/v1/bookings', undefined],
    ['https://evil.com/https://api.engium.app/api/v1/bookings', undefined],
    ['https://api.engium.app.evil.com', undefined],
    ['https://api.engium.app/api/v10/bookings', undefined],
    ['https://api.engium.app/api/v1bookings', undefined],
    ['https://api.engium.app/API/V1/bookings', undefined],
    ['https://api.engium.app:8443/api/v1/bookings', undefined],
    ['http://api.engium.app/api/v1/bookings', undefined],
    ['https://notapi.engium.app/api/v1/bookings', undefined],
    ['/api/v1/bookings', undefined],
    ['', undefined],
  ])('%s → %s', (url, expected) => {
    expect(engiumApiPath(url)).toBe(expected);
    expect(isEngiumApiUrl(url)).toBe(expected !== undefined);
  });

  it('uses configured bases, with or without a trailing slash, instead of the default', () => {
    const bases = [STAGING, PROXY];
    expect(engiumApiPath('https://staging.engium.app/api/v1/bookings', bases)).toBe('/bookings');
    expect(engiumApiPath('http://localhost:8080/engium/auth/refresh?x', bases)).toBe('/auth/refresh');
    expect(engiumApiPath('http://localhost:8080/engium', bases)).toBe('/');
    expect(engiumApiPath('http://localhost:8080/engiumx/a', bases)).toBeUndefined();
    expect(engiumApiPath('http://localhost:8081/engium/a', bases)).toBeUndefined();
    expect(engiumApiPath('https://api.engium.app/api/v1/bookings', bases)).toBeUndefined();
    expect(engiumApiPath('https://api.engium.app/api/v1/bookings', [...bases, DEFAULT_API_BASE_URL])).toBe('/bookings');
    expect(engiumApiPath('https://api.engium.app/api/v1/x', ['https://api.engium.app/api/v1///'])).toBe('/x');
  });

  it('maps any path under the base back to itself', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.boolean(), (segments, trailingSlash) => {
        const path = `/${segments.join('/')}`;
        expect(engiumApiPath(`${DEFAULT_API_BASE_URL}${path}${trailingSlash ? '/' : ''}?q=1`)).toBe(path);
      }),
    );
  });

  it('never matches a host that merely starts with the API host', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[.a-z0-9-]{1,20}$/), (suffix) => {
        expect(engiumApiPath(`https://api.engium.app${suffix}/api/v1/bookings`)).toBeUndefined();
      }),
    );
  });
});

describe('headers and methods', () => {
  it('names the required headers and compares names case-insensitively', () => {
    expect(HEADERS).toEqual({ authorization: 'Authorization', tenant: 'X-Tenant-ID', contentType: 'Content-Type' });
    expect(sameHeaderName('x-tenant-id', HEADERS.tenant)).toBe(true);
    expect(sameHeaderName('AUTHORIZATION', HEADERS.authorization)).toBe(true);
    expect(sameHeaderName('X-Tenant', HEADERS.tenant)).toBe(false);
    expect(JSON_BODY_METHODS).toEqual(['POST', 'PATCH', 'PUT']);
  });
});

describe('requiresAuthorization', () => {
  it('knows the two auth endpoints', () => {
    expect(AUTH_ENDPOINTS.map(({ method, path }) => `${method} ${path}`)).toEqual(['POST /auth/login', 'POST /auth/refresh']);
  });

  it.each<[string, string, boolean]>([
    ['POST', '/auth/login', false],
    ['post', '/auth/login', false],
    ['POST', '/auth/refresh', false],
    ['POST', '/auth/login/', false],
    ['POST', 'auth/login', false],
    ['POST', '/auth/refresh?client=web', false],
    ['GET', '/auth/login', true],
    ['PUT', '/auth/refresh', true],
    ['POST', '/auth/logout', true],
    ['POST', '/auth/login/extra', true],
    ['POST', '/auth', true],
    ['POST', '/bookings', true],
    ['GET', '/bookings', true],
    ['DELETE', '/', true],
  ])('%s %s → %s', (method, path, expected) => {
    expect(requiresAuthorization(method, path)).toBe(expected);
  });
});

describe('isTenantId', () => {
  it.each<[string, boolean]>([
    ['3fa85f64-5717-4562-b3fc-2c963f66afa6', true],
    ['3FA85F64-5717-4562-B3FC-2C963F66AFA6', true],
    [' 3fa85f64-5717-4562-b3fc-2c963f66afa6\n', true],
    ['00000000-0000-0000-0000-000000000000', true],
    ['3fa85f64571745622b3fc2c963f66afa6', false],
    ['3fa85f64-5717-4562-b3fc-2c963f66afa', false],
    ['3fa85f64-5717-4562-b3fc-2c963f66afa6a', false],
    ['{3fa85f64-5717-4562-b3fc-2c963f66afa6}', false],
    ['3fa85f64-5717-4562-b3fc-2c963f66afg6', false],
    ['acme-corp', false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isTenantId(value)).toBe(expected);
  });

  it('accepts every UUID', () => {
    fc.assert(
      fc.property(fc.uuid(), (uuid) => {
        expect(isTenantId(uuid)).toBe(true);
      }),
    );
  });
});

describe('hasUrlCredentials', () => {
  it.each<[string, boolean]>([
    ['https://user:secret@api.engium.app/api/v1/bookings', true],
    ['https://token@api.engium.app/', true],
    ['https://api.engium.app/api/v1/bookings', false],
    ['https://api.engium.app/api/v1/people/a@b.c', false],
    ['https://api.engium.app/api/v1/bookings?email=a@b.c', false],
    ['mailto:a@b.c', false],
  ])('%s → %s', (url, expected) => {
    expect(hasUrlCredentials(url)).toBe(expected);
  });
});

describe('credentialQueryParameters', () => {
  it.each<[string, string[]]>([
    ['https://api.engium.app/api/v1/bookings?api_key=x', ['api_key']],
    ['https://x.test/?apikey=1&token=2&page=3', ['apikey', 'token']],
    ['?API-KEY=1', ['api-key']],
    ['/a?access_token=1&secret=2&key=3', ['access_token', 'secret', 'key']],
    ['/a?api%5Fkey=1', ['api_key']],
    ['/a?keys=1&monkey=2&token_type=bearer', []],
    ['/a?page=1#token=2', []],
    ['/a#x?token=1', []],
    ['/a?%zz=1&token=2', ['token']],
    ['/a?api+key=1', []],
    ['/a', []],
    ['', []],
  ])('%s → %j', (url, expected) => {
    expect(credentialQueryParameters(url)).toEqual(expected);
  });

  it('knows the usual credential parameter names', () => {
    expect(CREDENTIAL_QUERY_PARAMETERS).toEqual(expect.arrayContaining(['api_key', 'apikey', 'token', 'access_token']));
  });
});
