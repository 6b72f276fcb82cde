// The import graph, built lazily: a module is read and its imports resolved only when a walk from
// an entry reaches it. Two walks run over it: from client entries (stopping at server boundaries and
// at imports only server data functions use) and from server entries (following everything).
import { fileMarker, MARKER_IMPORTS, type FileMarker } from '@engium/core';
import { mayHaveDataFunctions, serverOnlyImports } from './data-functions.js';
import type { Entry } from './entries.js';
import type { Problem } from './types.js';
import type { ModuleResolver } from './resolve.js';
import { isModuleFile, readModule, type ModuleBytes } from './source-files.js';
import type { RootPaths } from './paths.js';
import type { SyntaxTrees } from './syntax.js';
import type { Ts } from './typescript.js';

export interface ModuleEdge {
  specifier: string;
  target: string;
  /** Only the server runs it: a data function's import, Astro frontmatter. */
  serverOnly: boolean;
}

export interface ModuleNode {
  file: string;
  edges: ModuleEdge[];
  /** Astro pages: modules they ship to the browser (islands, `<script>` imports). */
  clientEdges: { target: string; reason: string }[];
  marker?: FileMarker;
  /** Env names the text mentions after `process.env` / `import.meta.env` / `$env/…/public` (confirmed on demand). */
  mentionsEnv: boolean;
  readable: boolean;
  /** For modules that may hold a key (the only ones parsed in full here): the first syntax error. */
  syntaxError?: string;
}

export interface Reach {
  /** The module it was reached from; undefined for an entry. */
  parent?: string;
  entry: Entry;
  depth: number;
}

