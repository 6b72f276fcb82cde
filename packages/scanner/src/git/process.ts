// Running git: one place that knows how to spawn it, pin the output formats we parse, and turn
// its failures into messages a person can act on.
import { spawn } from 'node:child_process';
import { isAbsolute, resolve } from 'node:path';

export class GitError extends Error {
  override name = 'GitError';
}

/**
 * Settings that make git's output parseable whatever the user's config says: quoted paths are
 * pure ASCII, no colour, no pager, plain `a/` `b/` prefixes, empty context lines keep their space.
 */
const PINNED_CONFIG = [
  'core.quotePath=true',
  'color.ui=false',
  'diff.noprefix=false',
  'diff.mnemonicPrefix=false',
  'diff.suppressBlankEmpty=false',
  'log.showSignature=false',
].flatMap((setting) => ['-c', setting]);

/**
 * The environment for git. Inside a pre-commit hook git sets GIT_INDEX_FILE (a temporary index
 * for `git commit -a` or `git commit <path>`), which is exactly what is about to be committed, so
 * it is kept; a relative one is made absolute because we run git with `-C dir`.
 */
function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
  const index = env.GIT_INDEX_FILE;
  if (index && !isAbsolute(index)) env.GIT_INDEX_FILE = resolve(index);
  const gitDir = env.GIT_DIR;
  if (gitDir && !isAbsolute(gitDir)) env.GIT_DIR = resolve(gitDir);
  return env;
}

function describeFailure(args: readonly string[], stderr: string, code: number | null): string {
  const detail = stderr.trim().split('\n').filter(Boolean).slice(-3).join('; ');
  if (/not a git repository/i.test(detail)) return `not a git repository (git said: ${detail})`;
  return `git ${args.join(' ')} failed${code === null ? '' : ` (exit ${code})`}${detail ? `: ${detail}` : ''}`;
}

/** Spawns git in `cwd`; stdout is a stream the caller reads, stderr is kept for the error message. */
export function spawnGit(cwd: string, args: readonly string[]) {
  const child = spawn('git', ['-C', cwd, ...PINNED_CONFIG, ...args], {
    env: gitEnvironment(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 16_384) stderr += chunk;
  });
  const finished = new Promise<void>((resolvePromise, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(new GitError(error.code === 'ENOENT' ? 'git is not installed or not on PATH' : `could not run git: ${error.message}`)),
    );
    child.on('close', (code) => {
      if (code === 0) resolvePromise();
      else reject(new GitError(describeFailure(args, stderr, code)));
    });
  });
  // Callers await `finished` after reading stdout; until then a failure must not count as unhandled.
  finished.catch(() => undefined);
  // Reading stops early when a caller has what it needs; a closed pipe is not an error then.
  child.stdin.on('error', () => {});
  return { child, finished };
}

/** Runs git to completion and returns its stdout as bytes; `input` is written to its stdin. */
export async function runGit(cwd: string, args: readonly string[], input?: string | Buffer): Promise<Buffer> {
  const { child, finished } = spawnGit(cwd, args);
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stdin.end(input);
  await finished;
  return Buffer.concat(chunks);
}

/** Like runGit, but answers undefined instead of throwing, for yes/no questions. */
export async function tryGit(cwd: string, args: readonly string[]): Promise<Buffer | undefined> {
  try {
    return await runGit(cwd, args);
  } catch (error) {
    if (error instanceof GitError && /not installed|could not run/.test(error.message)) throw error;
    return undefined;
  }
}
