import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { mergeReports, parseReport, type ScanReport } from '@engium/scanner';
import { REPORT_FILE, SCAN_RECORD_FILE } from './fan-in.js';
import type { ScanRecord } from './state.js';

const run = promisify(execFile);

export interface ScanRepositoryOptions {
  repository: string;
  ref: string;
  /** The checkout (full history). */
  directory: string;
  /** The last commit scanned; history is scanned from there when it is still an ancestor of HEAD. */
  since?: string;
  /** How to start engium-scan: the command and its leading arguments. */
  engiumScan: readonly string[];
  /** Where report.json and scan.json go (the artifact's folder). */
  outputDirectory: string;
}

async function git(directory: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd: directory, maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

async function isAncestor(directory: string, commit: string): Promise<boolean> {
  try {
    await git(directory, 'merge-base', '--is-ancestor', commit, 'HEAD');
    return true;
  } catch {
    return false;
  }
}

/** Runs one engium-scan command for a JSON report; exit 0 and 1 are answers, anything else is a failed scan. */
async function engiumScan(command: readonly string[], args: string[], output: string): Promise<ScanReport> {
  const [file, ...lead] = command;
  if (!file) throw new Error('no engium-scan command given');
  let failure: { code?: number | string; stderr?: string } | undefined;
  try {
    await run(file, [...lead, ...args, '--format', 'json', '--fail-on', 'none', '--quiet', '--output', output], { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    failure = error as { code?: number | string; stderr?: string };
    if (failure.code !== 1) throw new Error(`engium-scan ${args[0]} failed (exit ${String(failure.code)}): ${(failure.stderr ?? '').trim().slice(0, 2000)}`, { cause: error });
  }
  const text = await readFile(output, 'utf8').catch(() => undefined);
  if (text === undefined) throw new Error(`engium-scan ${args[0]} wrote no report${failure ? `: ${(failure.stderr ?? '').trim().slice(0, 2000)}` : ''}`);
  const parsed = parseReport(text);
  if (!parsed.ok) throw new Error(`engium-scan ${args[0]} wrote no usable report: ${parsed.reason}`);
  return parsed.report;
}

/**
 * One matrix job's work: the directory audit at HEAD plus the history added since the last
 * scanned commit (all of it on a first run, or when that commit is gone after a force push),
 * merged into one report named after the repository, and the record the next run starts from.
 */
export async function scanRepository(options: ScanRepositoryOptions, warn: (message: string) => void): Promise<{ report: ScanReport; record: ScanRecord }> {
  const head = await git(options.directory, 'rev-parse', '--verify', 'HEAD^{commit}').catch((error: unknown) => {
    throw new Error(`${options.directory} is not a checkout with commits (${(error as Error).message.split('\n')[0]})`, { cause: error });
  });
  let since = options.since;
  if (since && !(await isAncestor(options.directory, since))) {
    warn(`${options.repository}: the last scanned commit ${since.slice(0, 12)} is not in the history any more (force push?): scanning the whole history`);
    since = undefined;
  }
  await mkdir(options.outputDirectory, { recursive: true });
  const audit = await engiumScan(options.engiumScan, ['scan', options.directory], join(options.outputDirectory, 'audit.json'));
  const historyArgs = ['history', options.directory, ...(since ? ['--since', since] : [])];
  const history = since === head ? undefined : await engiumScan(options.engiumScan, historyArgs, join(options.outputDirectory, 'history.json'));
  const report: ScanReport = {
    ...mergeReports([{ repository: options.repository, report: audit }, ...(history ? [{ repository: options.repository, report: history }] : [])]),
    repository: options.repository,
  };
  const record: ScanRecord = { repository: options.repository, commit: head, ref: options.ref, scannedAt: new Date().toISOString(), ...(since ? { since } : {}) };
  await writeFile(join(options.outputDirectory, REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(options.outputDirectory, SCAN_RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
  return { report, record };
}
