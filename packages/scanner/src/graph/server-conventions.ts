// Server-side conventions that decide files the import graph does not reach: node-config's
// `config/` folder, data files (JSON, YAML) that only server modules read with `fs` or import as
// JSON, and a repository with no browser entry at all, where everything runs on a server.
import { posix } from 'node:path';
import type { BuildLayouts } from './build-layout.js';
import { BROWSER_LIBRARY_DEPENDENCIES, isBrowserPackage } from './build-exposure.js';
import type { Entry } from './entries.js';
import type { ModuleGraph } from './module-graph.js';
import type { PackageInfo } from './packages.js';
import { dirnamePosix, isOutsideSource, joinPosix, type RootPaths } from './paths.js';
import type { SyntaxTrees } from './syntax.js';
import type { ModuleExposure } from './types.js';
import type { Ts, TypeScript } from './typescript.js';
import { readModuleBytes } from './read.js';

const NODE_CONFIG_FILE = /^config\/[^/]+\.(?:json5?|ya?ml|toml|[cm]?[jt]s|properties|xml|hjson)$/;
const DATA_FILE = /\.(?:json5?|ya?ml|toml)$/;
/** `fs` functions (and `fs/promises`, `fs-extra`) that read a file's contents. */
const FS_READS = new Set(['readFileSync', 'readFile', 'createReadStream', 'readJson', 'readJsonSync', 'readJSON', 'readJSONSync', 'open', 'openSync']);

export interface ConventionContext {
  ts: Ts;
  paths: RootPaths;
  graph: ModuleGraph;
  trees: SyntaxTrees;
  layouts: BuildLayouts;
}

/** node-config: a package that depends on `config` reads its `config/` folder on the server at run time. */
export function nodeConfigExposure(layouts: BuildLayouts, file: string): ModuleExposure | undefined {
  const owner = layouts.ownerOf(file);
  if (!owner.dependencies.has('config')) return undefined;
  const local = owner.dir ? file.slice(owner.dir.length + 1) : file;
  if (!NODE_CONFIG_FILE.test(local)) return undefined;
  return { exposure: 'server', reason: `node-config, the "config" package of ${owner.name ?? 'the root package'}, reads ${joinPosix(owner.dir, 'config')}/ on the server at run time` };
}

/**
 * A data file the program reads: `fs.readFileSync('…/keys.json')` or `import keys from './keys.json'
 * with { type: 'json' }`. Server when every module that reads it is server code; client when a
 * client module does.
 */
export function dataReaderExposure(context: ConventionContext, file: string): ModuleExposure | undefined {
  if (!DATA_FILE.test(file)) return undefined;
  const { graph } = context;
  const name = posix.basename(file);
  const readers: { module: string; side: 'client' | 'server' }[] = [];
  for (const module of new Set([...graph.client.keys(), ...graph.server.keys()])) {
    let text: string;
    try {
      text = readModuleBytes(context.paths, context.paths.absolute(module)).toString('utf8');
    } catch {
      continue;
    }
    if (!text.includes(name) || !readsFile(context, module, file)) continue;
    readers.push({ module, side: graph.client.has(module) ? 'client' : 'server' });
  }
  if (readers.length === 0) return undefined;
  const client = readers.find(({ side }) => side === 'client');
  if (client) {
    const chain = graph.chain(graph.client, client.module) ?? [client.module];
    return { exposure: 'client', reason: `${client.module} reads it and ships to the browser`, chain: [...chain, file] };
  }
  return { exposure: 'server', reason: `read only by server code: ${readers.map(({ module }) => module).slice(0, 3).join(', ')}` };
}

function readsFile(context: ConventionContext, module: string, file: string): boolean {
  const { ts } = context;
  const tree = context.trees.of(module);
  if (!tree) return false;
  const owner = context.layouts.ownerOf(module);
  const names = (literal: string) => {
    const clean = literal.replace(/^\.\//, '');
    return [joinPosix(dirnamePosix(module), literal), joinPosix(owner.dir, clean), clean].includes(file) || file.endsWith(`/${clean}`);
  };
  const visit = (node: TypeScript.Node): boolean => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) return names(node.moduleSpecifier.text);
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const called = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      if ((FS_READS.has(called) || called === 'require') && node.arguments.some((argument) => literalsIn(ts, argument).some(names))) return true;
    }
    return ts.forEachChild(node, (child) => visit(child) || undefined) ?? false;
  };
  return visit(tree);
}

/** String literals inside an argument: `'keys.json'`, `path.join(__dirname, 'config', 'keys.json')`. */
function literalsIn(ts: Ts, node: TypeScript.Node): string[] {
  if (ts.isStringLiteralLike(node)) return [node.text];
  const found: string[] = [];
  const parts: string[] = [];
  ts.forEachChild(node, (child) => {
    const inner = literalsIn(ts, child);
    found.push(...inner);
    if (ts.isStringLiteralLike(child)) parts.push(child.text);
  });
  // `path.join(__dirname, 'data', 'keys.json')`: the joined literals name the file too.
  if (parts.length > 1) found.push(parts.join('/'));
  return found;
}

/**
 * Why no code of this repository can reach a browser, or undefined when some can: no client entry,
 * no package built or published for browsers, no HTML page, no bundler config building for browsers.
 */
export function noBrowserReason(entries: readonly Entry[], packages: readonly PackageInfo[], layouts: BuildLayouts, files: readonly string[], clientOutputs: number): string | undefined {
  if (entries.some(({ side }) => side === 'client') || clientOutputs > 0) return undefined;
  const owners = packages.length > 0 ? packages : [layouts.ownerOf('')];
  for (const info of owners) {
    if (isBrowserPackage(info) || info.manifest.browser !== undefined || BROWSER_LIBRARY_DEPENDENCIES.some((name) => info.dependencies.has(name))) return undefined;
    if (layouts.frameworksOf(info).some((row) => row.folders)) return undefined;
  }
  if (files.some((file) => /\.html?$/.test(file) && !isOutsideSource(file))) return undefined;
  return 'the repository has no browser entry: no client framework, HTML page, browser package or browser build config, so its code runs on servers';
}
