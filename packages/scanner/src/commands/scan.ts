import { scanDirectory } from '../scan.js';
import { exitCodeFor, writeReport } from '../report/index.js';
import { reportError } from './errors.js';
import type { CommandOptions } from './options.js';
import { progressReporter } from './progress.js';

export async function run(dir: string, options: CommandOptions): Promise<number> {
  const progress = progressReporter(options);
  try {
    const report = await scanDirectory(dir, {
      ...(options.config !== undefined ? { configFile: options.config } : {}),
      ...(options.baseline !== undefined ? { baselineFile: options.baseline } : {}),
      ...(options.graph === false ? { programAnalysis: false } : {}),
      ...(options.threads !== undefined ? { threads: options.threads } : {}),
      ...(progress.update ? { onProgress: progress.update } : {}),
    });
    progress.done();
    writeReport(report, { format: options.format, ...(options.output !== undefined ? { output: options.output } : {}), ...(options.quiet ? { quiet: true } : {}) });
    return exitCodeFor(report, options.failOn);
  } catch (error) {
    progress.done();
    return reportError(error);
  }
}
