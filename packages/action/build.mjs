// Bundles the action into the one file the runner executes (dist/index.js), as
// actions/typescript-action does. Workspace packages are bundled from their TypeScript sources, so
// the bundle does not depend on whatever `tsc -b` last left in their dist folders.
//
//   node packages/action/build.mjs [outfile]     (default: packages/action/dist/index.js)
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const actionDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(actionDir, '../..');
const WORKSPACE_PACKAGES = { '@engium/core': 'core', '@engium/scanner': 'scanner', '@engium/eslint-plugin': 'eslint-plugin' };

/** Resolves `@engium/<name>` to `packages/<name>/src/index.ts`. */
const workspaceSources = {
  name: 'workspace-sources',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^@engium\/[a-z-]+$/ }, (args) => {
      const folder = WORKSPACE_PACKAGES[args.path];
      if (!folder) return undefined;
      const entry = join(repoRoot, 'packages', folder, 'src/index.ts');
      return existsSync(entry) ? { path: entry } : undefined;
    });
  },
};

export async function bundle(outfile = join(actionDir, 'dist/index.js')) {
  await build({
    absWorkingDir: repoRoot,
    entryPoints: [join(actionDir, 'src/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // CommonJS dependencies bundled into an ES module still call require() for Node built-ins.
    banner: { js: "import { createRequire as __engiumCreateRequire } from 'node:module';\nconst require = __engiumCreateRequire(import.meta.url);" },
    plugins: [workspaceSources],
    legalComments: 'none',
    logLevel: 'warning',
    charset: 'utf8',
  });
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundle(process.argv[2] ? resolve(process.argv[2]) : undefined);
}
