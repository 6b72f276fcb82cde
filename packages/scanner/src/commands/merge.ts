import { readFile, writeFile } from 'node:fs/promises';
import { meetsThreshold, type SeverityThreshold } from '@engium/core';
import { resolveInputs } from '../merge/inputs.js';
import { mergeReports, type NamedReport } from '../merge/merge-reports.js';
import { parseReport } from '../merge/read-report.js';
import { errorMessage, redactReport } from '../report/escape.js';
import { renderJson } from '../report/json.js';

/** What `merge` takes (see cli.ts). */
export interface MergeOptions {
  output?: string;
  failOn: SeverityThreshold;
  quiet?: boolean;
}

/**
 * `engium-scan merge`: JSON reports from many repositories in, one report out. A report that
 * cannot be read is named on stderr and listed in the merged report's skipped files, the others
 * are still merged, and the exit code is 2 so a broken artifact never passes unnoticed.
 */
export async function runMerge(args: readonly string[], options: MergeOptions): Promise<number> {
  const inputs = await resolveInputs(args);
  if (inputs.length === 0) {
    console.error('engium-scan merge: no JSON reports found in the given paths');
    return 2;
  }
  const named: NamedReport[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  for (const input of inputs) {
    const text = await readFile(input.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      unreadable.push({ file: input.path, reason: `cannot read the report: ${error.code ?? error.message}` });
      return undefined;
    });
    if (text === undefined) continue;
    const result = parseReport(text);
    if (!result.ok) {
      unreadable.push({ file: input.path, reason: `not an engium-scan JSON report: ${result.reason}` });
      continue;
    }
    named.push({ repository: input.name ?? result.report.repository ?? input.derivedName, report: result.report });
  }

  const unredacted = mergeReports(named);
  unredacted.stats.skipped.push(...unreadable);
  // The reports are inputs like any other: a key in one of their strings is never written whole.
  const merged = redactReport(unredacted);
  for (const { file, reason } of unreadable) console.error(`engium-scan merge: ${errorMessage(`${file}: ${reason}`)}`);

  // The leaks are worked out again over the merged findings, one per key and repository.
  const json = renderJson(merged);
  if (options.output) await writeFile(options.output, json);
  else process.stdout.write(json);
  if (!options.quiet) {
    const repositories = merged.repositories?.length ?? 0;
    console.error(`engium-scan merge: ${named.length} report(s), ${repositories} repositor${repositories === 1 ? 'y' : 'ies'}, ${merged.findings.length} distinct key(s)`);
  }

  if (unreadable.length > 0) return 2;
  return merged.findings.some((finding) => !finding.baselined && meetsThreshold(finding.severity, options.failOn)) ? 1 : 0;
}
