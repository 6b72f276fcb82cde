import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/fixtures/**'],
    // End-to-end tests run real CLIs, git and ESLint; the machine has 2 cores.
    testTimeout: 60_000,
    // Most test time is spent waiting on child processes (the CLI, git, bundlers), so a worker per
    // core, and two on two cores, where Vitest's default (cores - 1) would run one file at a time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
