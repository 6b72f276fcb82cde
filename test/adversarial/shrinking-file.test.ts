// A file over 32 MB is read in 16 MB regions. Cut short while that goes on (a build rewriting its
// output, a log rotated), a read past its new end gives no bytes, and the reader waited for them for
// ever at full CPU. It now ends the file where the bytes end, with a warning that says so, and the
// keys in what it read are reported.
import { spawn } from 'node:child_process';
import { readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { SCANNER_CLI, collectOutput, fakeKey, tempDir } from '../support/index.js';
import { HEAP_MB, expectSafeOutput, located, streamFile } from './support.js';

const KEY = fakeKey('live', 2370);
const MB = 1024 * 1024;

/** Bytes the process has read so far, all files together (`rchar` counts reads at an offset too). */
function bytesRead(pid: number): number {
  try {
    return Number(/rchar: (\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

describe('a large file cut short while it is read', () => {
  it('ends where its bytes end: a warning, the key before the cut, and no endless loop', async () => {
    const dir = tempDir('engium-adv-shrinking-');
    const file = join(dir, 'dist/app.js');
    const line = `x = 1; // ${'y'.repeat(100)}\n`;
    streamFile(file, [`var k="${KEY}";\n`, { repeat: line, times: Math.ceil((200 * MB) / line.length) }]);

    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, SCANNER_CLI, dir, '--no-graph', '--format', 'json'], { env: { ...process.env, NO_COLOR: '1' } });
    const output = collectOutput(child);
    // Once the scan has read well into the file (past its start-up's reads), cut it to 40 MB.
    const pid = child.pid as number;
    const deadline = Date.now() + 60_000;
    while (bytesRead(pid) < 80 * MB && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1));
    truncateSync(file, 40 * MB);
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const result = await output;
    clearTimeout(killer);

    expect(result.status, `the scan did not finish: ${result.stderr.slice(-500)}`).toBe(1);
    expectSafeOutput(result.stdout + result.stderr, [KEY], 'scan');
    const report = JSON.parse(result.stdout) as ScanReport;
    expect(located(report)).toEqual([`dist/app.js:1:8 ${redact(KEY)}`]);
    expect(report.stats.warnings).toEqual(
      expect.arrayContaining([{ file: 'dist/app.js', message: expect.stringMatching(/^shrank while it was read \(200 MB when opened, 40 MB now\): its first \d+(\.\d)? MB were read, keys in the rest are not found$/) }]),
    );
  }, 120_000);
});
