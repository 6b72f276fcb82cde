// Precision on real code. Two corpora that never call Engium and hold no Engium key, so the
// plugin must report nothing on them:
// - a vendored snapshot of seven public apps (fixtures/real-code, see its NOTICE): Next.js,
//   Vite/React, Nuxt/Vue, SvelteKit and Node servers, linted with `recommended` and `strict`, and
//   the Vue and Svelte components of two of them, through their frameworks' parsers;
// - a slice of this repository's node_modules (HTTP clients, GitHub's API client, ESLint itself),
//   full of fetch and request calls, linted with `recommended`.
import { ESLint, type Linter } from 'eslint';
import fg from 'fast-glob';
import { join } from 'node:path';
import svelteParser from 'svelte-eslint-parser';
import tsParser from '@typescript-eslint/parser';
import vueParser from 'vue-eslint-parser';
import { describe, expect, it } from 'vitest';
import engium from '../../packages/eslint-plugin/src/index.js';
import { REPO_ROOT } from '../support/index.js';

const REAL_CODE = join(REPO_ROOT, 'test/eslint-plugin/fixtures/real-code');
const PROJECTS = ['commerce', 'shadcn-ui', 'excalidraw', 'elk', 'hoppscotch', 'shadcn-svelte', 'medusa'];

const SLICE = [
  'node_modules/undici/lib/**/*.js',
  'node_modules/@actions/*/lib/**/*.js',
  'node_modules/@octokit/*/dist-src/**/*.js',
  'node_modules/eslint/lib/rules/*.js',
  'node_modules/ajv/dist/compile/**/*.js',
  'node_modules/commander/lib/*.js',
];

const STRICT_NAMESPACE = '@engium-strict';

/**
 * `strict` with its rules under a second namespace, so one ESLint run parses each file once and
 * runs both configs: `@engium/…` reports come from `recommended`, `@engium-strict/…` from `strict`.
 */
function strictUnderOwnNamespace(): Linter.Config {
  const strict = engium.configs.strict as Linter.Config;
  const rules = Object.fromEntries(Object.entries(strict.rules ?? {}).map(([id, entry]) => [id.replace(/^@engium\//, `${STRICT_NAMESPACE}/`), entry]));
  return { files: strict.files, plugins: { [STRICT_NAMESPACE]: engium as unknown as ESLint.Plugin }, rules };
}

function engiumProblems(results: ESLint.LintResult[], root: string): string[] {
  return results.flatMap((result) =>
    result.messages
      .filter((message) => message.ruleId?.startsWith('@engium'))
      .map((message) => `${result.filePath.slice(root.length + 1)}:${message.line} ${message.ruleId}: ${message.message}`),
  );
}

describe('@engium/eslint-plugin on real code that never calls Engium', () => {
  it('reports nothing on seven real apps with the recommended and the strict config', { timeout: 600_000 }, async () => {
    const files = (await fg('**/*.{js,jsx,ts,tsx,mjs,cjs}', { cwd: REAL_CODE, absolute: true })).sort();
    expect(files.length).toBeGreaterThan(3000);
    for (const project of PROJECTS) expect(files.some((file) => file.startsWith(join(REAL_CODE, project, '/')))).toBe(true);
    const eslint = new ESLint({
      cwd: REAL_CODE,
      overrideConfigFile: true,
      overrideConfig: [
        // The apps' eslint-disable comments must not hide a report.
        { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
        engium.configs.recommended as Linter.Config,
        strictUnderOwnNamespace(),
      ],
      cache: false,
    });
    const results = await eslint.lintFiles(files);
    const fatal = results.filter((result) => result.messages.some((message) => message.fatal));
    // Every file parses with the configs' parser (typescript-eslint, JSX on).
    expect(fatal.map((result) => result.filePath.slice(REAL_CODE.length + 1))).toEqual([]);
    expect(engiumProblems(results, REAL_CODE)).toEqual([]);
    // Both configs ran: every rule of each is active on the files.
    const [first] = files;
    const active = Object.keys((await eslint.calculateConfigForFile(first!)).rules ?? {});
    const ruleCount = Object.keys(engium.rules ?? {}).length;
    expect(ruleCount).toBeGreaterThanOrEqual(6);
    expect(active.filter((id) => id.startsWith('@engium/'))).toHaveLength(ruleCount);
    expect(active.filter((id) => id.startsWith(`${STRICT_NAMESPACE}/`))).toHaveLength(ruleCount);
  });

  it('reports nothing on the Vue and Svelte components of elk and shadcn-svelte, read through their parsers', { timeout: 300_000 }, async () => {
    const files = (await fg(['elk/**/*.vue', 'shadcn-svelte/**/*.svelte'], { cwd: REAL_CODE, absolute: true })).sort();
    expect(files.filter((file) => file.endsWith('.vue')).length).toBeGreaterThan(250);
    expect(files.filter((file) => file.endsWith('.svelte')).length).toBeGreaterThan(250);
    const components = { plugins: { '@engium': engium as unknown as ESLint.Plugin }, rules: (engium.configs.strict as Linter.Config).rules };
    const eslint = new ESLint({
      cwd: REAL_CODE,
      overrideConfigFile: true,
      overrideConfig: [
        { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
        { ...components, files: ['**/*.vue'], languageOptions: { parser: vueParser, parserOptions: { parser: tsParser, sourceType: 'module' } } },
        { ...components, files: ['**/*.svelte'], languageOptions: { parser: svelteParser, parserOptions: { parser: tsParser } } },
      ],
      cache: false,
    });
    const results = await eslint.lintFiles(files);
    expect(results.filter((result) => result.messages.some((message) => message.fatal)).map((result) => result.filePath.slice(REAL_CODE.length + 1))).toEqual([]);
    expect(engiumProblems(results, REAL_CODE)).toEqual([]);
  });

  it('reports nothing on a slice of node_modules with the recommended config', { timeout: 240_000 }, async () => {
    const files = (await fg(SLICE, { cwd: REPO_ROOT, absolute: true })).sort();
    expect(files.length).toBeGreaterThan(400);
    const eslint = new ESLint({
      cwd: REPO_ROOT,
      overrideConfigFile: true,
      // ESLint ignores node_modules by default; un-ignore it for this slice.
      // Their eslint-disable comments must not hide a report, so inline config is off.
      overrideConfig: [
        { ignores: ['!**/node_modules/'] },
        { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
        engium.configs.recommended as Linter.Config,
      ],
      cache: false,
    });
    const results = await eslint.lintFiles(files);
    const parsed = results.filter((result) => !result.messages.some((message) => message.fatal));
    // Most of the slice parses (a few files may use syntax the parser rejects); every parsed file is clean.
    expect(parsed.length).toBeGreaterThan(files.length * 0.9);
    expect(engiumProblems(results, REPO_ROOT)).toEqual([]);
    // The slice exercises the call analysis: it is full of fetch and request calls.
    expect(files.some((file) => file.startsWith(join(REPO_ROOT, 'node_modules/undici')))).toBe(true);
  });
});
