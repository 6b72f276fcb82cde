import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  require_ajv
} from "./chunk-2GUVHP55.js";
import "./chunk-7BOAENXZ.js";
export default require_ajv();