const ENV_MENTION = /\bprocess\.env\b|\bimport\.meta\.env\b|\$env\/(?:static|dynamic)\/public|['"](?:@env|react-native-dotenv)['"]/;

export class ModuleGraph {
  readonly nodes = new Map<string, ModuleNode>();
  readonly client = new Map<string, Reach>();
  readonly server = new Map<string, Reach>();

  constructor(
    private readonly ts: Ts,
    private readonly paths: RootPaths,
    private readonly resolver: ModuleResolver,
    private readonly problems: Problem[],
    private readonly trees: SyntaxTrees,
    private readonly moduleBytes: ModuleBytes,
    /** Route modules a route config names, wherever they are (their loaders are stripped from the browser build too). */
    private readonly routeModules: ReadonlySet<string> = new Set(),
    /** Server modules the client build replaces with calls to the server (SvelteKit remote functions), with why. */
    private readonly boundaries: ReadonlyMap<string, string> = new Map(),
  ) {}

  /** A module's own marker, else the server marker of a framework boundary. */
  private markerOf(file: string, marker: FileMarker | undefined): FileMarker | undefined {
    if (marker?.side === 'server') return marker;
    const boundary = this.boundaries.get(file);
    return boundary === undefined ? marker : { side: 'server', id: 'framework-boundary', reason: boundary };
  }

  node(file: string): ModuleNode {
    let node = this.nodes.get(file);
    if (node) return node;
    // Data and stylesheets an import reaches import nothing the graph follows: not scanned for imports.
    const read = readModule(this.ts, this.paths, file, this.moduleBytes, { imports: isModuleFile(file) });
    if (!read.ok) {
      this.problems.push({ file, reason: read.reason });
      node = { file, edges: [], clientEdges: [], marker: this.markerOf(file, fileMarker(file)), mentionsEnv: false, readable: false };
      this.nodes.set(file, node);
      return node;
    }
    const { source } = read;
    let serverOnly = new Set<string>();
    if (mayHaveDataFunctions(file, source.text, this.routeModules.has(file))) {
      try {
        serverOnly = serverOnlyImports(this.ts, file, source.text);
      } catch (error) {
        this.problems.push({ file, reason: `not parsed: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    const edges: ModuleEdge[] = [];
    let marker = fileMarker(file, source.text);
    for (const entry of source.imports) {
      if (entry.typeOnly) continue;
      const imported = MARKER_IMPORTS[entry.specifier];
      // `import "server-only"` fails the build of any client module that imports this one.
      if (imported) marker = imported;
      for (const target of this.resolve(entry.specifier, file)) edges.push({ specifier: entry.specifier, target, serverOnly: entry.serverSide || serverOnly.has(entry.specifier) });
    }
    const clientEdges = source.clientImports.flatMap(({ specifier, reason }) => this.resolve(specifier, file).map((target) => ({ target, reason })));
    // A key's verdict rests on its module's syntax, so modules that may hold one are parsed in full.
    // (JSON and other data files an import reaches are not JavaScript: a parse would only fail.)
    const syntaxError = source.mayHoldKey && isModuleFile(file) ? this.trees.syntaxError(file) : undefined;
    if (syntaxError) this.problems.push({ file, reason: `syntax error, ${syntaxError}` });
    node = { file, edges, clientEdges, marker: this.markerOf(file, marker), mentionsEnv: ENV_MENTION.test(source.text), readable: true, ...(syntaxError ? { syntaxError } : {}) };
    this.nodes.set(file, node);
    return node;
  }

  /** The modules an import reaches: what it resolves to, and in a React Native app its platform files. */
  private resolve(specifier: string, from: string): string[] {
    const resolution = this.resolver.resolve(specifier, from);
    const resolved = resolution.kind === 'module' ? resolution.file : undefined;
    const targets = [...(resolved ? [resolved] : []), ...this.resolver.platformFiles(specifier, from, resolved)];
    if (resolution.kind === 'unresolved' && targets.length === 0) this.problems.push({ file: from, reason: resolution.reason });
    return targets;
  }

  /** Breadth first from every client entry at once, so each module keeps its shortest chain. */
  walkClient(entries: readonly Entry[]): void {
    const queue: string[] = [];
    const seed = (file: string, entry: Entry) => {
      if (this.client.has(file)) return;
      if (this.node(file).marker?.side === 'server') return;
      this.client.set(file, { entry, depth: 0 });
      queue.push(file);
    };
    for (const entry of entries) if (entry.side === 'client') seed(entry.file, entry);
    // Astro islands and page scripts: entries found while reading the server-rendered pages.
    for (const entry of entries) {
      if (entry.side !== 'server' || !entry.file.endsWith('.astro')) continue;
      for (const edge of this.node(entry.file).clientEdges) seed(edge.target, { file: edge.target, side: 'client', label: `${edge.reason} in ${entry.file}` });
    }
    for (let index = 0; index < queue.length; index++) {
      const file = queue[index] as string;
      const reach = this.client.get(file) as Reach;
      for (const edge of this.node(file).edges) {
        if (edge.serverOnly || this.client.has(edge.target)) continue;
        // A server module imported by client code is a boundary: "use server" becomes an RPC
        // reference, and `server-only` / *.server.* fail the build rather than ship.
        if (this.node(edge.target).marker?.side === 'server') continue;
        this.client.set(edge.target, { parent: file, entry: reach.entry, depth: reach.depth + 1 });
        queue.push(edge.target);
      }
    }
  }

  walkServer(entries: readonly Entry[]): void {
    const queue: string[] = [];
    for (const entry of entries) {
      if (entry.side !== 'server' || this.server.has(entry.file)) continue;
      this.server.set(entry.file, { entry, depth: 0 });
      queue.push(entry.file);
    }
    for (let index = 0; index < queue.length; index++) {
      const file = queue[index] as string;
      const reach = this.server.get(file) as Reach;
      for (const edge of this.node(file).edges) {
        if (this.server.has(edge.target)) continue;
        this.server.set(edge.target, { parent: file, entry: reach.entry, depth: reach.depth + 1 });
        queue.push(edge.target);
      }
    }
  }

  /** Entry first, the entry with its label: `['app/page.tsx ("use client")', 'lib/engium.ts']`. */
  chain(reached: ReadonlyMap<string, Reach>, file: string): string[] | undefined {
    const steps: string[] = [];
    let current: string | undefined = file;
    while (current !== undefined) {
      const reach = reached.get(current);
      if (!reach) return undefined;
      steps.push(reach.parent === undefined ? `${current} (${reach.entry.label})` : current);
      current = reach.parent;
    }
    return steps.reverse();
  }

  private importers?: Map<string, string[]>;

  /** Modules whose edges point at `file`, among those the walks read (call after the walks). */
  importersOf(file: string): string[] {
    if (!this.importers) {
      this.importers = new Map();
      for (const node of this.nodes.values()) {
        for (const edge of node.edges) {
          const list = this.importers.get(edge.target) ?? [];
          if (!list.includes(node.file)) list.push(node.file);
          this.importers.set(edge.target, list);
        }
      }
    }
    return this.importers.get(file) ?? [];
  }
}
