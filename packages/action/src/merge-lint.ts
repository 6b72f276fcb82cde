/**
 * One key, one report: ESLint's `no-key-in-client` speaks about a key the scanner already reports
 * (with its exposure and fingerprint), so its message is folded into the scanner's finding instead
 * of being counted again. "The same place" is the file the key is written in, a module of the
 * chain that ships it to the browser, or a module that uses the name the key is bound to (the rule's
 * message names the variable; the finding's redacted line shows what it assigns the key to).
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

const NAME_CHAR = /[\w$]/;

/** The name the key is assigned to on its line (`ENGIUM_KEY = '…'`, `apiKey: '…'`, `NEXT_PUBLIC_KEY=…`), if any. */
function boundName(finding: KeyFinding): string | undefined {
  const before = finding.snippet?.text.slice(0, Math.max(0, finding.snippet.column - 1)).trimEnd() ?? '';
  const unquoted = /['"`]$/.test(before) ? before.slice(0, -1).trimEnd() : before;
  if (!unquoted.endsWith('=') && !unquoted.endsWith(':')) return undefined;
  const head = unquoted.slice(0, -1).trimEnd();
  let start = head.length;
  while (start > 0 && NAME_CHAR.test(head.charAt(start - 1))) start--;
  return start < head.length ? head.slice(start) : undefined;
}

function namedIn(name: string | undefined, message: string): boolean {
  return name !== undefined && new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}($|[^\\w$])`).test(message);
}

/** The finding a key problem is about: a written place in its file (nearest line), then one whose chain holds its file, then one whose name it uses. */
function findingFor(problem: LintProblem, findings: readonly KeyFinding[]): KeyFinding | undefined {
  const written = findings.filter((finding) => finding.exposure === 'client' && placeRole(finding) !== 'built copy' && placeRole(finding) !== 'source map' && !finding.commit);
  const inFile = written.filter((finding) => finding.file === problem.file).sort((a, b) => Math.abs(a.line - problem.line) - Math.abs(b.line - problem.line));
  return (
    inFile[0] ??
    written.find((finding) => chainPaths(finding).includes(problem.file)) ??
    written.find((finding) => namedIn(boundName(finding), problem.message))
  );
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
