import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  require_picomatch
} from "./chunk-OYXP2HYZ.js";
import "./chunk-7BOAENXZ.js";
export default require_picomatch();
