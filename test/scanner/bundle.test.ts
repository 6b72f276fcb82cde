// The bundled CLI (packages/scanner/bundle/, made by `npm run build`, run by bin/engium-scan.js):
// the same reports as the modules tsc built, in every mode that starts a thread, and worker
// scripts where the bundled thread starters look for them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SCANNER_CLI, tempDir, writeFiles } from '../support/index.js';

const BUNDLE = join(REPO_ROOT, 'packages/scanner/bundle');
const BUNDLED_CLI = join(BUNDLE, 'cli.js');
const BIN = join(REPO_ROOT, 'packages/scanner/bin/engium-scan.js');
const EXAMPLE = join(REPO_ROOT, 'examples/acme-shop');

/** A JSON report without its timing, the one field two runs never share. */
function report(cli: string, args: string[]): unknown {
  const result = spawnSync(process.execPath, [cli, EXAMPLE, ...args, '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const parsed = JSON.parse(result.stdout) as { stats: { durationMs?: number } };
  delete parsed.stats.durationMs;
  return parsed;
}

describe('the bundled CLI', () => {
  it('is built (npm run build) with both worker scripts beside the command', () => {
    for (const file of ['cli.js', 'analysis-worker.js', 'classify-worker.js']) expect(existsSync(join(BUNDLE, file)), `${file} in ${BUNDLE}`).toBe(true);
  });

  it('finds each worker script a bundled module starts, beside that module', () => {
    const started = new Set<string>();
    for (const file of readdirSync(BUNDLE).filter((name) => name.endsWith('.js'))) {
      for (const [, worker] of readFileSync(join(BUNDLE, file), 'utf8').matchAll(/new URL\(["'](\.\/[\w-]+\.js)["'], import\.meta\.url\)/g)) started.add(worker as string);
    }
    expect([...started].sort()).toEqual(['./analysis-worker.js', './classify-worker.js']);
    for (const worker of started) expect(existsSync(join(BUNDLE, worker))).toBe(true);
  });

  it.each([
    ['the module graph on its own thread', []],
    ['two reading threads', ['--no-graph', '--threads', '2']],
    ['the text pass alone', ['--no-graph', '--threads', '1']],
  ])('reports what the unbundled CLI reports: %s', (_mode, args) => {
    const bundled = report(BUNDLED_CLI, args);
    expect(bundled).toEqual(report(SCANNER_CLI, args));
    expect(JSON.stringify(bundled)).toContain('eng_live_…');
  });

  it('prints the package version', () => {
    const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'packages/scanner/package.json'), 'utf8')) as { version: string }).version;
    expect(spawnSync(process.execPath, [BUNDLED_CLI, '--version'], { encoding: 'utf8' }).stdout.trim()).toBe(version);
  });

  it("validates a repository's engium.config.json: a usage error when invalid, the scan when valid", () => {
    const invalid = tempDir();
    writeFiles(invalid, { 'engium.config.json': JSON.stringify({ buildDir: ['x'] }), 'a.ts': 'export const a = 1;\n' });
    const refused = spawnSync(process.execPath, [BUNDLED_CLI, invalid], { encoding: 'utf8' });
    expect(refused.stderr).toMatch(/invalid config .*\n.*must NOT have additional properties \(buildDir\)/);
    expect(refused.status).toBe(2);
    const valid = tempDir();
    writeFiles(valid, { 'engium.config.json': JSON.stringify({ exclude: ['vendor/**'] }), 'a.ts': 'export const a = 1;\n' });
    const scanned = spawnSync(process.execPath, [BUNDLED_CLI, valid], { encoding: 'utf8' });
    expect(scanned.stderr).toBe('');
    expect(scanned.status).toBe(0);
  });

  it('runs through a link to the bin from another folder, as npm links it into node_modules/.bin', () => {
    const elsewhere = tempDir();
    symlinkSync(BIN, join(elsewhere, 'engium-scan'));
    writeFiles(elsewhere, { 'engium.config.json': JSON.stringify({ buildDir: ['x'] }) });
    const result = spawnSync(join(elsewhere, 'engium-scan'), ['.'], { cwd: elsewhere, encoding: 'utf8' });
    expect(result.stderr).toMatch(/invalid config/);
    expect(result.status).toBe(2);
  });

  it('says to build first, in one line, where neither the bundle nor dist/ has been built', () => {
    const unbuilt = tempDir();
    writeFiles(unbuilt, { 'scanner/bin/engium-scan.js': readFileSync(BIN, 'utf8'), 'scanner/package.json': '{ "type": "module" }' });
    const result = spawnSync(process.execPath, [join(unbuilt, 'scanner/bin/engium-scan.js'), '.'], { cwd: unbuilt, encoding: 'utf8' });
    expect(result.stderr).toBe('engium-scan: the scanner is not built yet: run `npm run build` in the repository first\n');
    expect(result.status).toBe(2);
  });
});
