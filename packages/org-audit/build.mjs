// Bundles the org-audit action into the one file the runner executes (dist/index.js), with the
// workspace packages taken from their TypeScript sources so the bundle never depends on what
// `tsc -b` last left in their dist folders.
//
//   node packages/org-audit/build.mjs [outfile]     (default: packages/org-audit/dist/index.js)
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(packageDir, '../..');

/**
 * Of the scanner, the org audit needs the report contract's merge, reader, SARIF and JSON writers: the
 * bundle takes those modules alone, so it neither grows with nor goes stale on the rest of the
 * scanner (type-checking still sees its whole index).
 */
const SCANNER_MODULES = ['merge/merge-reports.ts', 'merge/read-report.ts', 'report/sarif.ts', 'report/json.ts'];

/**
 * `@engium/<name>/<subpath>`: the package.json export points at tsc's output (`./lib/….js`); the
 * bundle takes the TypeScript source it comes from (`src/….ts`).
 */
function subpathSource(specifier) {
  const [, name, subpath] = /^@engium\/([a-z-]+)\/([a-z-]+)$/.exec(specifier) ?? [];
  const manifest = join(repoRoot, 'packages', name ?? '', 'package.json');
  if (!name || !existsSync(manifest)) return undefined;
  const target = JSON.parse(readFileSync(manifest, 'utf8')).exports?.[`./${subpath}`]?.default;
  const source = typeof target === 'string' ? join(repoRoot, 'packages', name, target.replace(/^\.\/lib\//, 'src/').replace(/\.js$/, '.ts')) : undefined;
  return source && existsSync(source) ? source : undefined;
}

/** Resolves `@engium/<name>` to `packages/<name>/src/index.ts` (the scanner to SCANNER_MODULES). */
const workspaceSources = {
  name: 'workspace-sources',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^@engium\/[a-z-]+$/ }, (args) => {
      if (args.path === '@engium/scanner') return { path: 'scanner-for-org-audit', namespace: 'engium-scanner' };
      const entry = join(repoRoot, 'packages', args.path.slice('@engium/'.length), 'src/index.ts');
      return existsSync(entry) ? { path: entry } : undefined;
    });
    pluginBuild.onResolve({ filter: /^@engium\/[a-z-]+\/[a-z-]+$/ }, (args) => {
      const source = subpathSource(args.path);
      return source ? { path: source } : undefined;
    });
    // Workspace modules are pure (no work at import time), so esbuild may drop whatever the org audit
    // does not call; the bundle then changes only when code it runs changes.
    pluginBuild.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      if (!/[\\/]packages[\\/](core|scanner|action)[\\/]src[\\/]/.test(args.importer)) return undefined;
      const path = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      return existsSync(path) ? { path, sideEffects: false } : undefined;
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: 'engium-scanner' }, () => ({
      contents: SCANNER_MODULES.map((module) => `export * from ${JSON.stringify(join(repoRoot, 'packages/scanner/src', module))};`).join('\n'),
      loader: 'ts',
      resolveDir: repoRoot,
    }));
    // A workspace module that finds its own files (package.json, a JSON schema) relative to itself
    // would look next to the bundle instead: point it at the file in the action's checkout, which
    // holds the whole repository (the same rewrite as packages/action/build.mjs).
    const assetReference = /(\brequire\.resolve\(|\brequire\(|\bnew URL\()(['"])(\.\.?\/[^'"]+)\2/g;
    pluginBuild.onLoad({ filter: /[\\/]packages[\\/][a-z-]+[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replace(assetReference, (_match, call, quote, specifier) => {
        const target = relative(join(packageDir, 'dist'), resolve(dirname(args.path), specifier)).split('\\').join('/');
        return `${call}${quote}${target.startsWith('.') ? target : `./${target}`}${quote}`;
      });
      return { contents, loader: 'ts', resolveDir: dirname(args.path) };
    });
  },
};

export async function bundle(outfile = join(packageDir, 'dist/index.js')) {
  await build({
    absWorkingDir: repoRoot,
    entryPoints: [join(packageDir, 'src/index.ts')],
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
