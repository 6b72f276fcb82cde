import { describe, expect, it } from 'vitest';
import { fakeKey } from '../support/index.js';
import { issueMarker } from '../../packages/action/src/alerts/rotation-issues.js';
import { issueBody } from '../../packages/org-audit/src/rotation-issues.js';
import { finding } from '../../packages/scanner/test/merge/fixtures.js';

const KEY = fakeKey('live', 41);

describe('issueBody', () => {
  it('stays under GitHub’s 65,536-character limit however many places a key has, remembering as many as fit', () => {
    const places = Array.from({ length: 3000 }, (_, i) => [
      `acme/service-${String(i % 400).padStart(3, '0')}`,
      `src/${'deeply/nested/'.repeat(12)}module-${i}.ts`,
      i + 1,
      i.toString(16).padStart(40, '0'),
      `2024-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`,
      false,
    ] as [string, string, number, string, string, boolean]);
    const body = issueBody(finding(KEY, 'x', 'server'), places);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.startsWith(issueMarker(finding(KEY, 'x', 'server').secret.fingerprint))).toBe(true);
    expect(body).toContain('is committed in 400 repositories: acme/service-000, acme/service-001');
    expect(body).toContain('and 370 more.');
    const block = /<!-- engium-guard:places ([A-Za-z0-9+/=]+) -->/.exec(body)?.[1] ?? '';
    const remembered = JSON.parse(Buffer.from(block, 'base64').toString('utf8')) as unknown[];
    expect(remembered.length).toBeGreaterThan(50);
    expect(remembered).toEqual(places.slice(0, remembered.length));
    expect(body).toContain(`${places.length - remembered.length} newer places do not fit in this issue`);
  });

  it('remembers every place when they fit, and says nothing about dropping any', () => {
    const places: [string, string, number, string, string, boolean | null][] = [['acme/api', 'a.ts', 1, '', '', null]];
    const body = issueBody(finding(KEY, 'a.ts', 'server'), places);
    expect(body).not.toContain('do not fit');
    expect(body).toContain('| acme/api | `a.ts` | 1 | HEAD |  | yes |');
  });
});
