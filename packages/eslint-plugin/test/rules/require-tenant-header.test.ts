import rule from '../../src/rules/require-tenant-header.js';
import { named, ruleTester } from '../rule-tester.js';

const API = 'https://api.engium.app/api/v1';
const TENANT = '3fa85f64-5717-4562-b3fc-2c963f66afa6';

const missing = (endpoint: string) => ({ messageId: 'missingTenant' as const, data: { endpoint } });
const unresolved = (endpoint: string) => ({ messageId: 'unresolvedTenant' as const, data: { endpoint } });

ruleTester.run('require-tenant-header', rule, {
  valid: named([
    // fetch with the header as a literal, a constant, a spread, new Headers(), any casing.
    `fetch('${API}/bookings', { headers: { 'X-Tenant-ID': '${TENANT}' } });`,
    `fetch('${API}/bookings', { headers: { 'x-tenant-id': tenantId } });`,
    `const HEADERS = { 'X-Tenant-ID': process.env.ENGIUM_TENANT_ID }; fetch('${API}/bookings', { headers: HEADERS });`,
    `const common = { 'X-Tenant-ID': tenant }; fetch('${API}/bookings', { headers: { ...common, Accept: 'application/json' } });`,
    `const headers = new Headers(); headers.set('X-Tenant-ID', tenant); fetch('${API}/bookings', { headers });`,
    `const headers = new Headers({ Accept: 'application/json' }); headers.append('x-tenant-id', tenant); await fetch('${API}/bookings', { headers });`,
    `fetch('${API}/bookings', { headers: new Headers([['X-Tenant-ID', tenant]]) });`,
    `const init = { method: 'POST', headers: { 'X-Tenant-ID': tenant } }; fetch('${API}/bookings', init);`,
    `const headers: Record<string, string> = {}; headers['X-Tenant-ID'] = tenant; fetch('${API}/bookings', { headers });`,
    // The auth endpoints need the tenant too, and here they have it.
    `fetch('${API}/auth/login', { method: 'POST', headers: { 'X-Tenant-ID': tenant, 'Content-Type': 'application/json' } });`,
    // Not the Engium API.
    `fetch('https://example.com/api/v1/bookings');`,
    `fetch('/api/bookings');`,
    `fetch(url);`,
    `function fetch(u: string) { return u; } fetch('${API}/bookings');`,
    // Unknown headers are not reported without reportUnknown.
    `fetch('${API}/bookings', { headers: authHeaders() });`,
    `fetch('${API}/bookings', { headers: { ...defaults, Accept: 'application/json' } });`,
    `fetch('${API}/bookings', options);`,
    // Request objects.
    `const request = new Request('${API}/bookings', { headers: { 'X-Tenant-ID': tenant } }); fetch(request);`,
    // axios: config, instances and their defaults.
    `import axios from 'axios'; axios.get('${API}/bookings', { headers: { 'X-Tenant-ID': tenant } });`,
    `import axios from 'axios'; axios.post('${API}/bookings', body, { headers: { 'X-Tenant-ID': tenant } });`,
    `import axios from 'axios'; axios({ url: '${API}/bookings', method: 'post', headers: { 'X-Tenant-ID': tenant } });`,
    `import axios from 'axios'; const api = axios.create({ baseURL: '${API}', headers: { 'X-Tenant-ID': tenant } }); api.get('/bookings');`,
    `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); api.defaults.headers.common['X-Tenant-ID'] = tenant; api.get('/bookings');`,
    `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); api.interceptors.request.use(addTenant); api.get('/bookings');`,
    `const axios = require('axios'); axios.get('${API}/bookings', { headers: { 'X-Tenant-ID': tenant } });`,
    // ky, got, ofetch, superagent, XMLHttpRequest.
    `import ky from 'ky'; const api = ky.create({ prefixUrl: '${API}', headers: { 'X-Tenant-ID': tenant } }); api.get('bookings');`,
    `import ky from 'ky'; const api = ky.extend({ prefixUrl: '${API}', headers: { 'X-Tenant-ID': tenant } }).extend({ timeout: 5000 }); api.get('bookings');`,
    `import got from 'got'; const api = got.extend({ prefixUrl: '${API}', headers: { 'x-tenant-id': tenant } }); api('bookings');`,
    `import { ofetch } from 'ofetch'; ofetch('/bookings', { baseURL: '${API}', headers: { 'X-Tenant-ID': tenant } });`,
    `await $fetch('${API}/bookings', { headers: { 'X-Tenant-ID': tenant } });`,
    `import request from 'superagent'; await request.get('${API}/bookings').set('X-Tenant-ID', tenant);`,
    `import request from 'superagent'; await request.post('${API}/bookings').set({ 'X-Tenant-ID': tenant }).send(body);`,
    `const xhr = new XMLHttpRequest(); xhr.open('GET', '${API}/bookings'); xhr.setRequestHeader('X-Tenant-ID', tenant); xhr.send();`,
    // TSX component.
    {
      code: `export function Bookings({ tenant }: { tenant: string }) { useEffect(() => { fetch('${API}/bookings', { headers: { 'X-Tenant-ID': tenant } }); }, [tenant]); return <ul />; }`,
      filename: 'bookings.tsx',
    },
    // Members that only look like methods through the prototype are not requests.
    `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); api.toString(); api.hasOwnProperty('get'); axios.constructor('${API}/x');`,
    // Configured base URL.
    { code: `fetch('https://engium.internal/proxy/bookings', { headers: { 'X-Tenant-ID': tenant } });`, settings: { engium: { apiBaseUrls: ['https://engium.internal/proxy'] } } },
    // Imported and framework fetch with the header; the same fetch to other APIs.
    `import { fetch } from 'undici'; fetch('${API}/bookings', { headers: { 'X-Tenant-ID': tenant } });`,
    `import { fetch } from 'undici'; fetch('https://example.com/bookings');`,
    `export async function load({ fetch }) { return (await fetch('/api/bookings')).json(); }`,
    `export async function load({ fetch }) { return fetch('${API}/bookings', { headers: { 'X-Tenant-ID': tenant } }); }`,
    `import { useFetch } from '#app'; useFetch('/api/bookings');`,
    `useFetch('/bookings', { baseURL: '${API}', headers: { 'X-Tenant-ID': tenant } });`,
    // Headers set by an axios request interceptor or a ky / got beforeRequest hook in the same module.
    `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); api.interceptors.request.use((config) => { config.headers['X-Tenant-ID'] = tenant; return config; }); api.get('/bookings');`,
    `import axios from 'axios'; function addTenant(config) { config.headers.set('X-Tenant-ID', tenant); return config; } const api = axios.create({ baseURL: '${API}' }); api.interceptors.request.use(addTenant); api.get('/bookings');`,
    `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); api.interceptors.request.use(async (config) => { Object.assign(config.headers, { 'X-Tenant-ID': await tenant() }); return config; }); api.get('/bookings');`,
    `import ky from 'ky'; const api = ky.create({ prefixUrl: '${API}', hooks: { beforeRequest: [(request) => { request.headers.set('X-Tenant-ID', tenant); }] } }); api.get('bookings');`,
    `import got from 'got'; const api = got.extend({ prefixUrl: '${API}', hooks: { beforeRequest: [(options) => { options.headers['x-tenant-id'] = tenant; }] } }); api('bookings');`,
    // An interceptor that returns a new config: its headers are unknown, not absent.
    `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); api.interceptors.request.use((config) => ({ ...config, headers: { ...config.headers, 'X-Tenant-ID': tenant } })); api.get('/bookings');`,
    // A returned copy of the config whose headers add the tenant.
    `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); api.interceptors.request.use((config) => { return { ...config, headers: { ...config.headers, 'X-Tenant-ID': tenant } }; }); api.get('/bookings');`,
    // ofetch onRequest hooks: the options of the context they are handed.
    `import { ofetch } from 'ofetch'; const api = ofetch.create({ baseURL: '${API}', onRequest({ options }) { options.headers.set('X-Tenant-ID', tenant); } }); api('/bookings');`,
    `import { ofetch } from 'ofetch'; const api = ofetch.create({ baseURL: '${API}', onRequest: [(ctx) => { ctx.options.headers = { ...ctx.options.headers, 'X-Tenant-ID': tenant }; }] }); api('/bookings');`,
    // Headers from a function of this module, every return with the tenant (awaited, or through Object.assign).
    `function engiumHeaders() { return { 'X-Tenant-ID': tenant }; } fetch('${API}/bookings', { headers: engiumHeaders() });`,
    `const engiumHeaders = (id) => ({ 'X-Tenant-ID': id }); fetch('${API}/bookings', { headers: { ...engiumHeaders(tenant), Accept: 'application/json' } });`,
    `async function engiumHeaders() { const id = await tenant(); return { 'X-Tenant-ID': id }; } fetch('${API}/bookings', { headers: await engiumHeaders() });`,
    `const common = { 'X-Tenant-ID': tenant }; fetch('${API}/bookings', { headers: Object.assign({}, common, { Accept: 'application/json' }) });`,
    // A getter, method or field of the class the call is made in.
    `class Api { private get headers() { return { 'X-Tenant-ID': this.tenant }; } list() { return fetch('${API}/bookings', { headers: this.headers }); } }`,
    `class Api { #headers = { 'X-Tenant-ID': tenant }; list() { return fetch('${API}/bookings', { headers: { ...this.#headers } }); } }`,
    // ... a field the class assigns anew, a member it inherits, a \`this\` of a nested function: unknown.
    `class Api { headers = { Accept: 'application/json' }; use(tenant) { this.headers = { ...this.headers, 'X-Tenant-ID': tenant }; } list() { return fetch('${API}/bookings', { headers: this.headers }); } }`,
    `class Api extends Base { list() { return fetch('${API}/bookings', { headers: this.headers() }); } }`,
    `class Api { headers = new Headers(); use(tenant) { this.headers.set('X-Tenant-ID', tenant); } list() { return fetch('${API}/bookings', { headers: this.headers }); } }`,
    `class Api { headers: Record<string, string> = {}; use(tenant) { Object.assign(this.headers, { 'X-Tenant-ID': tenant }); } list() { return fetch('${API}/bookings', { headers: this.headers }); } }`,
    `class Api { headers() { return { Accept: 'application/json' }; } list() { return [1].map(function () { return fetch('${API}/bookings', { headers: this.headers() }); }); } }`,
    // ... and ones that cannot be known: a bare return, a return of a parameter, a function from elsewhere.
    `function engiumHeaders() { if (!tenant) return; return { Accept: 'application/json' }; } fetch('${API}/bookings', { headers: engiumHeaders() });`,
    `function engiumHeaders(extra) { return { ...extra, Accept: 'application/json' }; } fetch('${API}/bookings', { headers: engiumHeaders(other) });`,
    // axios(config) with a config that is not an object literal: its headers are unknown, not the instance's defaults.
    `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); export const retry = (error) => api(error.config);`,
    `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); export function send(config: AxiosRequestConfig) { return api(config); }`,
    `import got from 'got'; const api = got.extend({ prefixUrl: '${API}' }); export const send = (options) => api(options);`,
    // axios header groups: common, and per method (axios 0.x interceptors write them too).
    `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); api.interceptors.request.use((config) => { config.headers.common['X-Tenant-ID'] = tenant; return config; }); api.get('/bookings');`,
    `import axios from 'axios'; const api = axios.create({ baseURL: '${API}', headers: { common: { 'X-Tenant-ID': tenant } } }); api.get('/bookings');`,
    `import axios from 'axios'; const groups = { common: { 'x-tenant-id': tenant } }; axios.get('${API}/bookings', { headers: groups });`,
    // The global axios: its defaults may be set at the app's start, in another module.
    `import axios from 'axios'; axios.get('${API}/bookings', { headers: { Authorization: auth } });`,
    `import axios from 'axios'; axios.defaults.headers.common.Authorization = auth; axios.get('${API}/bookings');`,
    // axios defaults written before an instance is made are copied into it.
    `import axios from 'axios'; axios.defaults.headers.common['X-Tenant-ID'] = tenant; const api = axios.create({ baseURL: '${API}' }); api.get('/bookings');`,
    // ... and ones written in a function may run before it is made.
    `import axios from 'axios'; export function configure(id) { axios.defaults.headers.common['X-Tenant-ID'] = id; } const api = axios.create({ baseURL: '${API}' }); api.get('/bookings');`,
    // A base URL from an env variable with the API as its fallback: only the fallback is not enough to report other APIs.
    `const BASE = process.env.ENGIUM_URL ?? 'https://example.com/api'; fetch(\`\${BASE}/bookings\`);`,
    // A leading slash replaces the base's path: not an API endpoint.
    `const BASE = '${API}'; fetch(new URL('/bookings', BASE));`,
    // A method named fetch on something that is not a fetch.
    `const cache = new Map(); cache.fetch('${API}/bookings');`,
    `function refresh(event) { return event.fetch('${API}/bookings'); }`,
  ]),
  invalid: named([
    { code: `fetch('${API}/bookings');`, errors: [missing('GET /bookings')] },
    { code: `fetch('${API}/bookings', { headers: { Authorization: token } });`, errors: [missing('GET /bookings')] },
    { code: `fetch('${API}/bookings', { method: 'POST', headers: { 'Content-Type': 'application/json' } });`, errors: [missing('POST /bookings')] },
    { code: `const BASE = '${API}'; fetch(BASE + '/bookings');`, errors: [missing('GET /bookings')] },
    { code: `const BASE = '${API}'; fetch(\`\${BASE}/bookings/\${id}\`);`, errors: [missing('GET /bookings…')] },
    { code: `const BASE = '${API}'; const url = \`\${BASE}/customers\`; fetch(url, { headers: {} });`, errors: [missing('GET /customers')] },
    { code: `fetch(new URL('bookings', '${API}/'));`, errors: [missing('GET /bookings')] },
    { code: `const BASE = '${API}/'; fetch(new URL(\`bookings/\${id}\`, BASE).href);`, errors: [missing('GET /bookings…')] },
    // A constant built from itself: its endpoint is known up to the API, not repeated.
    { code: `const url = \`${API}/\${url}\`; fetch(url);`, errors: [missing('GET /…')] },
    { code: `const url = \`${API}/bookings/\${url}\`; fetch(url);`, errors: [missing('GET /bookings…')] },
    // Auth endpoints need X-Tenant-ID too.
    { code: `fetch('${API}/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });`, errors: [missing('POST /auth/login')] },
    { code: `fetch('${API}/auth/refresh', { method: 'POST', body });`, errors: [missing('POST /auth/refresh')] },
    // Headers through constants and new Headers() without the tenant.
    { code: `const headers = { Authorization: auth }; fetch('${API}/bookings', { headers });`, errors: [missing('GET /bookings')] },
    { code: `const headers = new Headers(); headers.set('Authorization', auth); fetch('${API}/bookings', { headers });`, errors: [missing('GET /bookings')] },
    { code: `const base = { Accept: 'application/json' }; fetch('${API}/bookings', { headers: { ...base, Authorization: auth } });`, errors: [missing('GET /bookings')] },
    { code: `fetch('${API}/bookings', { headers: cond ? { Authorization: a } : { Authorization: b } });`, errors: [missing('GET /bookings')] },
    { code: `const request = new Request('${API}/bookings'); fetch(request);`, errors: [missing('GET /bookings')] },
    { code: `new Request('${API}/bookings', { method: 'DELETE' });`, errors: [missing('DELETE /bookings')] },
    { code: `window.fetch('${API}/bookings');`, errors: [missing('GET /bookings')] },
    // axios: the global axios's defaults may be set in any module, so without the header in the
    // call or this file its requests are unknown (reported by reportUnknown, the strict config).
    { code: `import axios from 'axios'; axios.get('${API}/bookings');`, options: [{ reportUnknown: true }], errors: [unresolved('GET /bookings')] },
    { code: `import axios from 'axios'; axios.post('${API}/bookings', { a: 1 }, { headers: { Authorization: auth } });`, options: [{ reportUnknown: true }], errors: [unresolved('POST /bookings')] },
    { code: `import axios from 'axios'; axios({ url: '${API}/bookings', method: 'patch' });`, options: [{ reportUnknown: true }], errors: [unresolved('PATCH /bookings')] },
    { code: `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); api.get('/bookings'); api.delete(\`/bookings/\${id}\`);`, errors: [missing('GET /bookings'), missing('DELETE /bookings…')] },
    { code: `const axios = require('axios'); axios.request({ url: '${API}/customers' });`, options: [{ reportUnknown: true }], errors: [unresolved('GET /customers')] },
    // ky, got, ofetch, superagent, XMLHttpRequest.
    { code: `import ky from 'ky'; ky.post('${API}/bookings', { json: body });`, errors: [missing('POST /bookings')] },
    { code: `import ky from 'ky'; const api = ky.create({ prefixUrl: '${API}' }); api.get('bookings');`, errors: [missing('GET /bookings')] },
    { code: `import got from 'got'; got('${API}/bookings', { headers: { authorization: auth } });`, errors: [missing('GET /bookings')] },
    { code: `import { ofetch } from 'ofetch'; const api = ofetch.create({ baseURL: '${API}' }); api('/bookings', { method: 'PUT' });`, errors: [missing('PUT /bookings')] },
    { code: `await $fetch('/bookings', { baseURL: '${API}' });`, errors: [missing('GET /bookings')] },
    { code: `import request from 'superagent'; await request.get('${API}/bookings').set('Authorization', auth);`, errors: [missing('GET /bookings')] },
    { code: `const xhr = new XMLHttpRequest(); xhr.open('POST', '${API}/bookings'); xhr.send(body);`, errors: [missing('POST /bookings')] },
    // fetch imported from Node's and the polyfills' modules, in every import style.
    { code: `import { fetch } from 'undici'; fetch('${API}/bookings');`, errors: [missing('GET /bookings')] },
    { code: `import { fetch as request } from 'undici'; await request('${API}/bookings');`, errors: [missing('GET /bookings')] },
    { code: `import * as undici from 'undici'; undici.fetch('${API}/bookings');`, errors: [missing('GET /bookings')] },
    { code: `const { fetch } = require('undici'); fetch('${API}/bookings');`, errors: [missing('GET /bookings')] },
    { code: `require('undici').fetch('${API}/bookings');`, errors: [missing('GET /bookings')] },
    { code: `import fetch from 'node-fetch'; fetch('${API}/bookings');`, errors: [missing('GET /bookings')] },
    { code: `const fetch = require('node-fetch'); fetch('${API}/bookings', { method: 'POST' });`, errors: [missing('POST /bookings')] },
    { code: `import crossFetch from 'cross-fetch'; crossFetch('${API}/bookings');`, errors: [missing('GET /bookings')] },
    { code: `import { fetch } from 'cross-fetch'; fetch('${API}/bookings');`, errors: [missing('GET /bookings')] },
    { code: `import fetch from 'isomorphic-fetch'; fetch('${API}/bookings');`, errors: [missing('GET /bookings')] },
    // Framework fetch: SvelteKit's load and RequestEvent, Nuxt's composables, Remix / React Router loaders.
    { code: `export async function load({ fetch }) { return (await fetch('${API}/bookings')).json(); }`, errors: [missing('GET /bookings')] },
    { code: `export const load = async ({ fetch, params }) => fetch(\`${API}/bookings/\${params.id}\`);`, errors: [missing('GET /bookings…')] },
    { code: `export const load = async (event) => event.fetch('${API}/bookings');`, errors: [missing('GET /bookings')] },
    { code: `export async function POST(event) { return event.fetch('${API}/bookings', { method: 'POST' }); }`, errors: [missing('POST /bookings')] },
    { code: `import type { RequestEvent } from '@sveltejs/kit'; async function bookings(event: RequestEvent) { return event.fetch('${API}/bookings'); }`, errors: [missing('GET /bookings')] },
    { code: `useFetch('/bookings', { baseURL: '${API}' });`, errors: [missing('GET /bookings')] },
    { code: `import { useLazyFetch } from '#imports'; useLazyFetch('${API}/bookings', { method: 'DELETE' });`, errors: [missing('DELETE /bookings')] },
    { code: `const api = $fetch.create({ baseURL: '${API}' }); await api('/bookings');`, errors: [missing('GET /bookings')] },
    { code: `export async function loader({ request }) { return fetch('${API}/bookings', { signal: request.signal }); }`, errors: [missing('GET /bookings')] },
    { code: `export async function clientLoader() { return fetch('${API}/bookings'); }`, errors: [missing('GET /bookings')] },
    // The clients through every import style (the global axios's headers are unknown: see above).
    { code: `import * as axiosModule from 'axios'; axiosModule.default.get('${API}/bookings');`, options: [{ reportUnknown: true }], errors: [unresolved('GET /bookings')] },
    { code: `const axios = require('axios').default; axios.get('${API}/bookings');`, options: [{ reportUnknown: true }], errors: [unresolved('GET /bookings')] },
    { code: `const { default: axios } = require('axios'); axios.get('${API}/bookings');`, options: [{ reportUnknown: true }], errors: [unresolved('GET /bookings')] },
    { code: `import { default as ky } from 'ky'; ky.get('${API}/bookings');`, errors: [missing('GET /bookings')] },
    { code: `import { got } from 'got'; got.post('${API}/bookings');`, errors: [missing('POST /bookings')] },
    { code: `const { ofetch } = require('ofetch'); ofetch('${API}/bookings');`, errors: [missing('GET /bookings')] },
    { code: `import * as o from 'ofetch'; o.$fetch('${API}/bookings');`, errors: [missing('GET /bookings')] },
    { code: `const request = require('superagent'); request.get('${API}/bookings');`, errors: [missing('GET /bookings')] },
    // TSX.
    {
      code: `export const Load = () => <button onClick={() => fetch('${API}/bookings', { headers: { Authorization: token } })}>Load</button>;`,
      filename: 'load.tsx',
      errors: [missing('GET /bookings')],
    },
    // Configured base URLs.
    { code: `fetch('https://engium.internal/proxy/bookings');`, settings: { engium: { apiBaseUrls: ['https://engium.internal/proxy'] } }, errors: [missing('GET /bookings')] },
    // Interceptors and hooks that set other headers only.
    {
      code: `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); api.interceptors.request.use((config) => { config.headers.Authorization = \`Bearer \${token}\`; return config; }); api.get('/bookings');`,
      errors: [missing('GET /bookings')],
    },
    {
      code: `import ky from 'ky'; const hooks = { beforeRequest: [(request) => request.headers.set('Authorization', auth)], afterResponse: [log] }; const api = ky.create({ prefixUrl: '${API}', hooks }); api.get('bookings');`,
      errors: [missing('GET /bookings')],
    },
    // An interceptor returning a copy of the config without the tenant; an ofetch onRequest without it.
    {
      code: `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); api.interceptors.request.use((config) => ({ ...config, headers: { ...config.headers, Authorization: auth } })); api.get('/bookings');`,
      errors: [missing('GET /bookings')],
    },
    {
      code: `import { ofetch } from 'ofetch'; const api = ofetch.create({ baseURL: '${API}', onRequest({ options }) { options.headers.set('Authorization', auth); } }); api('/bookings');`,
      errors: [missing('GET /bookings')],
    },
    // Headers from a function of this module, or Object.assign, without the tenant.
    { code: `function engiumHeaders() { return { Authorization: auth }; } fetch('${API}/bookings', { headers: engiumHeaders() });`, errors: [missing('GET /bookings')] },
    { code: `const keyOnly = () => ({ Authorization: auth }); fetch('${API}/bookings', { headers: Object.assign({}, keyOnly(), { Accept: 'application/json' }) });`, errors: [missing('GET /bookings')] },
    {
      code: `function engiumHeaders(admin) { if (admin) return { Authorization: auth, 'X-Admin': '1' }; return { Authorization: auth }; } fetch('${API}/bookings', { headers: engiumHeaders(true) });`,
      errors: [missing('GET /bookings')],
    },
    { code: `import axios from 'axios'; const api = axios.create({ baseURL: '${API}', headers: { common: { Authorization: auth } } }); api.get('/bookings');`, errors: [missing('GET /bookings')] },
    { code: `class Api { private authHeaders() { return { Authorization: auth }; } list() { return fetch('${API}/bookings', { headers: this.authHeaders() }); } }`, errors: [missing('GET /bookings')] },
    { code: `class Api { headers = { Authorization: auth }; list = () => fetch('${API}/bookings', { headers: this.headers }); }`, errors: [missing('GET /bookings')] },
    // axios(path) with a string path sends the instance's defaults alone.
    { code: `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); export const get = (path: string) => api(path);`, errors: [missing('GET /…')] },
    // axios defaults written after an instance was made, and global interceptors, do not reach it.
    { code: `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); axios.defaults.headers.common['X-Tenant-ID'] = tenant; api.get('/bookings');`, errors: [missing('GET /bookings')] },
    {
      code: `import axios from 'axios'; axios.interceptors.request.use((config) => { config.headers['X-Tenant-ID'] = tenant; return config; }); const api = axios.create({ baseURL: '${API}' }); api.get('/bookings');`,
      errors: [missing('GET /bookings')],
    },
    // A base URL from an env variable whose fallback is the API.
    { code: `const BASE = process.env.ENGIUM_URL ?? '${API}'; fetch(\`\${BASE}/bookings\`);`, errors: [missing('GET /bookings')] },
    { code: `const BASE = import.meta.env.VITE_ENGIUM_URL || '${API}'; fetch(new URL('bookings', BASE + '/'));`, errors: [missing('GET /bookings')] },
    { code: `import axios from 'axios'; const api = axios.create({ baseURL: process.env.ENGIUM_URL ?? '${API}' }); api.get('/bookings');`, errors: [missing('GET /bookings')] },
    // reportUnknown (the strict config) reports what cannot be resolved.
    {
      code: `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); api.interceptors.request.use((config) => withTenant(config)); api.get('/bookings');`,
      options: [{ reportUnknown: true }],
      errors: [unresolved('GET /bookings')],
    },
    {
      code: `import ky from 'ky'; const api = ky.create({ prefixUrl: '${API}', hooks: { beforeRequest: [signRequest] } }); api.get('bookings');`,
      options: [{ reportUnknown: true }],
      errors: [unresolved('GET /bookings')],
    },
    { code: `fetch('${API}/bookings', { headers: authHeaders() });`, options: [{ reportUnknown: true }], errors: [unresolved('GET /bookings')] },
    { code: `fetch('${API}/bookings', { headers: { ...defaults } });`, options: [{ reportUnknown: true }], errors: [unresolved('GET /bookings')] },
    { code: `fetch('${API}/bookings', init);`, options: [{ reportUnknown: true }], errors: [unresolved('<method> /bookings')] },
    { code: `const h = new Headers(); addTenant(h); fetch('${API}/bookings', { headers: h });`, options: [{ reportUnknown: true }], errors: [unresolved('GET /bookings')] },
  ]),
});
