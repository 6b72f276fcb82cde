import { exitCodeFor, writeReport } from '../report/index.js';
import { scanTarget } from '../scan.js';
import { packTarget } from '../sources/npm-pack.js';
import { reportError } from './errors.js';
import type { CommandOptions } from './options.js';

/** `engium-scan pack [dir | package.tgz]`: the files `npm publish` would upload; for `prepublishOnly`. */
export async function run(path: string, options: CommandOptions): Promise<number> {
  try {
    const report = await scanTarget(await packTarget(path), {
      ...(options.config !== undefined ? { configFile: options.config } : {}),
      ...(options.baseline !== undefined ? { baselineFile: options.baseline } : {}),
      // The package's files are classified as shipped: the module graph has nothing to add.
      programAnalysis: false,
    });
    writeReport(report, { format: options.format, ...(options.output !== undefined ? { output: options.output } : {}), ...(options.quiet ? { quiet: true } : {}) });
    return exitCodeFor(report, options.failOn);
  } catch (error) {
    return reportError(error);
  }
}
