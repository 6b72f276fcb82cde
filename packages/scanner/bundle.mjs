// Bundles the built CLI (dist/, from `tsc -b`) into bundle/: the command and its two worker scripts,
// with the modules they share in chunks. Node then loads a handful of files instead of ~150 ES
// modules and CommonJS packages, which was about a sixth of a small scan's time (start-up measured
// in `npm run bench -- scan`). TypeScript and ts-morph stay out: only the module graph loads them.
//
// bundle/ sits one folder below the package, as dist/'s top modules do, so their `../package.json`
// and `../schemas/…` still resolve; the workers are emitted under the names the thread starters
// look for beside them (`./analysis-worker.js`, `./classify-worker.js`).
//
//   node packages/scanner/bundle.mjs        (run by `npm run build`; bin/engium-scan.js loads it)
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = dirname(fileURLToPath(import.meta.url));
const outdir = join(packageDir, 'bundle');

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: packageDir,
  entryPoints: {
    cli: join(packageDir, 'dist/cli.js'),
    'analysis-worker': join(packageDir, 'dist/analyse/analysis-worker.js'),
    'classify-worker': join(packageDir, 'dist/classify/classify-worker.js'),
  },
  outdir,
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // CommonJS dependencies bundled into an ES module still call require() for Node built-ins.
  banner: { js: "import { createRequire as __engiumCreateRequire } from 'node:module';\nconst require = __engiumCreateRequire(import.meta.url);" },
  // ts-morph and TypeScript load only for the module graph, from node_modules; `original-fs`
  // exists only inside Electron, where @electron/asar asks for it.
  external: ['ts-morph', '@ts-morph/common', '@ts-morph/common/*', 'typescript', 'original-fs'],
  legalComments: 'none',
  logLevel: 'warning',
  charset: 'utf8',
});
