import { historyReport } from '../git/history-report.js';
import { missesCommits } from '../git/history-scan.js';
import { asUsageError } from '../git/report-parts.js';
import { reportError } from './errors.js';
import type { CommandOptions } from './options.js';

/** `engium-scan history [dir] [--range A..B | --since REF | --all]`. */
export async function run(dir: string, options: CommandOptions): Promise<number> {
  try {
    const reporting = historyReport(dir, {
      ...(options.config !== undefined ? { configFile: options.config } : {}),
      ...(options.baseline !== undefined ? { baselineFile: options.baseline } : {}),
      ...(options.range !== undefined ? { range: options.range } : {}),
      ...(options.since !== undefined ? { since: options.since } : {}),
      ...(options.all ? { all: true } : {}),
    });
    reporting.catch(() => undefined); // awaited below, once the writers have loaded
    // The report writers load while git reads the history, not before it starts.
    const { exitCodeFor, writeReport } = await import('../report/index.js');
    const report = await reporting;
    writeReport(report, { format: options.format, ...(options.output !== undefined ? { output: options.output } : {}), ...(options.quiet ? { quiet: true } : {}) });
    // A commit git could not read leaves the history unproven: no finding is not "no leak" then.
    const code = exitCodeFor(report, options.failOn);
    if (code !== 0 || !missesCommits(report.stats.warnings)) return code;
    // Said on stderr too: with --quiet, or a report written to a file, the warnings are not on screen.
    console.error('engium-scan: git could not read every commit of the history (the report\'s warnings name them): no finding does not mean no leak');
    return 2;
  } catch (error) {
    return reportError(asUsageError(error));
  }
}
