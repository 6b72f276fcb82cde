import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  DIRECTIVE_MARKERS,
  MARKER_IMPORTS,
  fileMarker,
  keyPattern,
  mayContainKey,
  pathMarker,
  prologueDirectives,
  publicEnvPrefix,
  redact,
  svelteKitEnvModule
} from "./chunk-IKJJJJ2Q.js";
import {
  require_picomatch
} from "./chunk-OYXP2HYZ.js";
import {
  __toESM
} from "./chunk-7BOAENXZ.js";

// packages/scanner/dist/graph/build-exposure.js
import { existsSync } from "node:fs";
import { posix as posix2 } from "node:path";

// packages/scanner/dist/graph/packages.js
import { readFileSync } from "node:fs";

// packages/scanner/dist/graph/paths.js
import { isAbsolute, posix, relative, resolve, sep } from "node:path";
function toPosix(path) {
  return sep === "/" ? path : path.split(sep).join("/");
}
var RootPaths = class {
  root;
  constructor(root) {
    this.root = resolve(root);
  }
  absolute(file) {
    return toPosix(resolve(this.root, file));
  }
  /** The root-relative POSIX path, or undefined for files outside the root. */
  relative(absolute) {
    const path = toPosix(relative(this.root, absolute));
    if (path === "" || path.startsWith("../") || path === ".." || isAbsolute(path))
      return void 0;
    return path;
  }
};
function dirnamePosix(file) {
  const dir = posix.dirname(file);
  return dir === "." ? "" : dir;
}
function joinPosix(dir, rest) {
  return posix.normalize(dir ? `${dir}/${rest}` : rest).replace(/^\.\//, "");
}
function isOutsideSource(file) {
  return /(^|\/)(node_modules|\.git|\.next|\.nuxt|\.output|\.svelte-kit|\.turbo|\.vercel|\.expo|\.astro|coverage)\//.test(file);
}

// packages/scanner/dist/graph/packages.js
function loadPackages(paths, files, problems) {
  const packages = [];
  for (const file of files) {
    if (!/(^|\/)package\.json$/.test(file) || isOutsideSource(file))
      continue;
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(paths.absolute(file), "utf8"));
      if (typeof manifest !== "object" || manifest === null)
        throw new Error("not a JSON object");
    } catch (error) {
      problems.push({ file, reason: `package.json not read: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    const dependencies = /* @__PURE__ */ new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.devDependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {})
    ]);
    packages.push({ dir: dirnamePosix(file), name: typeof manifest.name === "string" ? manifest.name : void 0, dependencies, manifest });
  }
  return packages.sort((a, b) => b.dir.length - a.dir.length);
}
function packageOf(packages, file) {
  return packages.find(({ dir }) => dir === "" || file.startsWith(`${dir}/`));
}
function exportTargets(exportsField) {
  if (typeof exportsField === "string")
    return [exportsField];
  if (Array.isArray(exportsField))
    return exportsField.flatMap(exportTargets);
  if (exportsField && typeof exportsField === "object")
    return Object.values(exportsField).flatMap(exportTargets);
  return [];
}

// packages/scanner/dist/graph/build-exposure.js
var CLIENT_BUILD = [
  [/(^|\/)\.next\/static\//, ".next/static is what Next.js serves to browsers"],
  [/(^|\/)\.svelte-kit\/output\/client\//, ".svelte-kit/output/client is the SvelteKit browser build"],
  [/(^|\/)\.output\/public\//, ".output/public is the Nuxt/Nitro public build"],
  [/(^|\/)storybook-static\//, "storybook-static is a static site for browsers"],
  [/(^|\/)\.expo\/web\//, ".expo/web is the Expo web build"]
];
var SERVER_BUILD = [
  [/(^|\/)\.next\/server\//, ".next/server is the Next.js server build, never sent to browsers"],
  [/(^|\/)\.svelte-kit\/output\/server\//, ".svelte-kit/output/server is the SvelteKit server build"],
  [/(^|\/)\.output\/server\//, ".output/server is the Nitro server build"]
];
var BUILD_DIR = /^(.*?(?:^|\/)(?:dist|build|out|www|public))\//;
function normaliseSource(paths, builtFile, source) {
  const unqueried = source.split("?", 1)[0] ?? "";
  const stripped = unqueried.replace(/^webpack:\/\/[^/]*\//, "").replace(/^(?:file:\/\/)/, "").replace(/^\/+(?=\.)/, "");
  const candidates = [stripped.replace(/^(?:\.\/|\.\.\/)+/, ""), posix2.normalize(posix2.join(posix2.dirname(builtFile), stripped))];
  if (posix2.isAbsolute(stripped)) {
    const relative2 = paths.relative(stripped);
    if (relative2)
      candidates.unshift(relative2);
  }
  return [...new Set(candidates.filter((candidate) => !candidate.startsWith("..")))];
}
function buildExposure(context, file, mappedSources) {
  for (const [pattern, reason] of SERVER_BUILD)
    if (pattern.test(file))
      return { exposure: "server", reason };
  const sources = mappedSources.flatMap((source) => normaliseSource(context.paths, file, source).filter((candidate) => context.isModule(candidate)));
  const exposures = [...new Set(sources)].map((source) => ({ source, exposure: context.exposureOf(source) }));
  const client = exposures.find(({ exposure }) => exposure.exposure === "client" && exposure.chain);
  for (const [pattern, reason] of CLIENT_BUILD) {
    if (pattern.test(file))
      return { exposure: "client", reason, chain: client?.exposure.chain ?? [`${file} (browser build)`] };
  }
  if (client) {
    return { exposure: "client", reason: `its source map names ${client.source}, which ships to the browser`, chain: client.exposure.chain };
  }
  const buildDir = BUILD_DIR.exec(file)?.[1];
  if (buildDir && existsSync(context.paths.absolute(`${buildDir}/index.html`))) {
    return { exposure: "client", reason: `${buildDir} is a browser build (index.html with asset chunks)`, chain: [`${file} (browser build in ${buildDir})`] };
  }
  if (exposures.length > 0 && exposures.every(({ exposure }) => exposure.exposure === "server")) {
    return { exposure: "server", reason: `built only from server modules (${exposures.map(({ source }) => source).slice(0, 3).join(", ")})` };
  }
  if (buildDir) {
    const owner = context.packages.find(({ dir }) => dir === "" || buildDir.startsWith(`${dir}/`));
    const browserApp = owner && ["next", "vite", "react-scripts", "gatsby", "nuxt", "@sveltejs/kit", "astro", "expo", "react-native", "@angular/core"].some((name) => owner.dependencies.has(name));
    const bin = owner?.manifest.bin;
    const targets = owner ? [owner.manifest.main, ...exportTargets(owner.manifest.exports), ...typeof bin === "object" && bin ? Object.values(bin) : [bin]] : [];
    const main = owner && targets.some((target) => typeof target === "string" && posix2.join(owner.dir, target).startsWith(`${buildDir}/`));
    if (owner && !browserApp && main)
      return { exposure: "server", reason: `${buildDir} is the compiled output of the Node package ${owner.name ?? owner.dir}` };
  }
  return { exposure: "unknown", reason: "no browser or server build recognised for this file" };
}

// packages/scanner/dist/graph/config-env.js
import { readFileSync as readFileSync2 } from "node:fs";
var NEXT_CONFIG = /(^|\/)next\.config\.[cm]?[jt]s$/;
var VITE_CONFIG = /(^|\/)vite\.config\.[cm]?[jt]s$/;
function configInlinedEnv(paths, files, name) {
  const quoted = name.replace(/\$/g, "\\$");
  for (const config of files) {
    const next = NEXT_CONFIG.test(config);
    if (!next && !VITE_CONFIG.test(config))
      continue;
    let text;
    try {
      text = readFileSync2(paths.absolute(config), "utf8");
    } catch {
      continue;
    }
    if (!text.includes(name))
      continue;
    if (next) {
      const block = /\benv\s*:\s*\{([^}]*)\}/.exec(text)?.[1] ?? "";
      if (new RegExp(`(^|[\\s,{'"])${quoted}['"]?\\s*[:,}]|(^|[\\s,{])${quoted}\\s*$`, "m").test(block)) {
        return { config, reason: `${config} lists ${name} under env, which Next.js inlines into browser bundles` };
      }
    } else if (new RegExp(`['"](?:import\\.meta\\.env|process\\.env)\\.${quoted}['"]\\s*:`).test(text)) {
      return { config, reason: `${config} defines ${name} for client code` };
    }
  }
  return void 0;
}

// packages/scanner/dist/graph/definitions.js
var WHOLE_MODULE = "*";
function isExported(ts, node) {
  if (!ts.canHaveModifiers(node))
    return void 0;
  const modifiers = ts.getModifiers(node) ?? [];
  if (!modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword))
    return void 0;
  return { default: modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword) };
}
function bindingNames(ts, name) {
  if (ts.isIdentifier(name))
    return [name.text];
  return name.elements.flatMap((element) => ts.isOmittedExpression(element) ? [] : bindingNames(ts, element.name));
}
function isModuleExports(ts, node) {
  const text = node.getText();
  return text === "module.exports" || ts.isPropertyAccessExpression(node) && ["module.exports", "exports"].includes(node.expression.getText());
}
function exportedNamesAt(ts, tree, line) {
  const lineCount = tree.getLineStarts().length;
  if (line < 1 || line > lineCount)
    return [];
  const start = tree.getPositionOfLineAndCharacter(line - 1, 0);
  const end = line < lineCount ? tree.getPositionOfLineAndCharacter(line, 0) : tree.end;
  const spans = (node) => node.getStart(tree) < end && node.end > start;
  const localExports = /* @__PURE__ */ new Map();
  for (const statement of tree.statements) {
    if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) {
        const local = (element.propertyName ?? element.name).text;
        localExports.set(local, [...localExports.get(local) ?? [], element.name.text]);
      }
    }
    if (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression)) {
      localExports.set(statement.expression.text, [...localExports.get(statement.expression.text) ?? [], "default"]);
    }
  }
  const exportsOf = (local, exported) => exported ? [exported.default ? "default" : local] : localExports.get(local) ?? [];
  const names = [];
  for (const statement of tree.statements) {
    if (!spans(statement))
      continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!spans(declaration))
          continue;
        for (const local of bindingNames(ts, declaration.name))
          names.push(...exportsOf(local, isExported(ts, statement)));
      }
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      names.push(...exportsOf(statement.name.text, isExported(ts, statement)));
    } else if (ts.isExportAssignment(statement)) {
      names.push("default");
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && isModuleExports(ts, statement.expression.left)) {
      names.push(WHOLE_MODULE);
    }
  }
  return [...new Set(names)];
}
function readersOf(ts, graph, trees, file, names) {
  const readers = /* @__PURE__ */ new Map();
  const queue = names.map((name) => ({ module: file, name, path: [file] }));
  const seen = new Set(queue.map(({ module, name }) => `${module}\0${name}`));
  const enqueue = (module, name, path) => {
    const id = `${module}\0${name}`;
    if (seen.has(id))
      return;
    seen.add(id);
    queue.push({ module, name, path });
  };
  for (let index = 0; index < queue.length; index++) {
    const { module, name, path } = queue[index];
    for (const importer of graph.importersOf(module)) {
      const specifiers = new Set(graph.node(importer).edges.filter((edge) => edge.target === module).map((edge) => edge.specifier));
      const tree = trees.of(importer);
      if (!tree)
        continue;
      let reads = false;
      let staticallyImported = false;
      for (const statement of tree.statements) {
        const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
        if (!specifier || !ts.isStringLiteral(specifier) || !specifiers.has(specifier.text))
          continue;
        staticallyImported = true;
        if (ts.isImportDeclaration(statement)) {
          const clause = statement.importClause;
          if (!clause || clause.isTypeOnly)
            continue;
          const locals = [];
          if (clause.name && (name === "default" || name === WHOLE_MODULE))
            locals.push(clause.name.text);
          const bindings = clause.namedBindings;
          if (bindings && ts.isNamespaceImport(bindings))
            locals.push(bindings.name.text);
          if (bindings && ts.isNamedImports(bindings)) {
            for (const element of bindings.elements) {
              if (!element.isTypeOnly && (name === WHOLE_MODULE || (element.propertyName ?? element.name).text === name))
                locals.push(element.name.text);
            }
          }
          if (locals.length > 0)
            reads = true;
          for (const statementAgain of tree.statements) {
            if (!ts.isExportDeclaration(statementAgain) || statementAgain.moduleSpecifier || !statementAgain.exportClause || !ts.isNamedExports(statementAgain.exportClause))
              continue;
            for (const element of statementAgain.exportClause.elements) {
              if (locals.includes((element.propertyName ?? element.name).text))
                enqueue(importer, element.name.text, [importer, ...path]);
            }
          }
        } else if (!statement.isTypeOnly) {
          const clause = statement.exportClause;
          if (!clause) {
            if (name !== "default")
              enqueue(importer, name, [importer, ...path]);
          } else if (ts.isNamespaceExport(clause)) {
            enqueue(importer, clause.name.text, [importer, ...path]);
          } else {
            for (const element of clause.elements) {
              if (!element.isTypeOnly && (element.propertyName ?? element.name).text === name)
                enqueue(importer, element.name.text, [importer, ...path]);
            }
          }
        }
      }
      if (!staticallyImported)
        reads = true;
      if (reads && !readers.has(importer))
        readers.set(importer, { reader: importer, path });
    }
  }
  return [...readers.values()];
}

