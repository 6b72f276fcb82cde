// Measures one matrix job's scan (engium-scan's directory audit + history, through the org-audit
// bundle's `scan` command, as the workflow runs it) on generated git repositories of three sizes,
// for the runner-minute estimates in ../README.md. Deterministic (seeded); about a minute here.
//
//   npx tsc -b && node packages/org-audit/bench/measure-scan.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const bundle = join(root, 'packages/org-audit/dist/index.js');
const cli = join(root, 'packages/scanner/dist/cli.js');

const SIZES = [
  { name: 'small', files: 150, commits: 200, filesPerCommit: 3 },
  { name: 'medium', files: 800, commits: 1500, filesPerCommit: 4 },
  { name: 'large', files: 3000, commits: 5000, filesPerCommit: 5 },
];

function random(seed) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function key(next) {
  let body = '';
  for (let i = 0; i < 24; i++) body += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return `eng_live_${body}`;
}

function source(next, index, withKey) {
  const lines = [`// module ${index}`, `import { helper${index % 17} } from './helpers';`, ''];
  const functions = 20 + Math.floor(next() * 40);
  for (let f = 0; f < functions; f++) lines.push(`export function f${index}_${f}(input: number): number {`, `  return helper${index % 17}(input * ${Math.floor(next() * 1000)}) + ${f};`, '}', '');
  if (withKey) lines.push(`export const ENGIUM_KEY = "${key(next)}";`);
  return `${lines.join('\n')}\n`;
}

/** A repository written with git fast-import: `commits` commits touching `filesPerCommit` files each, a few keys among them. */
function generate(dir, { files, commits, filesPerCommit }, seed) {
  const next = random(seed);
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const chunks = [];
  const blob = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  for (let c = 0; c < commits; c++) {
    const message = `change ${c}`;
    chunks.push(`commit refs/heads/main\nmark :${c + 1}\ncommitter Ada <ada@example.com> ${1_600_000_000 + c * 3600} +0000\n${blob(message)}`);
    if (c > 0) chunks.push(`from :${c}\n`);
    const touched = c === 0 ? Array.from({ length: files }, (_, i) => i) : Array.from({ length: filesPerCommit }, () => Math.floor(next() * files));
    for (const index of touched) chunks.push(`M 100644 inline src/module-${index}.ts\n${blob(source(next, index, next() < 0.002))}`);
    chunks.push('\n');
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: chunks.join(''), maxBuffer: 1 << 30 });
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: dir });
}

function scan(dir, since) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [bundle], {
    env: { PATH: process.env.PATH, INPUT_COMMAND: 'scan', INPUT_REPOSITORY: 'acme/bench', INPUT_DIRECTORY: dir, 'INPUT_ENGIUM-SCAN': `${process.execPath} ${cli}`, 'INPUT_OUTPUT-DIRECTORY': join(dir, '..', 'out'), INPUT_SINCE: since ?? '' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stdout + run.stderr);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const scratch = mkdtempSync(join(tmpdir(), 'engium-org-bench-'));
try {
  console.log('size    files  commits  repo MB  full scan s  incremental (20 new commits) s');
  for (const [index, size] of SIZES.entries()) {
    const dir = join(scratch, size.name, 'repo');
    generate(dir, size, index + 1);
    const mb = Number(execFileSync('du', ['-sm', join(dir, '.git')], { encoding: 'utf8' }).split('\t')[0]);
    const base = execFileSync('git', ['rev-list', '-n', '1', 'HEAD~20'], { cwd: dir, encoding: 'utf8' }).trim();
    const full = Math.min(scan(dir), scan(dir));
    const incremental = Math.min(scan(dir, base), scan(dir, base));
    console.log(`${size.name.padEnd(7)} ${String(size.files).padStart(5)}  ${String(size.commits).padStart(7)}  ${String(mb).padStart(7)}  ${full.toFixed(2).padStart(11)}  ${incremental.toFixed(2).padStart(10)}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
