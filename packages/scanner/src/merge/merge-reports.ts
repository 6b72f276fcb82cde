import { compareSeverity } from '@engium/core';
import type { Finding, Occurrence, ScanReport, ScanStats } from '../finding.js';

/** One input of a merge: a report and the repository it describes. */
export interface NamedReport {
  repository: string;
  report: ScanReport;
}

function occurrencesOf(finding: Finding, repository: string): Occurrence[] {
  // A finding from an earlier merge already lists where it appears: merging is associative.
  if (finding.occurrences?.length) return finding.occurrences;
  const occurrence: Occurrence = {
    repository,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    ruleId: finding.ruleId,
    severity: finding.severity,
    exposure: finding.exposure,
    message: finding.message,
  };
  if (finding.origin) occurrence.origin = finding.origin;
  if (finding.commit) occurrence.commit = finding.commit;
  return [occurrence];
}

function occurrenceKey(occurrence: Occurrence): string {
  // The message is left out: the same place worded differently by two scanner versions is one place.
  const { repository, file, line, column, ruleId, severity, exposure, commit } = occurrence;
  return JSON.stringify([repository, file, line, column, ruleId, severity, exposure, commit?.sha ?? null]);
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Milliseconds since the epoch of the occurrence's commit (ISO dates carry offsets, so compare as times). */
function commitTime(occurrence: Occurrence): number {
  const time = occurrence.commit ? Date.parse(occurrence.commit.date) : Number.NaN;
  return Number.isNaN(time) ? Number.MAX_SAFE_INTEGER : time;
}

function compareOccurrences(a: Occurrence, b: Occurrence): number {
  return (
    compareSeverity(a.severity, b.severity) ||
    byText(a.repository, b.repository) ||
    byText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    commitTime(a) - commitTime(b) ||
    byText(a.commit?.sha ?? '', b.commit?.sha ?? '') ||
    byText(a.ruleId, b.ruleId) ||
    byText(a.exposure, b.exposure)
  );
}

/**
 * The findings of one repository in a merged report, one per place, as that repository's own scan
 * would list them (for its SARIF file).
 */
export function findingsInRepository(merged: ScanReport, repository: string): Finding[] {
  const findings: Finding[] = [];
  for (const finding of merged.findings) {
    for (const occurrence of finding.occurrences ?? []) {
      if (occurrence.repository !== repository) continue;
      const { repository: _repository, origin, commit, message, ...place } = occurrence;
      const own: Finding = { ...finding, ...place, message: message ?? finding.message };
      delete own.occurrences;
      delete own.origin;
      delete own.commit;
      // The snippet and chain describe the finding's own place, its first (worst) occurrence.
      if (occurrence !== finding.occurrences?.[0]) {
        delete own.snippet;
        delete own.chain;
      }
      if (origin) own.origin = origin;
      if (commit) own.commit = commit;
      findings.push(own);
    }
  }
  return findings;
}

/** The repositories a merged finding appears in, sorted. */
export function repositoriesOf(finding: Finding): string[] {
  return [...new Set((finding.occurrences ?? []).map((occurrence) => occurrence.repository))].sort(byText);
}

/** The earliest commit that exposed the key, over every occurrence; undefined when no occurrence has one. */
export function oldestExposure(finding: Finding): Occurrence | undefined {
  let oldest: Occurrence | undefined;
  for (const occurrence of finding.occurrences ?? []) {
    if (occurrence.commit && (!oldest || commitTime(occurrence) < commitTime(oldest))) oldest = occurrence;
  }
  return oldest;
}

interface Sourced {
  occurrence: Occurrence;
  /** The input finding the occurrence came from, for its message and secret description. */
  finding: Finding;
}

interface Group {
  findings: Finding[];
  occurrences: Map<string, Sourced>;
}

function mergeGroup({ findings, occurrences }: Group): Finding {
  const sorted = [...occurrences.values()].sort((a, b) => compareOccurrences(a.occurrence, b.occurrence));
  const { occurrence: worst, finding: source } = sorted[0] as Sourced;
  // The finding itself reads as its most severe occurrence, so tools that know no occurrences
  // (text reports, baselines) still show the worst place the key leaked.
  const merged: Finding = {
    ...source,
    file: worst.file,
    line: worst.line,
    column: worst.column,
    ruleId: worst.ruleId,
    severity: worst.severity,
    exposure: worst.exposure,
    occurrences: sorted.map(({ occurrence }) => occurrence),
  };
  if (findings.every((finding) => finding.baselined)) merged.baselined = true;
  else delete merged.baselined;
  return merged;
}

function compareMerged(a: Finding, b: Finding): number {
  return (
    compareSeverity(a.severity, b.severity) ||
    repositoriesOf(b).length - repositoriesOf(a).length ||
    byText(a.secret.fingerprint, b.secret.fingerprint)
  );
}

/**
 * Many reports in, one out: a finding per key fingerprint, listing every repository, file and
 * commit where that key appears. Inputs may be merged reports themselves.
 */
export function mergeReports(inputs: readonly NamedReport[]): ScanReport {
  const groups = new Map<string, Group>();
  const repositories = new Set<string>();
  const stats: ScanStats = { filesScanned: 0, bytesScanned: 0, durationMs: 0, skipped: [], suppressed: 0, baselined: 0 };

  for (const { repository, report } of inputs) {
    // A merged report names its repositories itself, even when it names none.
    if (report.repositories) for (const name of report.repositories) repositories.add(name);
    else repositories.add(repository);
    for (const finding of report.findings) {
      const fingerprint = finding.secret.fingerprint;
      let group = groups.get(fingerprint);
      if (!group) groups.set(fingerprint, (group = { findings: [], occurrences: new Map() }));
      group.findings.push(finding);
      for (const occurrence of occurrencesOf(finding, repository)) {
        const key = occurrenceKey(occurrence);
        const kept = group.occurrences.get(key);
        // The same place reported twice (an audit and a history scan): keep one, whatever the input order.
        if (!kept || finding.message < kept.finding.message) group.occurrences.set(key, { occurrence, finding });
      }
    }
    stats.filesScanned += report.stats.filesScanned;
    stats.bytesScanned += report.stats.bytesScanned;
    stats.durationMs += report.stats.durationMs;
    stats.suppressed += report.stats.suppressed;
    stats.baselined += report.stats.baselined;
    for (const skipped of report.stats.skipped) stats.skipped.push({ ...skipped, repository: skipped.repository ?? repository });
  }

  const findings = [...groups.values()].map(mergeGroup).sort(compareMerged);
  return { version: 1, repositories: [...repositories].sort(byText), findings, stats };
}
