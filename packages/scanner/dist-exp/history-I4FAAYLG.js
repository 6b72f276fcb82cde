import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  COMMIT_FORMAT,
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
import {
  UsageError
} from "./chunk-6NJCEBEE.js";
import {
  runGit,
  spawnGit,
  tryGit
} from "./chunk-4XRLEDUY.js";
import {
  keyHitsInText
} from "./chunk-ASGSVPZY.js";
import {
  buildFinding
} from "./chunk-M4SEJIEV.js";
import "./chunk-ECVGTPWI.js";
import {
  RULES
} from "./chunk-DQOGS7S2.js";
import {
  mayContainKey
} from "./chunk-IKJJJJ2Q.js";
import "./chunk-7BOAENXZ.js";

// packages/scanner/dist/git/revisions.js
var ALL_REFS = ["--exclude=refs/stash", "--all"];
async function verifyCommit(cwd, ref, option) {
  const resolved = await tryGit(cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
  if (!resolved || resolved.length === 0) {
    throw new UsageError(`${option}: unknown revision "${ref}" (not a branch, tag or commit in this repository)`);
  }
}
async function hasHead(cwd) {
  const head = await tryGit(cwd, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]);
  return head !== void 0 && head.length > 0;
}
async function revisionArguments(cwd, options) {
  const chosen = [options.range && "--range", options.since && "--since", options.all && "--all"].filter(Boolean);
  if (chosen.length > 1)
    throw new UsageError(`choose one of --range, --since and --all (got ${chosen.join(", ")})`);
  await runGit(cwd, ["rev-parse", "--git-dir"]);
  if (options.all)
    return [...ALL_REFS];
  if (options.range !== void 0) {
    const at = options.range.indexOf("..");
    if (at === -1)
      throw new UsageError(`--range: expected A..B, got "${options.range}"`);
    const dots = options.range.startsWith("...", at) ? "..." : "..";
    const from = options.range.slice(0, at);
    const to = options.range.slice(at + dots.length);
    if (from === "" && to === "")
      throw new UsageError(`--range: expected A..B, got "${options.range}"`);
    await verifyCommit(cwd, from || "HEAD", "--range");
    await verifyCommit(cwd, to || "HEAD", "--range");
    return [`${from || "HEAD"}${dots}${to || "HEAD"}`];
  }
  if (options.since !== void 0) {
    await verifyCommit(cwd, options.since, "--since");
    if (!await hasHead(cwd))
      throw new UsageError("--since: the repository has no commits on HEAD");
    return [`${options.since}..HEAD`];
  }
  return await hasHead(cwd) ? ["HEAD"] : [];
}

// packages/scanner/dist/git/history-scan.js
var isAllRefsOption = (revision) => ALL_REFS.includes(revision);
function historyLogArguments(revisions) {
  return [
    "log",
    "-p",
    "--cc",
    "-M",
    "-U1",
    "--reverse",
    "--topo-order",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--src-prefix=a/",
    "--dst-prefix=b/",
    `--format=${COMMIT_FORMAT}`,
    // The --all options are ours (see revisions.ts); after --end-of-options comes only revisions, never an option.
    ...revisions.filter(isAllRefsOption),
    "--end-of-options",
    ...revisions.filter((revision) => !isAllRefsOption(revision)),
    "--"
  ];
}
async function scanHistory(cwd, revisions, options = {}) {
  const keys = /* @__PURE__ */ new Set();
  const firstSightings = /* @__PURE__ */ new Map();
  const binaryPaths = /* @__PURE__ */ new Map();
  let commit;
  let commits = 0;
  let fileChanges = 0;
  let bytesScanned = 0;
  const parser = new PatchParser({
    commit(header) {
      commit = header;
      commits++;
    },
    added(line) {
      bytesScanned += line.bytes.length;
      if (!commit || options.skipPath?.(line.file.path))
        return;
      let text = "";
      for (const hit of keyHitsInAddedLine(line, (decoded) => text = decoded)) {
        if (!keys.has(hit.key)) {
          keys.add(hit.key);
          options.onKey?.(hit.key);
        }
        const id = `${hit.secret.fingerprint}\0${line.file.path}`;
        const seen = firstSightings.get(id);
        if (!seen || seen.hit.ignoredInline && !hit.ignoredInline) {
          const exposure = exposureOfLine(line.file.path, text, options.publicEnvPrefixes);
          firstSightings.set(id, { hit, exposure, file: line.file.path, commit });
        }
      }
    },
    fileDone(file) {
      fileChanges++;
      if (file.binary && file.status !== "deleted")
        binaryPaths.set(file.path, (binaryPaths.get(file.path) ?? 0) + 1);
    }
  });
  if (revisions.length > 0) {
    const { child, finished } = spawnGit(cwd, historyLogArguments(revisions));
    child.stdin.end();
    for await (const piece of readLines(child.stdout))
      parser.push(piece);
    parser.end();
    await finished;
  }
  const skipped = [...binaryPaths].map(([file, count]) => ({
    file,
    reason: `binary file in ${count} commit${count === 1 ? "" : "s"}: not scanned`
  }));
  return { hits: [...firstSightings.values()], commits, fileChanges, bytesScanned, skipped };
}

