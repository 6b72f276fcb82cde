import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  PatchParser,
  asUsageError,
  assembleReport,
  exposureOfLine,
  keyHitsInAddedLine,
  readBlobs,
  readLines,
  setUp
} from "./chunk-ZYH7QQRY.js";
import {
  exitCodeFor,
  writeReport
} from "./chunk-KGVM6YKL.js";
import {
  reportError
} from "./chunk-MHVA7NSN.js";
import "./chunk-6NJCEBEE.js";
import {
  runGit,
  spawnGit
} from "./chunk-4XRLEDUY.js";
import {
  snippetAt
} from "./chunk-QBC73YKT.js";
import {
  isEnvFile,
  keyHitsInText
} from "./chunk-ASGSVPZY.js";
import "./chunk-ECVGTPWI.js";
import "./chunk-DQOGS7S2.js";
import {
  mayContainKey
} from "./chunk-IKJJJJ2Q.js";
import "./chunk-7BOAENXZ.js";

// packages/scanner/dist/git/staged-scan.js
import { readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
function readsWhole(file) {
  return file.status === "renamed" || file.status === "copied" || file.status === "modified" && isEnvFile(file.path);
}
var STAGED_DIFF_ARGUMENTS = [
  "diff",
  "--cached",
  "--relative",
  "-p",
  "-M",
  "-U1",
  "--full-index",
  "--no-color",
  "--no-ext-diff",
  "--no-textconv",
  "--src-prefix=a/",
  "--dst-prefix=b/",
  "--"
];
function lineAt(text, index) {
  const end = text.indexOf("\n", index);
  return text.slice(text.lastIndexOf("\n", index - 1) + 1, end === -1 ? void 0 : end);
}
function gitDirOf(cwd) {
  if (process.env.GIT_DIR)
    return resolve(process.env.GIT_DIR);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const dotGit = join(dir, ".git");
    try {
      if (statSync(dotGit).isDirectory())
        return dotGit;
      const pointer = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, "utf8"))?.[1];
      return pointer ? resolve(dir, pointer.trim()) : void 0;
    } catch {
      if (dirname(dir) === dir)
        return void 0;
    }
  }
}
function mergeHeads(cwd) {
  const gitDir = gitDirOf(cwd);
  if (!gitDir)
    return [];
  try {
    return readFileSync(join(gitDir, "MERGE_HEAD"), "utf8").split("\n").filter((line) => /^[0-9a-f]{40,64}$/.test(line));
  } catch {
    return [];
  }
}
async function keyLinesAddedSince(cwd, base) {
  const found = /* @__PURE__ */ new Set();
  const parser = new PatchParser({
    added(line) {
      for (const hit of keyHitsInAddedLine(line))
        found.add(`${line.file.path}\0${hit.line}\0${hit.secret.fingerprint}`);
    }
  });
  const { child, finished } = spawnGit(cwd, [...STAGED_DIFF_ARGUMENTS.slice(0, -1), base, "--"]);
  child.stdin.end();
  for await (const piece of readLines(child.stdout))
    parser.push(piece);
  parser.end();
  await finished;
  return found;
}
async function addedByTheMerge(cwd, hits) {
  const heads = mergeHeads(cwd);
  if (heads.length === 0 || hits.length === 0)
    return hits;
  let kept = hits;
  for (const head of heads) {
    const added = await keyLinesAddedSince(cwd, head);
    kept = kept.filter(({ hit, file }) => added.has(`${file}\0${hit.line}\0${hit.secret.fingerprint}`));
  }
  return kept;
}
async function indexBlobs(cwd, paths) {
  const blobs = /* @__PURE__ */ new Map();
  if (paths.length === 0)
    return blobs;
  const listing = await runGit(cwd, ["--literal-pathspecs", "ls-files", "--stage", "-z", "--", ...paths]);
  for (const entry of listing.toString("utf8").split("\0")) {
    const tab = entry.indexOf("	");
    const id = entry.slice(0, tab).split(" ")[1];
    if (tab !== -1 && id)
      blobs.set(entry.slice(tab + 1), id);
  }
  return blobs;
}
async function scanStaged(cwd, options = {}) {
  const hits = [];
  const whole = [];
  const skipped = [];
  let filesScanned = 0;
  let bytesScanned = 0;
  const parser = new PatchParser({
    added(line) {
      if (readsWhole(line.file) || options.skipPath?.(line.file.path))
        return;
      bytesScanned += line.bytes.length;
      let text = "";
      for (const hit of keyHitsInAddedLine(line, (decoded) => text = decoded)) {
        hits.push({ hit, file: line.file.path, exposure: exposureOfLine(line.file.path, text, options.publicEnvPrefixes) });
      }
    },
    fileDone(file) {
      if (file.status === "deleted" || options.skipPath?.(file.path))
        return;
      if (file.binary)
        skipped.push({ file: file.path, reason: "binary file: not scanned" });
      else if (readsWhole(file))
        whole.push(file);
      else
        filesScanned++;
    }
  });
  const { child, finished } = spawnGit(cwd, STAGED_DIFF_ARGUMENTS);
  child.stdin.end();
  for await (const piece of readLines(child.stdout))
    parser.push(piece);
  parser.end();
  try {
    await finished;
  } catch (error) {
    await runGit(cwd, ["rev-parse", "--git-dir"]);
    throw error;
  }
  if (whole.length > 0) {
    const missing = whole.filter((file) => !file.blob).map((file) => file.path);
    const listed = await indexBlobs(cwd, missing);
    const idOf = (file) => file.blob ?? listed.get(file.path);
    const contents = await readBlobs(cwd, [...new Set(whole.map(idOf).filter((id) => id !== void 0))]);
    for (const file of whole) {
      const content = contents.get(idOf(file) ?? "");
      if (!content) {
        skipped.push({ file: file.path, reason: "not found in the index" });
        continue;
      }
      filesScanned++;
      bytesScanned += content.length;
      if (!mayContainKey(content))
        continue;
      const text = content.toString("utf8");
      for (const hit of keyHitsInText(text)) {
        const located = { ...hit, snippet: snippetAt(text, hit.index, hit.length, hit.secret.redacted) };
        hits.push({ hit: located, file: file.path, exposure: exposureOfLine(file.path, lineAt(text, hit.index), options.publicEnvPrefixes) });
      }
    }
  }
  return { hits: await addedByTheMerge(cwd, hits), filesScanned, bytesScanned, skipped };
}

