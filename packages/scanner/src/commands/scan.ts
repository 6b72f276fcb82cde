import { ClassifyThread } from '../classify/thread.js';
import { exitCodeFor, writeReport } from '../report/index.js';
import { reportError } from './errors.js';
import type { CommandOptions } from './options.js';
import { progressReporter } from './progress.js';

export async function run(dir: string, options: CommandOptions): Promise<number> {
  // Started before the scanner loads, so TypeScript loads beside it (the scan closes it).
  const classifyThread = options.graph === false ? undefined : ClassifyThread.start();
  const progress = progressReporter(options);
  try {
    const { scanDirectory } = await import('../scan.js');
    const report = await scanDirectory(dir, {
      ...(classifyThread ? { classifyThread } : {}),
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
  } finally {
    // Closed here too: a path that cannot be scanned fails before the scan takes the thread over.
    await classifyThread?.close();
  }
}
