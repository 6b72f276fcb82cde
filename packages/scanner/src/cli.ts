#!/usr/bin/env node
// The engium-scan command line. Each command lives in its own module, loaded only when run, so
// `engium-scan staged` in a pre-commit hook pays for nothing it does not use.
import { Command, InvalidArgumentError, Option } from 'commander';
import { SEVERITIES } from '@engium/core';
import { errorMessage } from './report/escape.js';
import { SCANNER_VERSION } from './package-version.js';
import type { CommandOptions } from './commands/options.js';

// A reader that stops early (`engium-scan | head -1`) closes the pipe: the rest of the output has
// nowhere to go, which is no failure of the scan. The exit code stays the one the scan set.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

const program = new Command()
  .name('engium-scan')
  .description('Audit a repository for leaked Engium API keys: source, .env files, built bundles and git history.')
  .version(SCANNER_VERSION, '-V, --version', 'print the version of engium-scan')
  .showHelpAfterError()
  // commander quotes a bad argument back ("unknown option '--eng_live_…'"): never a whole key.
  .configureOutput({ outputError: (text, write) => write(errorMessage(text)) })
  .exitOverride();

function withCommonOptions(command: Command): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'sarif']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding reaches this severity')
        .choices([...SEVERITIES, 'none'])
        .default('high'),
    )
    .option('-c, --config <file>', 'config file (default: engium.config.json in the scanned directory)')
    .option('-b, --baseline <file>', 'findings in this baseline are reported but do not fail the run')
    .option('-q, --quiet', 'print only the findings and errors, no progress or summary');
}

/** `--threads N`: a positive whole number, or commander's usage error. */
function threadsOption(): Option {
  return new Option('-j, --threads <count>', 'threads that read files (default: one per core, up to 4, once a scan is big enough to gain; one on two cores)').argParser((value) => {
    const count = Number(value);
    if (!Number.isInteger(count) || count < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
    return count;
  });
}

type CommandModule = { run(dir: string, options: CommandOptions): Promise<number> };

async function runCommand(load: () => Promise<CommandModule>, dir: string | undefined, options: CommandOptions): Promise<void> {
  const module = await load();
  process.exitCode = await module.run(dir ?? '.', options);
}

withCommonOptions(program.command('scan [path]', { isDefault: true }).description('audit a directory, or one file such as an app package or archive (the default command)'))
  .option('--no-graph', 'skip the module-graph pass: exposure from file markers and build folders only')
  .addOption(threadsOption())
  .action((dir: string | undefined, options: CommandOptions) => runCommand(() => import('./commands/scan.js'), dir, options));

// Only the options baseline uses: a report format, a threshold or a baseline to apply would be
// ignored, so commander refuses them instead.
program
  .command('baseline [dir]')
  .description('write the current findings as a baseline file (-o FILE, default .engium-baseline.json in dir)')
  .option('-o, --output <file>', 'the baseline file to write')
  .option('-c, --config <file>', 'config file (default: engium.config.json in the scanned directory)')
  .option('-q, --quiet', 'print only errors, no summary')
  .option('--no-graph', 'skip the module-graph pass')
  .addOption(threadsOption())
  .action((dir: string | undefined, options: CommandOptions) => runCommand(() => import('./commands/baseline.js'), dir, options));

withCommonOptions(program.command('history [dir]').description('scan the lines that git commits added'))
  .option('--range <range>', 'commits in A..B')
  .option('--since <ref>', 'commits after REF up to HEAD')
  .option('--all', 'every commit on every branch')
  .action((dir: string | undefined, options: CommandOptions) => runCommand(() => import('./commands/history.js'), dir, options));

withCommonOptions(program.command('staged [dir]').description('scan what `git commit` is about to record (for pre-commit hooks)'))
  .action((dir: string | undefined, options: CommandOptions) => runCommand(() => import('./commands/staged.js'), dir, options));

withCommonOptions(program.command('pack [path]').description('scan what `npm publish` would upload: the files `npm pack --dry-run` lists in a package folder, or a packed .tgz'))
  .action((path: string | undefined, options: CommandOptions) => runCommand(() => import('./commands/pack.js'), path, options));

program
  .command('merge <reports...>')
  .description('merge JSON reports from many repositories into one, a finding per key (each report: FILE, NAME=FILE or DIR)')
  .option('-o, --output <file>', 'write the merged report to a file instead of stdout')
  .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding reaches this severity').choices([...SEVERITIES, 'none']).default('high'))
  .option('-q, --quiet', 'print only errors, no summary')
  .action(async (reports: string[], options: import('./commands/merge.js').MergeOptions) => {
    process.exitCode = await (await import('./commands/merge.js')).runMerge(reports, options);
  });

program
  .command('init [dir]')
  .description('set up a husky pre-commit hook that runs `engium-scan staged`')
  .action((dir: string | undefined, options: CommandOptions) => runCommand(() => import('./commands/init.js'), dir, options));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // commander reports usage errors itself; anything else is a runtime error. Both exit 2.
  const code = (error as { code?: string }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version') process.exitCode = 0;
  else {
    if (!code?.startsWith('commander.')) console.error(`engium-scan: ${errorMessage(error instanceof Error ? error.message : String(error))}`);
    process.exitCode = 2;
  }
}
