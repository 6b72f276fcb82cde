#!/usr/bin/env node
// ESLint plugin overhead on generated code (eslint-real-code.bench.mjs measures it on real code):
// lints a generated TS/TSX codebase (2,000+ files, deterministic) with typescript-eslint's parser
// and the recommended JS + typescript-eslint rules, without and with @engium/eslint-plugin's
// recommended config, through ESLint's Node API with no cache.
// Prints wall times, the overhead, and the plugin rules' share of rule time from ESLint's stats.
import { ESLint } from 'eslint';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { random } from './random.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pluginEntry = join(root, 'packages/eslint-plugin/dist/index.js');
if (!existsSync(pluginEntry)) {
  console.error('build first: npx tsc -b');
  process.exit(1);
}
const { default: engium } = await import(pluginEntry);

const FILES = Number(process.env.ENGIUM_BENCH_FILES ?? 2400);
const CORPUS_VERSION = 2;
const corpus = join(root, '.bench/eslint-corpus');

// ---------------------------------------------------------------- corpus

const nouns = ['booking', 'customer', 'invoice', 'message', 'template', 'tenant', 'report', 'session', 'order', 'product'];
const pick = (next, list) => list[Math.floor(next() * list.length)];
const cap = (word) => word[0].toUpperCase() + word.slice(1);

function component(i, next) {
  const noun = pick(next, nouns);
  const Name = `${cap(noun)}List${i}`;
  return `import { useEffect, useMemo, useState } from 'react';
import type { ${cap(noun)} } from '../models/${noun}';

interface ${Name}Props {
  items: ${cap(noun)}[];
  filter?: string;
  onSelect(id: string): void;
}

export function ${Name}({ items, filter = '', onSelect }: ${Name}Props) {
  const [page, setPage] = useState(0);
  const visible = useMemo(() => items.filter((item) => item.name.toLowerCase().includes(filter.toLowerCase())).slice(page * 20, page * 20 + 20), [items, filter, page]);
  useEffect(() => {
    if (visible.length === 0 && page > 0) setPage(page - 1);
  }, [visible, page]);
  return (
    <section className="${noun}-list" aria-label="${cap(noun)}s">
      <h2>{\`\${visible.length} ${noun}s\`}</h2>
      <ul>
        {visible.map((item) => (
          <li key={item.id} onClick={() => onSelect(item.id)} title={item.name}>
            <span>{item.name}</span> <small>{new Date(item.updatedAt).toLocaleDateString()}</small>
          </li>
        ))}
      </ul>
      <button disabled={page === 0} onClick={() => setPage(page - 1)}>Previous</button>
      <button onClick={() => setPage(page + 1)}>Next</button>
    </section>
  );
}
`;
}

function service(i, next, engiumCall) {
  const noun = pick(next, nouns);
  const other = `https://api.example-${i % 17}.com/v2`;
  const engiumPart = engiumCall === 'ok'
    ? `
const ENGIUM = 'https://api.engium.app/api/v1';
export async function sync${cap(noun)}s(tenantId: string) {
  const response = await fetch(\`\${ENGIUM}/${noun}s\`, {
    headers: { Authorization: \`Bearer \${process.env.ENGIUM_API_KEY}\`, 'X-Tenant-ID': tenantId },
  });
  return (await response.json()) as unknown[];
}
`
    : engiumCall === 'missing-tenant'
      ? `
const ENGIUM = 'https://api.engium.app/api/v1';
export async function sync${cap(noun)}s() {
  const response = await fetch(\`\${ENGIUM}/${noun}s\`, { headers: { Authorization: \`Bearer \${process.env.ENGIUM_API_KEY}\` } });
  return (await response.json()) as unknown[];
}
`
      : '';
  return `import axios from 'axios';
import { z } from 'zod';

const BASE_URL = '${other}';
const client = axios.create({ baseURL: BASE_URL, timeout: ${1000 + i} });

export const ${noun}Schema = z.object({ id: z.string(), name: z.string(), updatedAt: z.string() });
export type ${cap(noun)}Dto = z.infer<typeof ${noun}Schema>;

export class ${cap(noun)}Service${i} {
  private readonly cache = new Map<string, ${cap(noun)}Dto>();

  async get(id: string): Promise<${cap(noun)}Dto> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const { data } = await client.get(\`/${noun}s/\${encodeURIComponent(id)}\`, { headers: { Accept: 'application/json' } });
    const parsed = ${noun}Schema.parse(data);
    this.cache.set(id, parsed);
    return parsed;
  }

  async list(query: Record<string, string> = {}): Promise<${cap(noun)}Dto[]> {
    const params = new URLSearchParams(query);
    const response = await fetch(\`\${BASE_URL}/${noun}s?\${params.toString()}\`, { headers: { 'Content-Type': 'application/json' } });
    if (!response.ok) throw new Error(\`${noun} list failed: \${response.status}\`);
    return z.array(${noun}Schema).parse(await response.json());
  }

  async save(dto: ${cap(noun)}Dto): Promise<void> {
    await client.put(\`/${noun}s/\${dto.id}\`, dto);
    this.cache.delete(dto.id);
  }
}
${engiumPart}`;
}

