// A symbolic link named on the command line: `engium-scan current.js`, `engium-scan latest.apk`,
// `engium-scan pack latest.tgz`, where the name is a link to the versioned file. The readers follow
// no link (a link inside a scanned tree may lead anywhere), so the one file of the run was skipped
// as "symlink (not followed)" and the run passed with no finding. A path the user gives is theirs:
// it is followed, and the file it leads to is scanned.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { redact } from '@engium/core';
import { strToU8, zipSync } from 'fflate';
import tarStream from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { fakeKey, tempDir, writeFiles } from '../support/index.js';
import { located, scanBounded } from './support.js';

const KEY = fakeKey('live', 2390);

async function packedTarball(files: Record<string, string>): Promise<Buffer> {
  const pack = tarStream.pack();
  for (const [name, content] of Object.entries(files)) pack.entry({ name }, content);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return gzipSync(Buffer.concat(chunks));
}

describe('a link named on the command line', () => {
  it('is followed: a bundle, an archive and a packed tarball each give their key', async () => {
    const dir = tempDir('engium-adv-named-links-');
    writeFiles(dir, {
      'builds/app-1.2.3.js': `var k="${KEY}";\n`,
      'builds/app-1.2.3.zip': Buffer.from(zipSync({ 'config.js': strToU8(`module.exports = "${KEY}";\n`) })),
      'builds/pkg-1.2.3.tgz': await packedTarball({ 'package/index.js': `module.exports = "${KEY}";\n` }),
    });
    symlinkSync('builds/app-1.2.3.js', join(dir, 'current.js'));
    symlinkSync('builds/app-1.2.3.zip', join(dir, 'latest.zip'));
    symlinkSync('builds/pkg-1.2.3.tgz', join(dir, 'latest.tgz'));

    const cases: [string[], string][] = [
      [[join(dir, 'current.js'), '--no-graph'], `app-1.2.3.js:1:8 ${redact(KEY)}`],
      [[join(dir, 'latest.zip'), '--no-graph'], `app-1.2.3.zip!/config.js:1:19 ${redact(KEY)}`],
      [['pack', join(dir, 'latest.tgz')], `pkg-1.2.3.tgz!/package/index.js:1:19 ${redact(KEY)}`],
    ];
    for (const [args, place] of cases) {
      const { report, status } = scanBounded(args, [KEY]);
      expect(located(report), args.join(' ')).toEqual([place]);
      expect(report.stats.skipped).toEqual([]);
      expect(status).toBe(1);
    }
  });
});
