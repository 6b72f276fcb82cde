// Builds that package.json `scripts` run from the command line (`esbuild src/app.ts --bundle
// --define:process.env.KEY=\"$KEY\" --outfile=dist/app.js`): the same facts a config file gives,
// read from the bundler's flags. Which bundlers and what their flags mean: the `commandLine` of
// their rows in the framework table (`../frameworks.ts`). Scripts are parsed as the shell would
// split them (shell-quote), never run.
import { posix } from 'node:path';
import { parse, type ParseEntry } from 'shell-quote';
import { FRAMEWORK_BUILDS, type CommandLine, type FrameworkBuild } from '../frameworks.js';
import { briefReason } from '../safe-read.js';
import type { ConfigFacts } from './config-injection.js';
import { outputFolder, platformSide, type PlatformSetting } from './platform.js';
import type { PackageInfo } from './packages.js';
import { joinPosix, type RootPaths } from './paths.js';
import { readProjectText } from './read.js';
import type { Problem } from './types.js';

const ENV_KEY = /^(?:process\.env|import\.meta\.env)\.([A-Za-z_$][\w$]*)$/;
/** A config file a flag names: a script or JSON file inside the package. */
const CONFIG_FILE = /^(?!\/|\.\.\/)[^\s$]+\.(?:[cm]?[jt]s|json)$/;
/** A shell variable a script passes on (`$KEY`, `${KEY}`): kept as written by the parse. */
const SHELL_VARIABLE = /\$\{?([A-Za-z_]\w*)\}?/g;

interface Invocation {
  row: FrameworkBuild & { commandLine: CommandLine };
  /** Config properties the flags set, in the order written. */
  settings: PlatformSetting[];
  entries: string[];
  defines: { name: string; value: string }[];
  /** Config files the flags name (`--config build/webpack.prod.js`), relative to the package. */
  configs: string[];
}

const COMMAND_ROWS = FRAMEWORK_BUILDS.filter((row): row is Invocation['row'] => row.commandLine !== undefined);

/** The words of each command a script runs, split at `&&`, `||`, `;`, `|` and `&`. */
function commandsOf(script: string): string[][] {
  let words: ParseEntry[];
  try {
    // Variables stay as written: the build reads them from its environment.
    words = parse(script, (name) => `$${name}`);
  } catch {
    return [];
  }
  const commands: string[][] = [[]];
  for (const word of words) {
    if (typeof word === 'string') commands.at(-1)?.push(word);
    else if ('op' in word && word.op !== 'glob') commands.push([]);
    else if ('pattern' in word) commands.at(-1)?.push(word.pattern);
  }
  return commands.filter((command) => command.length > 0);
}

/**
 * Words that may come before the program a command runs: package runners (`npx`, `pnpm exec`),
 * env loaders (`dotenv --`, `cross-env A=1`), their flags and variable assignments.
 */
const RUNNER_WORD = /^(?:npx|bunx|pnpm|yarn|npm|exec|dlx|run|dotenv|dotenv-cli|env-cmd|cross-env|env|--|-[\w-]+(?:=\S*)?|[A-Za-z_]\w*=\S*)$/;

/** The bundler a command runs (`esbuild …`, `npx esbuild …`, `dotenv -- esbuild …`) and its flags. */
function invocationOf(words: readonly string[], where: string): Invocation | undefined {
  for (const [at, word] of words.entries()) {
    const program = word.slice(word.lastIndexOf('/') + 1);
    const row = COMMAND_ROWS.find(({ commandLine }) => commandLine.command === program);
    if (row) return readFlags(row, words.slice(at + 1), where);
    // `echo esbuild src/a.ts` runs echo: only runners may stand before the program.
    if (!RUNNER_WORD.test(word)) return undefined;
  }
  return undefined;
}

function readFlags(row: Invocation['row'], words: readonly string[], where: string): Invocation {
  const { flags, positional, define, config = [] } = row.commandLine;
  const invocation: Invocation = { row, settings: [], entries: [], defines: [], configs: [] };
  const set = (property: string, value: string) => {
    if (row.platform?.entry.includes(property)) invocation.entries.push(value);
    else invocation.settings.push({ property, values: [value], where });
  };
  for (let index = 0; index < words.length; index++) {
    const word = words[index] ?? '';
    if (!word.startsWith('-')) {
      if (positional) set(positional, word);
      continue;
    }
    const flag = word.replace(/^--?/, '');
    if (define && flag.startsWith(`${define}:`)) {
      const [name = '', ...value] = flag.slice(define.length + 1).split('=');
      invocation.defines.push({ name, value: value.join('=') });
      continue;
    }
    const equals = flag.indexOf('=');
    const name = equals === -1 ? flag : flag.slice(0, equals);
    if (config.includes(name)) {
      // `rollup -c` alone reads the default config: only a file's name is taken as the value.
      const value = equals === -1 ? words[index + 1] : flag.slice(equals + 1);
      if (value !== undefined && CONFIG_FILE.test(value)) {
        invocation.configs.push(posix.normalize(value));
        if (equals === -1) index++;
      }
      continue;
    }
    const property = flags[name];
    if (!property) continue;
    // `--outfile=dist/app.js` or `-o dist/app.js`.
    const value = equals === -1 ? words[++index] : flag.slice(equals + 1);
    if (value !== undefined) set(property, value);
  }
  return invocation;
}

