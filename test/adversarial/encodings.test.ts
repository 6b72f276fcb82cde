// Bytes that are not plain UTF-8 text: binary files with keys inside, UTF-16 (both byte orders,
// with BOMs and without), invalid UTF-8, CRLF and lone-CR line endings, UTF-8 BOMs. Each has a stated outcome:
// found at its line and column, or skipped with the reason, and never a crash.
import { redact } from '@engium/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { fakeKey, tempDir, writeFiles } from '../support/index.js';
import { located, scanBounded } from './support.js';

const key = (seed: number) => fakeKey('live', seed);
const BINARY = key(860);
const UTF16LE = key(861);
const UTF16BE = key(862);
const INVALID = key(863);
const CRLF = key(864);
const LONE_CR = key(865);
const BOM = key(866);
const NUL_LATE = key(867);
const OVERLONG = key(868);
const UNMARKED_LE = key(869);
const UNMARKED_BE = key(870);
const KEYS = [BINARY, UTF16LE, UTF16BE, INVALID, CRLF, LONE_CR, BOM, NUL_LATE, OVERLONG, UNMARKED_LE, UNMARKED_BE];

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] ?? 0, le[i] ?? 0];
  return le;
}

describe('binary and non-UTF-8 bytes', () => {
  const dir = tempDir('engium-adv-encodings-');
  let report: ScanReport;
  let status: number;
  beforeAll(() => {
    writeFiles(dir, {
      'assets/logo.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from(`tEXt${BINARY}`), Buffer.alloc(64)]),
      'docs/utf16le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`key = ${UTF16LE}\r\n`, 'utf16le')]),
      'docs/utf16be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(`key = ${UTF16BE}\n`)]),
      // UTF-16 with no byte-order mark, as some Windows tools write it.
      'docs/unmarked-le.env': Buffer.from(`# settings\r\nENGIUM_API_KEY=${UNMARKED_LE}\r\n`, 'utf16le'),
      'docs/unmarked-be.txt': utf16be(`key = ${UNMARKED_BE}\n`),
      // Binary that opens like UTF-16 but soon is not: still binary.
      'assets/font.bin': Buffer.concat([Buffer.from('A\0B\0C\0', 'latin1'), Buffer.from([0x01, 0x02, 0x03, 0xff]), Buffer.from(BINARY), Buffer.alloc(200)]),
      'src/invalid.txt': Buffer.concat([Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0x28, 0x20]), Buffer.from(`${INVALID}\n`)]),
      'src/overlong.txt': Buffer.concat([Buffer.from('ok\n'), Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf8, 0x88, 0x80, 0x80, 0x80]), Buffer.from(` ${OVERLONG}\n`)]),
      'src/crlf.ts': `// one\r\n// two\r\nexport const k = "${CRLF}";\r\n`,
      'src/lone-cr.ts': `// one\r// two\rexport const k = "${LONE_CR}";\r`,
      'src/bom.ts': `\ufeffexport const k = "${BOM}";\n`,
      // Text for 16 KB, then a NUL: sniffing the start says text, and the key is found.
      'src/late-nul.txt': Buffer.concat([Buffer.from(`${'a'.repeat(16_384)}\n${NUL_LATE}\n`), Buffer.from([0])]),
    });
    ({ report, status } = scanBounded([dir, '--no-graph'], KEYS));
  }, 120_000);

  it('skips binary files with the reason, and says so', () => {
    expect(report.stats.skipped).toContainEqual({ file: 'assets/logo.png', reason: 'binary file' });
  });

  it('finds keys in UTF-16 files of either byte order, with a byte-order mark or without one', () => {
    for (const [file, secret] of [['docs/utf16le.txt', UTF16LE], ['docs/utf16be.txt', UTF16BE], ['docs/unmarked-be.txt', UNMARKED_BE]] as const) {
      expect(located(report).filter((entry) => entry.startsWith(`${file}:`)), file).toEqual([`${file}:1:7 ${redact(secret)}`]);
    }
    expect(located(report).filter((entry) => entry.startsWith('docs/unmarked-le.env:'))).toEqual([`docs/unmarked-le.env:2:16 ${redact(UNMARKED_LE)}`]);
    expect(report.stats.skipped).toContainEqual({ file: 'assets/font.bin', reason: 'binary file' });
  });

  it('finds keys after invalid and overlong UTF-8, counting a replaced byte as one column', () => {
    expect(located(report)).toContain(`src/invalid.txt:1:13 ${redact(INVALID)}`);
    expect(located(report)).toContain(`src/overlong.txt:2:${10 + 2} ${redact(OVERLONG)}`);
  });

  it('counts lines the same with LF, CRLF and a UTF-8 BOM; lone CR is one line to the scanner', () => {
    expect(located(report)).toContain(`src/crlf.ts:3:19 ${redact(CRLF)}`);
    // The BOM is counted as one UTF-16 unit of line 1 (editors hide it): the line and key are exact.
    expect(located(report).filter((entry) => entry.startsWith('src/bom.ts:1:'))).toEqual([expect.stringMatching(new RegExp(`^src/bom\\.ts:1:(19|20) ${redact(BOM)}$`))]);
    expect(located(report).filter((entry) => entry.startsWith('src/lone-cr.ts:')).map((entry) => entry.split(' ')[1])).toEqual([redact(LONE_CR)]);
    expect(located(report)).toContain(`src/late-nul.txt:2:1 ${redact(NUL_LATE)}`);
    expect(status).toBe(1);
  });
});
