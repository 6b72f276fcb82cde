import { redact } from '@engium/core';
import rule from '../../src/rules/valid-tenant-id.js';
import { fakeKey, named, ruleTester } from '../rule-tester.js';

const API = 'https://api.engium.app/api/v1';
const TENANT = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const key = fakeKey('live', 7);
const notUuid = (value: string) => ({ messageId: 'notUuid' as const, data: { value } });

ruleTester.run('valid-tenant-id', rule, {
  valid: named([
    `fetch('${API}/bookings', { headers: { 'X-Tenant-ID': '${TENANT}' } });`,
    `fetch('${API}/bookings', { headers: { 'x-tenant-id': '${TENANT.toUpperCase()}' } });`,
    `fetch('${API}/bookings', { headers: { 'X-Tenant-ID': process.env.ENGIUM_TENANT_ID } });`,
    `fetch('${API}/bookings', { headers: { 'X-Tenant-ID': tenantId } });`,
    `const TENANT = '${TENANT}'; const xhr = new XMLHttpRequest(); xhr.open('GET', '${API}/bookings'); xhr.setRequestHeader('X-Tenant-ID', TENANT);`,
    // Requests that do not go to the Engium API: their tenant headers are their API's business.
    `fetchJson('/api/test', { headers: { 'X-Tenant-Id': '1' } });`,
    `fetch('/api/test', { headers: { 'X-Tenant-Id': '1' } });`,
    `fetch('https://partner.example.com/v2/bookings', { headers: { 'X-Tenant-ID': 'bookwell-eu' } });`,
    `import axios from 'axios'; const partner = axios.create({ baseURL: 'https://partner.example.com', headers: { 'X-Tenant-ID': 'bookwell-eu' } }); partner.get('/x');`,
    `import axios from 'axios'; const partner = axios.create({ baseURL: 'https://partner.example.com' }); partner.defaults.headers.common['X-Tenant-ID'] = 'prod';`,
    `import request from 'superagent'; request.get('https://partner.example.com/x').set('X-Tenant-ID', '12345');`,
    `const headers = { 'X-Tenant-ID': 'acme' };`,
    `headers.set('X-Tenant-ID', 'acme');`,
    `xhr.setRequestHeader('X-Tenant-ID', 'my-tenant');`,
    // Read from an object the file fills in later (sign-in): its initial value is not what is sent.
    `const session = { tenantId: '' }; export function signIn(id) { session.tenantId = id; } fetch('${API}/bookings', { headers: { 'X-Tenant-ID': session.tenantId } });`,
    `const session = { tenantId: '' }; Object.assign(session, await login()); fetch('${API}/bookings', { headers: { 'X-Tenant-ID': session.tenantId } });`,
    `const config = { engium: { tenant: 'acme' } }; const alias = config; alias.engium.tenant = id; fetch('${API}/bookings', { headers: { 'X-Tenant-ID': config.engium.tenant } });`,
    // The same tenant header sent only to another API, in a file that also calls Engium.
    `fetch('${API}/bookings', { headers: { 'X-Tenant-ID': '${TENANT}' } }); fetch('https://partner.example.com/x', { headers: { 'X-Tenant-ID': 'bookwell-eu' } });`,
  ]),
  invalid: named([
    { code: `fetch('${API}/bookings', { headers: { 'X-Tenant-ID': 'acme' } });`, errors: [notUuid('acme')] },
    { code: `fetch('${API}/bookings', { headers: { 'x-tenant-id': '' } });`, errors: [notUuid('')] },
    { code: `const TENANT = 'tenant-42'; fetch('${API}/bookings', { headers: { 'X-Tenant-ID': TENANT } });`, errors: [notUuid('tenant-42')] },
    { code: `const headers = new Headers(); headers.set('X-Tenant-ID', '3fa85f64-5717-4562-b3fc'); fetch('${API}/bookings', { headers });`, errors: [notUuid('3fa85f64-5717-4562-b3fc')] },
    { code: `import request from 'superagent'; request.get('${API}/bookings').set('X-Tenant-ID', '12345');`, errors: [notUuid('12345')] },
    { code: `const xhr = new XMLHttpRequest(); xhr.open('GET', '${API}/bookings'); xhr.setRequestHeader('X-Tenant-ID', 'my-tenant');`, errors: [notUuid('my-tenant')] },
    // An Engium client wrapper: its defaults are checked even where no request is made in the file.
    { code: `import axios from 'axios'; export const api = axios.create({ baseURL: '${API}' }); api.defaults.headers.common['X-Tenant-ID'] = 'prod';`, errors: [notUuid('prod')] },
    { code: `import ky from 'ky'; export const api = ky.create({ prefixUrl: '${API}', headers: { 'X-Tenant-ID': 'acme' } });`, errors: [notUuid('acme')] },
    { code: `import { ofetch } from 'ofetch'; export const api = ofetch.create({ baseURL: '${API}', headers: { 'X-Tenant-ID': 'acme' } });`, errors: [notUuid('acme')] },
    // One header object shared by two calls is reported once.
    { code: `const headers = { 'X-Tenant-ID': 'acme' }; fetch('${API}/a', { headers }); fetch('${API}/b', { headers });`, errors: [notUuid('acme')] },
    { code: `fetch('${API}/bookings', { headers: cond ? { 'X-Tenant-ID': 'a' } : { 'X-Tenant-ID': '${TENANT}' } });`, errors: [notUuid('a')] },
    // Read from a constant object the file never changes.
    { code: `const CONFIG = { tenant: 'acme' }; fetch('${API}/bookings', { headers: { 'X-Tenant-ID': CONFIG.tenant } });`, errors: [notUuid('acme')] },
    // Headers returned by a function of this module.
    { code: `const engiumHeaders = () => ({ 'X-Tenant-ID': 'acme' }); fetch('${API}/bookings', { headers: engiumHeaders() });`, errors: [notUuid('acme')] },
    // A key pasted as the tenant is shown redacted.
    { code: `fetch('${API}/bookings', { headers: { 'X-Tenant-ID': '${key}' } });`, errors: [notUuid(redact(key))] },
  ]),
});
