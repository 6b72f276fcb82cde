// `engium-scan pack DIR` where the package folder's own `.npmrc` turns npm's workspaces on. npm then
// lists each workspace's files relative to that workspace (`index.js` for `packages/a/index.js`),
// which were read from DIR: the key was missed, `index.js` reported unreadable, the root's
// package.json scanned in the workspace's place, and the run passed. The listing is now always the
// package in DIR; a `.npmrc` that names one workspace is an error that says where the option came from.
import { join } from 'node:path';
import { redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import { fakeKey, runScanner, tempDir, writeFiles } from '../support/index.js';
import { expectSafeOutput, located, scanBounded } from './support.js';

const KEY = fakeKey('live', 2360);

function monorepo(npmrc: string): string {
  const dir = tempDir('engium-adv-pack-workspaces-');
  writeFiles(dir, {
    'package.json': JSON.stringify({ name: 'root', version: '1.0.0', workspaces: ['packages/*'] }),
    'packages/a/package.json': JSON.stringify({ name: 'a', version: '1.0.0' }),
    'packages/a/index.js': `module.exports = { key: '${KEY}' };\n`,
    '.npmrc': npmrc,
  });
  return dir;
}

describe('pack in a folder whose .npmrc turns workspaces on', () => {
  it('workspaces=true: lists the package in the folder, with every path its own', () => {
    const dir = monorepo('workspaces=true\n');
    const { report, status } = scanBounded(['pack', dir], [KEY]);
    expect(located(report)).toEqual([`packages/a/index.js:1:26 ${redact(KEY)}`]);
    expect(report.stats.skipped).toEqual([]);
    expect(status).toBe(1);
  });

  it('workspace=a: exit 2, saying the workspace comes from an .npmrc and what to scan instead', () => {
    const dir = monorepo('workspace=a\n');
    const result = runScanner(['pack', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/npm pack --dry-run failed in .*an \.npmrc or npm_config_workspace names a workspace: scan that workspace's folder/);
    expectSafeOutput(result.stdout + result.stderr, [KEY], 'pack');
    // The workspace's own folder is the package to scan.
    expect(runScanner(['pack', join(dir, 'packages/a'), '--format', 'json']).status).toBe(1);
  });
});