// packages/scanner/dist/graph/entries.js
var import_picomatch = __toESM(require_picomatch(), 1);
import { readFileSync as readFileSync4 } from "node:fs";
import { posix as posix3 } from "node:path";

// packages/scanner/dist/graph/source-files.js
import { readFileSync as readFileSync3 } from "node:fs";
var SCRIPT_FILE = /\.[cm]?[jt]sx?$/;
var COMPONENT_FILE = /\.(?:vue|svelte|astro)$/;
function isModuleFile(file) {
  return (SCRIPT_FILE.test(file) || COMPONENT_FILE.test(file)) && !file.endsWith(".d.ts") && !/\.d\.[cm]ts$/.test(file);
}
function keepRanges(text, ranges) {
  const out = text.replace(/[^\n]/g, " ").split("");
  for (const [start, end] of ranges)
    for (let i = start; i < end; i++)
      out[i] = text[i];
  return out.join("");
}
var SCRIPT_BLOCK = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
function scriptRanges(text, from = 0) {
  const blocks = [];
  SCRIPT_BLOCK.lastIndex = from;
  for (let match = SCRIPT_BLOCK.exec(text); match; match = SCRIPT_BLOCK.exec(text)) {
    const start = match.index + match[0].indexOf(">") + 1;
    blocks.push({ range: [start, start + (match[2] ?? "").length], attributes: match[1] ?? "" });
  }
  return blocks;
}
function statementBefore(text, position) {
  const before = text.slice(Math.max(0, position - 2e3), position);
  let last;
  for (const match of before.matchAll(/\b(?:import|export)\b/g))
    last = match.index;
  return last === void 0 ? void 0 : before.slice(last);
}
function isTypeOnly(text, position) {
  const statement = statementBefore(text, position);
  if (!statement || statement.includes(";") || !/\bfrom\s*['"`]?$/.test(statement))
    return false;
  if (/^(?:import|export)\s+type\s+(?!from\b|,|=)/.test(statement))
    return true;
  const elements = /^(?:import|export)\s*\{([^}]*)\}\s*from\b/.exec(statement)?.[1]?.split(",").map((element) => element.trim()).filter(Boolean);
  return elements !== void 0 && elements.length > 0 && elements.every((element) => element.startsWith("type "));
}
function importsOf(ts, text, serverSide) {
  return ts.preProcessFile(text, true, true).importedFiles.map((reference) => ({
    specifier: reference.fileName,
    typeOnly: isTypeOnly(text, reference.pos),
    serverSide
  }));
}
var ISLAND = /<([A-Za-z][\w.]*)\b[^>]*?\sclient:(load|idle|visible|media|only)\b/g;
function astroSource(ts, text) {
  const frontmatter = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const frontStart = frontmatter ? frontmatter.index + frontmatter[0].indexOf("\n") + 1 : 0;
  const frontEnd = frontmatter ? frontStart + (frontmatter[1] ?? "").length : 0;
  const frontText = frontmatter?.[1] ?? "";
  const scripts = scriptRanges(text, frontEnd).filter(({ attributes }) => !/\bis:inline\b/.test(attributes));
  const clientImports = [];
  const frontImports = ts.preProcessFile(frontText, true, true).importedFiles;
  for (const island of text.slice(frontEnd).matchAll(ISLAND)) {
    const name = (island[1] ?? "").split(".")[0] ?? "";
    const binds = new RegExp(`(^|[^\\w$])${name.replace(/\$/g, "\\$")}([^\\w$]|$)`);
    for (const reference of frontImports) {
      if (binds.test(statementBefore(frontText, reference.pos) ?? ""))
        clientImports.push({ specifier: reference.fileName, reason: `Astro island client:${island[2]}` });
    }
  }
  for (const { range } of scripts) {
    for (const entry of importsOf(ts, text.slice(range[0], range[1]), false)) {
      if (!entry.typeOnly)
        clientImports.push({ specifier: entry.specifier, reason: "Astro <script>" });
    }
  }
  const masked = keepRanges(text, [[frontStart, frontEnd], ...scripts.map(({ range }) => range)]);
  return {
    text: masked,
    directives: [],
    imports: importsOf(ts, keepRanges(text, [[frontStart, frontEnd]]), true),
    clientImports
  };
}
var ModuleBytes = class {
  waiting = /* @__PURE__ */ new Map();
  budget = 256 * 1024 * 1024;
  /** Reads a module for the entry scan, keeping its bytes for the walk while the budget lasts. */
  read(absolutePath) {
    try {
      const bytes = readFileSync3(absolutePath);
      if (bytes.length <= this.budget) {
        this.waiting.set(absolutePath, bytes);
        this.budget -= bytes.length;
      }
      return bytes;
    } catch {
      return void 0;
    }
  }
  /** Drops what no walk took (modules no entry reaches). */
  clear() {
    this.waiting.clear();
  }
  /** The waiting bytes of a module, handed over once, or a fresh read. */
  take(absolutePath) {
    const bytes = this.waiting.get(absolutePath);
    if (!bytes)
      return readFileSync3(absolutePath);
    this.waiting.delete(absolutePath);
    this.budget += bytes.length;
    return bytes;
  }
};
function readModule(ts, absolutePath, file, moduleBytes) {
  let bytes;
  try {
    bytes = moduleBytes ? moduleBytes.take(absolutePath) : readFileSync3(absolutePath);
  } catch (error) {
    return { ok: false, reason: `unreadable: ${error.code ?? String(error)}` };
  }
  if (bytes.subarray(0, 8192).includes(0))
    return { ok: false, reason: "binary content, not a module" };
  const raw = bytes.toString("utf8");
  const mayHoldKey = mayContainKey(bytes);
  if (file.endsWith(".astro"))
    return { ok: true, source: { ...astroSource(ts, raw), mayHoldKey } };
  const text = COMPONENT_FILE.test(file) ? keepRanges(raw, scriptRanges(raw).map(({ range }) => range)) : raw;
  return {
    ok: true,
    source: { text, directives: COMPONENT_FILE.test(file) ? [] : prologueDirectives(text), imports: importsOf(ts, text, false), clientImports: [], mayHoldKey }
  };
}
function scriptKindOf(ts, file) {
  if (/\.[cm]?ts$/.test(file))
    return ts.ScriptKind.TS;
  if (/\.[cm]?js$/.test(file))
    return ts.ScriptKind.JS;
  if (file.endsWith(".jsx"))
    return ts.ScriptKind.JSX;
  return ts.ScriptKind.TSX;
}

// packages/scanner/dist/graph/entries.js
var JS = "{js,jsx,ts,tsx,mjs,cjs,mts,cts}";
var uses = (...names) => (info) => names.some((name) => info.dependencies.has(name));
var FRAMEWORKS = [
  {
    name: "Next.js",
    detect: (info, has) => info.dependencies.has("next") || has(`next.config.${JS}`),
    client: [
      [`{src/,}pages/**/*.${JS}`, "Next.js pages router page"],
      [`{src/,}instrumentation-client.${JS}`, "Next.js client instrumentation"]
    ],
    notClient: ["{src/,}pages/api/**", `{src/,}pages/_document.${JS}`, `{src/,}pages/_middleware.${JS}`],
    server: [
      [`{src/,}pages/api/**/*.${JS}`, "Next.js API route"],
      // Pages render on the server too, and their data functions run only there.
      [`{src/,}pages/**/*.${JS}`, "Next.js page, server side"],
      [`{src/,}pages/_document.${JS}`, "Next.js _document, rendered on the server"],
      [`{src/,}app/**/route.${JS}`, "Next.js route handler"],
      [`{src/,}app/**/{page,layout,template,default,not-found,loading,error,global-error,opengraph-image,twitter-image,icon,sitemap,robots}.${JS}`, "Next.js server component"],
      [`{src/,}{middleware,instrumentation}.${JS}`, "Next.js server runtime"],
      [`next.config.${JS}`, "Next.js config"]
    ]
  },
  {
    name: "Create React App",
    detect: uses("react-scripts"),
    client: [[`src/index.${JS}`, "Create React App entry"]],
    server: []
  },
  {
    name: "Gatsby",
    detect: uses("gatsby"),
    client: [
      [`gatsby-browser.${JS}`, "Gatsby browser API"],
      [`src/{pages,templates}/**/*.${JS}`, "Gatsby page"]
    ],
    notClient: ["src/pages/api/**"],
    server: [
      [`{gatsby-node,gatsby-ssr,gatsby-config}.${JS}`, "Gatsby build/SSR API"],
      [`src/api/**/*.${JS}`, "Gatsby function"]
    ]
  },
  {
    name: "Nuxt",
    detect: (info, has) => info.dependencies.has("nuxt") || has(`nuxt.config.${JS}`),
    client: [
      ["{app/,}{app,error}.vue", "Nuxt app component"],
      [`{app/,}{pages,layouts,components,plugins,middleware,composables,utils}/**/*.{vue,${JS.slice(1)}`, "Nuxt app code"]
    ],
    notClient: ["**/*.server.*"],
    server: [
      [`server/**/*.${JS}`, "Nuxt server route"],
      [`nuxt.config.${JS}`, "Nuxt config"]
    ]
  },
  {
    name: "SvelteKit",
    detect: (info, has) => info.dependencies.has("@sveltejs/kit") || has(`svelte.config.${JS}`),
    client: [
      [`src/routes/**/+{page,layout}.{svelte,${JS.slice(1)}`, "SvelteKit route, runs in the browser"],
      ["src/routes/**/+error.svelte", "SvelteKit error page"],
      [`src/{hooks.client,service-worker}.${JS}`, "SvelteKit client hook"]
    ],
    notClient: ["src/routes/**/+{page,layout}.server.*"],
    server: [
      [`src/routes/**/+{page,layout}.server.${JS}`, "SvelteKit server load"],
      [`src/routes/**/+server.${JS}`, "SvelteKit endpoint"],
      [`src/hooks.server.${JS}`, "SvelteKit server hook"],
      [`src/lib/server/**/*.${JS}`, "SvelteKit $lib/server"]
    ]
  },
  {
    name: "Astro",
    detect: (info, has) => info.dependencies.has("astro") || has(`astro.config.${JS}`),
    client: [],
    server: [
      [`src/pages/**/*.{astro,${JS.slice(1)}`, "Astro page, rendered on the server"],
      [`src/{layouts,components}/**/*.astro`, "Astro component, rendered on the server"],
      [`src/middleware.${JS}`, "Astro middleware"]
    ]
  },
  {
    name: "Remix / React Router",
    detect: uses("@remix-run/react", "@remix-run/dev", "@react-router/dev"),
    client: [
      [`app/{root,entry.client}.${JS}`, "Remix root / client entry"],
      [`app/routes/**/*.${JS}`, "Remix route module"]
    ],
    server: [
      [`app/entry.server.${JS}`, "Remix server entry"],
      [`app/{root,routes/**/*}.${JS}`, "Remix route, loader and action run on the server"],
      [`{server,server/**/*}.${JS}`, "Remix server"]
    ]
  },
  {
    name: "Expo / React Native",
    detect: uses("expo", "react-native", "expo-router"),
    client: [
      [`{App,index}.${JS}`, "React Native app entry"],
      [`{src/,}app/**/*.${JS}`, "Expo Router screen"]
    ],
    notClient: ["**/*+api.*", "**/+html.*"],
    server: [
      [`{src/,}app/**/*+api.${JS}`, "Expo API route"],
      [`{src/,}app/+html.${JS}`, "Expo static HTML root, rendered at build time"]
    ]
  },
  {
    name: "Angular",
    detect: uses("@angular/core"),
    client: [
      [`src/main.${JS}`, "Angular bootstrap"],
      [`src/environments/environment*.${JS}`, "Angular environment file, always bundled"]
    ],
    server: [[`{server,src/main.server,src/server}.${JS}`, "Angular SSR server"]]
  }
];
var SERVER_FOLDERS = [`{server,src/server,api,functions,netlify/functions,supabase/functions}/**/*.${JS}`];
var NODE_RUNNER = /(?:^|[\s;&|])(?:node|tsx|ts-node|ts-node-dev|nodemon|bun|vite-node|esno)\s/;
var SCRIPT_FILE_TOKEN = /^[\w.][\w./-]*\.[cm]?[jt]sx?$/;
var SCRIPT_SRC = /<script\b([^>]*)>/gi;
function relativeTo(dir, file) {
  return dir ? file.slice(dir.length + 1) : file;
}
function findEntries({ paths, files, packages, clientEntries, moduleBytes, sourceFor }) {
  const entries = [];
  const fileSet = new Set(files);
  const modules = files.filter((file) => isModuleFile(file) && !isOutsideSource(file) && !/(^|\/)(dist|build|out)\//.test(file));
  const add = (file, side, label) => {
    if (file)
      entries.push({ file, side, label });
  };
  const owners = packages.some(({ dir }) => dir === "") ? packages : [...packages, { dir: "", dependencies: /* @__PURE__ */ new Set(), manifest: {} }];
  const ownerOf = new Map(files.map((file) => [file, packageOf(owners, file)]));
  for (const info of owners) {
    const owned = modules.filter((file) => ownerOf.get(file) === info).map((file) => relativeTo(info.dir, file));
    const ownedFiles = files.filter((file) => ownerOf.get(file) === info).map((file) => relativeTo(info.dir, file));
    const has = (glob) => {
      const match = (0, import_picomatch.default)(glob);
      return ownedFiles.some((file) => match(file));
    };
    for (const framework of FRAMEWORKS) {
      if (!framework.detect(info, has))
        continue;
      const excluded = (0, import_picomatch.default)([...framework.notClient ?? []]);
      for (const [glob, label] of framework.client) {
        const match = (0, import_picomatch.default)(glob);
        for (const file of owned)
          if (match(file) && !excluded(file))
            add(joinPosix(info.dir, file), "client", label);
      }
      for (const [glob, label] of framework.server) {
        const match = (0, import_picomatch.default)(glob);
        for (const file of owned)
          if (match(file))
            add(joinPosix(info.dir, file), "server", label);
      }
    }
    const serverFolder = (0, import_picomatch.default)(SERVER_FOLDERS);
    for (const file of owned)
      if (serverFolder(file))
        add(joinPosix(info.dir, file), "server", "server folder");
    for (const target of nodeEntryPoints(info))
      add(sourceFor(joinPosix(info.dir, target)), "server", "Node entry point in package.json");
  }
  for (const file of modules) {
    const head = readHead(moduleBytes, paths.absolute(file));
    const directive = prologueDirectives(head).find((name) => name === "use client" || name === "use server");
    if (directive)
      add(file, DIRECTIVE_MARKERS[directive].side, `"${directive}"`);
    for (const specifier of Object.keys(MARKER_IMPORTS)) {
      if (head.includes(specifier) && new RegExp(`import\\s*['"]${specifier}['"]`).test(head))
        add(file, "server", `import "${specifier}"`);
    }
    const marker = pathMarker(file);
    if (marker)
      add(file, marker.side, marker.id === "client-file" ? "*.client.* file" : marker.reason);
  }
  for (const html of files) {
    if (!/(^|\/)index\.html$/.test(html) || isOutsideSource(html) || /(^|\/)(dist|build|out|public|static)\//.test(html))
      continue;
    let text;
    try {
      text = readFileSync4(paths.absolute(html), "utf8");
    } catch {
      continue;
    }
    const dir = posix3.dirname(html) === "." ? "" : posix3.dirname(html);
    const vite = ownerOf.get(html)?.dependencies.has("vite") ?? false;
    for (const match of text.matchAll(SCRIPT_SRC)) {
      const src = /\bsrc\s*=\s*["']([^"']+)["']/.exec(match[1] ?? "")?.[1];
      if (!src || /^(?:[a-z]+:)?\/\//i.test(src))
        continue;
      const target = joinPosix(dir, src.replace(/^\//, ""));
      if (fileSet.has(target))
        add(target, "client", vite ? `Vite entry in ${html}` : `script in ${html}`);
    }
  }
  if (clientEntries.length > 0) {
    const match = (0, import_picomatch.default)([...clientEntries], { dot: true });
    for (const file of modules)
      if (match(file))
        add(file, "client", "clientEntries in config");
  }
  return entries;
}
var HEAD_BYTES = 8192;
function readHead(moduleBytes, path) {
  return moduleBytes.read(path)?.toString("utf8", 0, HEAD_BYTES) ?? "";
}
var BROWSER_LIBRARY_DEPENDENCIES = ["react", "react-dom", "react-native", "vue", "svelte", "preact", "solid-js", "@angular/core", "lit"];
function nodeEntryPoints(info) {
  const { manifest } = info;
  const browserLibrary = manifest.browser !== void 0 || BROWSER_LIBRARY_DEPENDENCIES.some((name) => info.dependencies.has(name));
  const targets = [
    ...browserLibrary ? [] : [manifest.main, ...exportTargets(manifest.exports)],
    ...typeof manifest.bin === "string" ? [manifest.bin] : Object.values(manifest.bin ?? {}),
    ...Object.values(manifest.scripts ?? {}).flatMap((script) => typeof script === "string" && NODE_RUNNER.test(script) ? script.split(/\s+/).filter((token) => SCRIPT_FILE_TOKEN.test(token)) : [])
  ];
  return targets.filter((target) => typeof target === "string" && !target.endsWith(".json")).map((target) => target.replace(/^\.\//, ""));
}

// packages/scanner/dist/graph/env-reads.js
function envNamesRead(ts, tree) {
  const names = /* @__PURE__ */ new Set();
  const dynamicEnvLocals = /* @__PURE__ */ new Set();
  for (const statement of tree.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier))
      continue;
    const module = svelteKitEnvModule(statement.moduleSpecifier.text);
    const bindings = statement.importClause?.namedBindings;
    if (module?.visibility !== "public" || !bindings || !ts.isNamedImports(bindings))
      continue;
    for (const element of bindings.elements) {
      const imported = (element.propertyName ?? element.name).text;
      if (statement.moduleSpecifier.text.includes("/dynamic/") && imported === "env")
        dynamicEnvLocals.add(element.name.text);
      else
        names.add(imported);
    }
  }
  const isEnvObject = (node) => {
    const text = node.getText(tree).replace(/\s+/g, "");
    return text === "process.env" || text === "import.meta.env" || ts.isIdentifier(node) && dynamicEnvLocals.has(node.text);
  };
  const visit = (node) => {
    if (ts.isPropertyAccessExpression(node) && isEnvObject(node.expression))
      names.add(node.name.text);
    else if (ts.isElementAccessExpression(node) && isEnvObject(node.expression) && ts.isStringLiteralLike(node.argumentExpression)) {
      names.add(node.argumentExpression.text);
    } else if (ts.isVariableDeclaration(node) && node.initializer && ts.isObjectBindingPattern(node.name) && isEnvObject(node.initializer)) {
      for (const element of node.name.elements) {
        const key = element.propertyName ?? element.name;
        if (ts.isIdentifier(key) || ts.isStringLiteral(key))
          names.add(key.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return names;
}

// packages/scanner/dist/graph/data-functions.js
var NEXT_DATA_FUNCTIONS = ["getServerSideProps", "getStaticProps", "getStaticPaths"];
var REMIX_SERVER_EXPORTS = ["loader", "action", "headers"];
var PAGE_MODULE = /(^|\/)(src\/)?pages\/(?!api\/)|(^|\/)app\/(routes\/|root\.)/;
var MENTIONS_DATA_FUNCTION = /\b(getServerSideProps|getStaticProps|getStaticPaths|loader|action|headers)\b/;
function mayHaveDataFunctions(file, text) {
  return PAGE_MODULE.test(file) && MENTIONS_DATA_FUNCTION.test(text);
}
function hasExportModifier(ts, node) {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}
function serverOnlyImports(ts, file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKindOf(ts, file));
  const names = /* @__PURE__ */ new Set([...NEXT_DATA_FUNCTIONS, ...REMIX_SERVER_EXPORTS]);
  const exported = /* @__PURE__ */ new Set();
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements)
        if (names.has(element.name.text))
          exported.add((element.propertyName ?? element.name).text);
    }
  }
  const serverRanges = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && names.has(statement.name.text)) {
      if (hasExportModifier(ts, statement) || exported.has(statement.name.text))
        serverRanges.push([statement.pos, statement.end]);
    } else if (ts.isVariableStatement(statement)) {
      const declared = statement.declarationList.declarations.map((declaration) => ts.isIdentifier(declaration.name) ? declaration.name.text : "");
      if (declared.some((name) => names.has(name)) && (hasExportModifier(ts, statement) || declared.some((name) => exported.has(name)))) {
        serverRanges.push([statement.pos, statement.end]);
      }
    }
  }
  if (serverRanges.length === 0)
    return /* @__PURE__ */ new Set();
  const usedOutside = /* @__PURE__ */ new Set();
  const visit = (node) => {
    if (ts.isImportDeclaration(node))
      return;
    if (serverRanges.some(([start, end]) => node.pos >= start && node.end <= end))
      return;
    if (ts.isIdentifier(node))
      usedOutside.add(node.text);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
  const clientUsed = /* @__PURE__ */ new Set();
  const serverOnly = /* @__PURE__ */ new Set();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier))
      continue;
    const specifier = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (clause?.isTypeOnly)
      continue;
    const locals = [];
    if (clause?.name)
      locals.push(clause.name.text);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings))
      locals.push(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) {
      if (!clause?.name && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly))
        continue;
      for (const element of bindings.elements)
        if (!element.isTypeOnly)
          locals.push(element.name.text);
    }
    if (locals.length === 0 || locals.some((local) => usedOutside.has(local)))
      clientUsed.add(specifier);
    else
      serverOnly.add(specifier);
  }
  for (const specifier of clientUsed)
    serverOnly.delete(specifier);
  return serverOnly;
}

