// End to end: the real `engium-scan --format json` on the fixture apps. Each key's finding carries
// the exposure the module graph gives it and, for client findings, the chain that ships it.
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { expectNoFullKey, runScanner, tempDir, writeFiles } from '../support/index.js';
import { expoApp, monorepo, nextAppRouter, nextPagesRouter, nodeServer, svelteKit, viteReact, type FixtureApp } from './apps.js';

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  exposure: 'client' | 'server' | 'unknown';
  message: string;
  chain?: string[];
}

interface JsonReport {
  findings: JsonFinding[];
  stats: { warnings: { file: string; message: string }[] };
}

function scan(app: FixtureApp): JsonReport {
  const root = tempDir('engium-graph-cli-');
  writeFiles(root, app.files);
  const result = runScanner([root, '--format', 'json']);
  expectNoFullKey(result.stdout + result.stderr, app.keys);
  expect(result.stderr).toBe('');
  const report = JSON.parse(result.stdout) as JsonReport;
  // Never client without a chain.
  for (const finding of report.findings) {
    if (finding.exposure !== 'client') continue;
    expect(finding.chain?.length, finding.file).toBeGreaterThan(0);
    // The message names the chain that ships the key, as a person reads it; an env finding names
    // the client modules that read the variable (its chain is in the JSON).
    const named = finding.ruleId === 'engium/public-env-key' ? `Read by: ${(finding.chain ?? []).at(-1)?.replace(/ \(.*\)$/, '')}` : (finding.chain ?? []).join(' → ');
    expect(finding.message, finding.file).toContain(named);
  }
  return report;
}

/** file:line → [exposure, chain] for every finding, so a test states the whole verdict at once. */
function verdicts(report: JsonReport): Record<string, [string, string[] | undefined]> {
  return Object.fromEntries(report.findings.map((finding) => [`${finding.file}:${finding.line}`, [finding.exposure, finding.chain]]));
}

const messageOf = (report: JsonReport, file: string) => report.findings.find((finding) => finding.file === file)?.message ?? '';

