/**
 * One key, one leak, in every report. A realistic Next-style build: the key is written once in
 * source, esbuild ships it in two client bundles (one with a source map that embeds the source)
 * and in a server bundle, and an earlier commit of the pull request had it in another file. The
 * CLI's text, JSON and SARIF reports and the action's summary, comment and outputs all show one
 * leak with all its places; a rerun of the action sends no second webhook.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeSecret } from '@engium/core';
import type { ScanReport } from '../../packages/scanner/src/finding.js';
import { expectValidReport, expectValidSarif } from '../scanner/support.js';
import { commitFiles, expectNoFullKey, fakeKey, git, gitRepo, runScanner, writeFiles } from '../support/index.js';
import { startGitHubServer, type GitHubServer } from './github-server.js';
import { pullRequestPayload, runAction, type ActionRun } from './run-action.js';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const KEY = fakeKey('live', 1818);
const { redacted, fingerprint } = describeSecret(KEY);

/** The places of the key in the built tree, as `file role`. */
const TREE_PLACES = [
  'src/engium.ts written',
  '.next/static/chunks/checkout.js built copy',
  '.next/static/chunks/checkout.js.map source map',
  '.next/static/chunks/account.js built copy',
  '.next/server/app/api.js built copy',
];

let repo: string;
let base: string;
let head: string;
let server: GitHubServer;

beforeAll(async () => {
  server = await startGitHubServer();
  repo = gitRepo('engium-one-leak-');
  writeFiles(repo, { '.gitignore': '.next/\nnode_modules/\n' });
  base = commitFiles(repo, { 'package.json': '{ "name": "shop", "private": true }\n', 'README.md': '# shop\n' }, 'initial');
  git(repo, 'checkout', '-q', '-b', 'feature');
  // An early commit of the pull request writes the key in a file that a later one deletes.
  commitFiles(repo, { 'src/draft.ts': `export const draftKey = '${KEY}';\n` }, 'draft the client');
  git(repo, 'rm', '-q', 'src/draft.ts');
  const tenant = '3f0c1a52-9d4e-4b8a-a1c2-7e5f0d9b6c14';
  head = commitFiles(
    repo,
    {
      'src/engium.ts': `export const ENGIUM_KEY = '${KEY}';\nexport const TENANT = '${tenant}';\n`,
      'app/checkout/page.tsx': [
        "'use client';",
        "import { ENGIUM_KEY, TENANT } from '../../src/engium';",
        'export function pay() {',
        "  return fetch('https://api.engium.app/api/v1/payments', { method: 'POST', headers: { Authorization: `Bearer ${ENGIUM_KEY}`, 'X-Tenant-ID': TENANT, 'Content-Type': 'application/json' }, body: '{}' });",
        '}',
        '',
      ].join('\n'),
      'app/account/page.tsx': "'use client';\nimport { ENGIUM_KEY } from '../../src/engium';\nexport const keyLength = ENGIUM_KEY.length;\n",
      'app/api/route.ts': "import { ENGIUM_KEY } from '../../src/engium';\nexport const GET = () => new Response(String(ENGIUM_KEY.length));\n",
    },
    'checkout and account pages',
  );
  // The build CI runs before the scan: gitignored output in the checkout.
  const common = { absWorkingDir: repo, bundle: true, format: 'esm', logLevel: 'silent' } as const;
  await build({ ...common, entryPoints: ['app/checkout/page.tsx'], outfile: join(repo, '.next/static/chunks/checkout.js'), sourcemap: true, sourcesContent: true });
  await build({ ...common, entryPoints: ['app/account/page.tsx'], outfile: join(repo, '.next/static/chunks/account.js'), sourcemap: true, sourcesContent: false });
  await build({ ...common, entryPoints: ['app/api/route.ts'], outfile: join(repo, '.next/server/app/api.js'), platform: 'node', sourcemap: true, sourcesContent: false });
});
afterAll(() => server.close());

function placeOf(finding: ScanReport['findings'][number]): string {
  const role = finding.commit ? 'history' : finding.file.endsWith('.map') ? 'source map' : finding.ruleId === 'engium/bundle-key' ? 'built copy' : 'written';
  return `${finding.file} ${role}`;
}

