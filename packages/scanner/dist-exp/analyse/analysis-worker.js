import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  SharedClaims,
  analyseFile
} from "../chunk-PY736F42.js";
import "../chunk-QBC73YKT.js";
import "../chunk-ASGSVPZY.js";
import "../chunk-ECVGTPWI.js";
import "../chunk-IKJJJJ2Q.js";
import "../chunk-7BOAENXZ.js";

// packages/scanner/dist/analyse/analysis-worker.js
import { parentPort, workerData } from "node:worker_threads";
if (parentPort) {
  const { files, context, claims: buffers } = workerData;
  const claims = new SharedClaims(buffers);
  const result = { analyses: [] };
  for (let index = claims.next(); index < files.length; index = claims.next()) {
    const file = files[index];
    if (file === void 0)
      break;
    const { file: _file, ...analysis } = analyseFile(file, context);
    claims.addBytes(analysis.bytes);
    result.analyses.push({ index, analysis });
  }
  parentPort.postMessage(result);
}