// packages/scanner/dist/git/head-presence.js
var sightingId = (fingerprint, file) => `${fingerprint}\0${file}`;
async function blobsAtHead(root, files) {
  const blobs = /* @__PURE__ */ new Map();
  for (let from = 0; from < files.length; from += 500) {
    const batch = files.slice(from, from + 500);
    const listing = await runGit(root, ["--literal-pathspecs", "ls-tree", "-r", "-z", "HEAD", "--", ...batch]);
    for (const entry of listing.toString("utf8").split("\0")) {
      const tab = entry.indexOf("	");
      const [, type, id] = entry.slice(0, tab).split(" ");
      if (tab !== -1 && type === "blob" && id)
        blobs.set(entry.slice(tab + 1), id);
    }
  }
  return blobs;
}
async function plainKeysAtHead(root, keys) {
  const places = /* @__PURE__ */ new Map();
  if (keys.length === 0)
    return places;
  let output;
  try {
    output = await runGit(root, ["grep", "-F", "-w", "-z", "-o", "-I", "--no-color", "-f", "-", "HEAD", "--"], keys.join("\n") + "\n");
  } catch {
    return places;
  }
  let at = 0;
  while (at < output.length) {
    const nul = output.indexOf(0, at);
    const newline = nul === -1 ? -1 : output.indexOf(10, nul);
    if (nul === -1 || newline === -1)
      break;
    const path = output.toString("utf8", at, nul).replace(/^HEAD:/, "");
    const key = output.toString("utf8", nul + 1, newline);
    let paths = places.get(key);
    if (!paths)
      places.set(key, paths = /* @__PURE__ */ new Set());
    paths.add(path);
    at = newline + 1;
  }
  return places;
}
async function presenceAtHead(root, sightings, headExists) {
  const result = /* @__PURE__ */ new Map();
  for (const sighting of sightings)
    result.set(sightingId(sighting.fingerprint, sighting.file), { inFile: false, elsewhere: [] });
  if (!headExists || sightings.length === 0)
    return result;
  const files = [...new Set(sightings.map((sighting) => sighting.file))];
  const blobs = await blobsAtHead(root, files);
  const contents = await readBlobs(root, [...new Set(blobs.values())]);
  const fingerprintsByFile = /* @__PURE__ */ new Map();
  for (const [file, id] of blobs) {
    const content = contents.get(id);
    if (!content || !mayContainKey(content))
      continue;
    fingerprintsByFile.set(file, new Set(keyHitsInText(content.toString("utf8")).map((hit) => hit.secret.fingerprint)));
  }
  const places = await plainKeysAtHead(root, [...new Set(sightings.map((sighting) => sighting.key))]);
  for (const sighting of sightings) {
    const presence = result.get(sightingId(sighting.fingerprint, sighting.file));
    if (!presence)
      continue;
    presence.inFile = fingerprintsByFile.get(sighting.file)?.has(sighting.fingerprint) ?? false;
    presence.elsewhere = [...places.get(sighting.key) ?? []].filter((path) => path !== sighting.file).sort();
  }
  return result;
}

// packages/scanner/dist/git/history-report.js
function presenceNote(file, presence) {
  const others = presence.elsewhere.slice(0, 3).join(", ") + (presence.elsewhere.length > 3 ? ` and ${presence.elsewhere.length - 3} more` : "");
  if (presence.inFile)
    return ` At HEAD it is still in ${file}${others ? ` and also in ${others}` : ""}.`;
  if (others)
    return ` At HEAD it is gone from ${file} but still in ${others}.`;
  return "";
}
function candidateOf(sighting, presence) {
  const { hit, exposure, commit, file } = sighting;
  const finding = buildFinding(hit, {
    file,
    ruleId: RULES.historyKey.id,
    // A LineExposure holds only the fields it has: exposure, reason, chain, envVariable.
    ...exposure,
    commit: {
      sha: commit.sha,
      author: commit.author,
      date: commit.date,
      presentAtHead: presence.inFile || presence.elsewhere.length > 0
    }
  });
  finding.message += presenceNote(file, presence);
  return finding;
}
async function historyReport(dir, options = {}) {
  const started = Date.now();
  const root = (await runGit(dir, ["rev-parse", "--show-toplevel"])).toString("utf8").replace(/\n$/, "");
  const { config, skipPath } = await setUp(root, options);
  const revisions = await revisionArguments(root, options);
  const scan = await scanHistory(root, revisions, {
    skipPath,
    ...config.publicEnvPrefixes ? { publicEnvPrefixes: config.publicEnvPrefixes } : {},
    ...options.onSecret ? { onKey: options.onSecret } : {}
  });
  const presence = await presenceAtHead(root, scan.hits.map(({ hit, file }) => ({ key: hit.key, fingerprint: hit.secret.fingerprint, file })), await hasHead(root));
  const shallow = (await tryGit(root, ["rev-parse", "--is-shallow-repository"]))?.toString().trim() === "true";
  const warnings = shallow ? [{ file: ".", message: "shallow clone: older commits are missing, and keys from them are reported at the oldest commit present (fetch more history with git fetch --unshallow)" }] : [];
  const candidates = scan.hits.map((sighting) => candidateOf(sighting, presence.get(sightingId(sighting.hit.secret.fingerprint, sighting.file)) ?? { inFile: false, elsewhere: [] }));
  return await assembleReport({ candidates, filesScanned: scan.fileChanges, bytesScanned: scan.bytesScanned, skipped: scan.skipped, warnings, started }, config, options);
}

// packages/scanner/dist/commands/history.js
async function run(dir, options) {
  try {
    const report = await historyReport(dir, {
      ...options.config !== void 0 ? { configFile: options.config } : {},
      ...options.baseline !== void 0 ? { baselineFile: options.baseline } : {},
      ...options.range !== void 0 ? { range: options.range } : {},
      ...options.since !== void 0 ? { since: options.since } : {},
      ...options.all ? { all: true } : {}
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