describe('engium-scan --format json on fixture apps', () => {
  it('Next.js app router: "use client" chains, barrels, public env readers; route handlers stay server', () => {
    const report = scan(nextAppRouter());
    expect(verdicts(report)).toEqual({
      '.env.local:1': ['client', ['components/Widget.tsx ("use client")']],
      'lib/config/keys.ts:2': ['client', ['app/dashboard/page.tsx ("use client")', 'lib/config/index.ts', 'lib/config/keys.ts']],
      'lib/engium.ts:1': ['client', ['app/dashboard/page.tsx ("use client")', 'lib/engium.ts']],
      'lib/server-config.ts:1': ['server', undefined],
    });
    expect(messageOf(report, 'lib/engium.ts')).toContain('app/dashboard/page.tsx ("use client") → lib/engium.ts');
    expect(messageOf(report, 'lib/server-config.ts')).toContain('app/api/charge/route.ts (Next.js route handler) → lib/server-config.ts');
  });

  it('Next.js pages router: imports used only in getServerSideProps do not ship', () => {
    const report = scan(nextPagesRouter());
    expect(verdicts(report)).toEqual({
      'lib/api-client.ts:1': ['server', undefined],
      'lib/server-data.ts:2': ['server', undefined],
    });
    expect(messageOf(report, 'lib/server-data.ts')).toContain('pages/index.tsx (Next.js page, server side) → lib/server-data.ts');
  });

  it('Vite React: index.html entry, tsconfig.app.json paths, import.meta.env readers, server folder', () => {
    const report = scan(viteReact());
    expect(verdicts(report)).toEqual({
      '.env:1': ['client', ['src/main.tsx (Vite entry in index.html)', 'src/App.tsx', 'src/env.ts']],
      'server/engium.js:1': ['server', undefined],
      'src/api/client.ts:3': ['client', ['src/main.tsx (Vite entry in index.html)', 'src/App.tsx', 'src/api/client.ts']],
    });
  });

  it('SvelteKit: route components through $lib ship, $env/static/public readers are named', () => {
    const report = scan(svelteKit());
    expect(verdicts(report)).toEqual({
      '.env:1': ['client', ['src/routes/+page.svelte (SvelteKit route, runs in the browser)']],
      '.env:2': ['server', undefined],
      'src/lib/engium.ts:1': ['client', ['src/routes/+page.svelte (SvelteKit route, runs in the browser)', 'src/lib/engium.ts']],
    });
    expect(messageOf(report, '.env')).toContain('src/routes/+page.svelte');
  });

  it('Expo: router screens ship, +api routes stay server, the unreadable tsconfig base is a warning', () => {
    const report = scan(expoApp());
    expect(verdicts(report)).toEqual({
      '.env:1': ['client', ['app/index.tsx (Expo Router screen)', 'lib/config.ts']],
      'lib/engium.ts:1': ['client', ['app/index.tsx (Expo Router screen)', 'lib/engium.ts']],
      'lib/server-key.ts:1': ['server', undefined],
    });
    expect(report.stats.warnings).toEqual([{ file: 'tsconfig.json', message: expect.stringContaining('expo/tsconfig.base') }]);
  });

  it('monorepo: workspace packages by name and paths aliases; the Node service stays server', () => {
    const report = scan(monorepo());
    expect(verdicts(report)).toEqual({
      'packages/shared/src/keys.ts:1': ['client', ['apps/web/app/page.tsx ("use client")', 'packages/shared/src/keys.ts']],
      'packages/shared/src/server-keys.ts:1': ['server', undefined],
      'packages/ui/src/config.ts:1': [
        'client',
        ['apps/web/app/page.tsx ("use client")', 'packages/ui/src/index.ts', 'packages/ui/src/button.tsx', 'packages/ui/src/config.ts'],
      ],
    });
  });

  it('plain Node server: server from package.json main; an unresolvable import is a warning, not a stop', () => {
    const report = scan(nodeServer());
    expect(verdicts(report)).toEqual({ 'src/engium-client.js:1': ['server', undefined] });
    expect(report.stats.warnings).toEqual([{ file: 'src/broken.js', message: 'program analysis: cannot resolve "./does-not-exist.js"' }]);
  });

  it('built output: a Vite browser build maps back to the chain that ships it, a Node build stays server', () => {
    const app = viteReact();
    const root = tempDir('engium-graph-build-');
    writeFiles(root, app.files);
    // Real bundles with source maps, as `vite build` and a Node build would leave them.
    buildSync({
      entryPoints: [join(root, 'src/main.tsx')],
      bundle: true,
      outfile: join(root, 'dist/assets/index-4f1c.js'),
      sourcemap: true,
      format: 'esm',
      jsx: 'automatic',
      external: ['react', 'react-dom', 'react/*', 'react-dom/*'],
      alias: { '@': join(root, 'src') },
      define: { 'import.meta.env.VITE_ENGIUM_KEY': '"public"' },
      logLevel: 'silent',
    });
    writeFiles(root, { 'dist/index.html': '<!doctype html><script type="module" src="/assets/index-4f1c.js"></script>\n' });
    buildSync({ entryPoints: [join(root, 'server/index.js')], bundle: true, platform: 'node', format: 'esm', outfile: join(root, 'server/dist/index.js'), sourcemap: true, external: ['express'], logLevel: 'silent' });

    const result = runScanner([root, '--format', 'json']);
    expectNoFullKey(result.stdout + result.stderr, app.keys);
    const report = JSON.parse(result.stdout) as JsonReport & { findings: (JsonFinding & { origin?: { file: string } })[] };
    const bundled = report.findings.find((finding) => finding.file === 'dist/assets/index-4f1c.js');
    expect(bundled).toMatchObject({
      exposure: 'client',
      chain: ['src/main.tsx (Vite entry in index.html)', 'src/App.tsx', 'src/api/client.ts'],
      origin: { file: 'src/api/client.ts' },
    });
    expect(bundled?.message).toContain('src/main.tsx (Vite entry in index.html) → src/App.tsx → src/api/client.ts');
    const serverBundle = report.findings.find((finding) => finding.file === 'server/dist/index.js');
    expect(serverBundle).toMatchObject({ exposure: 'server', origin: { file: 'server/engium.js' } });
  });
});
