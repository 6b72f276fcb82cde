// End to end: the real `eslint` CLI, with the plugin's flat configs, on a fixture project.
// The fixture holds no keys; they are generated per run (fakeKey) into a temp copy.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoFullKey, fakeKey, REPO_ROOT } from '../support/index.js';
import { ESLINT, eslint as eslintIn, fixtureProject, reports as reportsIn } from './support.js';

// ESLint 9 (installed as the `eslint9` alias), which the plugin supports too.
const ESLINT_9 = join(REPO_ROOT, 'node_modules/eslint9/bin/eslint.js');
const LIVE = fakeKey('live', 41);
const TEST = fakeKey('test', 42);

let project: string;

beforeAll(() => {
  project = fixtureProject('project', { live: LIVE, test: TEST });
});

const eslint = (args: string[], bin = ESLINT) => eslintIn(project, args, bin);
const reports = (config: string, targets: string[], bin = ESLINT) => reportsIn(project, config, targets, [LIVE, TEST], bin);

const RECOMMENDED = [
  'app/bookings/page.tsx:7 @engium/no-key-in-client/publicKeyVariable',
  'app/bookings/page.tsx:9 @engium/no-key-in-client/bearerKeyInClient',
  'src/server/engium.ts:15 @engium/require-tenant-header/missingTenant',
  'src/server/engium.ts:16 @engium/no-hardcoded-key/hardcodedKey',
  'src/server/engium.ts:23 @engium/valid-tenant-id/notUuid',
  'src/server/engium.ts:28 @engium/no-hardcoded-key/hardcodedKey',
  'src/server/engium.ts:30 @engium/require-authorization-header/credentialInQuery',
  'src/ui/legacy.js:7 @engium/require-tenant-header/missingTenant',
  'src/ui/widget.client.jsx:2 @engium/no-hardcoded-key/hardcodedKey',
];

// Each test starts ESLint (and for the typed config, TypeScript) in a fresh process.
describe('eslint CLI with @engium/eslint-plugin', { timeout: 180_000 }, () => {
  it('recommended: reports exactly the fixture problems, on JS, JSX, TS and TSX', () => {
    expect(reports('eslint.config.js', ['.'])).toEqual(RECOMMENDED);
  });

  it('ESLint 9: recommended reports exactly the same problems', () => {
    expect(eslint(['--version'], ESLINT_9).stdout).toMatch(/^v9\./);
    expect(reports('eslint.config.js', ['.'], ESLINT_9)).toEqual(RECOMMENDED);
  });

  it('strict: also reports the call whose headers cannot be resolved', () => {
    expect(reports('eslint.strict.config.js', ['.'])).toEqual(
      [
        ...RECOMMENDED,
        'src/server/engium.ts:33 @engium/require-authorization-header/unresolvedAuthorization',
        'src/server/engium.ts:33 @engium/require-tenant-header/unresolvedTenant',
      ].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    );
  });

  it('recommendedTypeChecked: resolves the base URL and headers imported from another module', () => {
    const typed = reports('eslint.typed.config.js', ['src', 'app']);
    expect(typed).toEqual([...RECOMMENDED.slice(0, 7), 'src/server/typed.ts:7 @engium/require-tenant-header/missingTenant', ...RECOMMENDED.slice(7)]);
  });

  it('the stylish output shows keys redacted and never whole', () => {
    const { status, stdout } = eslint(['.']);
    expect(status).toBe(1);
    expectNoFullKey(stdout, [LIVE, TEST]);
    expect(stdout).toContain(`eng_live_…${LIVE.slice(-4)}`);
    expect(stdout).toContain(`eng_test_…${TEST.slice(-4)}`);
    expect(stdout).toContain('POST /auth/login');
  });

  it('typeAware without type information is a clear error, not a silent change', () => {
    writeFileSync(
      join(project, 'eslint.untyped.config.js'),
      `import engium from '@engium/eslint-plugin';\nexport default [engium.configs.recommended, { rules: { '@engium/require-tenant-header': ['error', { typeAware: true }] } }];\n`,
    );
    const { status, stdout, stderr } = eslint(['-c', 'eslint.untyped.config.js', 'src/server/typed.ts']);
    expect(status).toBe(2);
    expect(stdout + stderr).toMatch(/requires type information/);
  });
});
