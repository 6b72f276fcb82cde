// The recommended config on Engium client code written the ways teams write it: fetch wrappers,
// axios / ky / got / ofetch instances and their interceptors and hooks, headers built up before
// the call, base URLs from constants and env variables, React Query and SWR fetchers, Next.js
// route handlers and server actions, the browser's login and refresh flow, and keys where they
// leak. Every fixture file is listed with exactly the problems it has, so a false positive and a
// missed problem both fail here. The fixture holds no keys; they are made per run (fakeKey).
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeKey, REPO_ROOT } from '../support/index.js';
import { fixtureProject, reports } from './support.js';

const FIXTURE = join(REPO_ROOT, 'test/eslint-plugin/fixtures/engium-clients');
const LIVE = fakeKey('live', 61);
const TEST = fakeKey('test', 62);

const tenant = 'require-tenant-header/missingTenant';
const authorization = 'require-authorization-header/missingAuthorization';
const contentType = 'require-json-content-type/missingContentType';
const notJson = 'require-json-content-type/notJson';
const notUuid = 'valid-tenant-id/notUuid';
const hardcoded = 'no-hardcoded-key/hardcodedKey';
const publicKey = 'no-key-in-client/publicKeyVariable';
const secretInClient = 'no-key-in-client/secretVariableInClient';
const bearerInClient = 'no-key-in-client/bearerKeyInClient';

/** Each source file of the fixture and its problems, as `line rule/messageId`. */
const EXPECTED: Record<string, string[]> = {
  // Route handler: the POST's JSON string goes out with no Content-Type.
  'app/api/bookings/route.ts': [`20 ${contentType}`],
  // Server action ('use server' reads the key, as it should); a form-encoded body is not JSON.
  'app/actions.ts': [`16 ${notJson}`],
  // Login and refresh send no Authorization and are not told to; a user's token (even one named
  // engiumToken) is not a key; the broken login and the call without the access token are reported.
  'src/client/auth.ts': [`41 ${contentType}`, `41 ${tenant}`, `52 ${authorization}`],
  // A session object filled in at sign-in: its empty initial tenant is not what is sent; the 401
  // retry hands axios the failed request's own config, not a URL.
  'src/client/axios-auth.ts': [],
  'src/client/leaky-widget.tsx': [`12 ${secretInClient}`, `23 ${bearerInClient}`],
  // A fetcher whose URL is SWR's key, and the global axios (whose defaults any module may set),
  // cannot be known.
  'src/hooks/use-engium.tsx': [`50 ${publicKey}`, `50 ${notUuid}`],
  // The wrapper's callers are not Engium calls; a second wrapper forgot the tenant.
  'src/lib/engium-fetch.ts': [`18 ${tenant}`],
  // Global axios defaults written after an instance was made do not reach it; `headers.common`
  // is sent with every request; data stringified by hand goes out with no JSON Content-Type.
  'src/server/axios-client.ts': [`20 ${tenant}`, `49 ${notUuid}`, `66 ${contentType}`],
  'src/server/config.ts': [],
  // Defaults written in a function that may run before or after the instance is made: unknown.
  'src/server/configure-axios.ts': [],
  'src/server/engium-client.ts': [`35 ${hardcoded}`],
  // Headers from a getter or a method of the class.
  'src/server/engium-sdk.ts': [`32 ${tenant}`],
  // A base URL from an env variable with the API as its fallback; `new URL('/users', base)` is
  // not an API endpoint; an imported base URL or an env-only one cannot be known.
  'src/server/env-urls.ts': [`9 ${tenant}`, `10 ${tenant}`, `15 ${tenant}`],
  'src/server/got-client.ts': [`17 ${tenant}`],
  'src/server/hardcoded.js': [`4 ${hardcoded}`],
  // Headers from a same-file function (and Object.assign over one) that has no tenant.
  'src/server/headers.ts': [`42 ${tenant}`, `64 ${notUuid}`, `69 ${tenant}`, `83 ${tenant}`],
  // An interceptor without the tenant, one returning a copy of the config, and a global
  // interceptor, which instances do not run; an axios 0.x interceptor writing `headers.common`
  // and defaults set before an instance is made reach it.
  'src/server/interceptors.ts': [`9 ${tenant}`, `14 ${tenant}`, `31 ${tenant}`],
  'src/server/ky-client.ts': [`20 ${contentType}`, `28 ${tenant}`],
  // ofetch `onRequest` hooks are read; `$fetch.create` without the tenant.
  'src/server/ofetch-client.ts': [`25 ${tenant}`, `34 ${tenant}`],
  // `engium(config)` with a config object is not a URL; `engium(path: string)` is.
  'src/server/retry.ts': [`18 ${authorization}`, `18 ${tenant}`],
  // A public variable sent to Engium as the Bearer token is a key in the bundle, whatever its name.
  'src/vite/api.ts': [`7 ${publicKey}`, `19 ${publicKey}`],
};

