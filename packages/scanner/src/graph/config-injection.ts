// What build configs inject into the code they build, read from their syntax trees (configs are
// code; the scanner never runs them): env variables a config inlines whatever their prefix (Vite and
// esbuild `define`, webpack `DefinePlugin`/`EnvironmentPlugin`, Next.js `env`, `@rollup/plugin-replace`,
// Expo `extra`), more public prefixes (Vite `envPrefix`), objects the app receives whole (Expo `extra`),
// and the platform a bundler builds for, with its output folder. Which configs and which injection
// points: the framework table (`../frameworks.ts`).
import { posix } from 'node:path';
import { type BuildSide, type ConfigPlatform, type EnvShipping, type FrameworkBuild, type InjectionPoint } from '../frameworks.js';
import type { ConfigOutput } from './build-exposure.js';
import type { BuildLayouts } from './build-layout.js';
import { declaredMajor, type PackageInfo } from './packages.js';
import { dirnamePosix, joinPosix, type RootPaths } from './paths.js';
import { scriptKindOf } from './source-files.js';
import type { Problem } from './types.js';
import { parseOptions, type Ts, type TypeScript } from './typescript.js';
import { briefReason } from '../safe-read.js';
import { readProjectText } from './read.js';
import { readManifestTargets } from './manifest-targets.js';
import { readScriptBuilds, scriptConfigs } from './script-builds.js';
import { outputFolder, platformSide, type PlatformSetting } from './platform.js';
import { readTomlConfig, TomlSyntaxError, type TomlConfig } from './toml-config.js';

/** An env variable a config puts into built code. */
export interface Injection {
  name: string;
  /** `vite.config.ts:7` */
  where: string;
  side: BuildSide;
  reason: string;
}

/** Lines of a config whose values the built code receives as written (Expo `extra`, a `define` value). */
export interface ShippedRange {
  config: string;
  fromLine: number;
  toLine: number;
  side: BuildSide;
  /** `vite.config.ts:7` */
  where: string;
  reason: string;
}

/** Files a build ships as they are (a static folder), or compiles into what it ships (Tauri's Rust code). */
export interface ServedFiles {
  /** Root-relative: a folder, a file, or with `glob` a glob. */
  path: string;
  glob?: boolean;
  reason: string;
  /** The chain's step: `Vite static file, vite.config.ts:4`. */
  step: string;
  /** Who receives them, when not browsers (`everyone who installs the app`). */
  receivedBy?: string;
}

export interface ConfigFacts {
  injections: Injection[];
  publicPrefixes: { prefix: string; reason: string }[];
  shipped: ShippedRange[];
  outputs: ConfigOutput[];
  /** Source modules a bundler config builds for browsers (webpack `entry`, Rollup `input`…). */
  clientEntries: { file: string; label: string }[];
  /** Builds that inline every env variable their code reads (dotenv-webpack): where, for which side. */
  readsInlined: ({ where: string; side: BuildSide; /** The package folder whose env files it loads. */ dir: string } & EnvShipping)[];
  /** Builds that define a name as the whole environment (`define: { 'process.env': process.env }`): every variable ships. */
  wholeEnv: ({ where: string; side: BuildSide; /** The package folder whose env files it loads. */ dir: string; /** What ships them, for the chain (`defines the whole environment`). */ how: string } & EnvShipping)[];
  /** Where a package's tool serves and builds its HTML pages from, when its config moves it (Vite `root`), by package folder. */
  pageRoots: Map<string, { dir: string; where: string }>;
  /** Folders a build copies into what it ships as they are (Vite `publicDir`, Storybook `staticDirs`), root-relative. */
  servedFolders: ServedFiles[];
}

const ENV_KEY = /^(?:process\.env|import\.meta\.env)\.([A-Za-z_$][\w$]*)$/;

/** The nearest folder at or above `dir` that holds one of `markers` (a lockfile, `.git`), else the root. */
function projectRootOf(dir: string, markers: readonly string[], layouts: BuildLayouts): string {
  for (let at = dir; at !== ''; at = dirnamePosix(at)) {
    if (markers.some((marker) => layouts.exists(joinPosix(at, marker)))) return at;
  }
  return '';
}