// packages/scanner/dist/git/staged-report.js
async function candidatesOf(hits) {
  if (hits.length === 0)
    return [];
  const [{ buildFinding }, { RULES }] = await Promise.all([import("./finding-UE43KHTV.js"), import("./rules-KYUDJR4K.js")]);
  return hits.map(({ hit, exposure, file }) => buildFinding(hit, {
    file,
    ruleId: RULES.stagedKey.id,
    // A LineExposure holds only the fields it has: exposure, reason, chain, envVariable.
    ...exposure
  }));
}
async function stagedReport(dir, options = {}) {
  const started = Date.now();
  const { config, skipPath } = await setUp(dir, options);
  const scan = await scanStaged(dir, { skipPath, ...config.publicEnvPrefixes ? { publicEnvPrefixes: config.publicEnvPrefixes } : {} });
  if (options.onSecret)
    for (const key of new Set(scan.hits.map(({ hit }) => hit.key)))
      options.onSecret(key);
  const candidates = await candidatesOf(scan.hits);
  return await assembleReport({ candidates, filesScanned: scan.filesScanned, bytesScanned: scan.bytesScanned, skipped: scan.skipped, started }, config, options);
}

// packages/scanner/dist/commands/staged.js
async function run(dir, options) {
  try {
    const report = await stagedReport(dir, {
      ...options.config !== void 0 ? { configFile: options.config } : {},
      ...options.baseline !== void 0 ? { baselineFile: options.baseline } : {}
    });
    writeReport(report, { format: options.format, ...options.output !== void 0 ? { output: options.output } : {}, ...options.quiet ? { quiet: true } : {} });
    return exitCodeFor(report, options.failOn);
  } catch (error) {
    return reportError(asUsageError(error));
  }
}
export {
  run
};