function util(i, next) {
  const noun = pick(next, nouns);
  return `// Helpers for ${noun}s (module ${i}).
export const ${noun.toUpperCase()}_PREFIX = '${noun}_';
export const LIMIT_${i} = ${Math.floor(next() * 1000)};

export function format${cap(noun)}Id(id: number): string {
  return ${noun.toUpperCase()}_PREFIX + id.toString(36).padStart(8, '0');
}

export function chunk<T>(items: readonly T[], size = ${2 + (i % 9)}): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, wait = ${10 * (i % 30)}) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
}

export const labels = { ${nouns.map((word, index) => `${word}: '${cap(word)} ${index + i}'`).join(', ')} } as const;
`;
}

/** Writes the corpus once per version; returns how many calls lack X-Tenant-ID by construction. */
function ensureCorpus() {
  const marker = join(corpus, 'corpus.json');
  if (existsSync(marker)) {
    const saved = JSON.parse(readFileSync(marker, 'utf8'));
    if (saved.version === CORPUS_VERSION && saved.files === FILES) return saved;
  }
  rmSync(corpus, { recursive: true, force: true });
  const next = random(20260401);
  const paths = [];
  let missingTenant = 0;
  for (let i = 0; i < FILES; i++) {
    const kind = i % 3;
    let path;
    let text;
    if (kind === 0) {
      path = `src/components/${pick(next, nouns)}/List${i}.tsx`;
      text = component(i, next);
    } else if (kind === 1) {
      const engiumCall = i % 30 === 1 ? 'ok' : i % 300 === 4 ? 'missing-tenant' : undefined;
      if (engiumCall === 'missing-tenant') missingTenant++;
      path = `src/services/${pick(next, nouns)}/service${i}.ts`;
      text = service(i, next, engiumCall);
    } else {
      path = `src/lib/util${i}.ts`;
      text = util(i, next);
    }
    mkdirSync(dirname(join(corpus, path)), { recursive: true });
    writeFileSync(join(corpus, path), text);
    paths.push(path);
  }
  const saved = { version: CORPUS_VERSION, files: FILES, missingTenant };
  writeFileSync(marker, JSON.stringify(saved));
  return saved;
}

// ---------------------------------------------------------------- lint runs

const baseline = [
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
];
const withPlugin = [...baseline, engium.configs.recommended];

async function lint(config, patterns = ['src'], stats = false) {
  // Timed runs go without ESLint's stats, whose per-listener clock would tax only the plugin's run.
  const eslint = new ESLint({ cwd: corpus, overrideConfigFile: true, overrideConfig: config, cache: false, stats });
  const started = process.hrtime.bigint();
  const results = await eslint.lintFiles(patterns);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let engiumRuleMs = 0;
  let allRuleMs = 0;
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      for (const [ruleId, { total }] of Object.entries(pass.rules ?? {})) {
        allRuleMs += total;
        if (ruleId.startsWith('@engium/')) engiumRuleMs += total;
      }
    }
  }
  const engiumReports = results.flatMap((result) => result.messages.filter((message) => message.ruleId?.startsWith('@engium/')));
  const fatal = results.filter((result) => result.messages.some((message) => message.fatal)).length;
  return { seconds, files: results.length, engiumRuleMs, allRuleMs, engiumReports, fatal };
}

const saved = ensureCorpus();
console.log(`corpus: ${saved.files} generated TS/TSX files in ${corpus} (typescript-eslint parser, eslint + typescript-eslint recommended rules, no cache)`);

// Warm up module loading and the JIT on a slice, then alternate to spread machine noise evenly.
await lint(baseline, ['src/lib/util1*.ts']);
await lint(withPlugin, ['src/lib/util1*.ts']);
const rounds = Number(process.env.ENGIUM_BENCH_ROUNDS ?? 2);
const without = [];
const withEngium = [];
let last;
for (let round = 0; round < rounds; round++) {
  // Alternate which config goes first, so neither always runs on a warmer (or busier) machine.
  if (round % 2 === 0) without.push((await lint(baseline)).seconds);
  last = await lint(withPlugin);
  withEngium.push(last.seconds);
  if (round % 2 === 1) without.push((await lint(baseline)).seconds);
}
// One more run with ESLint's stats, for the plugin rules' own time.
last = await lint(withPlugin, ['src'], true);
const best = (times) => Math.min(...times);
const overhead = ((best(withEngium) - best(without)) / best(without)) * 100;
const share = (last.engiumRuleMs / (last.seconds * 1000)) * 100;

console.log(`without @engium/eslint-plugin: ${best(without).toFixed(2)} s (best of ${rounds})`);
console.log(`with    @engium/eslint-plugin: ${best(withEngium).toFixed(2)} s (best of ${rounds})`);
console.log(`plugin overhead (wall time):   ${overhead.toFixed(1)}% (target < 5%)`);
// The rules' own time, measured by ESLint around each listener, does not depend on what else the
// machine runs at the same time the way two wall times do.
console.log(`plugin rules' own time:        ${last.engiumRuleMs.toFixed(0)} ms = ${share.toFixed(1)}% of the run (ESLint stats; all rules ${last.allRuleMs.toFixed(0)} ms; target < 5%)`);
console.log(`plugin reports: ${last.engiumReports.length} (expected ${saved.missingTenant} planted calls without X-Tenant-ID); files with parse errors: ${last.fatal}`);
const planted = last.engiumReports.filter((message) => message.messageId === 'missingTenant').length;
if (planted !== saved.missingTenant || last.engiumReports.length !== saved.missingTenant || last.fatal > 0) {
  console.error('unexpected plugin reports or parse errors: the comparison is not like for like');
  process.exitCode = 1;
}
