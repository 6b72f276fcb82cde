// The plugin's rules on Vue and Svelte single-file components, through vue-eslint-parser and
// svelte-eslint-parser as their projects set them up: a component is client code (it is compiled
// into the browser bundle), a Nuxt `*.server.vue` component and SvelteKit's server files are not.
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeKey } from '../support/index.js';
import { eslint, fixtureProject, reports } from './support.js';

const LIVE = fakeKey('live', 43);
const TEST = fakeKey('test', 44);

let project: string;

beforeAll(() => {
  project = fixtureProject('components', { live: LIVE, test: TEST });
});

describe('eslint CLI on Vue and Svelte components', { timeout: 180_000 }, () => {
  it('reports keys, public key variables and calls without a tenant in <script>, and nothing in server components', () => {
    expect(reports(project, 'eslint.config.js', ['.'], [LIVE, TEST])).toEqual([
      'src/components/BookingWidget.vue:5 @engium/no-key-in-client/publicKeyVariable',
      'src/components/BookingWidget.vue:6 @engium/no-hardcoded-key/hardcodedKey',
      'src/components/BookingWidget.vue:9 @engium/require-tenant-header/missingTenant',
      'src/lib/Checkout.svelte:2 @engium/no-key-in-client/publicKeyVariable',
      'src/lib/Checkout.svelte:4 @engium/no-hardcoded-key/hardcodedKey',
      'src/lib/Checkout.svelte:8 @engium/require-tenant-header/missingTenant',
      'src/lib/Checkout.svelte:10 @engium/no-key-in-client/bearerKeyInClient',
    ]);
  });

  it('says why a component is client code', () => {
    const { stdout } = eslint(project, ['src/lib/Checkout.svelte']);
    expect(stdout).toContain('Svelte components are compiled into the browser bundle');
  });
});
