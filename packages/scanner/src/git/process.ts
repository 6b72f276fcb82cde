// Running git: one place that knows how to spawn it, pin the output formats we parse, and turn
// its failures into messages a person can act on.
import { spawn } from 'node:child_process';
import { getPriority, setPriority } from 'node:os';
import { isAbsolute, resolve } from 'node:path';

export class GitError extends Error {
  override name = 'GitError';

  constructor(
    message: string,
    /** git's own last words on stderr, when it failed (`fatal: unable to read 3fcbba…`). */
    readonly detail = '',
    /** git's exit code, when it ran and failed. */
    readonly exitCode: number | null = null,
  ) {
    super(message);
  }
}

/**
 * Settings that make git's output parseable whatever the user's config says: quoted paths are
 * pure ASCII (every byte of a name that is not, UTF-8 or not, comes as an octal escape, so names
 * are read byte for byte), no colour, no pager, plain `a/` `b/` prefixes, empty context lines keep
 * their space, diff paths from the repository root whichever folder git runs in, the root
 * commit's diff shown (a `log.showRoot=false` would hide every key a repository started with), and
 * commit headers in UTF-8 (an `i18n.logOutputEncoding=UTF-16` put NULs in every commit line, and
 * the log read as no commit at all: no key found).
 */
const FORMAT_CONFIG = [
  'core.quotePath=true',
  'i18n.logOutputEncoding=UTF-8',
  'color.ui=false',
  'diff.noprefix=false',
  'diff.mnemonicPrefix=false',
  'diff.suppressBlankEmpty=false',
  'diff.relative=false',
  'log.showRoot=true',
  'log.showSignature=false',
];

/**
 * Settings that keep the scanned repository's own config and files from running anything or
 * hiding content: its `core.fsmonitor` (a command git runs when it reads the index), its hooks
 * (`reference-transaction` on a fetch, `pre-auto-gc`), automatic gc and maintenance, and the global
 * attributes file. The repository's `.gitattributes` can still say `binary`, `-diff` or name a
 * textconv driver: the diff commands override that with `--text` and `--no-textconv` (see
 * TEXT_DIFF_OPTIONS).
 */
const SAFETY_CONFIG = ['core.fsmonitor=false', 'core.untrackedCache=false', 'core.attributesFile=/dev/null', 'gc.auto=0', 'maintenance.auto=false'];
const NO_HOOKS = 'core.hooksPath=/dev/null';

/**
 * Diff options for every patch we read: all content as text whatever `.gitattributes` says (our
 * own binary test runs on the added lines), no textconv or external diff driver.
 */
export const TEXT_DIFF_OPTIONS = ['--text', '--no-textconv', '--no-ext-diff'] as const;

/**
 * The `-c` options for `args`. Only the questions `engium-scan init` asks about where hooks live
 * (`config --get core.hooksPath`, `rev-parse --git-path hooks/…`) see the repository's own hooks
 * path; they run none.
 */
function configFor(args: readonly string[]): string[] {
  const asksAboutHooks = args[0] === 'config' || (args[0] === 'rev-parse' && args.includes('--git-path'));
  return [...FORMAT_CONFIG, ...SAFETY_CONFIG, ...(asksAboutHooks ? [] : [NO_HOOKS])].flatMap((setting) => ['-c', setting]);
}

/**
 * The environment for git. Inside a pre-commit hook git sets GIT_INDEX_FILE (a temporary index
 * for `git commit -a` or `git commit <path>`), which is exactly what is about to be committed, so
 * it is kept; a relative one is made absolute because we run git with `-C dir`.
 */
function gitEnvironment(): NodeJS.ProcessEnv {
  // GIT_ATTR_NOSYSTEM: no system-wide attributes either; GIT_NO_REPLACE_OBJECTS: the scanned
  // repository's `refs/replace` cannot swap the content we read for another. GIT_FLUSH=0: we read
  // every output to its end, so `git log` need not flush after each commit, which costs it a write
  // and Node a wake-up per commit (three times the reads on a long history).
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_PAGER: 'cat',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    GIT_ATTR_NOSYSTEM: '1',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_FLUSH: '0',
  };
  const index = env.GIT_INDEX_FILE;
  if (index && !isAbsolute(index)) env.GIT_INDEX_FILE = resolve(index);
  const gitDir = env.GIT_DIR;
  if (gitDir && !isAbsolute(gitDir)) env.GIT_DIR = resolve(gitDir);
  return env;
}

function failureOf(args: readonly string[], stderr: string, code: number | null): GitError {
  const detail = stderr.trim().split('\n').filter(Boolean).slice(-3).join('; ');
  if (/not a git repository/i.test(detail)) return new GitError(`not a git repository (git said: ${detail})`, detail, code);
  return new GitError(`git ${args.join(' ')} failed${code === null ? '' : ` (exit ${code})`}${detail ? `: ${detail}` : ''}`, detail, code);
}

export interface GitRunOptions {
  /**
   * Run at a lower priority: work done beside a longer git process that the run waits on (the
   * history log), which should have the CPU whenever both want it.
   */
  background?: boolean;
}

/** How much nicer than ours a background git process is (niceness runs from -20 to 19, the lowest priority). */
const BACKGROUND_NICENESS_STEP = 10;
const LOWEST_PRIORITY = 19;

/** Spawns git in `cwd`; stdout is a stream the caller reads, stderr is kept for the error message. */
export function spawnGit(cwd: string, args: readonly string[], options: GitRunOptions = {}) {
  const child = spawn('git', ['-C', cwd, ...configFor(args), ...args], {
    env: gitEnvironment(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (options.background && child.pid !== undefined) {
    try {
      setPriority(child.pid, Math.min(LOWEST_PRIORITY, getPriority() + BACKGROUND_NICENESS_STEP));
    } catch {
      // Gone already, or a platform that refuses: it runs at normal priority, which is only slower.
    }
  }
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
      else reject(failureOf(args, stderr, code));
    });
  });
  // Callers await `finished` after reading stdout; until then a failure must not count as unhandled.
  finished.catch(() => undefined);
  // Reading stops early when a caller has what it needs; a closed pipe is not an error then.
  child.stdin.on('error', () => {});
  return { child, finished };
}

/** Runs git to completion and returns its stdout as bytes; `input` is written to its stdin. */
export async function runGit(cwd: string, args: readonly string[], input?: string | Buffer, options: GitRunOptions = {}): Promise<Buffer> {
  const { child, finished } = spawnGit(cwd, args, options);
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
