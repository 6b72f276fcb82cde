// Bundlers run from package.json scripts: their flags say what a config file would (platform,
// output folder, entries, defines), read through the framework table's `commandLine` rows.
import { describe, expect, it } from 'vitest';
import { fakeKey } from '../../../../test/support/index.js';
import { analyseApp } from './support.js';

const WRITTEN = fakeKey('live', 904);

describe('builds that package.json scripts run', () => {
  it('reads esbuild, Rollup and tsup command lines however they are run and chained', async () => {
    const scripts = {
      // Browser by esbuild's default, through npx, after another command; a define from the shell's environment.
      'build:widget': 'rm -rf public/js && npx esbuild src/widget.ts --bundle --define:process.env.WIDGET_KEY="\\"$WIDGET_KEY\\"" --outdir=public/js',
      // Node, by flag: its output is server code, and its define injects into server code.
      'build:server': 'dotenv -- esbuild server/main.ts --bundle --platform=node --define:__REPORTS_KEY__=\\"${REPORTS_KEY}\\" --outfile=build/server.js',
      // Rollup's short flags: an IIFE for a <script> tag.
      'build:badge': 'rollup -f iife -o static/badge.js src/badge.js',
      // tsup builds for Node unless told otherwise.
      'build:cli': 'tsup src/cli.ts -d bin',
      // A key written in a define ships as written.
      'build:demo': `esbuild src/demo.ts --bundle --define:DEMO_KEY=\\"${WRITTEN}\\" --outfile=demo/demo.js`,
      // No entry on the command line: the config file decides, and none is here.
      'build:config': 'rollup -c',
      // Not a build: a word after another program.
      'say': 'echo esbuild src/cli.ts --outdir=public/cli',
    };
    const analysis = await analyseApp({
      'package.json': `${JSON.stringify({ name: 'app', private: true, scripts }, null, 2)}\n`,
      'src/widget.ts': `import { headers } from './headers';\nfetch('/x', { headers: headers(process.env.WIDGET_KEY) });\n`,
      'src/headers.ts': `export const headers = (key?: string) => ({ Authorization: \`Bearer \${key}\` });\n`,
      'src/badge.js': `document.title = 'badge';\n`,
      'src/cli.ts': `console.log('cli');\n`,
      'src/demo.ts': `declare const DEMO_KEY: string;\nconsole.log(DEMO_KEY);\n`,
      'server/main.ts': `declare const __REPORTS_KEY__: string;\nconsole.log(__REPORTS_KEY__);\n`,
    });
    expect(analysis.exposureOf('src/headers.ts').chain).toEqual(['src/widget.ts (esbuild entry in package.json:5)', 'src/headers.ts']);
    expect(analysis.exposureOf('src/badge.js').chain).toEqual(['src/badge.js (Rollup entry in package.json:7)']);
    expect(analysis.buildExposure('public/js/widget.js', []).exposure).toBe('client');
    expect(analysis.buildExposure('static/badge.js', [])).toMatchObject({ exposure: 'client', reason: expect.stringContaining("format: 'iife'") });
    expect(analysis.buildExposure('build/server.js', [])).toMatchObject({ exposure: 'server', reason: expect.stringContaining("platform: 'node'") });
    expect(analysis.buildExposure('bin/cli.js', [])).toMatchObject({ exposure: 'server', reason: expect.stringContaining('tsup builds for Node unless told otherwise') });
    expect(analysis.envInjection('WIDGET_KEY')).toMatchObject({ exposure: 'client', where: 'package.json:5' });
    expect(analysis.envInjection('REPORTS_KEY')).toMatchObject({ exposure: 'server', where: 'package.json:6' });
    expect(analysis.configExposure('package.json', 9)).toMatchObject({ exposure: 'client', where: 'package.json:9' });
    expect(analysis.configExposure('package.json', 6)?.exposure).toBe('server');
    expect(analysis.exposureOf('src/cli.ts').exposure).not.toBe('client');
    expect(analysis.buildExposure('public/cli/cli.js', []).exposure).toBe('unknown');
  });
});

describe('build scripts under a shared name', () => {
  it('reads a build.mjs as an esbuild config only when it imports esbuild', async () => {
    const webpackScript = await analyseApp({
      'package.json': JSON.stringify({ name: 'app', private: true }),
      'build.mjs': `import webpack from 'webpack';\nimport config from './webpack.config.js';\nwebpack(config, () => {});\n`,
      'server/main.js': `console.log('server');\n`,
    });
    // Not esbuild's: its default (browsers, into dist) says nothing about this project's dist.
    expect(webpackScript.buildExposure('dist/server/main.js', []).exposure).toBe('unknown');
    const esbuildScript = await analyseApp({
      'package.json': JSON.stringify({ name: 'app', private: true }),
      'scripts/build.mjs': `import { build } from "esbuild";\nawait build({ entryPoints: ['server/main.js'], platform: 'node', outdir: 'dist/server' });\n`,
      'server/main.js': `console.log('server');\n`,
    });
    expect(esbuildScript.buildExposure('dist/server/main.js', [])).toMatchObject({ exposure: 'server', reason: expect.stringContaining("platform: 'node'") });
  });
});
