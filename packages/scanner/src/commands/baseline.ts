import { join } from 'node:path';
import { scanDirectory } from '../scan.js';
import { writeBaseline } from '../suppress/baseline.js';
import { noticeOnStderr } from '../report/index.js';
import { reportError } from './errors.js';
import type { CommandOptions } from './options.js';

/** The default baseline file, written in the scanned directory. */
export const DEFAULT_BASELINE_FILE = '.engium-baseline.json';

/** `engium-scan baseline [dir] [-o FILE]`: records the current findings so only new ones fail later runs. */
export async function run(dir: string, options: CommandOptions): Promise<number> {
  try {
    const report = await scanDirectory(dir, {
      ...(options.config !== undefined ? { configFile: options.config } : {}),
      ...(options.graph === false ? { programAnalysis: false } : {}),
      ...(options.threads !== undefined ? { threads: options.threads } : {}),
    });
    const path = options.output ?? join(dir, DEFAULT_BASELINE_FILE);
    const baseline = writeBaseline(path, report.findings, noticeOnStderr);
    if (!options.quiet) console.error(`engium-scan: wrote ${baseline.findings.length} baseline entr${baseline.findings.length === 1 ? 'y' : 'ies'} to ${path}; pass --baseline ${path} to accept them`);
    return 0;
  } catch (error) {
    return reportError(error);
  }
}
