#!/usr/bin/env node
// A committed launcher, so npm can link the bin on a fresh install before the build has made dist/.
// It runs the bundle that `npm run build` makes after `tsc -b` (bundle.mjs: a few files for Node to
// load instead of ~150 modules), unless a later `tsc -b` of the scanner or core made it stale.
import { statSync } from 'node:fs';

const modified = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const bundled = modified('../bundle/cli.js');
const fresh = bundled >= 0 && bundled >= modified('../tsconfig.tsbuildinfo') && bundled >= modified('../../core/tsconfig.tsbuildinfo');
if (!fresh && modified('../dist/cli.js') < 0) {
  // A clone that was never built: say what to run, not a module-not-found stack.
  console.error('engium-scan: the scanner is not built yet: run `npm run build` in the repository first');
  process.exit(2);
}
await import(fresh ? '../bundle/cli.js' : '../dist/cli.js');
