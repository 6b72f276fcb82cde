// Rules arrive with issue 4; the package builds and loads in ESLint from the start.
import type { TSESLint } from '@typescript-eslint/utils';

const plugin = {
  meta: { name: '@engium/eslint-plugin', version: '0.1.0', namespace: 'engium' },
  rules: {} as Record<string, TSESLint.LooseRuleDefinition>,
};

export default plugin;
