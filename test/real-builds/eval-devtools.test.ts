// webpack's eval devtools (its development default, and what `next dev` writes): each module's code
// is a string passed to eval(), with its own inline map (`eval-source-map`) or none (`eval`). The
// bundle has no map of its own. A key there is one finding per bundle, mapped through its module's
// map as trace-mapping reads that map, and the module is named when there is no map at all.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '@engium/core';
import { AnyMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { describe, expect, it } from 'vitest';
import { scanJson } from '../scanner/support.js';
import { realBuild, REAL_BUILD_TIMEOUT } from '../support/real-builds.js';

const BUNDLE = 'dist/engium-widget.js';

/** The code of the eval("…") module that holds `needle`, read with JSON.parse as eval would. */
function evalModuleHolding(bundle: string, needle: string): string | undefined {
  for (const match of bundle.matchAll(/eval\((?:__webpack_require__\.ts\()?("(?:[^"\\]|\\.)*")\)/g)) {
    const code = JSON.parse(match[1] ?? '""') as string;
    if (code.includes(needle)) return code;
  }
  return undefined;
}

describe('webpack eval devtools', () => {
  for (const build of ['webpack-eval-source-map', 'webpack-eval-trusted-types'] as const) {
    it(`${build}: one finding per key, its origin what the module’s own map says`, { timeout: REAL_BUILD_TIMEOUT }, () => {
      const { root, keys } = realBuild(build);
      const key = keys['client-literal'] ?? '';
      const { report } = scanJson(root, Object.values(keys));
      const findings = report.findings.filter((finding) => finding.file === BUNDLE);
      // The module map's base64 sourcesContent repeats the key: the same leak, not a second place.
      expect(findings.map((finding) => [finding.secret.redacted, finding.encoding, finding.exposure])).toEqual([[redact(key), 'plain', 'client']]);
      const code = evalModuleHolding(readFileSync(join(root, BUNDLE), 'utf8'), key);
      expect(code, 'a module string holds the key').toBeDefined();
      const inline = /\/\/# sourceMappingURL=data:application\/json;charset=utf-8;base64,([A-Za-z0-9+/=]+)/.exec(code ?? '')?.[1];
      expect(inline, 'the module carries its own map').toBeDefined();
      const before = (code ?? '').slice(0, (code ?? '').indexOf(key)).split('\n');
      const original = originalPositionFor(AnyMap(Buffer.from(inline ?? '', 'base64').toString('utf8'), join(root, BUNDLE)), {
        line: before.length,
        column: (before.at(-1) ?? '').length,
      });
      expect(original.source).toMatch(/src\/api\.js/);
      expect(findings[0]?.origin).toEqual({ file: 'src/api.js', line: original.line, column: (original.column ?? 0) + 1, inRepository: true });
      expect(report.stats.warnings?.filter((warning) => warning.file === BUNDLE)).toEqual([]);
      if (build === 'webpack-eval-trusted-types') expect(readFileSync(join(root, BUNDLE), 'utf8')).toContain('eval(__webpack_require__.ts("');
    });
  }

  it('eval: no map, so no origin, and the warning names the concatenated module the key is in', { timeout: REAL_BUILD_TIMEOUT }, () => {
    const { root, keys } = realBuild('webpack-eval');
    const key = keys['client-literal'] ?? '';
    const { report } = scanJson(root, Object.values(keys));
    const findings = report.findings.filter((finding) => finding.file === BUNDLE);
    expect(findings.map((finding) => [finding.secret.redacted, finding.exposure, finding.origin])).toEqual([[redact(key), 'client', undefined]]);
    // The production build concatenates src/index.js and src/api.js into one eval module named after index.js.
    expect(readFileSync(join(root, BUNDLE), 'utf8')).toMatch(/sourceURL=webpack:\/\/[^/]+\/\.\/src\/index\.js_\+_1_modules/);
    expect(report.stats.warnings?.filter((warning) => warning.file === BUNDLE).map((warning) => warning.message)).toEqual([
      `${redact(key)} is in the eval module of src/api.js, which has no source map (webpack's eval devtool writes none): its line in the source is unknown`,
    ]);
  });
});
