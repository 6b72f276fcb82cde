import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  UsageError
} from "./chunk-6NJCEBEE.js";
import {
  RULES
} from "./chunk-DQOGS7S2.js";
import {
  require_picomatch
} from "./chunk-OYXP2HYZ.js";
import {
  __toESM
} from "./chunk-7BOAENXZ.js";

// packages/scanner/dist/suppress/index.js
var import_picomatch = __toESM(require_picomatch(), 1);

// packages/scanner/dist/suppress/baseline.js
import { readFileSync, writeFileSync } from "node:fs";
function baselineEntryId(entry) {
  return `${entry.fingerprint}\0${entry.file}\0${entry.ruleId}`;
}
function baselineOf(findings) {
  const entries = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const entry = { fingerprint: finding.secret.fingerprint, file: finding.file, ruleId: finding.ruleId };
    entries.set(baselineEntryId(entry), entry);
  }
  const sorted = [...entries.values()].sort((a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
  return { version: 1, findings: sorted };
}
function formatBaseline(baseline) {
  return `${JSON.stringify(baseline, null, 2)}
`;
}
function writeBaseline(path, findings) {
  const baseline = baselineOf(findings);
  writeFileSync(path, formatBaseline(baseline));
  return baseline;
}
function isEntry(value) {
  if (typeof value !== "object" || value === null)
    return false;
  const entry = value;
  return typeof entry.fingerprint === "string" && typeof entry.file === "string" && typeof entry.ruleId === "string";
}
function readBaseline(path) {
  let value;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const code = error.code;
    throw new UsageError(`cannot read baseline ${path}: ${code ?? error.message}`);
  }
  const baseline = value;
  if (baseline?.version !== 1 || !Array.isArray(baseline.findings) || !baseline.findings.every(isEntry)) {
    throw new UsageError(`baseline ${path} is not an engium-scan baseline (expected {"version": 1, "findings": [{fingerprint, file, ruleId}]})`);
  }
  return { version: 1, findings: baseline.findings };
}

// packages/scanner/dist/suppress/index.js
function allowlistMatcher(allowlist) {
  const entries = allowlist.map((entry) => ({
    fingerprint: entry.fingerprint,
    paths: entry.paths?.length ? (0, import_picomatch.default)(entry.paths, { dot: true }) : void 0
  }));
  return (finding) => entries.some((entry) => entry.fingerprint === finding.secret.fingerprint && (entry.paths === void 0 || entry.paths(finding.file)));
}
var COMMIT_RULE_IDS = /* @__PURE__ */ new Set([RULES.historyKey.id, RULES.stagedKey.id]);
function keyInFile(fingerprint, file) {
  return `${fingerprint}\0${file}`;
}
function applySuppressions(candidates, suppressions = {}) {
  const allowed = allowlistMatcher(suppressions.allowlist ?? []);
  const baselineEntries = suppressions.baseline?.findings ?? [];
  const baselineIds = new Set(baselineEntries.map(baselineEntryId));
  const baselinedKeysInFiles = new Set(baselineEntries.map((entry) => keyInFile(entry.fingerprint, entry.file)));
  const findings = [];
  let suppressed = 0;
  let baselined = 0;
  for (const candidate of candidates) {
    const { ignoredInline, ...finding } = candidate;
    if (ignoredInline || allowed(finding)) {
      suppressed++;
      continue;
    }
    const inBaseline = COMMIT_RULE_IDS.has(finding.ruleId) ? baselinedKeysInFiles.has(keyInFile(finding.secret.fingerprint, finding.file)) : baselineIds.has(baselineEntryId({ fingerprint: finding.secret.fingerprint, file: finding.file, ruleId: finding.ruleId }));
    if (inBaseline) {
      finding.baselined = true;
      baselined++;
    }
    findings.push(finding);
  }
  return { findings, suppressed, baselined };
}

export {
  baselineEntryId,
  baselineOf,
  formatBaseline,
  writeBaseline,
  readBaseline,
  applySuppressions
};
