// Keys in source files, plain and hidden: exact positions, severities and exposure from file markers.
import { redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import { fakeKey, tempDir, writeFiles } from '../support/index.js';
import { scanJson, summaries } from './support.js';

const live = fakeKey('live', 1);
const test = fakeKey('test', 2);
const assembled = fakeKey('live', 3);
const templated = fakeKey('live', 4);
const base64 = fakeKey('live', 5);
const escaped = fakeKey('live', 6);
const percent = fakeKey('live', 7);
const ignored = fakeKey('live', 8);
const keys = [live, test, assembled, templated, base64, escaped, percent, ignored];
const body = (key: string) => key.slice('eng_live_'.length);

/** `line:column` (1-based) of `needle` in `text`, computed independently of the scanner. */
function at(text: string, needle: string): string {
  const before = text.slice(0, text.indexOf(needle));
  expect(before.length).toBeLessThan(text.length);
  const lines = before.split('\n');
  return `${lines.length}:${(lines.at(-1) ?? '').length + 1}`;
}

describe('keys in source', () => {
  const dir = tempDir();
  const files: Record<string, string> = {
    'app/widget.tsx': `"use client";\n\nexport const KEY = "${test}";\n`,
    'app/api/pay/route.ts': `export async function POST() {\n  return fetch("/x", { headers: { Authorization: "Bearer ${live}" } });\n}\n`,
    'lib/assembled.ts': `const PREFIX = "eng_" + "live_";\nexport const KEY = PREFIX + "${body(assembled)}";\nfetch("/y", { headers: { Authorization: \`Bearer \${KEY}\` } });\n`,
    'lib/template.js': `const BODY = '${body(templated)}';\nconst kind = "live";\nmodule.exports = \`eng_live_\${BODY}\`;\n`,
    'lib/hidden.ts': `export const a = atob("${Buffer.from(base64).toString('base64')}");\nexport const b = "${[...escaped].map((char) => `\\x${char.charCodeAt(0).toString(16)}`).join('')}";\n`,
    'docs/setup.md': `Call the API with\n\n    curl -H "Authorization: Bearer ${encodeURIComponent(percent).replace(/_/g, '%5F')}"\n`,
    'lib/ignored.ts': `// engium-ignore: documented sandbox key\nexport const SANDBOX = "${ignored}";\n`,
    'lib/placeholders.ts': 'export const EXAMPLE = "eng_live_xxxxxxxxxxxx";\nexport const NAME = "eng_live_subscription_count";\nconst YOURS = "eng_test_YOURKEYHERE";\nexport const EXPERIMENT = "eng_test_checkoutFlowRedesignExperiment";\n',
    'config/app.yaml': `engium:\n  key: ${live}\n`,
  };
  writeFiles(dir, files);
  const where = (file: string, needle: string) => `${file}:${at(files[file] ?? '', needle)}`;

  it('reports every key once, where it is written, with exact positions', () => {
    const { report, status } = scanJson(dir, keys, ['--no-graph']);
    expect(summaries(report)).toEqual([
      `${where('app/api/pay/route.ts', live)} engium/source-key high server plain ${redact(live)}`,
      `${where('app/widget.tsx', test)} engium/source-key medium client plain ${redact(test)}`,
      `${where('config/app.yaml', live)} engium/source-key high unknown plain ${redact(live)}`,
      `${where('docs/setup.md', 'eng%5Flive')} engium/source-key high unknown percent ${redact(percent)}`,
      `${where('lib/assembled.ts', 'PREFIX + ')} engium/source-key high unknown concatenation ${redact(assembled)}`,
      `${where('lib/hidden.ts', Buffer.from(base64).toString('base64'))} engium/source-key high unknown base64 ${redact(base64)}`,
      `${where('lib/hidden.ts', '\\x65\\x6e\\x67')} engium/source-key high unknown escape ${redact(escaped)}`,
      `${where('lib/template.js', '`eng_live_')} engium/source-key high unknown concatenation ${redact(templated)}`,
    ]);
    expect(status).toBe(1);
    expect(report.stats.suppressed).toBe(1);
  });

  it('names the client chain and says what to do', () => {
    const { report } = scanJson(dir, keys, ['--no-graph']);
    const client = report.findings.find((finding) => finding.exposure === 'client');
    expect(client?.chain).toEqual(['app/widget.tsx (use-client)']);
    expect(client?.message).toContain('POST /auth/login');
    expect(client?.message).toContain('Settings → Developer → API Keys');
    const server = report.findings.find((finding) => finding.exposure === 'server');
    expect(server?.message).toMatch(/environment variable/);
    expect(server?.chain).toBeUndefined();
  });

  it('shows code frames with every key redacted', () => {
    const { report } = scanJson(dir, keys, ['--no-graph']);
    const assembledFinding = report.findings.find((finding) => finding.encoding === 'concatenation' && finding.file === 'lib/assembled.ts');
    expect(assembledFinding?.snippet?.text).toBe(`export const KEY = ${redact(assembled)};`);
    expect(assembledFinding?.snippet?.column).toBe(20);
    for (const finding of report.findings) expect(finding.snippet?.text).toContain(finding.secret.redacted);
  });
});
