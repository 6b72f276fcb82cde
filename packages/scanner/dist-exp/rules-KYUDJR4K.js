import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  RULES,
  ruleById
} from "./chunk-DQOGS7S2.js";
import "./chunk-IKJJJJ2Q.js";
import "./chunk-7BOAENXZ.js";
export {
  RULES,
  ruleById
};
