import { scanDirectory, type ScanProgress } from '../scan.js';
import { exitCodeFor, writeReport } from '../report/index.js';
import { reportError } from './errors.js';
import type { CommandOptions } from './options.js';

/** A one-line progress indicator on stderr, only on a TTY and only for scans that take a while. */
function progressReporter(options: CommandOptions): { update?: (progress: ScanProgress) => void; done: () => void } {
  const stream = process.stderr;
  if (options.quiet || !stream.isTTY) return { done: () => undefined };
  const started = Date.now();
  let shown = false;
  return {
    update(progress) {
      if (Date.now() - started < 500) return;
      shown = true;
      stream.write(`\rengium-scan: ${progress.filesDone}/${progress.filesTotal} files, ${(progress.bytesDone / 1024 / 1024).toFixed(0)} MB`);
    },
    done() {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}

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
