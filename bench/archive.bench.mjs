#!/usr/bin/env node
// Archives (issue 17): a generated, seeded APK-like zip of about 50 MB (deflate, a few thousand
// entries: a minified index.android.bundle with one key, small JS and XML resources, images and a
// dex that do not compress) scanned by `engium-scan app-release.apk` next to `unzip -p … | rg -a -c`,
// the shell pipeline that decompresses every entry and greps it, measured in the same run.
// Target: engium-scan within 2x of that pipeline. hyperfine does the timing when installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { random } from './random.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cache = join(here, '.cache');
const folder = join(cache, 'archive');
const apk = join(folder, 'app-release.apk');
const scanner = join(here, '../packages/scanner/bin/engium-scan.js');
const RUNS = Number(process.env.BENCH_ARCHIVE_RUNS ?? 6);
const TARGET_RATIO = 2;
const KEY_PATTERN = 'eng_(live|test)_[A-Za-z0-9]{12,}';
const VERSION = '1';

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/** unzip, ripgrep and hyperfine from Debian when missing (needs root); the bench says what it could not get. */
function ensureTools(notes) {
  const missing = [['unzip', 'unzip'], ['rg', 'ripgrep'], ['hyperfine', 'hyperfine']].filter(([command]) => !has(command));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    notes.push(`missing ${missing.map(([, pkg]) => pkg).join(', ')} and not root: install with apt-get`);
    return;
  }
  console.log(`installing ${missing.map(([, pkg]) => pkg).join(', ')} with apt-get …`);
  spawnSync('sh', ['-c', `apt-get update -qq && apt-get install -y -qq ${missing.map(([, pkg]) => pkg).join(' ')}`], { stdio: 'inherit' });
}

const WORDS = ['render', 'props', 'state', 'useEffect', 'navigation', 'dispatch', 'payload', 'fetch', 'response', 'items', 'cart', 'product', 'price', 'user', 'session'];

function code(rand, bytes) {
  let text = '';
  while (text.length < bytes) {
    const word = WORDS[Math.floor(rand() * WORDS.length)];
    text += `__d(function(g,r,i,a,m,e,d){var ${word}${Math.floor(rand() * 1e4)}=r(d[${Math.floor(rand() * 50)}]);e.${word}=function(t){return t.${WORDS[Math.floor(rand() * WORDS.length)]}+${Math.floor(rand() * 1e6)}}},${Math.floor(rand() * 1e4)});`;
  }
  return text;
}

function noise(rand, bytes) {
  const out = Buffer.allocUnsafe(bytes + 3);
  for (let index = 0; index < bytes; index += 4) out.writeUInt32LE(Math.floor(rand() * 4294967296), index);
  return out.subarray(0, bytes);
}

/** The APK, built once and kept in bench/.cache/archive. */
function buildApk() {
  mkdirSync(folder, { recursive: true });
  if (!existsSync(join(cache, '.gitignore'))) writeFileSync(join(cache, '.gitignore'), '*\n');
  const marker = join(folder, 'version');
  if (existsSync(apk) && existsSync(marker) && readFileSync(marker, 'utf8') === VERSION) return;
  const rand = random(17);
  const key = ['eng', 'live', 'Tq4Hs8Kd2Wm6Zp9Lx3Vb7Nc'].join('_');
  const bundle = code(rand, 12 * 1024 * 1024);
  const files = {
    'AndroidManifest.xml': noise(rand, 4096),
    'classes.dex': noise(rand, 9 * 1024 * 1024),
    'resources.arsc': noise(rand, 2 * 1024 * 1024),
    'assets/index.android.bundle': Buffer.from(`${bundle.slice(0, bundle.length / 2)}var c={apiKey:"${key}"};${bundle.slice(bundle.length / 2)}\n`),
  };
  for (let index = 0; index < 2200; index++) files[`assets/modules/m${index}.js`] = Buffer.from(code(rand, 6000 + Math.floor(rand() * 6000)));
  for (let index = 0; index < 600; index++) files[`res/layout/l${index}.xml`] = Buffer.from(`<?xml version="1.0" encoding="utf-8"?>\n<LinearLayout android:id="@+id/v${index}">${code(rand, 3000)}</LinearLayout>\n`);
  // Images do not compress: stored as they are, as aapt does.
  for (let index = 0; index < 550; index++) files[`res/drawable/i${index}.png`] = [noise(rand, 40 * 1024 + Math.floor(rand() * 40 * 1024)), { level: 0 }];
  writeFileSync(apk, zipSync(files, { level: 6 }));
  writeFileSync(marker, VERSION);
}

