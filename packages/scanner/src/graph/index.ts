// Program analysis: which modules reach the browser. Loaded with a dynamic import by the classify
// step only (ts-morph costs half a second to load). In order: packages and tsconfigs, entries per
// framework, a lazy import graph walked from client entries and from server entries, then the
// queries the classify step asks (a module's exposure, a key's importers, env readers, builds).
import { componentMarker, publicEnvPrefix } from '@engium/core';
import { buildExposure } from './build-exposure.js';
import { readConfigFacts } from './config-injection.js';
import { renderedExposure } from './rendered.js';
import { helperDataExposure, mayReturnData, returnedDataExposure, type DataCaller } from './returned-data.js';
import { serverExportAt } from './data-functions.js';
import { dataReaderExposure, nodeConfigExposure, noBrowserReason } from './server-conventions.js';
import { exportedNamesAt, readersOf, type BindingReader } from './definitions.js';
import { findEntries, type Entry } from './entries.js';
import { globMatcher } from './glob-matcher.js';
import { dirnamePosix } from './paths.js';
import { envNamesRead } from './env-reads.js';
import { ModuleGraph } from './module-graph.js';
import { analyseBuildOutput } from './build-output.js';
import { ModuleResolver } from './resolve.js';
import { isModuleFile, ModuleBytes, readModule } from './source-files.js';
import { SyntaxTrees } from './syntax.js';
import { configFinder, defaultOptions, loadConfigs, type ProgramConfig } from './tsconfig.js';
import { loadTypeScript } from './typescript.js';
import type { EnvShipping } from '../frameworks.js';
import type { ConfigInjection, KeyReaders, ModuleExposure, Problem, ProgramAnalysis, ProgramAnalysisOptions } from './types.js';

export type * from './types.js';

/** Client entries for the Vue and Svelte components of `files` that the entries' walk did not reach. */
function componentEntries(files: readonly string[], graph: ModuleGraph): Entry[] {
  return files.flatMap((file) => {
    const marker = graph.client.has(file) ? undefined : componentMarker(file);
    return marker ? [{ file, side: 'client' as const, label: marker.reason }] : [];
  });
}

