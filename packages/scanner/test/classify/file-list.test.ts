import { describe, expect, it } from 'vitest';
import { packFiles, unpackFiles } from '../../src/classify/file-list.js';
import type { ClassifyFile } from '../../src/classify/index.js';

describe('the file list posted to the classify thread', () => {
  it('keeps every source and env file, with its role, in order, whatever its name', () => {
    const files: ClassifyFile[] = [
      { path: 'src/app.ts', role: 'source' },
      { path: '.env.local', role: 'env' },
      { path: 'dist/app.js', role: 'build' },
      { path: 'weird/new\nline and\ttab.ts', role: 'source' },
      { path: 'café/ünï.tsx', role: 'source' },
      { path: 'bad/\\xff\\xfename.js', role: 'source' },
      { path: 'apps/web/.env', role: 'env' },
      { path: 's', role: 'source' },
      { path: 'e', role: 'env' },
    ];
    expect(unpackFiles(packFiles(files))).toEqual(files.filter((file) => file.role !== 'build'));
  });

  it('leaves out built output and archive entries, which are never modules of the graph', () => {
    const files: ClassifyFile[] = [
      { path: 'dist/app.js', role: 'build' },
      { path: 'app.apk!/assets/index.android.bundle', role: 'source', archive: { file: 'app.apk', entry: 'assets/index.android.bundle' } },
    ];
    expect(unpackFiles(packFiles(files))).toEqual([]);
    expect(unpackFiles('')).toEqual([]);
  });
});