const hasHyperfine = has('hyperfine');

/** Median wall seconds of each shell command, hyperfine when present. */
function measure(commands) {
  if (hasHyperfine) {
    const exportPath = join(cache, 'archive-hyperfine.json');
    const args = ['--warmup', '1', '--runs', String(RUNS), '--ignore-failure', '--export-json', exportPath, '--style', 'none'];
    for (const { name, command } of commands) args.push('--command-name', name, command);
    const result = spawnSync('hyperfine', args, { cwd: folder, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status === 0) return new Map(JSON.parse(readFileSync(exportPath, 'utf8')).results.map((entry) => [entry.command, entry.median]));
    console.log('hyperfine failed; timing with repeated runs instead');
  }
  const medians = new Map();
  for (const { name, command } of commands) {
    const times = [];
    for (let run = 0; run <= RUNS; run++) {
      const started = process.hrtime.bigint();
      spawnSync('sh', ['-c', command], { cwd: folder, stdio: 'ignore' });
      if (run > 0) times.push(Number(process.hrtime.bigint() - started) / 1e9);
    }
    times.sort((a, b) => a - b);
    medians.set(name, times[Math.floor(times.length / 2)]);
  }
  return medians;
}

if (!existsSync(join(here, '../packages/scanner/bundle/cli.js'))) {
  console.error('packages/scanner/bundle/cli.js is missing: run `npm run build` first');
  process.exit(1);
}
const notes = [];
ensureTools(notes);
console.log('generating the APK (seeded; kept in bench/.cache/archive) …');
buildApk();
const megabytes = statSync(apk).size / 1024 / 1024;

const node = JSON.stringify(process.execPath);
const commands = [{ name: 'engium-scan app-release.apk', command: `${node} ${JSON.stringify(scanner)} app-release.apk --quiet --fail-on none` }];
const check = spawnSync('sh', ['-c', `${commands[0].command} --format json`], { cwd: folder, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const report = JSON.parse(check.stdout);
const found = report.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column}`);
if (found.length !== 1 || !found[0].startsWith('app-release.apk!/assets/index.android.bundle:1:')) throw new Error(`engium-scan did not find the one key: ${found.join(', ') || 'nothing'}`);
if (has('unzip') && has('rg')) commands.push({ name: 'unzip -p | rg -a -c', command: `unzip -p app-release.apk | rg -a -c '${KEY_PATTERN}' || true` });
else notes.push('unzip or ripgrep missing: no pipeline to compare with');

console.log(`archive: ${megabytes.toFixed(0)} MB APK, ${report.stats.filesScanned} entries scanned (${(report.stats.bytesScanned / 1024 / 1024).toFixed(0)} MB decompressed); median of ${RUNS} runs (${hasHyperfine ? 'hyperfine' : 'own timer'})`);
const medians = measure(commands);
const pipeline = medians.get('unzip -p | rg -a -c');
for (const { name } of commands) {
  const seconds = medians.get(name);
  console.log(`  ${name.padEnd(32)} median ${seconds.toFixed(2).padStart(6)} s   ${(megabytes / seconds).toFixed(0).padStart(4)} MB/s${pipeline ? `   ${(seconds / pipeline).toFixed(2)}x the pipeline` : ''}`);
}
const ours = medians.get(commands[0].name);
if (pipeline) {
  const ratio = ours / pipeline;
  console.log(`target: engium-scan within ${TARGET_RATIO}x of unzip -p | rg: ${ratio.toFixed(2)}x ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}`);
}
for (const note of notes) console.log(`note: ${note}`);
