import { historyReport } from '../git/history-report.js';
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
    return exitCodeFor(report, options.failOn);
  } catch (error) {
    return reportError(asUsageError(error));
  }
}
