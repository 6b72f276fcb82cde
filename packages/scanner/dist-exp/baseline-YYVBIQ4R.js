import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  scanDirectory
} from "./chunk-GYAPXVID.js";
import {
  writeBaseline
} from "./chunk-TTIQ4WFA.js";
import {
  reportError
} from "./chunk-MHVA7NSN.js";
import "./chunk-6NJCEBEE.js";
import "./chunk-4XRLEDUY.js";
import "./chunk-PY736F42.js";
import "./chunk-QBC73YKT.js";
import "./chunk-ASGSVPZY.js";
import "./chunk-M4SEJIEV.js";
import "./chunk-ECVGTPWI.js";
import "./chunk-DQOGS7S2.js";
import "./chunk-IKJJJJ2Q.js";
import "./chunk-OYXP2HYZ.js";
import "./chunk-7BOAENXZ.js";

// packages/scanner/dist/commands/baseline.js
import { join } from "node:path";
var DEFAULT_BASELINE_FILE = ".engium-baseline.json";
async function run(dir, options) {
  try {
    const report = await scanDirectory(dir, {
      ...options.config !== void 0 ? { configFile: options.config } : {},
      ...options.graph === false ? { programAnalysis: false } : {},
      ...options.threads !== void 0 ? { threads: options.threads } : {}
    });
    const path = options.output ?? join(dir, DEFAULT_BASELINE_FILE);
    const baseline = writeBaseline(path, report.findings);
    if (!options.quiet)
      console.error(`engium-scan: wrote ${baseline.findings.length} baseline entr${baseline.findings.length === 1 ? "y" : "ies"} to ${path}; pass --baseline ${path} to accept them`);
    return 0;
  } catch (error) {
    return reportError(error);
  }
}
export {
  DEFAULT_BASELINE_FILE,
  run
};
