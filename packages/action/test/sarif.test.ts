import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { fitSarif } from '../src/sarif.js';

/** A log of `count` results whose messages do not compress: the kind of file that passes the gzipped limit. */
function incompressibleLog(count: number, levels: Result.level[]): Log {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'engium-scan' } },
        results: Array.from({ length: count }, (_, index) => ({
          ruleId: 'hardcoded-key',
          level: levels[index % levels.length],
          message: { text: `place ${index}: ${randomBytes(600).toString('base64')}` },
        })),
      },
    ],
  };
}

describe("the SARIF file within code scanning's gzipped size", () => {
  it('leaves a log that fits as it is, byte for byte', () => {
    const log = incompressibleLog(20, ['error']);
    const { text, left } = fitSarif(log, 1024 * 1024);
    expect(left).toBe(0);
    expect(JSON.parse(text)).toEqual(log);
  });

  it('keeps the most severe results of a log over the limit, fits it, and counts what it left out', () => {
    // 2,000 results of ~850 bytes of base64 each: about 1.2 MB gzipped, against a 600 KB limit.
    const log = incompressibleLog(2_000, ['note', 'warning', 'error', 'warning']);
    const limit = 600 * 1024;
    const { text, left } = fitSarif(log, limit);
    expect(gzipSync(text).length).toBeLessThanOrEqual(limit);
    const kept = (JSON.parse(text) as Log).runs[0]?.results ?? [];
    expect(left).toBe(2_000 - kept.length);
    // The 500 errors come first, then warnings: no note is kept while a warning is left out.
    expect(kept.length).toBeGreaterThan(500);
    expect(kept.slice(0, 500).every((result) => result.level === 'error')).toBe(true);
    expect(kept.slice(500).every((result) => result.level === 'warning')).toBe(true);
  });
});
