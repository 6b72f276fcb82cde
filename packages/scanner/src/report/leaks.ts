/**
 * Leaks: what a reader counts. A leak is one key (by fingerprint) in one repository; its findings
 * are the places it reaches. Every report (text, JSON, SARIF, the action's summary and comment)
 * groups findings with this one function, so they all count the same leaks.
 */
import { compareSeverity, type Exposure, type Severity } from '@engium/core';
import type { Finding, Leak } from '../finding.js';
import { RULES } from '../rules.js';

/** What a place is to a reader, in the order a person acts on them: where the key is written comes first. */
export type PlaceRole = 'written' | 'env line' | 'built copy' | 'source map' | 'history';

const ROLE_ORDER: readonly PlaceRole[] = ['written', 'env line', 'built copy', 'source map', 'history'];

/** The role of each rule's places; `engium/bundle-key` splits into copies and maps by file name. */
const ROLE_BY_RULE: Readonly<Record<string, PlaceRole>> = {
  [RULES.sourceKey.id]: 'written',
  [RULES.stagedKey.id]: 'written',
  [RULES.publicEnvKey.id]: 'env line',
  [RULES.envFileKey.id]: 'env line',
  [RULES.bundleKey.id]: 'built copy',
  [RULES.historyKey.id]: 'history',
};

/** Worst first: a key in browsers, then one whose audience is not known, then one kept on servers. */
const EXPOSURE_ORDER: readonly Exposure[] = ['client', 'unknown', 'server'];

export function compareExposure(a: Exposure, b: Exposure): number {
  return EXPOSURE_ORDER.indexOf(a) - EXPOSURE_ORDER.indexOf(b);
}

export function placeRole(finding: Pick<Finding, 'ruleId' | 'file'>): PlaceRole {
  const role = ROLE_BY_RULE[finding.ruleId] ?? 'written';
  return role === 'built copy' && finding.file.endsWith('.map') ? 'source map' : role;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The order of a leak's places: the written one first (the worst, with its chain), then copies, maps, history. */
export function comparePlaces(a: Finding, b: Finding): number {
  return (
    ROLE_ORDER.indexOf(placeRole(a)) - ROLE_ORDER.indexOf(placeRole(b)) ||
    compareSeverity(a.severity, b.severity) ||
    compareExposure(a.exposure, b.exposure) ||
    Number(Boolean(b.chain?.length)) - Number(Boolean(a.chain?.length)) ||
    byText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    byText(a.commit?.sha ?? '', b.commit?.sha ?? '')
  );
}

function compareLeaks(a: Leak, b: Leak): number {
  return (
    compareSeverity(a.severity, b.severity) ||
    compareExposure(a.exposure, b.exposure) ||
    b.findings.length - a.findings.length ||
    byText(a.repository ?? '', b.repository ?? '') ||
    byText(a.fingerprint, b.fingerprint)
  );
}

/** The repositories and the worst severity and exposure of one finding's places in each (a merged finding lists many). */
function placesByRepository(finding: Finding, repository: string | undefined): Map<string | undefined, { severity: Severity; exposure: Exposure }> {
  const places = new Map<string | undefined, { severity: Severity; exposure: Exposure }>();
  const occurrences = finding.occurrences?.length ? finding.occurrences : [{ repository, severity: finding.severity, exposure: finding.exposure }];
  for (const occurrence of occurrences) {
    const worst = places.get(occurrence.repository);
    places.set(occurrence.repository, {
      severity: worst && compareSeverity(worst.severity, occurrence.severity) <= 0 ? worst.severity : occurrence.severity,
      exposure: worst && compareExposure(worst.exposure, occurrence.exposure) <= 0 ? worst.exposure : occurrence.exposure,
    });
  }
  return places;
}

/**
 * Groups findings into leaks, worst first. A merged report's finding stands for every repository
 * its occurrences name, so it belongs to one leak per repository.
 */
export function leaksOf(findings: readonly Finding[], repository?: string): Leak[] {
  const leaks = new Map<string, Leak>();
  findings.forEach((finding, index) => {
    for (const [where, worst] of placesByRepository(finding, repository)) {
      const id = `${where ?? ''}\0${finding.secret.fingerprint}`;
      const leak = leaks.get(id);
      if (!leak) {
        leaks.set(id, {
          fingerprint: finding.secret.fingerprint,
          ...(where !== undefined ? { repository: where } : {}),
          redacted: finding.secret.redacted,
          kind: finding.secret.kind,
          severity: worst.severity,
          exposure: worst.exposure,
          findings: [index],
        });
        continue;
      }
      leak.findings.push(index);
      if (compareSeverity(worst.severity, leak.severity) < 0) leak.severity = worst.severity;
      if (compareExposure(worst.exposure, leak.exposure) < 0) leak.exposure = worst.exposure;
    }
  });
  for (const leak of leaks.values()) leak.findings.sort((a, b) => comparePlaces(findings[a] as Finding, findings[b] as Finding) || a - b);
  return [...leaks.values()].sort(compareLeaks);
}
