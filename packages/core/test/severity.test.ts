import { describe, expect, it } from 'vitest';
import {
  ACCESS_TOKEN_LIFETIME_MINUTES,
  compareSeverity,
  isSeverityThreshold,
  JWT_FLOW_ADVICE,
  meetsThreshold,
  REFRESH_TOKEN_LIFETIME_DAYS,
  ROTATE_ADVICE,
  ROTATION_STEPS,
  SERVER_SIDE_ADVICE,
  SEVERITIES,
  severityOf,
  SUGGESTED_ENV_VARIABLE,
  type Exposure,
  type KeyKind,
  type Severity,
  type SeverityThreshold,
} from '../src/index.js';

describe('severity', () => {
  it.each<[KeyKind, Exposure, Severity]>([
    ['live', 'client', 'critical'],
    ['live', 'server', 'high'],
    ['live', 'unknown', 'high'],
    ['test', 'client', 'medium'],
    ['test', 'server', 'low'],
    ['test', 'unknown', 'low'],
  ])('a %s key with %s exposure is %s', (kind, exposure, severity) => {
    expect(severityOf(kind, exposure)).toBe(severity);
  });

  it('orders severities from most to least severe', () => {
    expect(SEVERITIES).toEqual(['critical', 'high', 'medium', 'low']);
    expect(compareSeverity('critical', 'low')).toBeLessThan(0);
    expect(compareSeverity('low', 'critical')).toBeGreaterThan(0);
    expect(compareSeverity('medium', 'medium')).toBe(0);
    expect([...SEVERITIES].reverse().sort(compareSeverity)).toEqual(SEVERITIES);
  });

  // The full matrix: a severity meets a threshold when it is at least as severe.
  const rank: Record<Severity, number> = { critical: 3, high: 2, medium: 1, low: 0 };
  it.each(SEVERITIES.flatMap((severity) => SEVERITIES.map((threshold) => [severity, threshold] as const)))('%s against threshold %s', (severity, threshold) => {
    expect(meetsThreshold(severity, threshold)).toBe(rank[severity] >= rank[threshold]);
  });

  it('lets nothing reach the none threshold', () => {
    for (const severity of SEVERITIES) expect(meetsThreshold(severity, 'none')).toBe(false);
  });

  it.each<[string, boolean]>([
    ['critical', true],
    ['high', true],
    ['medium', true],
    ['low', true],
    ['none', true],
    ['HIGH', false],
    ['warning', false],
    ['', false],
  ])('isSeverityThreshold(%j) is %s', (value, expected) => {
    expect(isSeverityThreshold(value)).toBe(expected);
    if (expected) expect(meetsThreshold('critical', value as SeverityThreshold)).toBe(value !== 'none');
  });
});

describe('guidance', () => {
  it('words the JWT flow with the API facts', () => {
    expect(ACCESS_TOKEN_LIFETIME_MINUTES).toBe(30);
    expect(REFRESH_TOKEN_LIFETIME_DAYS).toBe(30);
    expect(JWT_FLOW_ADVICE).toContain('POST /auth/login');
    expect(JWT_FLOW_ADVICE).toContain('POST /auth/refresh');
    expect(JWT_FLOW_ADVICE).toContain('30-minute');
    expect(JWT_FLOW_ADVICE).toContain('30 days');
  });

  it('tells people to rotate and where', () => {
    expect(ROTATION_STEPS.length).toBeGreaterThanOrEqual(3);
    expect(ROTATION_STEPS.join(' ')).toContain('Settings → Developer → API Keys');
    expect(ROTATE_ADVICE).toMatch(/rotate/i);
    expect(SERVER_SIDE_ADVICE).toContain(SUGGESTED_ENV_VARIABLE);
    expect(SUGGESTED_ENV_VARIABLE).toBe('ENGIUM_API_KEY');
  });
});
