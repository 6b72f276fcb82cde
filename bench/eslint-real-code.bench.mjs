#!/usr/bin/env node
// @engium/eslint-plugin's overhead on real code: the vendored apps in
// test/eslint-plugin/fixtures/real-code (3,896 files of seven public Next.js, Vite/React,
// Nuxt/Vue, SvelteKit and Node code bases, see its NOTICE), linted through ESLint's Node API with
// no cache, by a parse-only run (the plugin configs' parser and languageOptions, no rules) and by
// the same run with the plugin's recommended config. The overhead is the ratio of the two in the
// same run, in CPU time (ESLint lints on one thread here) and wall time. On a busy machine two
// runs differ by more than the rules cost, so the run with ESLint's stats also gives the rules'
// own time (rule creation and listeners, as ESLint times them) against the rest of that same run:
// the overhead a parse-only run would see, unmoved by what else the machine does.
import { ESLint } from 'eslint';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pluginEntry = join(root, 'packages/eslint-plugin/dist/index.js');
if (!existsSync(pluginEntry)) {
  console.error('build first: npx tsc -b');
  process.exit(1);
}
const { default: engium } = await import(pluginEntry);

const realCode = join(root, 'test/eslint-plugin/fixtures/real-code');
const patterns = ['**/*.{js,jsx,ts,tsx,mjs,cjs}'];
// The apps' own eslint-disable comments are not read: the two runs differ by the rules alone.
const parseOnly = [
  { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
  { files: engium.configs.recommended.files, languageOptions: engium.configs.recommended.languageOptions },
];
const withEngium = [...parseOnly, engium.configs.recommended];

async function lint(config, stats = false) {
  const eslint = new ESLint({ cwd: realCode, overrideConfigFile: true, overrideConfig: config, cache: false, stats });
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const results = await eslint.lintFiles(patterns);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  let engiumRuleMs = 0;
  const wallMs = seconds * 1000;
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      for (const [ruleId, { total }] of Object.entries(pass.rules ?? {})) if (ruleId.startsWith('@engium/')) engiumRuleMs += total;
    }
  }
  const unexpected = results.flatMap((result) => result.messages.filter((message) => message.ruleId?.startsWith('@engium/') || message.fatal));
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, files: results.length, engiumRuleMs, restMs: wallMs - engiumRuleMs, unexpected };
}

const rounds = Number(process.env.ENGIUM_BENCH_ROUNDS ?? 3);
await lint(parseOnly); // warm-up: module loading, the JIT and the file cache
const parse = [];
const engiumRuns = [];
for (let round = 0; round < rounds; round++) {
  // Alternate which run goes first, so neither always runs on a warmer (or busier) machine.
  if (round % 2 === 0) parse.push(await lint(parseOnly));
  engiumRuns.push(await lint(withEngium));
  if (round % 2 === 1) parse.push(await lint(parseOnly));
}
// One more run with ESLint's stats (its per-listener clock would tax only the plugin's timed runs).
const stats = await lint(withEngium, true);

const best = (runs, field) => Math.min(...runs.map((run) => run[field]));
const ratio = (field) => ((best(engiumRuns, field) - best(parse, field)) / best(parse, field)) * 100;
console.log(`real code: ${stats.files} files of seven public apps (${realCode}); best of ${rounds} runs each`);
console.log(`parse-only ESLint run:      ${best(parse, 'cpuSeconds').toFixed(2)} s CPU, ${best(parse, 'seconds').toFixed(2)} s wall`);
console.log(`+ @engium recommended:      ${best(engiumRuns, 'cpuSeconds').toFixed(2)} s CPU, ${best(engiumRuns, 'seconds').toFixed(2)} s wall`);
console.log(`overhead:                   ${ratio('cpuSeconds').toFixed(1)}% of the parse-only run in CPU time, ${ratio('seconds').toFixed(1)}% in wall time (target < 5%)`);
console.log(`plugin rules' own time:     ${stats.engiumRuleMs.toFixed(0)} ms = ${((stats.engiumRuleMs / stats.restMs) * 100).toFixed(1)}% of the rest of the same run (ESLint stats; the overhead on a parse-only run; target < 5%)`);
if (stats.unexpected.length > 0) {
  console.error(`unexpected: ${stats.unexpected.length} plugin reports or parse errors on code that never calls Engium`);
  process.exitCode = 1;
}
