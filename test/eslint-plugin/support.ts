/**
 * Runs the real `eslint` CLI on a copy of a fixture project: the copy resolves
 * `@engium/eslint-plugin` and the parsers from the repository's node_modules as an installed
 * project would, and its `__LIVE_KEY__` / `__TEST_KEY__` placeholders become keys made per run,
 * so no key is committed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { expectNoFullKey, REPO_ROOT, tempDir } from '../support/index.js';

export const ESLINT = join(REPO_ROOT, 'node_modules/eslint/bin/eslint.js');

interface EslintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; messageId?: string; message: string; fatal?: boolean }[];
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** A temporary copy of `test/eslint-plugin/fixtures/<name>` with the keys written in. */
export function fixtureProject(name: string, keys: { live: string; test: string }): string {
  expect(statSync(join(REPO_ROOT, 'packages/eslint-plugin/dist/index.js')).isFile(), 'build first: npx tsc -b').toBe(true);
  const project = tempDir(`engium-eslint-${name}-`);
  cpSync(join(REPO_ROOT, 'test/eslint-plugin/fixtures', name), project, { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
  for (const file of files(project).filter((path) => !path.includes('node_modules'))) {
    const text = readFileSync(file, 'utf8');
    if (text.includes('__LIVE_KEY__') || text.includes('__TEST_KEY__')) {
      writeFileSync(file, text.replaceAll('__LIVE_KEY__', keys.live).replaceAll('__TEST_KEY__', keys.test));
    }
  }
  return project;
}

export function eslint(project: string, args: string[], bin = ESLINT): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** `file:line rule/messageId` for every problem, from the JSON formatter; no message holds a key of `keys`. */
export function reports(project: string, config: string, targets: string[], keys: readonly string[], bin = ESLINT): string[] {
  const { status, stdout, stderr } = eslint(project, ['-c', config, '--format', 'json', ...targets], bin);
  expect(stderr).toBe('');
  expect(status).toBe(1);
  const results = JSON.parse(stdout) as EslintResult[];
  // The JSON formatter repeats each file's source; what the plugin wrote is the messages.
  expectNoFullKey(JSON.stringify(results.map((result) => result.messages)), keys);
  return results.flatMap((result) =>
    result.messages.map((message) => {
      expect(message.fatal, message.message).toBeFalsy();
      return `${relative(project, result.filePath)}:${message.line} ${message.ruleId}/${message.messageId}`;
    }),
  );
}
