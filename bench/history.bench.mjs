#!/usr/bin/env node
// `engium-scan history --all` on a generated history of 20,000 commits (BENCH_HISTORY_COMMITS for
// another size), next to the floor for the same question, `git log -p --all -U0 | rg`, measured in
// the same run; a second, quarter-size history shows how both grow. Target (issue 20): within 1.5x
// of the pipeline. The history is written with `git fast-import` and kept in bench/.cache.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { random } from './random.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cache = join(here, '.cache');
// BENCH_HISTORY_SCANNER: another build's cli.js, to compare before and after a change.
const scanner = process.env.BENCH_HISTORY_SCANNER ?? join(here, '../packages/scanner/bin/engium-scan.js');
const COMMITS = Number(process.env.BENCH_HISTORY_COMMITS ?? 20_000);
const RUNS = Number(process.env.BENCH_HISTORY_RUNS ?? 4);
const TARGET_RATIO = 1.5;
const KEY_PATTERN = 'eng_(live|test)_[A-Za-z0-9]{12,}';
const VERSION = '2';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

function fakeKey(rand) {
  let body = '';
  for (let i = 0; i < 24; i++) body += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return `eng_live_${body}`;
}

/**
 * A repository of `commits` commits on two branches: each commit rewrites one or two of 400
 * source files (a few hundred lines each, so diffs have context to skip); one commit in 500 adds a
 * key and a later one removes it, as real leaks do.
 */
function generateHistory(commits) {
  const repo = join(cache, `history-${commits}`);
  const stamp = `${VERSION}:${commits}`;
  const marker = join(repo, '.git', 'bench-version');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) return repo;
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  spawnSync('git', ['-c', 'init.defaultBranch=main', 'init', '-q'], { cwd: repo });
  const rand = random(20261204);
  const files = Array.from({ length: 400 }, (_, index) => Array.from({ length: 120 }, (_, line) => `export const value_${index}_${line} = ${line * 7} + offset(${line}); // module ${index}`));
  const chunks = [];
  let planted = 0;
  // Each branch goes on from its own last commit (version 1 took the feature's commits seven
  // back, so most of main was left unreachable: 2,864 of 20,000 commits were read).
  const lastOf = new Map();
  for (let commit = 1; commit <= commits; commit++) {
    const branch = commit % 7 === 0 ? 'refs/heads/feature' : 'refs/heads/main';
    const changed = [Math.floor(rand() * files.length), Math.floor(rand() * files.length)];
    for (const index of changed) {
      const line = Math.floor(rand() * files[index].length);
      files[index][line] = commit % 500 === 0
        ? `const ENGIUM_KEY = "${fakeKey(rand)}"; // commit ${commit}`
        : `export const value_${index}_${line} = ${Math.floor(rand() * 1e6)}; // commit ${commit}`;
      if (commit % 500 === 0) planted++;
    }
    const message = `change ${commit}`;
    chunks.push(`commit ${branch}\nmark :${commit}\ncommitter Bench <bench@example.com> ${1_700_000_000 + commit} +0000\ndata ${message.length}\n${message}\n`);
    // The feature branch starts from main.
    const parent = lastOf.get(branch) ?? lastOf.get('refs/heads/main');
    if (parent !== undefined) chunks.push(`from :${parent}\n`);
    lastOf.set(branch, commit);
    for (const index of commit === 1 ? files.keys() : changed) {
      const content = `${files[index].join('\n')}\n`;
      chunks.push(`M 100644 inline src/module-${index}.ts\ndata ${Buffer.byteLength(content)}\n${content}`);
    }
    chunks.push('\n');
  }
  const result = spawnSync('git', ['fast-import', '--quiet'], { cwd: repo, input: chunks.join(''), maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`git fast-import: ${result.stderr}`);
  spawnSync('git', ['checkout', '-q', 'main'], { cwd: repo });
  spawnSync('git', ['gc', '-q', '--aggressive'], { cwd: repo });
  writeFileSync(marker, stamp);
  console.log(`generated ${commits} commits with ${planted} planted key lines in ${repo}`);
  return repo;
}

/** Wall seconds of one run of a shell command line. */
function timeOnce(command, cwd) {
  const started = performance.now();
  const result = spawnSync('sh', ['-c', command], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} failed: ${result.stderr}`);
  return (performance.now() - started) / 1000;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * The pipeline and engium-scan run by turns, after a warm-up of each, so that both see the same
 * load (the machine is shared): medians of each, and the median of the ratios of each pair.
 */
function measurePair(pipelineCommand, oursCommand, cwd) {
  timeOnce(pipelineCommand, cwd);
  timeOnce(oursCommand, cwd);
  const pipeline = [];
  const ours = [];
  for (let run = 0; run < RUNS; run++) {
    pipeline.push(timeOnce(pipelineCommand, cwd));
    ours.push(timeOnce(oursCommand, cwd));
  }
  return { pipeline: median(pipeline), ours: median(ours), ratio: median(ours.map((time, run) => time / pipeline[run])) };
}

if (!existsSync(process.env.BENCH_HISTORY_SCANNER ?? join(here, '../packages/scanner/bundle/cli.js'))) {
  console.error('packages/scanner/bundle/cli.js is missing: run `npm run build` first');
  process.exit(1);
}
if (!has('rg') && process.getuid?.() === 0) {
  spawnSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq ripgrep'], { stdio: 'inherit' });
}
if (!has('rg')) {
  console.error('history bench needs ripgrep (apt-get install ripgrep)');
  process.exit(1);
}

const rows = [];
for (const commits of [Math.round(COMMITS / 4), COMMITS]) {
  const repo = generateHistory(commits);
  const measured = measurePair(
    `git log -p --all -U0 | rg -c '${KEY_PATTERN}'`,
    `${process.execPath} ${scanner} history --all --format json --output /dev/null --fail-on none`,
    repo,
  );
  rows.push({ commits, ...measured });
}
console.log(`\nmedians of ${RUNS} runs by turns after a warm-up; ratio: the median of the runs' ratios\n`);
console.log(`${'commits'.padEnd(10)}${'git log -p | rg'.padStart(18)}${'engium-scan history'.padStart(22)}${'ratio'.padStart(8)}  target ${TARGET_RATIO}x`);
for (const { commits, pipeline, ours, ratio } of rows) {
  const verdict = ratio <= TARGET_RATIO ? 'met' : 'NOT met';
  console.log(`${String(commits).padEnd(10)}${`${pipeline.toFixed(2)} s`.padStart(18)}${`${ours.toFixed(2)} s`.padStart(22)}${`${ratio.toFixed(2)}x`.padStart(8)}  ${verdict}`);
}
const [small, large] = rows;
console.log(`\ntarget (issue 20): within ${TARGET_RATIO}x of the pipeline at ${large.commits} commits: ${large.ratio.toFixed(2)}x ${large.ratio <= TARGET_RATIO ? 'met' : 'NOT met'}`);
console.log(`growth: 4x the commits took ${(large.ours / small.ours).toFixed(2)}x the time (pipeline ${(large.pipeline / small.pipeline).toFixed(2)}x)`);
