import rule from '../../src/rules/require-authorization-header.js';
import { named, ruleTester } from '../rule-tester.js';

const API = 'https://api.engium.app/api/v1';
const endpoint = (value: string) => ({ endpoint: value });

ruleTester.run('require-authorization-header', rule, {
  valid: named([
    `fetch('${API}/bookings', { headers: { Authorization: \`Bearer \${process.env.ENGIUM_API_KEY}\` } });`,
    `fetch('${API}/bookings', { headers: { authorization: 'Bearer ' + accessToken } });`,
    `fetch('${API}/bookings', { headers: { Authorization: bearer } });`,
    // A header read from an object the file fills in after sign-in: its empty start is not what is sent.
    `const session = { authorization: '' }; export function signIn(token) { Object.assign(session, { authorization: \`Bearer \${token}\` }); } fetch('${API}/bookings', { headers: { Authorization: session.authorization } });`,
    // The JWT flow's two calls authenticate with credentials, not a token.
    `fetch('${API}/auth/login', { method: 'POST', body });`,
    `fetch('${API}/auth/refresh', { method: 'post', body });`,
    `import axios from 'axios'; axios.post('${API}/auth/login', credentials);`,
    // A path that may be an auth endpoint is not decided without reportUnknown.
    `fetch(\`${API}/auth/\${action}\`, { method: 'POST' });`,
    `import axios from 'axios'; const api = axios.create({ baseURL: '${API}', headers: { Authorization: \`Bearer \${key}\` } }); api.get('/bookings');`,
    `import request from 'superagent'; request.get('${API}/bookings').auth(token, { type: 'bearer' });`,
    `fetch('${API}/bookings', { headers: authHeaders() });`,
    `fetch('https://example.com/data?api_key=abc');`,
    // Dynamic parts before a harmless query, and credentials in URLs to other APIs.
    `fetch(\`${API}/sales?month=\${m}&monkey=\${x}\`, { headers: { Authorization: \`Bearer \${token}\` } });`,
    `fetch(\`https://maps.example.com/tiles?z=\${z}&api_key=\${mapsKey}\`);`,
    `fetch(\`https://\${user}:\${password}@registry.example.com/x\`);`,
    `fetch('${API}/people/a@b.c', { headers: { Authorization: \`Bearer \${token}\` } });`,
    `fetch(\`${API}/people/\${email}?sort=\${order}\`, { headers: { Authorization: \`Bearer \${token}\` } });`,
  ]),
  invalid: named([
    { code: `fetch('${API}/bookings');`, errors: [{ messageId: 'missingAuthorization', data: endpoint('GET /bookings') }] },
    { code: `fetch('${API}/auth/login');`, errors: [{ messageId: 'missingAuthorization', data: endpoint('GET /auth/login') }] },
    { code: `fetch('${API}/bookings', { headers: { 'X-Tenant-ID': tenant } });`, errors: [{ messageId: 'missingAuthorization', data: endpoint('GET /bookings') }] },
    { code: `import ky from 'ky'; ky.delete(\`${API}/bookings/\${id}\`);`, errors: [{ messageId: 'missingAuthorization', data: endpoint('DELETE /bookings…') }] },
    { code: `fetch('${API}/bookings', { headers: { Authorization: 'Token ' + key } });`, errors: [{ messageId: 'notBearer', data: endpoint('GET /bookings') }] },
    { code: `fetch('${API}/bookings', { headers: { Authorization: \`Basic \${creds}\` } });`, errors: [{ messageId: 'notBearer', data: endpoint('GET /bookings') }] },
    { code: `fetch(\`${API}/bookings?api_key=\${key}\`);`, errors: [{ messageId: 'credentialInQuery', data: { ...endpoint('GET /bookings…'), parameter: 'api_key' } }] },
    { code: `const BASE = '${API}'; fetch(BASE + '/bookings?limit=5&token=' + token);`, errors: [{ messageId: 'credentialInQuery', data: { ...endpoint('GET /bookings…'), parameter: 'token' } }] },
    {
      code: `import axios from 'axios'; axios.get('${API}/bookings', { params: { api_key: key, limit: 5 } });`,
      errors: [{ messageId: 'credentialInQuery', data: { ...endpoint('GET /bookings'), parameter: 'api_key' } }],
    },
    {
      code: `import ky from 'ky'; const query = { token }; ky.get('${API}/bookings', { searchParams: query });`,
      errors: [{ messageId: 'credentialInQuery', data: { ...endpoint('GET /bookings'), parameter: 'token' } }],
    },
    // Credentials in the query after earlier template parameters, with or without a Bearer header too.
    { code: `fetch(\`${API}/sales?month=\${m}&api_key=\${key}\`);`, errors: [{ messageId: 'credentialInQuery', data: { ...endpoint('GET /sales…'), parameter: 'api_key' } }] },
    {
      code: `fetch(\`${API}/sales?month=\${m}&key=\${key}\`, { headers: { Authorization: \`Bearer \${token}\` } });`,
      errors: [{ messageId: 'credentialInQuery', data: { ...endpoint('GET /sales…'), parameter: 'key' } }],
    },
    {
      code: `const BASE = '${API}'; const url = \`\${BASE}/reports/\${id}?from=\${from}&to=\${to}&token=\${token}\`; fetch(url, { headers: { Authorization: auth } });`,
      errors: [{ messageId: 'credentialInQuery', data: { ...endpoint('GET /reports…'), parameter: 'token' } }],
    },
    { code: `fetch(\`${API}/bookings?\${new URLSearchParams({ api_key: key, page })}\`);`, errors: [{ messageId: 'credentialInQuery', data: { ...endpoint('GET /bookings…'), parameter: 'api_key' } }] },
    {
      code: `const url = new URL('${API}/bookings'); url.searchParams.set('access_token', token); fetch(url, { headers: { Authorization: \`Bearer \${token}\` } });`,
      errors: [{ messageId: 'credentialInQuery', data: { ...endpoint('GET /bookings'), parameter: 'access_token' } }],
    },
    {
      code: `import axios from 'axios'; const api = axios.create({ baseURL: '${API}' }); api.get(\`/reports?from=\${from}&secret=\${s}\`);`,
      errors: [{ messageId: 'credentialInQuery', data: { ...endpoint('GET /reports…'), parameter: 'secret' } }],
    },
    // Credentials before the host, written out or built.
    {
      code: `fetch('https://me:pw@api.engium.app/api/v1/bookings', { headers: { Authorization: \`Bearer \${token}\` } });`,
      errors: [{ messageId: 'credentialInUserinfo', data: endpoint('GET /bookings') }],
    },
    { code: `fetch(\`https://\${user}:\${key}@api.engium.app/api/v1/bookings\`);`, errors: [{ messageId: 'credentialInUserinfo', data: endpoint('GET /bookings') }] },
    { code: `fetch(\`https://\${key}@api.engium.app/api/v1/bookings/\${id}\`);`, errors: [{ messageId: 'credentialInUserinfo', data: endpoint('GET /bookings…') }] },
    { code: `fetch(\`${API}/auth/\${action}\`, { method: 'POST' });`, options: [{ reportUnknown: true }], errors: [{ messageId: 'unresolvedAuthorization', data: endpoint('POST /auth…') }] },
    { code: `fetch('${API}/bookings', { headers: authHeaders() });`, options: [{ reportUnknown: true }], errors: [{ messageId: 'unresolvedAuthorization', data: endpoint('GET /bookings') }] },
    {
      code: `export const Save = () => <form onSubmit={() => fetch('${API}/bookings', { method: 'POST', headers: { 'X-Tenant-ID': t } })} />;`,
      filename: 'save.tsx',
      errors: [{ messageId: 'missingAuthorization', data: endpoint('POST /bookings') }],
    },
  ]),
});
