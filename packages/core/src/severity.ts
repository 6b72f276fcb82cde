import type { Exposure } from './exposure.js';
import type { KeyKind } from './key-grammar.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** Most severe first. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

export type SeverityThreshold = Severity | 'none';

/**
 * critical: a live key that reaches the browser; high: a live key committed elsewhere;
 * medium: a test key that reaches the browser; low: any other test key.
 */
export function severityOf(kind: KeyKind, exposure: Exposure): Severity {
  if (kind === 'live') return exposure === 'client' ? 'critical' : 'high';
  return exposure === 'client' ? 'medium' : 'low';
}

/** Negative when `a` is more severe than `b`. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}

/** True when `severity` is at or above `threshold`; nothing reaches `none`. */
export function meetsThreshold(severity: Severity, threshold: SeverityThreshold): boolean {
  return threshold !== 'none' && compareSeverity(severity, threshold) <= 0;
}

export function isSeverityThreshold(value: string): value is SeverityThreshold {
  return value === 'none' || (SEVERITIES as readonly string[]).includes(value);
}
