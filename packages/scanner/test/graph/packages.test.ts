// A workspace package's subpath through its `exports` map, chosen as Node chooses.
import { describe, expect, it } from 'vitest';
import { subpathExportTargets } from '../../src/graph/packages.js';

describe('subpathExportTargets', () => {
  it('takes the exact key, else the pattern with the longest part before its star, and a null target excludes', () => {
    const exportsField = {
      '.': './dist/index.js',
      './*': './dist/*.js',
      './server/*': { node: './dist/server/*.cjs', default: './dist/server/*.js' },
      './server/internal/*': null,
      './composer': './dist/utils/composer/index.js',
    };
    expect(subpathExportTargets(exportsField, 'composer')).toEqual(['./dist/utils/composer/index.js']);
    expect(subpathExportTargets(exportsField, 'server/db')).toEqual(['./dist/server/db.cjs', './dist/server/db.js']);
    expect(subpathExportTargets(exportsField, 'server/internal/x')).toEqual([]);
    expect(subpathExportTargets(exportsField, 'theme')).toEqual(['./dist/theme.js']);
    expect(subpathExportTargets('./dist/index.js', 'theme')).toEqual([]);
  });
});
