// The hand-written WebAssembly modules: each generated `*-wasm.ts` holds what its `.wat` assembles to.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/index.js';

interface Assembler {
  WAT_MODULES: string[];
  assembleModule: (watPath: string) => Promise<{ path: string; text: string }>;
}

const { WAT_MODULES, assembleModule } = (await import(join(REPO_ROOT, 'scripts/assemble-wasm.mjs'))) as Assembler;

describe('hand-written WebAssembly', () => {
  it.each(WAT_MODULES)('%s matches its generated module (run `npm run assemble` and commit it)', async (watPath) => {
    const { path, text } = await assembleModule(watPath);
    expect(text).toBe(readFileSync(join(REPO_ROOT, path), 'utf8'));
  });
});