export function readConfigFacts(ts: Ts, paths: RootPaths, packages: readonly PackageInfo[], layouts: BuildLayouts, problems: Problem[]): ConfigFacts {
  const facts: ConfigFacts = { injections: [], publicPrefixes: [], shipped: [], outputs: [], clientEntries: [], readsInlined: [], wholeEnv: [], pageRoots: new Map(), servedFolders: [] };
  const owners: PackageInfo[] = packages.some(({ dir }) => dir === '') ? [...packages] : [...packages, layouts.ownerOf('')];
  /** Row and config pairs read, so a config both found by name and named by a script is read once. */
  const done = new Set<string>();
  for (const owner of owners) {
    for (const row of layouts.frameworksOf(owner)) {
      if (row.inlinesEnvReads) {
        const markers = row.inlinesEnvReads.projectRootMarkers;
        const dir = markers ? projectRootOf(owner.dir, markers, layouts) : owner.dir;
        facts.readsInlined.push({ where: joinPosix(owner.dir, 'package.json'), side: 'client', dir, ...row.inlinesEnvReads });
      }
      if (row.shipsEnvFiles) facts.wholeEnv.push({ where: joinPosix(owner.dir, 'package.json'), side: 'client', dir: owner.dir, how: `depends on ${row.name}`, ...row.shipsEnvFiles });
      for (const glob of row.compiledSources ?? []) {
        const path = joinPosix(owner.dir, glob);
        const to = row.receivedBy ?? 'every browser';
        facts.servedFolders.push({ path, glob: true, step: `${row.name} app code`, reason: `${row.name} compiles ${path} into what it ships to ${to}`, ...(row.receivedBy !== undefined ? { receivedBy: row.receivedBy } : {}) });
      }
      if (row.manifestTargets) readManifestTargets(owner, { ...row, manifestTargets: row.manifestTargets }, facts);
      if (!row.injections && !row.platform) continue;
      for (const config of layouts.configsOf(owner, row)) {
        read(config, row, owner);
        done.add(`${row.name}\0${config}`);
      }
    }
    // Configs a script names (`webpack --config config/webpack.prod.js`), wherever they are.
    for (const { row, config } of scriptConfigs(owner)) {
      if (!done.has(`${row.name}\0${config}`) && layouts.exists(config)) read(config, row, owner);
    }
  }
  readScriptBuilds(paths, owners, facts, problems);
  return facts;

  function read(config: string, row: FrameworkBuild, owner: PackageInfo): void {
    let text: string;
    try {
      text = readProjectText(paths, paths.absolute(config));
    } catch (error) {
      problems.push({ file: config, reason: `config not read: ${briefReason(error)}` });
      return;
    }
    let toml: TomlConfig | undefined;
    try {
      toml = config.endsWith('.toml') ? readTomlConfig(ts, config, text) : undefined;
    } catch (error) {
      problems.push({ file: config, reason: `config not read: not valid TOML (${error instanceof TomlSyntaxError ? error.message : briefReason(error)})` });
      return;
    }
    try {
      const tree = toml?.tree ?? (config.endsWith('.json') ? ts.parseJsonText(config, text) : ts.createSourceFile(config, text, parseOptions(ts), true, scriptKindOf(ts, config)));
      new ConfigReader(ts, tree, config, row, facts, toml?.lineOf).read(owner);
    } catch (error) {
      // The parser and the readers recurse: a config nested deeper than the stack costs its own
      // facts only, and so does a config that trips a bug of ours.
      const reason = error instanceof RangeError ? 'nested too deep to parse' : `reading it failed (${error instanceof Error ? error.message : String(error)}); please report this as a bug`;
      problems.push({ file: config, reason: `config not read: ${reason}` });
    }
  }
}

/** One build a config describes: an object with an entry (`entryPoints`, `input`, `entry`), or the whole file. */
interface BuildScope {
  node: TypeScript.Node;
  side: BuildSide | 'unknown';
  note: string;
}

class ConfigReader {
  private readonly scopes: BuildScope[];
  private readonly fileScope: BuildScope;

  constructor(
    private readonly ts: Ts,
    private readonly tree: TypeScript.SourceFile,
    private readonly config: string,
    private readonly row: FrameworkBuild,
    private readonly facts: ConfigFacts,
    /** The config's own line of a node, when the tree is not its text (a TOML file read as JSON). */
    private readonly sourceLine?: (node: TypeScript.Node) => number,
  ) {
    const platform = row.platform;
    this.fileScope = platform ? { node: tree, ...this.platform(platform, tree) } : { node: tree, side: 'client', note: `${row.name} builds it for browsers` };
    // `await build({…browser…}); await build({…node…})`: each build object decides for itself.
    this.scopes = platform
      ? [...this.nodes()]
          .filter((node): node is TypeScript.ObjectLiteralExpression => ts.isObjectLiteralExpression(node) && node.properties.some((property) => platform.entry.includes(property.name ? (this.nameOf(property.name) ?? '') : '')))
          .map((node) => ({ node, ...this.platform(platform, node) }))
      : [];
  }

  /** The build that `node` belongs to: the innermost build object around it, else the file. */
  private scopeOf(node: TypeScript.Node): BuildScope {
    let found = this.fileScope;
    for (const scope of this.scopes) if (scope.node.pos <= node.pos && node.end <= scope.node.end && scope.node.pos >= found.node.pos) found = scope;
    return found;
  }

  /** The package the config belongs to, while it is read. */
  private ownerDir = '';
  /** The folder the config's pages are in (Vite `root`), root-relative, when it names one. */
  private pageRoot: string | undefined;

