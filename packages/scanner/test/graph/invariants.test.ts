// Properties of the exposure verdicts on random import graphs (cycles, type-only and dynamic
// imports, "use client" entries, server boundaries), checked against a plain breadth-first oracle:
// a module is client exactly when a client entry reaches it without crossing a server boundary,
// its chain is a real, shortest import path from an entry, and nothing reachable is called server.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseProgram } from '../../src/graph/index.js';

type Marker = 'none' | 'use client' | 'use server' | 'server-only';
type ImportKind = 'static' | 'side-effect' | 'type' | 'dynamic' | 'require' | 'bare-require';

interface RandomModule {
  marker: Marker;
  imports: { target: number; kind: ImportKind }[];
}

const moduleArbitrary = (count: number) =>
  fc.record({
    marker: fc.constantFrom<Marker>('none', 'none', 'none', 'use client', 'use server', 'server-only'),
    imports: fc.array(fc.record({ target: fc.nat(count - 1), kind: fc.constantFrom<ImportKind>('static', 'static', 'side-effect', 'type', 'dynamic', 'require', 'bare-require') }), { maxLength: 4 }),
  });

const graphArbitrary = fc.integer({ min: 2, max: 14 }).chain((count) => fc.array(moduleArbitrary(count), { minLength: count, maxLength: count }));

const fileOf = (index: number) => `src/m${index}.ts`;

function sourceOf(module: RandomModule): string {
  const lines: string[] = [];
  if (module.marker === 'use client' || module.marker === 'use server') lines.push(`"${module.marker}";`);
  if (module.marker === 'server-only') lines.push(`import 'server-only';`);
  module.imports.forEach(({ target, kind }, position) => {
    const specifier = `./m${target}`;
    if (kind === 'static') lines.push(`import { value as v${position} } from '${specifier}';`, `console.log(v${position});`);
    if (kind === 'side-effect') lines.push(`import '${specifier}';`);
    if (kind === 'type') {
      lines.push(
        position % 2 === 0 ? `import type { Shape as T${position} } from '${specifier}';` : `import { type Shape as T${position} } from '${specifier}';`,
        `export type U${position} = T${position};`,
      );
    }
    if (kind === 'dynamic') lines.push(`export const load${position} = () => import('${specifier}');`);
    if (kind === 'require') lines.push(`export const req${position} = require('${specifier}');`);
    if (kind === 'bare-require') lines.push(`const bare${position} = require('${specifier}');`, `console.log(bare${position});`);
  });
  lines.push('export const value = 1;', 'export type Shape = { value: number };');
  return lines.join('\n') + '\n';
}

/** Shortest distance from any client entry, not entering server-marked modules nor following type imports. */
function oracle(modules: readonly RandomModule[]): Map<number, number> {
  const isServer = (index: number) => modules[index]?.marker === 'use server' || modules[index]?.marker === 'server-only';
  const distance = new Map<number, number>();
  const queue: number[] = [];
  modules.forEach((module, index) => {
    if (module.marker === 'use client') {
      distance.set(index, 0);
      queue.push(index);
    }
  });
  for (let head = 0; head < queue.length; head++) {
    const index = queue[head] as number;
    for (const { target, kind } of modules[index]?.imports ?? []) {
      if (kind === 'type' || distance.has(target) || isServer(target)) continue;
      distance.set(target, (distance.get(index) as number) + 1);
      queue.push(target);
    }
  }
  return distance;
}

describe('exposure invariants on random import graphs', () => {
  it('client exactly when a client entry reaches the module; chains are real shortest paths', async () => {
    await fc.assert(
      fc.asyncProperty(graphArbitrary, async (modules) => {
        const root = mkdtempSync(join(tmpdir(), 'engium-graph-prop-'));
        try {
          mkdirSync(join(root, 'src'));
          modules.forEach((module, index) => writeFileSync(join(root, fileOf(index)), sourceOf(module)));
          const files = modules.map((_, index) => fileOf(index));
          const analysis = await analyseProgram(root, { files });
          const expected = oracle(modules);
          const edges = new Set(modules.flatMap((module, from) => module.imports.filter(({ kind }) => kind !== 'type').map(({ target }) => `${fileOf(from)}>${fileOf(target)}`)));
          modules.forEach((module, index) => {
            const file = fileOf(index);
            const verdict = analysis.exposureOf(file);
            if (expected.has(index)) {
              expect(verdict.exposure, file).toBe('client');
              const chain = verdict.chain ?? [];
              expect(chain.length, file).toBe((expected.get(index) as number) + 1);
              expect(chain[0]).toMatch(/^src\/m\d+\.ts \("use client"\)$/);
              const steps = chain.map((step) => step.replace(/ \(.*\)$/, ''));
              expect(steps.at(-1)).toBe(file);
              for (let step = 1; step < steps.length; step++) expect(edges.has(`${steps[step - 1]}>${steps[step]}`), `${steps[step - 1]} imports ${steps[step]}`).toBe(true);
            } else {
              expect(verdict.exposure, file).not.toBe('client');
              expect(verdict.chain).toBeUndefined();
            }
            if (module.marker === 'use server' || module.marker === 'server-only') expect(verdict.exposure, file).toBe('server');
          });
          expect(analysis.problems).toEqual([]);
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }),
      { numRuns: 40, seed: 5 },
    );
  });

  it('never throws on arbitrary module, tsconfig and package.json text, and never calls a module client without a chain', async () => {
    const fragments = fc.constantFrom(
      "'use client';", '"use server";', "import 'server-only';", "import x from './m1';", "export * from './m2.js';", 'import(', '<script>', '</script>',
      '---', "import Island from './m0.tsx';", '<Island client:load />', 'process.env.NEXT_PUBLIC_A', '{', '}', '`${', '/*', '\u0000', '\uFFFD', '\n',
    );
    const text = fc.array(fc.oneof(fragments, fc.string({ maxLength: 12 })), { maxLength: 24 }).map((parts) => parts.join(' '));
    const file = fc.record({ stem: fc.constantFrom('m0', 'm1', 'm2', 'app/page', 'pages/index', 'src/routes/+page'), ext: fc.constantFrom('.ts', '.tsx', '.js', '.vue', '.svelte', '.astro', '.json') });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ file, text }), { minLength: 1, maxLength: 6 }), text, text, async (modules, tsconfig, manifest) => {
        const root = mkdtempSync(join(tmpdir(), 'engium-graph-fuzz-'));
        try {
          const files = new Set(['tsconfig.json', 'package.json']);
          writeFileSync(join(root, 'tsconfig.json'), tsconfig);
          writeFileSync(join(root, 'package.json'), manifest);
          for (const module of modules) {
            const path = `${module.file.stem}${module.file.ext}`;
            mkdirSync(join(root, path, '..'), { recursive: true });
            writeFileSync(join(root, path), module.text);
            files.add(path);
          }
          const analysis = await analyseProgram(root, { files: [...files] });
          for (const path of files) {
            const verdict = analysis.exposureOf(path);
            expect(['client', 'server', 'unknown']).toContain(verdict.exposure);
            if (verdict.exposure === 'client') expect(verdict.chain?.length).toBeGreaterThan(0);
            analysis.importersOfDefinition(path, 1);
          }
          analysis.envReaders('NEXT_PUBLIC_A');
          analysis.buildExposure('dist/assets/x.js', [...files]);
          for (const problem of analysis.problems) expect(typeof problem.reason).toBe('string');
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }),
      { numRuns: 60, seed: 11 },
    );
  });
});
