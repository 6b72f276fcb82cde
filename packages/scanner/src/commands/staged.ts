import { asUsageError } from '../git/report-parts.js';
import { stagedReport } from '../git/staged-report.js';
import { exitCodeFor, writeReport } from '../report/index.js';
import { reportError } from './errors.js';
import type { CommandOptions } from './options.js';

/** `engium-scan staged [dir]`: what `git commit` is about to record; for pre-commit hooks. */
export async function run(dir: string, options: CommandOptions): Promise<number> {
  try {
    const report = await stagedReport(dir, {
      ...(options.config !== undefined ? { configFile: options.config } : {}),
      ...(options.baseline !== undefined ? { baselineFile: options.baseline } : {}),
    });
    writeReport(report, { format: options.format, ...(options.output !== undefined ? { output: options.output } : {}), ...(options.quiet ? { quiet: true } : {}) });
    return exitCodeFor(report, options.failOn);
  } catch (error) {
    return reportError(asUsageError(error));
  }
}
