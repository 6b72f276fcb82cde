import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// packages/scanner/dist/git/process.js
import { spawn } from "node:child_process";
import { isAbsolute, resolve } from "node:path";
var GitError = class extends Error {
  name = "GitError";
};
var PINNED_CONFIG = [
  "core.quotePath=true",
  "color.ui=false",
  "diff.noprefix=false",
  "diff.mnemonicPrefix=false",
  "diff.suppressBlankEmpty=false",
  "log.showSignature=false"
].flatMap((setting) => ["-c", setting]);
function gitEnvironment() {
  const env = { ...process.env, GIT_PAGER: "cat", GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
  const index = env.GIT_INDEX_FILE;
  if (index && !isAbsolute(index))
    env.GIT_INDEX_FILE = resolve(index);
  const gitDir = env.GIT_DIR;
  if (gitDir && !isAbsolute(gitDir))
    env.GIT_DIR = resolve(gitDir);
  return env;
}
function describeFailure(args, stderr, code) {
  const detail = stderr.trim().split("\n").filter(Boolean).slice(-3).join("; ");
  if (/not a git repository/i.test(detail))
    return `not a git repository (git said: ${detail})`;
  return `git ${args.join(" ")} failed${code === null ? "" : ` (exit ${code})`}${detail ? `: ${detail}` : ""}`;
}
function spawnGit(cwd, args) {
  const child = spawn("git", ["-C", cwd, ...PINNED_CONFIG, ...args], {
    env: gitEnvironment(),
    stdio: ["pipe", "pipe", "pipe"]
  });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => {
    if (stderr.length < 16384)
      stderr += chunk;
  });
  const finished = new Promise((resolvePromise, reject) => {
    child.on("error", (error) => reject(new GitError(error.code === "ENOENT" ? "git is not installed or not on PATH" : `could not run git: ${error.message}`)));
    child.on("close", (code) => {
      if (code === 0)
        resolvePromise();
      else
        reject(new GitError(describeFailure(args, stderr, code)));
    });
  });
  finished.catch(() => void 0);
  child.stdin.on("error", () => {
  });
  return { child, finished };
}
async function runGit(cwd, args, input) {
  const { child, finished } = spawnGit(cwd, args);
  const chunks = [];
  child.stdout.on("data", (chunk) => chunks.push(chunk));
  child.stdin.end(input);
  await finished;
  return Buffer.concat(chunks);
}
async function tryGit(cwd, args) {
  try {
    return await runGit(cwd, args);
  } catch (error) {
    if (error instanceof GitError && /not installed|could not run/.test(error.message))
      throw error;
    return void 0;
  }
}

export {
  GitError,
  spawnGit,
  runGit,
  tryGit
};
