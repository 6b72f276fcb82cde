import { redact } from '@engium/core';
import rule from '../../src/rules/valid-tenant-id.js';
import { fakeKey, named, ruleTester } from '../rule-tester.js';

const TENANT = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const key = fakeKey('live', 7);

ruleTester.run('valid-tenant-id', rule, {
  valid: named([
    `const headers = { 'X-Tenant-ID': '${TENANT}' };`,
    `const headers = { 'x-tenant-id': '${TENANT.toUpperCase()}' };`,
    `const headers = { 'X-Tenant-ID': process.env.ENGIUM_TENANT_ID };`,
    `const headers = { 'X-Tenant-ID': tenantId };`,
    `headers.set('X-Tenant-ID', tenant.id);`,
    `const other = { 'X-Request-ID': 'abc' };`,
    `const TENANT = '${TENANT}'; xhr.setRequestHeader('X-Tenant-ID', TENANT);`,
  ]),
  invalid: named([
    { code: `const headers = { 'X-Tenant-ID': 'acme' };`, errors: [{ messageId: 'notUuid', data: { value: 'acme' } }] },
    { code: `const headers = { 'x-tenant-id': '' };`, errors: [{ messageId: 'notUuid', data: { value: '' } }] },
    { code: `const TENANT = 'tenant-42'; fetch(url, { headers: { 'X-Tenant-ID': TENANT } });`, errors: [{ messageId: 'notUuid', data: { value: 'tenant-42' } }] },
    { code: `headers.set('X-Tenant-ID', '3fa85f64-5717-4562-b3fc');`, errors: [{ messageId: 'notUuid', data: { value: '3fa85f64-5717-4562-b3fc' } }] },
    { code: `request.get(url).set('X-Tenant-ID', '12345');`, errors: [{ messageId: 'notUuid', data: { value: '12345' } }] },
    { code: `xhr.setRequestHeader('X-Tenant-ID', 'my-tenant');`, errors: [{ messageId: 'notUuid', data: { value: 'my-tenant' } }] },
    { code: `api.defaults.headers.common['X-Tenant-ID'] = 'prod';`, errors: [{ messageId: 'notUuid', data: { value: 'prod' } }] },
    // A key pasted as the tenant is shown redacted.
    { code: `const headers = { 'X-Tenant-ID': '${key}' };`, errors: [{ messageId: 'notUuid', data: { value: redact(key) } }] },
  ]),
});
