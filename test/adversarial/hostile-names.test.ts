// Hostile file names, in the working tree and in git history: newlines, `%`, `::`, `,`, `:`,
// quotes, ANSI escapes and leading dashes. They must come out as data: exact in JSON, without
// control characters in the text report, inside one annotation (never a workflow command of their
// own) in the action, and never read as an option by git.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '@engium/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commitFiles, expectNoFullKey, fakeKey, git, gitRepo, runScanner } from '../support/index.js';
import { startGitHubServer, type GitHubServer } from '../action/github-server.js';
import { pullRequestPayload, runAction, type ActionRun } from '../action/run-action.js';
import { GITHUB_ANNOTATIONS_PER_KIND } from '../../packages/action/src/annotations.js';
import { escapeText } from '../../packages/scanner/src/report/escape.js';
import { scanBounded } from './support.js';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const NAMES = [
  'src/new\nline.ts',
  'src/100%0A%25.ts',
  'src/::error file=x::pwned.ts',
  'src/a,b=c:d.ts',
  'src/"quoted" \'too\'.ts',
  'src/\u001b[31mred\u001b[0m\u001b]0;title\u0007.ts',
  '--output=pwned.ts',
  '-rf.ts',
  'src/--all.ts',
  'src/tab\there.ts',
  'src/\r.ts',
];
const KEYS = NAMES.map((_, i) => fakeKey('live', 880 + i));
const FILES = Object.fromEntries(NAMES.map((name, i) => [name, `export const k = '${KEYS[i]}';\n`]));
const HEAD_KEY = fakeKey('live', 899);

let repo: string;
let base: string;
beforeAll(() => {
  repo = gitRepo('engium-adv-names-');
  base = commitFiles(repo, { 'README.md': '# app\n', 'package.json': '{ "name": "app", "private": true }\n' }, 'initial');
  git(repo, 'checkout', '-q', '-b', 'feature');
  commitFiles(repo, FILES, 'hostile names');
  // One more commit whose message and author are hostile too.
  git(repo, 'commit', '-q', '--allow-empty', '--no-verify', '-m', '::error::from a commit message\n\u001b[2J', `--author=\u001b[31mMallory\u001b[0m <m@example.com>`);
});

const sorted = (values: string[]) => [...values].sort();

describe('hostile file names in engium-scan', () => {
  it('keeps every name exact in JSON, working tree and history', () => {
    const tree = scanBounded([repo, '--no-graph'], KEYS).report;
    expect(sorted(tree.findings.map((finding) => finding.file))).toEqual(sorted(NAMES));
    for (const finding of tree.findings) expect(finding.secret.redacted).toBe(redact(KEYS[NAMES.indexOf(finding.file)] ?? ''));
    const history = scanBounded(['history', repo, '--range', `${base}..HEAD`], KEYS).report;
    expect(sorted(history.findings.map((finding) => finding.file))).toEqual(sorted(NAMES));
  });

  it('writes no terminal escape in the text report (tree and history), and creates no file from a name', () => {
    for (const args of [[repo, '--no-graph'], ['history', repo, '--range', `${base}..HEAD`]]) {
      const result = runScanner(args, { env: { FORCE_COLOR: '0' } });
      expectNoFullKey(result.stdout + result.stderr, KEYS);
      // eslint-disable-next-line no-control-regex -- the point: no escape or other control byte from a name
      expect(result.stdout.replace(/\n/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(result.status).toBe(1);
    }
    // `--output=pwned.ts` and `-rf.ts` were read as names, never as options of ours or of git.
    expect(existsSync(join(repo, 'pwned.ts'))).toBe(false);
  });

  it('reads staged files with hostile names as names', () => {
    const staged = { '--staged-name.ts': `export const k = '${HEAD_KEY}';\n` };
    for (const [name, content] of Object.entries(staged)) {
      writeFileSync(join(repo, name), content);
      git(repo, 'add', '--', name);
    }
    const { report } = scanBounded(['staged', repo], [...KEYS, HEAD_KEY]);
    expect(report.findings.map((finding) => finding.file)).toEqual(['--staged-name.ts']);
    git(repo, 'rm', '-q', '--cached', '--', '--staged-name.ts');
  });
});

describe('hostile file names in the action', () => {
  let server: GitHubServer;
  let run: ActionRun;
  beforeAll(async () => {
    server = await startGitHubServer();
    const head = git(repo, 'rev-parse', 'HEAD');
    run = await runAction({
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: 9, base, head, repository: 'acme/app' }),
      workspace: repo,
      apiUrl: server.url,
      inputs: { eslint: 'false' },
    });
  });
  afterAll(() => server.close());

  it('puts each name inside one annotation, or escaped in the log past what GitHub shows: no injected workflow command, no raw newline', () => {
    const annotations = run.commands.filter((command) => command.properties.file !== undefined);
    const annotated = NAMES.filter((name) => annotations.some((annotation) => annotation.properties.file === name));
    // GitHub shows 10 error annotations a step (one is the step's failure): the rest are logged, escaped.
    expect(annotated.length).toBe(GITHUB_ANNOTATIONS_PER_KIND - 1);
    for (const name of NAMES.filter((candidate) => !annotated.includes(candidate))) expect(run.stdout, JSON.stringify(name)).toContain(`error ${escapeText(name)}:`);
    // Only commands the action means to send: nothing a name or a commit message could start.
    const names = new Set(run.commands.map((command) => command.command));
    for (const name of names) expect(['add-mask', 'error', 'warning', 'notice', 'debug', 'group', 'endgroup', 'set-output']).toContain(name);
    expect(run.stdout).not.toMatch(/^::error file=x::pwned/m);
    expect(run.stdout).not.toMatch(/^::error::from a commit message/m);
    // Every stdout line is a command of ours or plain text: a name's newline never starts a line.
    for (const line of run.stdout.split('\n')) if (line.startsWith('::')) expect(line).toMatch(/^::(add-mask|error|warning|notice|debug|group|endgroup)( [^:]*)?::/);
    expectNoFullKey(run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n') + run.stderr + run.summary, KEYS);
    expect(run.status).toBe(1);
  });
});
