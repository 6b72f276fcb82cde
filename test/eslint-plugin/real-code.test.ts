// Precision on real code: a slice of the JavaScript in this repository's node_modules (HTTP
// clients, GitHub's API client, ESLint itself) never calls Engium and holds no Engium key, so
// the recommended config must report nothing on it.
import { ESLint, type Linter } from 'eslint';
import fg from 'fast-glob';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import engium from '../../packages/eslint-plugin/src/index.js';
import { REPO_ROOT } from '../support/index.js';

const SLICE = [
  'node_modules/undici/lib/**/*.js',
  'node_modules/@actions/*/lib/**/*.js',
  'node_modules/@octokit/*/dist-src/**/*.js',
  'node_modules/eslint/lib/rules/*.js',
  'node_modules/ajv/dist/compile/**/*.js',
  'node_modules/commander/lib/*.js',
];

describe('@engium/eslint-plugin on real code that never calls Engium', () => {
  it('reports nothing with the recommended config', { timeout: 240_000 }, async () => {
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
    const problems = results.flatMap((result) =>
      result.messages.filter((message) => message.ruleId?.startsWith('@engium/')).map((message) => `${result.filePath.slice(REPO_ROOT.length + 1)}:${message.line} ${message.ruleId}: ${message.message}`),
    );
    expect(problems).toEqual([]);
    // The slice exercises the call analysis: it is full of fetch and request calls.
    expect(files.some((file) => file.startsWith(join(REPO_ROOT, 'node_modules/undici')))).toBe(true);
  });
});
