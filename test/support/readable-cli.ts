// The scanner CLI where any user can load it. A clone inside a private folder (mode 0700, as
// `mktemp -d` makes, or /root) cannot be read by the unprivileged user that permission tests switch
// to when they run as root, so those tests run this copy: the built CLI bundled by esbuild into one
// file in a temp dir everyone may read, with the config schema where the CLI looks for it. ts-morph
// stays out: only the module graph loads it, and those scans run with --no-graph.
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { REPO_ROOT, SCANNER_CLI } from './index.js';

let bundled: string | undefined;

/**
 * The path of a world-readable bundle of the built CLI, made once per test process and removed when it
 * exits (callable from a test or a hook, where vitest takes no afterAll).
 */
export function readableScannerCli(): string {
  if (bundled !== undefined) return bundled;
  const dir = mkdtempSync(join(tmpdir(), 'engium-readable-cli-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const pkg = join(dir, 'scanner');
  const outfile = join(pkg, 'dist/cli.js');
  buildSync({
    entryPoints: [SCANNER_CLI],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // original-fs exists only in Electron; @electron/asar falls back to fs without it.
    external: ['ts-morph', 'original-fs'],
    logLevel: 'error',
    // CommonJS dependencies bundled into an ES module still call require() for Node built-ins.
    banner: { js: "import { createRequire as __engiumCreateRequire } from 'node:module';\nconst require = __engiumCreateRequire(import.meta.url);" },
  });
  // What the modules find relative to themselves: config.ts the schema at ../schemas,
  // package-version.ts the package's version at ../package.json.
  const assets = [
    ['packages/scanner/schemas/config.schema.json', join(pkg, 'schemas/config.schema.json')],
    ['packages/scanner/package.json', join(pkg, 'package.json')],
  ] as const;
  mkdirSync(join(pkg, 'schemas'));
  for (const [from, to] of assets) copyFileSync(join(REPO_ROOT, from), to);
  for (const folder of [dir, pkg, join(pkg, 'dist'), join(pkg, 'schemas')]) chmodSync(folder, 0o755);
  for (const file of [outfile, ...assets.map(([, to]) => to)]) chmodSync(file, 0o644);
  bundled = outfile;
  return outfile;
}
