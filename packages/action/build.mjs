// Bundles the action into the one file the runner executes (dist/index.js), as
// actions/typescript-action does. Workspace packages are bundled from their TypeScript sources, so
// the bundle does not depend on whatever `tsc -b` last left in their dist folders.
//
//   node packages/action/build.mjs [outfile]     (default: packages/action/dist/index.js)
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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
    // A workspace module that finds its own files (a JSON schema) relative to itself would look next
    // to the bundle instead: point it at the file in the action's checkout, which holds the whole
    // repository.
    const assetReference = /(\brequire\.resolve\(|\brequire\(|\bcreateRequire\(import\.meta\.url\)\(|\bnew URL\()(['"])(\.\.?\/[^'"]+)\2/g;
    pluginBuild.onLoad({ filter: /[\\/]packages[\\/][a-z-]+[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replace(assetReference, (_match, call, quote, specifier) => {
        const target = relative(join(actionDir, 'dist'), resolve(dirname(args.path), specifier)).split('\\').join('/');
        return `${call}${quote}${target.startsWith('.') ? target : `./${target}`}${quote}`;
      });
      // A package required through createRequire (to skip Node's export lexing) is bundled like any import.
      const bundled = contents.replace(/\bcreateRequire\(import\.meta\.url\)\((['"])([^'".][^'"]*)\1\)/g, 'require($1$2$1)');
      return { contents: bundled, loader: 'ts', resolveDir: dirname(args.path) };
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
    // CommonJS dependencies bundled into an ES module still call require() for Node built-ins and
    // read __filename (TypeScript does).
    banner: {
      js: [
        "import { createRequire as __engiumCreateRequire } from 'node:module';",
        "import { fileURLToPath as __engiumFileURLToPath } from 'node:url';",
        "import { dirname as __engiumDirnameOf } from 'node:path';",
        'const require = __engiumCreateRequire(import.meta.url);',
        'const __engiumFilename = __engiumFileURLToPath(import.meta.url);',
        'const __engiumDirname = __engiumDirnameOf(__engiumFilename);',
      ].join('\n'),
    },
    define: { __filename: '__engiumFilename', __dirname: '__engiumDirname' },
    // ESLint loads jiti only for TypeScript config files; the action passes its config inline.
    // @electron/asar asks for Electron's `original-fs` only when it runs inside Electron.
    external: ['jiti', 'jiti/package.json', 'original-fs'],
    plugins: [workspaceSources],
    legalComments: 'none',
    minify: true,
    keepNames: true,
    logLevel: 'warning',
    charset: 'utf8',
  });
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundle(process.argv[2] ? resolve(process.argv[2]) : undefined);
}
