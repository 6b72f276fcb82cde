import rule from '../../src/rules/require-json-content-type.js';
import { named, ruleTester } from '../rule-tester.js';

const API = 'https://api.engium.app/api/v1';
const JSON_HEADERS = `{ 'X-Tenant-ID': tenant, 'Content-Type': 'application/json' }`;

const missing = (endpoint: string) => ({ messageId: 'missingContentType' as const, data: { endpoint } });
const notJson = (endpoint: string, contentType: string) => ({ messageId: 'notJson' as const, data: { endpoint, contentType } });
const unresolved = (endpoint: string) => ({ messageId: 'unresolvedContentType' as const, data: { endpoint } });

ruleTester.run('require-json-content-type', rule, {
  valid: named([
    // The header, in any casing, with a charset, from a constant or new Headers().
    `fetch('${API}/bookings', { method: 'POST', headers: ${JSON_HEADERS}, body: JSON.stringify(booking) });`,
    `fetch('${API}/bookings/1', { method: 'PATCH', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(change) });`,
    `const HEADERS = { 'Content-Type': 'application/json' }; fetch('${API}/bookings', { method: 'PUT', headers: HEADERS, body });`,
    `const headers = new Headers(); headers.set('Content-Type', 'application/json'); fetch('${API}/bookings', { method: 'POST', headers, body });`,
    `const request = new Request('${API}/bookings', { method: 'POST', headers: ${JSON_HEADERS}, body: JSON.stringify(booking) }); fetch(request);`,
    // No body, or a method that takes none.
    `fetch('${API}/bookings', { method: 'POST', headers: { 'X-Tenant-ID': tenant } });`,
    `fetch('${API}/bookings', { method: 'POST', body: undefined });`,
    `fetch('${API}/bookings', { method: 'DELETE', body: JSON.stringify({ reason }) });`,
    `fetch('${API}/bookings');`,
    // Clients that serialise objects and set the header themselves.
    `import axios from 'axios'; axios.post('${API}/bookings', booking, { headers: { 'X-Tenant-ID': tenant } });`,
    `import ky from 'ky'; ky.post('${API}/bookings', { json: booking });`,
    `import got from 'got'; got.post('${API}/bookings', { json: booking });`,
    `import { ofetch } from 'ofetch'; ofetch('${API}/bookings', { method: 'POST', body: booking });`,
    // axios with string data and the header, from the instance or the call; the global axios's defaults may hold it.
    `import axios from 'axios'; const api = axios.create({ baseURL: '${API}', headers: { 'Content-Type': 'application/json' } }); api.post('/bookings', JSON.stringify(booking));`,
    `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); api.put('/bookings/1', JSON.stringify(booking), { headers: { 'content-type': 'application/json' } });`,
    `import axios from 'axios'; axios.post('${API}/bookings', JSON.stringify(booking));`,
    // A value an object changes after making it is not judged by its start.
    `const config = { contentType: 'text/plain' }; config.contentType = 'application/json'; fetch('${API}/bookings', { method: 'POST', headers: { 'Content-Type': config.contentType }, body });`,
    // Not the Engium API.
    `fetch('https://example.com/upload', { method: 'POST', body: form });`,
    // Headers this rule cannot follow are not reported without reportUnknown.
    `fetch('${API}/bookings', { method: 'POST', headers: jsonHeaders(), body });`,
  ]),
  invalid: named([
    { code: `fetch('${API}/bookings', { method: 'POST', headers: { 'X-Tenant-ID': tenant }, body: JSON.stringify(booking) });`, errors: [missing('POST /bookings')] },
    { code: `fetch('${API}/bookings/1', { method: 'patch', body: JSON.stringify(change) });`, errors: [missing('PATCH /bookings/1')] },
    { code: `const init = { method: 'PUT', body: JSON.stringify(booking) }; fetch('${API}/bookings/1', init);`, errors: [missing('PUT /bookings/1')] },
    { code: `const request = new Request('${API}/bookings', { method: 'POST', body: JSON.stringify(booking) }); fetch(request);`, errors: [missing('POST /bookings')] },
    { code: `fetch('${API}/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) });`, errors: [missing('POST /auth/login')] },
    { code: `import ky from 'ky'; ky.post('${API}/bookings', { body: JSON.stringify(booking) });`, errors: [missing('POST /bookings')] },
    { code: `import got from 'got'; got.post('${API}/bookings', { body: JSON.stringify(booking) });`, errors: [missing('POST /bookings')] },
    { code: `fetch('${API}/bookings', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: params });`, errors: [notJson('POST /bookings', 'application/x-www-form-urlencoded')] },
    { code: `fetch('${API}/bookings', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(booking) });`, errors: [notJson('POST /bookings', 'text/plain')] },
    // axios sends string data as it is, with no JSON Content-Type.
    { code: `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); api.post('/bookings', JSON.stringify(booking));`, errors: [missing('POST /bookings')] },
    { code: `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); const payload = \`{"name":"\${name}"}\`; api.patch('/users/1', payload);`, errors: [missing('PATCH /users/1')] },
    { code: `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); api.request({ url: '/bookings', method: 'put', data: JSON.stringify(booking) });`, errors: [missing('PUT /bookings')] },
    { code: `fetch('${API}/bookings', { method: 'POST', headers: jsonHeaders(), body });`, options: [{ reportUnknown: true }], errors: [unresolved('POST /bookings')] },
  ]),
});