export async function analyseProgram(root: string, options: ProgramAnalysisOptions): Promise<ProgramAnalysis> {
  const ts = await loadTypeScript();
  const files = options.files;
  const builds = options.buildOutput ?? analyseBuildOutput(root, files);
  const { paths, packages, layouts } = builds;
  // The graph's problems add to the folder rules' own, which stay as they were.
  const problems = [...builds.problems];
  const configs = loadConfigs(ts, paths, files, packages, problems);
  const fallbackOptions = defaultOptions(ts);
  const fallback: ProgramConfig = {
    dir: '',
    options: fallbackOptions,
    solutionStyle: false,
    includes: () => false,
    cache: ts.createModuleResolutionCache(paths.root, (name) => name, fallbackOptions),
  };
  const facts = readConfigFacts(ts, paths, packages, layouts, problems);
  const resolver = new ModuleResolver(ts, paths, packages, configFinder(configs, fallback));
  const fileSet = new Set(files);
  const moduleBytes = new ModuleBytes(paths);
  const entries = findEntries({
    paths,
    files,
    packages,
    clientEntries: options.clientEntries ?? [],
    moduleBytes,
    ...(options.heads ? { heads: options.heads } : {}),
    sourceFor: (file) => resolver.moduleAt(file),
    pageRoots: facts.pageRoots,
    problems,
  });
  for (const { file, label } of facts.clientEntries) if (fileSet.has(file)) entries.push({ file, side: 'client', label });

  const trees = new SyntaxTrees(ts, paths);
  const routeModules = new Set(entries.filter(({ route }) => route).map(({ file }) => file));
  const boundaries = new Map(entries.filter(({ boundary }) => boundary).map(({ file, label }) => [file, label]));
  const graph = new ModuleGraph(ts, paths, resolver, problems, trees, moduleBytes, routeModules, boundaries);
  graph.walkClient(entries);
  // Vue and Svelte components no entry reaches (a component library's) are browser code all the
  // same, and so is what they import: a second walk from them, after the entries' chains are set.
  const components = componentEntries(files, graph);
  graph.walkClient(components);
  graph.walkServer(entries);
  moduleBytes.clear();
  const noBrowser = noBrowserReason([...entries, ...components], packages, layouts, files, facts.outputs.filter(({ side }) => side === 'client').length);

  const exposureOf = (file: string): ModuleExposure => {
    const syntaxError = graph.nodes.get(file)?.syntaxError;
    if (syntaxError) return { exposure: 'unknown', reason: `the module does not parse (${syntaxError})` };
    // A folder the build copies as it is into what it serves (Vite's publicDir under its root, Storybook's
    // staticDirs), or compiles into what it ships (Tauri's Rust code): it also says who receives a module there.
    const served = facts.servedFolders.find(({ path, glob }) => (glob ? globMatcher(path)(file) : file === path || file.startsWith(`${path}/`)));
    const chain = graph.chain(graph.client, file);
    if (chain) {
      // A package whose tool ships to an app's users (Tauri) hands them its whole frontend.
      const receivedBy = graph.client.get(file)?.entry.receivedBy ?? served?.receivedBy ?? layouts.frameworksOf(layouts.ownerOf(file)).find((row) => row.receivedBy)?.receivedBy;
      return {
        exposure: 'client',
        chain,
        reason: chain.length === 1 ? `client entry: ${chain[0]}` : `imported from the client entry ${chain[0]}`,
        ...(receivedBy !== undefined ? { receivedBy } : {}),
      };
    }
    if (served) return { exposure: 'client', reason: served.reason, chain: [`${file} (${served.step})`], ...(served.receivedBy !== undefined ? { receivedBy: served.receivedBy } : {}) };
    const serverChain = graph.chain(graph.server, file);
    if (serverChain) return { exposure: 'server', reason: `only server code reaches it: ${serverChain.join(' → ')}` };
    const convention = nodeConfigExposure(layouts, file) ?? (isModuleFile(file) ? undefined : dataReaderExposure({ ts, paths, graph, trees, layouts }, file));
    if (convention) return convention;
    const node = graph.nodes.get(file);
    if (node && !node.readable) return { exposure: 'unknown', reason: 'the module could not be read' };
    // With nothing in the repository known to reach a browser, a module that no walk reached is
    // presumed server whatever its syntax: a parse (the graph's dearest step) could only make it
    // unknown, of the same severity, so none is spent on it.
    if (noBrowser) return { exposure: 'server', reason: noBrowser, presumed: true };
    if (!isModuleFile(file)) return { exposure: 'unknown', reason: 'not a module of the program' };
    return { exposure: 'unknown', reason: 'no client or server entry imports it' };
  };

  const readersExposure = (found: readonly BindingReader[], fallbackFile: string, what: string): KeyReaders => {
    // A reader ships the binding only through an import the browser build keeps (not one used
    // only by getServerSideProps, a loader, or Astro frontmatter).
    const shipsFrom = (reader: string, imported: string | undefined) =>
      graph.node(reader).edges.some((edge) => edge.target === imported && !edge.serverOnly);
    // Ranked by the length of their chains, which are built for the one reported only.
    const fromClient = found
      .filter((reader) => shipsFrom(reader.reader, reader.from))
      .map((reader) => ({ reader, depth: graph.client.get(reader.reader)?.depth }))
      .filter((candidate): candidate is { reader: BindingReader; depth: number } => candidate.depth !== undefined)
      .sort((a, b) => a.depth + a.reader.hops - (b.depth + b.reader.hops));
    // A server-marked module on the way is the boundary the client walk stops at too: `server-only`
    // and *.server.* fail the client build, "use server" exports become server references.
    const serverMarkerOn = ({ serverModule }: BindingReader) => (serverModule === undefined ? undefined : { module: serverModule, marker: graph.node(serverModule).marker });
    const client = fromClient.filter(({ reader }) => !serverMarkerOn(reader));
    const readers = [...new Set(found.map(({ reader }) => reader))].sort();
    const best = client[0];
    if (best) {
      const chain = graph.chain(graph.client, best.reader.reader) ?? [];
      const receivedBy = graph.client.get(best.reader.reader)?.entry.receivedBy;
      return {
        exposure: { exposure: 'client', chain: [...chain, ...best.reader.path()], reason: `${what} is imported by client code: ${best.reader.reader}`, ...(receivedBy !== undefined ? { receivedBy } : {}) },
        readers,
      };
    }
    const stopped = fromClient[0];
    const boundary = stopped && serverMarkerOn(stopped.reader);
    // The module itself may still reach the browser another way (a side-effect import).
    const own = exposureOf(fallbackFile);
    if (own.exposure === 'client') return { exposure: own, readers };
    if (stopped && boundary?.marker) {
      const reason = `${what} is imported by client code (${stopped.reader.reader}), but ${boundary.module} stays on the server (${boundary.marker.reason})`;
      return { exposure: { exposure: 'server', reason }, readers };
    }
    return { exposure: own, readers };
  };

  let envIndex: Map<string, string[]> | undefined;
  const clientEnvReaders = (name: string): string[] => {
    if (!envIndex) {
      envIndex = new Map();
      for (const file of [...graph.client.keys()].sort()) {
        if (!graph.nodes.get(file)?.mentionsEnv) continue;
        const tree = trees.of(file);
        if (!tree) continue;
        for (const read of envNamesRead(ts, tree)) envIndex.set(read, [...(envIndex.get(read) ?? []), file]);
      }
    }
    return envIndex.get(name) ?? [];
  };

  const envInjection = (name: string, file?: string): ConfigInjection | undefined => {
    const injection = facts.injections.find((candidate) => candidate.name === name && candidate.side === 'client') ?? facts.injections.find((candidate) => candidate.name === name);
    if (injection) {
      return injection.side === 'client'
        ? { exposure: 'client', reason: injection.reason, chain: [`${injection.where} (injects ${name})`], where: injection.where }
        : { exposure: 'server', reason: injection.reason, where: injection.where };
    }
    // A build that defines a name as the whole environment ships every variable with it, as does a
    // tool that builds the env files into the app (react-native-config).
    // Its package's env files only: a package inside its folder loads its own.
    const envPackage = file === undefined ? undefined : layouts.ownerOf(file).dir;
    const whole = facts.wholeEnv.find((candidate) => candidate.side === 'client' && candidate.dir === envPackage);
    if (whole) return { exposure: 'client', reason: whole.reason, chain: [`${whole.where} (${whole.how})`], where: whole.where, ...audience(whole) };
    // A build that inlines whatever its code reads (dotenv-webpack) ships the variables client code
    // reads, from its package's env files: a server beside a React Native app keeps its own .env.
    // Parcel reads those of its project root's folder alone (a monorepo's root, not the app's).
    const envDir = file === undefined ? undefined : dirnamePosix(file);
    const loads = (candidate: (typeof facts.readsInlined)[number]): boolean => (candidate.projectRootMarkers ? envDir === candidate.dir : candidate.dir === envPackage);
    const inlined = facts.readsInlined.find((candidate) => candidate.side === 'client' && loads(candidate));
    const reader = inlined ? clientEnvReaders(name)[0] : undefined;
    if (inlined && reader) {
      return { exposure: 'client', reason: `${inlined.reason}, and ${reader} reads ${name}`, chain: [`${inlined.where} (inlines ${name})`, reader], where: inlined.where, ...audience(inlined) };
    }
    const prefix = facts.publicPrefixes.find((candidate) => name.startsWith(candidate.prefix));
    if (!prefix) return undefined;
    const where = prefix.reason.split(' ', 1)[0] ?? '';
    return { exposure: 'client', reason: prefix.reason, chain: [`${where} (envPrefix ${prefix.prefix})`], where };
  };

  /**
   * Why a variable without a public prefix that these client modules read stays out of the browser:
   * each module's package is built by a framework that hands browser code its public variables
   * alone (and by no tool that inlines whatever code reads); undefined otherwise.
   */
  const publicEnvOnlyReason = (readers: readonly string[]): string | undefined => {
    const reasons = readers.map((reader) => {
      const rows = layouts.frameworksOf(layouts.ownerOf(reader));
      return rows.some((row) => row.inlinesEnvReads) ? undefined : rows.find((row) => row.publicEnvOnly)?.publicEnvOnly;
    });
    return reasons.every((reason) => reason !== undefined) ? reasons[0] : undefined;
  };

  /** Whether a module may return data a framework sends to the browser, from its path and text (read once each). */
  const returnsDataByFile = new Map<string, boolean>();
  const mayReturnDataAt = (file: string): boolean => {
    let found = returnsDataByFile.get(file);
    if (found === undefined) {
      const read = isModuleFile(file) && !file.endsWith('.astro') ? readModule(ts, paths, file, undefined, { imports: false }) : undefined;
      found = read?.ok === true && mayReturnData(file, read.source.text, routeModules.has(file));
      returnsDataByFile.set(file, found);
    }
    return found;
  };

  return {
    exposureOf,
    envInjection,
    renderedAt: atLine((file, line) => {
      if (!fileSet.has(file) || graph.nodes.get(file)?.syntaxError) return undefined;
      // Parsed only when it or a module importing it may return data the framework sends on.
      const returnsData = isModuleFile(file) && !file.endsWith('.astro') && (mayReturnDataAt(file) || graph.importersOf(file).some(mayReturnDataAt));
      const tree = returnsData ? trees.of(file) : undefined;
      if (!tree) return renderedExposure({ ts, paths, graph, trees }, file, line);
      const callers = (): DataCaller[] =>
        graph.importersOf(file).flatMap((importer) => {
          const source = isModuleFile(importer) && !importer.endsWith('.astro') ? trees.of(importer) : undefined;
          const specifiers = graph.node(importer).edges.filter((edge) => edge.target === file).map((edge) => edge.specifier);
          return source ? [{ file: importer, source, route: routeModules.has(importer), specifiers }] : [];
        });
      return returnedDataExposure(ts, file, tree, line, routeModules.has(file)) ?? helperDataExposure(ts, file, tree, line, callers) ?? renderedExposure({ ts, paths, graph, trees }, file, line);
    }),
    serverExportAt: atLine((file, line) => {
      const tree = fileSet.has(file) && isModuleFile(file) && !graph.nodes.get(file)?.syntaxError ? trees.of(file) : undefined;
      const found = tree && serverExportAt(ts, file, tree, line, routeModules.has(file));
      if (!found) return undefined;
      if (found.declaration !== undefined) return { exposure: 'server', reason: `${found.declaration} is used only inside ${found.name}, which ${found.framework} runs on the server: the browser build strips both` };
      return { exposure: 'server', reason: `inside ${found.name}, which ${found.framework} runs on the server and strips from the browser build` };
    }),
    configExposure(file, line) {
      const range = facts.shipped.find((candidate) => candidate.config === file && candidate.fromLine <= line && line <= candidate.toLine);
      if (!range) return undefined;
      return range.side === 'client'
        ? { exposure: 'client', reason: range.reason, chain: [`${range.where} (build config)`], where: range.where }
        : { exposure: 'server', reason: range.reason, where: range.where };
    },
    importersOfDefinition: atLine((file, line) => {
      if (!isModuleFile(file) || !fileSet.has(file) || graph.nodes.get(file)?.syntaxError) return undefined;
      // A module no other module imports has no readers: its exposure is its own (no parse needed).
      if (graph.importersOf(file).length === 0) return undefined;
      const tree = trees.of(file);
      if (!tree) return undefined;
      const names = exportedNamesAt(ts, tree, line);
      if (names.length === 0) return undefined;
      const found = readersOf(ts, graph, trees, file, names);
      return readersExposure(found, file, names.includes('*') ? file : `${names.join(', ')} from ${file}`);
    }),
    envReaders(name, file) {
      const readers = clientEnvReaders(name);
      if (readers.length === 0) return undefined;
      const prefix = publicEnvPrefix(name, options.publicEnvPrefixes ?? []);
      const shortest = readers
        .map((reader) => graph.chain(graph.client, reader) as string[])
        .sort((a, b) => a.length - b.length)[0] as string[];
      const inlined = prefix ? undefined : envInjection(name, file);
      if (inlined?.exposure === 'client') return { exposure: { exposure: 'client', chain: shortest, reason: `${inlined.reason}; read by client code: ${readers.join(', ')}` }, readers };
      if (!prefix) {
        // Where every reader is built by a framework that hands browser code its public variables
        // alone, the variable is undefined there: the value stays on the server.
        const kept = publicEnvOnlyReason(readers);
        return {
          exposure: kept
            ? { exposure: 'server', reason: `${kept}, so ${name} is undefined in ${readers.join(', ')} there` }
            : { exposure: 'unknown', reason: `${name} has no public prefix, so bundlers do not inline it into ${readers.join(', ')}` },
          readers,
        };
      }
      return { exposure: { exposure: 'client', chain: shortest, reason: `${prefix.reason}; read by client code: ${readers.join(', ')}` }, readers };
    },
    buildExposure: (file, mappedSources) =>
      buildExposure({ paths, packages, layouts, exposureOf, configOutputs: facts.outputs, isModule: (candidate) => fileSet.has(candidate) && isModuleFile(candidate) }, file, mappedSources),
    problems: dedupe(problems),
  };
}

