/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per ruleId with help text, results with paths
 * relative to the repository root, and `partialFingerprints` from the key fingerprint so a moved
 * line is the same alert. One result per place (code scanning tracks places); the places of one
 * leak share `properties.leak.fingerprint` and are linked by `relatedLocations`.
 */
import type { Severity } from '@engium/core';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, ScanReport } from '../finding.js';
import { ruleById } from '../rules.js';
import type { Leak } from '../finding.js';
import { leaksOf, placeRole } from './leaks.js';
import { jsonOutput } from './escape.js';
import { SCANNER_VERSION } from '../package-version.js';


export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/engium/guard/tree/main/packages/scanner';

/** GitHub ranks code-scanning alerts by this property (0–10). */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };
const LEVEL: Record<Severity, Result.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

function encodeUri(path: string): string {
  // A lone surrogate (from a report given to `merge`) has no UTF-8 form: it becomes U+FFFD, not a URIError.
  return path.split('/').map((segment) => encodeURIComponent(segment.replace(/[\ud800-\udfff]/gu, '\ufffd'))).join('/');
}

function ruleDescriptor(ruleId: string, findings: readonly Finding[]): ReportingDescriptor {
  const rule = ruleById(ruleId);
  const worst = findings.map((finding) => finding.severity).sort((a, b) => Number(SECURITY_SEVERITY[b]) - Number(SECURITY_SEVERITY[a]))[0] ?? 'high';
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.shortDescription },
    fullDescription: { text: rule.help.split('\n\n', 1)[0] ?? rule.shortDescription },
    help: { text: rule.help, markdown: rule.help.replace(/\n(\d\.)/g, '\n\n$1') },
    helpUri: INFORMATION_URI,
    defaultConfiguration: { level: LEVEL[worst] },
    properties: { tags: ['security', 'secret', 'engium'], precision: 'very-high', 'security-severity': SECURITY_SEVERITY[worst] },
  };
}

/**
 * Where a result is: the file and region, or for an archive entry the archive itself (code
 * scanning knows no paths inside files), the line and column then belonging to the entry.
 */
function physicalLocation(finding: Finding): NonNullable<Result['locations']>[number]['physicalLocation'] {
  if (finding.archive) return { artifactLocation: { uri: encodeUri(finding.archive.file), uriBaseId: '%SRCROOT%' } };
  const region = { startLine: finding.line, startColumn: finding.column, ...(finding.snippet ? { snippet: { text: finding.snippet.text } } : {}) };
  return { artifactLocation: { uri: encodeUri(finding.file), uriBaseId: '%SRCROOT%' }, region };
}

/** A place of the same key, as a related location of another result. */
function relatedPlace(finding: Finding, id: number): NonNullable<Result['relatedLocations']>[number] {
  return {
    id,
    message: { text: `the same key: ${placeRole(finding)}` },
    physicalLocation: physicalLocation(finding),
  };
}

/** A leak's primary result lists its other places; each other result points back at the primary one. */
const MAX_RELATED_PLACES = 100;

/** The other places of each finding's leak, and the leak each finding belongs to. */
function linksOf(report: ScanReport): { leakOf: Map<number, Leak>; related: Map<number, number[]> } {
  const leakOf = new Map<number, Leak>();
  const related = new Map<number, number[]>();
  for (const leak of leaksOf(report.findings, report.repository)) {
    const [primary, ...others] = leak.findings;
    if (primary === undefined) continue;
    leakOf.set(primary, leak);
    related.set(primary, others.slice(0, MAX_RELATED_PLACES));
    for (const other of others) {
      leakOf.set(other, leak);
      related.set(other, [primary]);
    }
  }
  return { leakOf, related };
}

function result(finding: Finding, ruleIndex: number, leak: Leak | undefined, related: readonly Finding[]): Result {
  const sarifResult: Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.archive ? `${finding.message} (archive entry ${finding.archive.entry}, line ${finding.line}, column ${finding.column})` : finding.message },
    locations: [{ physicalLocation: physicalLocation(finding) }],
    partialFingerprints: { 'engiumKeyFingerprint/v1': `${finding.secret.fingerprint}:${finding.ruleId}` },
    properties: {
      severity: finding.severity,
      exposure: finding.exposure,
      encoding: finding.encoding,
      secret: { ...finding.secret },
      ...(finding.chain ? { chain: finding.chain } : {}),
      ...(finding.commit ? { commit: { ...finding.commit } } : {}),
      // One value shared by every place of the key, so tools can group a leak's results.
      leak: { fingerprint: finding.secret.fingerprint, places: leak?.findings.length ?? 1, role: placeRole(finding) },
      ...(finding.archive ? { archive: { ...finding.archive, line: finding.line, column: finding.column } } : {}),
    },
  };
  const relatedLocations: NonNullable<Result['relatedLocations']> = [];
  if (finding.origin) {
    relatedLocations.push({
      id: 1,
      message: { text: finding.origin.inRepository ? 'original source, through the source map' : 'original source named by the source map (not a file of the repository)' },
      physicalLocation: {
        artifactLocation: { uri: encodeUri(finding.origin.file), uriBaseId: '%SRCROOT%' },
        region: { startLine: finding.origin.line, startColumn: finding.origin.column },
      },
      properties: { inRepository: finding.origin.inRepository },
    });
  }
  related.forEach((place, index) => relatedLocations.push(relatedPlace(place, index + 2)));
  if (relatedLocations.length > 0) sarifResult.relatedLocations = relatedLocations;
  if (finding.baselined) sarifResult.baselineState = 'unchanged';
  return sarifResult;
}

export function toSarif(report: ScanReport): Log {
  const ruleIds = [...new Set(report.findings.map((finding) => finding.ruleId))].sort();
  const rules = ruleIds.map((id) => ruleDescriptor(id, report.findings.filter((finding) => finding.ruleId === id)));
  const links = linksOf(report);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'engium-scan', informationUri: INFORMATION_URI, semanticVersion: SCANNER_VERSION, version: SCANNER_VERSION, rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The scanned directory (the repository root).' } } },
        results: report.findings.map((finding, index) =>
          result(
            finding,
            ruleIds.indexOf(finding.ruleId),
            links.leakOf.get(index),
            (links.related.get(index) ?? []).map((other) => report.findings[other] as Finding),
          ),
        ),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...report.stats.skipped
                .filter((entry) => entry.reason !== 'binary file')
                .map((entry) => ({ level: 'warning' as const, message: { text: `not scanned: ${entry.reason}` }, locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(entry.file), uriBaseId: '%SRCROOT%' } } }] })),
              ...(report.stats.warnings ?? []).map((warning) => ({ level: 'note' as const, message: { text: warning.message }, locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(warning.file), uriBaseId: '%SRCROOT%' } } }] })),
            ],
          },
        ],
      },
    ],
  };
}

export function renderSarif(report: ScanReport): string {
  return jsonOutput(toSarif(report));
}