describe('engium-scan on the built tree', () => {
  it('text: one block for the key, the source place first with its chain, then the built copies and the map', () => {
    const result = runScanner([repo]);
    expectNoFullKey(result.stdout + result.stderr, [KEY]);
    const blocks = result.stdout.split('\n').filter((line) => /^(critical|high|medium|low) /.test(line));
    expect(blocks).toEqual([`critical client  live key ${redacted} fingerprint ${fingerprint}  5 places`]);
    const lines = result.stdout.split('\n');
    const primary = lines.findIndex((line) => line.startsWith('  src/engium.ts:1:'));
    expect(primary).toBe(1);
    expect(lines[primary + 1]).toMatch(/ships to the browser: app\/(checkout|account)\/page\.tsx \("use client"\) → src\/engium\.ts\./);
    const others = lines.slice(lines.indexOf('  also in 4 more places:') + 1, lines.indexOf('  also in 4 more places:') + 5).map((line) => line.trim().split(/\s+/)[0]?.replace(/:\d+:\d+$/, ''));
    expect(others.sort()).toEqual(['.next/server/app/api.js', '.next/static/chunks/account.js', '.next/static/chunks/checkout.js', '.next/static/chunks/checkout.js.map']);
    expect(result.stdout).toMatch(/built copy, from src\/engium\.ts:1:\d+/);
    expect(result.stdout).toMatch(/\n1 leaked key \(1 critical\) in 5 places; /);
  });

  it('JSON: every place a finding, one leak listing them all, the written place first', () => {
    const result = runScanner([repo, '--format', 'json']);
    const report = JSON.parse(result.stdout) as ScanReport;
    expectValidReport(report);
    expect(report.findings.map(placeOf).sort()).toEqual([...TREE_PLACES].sort());
    expect(report.leaks).toHaveLength(1);
    const [leak] = report.leaks ?? [];
    expect(leak).toMatchObject({ fingerprint, redacted, kind: 'live', severity: 'critical', exposure: 'client' });
    expect(leak?.findings.map((index) => placeOf(report.findings[index] as ScanReport['findings'][number]))[0]).toBe('src/engium.ts written');
    expect([...(leak?.findings ?? [])].sort()).toEqual(report.findings.map((_, index) => index));
    expectNoFullKey(result.stdout, [KEY]);
  });

  it('SARIF: one result per place, linked to each other, sharing one leak fingerprint', () => {
    const result = runScanner([repo, '--format', 'sarif']);
    const log = JSON.parse(result.stdout) as {
      runs: { results: { partialFingerprints: Record<string, string>; properties: { leak: { fingerprint: string; places: number } }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; relatedLocations?: { message: { text: string }; physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    expectValidSarif(log);
    const results = log.runs[0]?.results ?? [];
    expect(results).toHaveLength(5);
    expect(new Set(results.map((entry) => entry.properties.leak.fingerprint))).toEqual(new Set([fingerprint]));
    expect(results.every((entry) => entry.properties.leak.places === 5 && Object.keys(entry.partialFingerprints).length > 0)).toBe(true);
    const primary = results.find((entry) => entry.locations[0]?.physicalLocation.artifactLocation.uri === 'src/engium.ts');
    const linked = primary?.relatedLocations?.filter((related) => related.message.text.startsWith('the same key')).map((related) => related.physicalLocation.artifactLocation.uri);
    expect(linked?.sort()).toEqual(['.next/server/app/api.js', '.next/static/chunks/account.js', '.next/static/chunks/checkout.js', '.next/static/chunks/checkout.js.map']);
    const copy = results.find((entry) => entry.locations[0]?.physicalLocation.artifactLocation.uri === '.next/static/chunks/account.js');
    expect(copy?.relatedLocations?.map((related) => related.physicalLocation.artifactLocation.uri)).toContain('src/engium.ts');
    expectNoFullKey(result.stdout, [KEY]);
  });
});

describe('the action on the pull request', () => {
  let first: ActionRun;
  let rerun: ActionRun;
  const payload = () => pullRequestPayload({ number: 18, base, head });
  beforeAll(async () => {
    const options = { eventName: 'pull_request', payload: payload(), workspace: repo, apiUrl: server.url, inputs: { 'webhook-url': server.webhookUrl } };
    first = await runAction(options);
    rerun = await runAction(options);
  });

  it('counts one leaked key in six places; ESLint\'s report of the same key is folded in, not added', () => {
    expect(first.status, first.stdout + first.stderr).toBe(1);
    expect(first.outputs['leaked-keys']).toBe('1');
    expect(first.outputs.findings).toBe('6');
    expect(first.outputs.fingerprints).toBe(fingerprint);
    const annotation = first.commands.find((command) => command.command === 'error' && command.properties.file === 'src/engium.ts');
    expect(annotation?.message).toMatch(/ESLint's @engium\/no-key-in-client reports the same key at app\/checkout\/page\.tsx:4/);
  });

  it('the summary: one row for the key, the written place first, every other place after it', () => {
    expect(first.summary).toContain('**1 leaked key** in 6 places, 0 ESLint problems;');
    const rows = first.summary.split('\n').filter((line) => line.startsWith('| critical'));
    expect(rows).toHaveLength(1);
    const where = rows[0]?.split(/(?<!\\)\|/)[5] ?? '';
    expect(where.indexOf('<b><code>src/engium.ts')).toBeGreaterThanOrEqual(0);
    for (const file of ['checkout.js', 'checkout.js.map', 'account.js', 'api.js', 'draft.ts']) expect(where).toContain(file);
    expect(where).toContain(': history');
    expect(where).toContain(': source map');
    // ESLint's report of the key is a note on the leak, not a problem of its own.
    expect(rows[0]).toMatch(/ESLint agrees: <code>@engium\/no-key-in-client<\/code> at <code>app\/checkout\/page\.tsx:4<\/code>/);
    expect(first.summary).not.toContain('### Engium calls and client code (ESLint)');
  });

  it('the comment: one key, six places', () => {
    const comment = server.comments.find((entry) => entry.issue_number === 18);
    expect(comment?.body).toContain('This pull request leaks 1 live Engium API key, in 6 places');
    expect(comment?.body.match(new RegExp(`<code>${fingerprint}</code>`, 'g'))).toHaveLength(1);
    expect(comment?.body).toContain('src/draft.ts');
  });

  it('the JSON report of the run: one leak over every place, the repeated commit of the written file too', () => {
    const report = JSON.parse(first.json ?? '{}') as ScanReport;
    expectValidReport(report);
    expect(report.leaks).toHaveLength(1);
    expect(report.leaks?.[0]?.findings).toHaveLength(report.findings.length);
    expect(report.findings.map(placeOf)).toContain('src/draft.ts history');
  });

  it('SARIF of the run: every result, scanner or ESLint, carries partialFingerprints', () => {
    const log = JSON.parse(first.sarif ?? '{}') as { runs: { results: { partialFingerprints?: Record<string, string> }[] }[] };
    expectValidSarif(log);
    const results = log.runs.flatMap((run) => run.results);
    expect(results).toHaveLength(6);
    expect(results.every((result) => Object.keys(result.partialFingerprints ?? {}).length > 0)).toBe(true);
  });

  it('a history place whose line is gone at the head is annotated without a line, naming the commit and line', () => {
    const draft = first.commands.find((command) => command.properties.file === 'src/draft.ts');
    expect(draft?.properties.line).toBeUndefined();
    expect(draft?.message).toMatch(/It was on line 1 of src\/draft\.ts in commit [0-9a-f]{12}/);
  });

  it('sends the webhook once: the rerun finds the leak alerted, in the same places', () => {
    expect(rerun.status).toBe(1);
    expect(server.webhooks).toHaveLength(1);
    const alert = server.webhooks[0] as { keys: { fingerprint: string; status: string; new: boolean; locations: unknown[] }[] };
    expect(alert.keys).toEqual([expect.objectContaining({ fingerprint, status: 'new', new: true })]);
    expect(alert.keys[0]?.locations).toHaveLength(6);
    expect(rerun.stdout).toContain('nothing new to send');
    expect(server.comments.filter((entry) => entry.issue_number === 18)).toHaveLength(1);
    expectNoFullKey(server.allRequestText() + first.summary + rerun.summary + (first.sarif ?? '') + (first.json ?? ''), [KEY]);
  });
});
