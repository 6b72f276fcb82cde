/**
 * The `pack` input: what `npm publish` would upload from each listed package, scanned as
 * `engium-scan pack` scans it. Every file of a published package reaches everyone who installs it,
 * so a key in a library's server code or in a gitignored build it publishes is a leak there, which
 * the tree scan alone rates by where the file runs.
 */
import * as core from '@actions/core';
import { packTarget, scanTarget, type ScanOptions, type ScanReport } from '@engium/scanner';
import { join, relative, sep } from 'node:path';

export interface PackedPackage {
  /** Where the report's paths start (the package folder, or a tarball's), relative to the scanned directory ('' for itself). */
  dir: string;
  report: ScanReport;
}

/**
 * Scans `packages` (package folders or packed tarballs, relative to `scanRoot`). The module graph
 * has nothing to add: every packed file ships. npm only lists a folder's files
 * (`--dry-run --ignore-scripts`): nothing is built or run.
 */
export async function scanPackages(scanRoot: string, packages: readonly string[], options: ScanOptions): Promise<PackedPackage[]> {
  const packed: PackedPackage[] = [];
  for (const entry of packages) {
    const target = await packTarget(join(scanRoot, entry));
    const report = await scanTarget(target, { ...options, programAnalysis: false });
    core.info(`npm pack ${entry}: ${report.stats.filesScanned} file(s) that npm publish would upload, ${report.findings.length} finding(s).`);
    packed.push({ dir: relative(scanRoot, target.root).split(sep).join('/'), report });
  }
  return packed;
}