/**
 * A query about `file:line`, answered once: the classify thread asks about the sources' hits
 * early (parsing what they need) and again with every hit, and trees may be gone by then.
 */
/** Who receives what a tool ships and what to do instead, when the tool says (react-native-config). */
function audience({ receivedBy, advice }: EnvShipping): Pick<ConfigInjection, 'receivedBy' | 'advice'> {
  return { ...(receivedBy !== undefined ? { receivedBy } : {}), ...(advice !== undefined ? { advice } : {}) };
}

function atLine<T>(query: (file: string, line: number) => T): (file: string, line: number) => T {
  const answers = new Map<string, T>();
  return (file, line) => {
    const id = `${line}:${file}`;
    if (!answers.has(id)) answers.set(id, query(file, line));
    return answers.get(id) as T;
  };
}

/**
 * Each problem once. A package or alias a checkout lacks (not installed, not generated yet) is one
 * problem, however many modules import it: named under the first, with how many others do.
 * Everything else (a relative import names a different file from each folder) stays per file.
 */
function dedupe(problems: readonly Problem[]): Problem[] {
  const groups = new Map<string, { first: Problem; files: Set<string> }>();
  for (const problem of problems) {
    const id = SAME_EVERYWHERE.test(problem.reason) ? problem.reason : `${problem.file}\0${problem.reason}`;
    const seen = groups.get(id);
    if (seen) seen.files.add(problem.file);
    else groups.set(id, { first: problem, files: new Set([problem.file]) });
  }
  return [...groups.values()].map(({ first, files }) =>
    files.size === 1 ? first : { ...first, reason: `${first.reason} (and in ${files.size - 1} other file${files.size === 2 ? '' : 's'})` },
  );
}

/** Resolution problems of a specifier that means the same from every module: a package, an alias. */
const SAME_EVERYWHERE = /^cannot resolve (?:workspace package |the alias )?"[^./]/;
