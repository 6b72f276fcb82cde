import { meetsThreshold, type SeverityThreshold } from '@engium/core';
import { resolveInputs } from '../merge/inputs.js';
import { mergeReports, type NamedReport } from '../merge/merge-reports.js';
import { parseReport } from '../merge/read-report.js';
import { errorMessage, redactReport } from '../report/escape.js';
import { renderJson } from '../report/json.js';
import { noticeOnStderr } from '../report/index.js';
import { briefReason, readRegularText } from '../safe-read.js';
import { writeOutputFile } from '../write-output.js';

/** Reports above this size are refused, not read: memory stays bounded whatever an artifact holds. */
const MAX_REPORT_BYTES = 256 * 1024 * 1024;

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
    let text: string | undefined;
    try {
      // A regular file only: a FIFO or a device among the artifacts must not hang or fill memory.
      text = readRegularText(input.path, { maxBytes: MAX_REPORT_BYTES });
    } catch (error) {
      unreadable.push({ file: input.path, reason: `cannot read the report: ${briefReason(error)}` });
    }
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
  if (options.output) writeOutputFile(options.output, json, noticeOnStderr);
  else process.stdout.write(json);
  if (!options.quiet) {
    const repositories = merged.repositories?.length ?? 0;
    console.error(`engium-scan merge: ${named.length} report(s), ${repositories} repositor${repositories === 1 ? 'y' : 'ies'}, ${merged.findings.length} distinct key(s)`);
  }

  if (unreadable.length > 0) return 2;
  return merged.findings.some((finding) => !finding.baselined && meetsThreshold(finding.severity, options.failOn)) ? 1 : 0;
}
