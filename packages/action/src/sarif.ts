/**
 * The SARIF file for `github/codeql-action/upload-sarif`: the scanner's own SARIF for key findings
 * (paths relative to the repository root), plus one run for the ESLint rules' problems.
 */
import * as core from '@actions/core';
import { createHash } from 'node:crypto';
import type { Severity } from '@engium/core';
import engium from '@engium/eslint-plugin';
import { toSarif } from '@engium/scanner';
import type { Log, ReportingDescriptor, Result, Run } from 'sarif';
import { RULE_PREFIX } from './lint.js';
import { scanReport, writeJsonFile } from './report-files.js';
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

/** Keeps each run within code scanning's limit, most severe results first; returns how many were left out. */
function withinUploadLimits(log: Log): number {
  let left = 0;
  for (const run of log.runs) {
    const results = run.results ?? [];
    if (results.length <= SARIF_MAX_RESULTS_PER_RUN) continue;
    left += results.length - SARIF_MAX_RESULTS_PER_RUN;
    const rank = (result: Result) => LEVEL_RANK[result.level ?? 'warning'];
    // A stable sort: within a level, the scanner's order (a leak's places together) holds.
    run.results = [...results].sort((a, b) => rank(a) - rank(b)).slice(0, SARIF_MAX_RESULTS_PER_RUN);
  }
  return left;
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
  return writeJsonFile(path, log);
}
