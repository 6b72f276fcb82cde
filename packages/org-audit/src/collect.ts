import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mergeReports, parseReport, type ScanReport } from '@engium/scanner';
import { REPORT_FILE, SCAN_RECORD_FILE } from './fan-in.js';
import type { ScanRecord } from './state.js';

export interface CollectOptions {
  repository: string;
  /** The branch that was checked out. */
  ref: string;
  /** The Engium Guard action's JSON report (its `json-file` output). */
  reportFile: string;
  /** The commit the action scanned (its `commit` output). */
  commit: string;
  /** Where the action's history scan started (its `history-since` output); absent: the whole history. */
  since?: string;
  /** Where report.json and scan.json go (the artifact's folder). */
  outputDirectory: string;
}

const FULL_SHA = /^[0-9a-f]{40}$/;

/**
 * One matrix job's result, after the Engium Guard action audited the checkout (the tree at HEAD and
 * the history after the last scanned commit, or all of it): the action's report named after the
 * repository, and the record the next run starts from.
 */
export async function collectRepository(options: CollectOptions): Promise<{ report: ScanReport; record: ScanRecord }> {
  if (!FULL_SHA.test(options.commit)) {
    throw new Error(`commit must be the full SHA the Engium Guard action scanned (its commit output), not "${options.commit}"`);
  }
  if (options.since !== undefined && !FULL_SHA.test(options.since)) {
    throw new Error(`since must be a full SHA (the action's history-since output), not "${options.since}"`);
  }
  const text = await readFile(options.reportFile, 'utf8').catch((error: unknown) => {
    throw new Error(`cannot read the Engium Guard action's JSON report ${options.reportFile} (${(error as Error).message})`, { cause: error });
  });
  const parsed = parseReport(text);
  if (!parsed.ok) throw new Error(`${options.reportFile} is not a usable report: ${parsed.reason}`);
  const report: ScanReport = { ...mergeReports([{ repository: options.repository, report: parsed.report }]), repository: options.repository };
  const record: ScanRecord = {
    repository: options.repository,
    commit: options.commit,
    ref: options.ref,
    scannedAt: new Date().toISOString(),
    ...(options.since !== undefined ? { since: options.since } : {}),
  };
  await mkdir(options.outputDirectory, { recursive: true });
  await writeFile(join(options.outputDirectory, REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(options.outputDirectory, SCAN_RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
  return { report, record };
}
