// Ways past the text scan that a hostile (or unlucky) repository finds: UTF-16 and UTF-32 files with
// a byte-order mark (a `.env` saved by PowerShell), a NUL in a bundle's comment, base64 wrapped at
// 76 or 64 columns, a key across the 16 MB read boundary of a line without separators, and a `.env`
// over 1 MB. Each is found at its line and column, with the CLI's heap capped (scanBounded) and a
// time limit per case.
import { join } from 'node:path';
import { fingerprint, redact } from '@engium/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeKey, tempDir, writeFiles } from '../support/index.js';
import { located, scanBounded, streamFile } from './support.js';

const TIME_LIMIT_MS = 120_000;
const key = (seed: number) => fakeKey('live', seed);

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (order === 'be') bytes.swap16();
  return bytes;
}

function utf32(text: string, order: 'le' | 'be'): Buffer {
  const points = [0xfeff, ...[...text].map((char) => char.codePointAt(0) ?? 0)];
  const bytes = Buffer.alloc(points.length * 4);
  points.forEach((point, index) => (order === 'le' ? bytes.writeUInt32LE(point, index * 4) : bytes.writeUInt32BE(point, index * 4)));
  return bytes;
}

function wrapped(text: string, width: number, eol: string): string {
  return (Buffer.from(text).toString('base64').match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join(eol);
}

describe('text in other Unicode forms, with a byte-order mark', () => {
  const FORMS = [
    ['.env', 'le', 16],
    ['config/.env.production', 'be', 16],
    ['docs/notes.txt', 'le', 32],
    ['docs/be32.txt', 'be', 32],
  ] as const;
  const KEYS = FORMS.map((_, index) => key(1500 + index));
  const dir = tempDir('engium-adv-bom-');
  beforeAll(() => {
    writeFiles(
      dir,
      Object.fromEntries(
        FORMS.map(([file, order, bits], index) => {
          const text = `# saved by PowerShell\r\nNEXT_PUBLIC_ENGIUM_KEY=${KEYS[index]}\r\nOTHER=é😀\r\n`;
          return [file, bits === 16 ? utf16(text, order) : utf32(text, order)];
        }),
      ),
    );
  });

  it('decodes UTF-16 and UTF-32 of both byte orders, with exact lines and columns and the env variable', () => {
    const { report } = scanBounded([dir, '--no-graph'], KEYS);
    expect(located(report).sort()).toEqual(FORMS.map(([file], index) => `${file}:2:24 ${redact(KEYS[index] ?? '')}`).sort());
    // The variable name is read from the decoded text: a public prefix makes the key reach the browser.
    expect(report.findings.find((finding) => finding.file === '.env')?.exposure).toBe('client');
    expect(report.stats.skipped).toEqual([]);
  }, TIME_LIMIT_MS);
});

describe('a NUL byte in a file that is text by its name', () => {
  const NAMES = ['dist/app.js', 'dist/app.mjs', 'dist/app.cjs', 'src/a.ts', 'src/b.tsx', 'src/c.jsx', 'dist/app.js.map', '.env.local', 'data.json'];
  const KEYS = NAMES.map((_, index) => key(1510 + index));
  const BINARY = key(1530);
  const dir = tempDir('engium-adv-nul-');
  beforeAll(() => {
    writeFiles(dir, {
      ...Object.fromEntries(NAMES.map((name, index) => [name, Buffer.concat([Buffer.from('/*'), Buffer.from([0]), Buffer.from(`*/\nvar k="${KEYS[index]}";\n`)])])),
      // A real binary file with a NUL is still binary: skipped with the reason.
      'assets/blob.bin': Buffer.concat([Buffer.from([0, 1, 2, 3]), Buffer.from(`"${BINARY}"`)]),
    });
  });

  it('is scanned (a bundle that starts with a NUL in a comment), while a binary file is still skipped', () => {
    const { report } = scanBounded([dir, '--no-graph'], [...KEYS, BINARY]);
    expect(located(report).sort()).toEqual(NAMES.map((name, index) => `${name}:2:8 ${redact(KEYS[index] ?? '')}`).sort());
    expect(report.stats.skipped).toEqual([{ file: 'assets/blob.bin', reason: 'binary file' }]);
  }, TIME_LIMIT_MS);
});

describe('base64 wrapped at a fixed width', () => {
  // File, wrap width, line end, and the indentation of every line (a YAML block scalar's).
  const CASES = [
    ['mail/message.eml', 76, '\r\n', ''],
    ['certs/bundle.pem', 64, '\n', ''],
    ['config/blob.txt', 76, '\n', ''],
    ['k8s/secret.yaml', 76, '\n', '    '],
    ['deploy/values.yml', 64, '\r\n', '\t'],
  ] as const;
  const KEYS = CASES.map((_, index) => key(1540 + index));
  const payload = (index: number) => `{"service":"billing","note":"rotate quarterly","engium":"${KEYS[index]}","more":"${'x'.repeat(120)}"}`;
  /** Where the key's base64 group starts: line (the block starts on line 3) and column. */
  const place = (index: number, width: number, indent: string) => {
    const group = Math.floor(payload(index).indexOf('eng_') / 3) * 4;
    return `${3 + Math.floor(group / width)}:${indent.length + (group % width) + 1}`;
  };
  const dir = tempDir('engium-adv-wrapped-');
  beforeAll(() => {
    writeFiles(
      dir,
      Object.fromEntries(
        CASES.map(([file, width, eol, indent], index) => {
          // The key's encoded form crosses a line break (at 76 columns); its prefix's signature does not.
          const lines = wrapped(payload(index), width, eol).split(eol).map((line) => indent + line);
          return [file, `${indent ? 'data: |' : 'Content-Transfer-Encoding: base64'}${eol}${eol}${lines.join(eol)}${eol}`];
        }),
      ),
    );
  });

  it('joins the lines, indented or not, and finds the key whole (never the part one line holds), located where its encoded form starts', () => {
    const { report } = scanBounded([dir, '--no-graph'], KEYS);
    expect(report.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.encoding} ${finding.secret.redacted} ${finding.secret.fingerprint}`).sort()).toEqual(
      CASES.map(([file, width, , indent], index) => `${file}:${place(index, width, indent)} base64 ${redact(KEYS[index] ?? '')} ${fingerprint(KEYS[index] ?? '')}`).sort(),
    );
  }, TIME_LIMIT_MS);
});

describe('a key across the 16 MB read boundary of a line without separators', () => {
  const MB = 1024 * 1024;
  const BOUNDARY = key(1550);
  const dir = tempDir('engium-adv-boundary-');
  // `a;b;…`: no newline, space, quote or parenthesis to end a region at.
  const filler = Buffer.from('a;'.repeat(MB / 2));
  const before = 16 * MB - 20;
  beforeAll(() => {
    streamFile(join(dir, 'dist/app.min.js'), [{ repeat: filler, times: 15 }, filler.subarray(0, before - 15 * MB), ';k=', BOUNDARY, ';', { repeat: filler, times: 17 }]);
  });

  it('is found whole, at its column', () => {
    const { report } = scanBounded([dir, '--no-graph'], [BOUNDARY]);
    expect(located(report)).toEqual([`dist/app.min.js:1:${before + ';k='.length + 1} ${redact(BOUNDARY)}`]);
  }, TIME_LIMIT_MS);
});

describe('a .env file over 1 MB', () => {
  const PUBLIC = key(1560);
  const SERVER = key(1561);
  const dir = tempDir('engium-adv-big-env-');
  beforeAll(() => {
    streamFile(join(dir, '.env'), [`NEXT_PUBLIC_ENGIUM_KEY=${PUBLIC}\n`, { repeat: '# padding line of a long generated env file\n', times: 40_000 }, `ENGIUM_KEY=${SERVER}\n`]);
  });

  it('keeps its variable names, so the exposure is the same as in a small one', () => {
    const { report } = scanBounded([dir, '--no-graph'], [PUBLIC, SERVER]);
    const exposure = Object.fromEntries(report.findings.map((finding) => [finding.secret.redacted, finding.exposure]));
    expect(exposure).toEqual({ [redact(PUBLIC)]: 'client', [redact(SERVER)]: 'server' });
  }, TIME_LIMIT_MS);
});
