import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  runGit,
  tryGit
} from "./chunk-4XRLEDUY.js";
import "./chunk-7BOAENXZ.js";

// packages/scanner/dist/commands/init.js
import { createRequire } from "node:module";

// packages/scanner/dist/git/hook-setup.js
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
var HOOK_COMMAND = "engium-scan staged";
var HOOK_BLOCK = `# engium-scan: refuse a commit that would record an Engium API key (emergency bypass: git commit --no-verify)
${HOOK_COMMAND}
`;
var HOOK_LINE = /engium-scan(?:\.js)?["']?\s+staged|scanner\/dist\/cli\.js["']?\s+staged/;
var HUSKY_RANGE = "^9.1.7";
function editPackageJson(root, scannerRange, changes) {
  const path = join(root, "package.json");
  if (!existsSync(path))
    return false;
  const text = readFileSync(path, "utf8");
  let pkg;
  try {
    pkg = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${error.message}); fix it and run init again`, { cause: error });
  }
  const before = JSON.stringify(pkg);
  const has = (name) => pkg.dependencies?.[name] !== void 0 || pkg.devDependencies?.[name] !== void 0;
  for (const [name, range] of [["husky", HUSKY_RANGE], ["@engium/scanner", scannerRange]]) {
    if (has(name))
      continue;
    pkg.devDependencies = { ...pkg.devDependencies, [name]: range };
    changes.push({ file: "package.json", what: `added ${name}@${range} to devDependencies` });
  }
  const prepare = pkg.scripts?.prepare;
  if (prepare === void 0) {
    pkg.scripts = { ...pkg.scripts, prepare: "husky" };
    changes.push({ file: "package.json", what: 'added the script "prepare": "husky" (npm install sets the hooks up)' });
  } else if (!/\bhusky\b/.test(prepare)) {
    pkg.scripts = { ...pkg.scripts, prepare: `${prepare} && husky` };
    changes.push({ file: "package.json", what: `appended "&& husky" to the prepare script` });
  }
  if (JSON.stringify(pkg) !== before) {
    const indent = /^[ \t]*(?=")/m.exec(text.slice(text.indexOf("\n") + 1))?.[0] || 2;
    writeFileSync(path, JSON.stringify(pkg, null, indent) + (text.endsWith("\n") ? "\n" : ""));
  }
  return true;
}
async function existingGitHook(root) {
  const hooksPath = (await tryGit(root, ["config", "--get", "core.hooksPath"]))?.toString().trim();
  if (hooksPath)
    return void 0;
  const path = resolve(root, (await runGit(root, ["rev-parse", "--git-path", "hooks/pre-commit"])).toString().trim());
  if (!existsSync(path))
    return void 0;
  const body = readFileSync(path, "utf8").replace(/^#![^\n]*\n/, "").trim();
  return body === "" ? void 0 : `${body}
`;
}
function writeHook(root, carried, standalone, changes) {
  const dir = join(root, ".husky");
  const path = join(dir, "pre-commit");
  const shown = relative(root, path);
  if (existsSync(path)) {
    const text = readFileSync(path, "utf8");
    if (HOOK_LINE.test(text))
      return;
    writeFileSync(path, `${text}${text === "" || text.endsWith("\n") ? "" : "\n"}${HOOK_BLOCK}`);
    changes.push({ file: shown, what: `kept its ${text.split("\n").filter(Boolean).length} line(s) and added \`${HOOK_COMMAND}\`` });
    return;
  }
  mkdirSync(dir, { recursive: true });
  const prologue = standalone ? '#!/bin/sh\nPATH="node_modules/.bin:$PATH"\n' : "";
  writeFileSync(path, `${prologue}${carried ?? ""}${HOOK_BLOCK}`, { mode: 493 });
  chmodSync(path, 493);
  changes.push({
    file: shown,
    what: `created; runs \`${HOOK_COMMAND}\`${carried ? " after the lines of your existing .git/hooks/pre-commit" : ""}`
  });
}
function runInstalledHusky(root) {
  const bin = join(root, "node_modules", "husky", "bin.js");
  if (!existsSync(bin))
    return void 0;
  const result = spawnSync(process.execPath, [bin], { cwd: root, encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() || "ok" : `failed: ${(result.stderr || result.stdout).trim()}`;
}
async function setUpHook(dir, scannerRange) {
  const root = (await runGit(dir, ["rev-parse", "--show-toplevel"])).toString().trim();
  const changes = [];
  const nextSteps = [];
  const carried = existsSync(join(root, ".husky", "pre-commit")) ? void 0 : await existingGitHook(root);
  const hasPackageJson = editPackageJson(root, scannerRange, changes);
  writeHook(root, carried, !hasPackageJson, changes);
  const hooksPath = (await tryGit(root, ["config", "--get", "core.hooksPath"]))?.toString().trim();
  if (hasPackageJson) {
    if (hooksPath !== ".husky/_") {
      const outcome = runInstalledHusky(root);
      if (outcome === void 0)
        nextSteps.push("run `npm install`: its prepare script (husky) turns the hook on");
      else if (outcome.startsWith("failed"))
        nextSteps.push(`husky ${outcome}; run \`npx husky\` once the problem is fixed`);
      else
        changes.push({ file: ".git/config", what: "ran husky: core.hooksPath = .husky/_" });
    }
    if (!existsSync(join(root, "node_modules", ".bin", "engium-scan")))
      nextSteps.push("run `npm install` so the hook finds engium-scan");
  } else if (hooksPath !== ".husky" && hooksPath !== ".husky/_") {
    await runGit(root, ["config", "core.hooksPath", ".husky"]);
    changes.push({ file: ".git/config", what: "core.hooksPath = .husky (no package.json, so git runs the hook without husky)" });
    nextSteps.push("install the scanner where the hook can find it (`npm install -g @engium/scanner`)");
  }
  return { root, changes, nextSteps };
}

// packages/scanner/dist/commands/init.js
var { version } = createRequire(import.meta.url)("../../package.json");
async function run(dir, _options) {
  try {
    const { root, changes, nextSteps } = await setUpHook(dir, `^${version}`);
    if (changes.length === 0)
      console.log(`engium-scan init: ${root} is already set up; nothing changed.`);
    else {
      console.log(`engium-scan init: set up the pre-commit hook in ${root}:`);
      for (const change of changes)
        console.log(`  ${change.file}: ${change.what}`);
    }
    for (const step of nextSteps)
      console.log(`  next: ${step}`);
    return 0;
  } catch (error) {
    console.error(`engium-scan init: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}
export {
  run
};
