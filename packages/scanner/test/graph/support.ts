// Writes a small app into a temp dir and analyses it, listing its files as the discover step would.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tempDir, writeFiles } from '../../../../test/support/index.js';
import { analyseProgram, type ProgramAnalysis, type ProgramAnalysisOptions } from '../../src/graph/index.js';

export function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(root, join(dir, entry.name)) : [relative(root, join(dir, entry.name)).split('\\').join('/')],
  );
}

export async function analyseApp(files: Record<string, string | Buffer>, options: Partial<ProgramAnalysisOptions> = {}): Promise<ProgramAnalysis & { root: string }> {
  const root = tempDir('engium-graph-unit-');
  writeFiles(root, files);
  const analysis = await analyseProgram(root, { files: listFiles(root), ...options });
  return Object.assign(analysis, { root });
}

export const packageJson = (dependencies: Record<string, string>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ name: 'app', private: true, ...extra, dependencies });