  read(owner: PackageInfo): void {
    this.ownerDir = owner.dir;
    // An option the package's version of the framework no longer has injects nothing.
    const points = (this.row.injections ?? []).filter(({ removedIn }) => !removedIn || (declaredMajor(owner, removedIn.dependency) ?? 0) < removedIn.major);
    // The page root first: the static folders are relative to it.
    const rootValue = points.filter(({ kind }) => kind === 'page-root').flatMap((point) => this.locate(point))[0];
    this.pageRoot = rootValue && this.pathFrom(rootValue, dirnamePosix(this.config));
    if (rootValue && this.pageRoot !== undefined) this.movePageRoot(rootValue, this.pageRoot, points);
    for (const point of points) {
      if (point.kind === 'page-root') continue;
      for (const node of this.locate(point)) this.inject(point, node);
    }
    const platform = this.row.platform;
    if (!platform) return;
    for (const scope of this.scopes.length > 0 ? this.scopes : [this.fileScope]) {
      if (scope.side === 'unknown') continue;
      const output = this.output(platform, scope.node) ?? 'dist';
      this.facts.outputs.push({ path: joinPosix(owner.dir, output), side: scope.side, reason: `${scope.note}, into ${output}` });
      if (scope.side !== 'client') continue;
      for (const entry of this.strings(platform.entry, scope.node)) {
        this.facts.clientEntries.push({ file: joinPosix(owner.dir, entry.replace(/^\.\//, '')), label: `${this.row.name} entry in ${this.config}` });
      }
    }
  }

  /** The 1-based line of the config that holds the start (or the end) of `node`. */
  private lineOf(node: TypeScript.Node, end = false): number {
    return this.sourceLine?.(node) ?? this.tree.getLineAndCharacterOfPosition(end ? node.end : node.getStart(this.tree)).line + 1;
  }

  private where(node: TypeScript.Node): string {
    return `${this.config}:${this.lineOf(node)}`;
  }

  private nameOf(name: TypeScript.PropertyName): string | undefined {
    const { ts } = this;
    if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
    if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
    return undefined;
  }

  /** Every node of the tree, depth first. */
  private *nodes(node: TypeScript.Node = this.tree): Generator<TypeScript.Node> {
    yield node;
    const children: TypeScript.Node[] = [];
    this.ts.forEachChild(node, (child) => {
      children.push(child);
    });
    for (const child of children) yield* this.nodes(child);
  }

  private declared?: Map<string, TypeScript.Expression>;

  /** `const name = value` in this file, the first of each name. */
  private declarations(): Map<string, TypeScript.Expression> {
    if (!this.declared) {
      this.declared = new Map();
      for (const node of this.nodes()) {
        if (this.ts.isVariableDeclaration(node) && this.ts.isIdentifier(node.name) && node.initializer && !this.declared.has(node.name.text)) {
          this.declared.set(node.name.text, node.initializer);
        }
      }
    }
    return this.declared;
  }

  /** An identifier's value when a `const`/`let` in this file gives it one. */
  private valueOf(expression: TypeScript.Expression): TypeScript.Expression {
    const { ts } = this;
    let current = expression;
    for (let depth = 0; depth < 4; depth++) {
      while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) current = current.expression;
      if (!ts.isIdentifier(current)) return current;
      const initializer = this.declarations().get(current.text);
      if (!initializer) return current;
      current = initializer;
    }
    return current;
  }

  private locate(point: InjectionPoint): TypeScript.Expression[] {
    const { ts } = this;
    const found: TypeScript.Expression[] = [];
    const at = point.at;
    if ('exported' in at) return this.exportedValues(point.serialized === true);
    const callNames = new Set<string>('call' in at ? [at.call] : []);
    if ('call' in at && at.from) {
      for (const statement of this.tree.statements) {
        if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === at.from && statement.importClause?.name) {
          callNames.add(statement.importClause.name.text);
        }
      }
    }
    for (const node of this.nodes()) {
      if ('property' in at && at.within !== undefined) {
        // `within: 'runtimeConfig'`: the property right inside the object of the outer one;
        // `within: 'build.options'`: inside the object of `options`, inside the object of `build`;
        // `within: 'build.configurations.*'`: inside the object of each property of `configurations`.
        const [first, ...rest] = at.within.split('.');
        if (!ts.isPropertyAssignment(node) || this.nameOf(node.name) !== first) continue;
        let outers: TypeScript.Expression[] = [this.valueOf(node.initializer)];
        for (const name of rest) outers = outers.flatMap((outer) => (ts.isObjectLiteralExpression(outer) ? this.propertyValues(outer, name) : []));
        for (const outer of outers) {
          if (!ts.isObjectLiteralExpression(outer)) continue;
          for (const inner of outer.properties) {
            if (ts.isPropertyAssignment(inner) && this.nameOf(inner.name) === at.property) found.push(this.valueOf(inner.initializer));
            else if (ts.isShorthandPropertyAssignment(inner) && inner.name.text === at.property) found.push(this.valueOf(inner.name));
          }
        }
      } else if ('property' in at) {
        const value =
          ts.isPropertyAssignment(node) && this.nameOf(node.name) === at.property ? this.valueOf(node.initializer) : ts.isShorthandPropertyAssignment(node) && node.name.text === at.property ? this.valueOf(node.name) : undefined;
        if (value && (!at.topLevel || this.inConfigObject(node))) found.push(value);
      } else if ('chainedPlugin' in at) {
        // `config.plugin('define').tap(fn)`: fn receives the plugin's arguments and returns them, changed.
        const plugin = ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'tap' ? node.expression.expression : undefined;
        const named = plugin && ts.isCallExpression(plugin) && calleeName(ts, plugin.expression) === 'plugin' ? plugin.arguments[0] : undefined;
        const tapped = ts.isCallExpression(node) ? node.arguments[0] : undefined;
        if (named && ts.isStringLiteralLike(named) && named.text === at.chainedPlugin && tapped) found.push(this.valueOf(tapped));
      } else if ('construct' in at) {
        // `new Dotenv()` takes no argument: the expression itself is where it injects.
        if (ts.isNewExpression(node) && calleeName(ts, node.expression) === at.construct) found.push(node.arguments?.[0] ? this.valueOf(node.arguments[0]) : node);
        // webpack-chain's `config.plugin('env').use(webpack.DefinePlugin, [{ … }])` constructs it with the list's arguments.
        const plugin = ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'use' ? node.arguments[0] : undefined;
        if (ts.isCallExpression(node) && plugin && calleeName(ts, plugin) === at.construct) {
          const list = node.arguments[1] && this.valueOf(node.arguments[1]);
          found.push(list && ts.isArrayLiteralExpression(list) && list.elements[0] ? this.valueOf(list.elements[0]) : node);
        }
      } else if (ts.isCallExpression(node) && callNames.has(calleeName(ts, node.expression) ?? '') && node.arguments[0]) {
        found.push(this.valueOf(node.arguments[0]));
      }
    }
    return found;
  }

  /**
   * The object literals the config exports: `module.exports = {…}`, `export default {…}` (also through
   * a `const` and `satisfies`), or what an exported function returns (`export default async function createConfig()`).
   * When the value is not `serialized` (JSON drops functions), an exported function expression is
   * taken whole: its body builds what it returns (Ember's `ENV.APP.key = …` before `return ENV`).
   */
  private exportedValues(serialized: boolean): TypeScript.Expression[] {
    const { ts } = this;
    const exported: TypeScript.Node[] = [];
    for (const statement of this.tree.statements) {
      if (ts.isExportAssignment(statement)) exported.push(this.valueOf(statement.expression));
      else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && statement.expression.left.getText(this.tree) === 'module.exports') {
        exported.push(this.valueOf(statement.expression.right));
      } else if (ts.isFunctionDeclaration(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword)) exported.push(statement);
    }
    const whole = (node: TypeScript.Node): node is TypeScript.FunctionExpression | TypeScript.ArrowFunction => !serialized && (ts.isFunctionExpression(node) || ts.isArrowFunction(node));
    return exported.flatMap((node): TypeScript.Expression[] => {
      if (whole(node)) return [node];
      const values = ts.isFunctionLike(node) ? this.returnedBy(node) : [node];
      return values.filter((value): value is TypeScript.ObjectLiteralExpression => ts.isObjectLiteralExpression(value));
    });
  }

  /** What a function returns: its expression body, or the value of each `return` of its own (not of functions inside it). */
  private returnedBy(fn: TypeScript.SignatureDeclaration): TypeScript.Expression[] {
    const { ts } = this;
    if (ts.isArrowFunction(fn) && !ts.isBlock(fn.body)) return [this.valueOf(fn.body)];
    const body = 'body' in fn ? fn.body : undefined;
    if (!body || !ts.isBlock(body)) return [];
    const returned: TypeScript.Expression[] = [];
    const visit = (node: TypeScript.Node): void => {
      if (ts.isReturnStatement(node) && node.expression) returned.push(this.valueOf(node.expression));
      else if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
    };
    ts.forEachChild(body, visit);
    return returned;
  }

  /**
   * The values of an object or array as data goes into JSON: every value but functions (and what
   * they hold), through `const`s and spreads, each leaf on its own.
   */
  private dataOf(value: TypeScript.Expression, depth = 0): TypeScript.Expression[] {
    const { ts } = this;
    const resolved = this.valueOf(value);
    if (ts.isFunctionLike(resolved) || depth > 32) return [];
    if (ts.isArrayLiteralExpression(resolved)) return resolved.elements.flatMap((element) => this.dataOf(ts.isSpreadElement(element) ? element.expression : element, depth + 1));
    if (!ts.isObjectLiteralExpression(resolved)) return [resolved];
    return resolved.properties.flatMap((property) => {
      if (ts.isPropertyAssignment(property)) return this.dataOf(property.initializer, depth + 1);
      if (ts.isShorthandPropertyAssignment(property)) return this.dataOf(property.name, depth + 1);
      if (ts.isSpreadAssignment(property)) return this.dataOf(property.expression, depth + 1);
      return [];
    });
  }

  /** Whether a property belongs to the outermost object of the file (the config's own), not to one nested in it (a plugin's options). */
  private inConfigObject(property: TypeScript.Node): boolean {
    for (let outer = property.parent?.parent; outer; outer = outer.parent) if (this.ts.isObjectLiteralExpression(outer)) return false;
    return true;
  }

  /**
   * The root-relative folder a path value names: a string relative to `base` (root-relative), or
   * `path.resolve(__dirname, 'client')`, `` `${__dirname}/client` `` and `fileURLToPath(new URL('./client',
   * import.meta.url))` from the config's folder. Undefined for another value or a folder outside the package.
   */
  private pathFrom(value: TypeScript.Expression, base: string): string | undefined {
    const { ts } = this;
    const configFolder = posix.relative(this.ownerDir, dirnamePosix(this.config));
    let inPackage: string | undefined;
    // A URL (Tauri's `frontendDist: 'https://app.example.com'`) names no folder of the repository.
    if (ts.isStringLiteralLike(value)) inPackage = /^[a-z][\w+.-]*:/i.test(value.text) ? undefined : pathInPackage(posix.relative(this.ownerDir, base), [value.text]);
    else if (ts.isCallExpression(value) && calleeName(ts, value.expression) === 'fileURLToPath') {
      const url = value.arguments[0];
      const [relative, from] = url && ts.isNewExpression(url) && calleeName(ts, url.expression) === 'URL' ? (url.arguments ?? []) : [];
      const fromConfig = from?.getText(this.tree).replace(/\s+/g, '') === 'import.meta.url';
      inPackage = fromConfig && relative && ts.isStringLiteralLike(relative) ? pathInPackage(configFolder, [relative.text]) : undefined;
    } else if (ts.isCallExpression(value)) inPackage = joinedPath(ts, value.arguments, configFolder);
    else inPackage = concatenatedPath(ts, value, configFolder);
    return inPackage === undefined ? undefined : joinPosix(this.ownerDir, inPackage);
  }

  /** The config moves the pages to `root` (Vite): they and the row's static folders, unless the config names its own, are there. */
  private movePageRoot(value: TypeScript.Expression, root: string, points: readonly InjectionPoint[]): void {
    const where = this.where(value);
    this.facts.pageRoots.set(this.ownerDir, { dir: root, where });
    if (points.some((point) => point.kind === 'static-folders' && this.locate(point).length > 0)) return;
    for (const folder of this.row.staticFolders ?? []) {
      this.facts.servedFolders.push({ path: joinPosix(root, folder), step: `${this.row.name} static file, ${where}`, reason: `${this.row.name} serves ${joinPosix(root, folder)}/ to browsers as it is: ${where} puts the project root in ${root}` });
    }
  }

  /** The values of the property `name` of `object` (of every property for `*`). */
  private propertyValues(object: TypeScript.ObjectLiteralExpression, name: string): TypeScript.Expression[] {
    if (name !== '*') {
      const value = this.propertyValue(object, name);
      return value ? [value] : [];
    }
    return object.properties.flatMap((property) => (this.ts.isPropertyAssignment(property) ? [this.valueOf(property.initializer)] : []));
  }

  /** The value of the property `name` of `object`, if it has one. */
  private propertyValue(object: TypeScript.ObjectLiteralExpression, name: string): TypeScript.Expression | undefined {
    for (const property of object.properties) {
      if (this.ts.isPropertyAssignment(property) && this.nameOf(property.name) === name) return this.valueOf(property.initializer);
    }
    return undefined;
  }

  /** Env variables an expression reads: `process.env.X`, `import.meta.env.X`, `env.X` of `loadEnv(…)`. */
  private envReads(node: TypeScript.Node): { name: string; node: TypeScript.Node }[] {
    const { ts } = this;
    const reads: { name: string; node: TypeScript.Node }[] = [];
    const isEnv = (expression: TypeScript.Expression): boolean => {
      const text = expression.getText(this.tree).replace(/\s+/g, '');
      if (text === 'process.env' || text === 'import.meta.env') return true;
      if (!ts.isIdentifier(expression)) return false;
      const value = this.valueOf(expression);
      return value !== expression ? ts.isCallExpression(value) && calleeName(ts, value.expression) === 'loadEnv' : expression.text === 'env';
    };
    for (const inner of this.nodes(node)) {
      if (ts.isPropertyAccessExpression(inner) && isEnv(inner.expression)) reads.push({ name: inner.name.text, node: inner });
      else if (ts.isElementAccessExpression(inner) && isEnv(inner.expression) && ts.isStringLiteralLike(inner.argumentExpression)) {
        reads.push({ name: inner.argumentExpression.text, node: inner });
      }
    }
    return reads;
  }

  private add(name: string, node: TypeScript.Node, how: string): void {
    const { side, note } = this.scopeOf(node);
    if (side === 'unknown') return;
    const where = this.where(node);
    const target = side === 'client' ? 'into browser code' : 'into server code';
    this.facts.injections.push({ name, where, side, reason: `${where} ${how} ${name} ${target}; ${note}` });
  }

  /** The lines of `value` reach the built code as written. */
  private ship(value: TypeScript.Node, how: string): void {
    const { side, note } = this.scopeOf(value);
    if (side === 'unknown') return;
    const fromLine = this.lineOf(value);
    const toLine = this.lineOf(value, true);
    const where = `${this.config}:${fromLine}`;
    const target = side === 'client' ? 'into browser code' : 'into server code';
    this.facts.shipped.push({ config: this.config, fromLine, toLine, side, where, reason: `${where} ${how} ${target}; ${note}` });
  }

  private inject(point: InjectionPoint, value: TypeScript.Expression): void {
    const { ts } = this;
    switch (point.kind) {
      case 'public-prefixes': {
        const strings = ts.isArrayLiteralExpression(value) ? value.elements : [value];
        for (const element of strings) {
          if (ts.isStringLiteralLike(element) && element.text) {
            this.facts.publicPrefixes.push({ prefix: element.text, reason: `${this.where(element)} sets envPrefix ${element.text}, so ${this.row.name} exposes ${element.text} variables to client code` });
          }
        }
        return;
      }
      case 'env-names': {
        const names = ts.isArrayLiteralExpression(value)
          ? value.elements.flatMap((element) => (ts.isStringLiteralLike(element) ? [{ name: element.text, node: element as TypeScript.Node }] : []))
          : ts.isObjectLiteralExpression(value)
            ? value.properties.flatMap((property) => {
                const name = property.name ? this.nameOf(property.name) : undefined;
                return name ? [{ name, node: property as TypeScript.Node }] : [];
              })
            : [];
        for (const { name, node } of names) this.add(name, node, 'inlines');
        return;
      }
      case 'client-files':
        // `[{ "replace": "src/environments/environment.ts", "with": "src/environments/environment.prod.ts" }]`
        for (const node of this.nodes(value)) {
          if (ts.isPropertyAssignment(node) && ['replace', 'with'].includes(this.nameOf(node.name) ?? '') && ts.isStringLiteralLike(node.initializer)) {
            this.facts.clientEntries.push({ file: joinPosix(dirnamePosix(this.config), node.initializer.text.replace(/^\.\//, '')), label: `Angular fileReplacements in ${this.where(node)}` });
          }
        }
        return;
      case 'entry-files': {
        // `"browser": "src/main.ts"`, `"scripts": ["src/legacy.js", { "input": "src/theme.js" }]`,
        // `"polyfills": ["zone.js", "src/polyfills.ts"]` (a package's name is no file of the repository),
        // `"index": "src/index.html"` or `{ "input": "src/index.html" }` (the page, inline scripts and all).
        const values = ts.isArrayLiteralExpression(value) ? value.elements : [value];
        for (const element of values) {
          const path = ts.isObjectLiteralExpression(element) ? this.propertyValue(element, 'input') : element;
          if (!path || !ts.isStringLiteralLike(path) || !/\.(?:[cm]?[jt]sx?|html?)$/.test(path.text)) continue;
          this.facts.clientEntries.push({ file: joinPosix(dirnamePosix(this.config), path.text.replace(/^\.\//, '')), label: `${this.row.name} build entry in ${this.where(path)}` });
        }
        return;
      }
      case 'static-folders': {
        // `publicDir: 'assets'`, `staticDirs: ['../public', { from: '../assets', to: '/assets' }]`; `publicDir: false` serves none.
        const base = this.pageRoot ?? dirnamePosix(this.config);
        for (const element of ts.isArrayLiteralExpression(value) ? value.elements : [value]) {
          const from = ts.isObjectLiteralExpression(element) ? this.propertyValue(element, 'from') : this.valueOf(element);
          const folder = from && this.pathFrom(from, base);
          if (folder === undefined || !from) continue;
          const { receivedBy } = this.row;
          const to = receivedBy ?? 'browsers';
          const reason = `${this.where(from)} has ${this.row.name} ship ${folder}/ as it is to ${to}`;
          this.facts.servedFolders.push({ path: folder, step: `${this.row.name} static file, ${this.where(from)}`, reason, ...(receivedBy !== undefined ? { receivedBy } : {}) });
          // What a build writes there ships with it.
          this.facts.outputs.push({ path: folder, side: 'client', reason });
        }
        return;
      }
      case 'page-root':
        return;
      case 'env-reads': {
        const { side, note } = this.scopeOf(value);
        if (side === 'unknown') return;
        const where = this.where(value);
        const target = side === 'client' ? 'into browser code' : 'into server code';
        this.facts.readsInlined.push({ where, side, dir: this.ownerDir, reason: `${where} inlines every process.env variable the code reads ${target}; ${note}` });
        return;
      }
      case 'shipped-object':
        for (const data of point.serialized ? this.dataOf(value) : [value]) {
          this.ship(data, point.ships ?? `puts it in an object ${this.row.name} ships whole`);
          for (const read of this.envReads(data)) this.add(read.name, read.node, 'ships');
        }
        return;
      case 'defines':
      case 'env-object': {
        if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) {
          this.injectThrough(value);
          return;
        }
        if (!ts.isObjectLiteralExpression(value)) {
          for (const read of this.envReads(value)) this.add(read.name, read.node, 'injects');
          return;
        }
        for (const property of value.properties) {
          const key = property.name ? this.nameOf(property.name) : undefined;
          // @rollup/plugin-replace keeps its replacements under `values` too.
          if (key === 'values' && ts.isPropertyAssignment(property) && ts.isObjectLiteralExpression(property.initializer)) {
            this.inject(point, property.initializer);
            continue;
          }
          const named = key && (point.kind === 'env-object' ? key : ENV_KEY.exec(key)?.[1]);
          if (named) this.add(named, property, point.kind === 'env-object' ? 'inlines' : `defines ${key}, which inlines`);
          if (ts.isPropertyAssignment(property) && this.isWholeEnvironment(property.initializer)) {
            const { side, note } = this.scopeOf(property);
            const where = this.where(property);
            if (side !== 'unknown') this.facts.wholeEnv.push({ where, side, dir: this.ownerDir, how: 'defines the whole environment', reason: `${where} defines ${key ?? 'a constant'} as the whole environment, which puts every variable ${side === 'client' ? 'into browser code' : 'into server code'} wherever the code names it; ${note}` });
            continue;
          }
          if (ts.isPropertyAssignment(property)) {
            this.ship(property.initializer, `${point.kind === 'env-object' ? 'inlines' : 'defines'} ${key ?? 'a constant'} as written`);
            for (const read of this.envReads(property.initializer)) if (read.name !== named) this.add(read.name, read.node, `defines ${key ?? 'a constant'} from`);
          }
        }
      }
    }
  }

  /**
   * A function that changes a plugin's definitions (`.tap((args) => { args[0]['process.env'].X = …; return args; })`):
   * whatever it writes, it may put into them, so every env variable it reads is injected, its lines
   * ship as written, and a value that is the whole environment ships every variable.
   */
  private injectThrough(fn: TypeScript.ArrowFunction | TypeScript.FunctionExpression): void {
    const { ts } = this;
    this.ship(fn, 'adds to the definitions of webpack\'s DefinePlugin');
    for (const read of this.envReads(fn)) this.add(read.name, read.node, 'defines, through config.plugin(\'define\').tap(…),');
    for (const node of this.nodes(fn)) {
      const values =
        ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken ? [node.right]
        : ts.isSpreadAssignment(node) || ts.isSpreadElement(node) ? [node.expression]
        : ts.isPropertyAssignment(node) ? [node.initializer]
        : ts.isCallExpression(node) && node.expression.getText(this.tree).replace(/\s+/g, '') === 'Object.assign' ? node.arguments.slice(1)
        : [];
      const whole = values.find((value) => this.isWholeEnvironment(value));
      if (!whole) continue;
      const { side, note } = this.scopeOf(whole);
      const where = this.where(whole);
      if (side !== 'unknown') this.facts.wholeEnv.push({ where, side, dir: this.ownerDir, how: 'defines the whole environment', reason: `${where} adds the whole environment to webpack's DefinePlugin, which puts every variable ${side === 'client' ? 'into browser code' : 'into server code'} wherever the code names it; ${note}` });
    }
  }

  /**
   * Whether `value` is every env variable at once: `process.env`, `import.meta.env`, Vite's
   * `loadEnv(mode, dir, '')` (no prefix: all of them), dotenv's `config().parsed`, also through
   * `JSON.stringify(…)` and a `const`.
   */
  private isWholeEnvironment(expression: TypeScript.Expression): boolean {
    const { ts } = this;
    let value = this.valueOf(expression);
    if (ts.isCallExpression(value) && value.expression.getText(this.tree).replace(/\s+/g, '') === 'JSON.stringify' && value.arguments[0]) value = this.valueOf(value.arguments[0]);
    const text = value.getText(this.tree).replace(/\s+/g, '');
    if (text === 'process.env' || text === 'import.meta.env') return true;
    if (ts.isCallExpression(value) && calleeName(ts, value.expression) === 'loadEnv') {
      const prefixes = value.arguments[2];
      const all = (node: TypeScript.Expression | undefined) => node !== undefined && ts.isStringLiteralLike(node) && node.text === '';
      return prefixes !== undefined && (all(prefixes) || (ts.isArrayLiteralExpression(prefixes) && prefixes.elements.some((element) => all(element))));
    }
    return ts.isPropertyAccessExpression(value) && value.name.text === 'parsed' && ts.isCallExpression(value.expression) && calleeName(ts, value.expression.expression) === 'config';
  }

  /** The platform the config builds for, from its `target`/`platform`/`format` properties. */
  private platform(platform: ConfigPlatform, root: TypeScript.Node): { side: BuildSide | 'unknown'; note: string } {
    const { ts } = this;
    const settings: PlatformSetting[] = [];
    for (const node of this.nodes(root)) {
      if (!ts.isPropertyAssignment(node)) continue;
      const property = this.nameOf(node.name);
      if (!property || !platform.properties.includes(property)) continue;
      const value = this.valueOf(node.initializer);
      const values = (ts.isArrayLiteralExpression(value) ? value.elements : [value]).flatMap((element) => (ts.isStringLiteralLike(element) ? [element.text] : []));
      settings.push({ property, values, where: this.where(node) });
    }
    return platformSide(this.row, settings);
  }

  /** Every string literal under the named properties (`entry: { main: './src/index.ts' }`, `input: ['a.js']`). */
  private strings(properties: readonly string[], root: TypeScript.Node): string[] {
    const { ts } = this;
    const found: string[] = [];
    for (const node of this.nodes(root)) {
      if (!ts.isPropertyAssignment(node) || !properties.includes(this.nameOf(node.name) ?? '')) continue;
      for (const inner of this.nodes(this.valueOf(node.initializer))) if (ts.isStringLiteralLike(inner) && /\.[cm]?[jt]sx?$/.test(inner.text)) found.push(inner.text);
    }
    return found;
  }

  /** The output folder the config names (`outdir: 'public/js'`, `path: path.resolve(__dirname, 'lib')`). */
  private output(platform: ConfigPlatform, root: TypeScript.Node): string | undefined {
    const { ts } = this;
    for (const node of this.nodes(root)) {
      if (!ts.isPropertyAssignment(node)) continue;
      const property = this.nameOf(node.name);
      if (!property || !platform.output.includes(property)) continue;
      const value = this.valueOf(node.initializer);
      const configFolder = posix.relative(this.ownerDir, dirnamePosix(this.config));
      const literal = ts.isStringLiteralLike(value) ? value.text : ts.isCallExpression(value) ? joinedPath(ts, value.arguments, configFolder) : concatenatedPath(ts, value, configFolder);
      if (!literal) continue;
      return outputFolder(literal);
    }
    return undefined;
  }
}

/** The config's own folder, as a path may start from it (`path.resolve(__dirname, 'dist')`). */
const CONFIG_FOLDER = /^(?:__dirname|import\.meta\.dirname)$/;
/** The folder the build runs in, the package's (scripts run there), as a path may start from it. */
const WORKING_FOLDER = /^(?:process\.cwd\(\)|'\.'|"\.")$/;

/** The folder a path starting with `value` is relative to, from the package's folder: undefined for any other value. */
function baseFolder(value: TypeScript.Expression, configFolder: string): string | undefined {
  const text = value.getText().replace(/\s+/g, '');
  return CONFIG_FOLDER.test(text) ? configFolder : WORKING_FOLDER.test(text) ? '' : undefined;
}

/** A path built from `base` and `parts`, inside the package; undefined for one that leaves it or names its folder. */
function pathInPackage(base: string, parts: readonly string[]): string | undefined {
  if (parts.length === 0) return undefined;
  const path = posix.join(base, ...parts).replace(/^\.\//, '');
  return path === '.' || path === '..' || path.startsWith('../') || posix.isAbsolute(path) ? undefined : path;
}

/**
 * The path `path.resolve(__dirname, 'dist', 'public')` or `path.join(…)` builds, relative to the
 * package: its string arguments joined, after the config's folder. Undefined when another value
 * (a variable) is part of it.
 */
function joinedPath(ts: Ts, values: readonly TypeScript.Expression[], configFolder: string): string | undefined {
  const parts: string[] = [];
  let base = '';
  for (const [index, value] of values.entries()) {
    if (ts.isStringLiteralLike(value)) parts.push(value.text);
    else if (index === 0 && baseFolder(value, configFolder) !== undefined) base = baseFolder(value, configFolder) ?? '';
    else return undefined;
  }
  return pathInPackage(base, parts);
}

/**
 * The path `__dirname + '/build'` or `` `${__dirname}/build` `` builds: the strings after the
 * config's folder. Undefined when another value (a variable) is part of it.
 */
function concatenatedPath(ts: Ts, value: TypeScript.Expression, configFolder: string): string | undefined {
  const parts: (string | TypeScript.Expression)[] = [];
  const flatten = (node: TypeScript.Expression): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      flatten(node.left);
      flatten(node.right);
    } else if (ts.isTemplateExpression(node)) {
      parts.push(node.head.text);
      for (const span of node.templateSpans) parts.push(span.expression, span.literal.text);
    } else {
      parts.push(ts.isStringLiteralLike(node) ? node.text : node);
    }
  };
  flatten(value);
  const [first, ...rest] = parts.filter((part) => part !== '');
  const base = first === undefined || typeof first === 'string' ? undefined : baseFolder(first, configFolder);
  if (base === undefined || !rest.every((part): part is string => typeof part === 'string')) return undefined;
  return pathInPackage(base, [rest.join('').replace(/^\/+/, '')]);
}

function calleeName(ts: Ts, expression: TypeScript.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}
