// Report builders for the merge tests: real key descriptions from core, never a full key in a report.
import { describeSecret, severityOf, type Exposure } from '@engium/core';
import type { CommitInfo, Finding, ScanReport } from '../../src/finding.js';

export function finding(key: string, file: string, exposure: Exposure, extra: Partial<Finding> = {}): Finding {
  const secret = describeSecret(key);
  return {
    ruleId: extra.commit ? 'engium/history-key' : exposure === 'client' ? 'engium/bundle-key' : 'engium/source-key',
    severity: severityOf(secret.kind, exposure),
    message: `An Engium ${secret.kind} key (${secret.redacted}) is committed in ${file}.`,
    file,
    line: 3,
    column: 14,
    exposure,
    secret,
    encoding: 'plain',
    ...(exposure === 'client' ? { chain: [`${file} (bundled for the browser)`] } : {}),
    ...extra,
  };
}

export function commit(sha: string, date: string): CommitInfo {
  return { sha: sha.padEnd(40, '0'), author: 'Ada Lovelace', date, presentAtHead: false };
}

export function report(findings: Finding[], extra: Partial<ScanReport> = {}): ScanReport {
  return {
    version: 1,
    findings,
    stats: { filesScanned: 10, bytesScanned: 1000, durationMs: 5, skipped: [], suppressed: 0, baselined: 0 },
    ...extra,
  };
}
