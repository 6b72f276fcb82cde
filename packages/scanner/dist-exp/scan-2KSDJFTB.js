import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  scanDirectory
} from "./chunk-GYAPXVID.js";
import "./chunk-TTIQ4WFA.js";
import {
  exitCodeFor,
  writeReport
} from "./chunk-KGVM6YKL.js";
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

// packages/scanner/dist/commands/scan.js
function progressReporter(options) {
  const stream = process.stderr;
  if (options.quiet || !stream.isTTY)
    return { done: () => void 0 };
  const started = Date.now();
  let shown = false;
  return {
    update(progress) {
      if (Date.now() - started < 500)
        return;
      shown = true;
      stream.write(`\rengium-scan: ${progress.filesDone}/${progress.filesTotal} files, ${(progress.bytesDone / 1024 / 1024).toFixed(0)} MB`);
    },
    done() {
      if (shown)
        stream.write("\r\x1B[K");
    }
  };
}
async function run(dir, options) {
  const progress = progressReporter(options);
  try {
    const report = await scanDirectory(dir, {
      ...options.config !== void 0 ? { configFile: options.config } : {},
      ...options.baseline !== void 0 ? { baselineFile: options.baseline } : {},
      ...options.graph === false ? { programAnalysis: false } : {},
      ...options.threads !== void 0 ? { threads: options.threads } : {},
      ...progress.update ? { onProgress: progress.update } : {}
    });
    progress.done();
    writeReport(report, { format: options.format, ...options.output !== void 0 ? { output: options.output } : {}, ...options.quiet ? { quiet: true } : {} });
    return exitCodeFor(report, options.failOn);
  } catch (error) {
    progress.done();
    return reportError(error);
  }
}
export {
  run
};
