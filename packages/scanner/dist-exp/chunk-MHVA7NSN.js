import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  UsageError
} from "./chunk-6NJCEBEE.js";
import {
  redactKeys
} from "./chunk-IKJJJJ2Q.js";

// packages/scanner/dist/commands/errors.js
function reportError(error) {
  const message = error instanceof UsageError ? error.message : `unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
  console.error(`engium-scan: ${redactKeys(message)}`);
  return 2;
}

export {
  reportError
};
