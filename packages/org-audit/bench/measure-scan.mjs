// Measures one matrix job's work as org-audit-batch.yml runs it (the Engium Guard action's bundle in
// audit mode: the tree at HEAD and the history, then the org-audit bundle's `collect` step) on
// generated git repositories of three sizes, for the runner-minute estimates in ../README.md.
// Deterministic (seeded); a minute or two here.
//
//   npm run bundle && node packages/org-audit/bench/measure-scan.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { random } from '../../../bench/random.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const actionBundle = join(root, 'packages/action/dist/index.js');
const orgAuditBundle = join(root, 'packages/org-audit/dist/index.js');

const SIZES = [
  { name: 'small', files: 150, commits: 200, filesPerCommit: 3 },
  { name: 'medium', files: 800, commits: 1500, filesPerCommit: 4 },
  { name: 'large', files: 3000, commits: 5000, filesPerCommit: 5 },
];

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

/** Runs a bundle as the runner does (inputs as INPUT_*), and returns its outputs. */
function runStep(bundle, scratch, inputs, env = {}) {
  const outputFile = join(scratch, 'output');
  writeFileSync(outputFile, '');
  const run = spawnSync(process.execPath, [bundle], {
    env: { PATH: process.env.PATH, HOME: scratch, RUNNER_TEMP: scratch, GITHUB_OUTPUT: outputFile, ...env, ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(run.stdout + run.stderr);
  // `name<<delimiter` blocks, as @actions/core writes them.
  const outputs = {};
  for (const [, name, , value] of readFileSync(outputFile, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[name] = value;
  return outputs;
}

/** One matrix job: the action in audit mode on the checkout, then collect; wall time in seconds. */
function scan(dir, since) {
  const scratch = mkdtempSync(join(tmpdir(), 'engium-org-bench-job-'));
  const event = join(scratch, 'event.json');
  writeFileSync(event, '{}');
  try {
    const started = process.hrtime.bigint();
    const guard = runStep(
      actionBundle,
      scratch,
      { mode: 'audit', since: since ?? '', history: 'true', eslint: 'false', annotations: 'false', comment: 'false', issues: 'false', 'fail-on': 'none', 'json-file': join(scratch, 'engium-guard.json') },
      { GITHUB_WORKSPACE: dir, GITHUB_EVENT_NAME: 'schedule', GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: 'acme/security' },
    );
    runStep(orgAuditBundle, scratch, {
      command: 'collect',
      repository: 'acme/bench',
      ref: 'main',
      'report-file': guard['json-file'],
      commit: guard.commit,
      since: guard['history-since'],
      'output-directory': join(scratch, 'engium-report'),
    });
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
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