/** The 1-based line of package.json that holds a script, for messages and for keys written in it. */
function lineOf(text: string, script: string): number {
  const at = text.indexOf(JSON.stringify(script).slice(1, -1));
  return at === -1 ? 1 : text.slice(0, at).split('\n').length;
}

/** A config file that a package's scripts hand to a bundler (`webpack --config .erb/configs/webpack.prod.ts`). */
export interface ScriptConfig {
  row: FrameworkBuild;
  /** Relative to the root. */
  config: string;
}

/** The config files the package's scripts name on a bundler's command line, once each. */
export function scriptConfigs(owner: PackageInfo): ScriptConfig[] {
  const found = new Map<string, ScriptConfig>();
  for (const script of Object.values(owner.manifest.scripts ?? {})) {
    if (typeof script !== 'string') continue;
    for (const words of commandsOf(script)) {
      const invocation = invocationOf(words, '');
      for (const config of invocation?.configs ?? []) {
        const path = joinPosix(owner.dir, config);
        if (invocation && !path.startsWith('../')) found.set(`${invocation.row.name}\0${path}`, { row: invocation.row, config: path });
      }
    }
  }
  return [...found.values()];
}

export function readScriptBuilds(paths: RootPaths, owners: readonly PackageInfo[], facts: ConfigFacts, problems: Problem[]): void {
  for (const owner of owners) {
    const scripts = Object.entries(owner.manifest.scripts ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    if (!scripts.some(([, script]) => COMMAND_ROWS.some(({ commandLine }) => script.includes(commandLine.command)))) continue;
    const manifest = joinPosix(owner.dir, 'package.json');
    let text = '';
    try {
      text = readProjectText(paths, paths.absolute(manifest));
    } catch (error) {
      problems.push({ file: manifest, reason: `package.json not read: ${briefReason(error)}` });
    }
    for (const [name, script] of scripts) {
      const line = lineOf(text, script);
      for (const words of commandsOf(script)) {
        const invocation = invocationOf(words, `${manifest}:${line}`);
        // A command that names no entry builds what its config file says, read there.
        if (invocation && invocation.entries.length > 0) addFacts(owner, invocation, { manifest, line, name }, facts);
      }
    }
  }
}

function addFacts(owner: PackageInfo, { row, settings, entries, defines }: Invocation, script: { manifest: string; line: number; name: string }, facts: ConfigFacts): void {
  const where = `${script.manifest}:${script.line}`;
  const { side, note } = platformSide(row, settings);
  if (side === 'unknown') return;
  const runs = `the "${script.name}" script runs ${row.name}`;
  const output = settings.find(({ property }) => row.platform?.output.includes(property))?.values[0];
  const folder = (output && outputFolder(output)) ?? 'dist';
  facts.outputs.push({ path: joinPosix(owner.dir, folder), side, reason: `${where}: ${runs}; ${note}, into ${folder}` });
  if (side === 'client') {
    for (const entry of entries) {
      if (/\.[cm]?[jt]sx?$/.test(entry)) facts.clientEntries.push({ file: joinPosix(owner.dir, entry.replace(/^\.\//, '')), label: `${row.name} entry in ${where}` });
    }
  }
  const target = side === 'client' ? 'into browser code' : 'into server code';
  for (const { name, value } of defines) {
    const defined = ENV_KEY.exec(name)?.[1];
    const reads = new Set([...value.matchAll(SHELL_VARIABLE)].map((match) => match[1] ?? ''));
    if (defined) reads.add(defined);
    for (const variable of reads) {
      facts.injections.push({ name: variable, where, side, reason: `${where}: ${runs} with --define:${name}, which inlines ${variable} ${target}; ${note}` });
    }
    facts.shipped.push({ config: script.manifest, fromLine: script.line, toLine: script.line, side, where, reason: `${where}: ${runs} with --define:${name} as written ${target}; ${note}` });
  }
}
