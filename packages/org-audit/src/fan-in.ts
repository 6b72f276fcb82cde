import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { meetsThreshold, type SeverityThreshold } from '@engium/core';
import { mergeReports, parseReport, renderJson, type NamedReport, type ScanReport } from '@engium/scanner';
import { splitRepository, type Octokit } from './github.js';
import { upsertRotationIssues, type RotationIssue } from './rotation-issues.js';
import { sarifForRepository } from './sarif.js';
import { advanceState, writeState, type AuditState, type ScanRecord } from './state.js';
import { renderSummary } from './summary.js';

/** What each matrix job uploads, one folder per repository: the merged JSON report and its scan record. */
export const REPORT_FILE = 'report.json';
export const SCAN_RECORD_FILE = 'scan.json';

export interface FanInOptions {
  reportsDirectory: string;
  outputDirectory: string;
  previousState: AuditState;
  /** The repositories the plan sent out; those without a report are named, not silently dropped. */
  planned: readonly string[];
  /** The repositories the plan skipped for having no commits, for the summary. */
  empty?: readonly string[];
  trackingRepository?: string;
  issueThreshold: SeverityThreshold;
  failOn: SeverityThreshold;
  uploadSarif: boolean;
}

export interface FanInResult {
  merged: ScanReport;
  summary: string;
  state: AuditState;
  issues: Map<string, RotationIssue>;
  missing: string[];
  /** Why the run must fail, if it must: missing or broken reports, findings at `failOn`. */
  failures: string[];
  mergedReportPath: string;
  statePath: string;
  sarifDirectory: string;
}

async function filesNamed(root: string, names: readonly string[]): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile() && names.includes(entry.name)).map((entry) => join(entry.parentPath, entry.name)).sort();
}

/** `owner/name` as a file name. */
export function repositoryFileName(repository: string): string {
  return repository.replace('/', '__');
}

/**
 * The fan-in: every repository's report merged into one (a finding per key, each listing every
 * repository and commit), then the summary, one SARIF per repository, rotation issues and the
 * next run's state.
 */
export async function fanIn(octokit: Octokit | undefined, options: FanInOptions, warn: (message: string) => void): Promise<FanInResult> {
  const failures: string[] = [];
  const files = await filesNamed(options.reportsDirectory, [REPORT_FILE, SCAN_RECORD_FILE]);
  const named: NamedReport[] = [];
  const records: ScanRecord[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    if (basename(file) === SCAN_RECORD_FILE) {
      try {
        const record = JSON.parse(text) as ScanRecord;
        if (typeof record.repository === 'string' && /^[0-9a-f]{40}$/.test(record.commit)) records.push(record);
        else throw new Error('no repository or commit');
      } catch (error) {
        warn(`${file}: not a scan record (${(error as Error).message})`);
      }
      continue;
    }
    const parsed = parseReport(text);
    if (!parsed.ok) {
      failures.push(`${file} is not a usable report: ${parsed.reason}`);
      continue;
    }
    const folderName = basename(dirname(file));
    named.push({ repository: parsed.report.repository ?? parsed.report.repositories?.[0] ?? folderName, report: parsed.report });
  }

  const merged = mergeReports(named);
  const reported = new Set(merged.repositories);
  const missing = options.planned.filter((repository) => !reported.has(repository));
  if (missing.length) failures.push(`${missing.length} planned repositor${missing.length === 1 ? 'y' : 'ies'} produced no report: ${missing.join(', ')}`);
  // A repository's state moves on only when its report arrived, so a failed scan is retried next run.
  const scanned = records.filter((record) => reported.has(record.repository));

  await mkdir(join(options.outputDirectory, 'sarif'), { recursive: true });
  const mergedReportPath = join(options.outputDirectory, 'merged-report.json');
  // engium-scan merge's writer: the merged report carries its leaks, one per key and repository.
  await writeFile(mergedReportPath, renderJson(merged));

  const sarifDirectory = join(options.outputDirectory, 'sarif');
  const recordOf = new Map(scanned.map((record) => [record.repository, record]));
  for (const repository of merged.repositories ?? []) {
    const log = sarifForRepository(merged, repository);
    const text = JSON.stringify(log);
    await writeFile(join(sarifDirectory, `${repositoryFileName(repository)}.sarif`), text);
    const record = recordOf.get(repository);
    if (options.uploadSarif && octokit && record) await uploadSarif(octokit, repository, record, text, warn);
  }

  let issues = new Map<string, RotationIssue>();
  if (options.trackingRepository && octokit) {
    // A refused issue (no write access, rate limit) fails the run but loses neither the summary nor the state.
    try {
      const { owner, repo } = splitRepository(options.trackingRepository, 'tracking-repository');
      issues = await upsertRotationIssues(octokit, merged.findings, { owner, repo, threshold: options.issueThreshold, serverUrl: process.env.GITHUB_SERVER_URL });
    } catch (error) {
      const status = (error as { status?: number }).status;
      failures.push(`rotation issues in ${options.trackingRepository} failed${status ? ` (HTTP ${status})` : ''}: ${(error as Error).message}; the token needs issues write access there`);
    }
  }

  const state = advanceState(options.previousState, scanned);
  const statePath = join(options.outputDirectory, 'state.json');
  await writeState(statePath, state);

  const atThreshold = merged.findings.filter((finding) => !finding.baselined && meetsThreshold(finding.severity, options.failOn)).length;
  if (atThreshold) failures.push(`${atThreshold} key${atThreshold === 1 ? '' : 's'} at or above ${options.failOn}`);

  const full = scanned.filter((record) => !record.since).length;
  const summary = renderSummary({ merged, scannedInFull: full, scannedIncrementally: scanned.length - full, missing, empty: options.empty ?? [], issues });
  return { merged, summary, state, issues, missing, failures, mergedReportPath, statePath, sarifDirectory };
}

/** Sends one repository's SARIF to its code scanning (needs `security_events: write` there). */
async function uploadSarif(octokit: Octokit, repository: string, record: ScanRecord, sarif: string, warn: (message: string) => void): Promise<void> {
  const { owner, repo } = splitRepository(repository);
  try {
    await octokit.rest.codeScanning.uploadSarif({
      owner,
      repo,
      commit_sha: record.commit,
      ref: record.ref ? `refs/heads/${record.ref}` : 'refs/heads/main',
      sarif: gzipSync(sarif).toString('base64'),
      tool_name: 'engium-org-audit',
    });
  } catch (error) {
    warn(`could not upload SARIF to ${repository} (${(error as { status?: number }).status ?? (error as Error).message}); it is in the SARIF artifact`);
  }
}
