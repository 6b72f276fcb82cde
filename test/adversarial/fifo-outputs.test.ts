// A FIFO where a report or a baseline is to be written: `.engium-baseline.json` in a tree someone
// else made (an unpacked tarball), or `-o` naming one. Opening a FIFO for writing waits for a reader,
// and with none `baseline` hung for ever. It now waits two seconds for one, then says there is no
// reader (exit 2); with a reader, the report is written to it, as to any stream.
import { execFileSync } from 'node:child_process';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { fakeKey, tempDir, writeFiles } from '../support/index.js';
import { expectSafeOutput, runLimited } from './support.js';

const KEY = fakeKey('live', 2410);

function treeWithFifo(name: string): string {
  const dir = tempDir('engium-adv-fifo-out-');
  writeFiles(dir, { 'src/app.ts': `export const k = "${KEY}";\n` });
  execFileSync('mkfifo', [join(dir, name)]);
  return dir;
}

describe('a FIFO where the output goes', () => {
  it('baseline: a FIFO with no reader at .engium-baseline.json is an error, not a hang', async () => {
    const dir = treeWithFifo('.engium-baseline.json');
    const result = await runLimited(['baseline', dir, '--no-graph'], { timeoutMs: 30_000 });
    expect(result.timedOut, 'baseline hung').toBe(false);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cannot write .*\.engium-baseline\.json: a FIFO with no reader/);
    expectSafeOutput(result.stdout + result.stderr, [KEY], 'baseline');
  });

  it('scan -o: a FIFO with a reader gets the whole report', async () => {
    const dir = treeWithFifo('report.fifo');
    // The reader opens first (its open waits for a writer), as `cat report.fifo &` would.
    const reader = open(join(dir, 'report.fifo'), 'r');
    const result = await runLimited([dir, '--no-graph', '--format', 'json', '-o', join(dir, 'report.fifo')], { timeoutMs: 30_000 });
    expect(result.timedOut).toBe(false);
    expect(result.status).toBe(1);
    const handle = await reader;
    const report = JSON.parse(await handle.readFile('utf8')) as ScanReport;
    await handle.close();
    expect(report.findings.map((finding) => finding.file)).toEqual(['src/app.ts']);
  });
});
