/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per ruleId with help text, results with paths
 * relative to the repository root, and `partialFingerprints` from the key fingerprint so a moved
 * line is the same alert.
 */
import { createRequire } from 'node:module';
import type { Severity } from '@engium/core';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, ScanReport } from '../finding.js';
import { ruleById } from '../rules.js';

const require = createRequire(import.meta.url);
const { version } = require('../../package.json') as { version: string };

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/engium/guard/tree/main/packages/scanner';

/** GitHub ranks code-scanning alerts by this property (0–10). */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };
const LEVEL: Record<Severity, Result.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
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

function result(finding: Finding, ruleIndex: number): Result {
  const region = { startLine: finding.line, startColumn: finding.column, ...(finding.snippet ? { snippet: { text: finding.snippet.text } } : {}) };
  const sarifResult: Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(finding.file), uriBaseId: '%SRCROOT%' }, region } }],
    partialFingerprints: { 'engiumKeyFingerprint/v1': `${finding.secret.fingerprint}:${finding.ruleId}` },
    properties: {
      severity: finding.severity,
      exposure: finding.exposure,
      encoding: finding.encoding,
      secret: { ...finding.secret },
      ...(finding.chain ? { chain: finding.chain } : {}),
      ...(finding.commit ? { commit: { ...finding.commit } } : {}),
    },
  };
  if (finding.origin) {
    sarifResult.relatedLocations = [
      {
        id: 1,
        message: { text: finding.origin.inRepository ? 'original source, through the source map' : 'original source named by the source map (not a file of the repository)' },
        physicalLocation: {
          artifactLocation: { uri: encodeUri(finding.origin.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: finding.origin.line, startColumn: finding.origin.column },
        },
        properties: { inRepository: finding.origin.inRepository },
      },
    ];
  }
  if (finding.baselined) sarifResult.baselineState = 'unchanged';
  return sarifResult;
}

export function toSarif(report: ScanReport): Log {
  const ruleIds = [...new Set(report.findings.map((finding) => finding.ruleId))].sort();
  const rules = ruleIds.map((id) => ruleDescriptor(id, report.findings.filter((finding) => finding.ruleId === id)));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'engium-scan', informationUri: INFORMATION_URI, semanticVersion: version, version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The scanned directory (the repository root).' } } },
        results: report.findings.map((finding) => result(finding, ruleIds.indexOf(finding.ruleId))),
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
  return `${JSON.stringify(toSarif(report), null, 2)}\n`;
}
