// JSON that does not parse, wherever the scanner meets it: a source map beside a bundle, an inline
// one, an asar archive's header, a report given to `merge`. V8's message for such JSON quotes the
// bytes near the error (`Unexpected token 'e', …"x":eng_live_e"… is not valid JSON`): the start of a
// key, which no redaction knows once cut short. Each warning names the file and says the JSON is
// invalid, and quotes none of its bytes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asarOf } from '../support/archive-bytes.js';
import { fakeKey, runScanner, tempDir, writeFiles } from '../support/index.js';
import { expectSafeOutput, scanBounded } from './support.js';

const IN_MAP = fakeKey('live', 2301);
const IN_INLINE_MAP = fakeKey('live', 2302);
const IN_ASAR = fakeKey('live', 2303);
const IN_REPORT = fakeKey('live', 2304);
const BUNDLED = fakeKey('test', 2305);
const KEYS = [IN_MAP, IN_INLINE_MAP, IN_ASAR, IN_REPORT, BUNDLED];

/** What V8 would quote of a key: enough of its start to be worth keeping out of every output. */
const startOf = (key: string) => key.slice(0, 'eng_live_'.length + 1);

describe('JSON that does not parse, with a key near the error', () => {
  it('a source map beside the bundle, an inline one and an asar header: a warning each, naming the file, no byte of it quoted', () => {
    const dir = tempDir('engium-adv-quoted-');
    const inlineMap = Buffer.from(`{"version":3,"sources":["a.ts"],"x":${IN_INLINE_MAP}}`).toString('base64');
    writeFiles(dir, {
      'dist/app.js': `var k="${BUNDLED}";\n//# sourceMappingURL=app.js.map\n`,
      'dist/app.js.map': `{"version":3,"sources":["a.ts"],"x":${IN_MAP}}`,
      'dist/inline.js': `var k="${BUNDLED}";\n//# sourceMappingURL=data:application/json;base64,${inlineMap}\n`,
      'app.asar': asarOf(`{"files":{"a.js":${IN_ASAR}}}`, 'x'),
    });
    const { report, stdout, stderr } = scanBounded([dir, '--no-graph'], KEYS);
    const outputs: Record<string, string> = { json: stdout + stderr };
    for (const format of ['text', 'sarif']) {
      const result = runScanner([dir, '--no-graph', '--format', format]);
      outputs[format] = result.stdout + result.stderr;
    }
    for (const [format, text] of Object.entries(outputs)) {
      expectSafeOutput(text, KEYS, format);
      for (const key of KEYS) expect(text, `${format} quotes the start of a key`).not.toContain(startOf(key));
    }
    expect(report.stats.warnings).toEqual(
      expect.arrayContaining([
        { file: 'dist/app.js', message: 'source map app.js.map could not be used (invalid JSON); findings stay in the bundle' },
        { file: 'dist/inline.js', message: 'source map (inline) could not be used (invalid JSON); findings stay in the bundle' },
        { file: 'app.asar', message: 'not a readable asar (invalid JSON): not scanned' },
      ]),
    );
    // The bundles' own key is still found in each, the one in the map file and in the inline map as
    // keys of their own, and the one in the asar's header in its raw bytes (see broken-archives).
    expect(report.findings.map((finding) => finding.file).sort()).toEqual(['app.asar', 'dist/app.js', 'dist/app.js.map', 'dist/inline.js', 'dist/inline.js']);
  });

  it('merge: a report that is not JSON is skipped with the reason, and none of its bytes are quoted', () => {
    const dir = tempDir('engium-adv-quoted-merge-');
    writeFileSync(join(dir, 'report.json'), `{"version":1,"findings":[],"x":${IN_REPORT}}`);
    // A .env given to merge by mistake: the key is its first bytes.
    writeFileSync(join(dir, '.env'), `${IN_REPORT}\n`);
    const result = runScanner(['merge', join(dir, 'report.json'), join(dir, '.env')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('report.json: not an engium-scan JSON report: not JSON (invalid JSON)');
    expect(result.stderr).toContain('.env: not an engium-scan JSON report: not JSON (invalid JSON)');
    expectSafeOutput(result.stdout + result.stderr, KEYS, 'merge');
    expect(result.stdout + result.stderr).not.toContain(startOf(IN_REPORT));
  });
});
