// Precompressed assets: compression plugins (vite-plugin-compression, compression-webpack-plugin,
// Nitro's compressPublicAssets) write `asset.js.gz` and `asset.js.br` beside each file with
// node:zlib, and with `deleteOriginFile` in place of it. The real Vite build's assets, compressed
// the same way with the originals deleted, still show every key, with the exposure of the folder.
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import { scanJson } from '../scanner/support.js';
import { tempDir } from '../support/index.js';
import { filesHolding, realBuild, REAL_BUILD_TIMEOUT } from '../support/real-builds.js';

describe('precompressed build assets', () => {
  it('reads .gz and .br assets as the files they hold, in the folder they are served from', { timeout: REAL_BUILD_TIMEOUT }, () => {
    const { root, keys } = realBuild('vite');
    const dir = tempDir('engium-compressed-');
    cpSync(root, dir, { recursive: true });
    const assets = join(dir, 'dist/assets');
    const shipped = ['client-literal', 'stylesheet', 'public-env', 'injected-env'].map((role) => keys[role] ?? '');
    const originals = readdirSync(assets).filter((name) => /\.(?:js|css)$/.test(name));
    for (const name of originals) {
      const bytes = readFileSync(join(assets, name));
      writeFileSync(join(assets, `${name}.gz`), gzipSync(bytes));
      writeFileSync(join(assets, `${name}.br`), brotliCompressSync(bytes));
      rmSync(join(assets, name));
    }
    // The maps stay (servers do not compress them): keys in the assets are now only compressed.
    for (const key of shipped) expect(filesHolding(join(dir, 'dist/assets'), key).filter((file) => !file.endsWith('.map')), 'no plain copy left').toEqual([]);

    const { report } = scanJson(dir, Object.values(keys));
    for (const key of shipped) {
      const compressed = report.findings.filter((finding) => finding.secret.redacted === redact(key) && /\.(?:gz|br)!\//.test(finding.file));
      const holders = originals.filter((name) => readFileSync(join(root, 'dist/assets', name), 'latin1').includes(key));
      expect(holders.length, redact(key)).toBeGreaterThan(0);
      expect(compressed.map((finding) => [finding.file, finding.archive, finding.exposure]).sort(), redact(key)).toEqual(
        holders.flatMap((asset) => ['br', 'gz'].map((extension) => [`dist/assets/${asset}.${extension}!/${asset}`, { file: `dist/assets/${asset}.${extension}`, entry: asset }, 'client'])).sort(),
      );
      for (const finding of compressed) expect(finding.message).toContain('Vite builds browser code into dist/');
    }
    expect(report.stats.skipped.filter((skipped) => /\.(?:gz|br)$/.test(skipped.file))).toEqual([]);
  });

  it('reads only the original when its precompressed copies sit beside it (SvelteKit adapter-node precompresses)', { timeout: REAL_BUILD_TIMEOUT }, () => {
    const { root, keys } = realBuild('sveltekit-node');
    const key = keys['client-literal'] ?? '';
    const holders = filesHolding(join(root, 'build/client'), key);
    const compressed = readdirSync(join(root, 'build/client/_app/immutable/nodes')).filter((name) => /\.(?:gz|br)$/.test(name));
    expect(compressed.length, 'adapter-node wrote .gz and .br copies').toBeGreaterThan(0);
    const { report } = scanJson(root, Object.values(keys));
    const places = report.findings.filter((finding) => finding.secret.redacted === redact(key) && finding.file.startsWith('build/client/'));
    expect(places.map((finding) => finding.file).sort()).toEqual(holders.map((file) => `build/client/${file}`));
  });

  it('names a corrupt, mislabelled or bomb compressed file in a warning and goes on', () => {
    const dir = tempDir('engium-compressed-bad-');
    writeFileSync(join(dir, 'notes.txt.gz'), 'not gzip at all');
    writeFileSync(join(dir, 'app.js.br'), Buffer.from([0xff, 0xff, 0xff, 0xff]));
    // 64 MB of zeros in 64 KB: inflated only up to the ratio ceiling, then cut off.
    writeFileSync(join(dir, 'bomb.js.gz'), gzipSync(Buffer.alloc(64 * 1024 * 1024)));
    const { report, status } = scanJson(dir, []);
    expect(status).toBe(0);
    const warnings = new Map((report.stats.warnings ?? []).map((warning) => [warning.file, warning.message]));
    expect([...warnings.keys()].sort()).toEqual(['app.js.br!/app.js', 'bomb.js.gz!/bomb.js', 'notes.txt.gz!/notes.txt']);
    expect(warnings.get('app.js.br!/app.js')).toMatch(/^not brotli data/);
    expect(warnings.get('notes.txt.gz!/notes.txt')).toMatch(/^not gzip data/);
    expect(warnings.get('bomb.js.gz!/bomb.js')).toBe('compression ratio over the ceiling of 200:1 (a bomb?): not scanned');
  });
});
