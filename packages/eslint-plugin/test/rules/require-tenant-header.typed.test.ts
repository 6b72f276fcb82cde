// require-tenant-header with `typeAware` (the recommendedTypeChecked config): imported URLs and
// header values resolved through types, on a small TypeScript project under test/fixtures/typed.
import { RuleTester } from '@typescript-eslint/rule-tester';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../src/rules/require-tenant-header.js';
import { named } from '../rule-tester.js';

const tsconfigRootDir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/typed');
const typedTester = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir } },
});

const IMPORTS = `import { ENGIUM_BASE, OTHER_BASE, tenantHeaders, acceptHeaders, anyHeaders, maybeTenant, requestInit, buildHeaders } from './engium-api';\n`;
const options = [{ typeAware: true, reportUnknown: true }] as const;
const missing = (endpoint: string) => ({ messageId: 'missingTenant' as const, data: { endpoint } });
const unresolved = (endpoint: string) => ({ messageId: 'unresolvedTenant' as const, data: { endpoint } });

typedTester.run('require-tenant-header (typeAware)', rule as never, {
  valid: named([
    { code: `${IMPORTS}fetch(\`\${ENGIUM_BASE}/bookings\`, { headers: tenantHeaders });`, options },
    { code: `${IMPORTS}fetch(\`\${ENGIUM_BASE}/bookings\`, { headers: { ...tenantHeaders, Accept: 'x' } });`, options },
    { code: `${IMPORTS}fetch(\`\${ENGIUM_BASE}/bookings\`, { headers: buildHeaders() });`, options },
    { code: `${IMPORTS}fetch(\`\${ENGIUM_BASE}/bookings\`, requestInit);`, options },
    { code: `${IMPORTS}fetch(\`\${OTHER_BASE}/bookings\`);`, options },
  ]).map((item) => ({ ...item, filename: join(tsconfigRootDir, 'file.ts') })),
  invalid: named([
    { code: `${IMPORTS}fetch(\`\${ENGIUM_BASE}/bookings\`);`, options, errors: [missing('GET /bookings')] },
    { code: `${IMPORTS}fetch(\`\${ENGIUM_BASE}/bookings\`, { headers: acceptHeaders });`, options, errors: [missing('GET /bookings')] },
    { code: `${IMPORTS}fetch(\`\${ENGIUM_BASE}/bookings\`, { headers: anyHeaders });`, options, errors: [unresolved('GET /bookings')] },
    { code: `${IMPORTS}fetch(\`\${ENGIUM_BASE}/bookings\`, { headers: maybeTenant });`, options, errors: [unresolved('GET /bookings')] },
  ]).map((item) => ({ ...item, filename: join(tsconfigRootDir, 'file.ts') })),
});
