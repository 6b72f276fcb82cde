/**
 * @engium/eslint-plugin: keeps Engium API keys out of source code and the browser, and catches
 * Engium API calls that the API would reject. Use `export default [engium.configs.recommended]`.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { createRequire } from 'node:module';
import { buildConfigs } from './configs.js';
import { rules } from './rules/index.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };
const namespace = '@engium';

const plugin = {
  meta: { name, version, namespace },
  rules,
  configs: {} as ReturnType<typeof buildConfigs>,
};
// The configs hold the plugin itself, as ESLint's flat configs expect.
plugin.configs = buildConfigs(plugin as unknown as TSESLint.FlatConfig.Plugin, rules, namespace);

export type { EngiumSettings } from './analysis/settings.js';
export default plugin;
