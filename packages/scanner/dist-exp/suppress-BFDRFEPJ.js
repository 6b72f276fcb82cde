import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applySuppressions,
  baselineEntryId,
  baselineOf,
  formatBaseline,
  readBaseline,
  writeBaseline
} from "./chunk-TTIQ4WFA.js";
import "./chunk-6NJCEBEE.js";
import "./chunk-DQOGS7S2.js";
import "./chunk-IKJJJJ2Q.js";
import "./chunk-OYXP2HYZ.js";
import "./chunk-7BOAENXZ.js";
export {
  applySuppressions,
  baselineEntryId,
  baselineOf,
  formatBaseline,
  readBaseline,
  writeBaseline
};