const unresolvedTenant = 'require-tenant-header/unresolvedTenant';
const unresolvedAuthorization = 'require-authorization-header/unresolvedAuthorization';

/**
 * What the strict config adds: the calls the recommended config leaves alone because one file
 * cannot tell, each reported as unresolved rather than guessed.
 */
const STRICT_ONLY: Record<string, string[]> = {
  // `${API}/auth/${endpoint}` may be login or refresh, which need no Authorization.
  'src/client/auth.ts': [`31 ${unresolvedAuthorization}`],
  // The global axios's defaults may be set in another module.
  'src/hooks/use-engium.tsx': [`40 ${unresolvedTenant}`],
  // The wrapper's caller hands in every header.
  'src/lib/engium-fetch.ts': [`25 ${unresolvedAuthorization}`, `25 ${unresolvedTenant}`],
  // axios.defaults written in a function that may run before the instance is made.
  'src/server/configure-axios.ts': [`9 ${unresolvedTenant}`],
  // Configs built by the callers.
  'src/server/retry.ts': [`9 ${unresolvedAuthorization}`, `9 ${unresolvedTenant}`, `23 ${unresolvedAuthorization}`, `23 ${unresolvedTenant}`],
};

/** `line rule/messageId` of each report, by fixture file (every file listed, problems or not). */
function reportsByFile(config: string): Record<string, string[]> {
  const found: Record<string, string[]> = Object.fromEntries(Object.keys(EXPECTED).map((file) => [file, []]));
  for (const line of reports(project, config, ['.'], [LIVE, TEST])) {
    const [, file = '', at = '', id = ''] = /^(.+):(\d+) @engium\/(\S+)$/.exec(line) ?? [];
    (found[file] ??= []).push(`${at} ${id}`);
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.[cm]?[jt]sx?$/.test(name) && !name.startsWith('eslint.') ? [relative(FIXTURE, path)] : [];
  });
}

let project: string;

beforeAll(() => {
  project = fixtureProject('engium-clients', { live: LIVE, test: TEST });
});

describe('the recommended and strict configs on Engium client code', { timeout: 180_000 }, () => {
  it('the expectations cover every fixture file', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(sourceFiles(FIXTURE).sort());
  });

  it('reports exactly the problems each file has, and nothing else', () => {
    expect(reportsByFile('eslint.fixture.config.js')).toEqual(EXPECTED);
  });

  it('strict: reports as unresolved exactly the calls recommended cannot decide', () => {
    const byLine = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
    const expected = Object.fromEntries(Object.entries(EXPECTED).map(([file, problems]) => [file, [...problems, ...(STRICT_ONLY[file] ?? [])].sort(byLine)]));
    const found = reportsByFile('eslint.fixture.strict.config.js');
    expect(Object.fromEntries(Object.entries(found).map(([file, problems]) => [file, [...problems].sort(byLine)]))).toEqual(expected);
  });
});