// packages/scanner/dist/graph/module-graph.js
var ENV_MENTION = /\bprocess\.env\b|\bimport\.meta\.env\b|\$env\/(?:static|dynamic)\/public/;
var ModuleGraph = class {
  ts;
  paths;
  resolver;
  problems;
  trees;
  moduleBytes;
  nodes = /* @__PURE__ */ new Map();
  client = /* @__PURE__ */ new Map();
  server = /* @__PURE__ */ new Map();
  constructor(ts, paths, resolver, problems, trees, moduleBytes) {
    this.ts = ts;
    this.paths = paths;
    this.resolver = resolver;
    this.problems = problems;
    this.trees = trees;
    this.moduleBytes = moduleBytes;
  }
  node(file) {
    let node = this.nodes.get(file);
    if (node)
      return node;
    const read = readModule(this.ts, this.paths.absolute(file), file, this.moduleBytes);
    if (!read.ok) {
      this.problems.push({ file, reason: read.reason });
      node = { file, edges: [], clientEdges: [], marker: fileMarker(file), mentionsEnv: false, readable: false };
      this.nodes.set(file, node);
      return node;
    }
    const { source } = read;
    let serverOnly = /* @__PURE__ */ new Set();
    if (mayHaveDataFunctions(file, source.text)) {
      try {
        serverOnly = serverOnlyImports(this.ts, file, source.text);
      } catch (error) {
        this.problems.push({ file, reason: `not parsed: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    const edges = [];
    let marker = fileMarker(file, source.text);
    for (const entry of source.imports) {
      if (entry.typeOnly)
        continue;
      const imported = MARKER_IMPORTS[entry.specifier];
      if (imported)
        marker = imported;
      const target = this.resolve(entry.specifier, file);
      if (target)
        edges.push({ specifier: entry.specifier, target, serverOnly: entry.serverSide || serverOnly.has(entry.specifier) });
    }
    const clientEdges = source.clientImports.flatMap(({ specifier, reason }) => {
      const target = this.resolve(specifier, file);
      return target ? [{ target, reason }] : [];
    });
    const syntaxError = source.mayHoldKey ? this.trees.syntaxError(file) : void 0;
    if (syntaxError)
      this.problems.push({ file, reason: `syntax error, ${syntaxError}` });
    node = { file, edges, clientEdges, marker, mentionsEnv: ENV_MENTION.test(source.text), readable: true, ...syntaxError ? { syntaxError } : {} };
    this.nodes.set(file, node);
    return node;
  }
  resolve(specifier, from) {
    const resolution = this.resolver.resolve(specifier, from);
    if (resolution.kind === "unresolved")
      this.problems.push({ file: from, reason: resolution.reason });
    return resolution.kind === "module" ? resolution.file : void 0;
  }
  /** Breadth first from every client entry at once, so each module keeps its shortest chain. */
  walkClient(entries) {
    const queue = [];
    const seed = (file, entry) => {
      if (this.client.has(file))
        return;
      if (this.node(file).marker?.side === "server")
        return;
      this.client.set(file, { entry, depth: 0 });
      queue.push(file);
    };
    for (const entry of entries)
      if (entry.side === "client")
        seed(entry.file, entry);
    for (const entry of entries) {
      if (entry.side !== "server" || !entry.file.endsWith(".astro"))
        continue;
      for (const edge of this.node(entry.file).clientEdges)
        seed(edge.target, { file: edge.target, side: "client", label: `${edge.reason} in ${entry.file}` });
    }
    for (let index = 0; index < queue.length; index++) {
      const file = queue[index];
      const reach = this.client.get(file);
      for (const edge of this.node(file).edges) {
        if (edge.serverOnly || this.client.has(edge.target))
          continue;
        if (this.node(edge.target).marker?.side === "server")
          continue;
        this.client.set(edge.target, { parent: file, entry: reach.entry, depth: reach.depth + 1 });
        queue.push(edge.target);
      }
    }
  }
  walkServer(entries) {
    const queue = [];
    for (const entry of entries) {
      if (entry.side !== "server" || this.server.has(entry.file))
        continue;
      this.server.set(entry.file, { entry, depth: 0 });
      queue.push(entry.file);
    }
    for (let index = 0; index < queue.length; index++) {
      const file = queue[index];
      const reach = this.server.get(file);
      for (const edge of this.node(file).edges) {
        if (this.server.has(edge.target))
          continue;
        this.server.set(edge.target, { parent: file, entry: reach.entry, depth: reach.depth + 1 });
        queue.push(edge.target);
      }
    }
  }
  /** Entry first, the entry with its label: `['app/page.tsx ("use client")', 'lib/engium.ts']`. */
  chain(reached, file) {
    const steps = [];
    let current = file;
    while (current !== void 0) {
      const reach = reached.get(current);
      if (!reach)
        return void 0;
      steps.unshift(reach.parent === void 0 ? `${current} (${reach.entry.label})` : current);
      current = reach.parent;
    }
    return steps;
  }
  importers;
  /** Modules whose edges point at `file`, among those the walks read (call after the walks). */
  importersOf(file) {
    if (!this.importers) {
      this.importers = /* @__PURE__ */ new Map();
      for (const node of this.nodes.values()) {
        for (const edge of node.edges) {
          const list = this.importers.get(edge.target) ?? [];
          if (!list.includes(node.file))
            list.push(node.file);
          this.importers.set(edge.target, list);
        }
      }
    }
    return this.importers.get(file) ?? [];
  }
};

// packages/scanner/dist/graph/resolve.js
import { readdirSync, readFileSync as readFileSync5, realpathSync, statSync } from "node:fs";
import { posix as posix4 } from "node:path";
var COMPONENT = /\.(?:vue|svelte|astro)$/;
var ASSET = /\.(?:css|scss|sass|less|styl|svg|png|jpe?g|gif|webp|avif|ico|woff2?|ttf|eot|mp4|webm|wasm|html|md|mdx|txt|json|ya?ml|graphql|gql)(?:\?.*)?$/;
var VIRTUAL = /^(?:\$env\/|\$app\/|\$service-worker|astro:|virtual:|node:|bun:|#)/;
var SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
var CachedFileSystem = class {
  listings = /* @__PURE__ */ new Map();
  kind(path) {
    const slash = path.lastIndexOf("/");
    if (slash <= 0)
      return this.stat(path);
    const listing = this.listing(path.slice(0, slash));
    const kind = listing?.get(path.slice(slash + 1));
    if (kind === void 0)
      return "none";
    return kind === "link" ? this.stat(path) : kind;
  }
  listing(dir) {
    if (this.listings.has(dir))
      return this.listings.get(dir);
    let listing;
    try {
      listing = new Map(readdirSync(dir, { withFileTypes: true }).map((entry) => [entry.name, entry.isFile() ? "file" : entry.isDirectory() ? "dir" : "link"]));
    } catch {
      listing = void 0;
    }
    this.listings.set(dir, listing);
    return listing;
  }
  stat(path) {
    try {
      const stat = statSync(path);
      return stat.isFile() ? "file" : stat.isDirectory() ? "dir" : "none";
    } catch {
      return "none";
    }
  }
};
var ModuleResolver = class {
  ts;
  paths;
  packages;
  configFor;
  fs = new CachedFileSystem();
  host;
  workspace;
  constructor(ts, paths, packages, configFor) {
    this.ts = ts;
    this.paths = paths;
    this.packages = packages;
    this.configFor = configFor;
    this.workspace = new Map(packages.filter((info) => info.name).map((info) => [info.name, info]));
    this.host = {
      fileExists: (path) => this.fs.kind(path) === "file",
      directoryExists: (path) => this.fs.kind(path) === "dir",
      readFile: (path) => {
        try {
          return readFileSync5(path, "utf8");
        } catch {
          return void 0;
        }
      },
      realpath: (path) => {
        try {
          return realpathSync(path);
        } catch {
          return path;
        }
      },
      getCurrentDirectory: () => paths.root
    };
  }
  resolve(specifier, from) {
    const bare = specifier.split("?")[0] ?? specifier;
    const relativeLike = bare.startsWith(".") || bare.startsWith("/");
    if ((COMPONENT.test(bare) || bare.endsWith(".json")) && relativeLike)
      return this.existing(joinPosix(posix4.dirname(from), bare), specifier);
    if (ASSET.test(bare) || VIRTUAL.test(bare))
      return { kind: "external" };
    const absoluteFrom = this.paths.absolute(from);
    const config = this.configFor(from, absoluteFrom);
    const result = this.ts.resolveModuleName(bare, absoluteFrom, config.options, this.host, config.cache).resolvedModule;
    if (result)
      return this.fromCompiler(result.resolvedFileName);
    if (relativeLike)
      return { kind: "unresolved", reason: `cannot resolve "${specifier}"` };
    const aliased = this.bundlerAlias(bare, from);
    if (aliased)
      return aliased;
    const workspace = this.workspacePackage(bare, from);
    if (workspace)
      return workspace;
    if (this.matchesPathAlias(bare, config))
      return { kind: "unresolved", reason: `cannot resolve "${specifier}" through tsconfig paths` };
    if (/^(?:[@~]\/|\$lib\b)/.test(bare))
      return { kind: "unresolved", reason: `cannot resolve the alias "${specifier}"` };
    return { kind: "external" };
  }
  fromCompiler(resolvedFileName) {
    const file = this.paths.relative(resolvedFileName);
    if (!file || file.includes("node_modules/"))
      return { kind: "external" };
    if (/\.d\.[cm]?ts$/.test(file) || /(^|\/)(dist|build|lib|out)\//.test(file)) {
      const source = this.sourceOf(file);
      if (source)
        return { kind: "module", file: source };
      if (/\.d\.[cm]?ts$/.test(file))
        return { kind: "external" };
    }
    return { kind: "module", file };
  }
  /** `packages/ui/dist/button.d.ts` → `packages/ui/src/button.tsx`, when such a file exists. */
  sourceOf(file) {
    const stem = file.replace(/\.d\.[cm]?ts$|\.[cm]?jsx?$/, "");
    const candidates = [stem.replace(/(^|\/)(dist|build|lib|out)\//, "$1src/"), stem];
    for (const candidate of candidates) {
      for (const extension of SOURCE_EXTENSIONS) {
        if (this.fs.kind(this.paths.absolute(candidate + extension)) === "file")
          return candidate + extension;
      }
    }
    return void 0;
  }
  existing(file, specifier) {
    return this.fs.kind(this.paths.absolute(file)) === "file" ? { kind: "module", file } : { kind: "unresolved", reason: `cannot resolve "${specifier}"` };
  }
  /** The module a root-relative path names (a package.json entry point): itself, its source, or undefined. */
  moduleAt(target) {
    const found = this.resolveWithin(target, "__root__.js");
    return found?.kind === "module" ? found.file : void 0;
  }
  /** Resolves `target` (root-relative, extension optional, maybe a folder) as the compiler would a relative import. */
  resolveWithin(target, from) {
    if (COMPONENT.test(target))
      return this.fs.kind(this.paths.absolute(target)) === "file" ? { kind: "module", file: target } : void 0;
    let relative2 = posix4.relative(posix4.dirname(from), target);
    if (!relative2.startsWith("."))
      relative2 = `./${relative2}`;
    const absoluteFrom = this.paths.absolute(from);
    const config = this.configFor(from, absoluteFrom);
    const result = this.ts.resolveModuleName(relative2, absoluteFrom, config.options, this.host, config.cache).resolvedModule;
    if (result)
      return this.fromCompiler(result.resolvedFileName);
    const source = this.sourceOf(target);
    return source ? { kind: "module", file: source } : void 0;
  }
  bundlerAlias(specifier, from) {
    const owner = this.packages.find(({ dir }) => dir === "" || from.startsWith(`${dir}/`));
    const base = owner?.dir ?? "";
    const lib = /^\$lib(\/.*)?$/.exec(specifier);
    if (lib)
      return this.resolveWithin(joinPosix(base, `src/lib${lib[1] ?? ""}`), from);
    const app = /^[~@]\/(.*)$/.exec(specifier);
    if (app) {
      for (const folder of ["src", "app", ""]) {
        const found = this.resolveWithin(joinPosix(base, folder ? `${folder}/${app[1]}` : app[1] ?? ""), from);
        if (found)
          return found;
      }
    }
    return void 0;
  }
  workspacePackage(specifier, from) {
    const parts = specifier.split("/");
    const nameLength = specifier.startsWith("@") ? 2 : 1;
    const info = this.workspace.get(parts.slice(0, nameLength).join("/"));
    if (!info)
      return void 0;
    const subpath = parts.slice(nameLength).join("/");
    const manifest = info.manifest;
    const candidates = subpath ? [subpath, `src/${subpath}`] : [...exportTargets(manifest.exports), manifest.module, manifest.main, "src/index", "index"].filter((value) => typeof value === "string");
    for (const candidate of candidates) {
      const found = this.resolveWithin(joinPosix(info.dir, candidate), from);
      if (found?.kind === "module")
        return found;
    }
    return { kind: "unresolved", reason: `cannot resolve workspace package "${specifier}"` };
  }
  matchesPathAlias(specifier, config) {
    return Object.keys(config.options.paths ?? {}).some((pattern) => {
      const star = pattern.indexOf("*");
      return star < 0 ? pattern === specifier : specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1));
    });
  }
};

// packages/scanner/dist/graph/syntax.js
var SyntaxTrees = class {
  ts;
  paths;
  trees = /* @__PURE__ */ new Map();
  /** Modules the parser itself failed on (nesting deeper than its stack): unknown, never fatal. */
  failures = /* @__PURE__ */ new Map();
  constructor(ts, paths) {
    this.ts = ts;
    this.paths = paths;
  }
  of(file) {
    if (this.trees.has(file))
      return this.trees.get(file);
    const read = readModule(this.ts, this.paths.absolute(file), file);
    let tree;
    try {
      tree = read.ok ? this.ts.createSourceFile(file, read.source.text, this.ts.ScriptTarget.Latest, true, scriptKindOf(this.ts, file)) : void 0;
    } catch (error) {
      this.failures.set(file, `line 1: the parser gave up (${error instanceof RangeError ? "nesting too deep" : String(error)})`);
    }
    this.trees.set(file, tree);
    return tree;
  }
  /** The first syntax error in the module, as `line N: message`, or undefined when it parses. */
  syntaxError(file) {
    const tree = this.of(file);
    const failure = this.failures.get(file);
    if (failure)
      return failure;
    const diagnostic = tree?.parseDiagnostics?.[0];
    if (!tree || !diagnostic)
      return void 0;
    const line = tree.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
    const message = this.ts.flattenDiagnosticMessageText(diagnostic.messageText, " ").replace(keyPattern(), (key) => redact(key));
    return `line ${line}: ${message}`;
  }
};

// packages/scanner/dist/graph/tsconfig.js
var CONFIG_FILE = /(^|\/)(tsconfig(\.[\w.-]+)?|jsconfig)\.json$/;
var IGNORED_DIAGNOSTICS = /* @__PURE__ */ new Set([18003, 5101, 5102, 5107, 5108, 5110]);
function graphOptions(ts, options) {
  const resolution = options.moduleResolution;
  const keepsResolution = resolution === ts.ModuleResolutionKind.Bundler || resolution === ts.ModuleResolutionKind.Node16 || resolution === ts.ModuleResolutionKind.NodeNext;
  return {
    ...options,
    // JS modules ship too, and bundlers resolve like `bundler` when a config names no modern mode.
    allowJs: true,
    resolveJsonModule: true,
    noEmit: true,
    ...keepsResolution ? {} : { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext }
  };
}
function defaultOptions(ts) {
  return graphOptions(ts, { target: ts.ScriptTarget.ESNext, jsx: ts.JsxEmit.Preserve });
}
function loadConfigs(ts, paths, files, problems) {
  const configs = [];
  const host = {
    ...ts.sys,
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    getCurrentDirectory: () => paths.root,
    onUnRecoverableConfigFileDiagnostic: () => void 0
  };
  const optionsOnly = { ...host, readDirectory: () => [] };
  for (const file of files) {
    if (!CONFIG_FILE.test(file) || isOutsideSource(file))
      continue;
    const absolute = paths.absolute(file);
    let parsed;
    try {
      parsed = ts.getParsedCommandLineOfConfigFile(absolute, {}, optionsOnly);
    } catch (error) {
      problems.push({ file, reason: `tsconfig not parsed: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    if (!parsed) {
      problems.push({ file, reason: "tsconfig not parsed" });
      continue;
    }
    const errors = parsed.errors.filter((error) => error.category === ts.DiagnosticCategory.Error && !IGNORED_DIAGNOSTICS.has(error.code));
    for (const error of errors.slice(0, 3)) {
      problems.push({ file, reason: `tsconfig: ${ts.flattenDiagnosticMessageText(error.messageText, " ")}` });
    }
    const raw = parsed.raw ?? {};
    let fileNames;
    const options = graphOptions(ts, parsed.options);
    configs.push({
      file,
      dir: dirnamePosix(file),
      options,
      solutionStyle: Array.isArray(raw.files) && raw.files.length === 0 && raw.include === void 0,
      includes: (path) => {
        fileNames ??= new Set(ts.getParsedCommandLineOfConfigFile(absolute, {}, host)?.fileNames ?? []);
        return fileNames.has(path);
      },
      cache: ts.createModuleResolutionCache(paths.root, (name) => name, options)
    });
  }
  return configs.sort((a, b) => b.dir.length - a.dir.length);
}
function configFinder(configs, fallback) {
  const byDir = /* @__PURE__ */ new Map();
  return (file, absolute) => {
    const dir = dirnamePosix(file);
    let candidates = byDir.get(dir);
    if (!candidates) {
      candidates = configs.filter((config) => config.dir === "" || dir === config.dir || dir.startsWith(`${config.dir}/`));
      byDir.set(dir, candidates);
    }
    const first = candidates[0];
    if (!first)
      return fallback;
    const alone = candidates.length === 1 || candidates[1]?.dir !== first.dir && !first.solutionStyle;
    if (alone && !first.solutionStyle)
      return first;
    return candidates.find((config) => config.includes(absolute)) ?? candidates.find((config) => !config.solutionStyle) ?? fallback;
  };
}

// packages/scanner/dist/graph/typescript.js
var loaded;
function loadTypeScript() {
  loaded ??= import("ts-morph").then((module) => module.ts);
  return loaded;
}

// packages/scanner/dist/graph/index.js
async function analyseProgram(root, options) {
  const ts = await loadTypeScript();
  const paths = new RootPaths(root);
  const problems = [];
  const files = options.files;
  const packages = loadPackages(paths, files, problems);
  const configs = loadConfigs(ts, paths, files, problems);
  const fallbackOptions = defaultOptions(ts);
  const fallback = {
    dir: "",
    options: fallbackOptions,
    solutionStyle: false,
    includes: () => false,
    cache: ts.createModuleResolutionCache(paths.root, (name) => name, fallbackOptions)
  };
  const resolver = new ModuleResolver(ts, paths, packages, configFinder(configs, fallback));
  const fileSet = new Set(files);
  const moduleBytes = new ModuleBytes();
  const entries = findEntries({
    paths,
    files,
    packages,
    clientEntries: options.clientEntries ?? [],
    moduleBytes,
    sourceFor: (file) => resolver.moduleAt(file)
  });
  const trees = new SyntaxTrees(ts, paths);
  const graph = new ModuleGraph(ts, paths, resolver, problems, trees, moduleBytes);
  graph.walkClient(entries);
  graph.walkServer(entries);
  moduleBytes.clear();
  const exposureOf = (file) => {
    const syntaxError = graph.nodes.get(file)?.syntaxError;
    if (syntaxError)
      return { exposure: "unknown", reason: `the module does not parse (${syntaxError})` };
    const chain = graph.chain(graph.client, file);
    if (chain) {
      return {
        exposure: "client",
        chain,
        reason: chain.length === 1 ? `client entry: ${chain[0]}` : `imported from the client entry ${chain[0]}`
      };
    }
    const serverChain = graph.chain(graph.server, file);
    if (serverChain)
      return { exposure: "server", reason: `only server code reaches it: ${serverChain.join(" \u2192 ")}` };
    if (!isModuleFile(file))
      return { exposure: "unknown", reason: "not a module of the program" };
    const node = graph.nodes.get(file);
    if (node && !node.readable)
      return { exposure: "unknown", reason: "the module could not be read" };
    return { exposure: "unknown", reason: "no client or server entry imports it" };
  };
  const readersExposure = (found, fallbackFile, what) => {
    const shipsFrom = (reader, imported) => graph.node(reader).edges.some((edge) => edge.target === imported && !edge.serverOnly);
    const client = found.filter((reader) => shipsFrom(reader.reader, reader.path[0])).map((reader) => ({ reader, chain: graph.chain(graph.client, reader.reader) })).filter((candidate) => candidate.chain !== void 0).sort((a, b) => a.chain.length + a.reader.path.length - (b.chain.length + b.reader.path.length));
    const readers = [...new Set(found.map(({ reader }) => reader))].sort();
    const best = client[0];
    if (best) {
      return {
        exposure: { exposure: "client", chain: [...best.chain, ...best.reader.path], reason: `${what} is imported by client code: ${best.reader.reader}` },
        readers
      };
    }
    return { exposure: exposureOf(fallbackFile), readers };
  };
  let envIndex;
  const clientEnvReaders = (name) => {
    if (!envIndex) {
      envIndex = /* @__PURE__ */ new Map();
      for (const file of [...graph.client.keys()].sort()) {
        if (!graph.nodes.get(file)?.mentionsEnv)
          continue;
        const tree = trees.of(file);
        if (!tree)
          continue;
        for (const read of envNamesRead(ts, tree))
          envIndex.set(read, [...envIndex.get(read) ?? [], file]);
      }
    }
    return envIndex.get(name) ?? [];
  };
  return {
    exposureOf,
    importersOfDefinition(file, line) {
      if (!isModuleFile(file) || !fileSet.has(file) || graph.nodes.get(file)?.syntaxError)
        return void 0;
      const tree = trees.of(file);
      if (!tree)
        return void 0;
      const names = exportedNamesAt(ts, tree, line);
      if (names.length === 0)
        return void 0;
      const found = readersOf(ts, graph, trees, file, names);
      return readersExposure(found, file, names.includes("*") ? file : `${names.join(", ")} from ${file}`);
    },
    envReaders(name) {
      const readers = clientEnvReaders(name);
      if (readers.length === 0)
        return void 0;
      const prefix = publicEnvPrefix(name, options.publicEnvPrefixes ?? []);
      const shortest = readers.map((reader) => graph.chain(graph.client, reader)).sort((a, b) => a.length - b.length)[0];
      const inlined = prefix ? void 0 : configInlinedEnv(paths, files, name);
      if (inlined)
        return { exposure: { exposure: "client", chain: shortest, reason: `${inlined.reason}; read by client code: ${readers.join(", ")}` }, readers };
      if (!prefix) {
        return {
          exposure: { exposure: "unknown", reason: `${name} has no public prefix, so bundlers do not inline it into ${readers.join(", ")}` },
          readers
        };
      }
      return { exposure: { exposure: "client", chain: shortest, reason: `${prefix.reason}; read by client code: ${readers.join(", ")}` }, readers };
    },
    buildExposure: (file, mappedSources) => buildExposure({ paths, packages, exposureOf, isModule: (candidate) => fileSet.has(candidate) && isModuleFile(candidate) }, file, mappedSources),
    problems: dedupe(problems)
  };
}
function dedupe(problems) {
  const seen = /* @__PURE__ */ new Set();
  return problems.filter(({ file, reason }) => {
    const id = `${file}\0${reason}`;
    if (seen.has(id))
      return false;
    seen.add(id);
    return true;
  });
}
export {
  analyseProgram
};
