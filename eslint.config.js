// The repository's own lint setup. Engium's own rules are dogfooded on the shipped sources and the
// benches (tests, fixtures and examples hold made-up keys on purpose). They load from the built
// plugin: `npm run build` comes first, as in .ci/run.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';
import engium from '@engium/eslint-plugin';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'packages/scanner/bundle/**',
      '**/node_modules/**',
      'examples/**',
      '**/fixtures/**',
      'bench/.cache/**',
      // Real-build apps and other generated caches (test/real-builds, a private build of the action's bundle).
      '**/.cache/**',
      '.bench/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The tools run on untrusted input: every regex in shipped code must run in linear time (ReDoS).
  {
    files: ['packages/*/src/**/*.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'regexp/no-misleading-capturing-group': 'error',
    },
  },
  {
    ...engium.configs.recommended,
    files: ['packages/*/src/**/*.ts', 'bench/**/*.mjs'],
  },
);
