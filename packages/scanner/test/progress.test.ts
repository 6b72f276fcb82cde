import { describe, expect, it } from 'vitest';
import { progressReporter, type ProgressStream } from '../src/commands/progress.js';

function terminal(isTTY: boolean): ProgressStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

const progress = { filesDone: 512, filesTotal: 6426, bytesDone: 48 * 1024 * 1024 };

describe('the progress line', () => {
  it('shows files and megabytes on a terminal, then clears the line', () => {
    const stream = terminal(true);
    const reporter = progressReporter({}, stream, 0);
    reporter.update?.(progress);
    reporter.done();
    expect(stream.written).toEqual(['\rengium-scan: 512/6426 files, 48 MB', '\r\u001b[K']);
  });

  it('stays silent until the scan has run for a while, and then has nothing to clear', () => {
    const stream = terminal(true);
    const reporter = progressReporter({}, stream, 60_000);
    reporter.update?.(progress);
    reporter.done();
    expect(stream.written).toEqual([]);
  });

  it('stays silent when stderr is not a terminal, or with --quiet', () => {
    for (const [options, isTTY] of [[{}, false], [{ quiet: true }, true]] as const) {
      const stream = terminal(isTTY);
      const reporter = progressReporter(options, stream, 0);
      expect(reporter.update).toBeUndefined();
      reporter.done();
      expect(stream.written).toEqual([]);
    }
  });
});
