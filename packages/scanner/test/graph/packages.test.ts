// A workspace package's subpath through its `exports` map, chosen as Node chooses; the major
// version a package asks for.
import { describe, expect, it } from 'vitest';
import { declaredMajor, subpathExportTargets } from '../../src/graph/packages.js';
import { analyseApp, packageJson } from './support.js';

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

describe('declaredMajor', () => {
  it('reads the lowest major of a plain range, and nothing from any other', () => {
    const major = (range: unknown) => declaredMajor({ dir: '', dependencies: new Set(['next']), manifest: { devDependencies: { next: range } } }, 'next');
    for (const range of ['^16.1.0', '~16.1', '16.x', '16', '>=16', 'v16.0.0', '16.0.0-canary.3']) expect(major(range), range).toBe(16);
    for (const range of ['15 || 16', '>=15.5 <17', 'latest', 'workspace:*', 'github:vercel/next.js', '*', 42]) expect(major(range), String(range)).toBeUndefined();
  });
});

describe('Nx projects', () => {
  it('are packages only in an Nx workspace: another project.json is a file like any other', async () => {
    const app = {
      'package.json': packageJson({ next: '15.0.0', react: '19.0.0' }),
      'legacy/project.json': JSON.stringify({ frameworks: { dnx451: {} } }),
      'legacy/pages/report.tsx': `export default function Report() { return null; }\n`,
      'fixtures/project.json': JSON.stringify([1, 2]),
    };
    const plain = await analyseApp(app);
    expect(plain.exposureOf('legacy/pages/report.tsx').exposure).not.toBe('client');
    expect(plain.problems.filter(({ file }) => file.endsWith('project.json'))).toEqual([]);
    // The same folders in an Nx workspace (nx.json at its root) are projects.
    const nx = await analyseApp({ ...app, 'nx.json': '{}' });
    expect(nx.exposureOf('legacy/pages/report.tsx').chain).toEqual(['legacy/pages/report.tsx (Next.js pages router page)']);
    expect(nx.problems).toContainEqual({ file: 'fixtures/project.json', reason: 'Nx project.json not read: not a JSON object' });
  });
});
