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
const scanner = join(here, '../packages/scanner/dist/cli.js');
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

/** hyperfine's median wall time of a shell command line. */
function median(command, cwd) {
  const exportPath = join(cache, 'history-hyperfine.json');
  const result = spawnSync('hyperfine', ['--warmup', '1', '--runs', String(RUNS), '--ignore-failure', '--export-json', exportPath, command], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  return JSON.parse(readFileSync(exportPath, 'utf8')).results[0]?.median;
}

if (!existsSync(scanner)) {
  console.error('packages/scanner/dist/cli.js is missing: run `npm run build` first');
  process.exit(1);
}
const missing = [['rg', 'ripgrep'], ['hyperfine', 'hyperfine']].filter(([command]) => !has(command));
if (missing.length > 0 && process.getuid?.() === 0) {
  spawnSync('sh', ['-c', `apt-get update -qq && apt-get install -y -qq ${missing.map(([, pkg]) => pkg).join(' ')}`], { stdio: 'inherit' });
}
if (!has('rg') || !has('hyperfine')) {
  console.error('history bench needs ripgrep and hyperfine (apt-get install ripgrep hyperfine)');
  process.exit(1);
}

const rows = [];
for (const commits of [Math.round(COMMITS / 4), COMMITS]) {
  const repo = generateHistory(commits);
  const pipeline = median(`git log -p --all -U0 | rg -c '${KEY_PATTERN}'`, repo);
  const ours = median(`${process.execPath} ${scanner} history --all --format json --output /dev/null --fail-on none`, repo);
  rows.push({ commits, pipeline, ours });
}
console.log(`\nmedian of ${RUNS} runs after a warm-up (hyperfine)\n`);
console.log(`${'commits'.padEnd(10)}${'git log -p | rg'.padStart(18)}${'engium-scan history'.padStart(22)}${'ratio'.padStart(8)}`);
for (const { commits, pipeline, ours } of rows) {
  const ratio = pipeline && ours ? `${(ours / pipeline).toFixed(2)}x` : 'n/a';
  console.log(`${String(commits).padEnd(10)}${`${pipeline?.toFixed(2)} s`.padStart(18)}${`${ours?.toFixed(2)} s`.padStart(22)}${ratio.padStart(8)}`);
}
const [small, large] = rows;
if (large.pipeline && large.ours) {
  const ratio = large.ours / large.pipeline;
  console.log(`\ntarget: history within ${TARGET_RATIO}x of the pipeline at ${large.commits} commits: ${ratio.toFixed(2)}x ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}`);
  if (small.ours) console.log(`growth: 4x the commits took ${(large.ours / small.ours).toFixed(2)}x the time (pipeline ${(large.pipeline / small.pipeline).toFixed(2)}x)`);
}
