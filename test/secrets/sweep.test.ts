// Secrets stay secret: one sweep collects every output the project can produce for repositories
// full of keys (plain, encoded, in .env files, in bundles and their maps, in history, in file names
// and in arguments) and asserts that no full key appears in any of them. Outputs: engium-scan text
// (with and without colour), JSON, SARIF, baseline files, history and staged reports, error
// messages, merge; ESLint's formatters; the action's stdout (annotations, debug log), stderr, job
// summary, outputs, SARIF, pull-request comment, rotation issues and webhook payloads. DEBUG,
// ACTIONS_STEP_DEBUG and RUNNER_DEBUG are on everywhere.
//
// The one place a key is written whole on purpose is the action's `::add-mask::` line, which the
// runner consumes and never shows; the sweep leaves those lines out and checks they are the only ones.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT, SCANNER_CLI, commitFiles, fakeKey, git, gitRepo, tempDir, writeFiles } from '../support/index.js';
import { startGitHubServer, type GitHubServer } from '../action/github-server.js';
import { pullRequestPayload, runAction, type ActionRun } from '../action/run-action.js';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const live = (seed: number) => fakeKey('live', seed);
const PLAIN = live(901);
const BASE64 = live(902);
const ESCAPED = live(903);
const PERCENT = live(904);
const ENTITY = live(905);
const PUBLIC_ENV = live(906);
const BUNDLED = live(907);
const MAP_ONLY = live(908);
const REMOVED = live(909);
const STAGED = live(910);
const IN_NAME = live(911);
const IN_CONFIG = live(912);
const IN_ARGUMENT = live(913);
const CONCATENATED = live(914);
const TEST_KEY = fakeKey('test', 915);
const LINT_KEY = live(916);
const ALL = [PLAIN, BASE64, ESCAPED, PERCENT, ENTITY, PUBLIC_ENV, BUNDLED, MAP_ONLY, REMOVED, STAGED, IN_NAME, IN_CONFIG, IN_ARGUMENT, CONCATENATED, TEST_KEY, LINT_KEY];

