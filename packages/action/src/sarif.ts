/**
 * The SARIF file for `github/codeql-action/upload-sarif`: the scanner's own SARIF for key findings
 * (paths relative to the repository root), plus one run for the ESLint rules' problems.
 */
import * as core from '@actions/core';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Severity } from '@engium/core';
import engium from '@engium/eslint-plugin';
import { jsonOutput, toSarif } from '@engium/scanner';
import type { Log, ReportingDescriptor, Result, Run } from 'sarif';
import { RULE_PREFIX } from './lint.js';
import { scanReport, writeTextFile } from './report-files.js';
import type { LintProblem, RunResults } from './results.js';

const LEVEL: Record<Severity, Result.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

/**
 * Code scanning tracks an alert across pushes by its partial fingerprint. An ESLint problem has no
 * key to fingerprint: its rule, file and message (which names the variable, never a line) do, with
 * a count for the same message twice in one file.
 */
function lintFingerprints(problems: readonly LintProblem[]): string[] {
  const seen = new Map<string, number>();
  return problems.map((problem) => {
    const id = createHash('sha256').update(`${problem.ruleId}\0${problem.file}\0${problem.message}`).digest('hex').slice(0, 16);
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return `${id}:${count}`;
  });
}

function lintRun(problems: readonly LintProblem[]): Run {
  const fingerprints = lintFingerprints(problems);
  const ruleIds = [...new Set(problems.map((problem) => problem.ruleId))].sort();
  const rules: ReportingDescriptor[] = ruleIds.map((id) => {
    const documented = engium.rules as Record<string, { meta?: { docs?: { description?: string; url?: string } } } | undefined>;
    const rule = documented[id.slice(RULE_PREFIX.length)];
    const description = rule?.meta?.docs?.description ?? id;
    return {
      id,
      shortDescription: { text: description },
      ...(rule?.meta?.docs?.url ? { helpUri: rule.meta.docs.url } : {}),
      properties: { tags: ['security', 'engium', 'eslint'] },
    };
  });
  return {
    tool: { driver: { name: 'engium-eslint', semanticVersion: engium.meta.version, version: engium.meta.version, rules } },
    results: problems.map(
      (problem, index): Result => ({
        ruleId: problem.ruleId,
        ruleIndex: ruleIds.indexOf(problem.ruleId),
        level: LEVEL[problem.severity],
        message: { text: problem.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: problem.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
              region: {
                startLine: problem.line,
                startColumn: problem.column,
                ...(problem.endLine !== undefined ? { endLine: problem.endLine } : {}),
                ...(problem.endColumn !== undefined ? { endColumn: problem.endColumn } : {}),
              },
            },
          },
        ],
        partialFingerprints: { 'engiumLintProblem/v1': fingerprints[index] ?? '' },
      }),
    ),
  };
}

/**
 * Code scanning rejects a whole SARIF file when one run holds more results than this (it stores the
 * 5,000 most severe of those it accepts).
 */
export const SARIF_MAX_RESULTS_PER_RUN = 25_000;

const LEVEL_RANK: Record<Result.level, number> = { error: 0, warning: 1, note: 2, none: 3 };

/** Each run's results, most severe first (a stable sort: within a level, a leak's places stay together). */
function bySeverity(results: readonly Result[]): Result[] {
  const rank = (result: Result) => LEVEL_RANK[result.level ?? 'warning'];
  return [...results].sort((a, b) => rank(a) - rank(b));
}

/** Keeps each run within code scanning's limit, most severe results first; returns how many were left out. */
function withinUploadLimits(log: Log): number {
  let left = 0;
  for (const run of log.runs) {
    const results = run.results ?? [];
    if (results.length <= SARIF_MAX_RESULTS_PER_RUN) continue;
    left += results.length - SARIF_MAX_RESULTS_PER_RUN;
    run.results = bySeverity(results).slice(0, SARIF_MAX_RESULTS_PER_RUN);
  }
  return left;
}

/** Code scanning rejects a SARIF file larger than this once gzipped (the upload action gzips it). */
export const SARIF_MAX_GZIPPED_BYTES = 10 * 1024 * 1024;

/**
 * The text of `log` within `maxGzippedBytes` once gzipped, and how many results it left out: the
 * least severe of every run go, in proportion, until it fits. Results with long chains and many
 * places, by the thousand, can pass the limit well below 25,000 results.
 */
export function fitSarif(log: Log, maxGzippedBytes = SARIF_MAX_GZIPPED_BYTES): { text: string; left: number } {
  let text = jsonOutput(log);
  // JSON always compresses: text within the limit is within it gzipped too.
  if (Buffer.byteLength(text) <= maxGzippedBytes) return { text, left: 0 };
  const sorted = log.runs.map((run) => bySeverity(run.results ?? []));
  let keep = 1;
  for (let size = gzipSync(text).length; size > maxGzippedBytes; size = gzipSync(text).length) {
    // Aim a tenth under the limit, since results differ in size: one or two rounds, not a search.
    keep *= (maxGzippedBytes / size) * 0.9;
    log.runs.forEach((run, index) => (run.results = sorted[index]?.slice(0, Math.floor((sorted[index]?.length ?? 0) * keep))));
    text = jsonOutput(log);
  }
  const left = sorted.reduce((total, results, index) => total + results.length - (log.runs[index]?.results?.length ?? 0), 0);
  return { text, left };
}

export function sarifLog(results: RunResults): Log {
  const log = toSarif(scanReport(results));
  if (results.lintProblems.length > 0) log.runs.push(lintRun(results.lintProblems));
  return log;
}

/** Writes the SARIF file (within code scanning's limits, saying what it left out) and returns its path. */
export async function writeSarif(results: RunResults, path: string): Promise<string> {
  const log = sarifLog(results);
  const left = withinUploadLimits(log);
  if (left > 0) {
    core.warning(
      `Engium Guard: the SARIF file keeps the ${SARIF_MAX_RESULTS_PER_RUN} most severe results of each run and leaves out ${left}: ` +
        'code scanning rejects a run with more. The JSON report lists every finding.',
    );
  }
  const fitted = fitSarif(log);
  if (fitted.left > 0) {
    core.warning(
      `Engium Guard: the SARIF file keeps the most severe results and leaves out ${fitted.left} more: ` +
        `code scanning rejects a file over ${SARIF_MAX_GZIPPED_BYTES / 1024 / 1024} MB gzipped. The JSON report lists every finding.`,
    );
  }
  return writeTextFile(path, fitted.text);
}
