/**
 * One key, one report: ESLint's `no-key-in-client` speaks about a key the scanner already reports
 * (with its exposure and fingerprint), so its message is folded into the scanner's finding instead
 * of being counted again. "The same place" is the file the key is written in, or a module of the
 * chain that ships it to the browser.
 */
import { placeRole } from '@engium/scanner';
import { RULE_PREFIX } from './lint.js';
import type { KeyFinding, LintProblem } from './results.js';

/** The rules whose every message is about a key in browser code. */
const KEY_RULES = new Set([`${RULE_PREFIX}no-key-in-client`]);

/** A chain link is `path (why)`: its path. */
function chainPaths(finding: KeyFinding): string[] {
  return (finding.chain ?? []).map((link) => link.split(' (')[0] ?? link);
}

/** The finding a key problem is about: a written place in its file first (nearest line), then one whose chain holds its file. */
function findingFor(problem: LintProblem, findings: readonly KeyFinding[]): KeyFinding | undefined {
  const written = findings.filter((finding) => finding.exposure === 'client' && placeRole(finding) !== 'built copy' && placeRole(finding) !== 'source map' && !finding.commit);
  const inFile = written.filter((finding) => finding.file === problem.file).sort((a, b) => Math.abs(a.line - problem.line) - Math.abs(b.line - problem.line));
  return inFile[0] ?? written.find((finding) => chainPaths(finding).includes(problem.file));
}

/** Moves the key problems the scanner already reports into its findings; returns the problems left. */
export function mergeLintIntoFindings(findings: readonly KeyFinding[], problems: readonly LintProblem[]): LintProblem[] {
  const left: LintProblem[] = [];
  for (const problem of problems) {
    const finding = KEY_RULES.has(problem.ruleId) ? findingFor(problem, findings) : undefined;
    if (!finding) {
      left.push(problem);
      continue;
    }
    (finding.alsoReportedBy ??= []).push({ ruleId: problem.ruleId, file: problem.file, line: problem.line, column: problem.column });
  }
  return left;
}