const DEBUG_ENV = { DEBUG: '*', ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1', NODE_DEBUG: '' };

/** Every output collected, by where it came from, so a failure names the output that leaked. */
const outputs = new Map<string, string>();
function collect(name: string, text: string | undefined): void {
  outputs.set(name, (outputs.get(name) ?? '') + (text ?? ''));
}

function percent(text: string): string {
  return [...text].map((char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
}
function escaped(text: string): string {
  return [...text].map((char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
}
function entities(text: string): string {
  return [...text].map((char) => `&#${char.charCodeAt(0)};`).join('');
}

/** A repository with keys in every place the tools look, and a history that removed one. */
function leakyRepo(): string {
  const repo = gitRepo('engium-sweep-');
  commitFiles(repo, {
    'package.json': '{ "name": "leaky", "private": true, "dependencies": { "next": "14.0.0" } }\n',
    'src/config.ts': `export const key = '${REMOVED}';\n`,
  }, 'first');
  commitFiles(repo, { 'src/config.ts': 'export const key = process.env.ENGIUM_API_KEY;\n' }, 'remove key');
  const map = { version: 3, sources: ['../src/widget.ts'], sourcesContent: [`export const k = "${MAP_ONLY}";\n`], names: [], mappings: 'AAAA,OAAO' };
  commitFiles(repo, {
    'app/page.tsx': `'use client';\nimport { key } from '../src/keys';\nexport default function Page() { return <p>{key}</p>; }\n`,
    'src/keys.ts': [
      `export const key = '${PLAIN}';`,
      `export const encoded = '${Buffer.from(BASE64).toString('base64')}';`,
      `export const escaped = '${escaped(ESCAPED)}';`,
      `export const url = 'https://example.com/?k=${percent(PERCENT)}';`,
      `export const assembled = 'eng_' + 'live_' + '${CONCATENATED.slice('eng_live_'.length)}';`,
      `export const sandbox = '${TEST_KEY}';`,
      '',
    ].join('\n'),
    'docs/index.html': `<code>${entities(ENTITY)}</code>\n`,
    '.env': `NEXT_PUBLIC_ENGIUM_KEY=${PUBLIC_ENV}\n`,
    'dist/widget.js': `var k="${BUNDLED}";\n//# sourceMappingURL=widget.js.map\n`,
    'dist/widget.js.map': JSON.stringify(map),
    [`notes/${IN_NAME}.txt`]: 'a file whose name is a key\n',
    'src/api.ts': `export const call = () => fetch('https://api.engium.app/api/v1/bookings', { headers: { Authorization: 'Bearer ${LINT_KEY}' } });\n`,
  }, 'feature');
  return repo;
}

function scanner(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SCANNER_CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...DEBUG_ENV, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Every regular file under `dir` (not .git, not node_modules), as text. */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === '.git' || entry === 'node_modules') continue;
    const path = join(dir, entry);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) found.push(...filesUnder(path));
    else if (stat?.isFile()) found.push(path);
  }
  return found;
}

let repo: string;
let server: GitHubServer;
const actionRuns: ActionRun[] = [];

beforeAll(async () => {
  repo = leakyRepo();
  const scratch = tempDir('engium-sweep-out-');
  const base = git(repo, 'rev-list', '--max-parents=0', 'HEAD');

  // engium-scan: every format, to stdout and to files, with and without colour, graph on and off.
  for (const format of ['text', 'json', 'sarif']) {
    collect(`scan ${format}`, Object.values(scanner([repo, '--format', format], repo)).join('\n'));
    collect(`scan ${format} --no-graph`, Object.values(scanner([repo, '--format', format, '--no-graph'], repo)).join('\n'));
    const file = join(scratch, `report.${format}`);
    collect(`scan ${format} -o`, Object.values(scanner([repo, '--format', format, '-o', file], repo)).join('\n') + readFileSync(file, 'utf8'));
    collect(`history ${format}`, Object.values(scanner(['history', repo, '--all', '--format', format], repo)).join('\n'));
    collect(`history range ${format}`, Object.values(scanner(['history', repo, '--range', `${base}..HEAD`, '--format', format], repo)).join('\n'));
  }
  collect('scan text, colour', Object.values(scanner([repo], repo, { FORCE_COLOR: '1', NO_COLOR: '' })).join('\n'));
  const baseline = join(scratch, 'baseline.json');
  collect('baseline', Object.values(scanner(['baseline', repo, '-o', baseline], repo)).join('\n') + readFileSync(baseline, 'utf8'));
  collect('merge', Object.values(scanner(['merge', join(scratch, 'report.json'), '--format', 'sarif'], repo)).join('\n'));

  // Staged: a key about to be committed.
  writeFiles(repo, { 'src/staged.ts': `export const k = '${STAGED}';\n` });
  git(repo, 'add', 'src/staged.ts');
  for (const format of ['text', 'json', 'sarif']) collect(`staged ${format}`, Object.values(scanner(['staged', repo, '--format', format], repo)).join('\n'));
  git(repo, 'rm', '-q', '--cached', 'src/staged.ts');

  // Error messages: a key in an invalid config, in a bad argument, in a ref that does not exist.
  const badConfig = join(scratch, 'engium.config.json');
  writeFileSync(badConfig, JSON.stringify({ exclude: IN_CONFIG, allowlist: [{ fingerprint: IN_CONFIG }], [IN_CONFIG]: true }));
  collect('error: invalid config', Object.values(scanner([repo, '-c', badConfig], repo)).join('\n'));
  writeFileSync(join(scratch, 'broken.json'), `{ "exclude": ["${IN_CONFIG}" `);
  collect('error: unparsable config', Object.values(scanner([repo, '-c', join(scratch, 'broken.json')], repo)).join('\n'));
  collect('error: bad ref', Object.values(scanner(['history', repo, '--range', `${IN_ARGUMENT}..HEAD`], repo)).join('\n'));
  collect('error: bad since', Object.values(scanner(['history', repo, '--since', IN_ARGUMENT], repo)).join('\n'));
  collect('error: bad option value', Object.values(scanner([repo, '--fail-on', IN_ARGUMENT], repo)).join('\n'));
  collect('error: missing dir', Object.values(scanner([join(repo, IN_ARGUMENT)], repo)).join('\n'));
  collect('error: unknown option', Object.values(scanner([repo, `--${IN_ARGUMENT}`], repo)).join('\n'));

  // ESLint with the plugin's recommended config, every built-in formatter that prints messages.
  const project = tempDir('engium-sweep-eslint-');
  cpSync(join(REPO_ROOT, 'test/eslint-plugin/fixtures/project'), project, { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
  writeFiles(project, { 'src/leak.ts': readFileSync(join(repo, 'src/keys.ts'), 'utf8') + readFileSync(join(repo, 'src/api.ts'), 'utf8') });
  for (const format of ['stylish', 'json']) {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/eslint/bin/eslint.js'), '--format', format, 'src/leak.ts'], { cwd: project, encoding: 'utf8', env: { ...process.env, ...DEBUG_ENV, DEBUG: '' } });
    // The JSON formatter repeats each file's source by design: only the messages are ours.
    const text = format === 'json' ? JSON.stringify((JSON.parse(result.stdout) as { messages: unknown[] }[]).map((file) => file.messages)) : result.stdout;
    collect(`eslint ${format}`, text + result.stderr);
  }

  // The action: a pull request (comment, webhook) and a push to the default branch (issues), debug on.
  server = await startGitHubServer();
  const head = git(repo, 'rev-parse', 'HEAD');
  const pullRequest = pullRequestPayload({ number: 5, base, head, repository: 'acme/leaky' });
  const push = { ref: 'refs/heads/main', before: base, after: head, repository: { default_branch: 'main', full_name: 'acme/leaky' }, commits: [] };
  for (const [eventName, payload] of [['pull_request', pullRequest], ['push', push]] as const) {
    const run = await runAction({ eventName, payload, workspace: repo, apiUrl: server.url, repository: 'acme/leaky', inputs: { 'webhook-url': server.webhookUrl }, env: DEBUG_ENV });
    actionRuns.push(run);
    const shown = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');
    collect(`action ${eventName} stdout`, shown);
    collect(`action ${eventName} stderr`, run.stderr);
    collect(`action ${eventName} summary`, run.summary);
    collect(`action ${eventName} outputs`, JSON.stringify(run.outputs));
    collect(`action ${eventName} sarif`, run.sarif);
    collect(`action ${eventName} json`, run.json);
  }
  collect('GitHub API and webhook requests', server.allRequestText());
  collect('comments', JSON.stringify(server.comments));
  collect('issues', JSON.stringify(server.issues));
  collect('webhooks', JSON.stringify(server.webhooks));
  // Whatever the tools left in the repository or scratch folders.
  for (const file of filesUnder(scratch).filter((path) => !/(engium\.config|broken)\.json$/.test(path))) collect(`file ${file}`, readFileSync(file, 'utf8'));
  for (const [name, text] of outputs) if (process.env.SWEEP_DUMP) writeFileSync(join(process.env.SWEEP_DUMP, name.replace(/\W+/g, '_')), text);
});

afterAll(() => server?.close());

describe('no output holds a full key', () => {
  it('collects every output, and each says something', () => {
    expect(outputs.size).toBeGreaterThan(30);
    // A sweep over empty outputs proves nothing: the reports name the keys, redacted.
    expect(outputs.get('scan json')).toContain('eng_live_…');
    expect(outputs.get('action pull_request summary')).toContain('eng\\_live\\_…');
    expect(outputs.get('comments')).toContain('eng');
    expect(outputs.get('issues')).toContain('eng');
    expect(outputs.get('webhooks')).toContain('fingerprint');
    expect(outputs.get('error: invalid config')).toMatch(/engium-scan:/);
    expect(outputs.get('action push stderr')).toMatch(/ eslint:linter /);
  });

  it('finds no full key, in any encoding the keys were written in, anywhere', () => {
    const leaks: string[] = [];
    for (const [name, text] of outputs) {
      // ESLint's own debug log (DEBUG=eslint:*, on the action's stderr) traces the source it lints,
      // literals included: it quotes a file's encoded text (a base64 string, one piece of a
      // concatenation) as the file holds it, never a key a tool decoded or assembled. There, and
      // everywhere else, no plain key; everywhere else, no encoded form either.
      const ours = /^action .* stderr$/.test(name) ? '' : text;
      for (const key of ALL) {
        if (text.includes(key)) leaks.push(`${name}: key …${key.slice(-4)}`);
        for (const form of [Buffer.from(key).toString('base64'), percent(key), escaped(key), entities(key), key.slice('eng_live_'.length)]) {
          if (ours.includes(form)) leaks.push(`${name}: an encoded form of key …${key.slice(-4)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('writes a key whole only in the action\'s ::add-mask:: lines, each before any other line', () => {
    for (const run of actionRuns) {
      const lines = run.stdout.split('\n');
      for (const [index, line] of lines.entries()) {
        if (line.startsWith('::add-mask::')) expect(lines.slice(0, index).every((earlier) => earlier.startsWith('::add-mask::') || !ALL.some((key) => line.endsWith(key) && earlier.includes(key.slice(-4))))).toBe(true);
      }
    }
  });
});
