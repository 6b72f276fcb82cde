import { describeSecret } from '@engium/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeKey } from '../../../test/support/index.js';
import { parseWorkflowCommands } from '../../../test/action/run-action.js';
import { annotate } from '../src/annotations.js';
import { escapeMarkdown, summaryMarkdown } from '../src/markdown.js';
import { RULE_PREFIX } from '../src/lint.js';
import { mergeLintIntoFindings } from '../src/merge-lint.js';
import { sarifLog } from '../src/sarif.js';
import { emptyResults, type KeyFinding, type LintProblem, type RunResults } from '../src/results.js';

function finding(seed: number, extra: Partial<KeyFinding>): KeyFinding {
  const secret = describeSecret(fakeKey('live', seed));
  return {
    ruleId: 'engium/source-key',
    severity: 'high',
    message: `Live Engium key ${secret.redacted} is committed.`,
    file: `src/file-${seed}.ts`,
    line: 1,
    column: 1,
    exposure: 'server',
    secret,
    encoding: 'plain',
    onChangedLine: false,
    ...extra,
  };
}

const lint: LintProblem = {
  ruleId: 'engium/require-tenant-header',
  severity: 'high',
  message: 'no X-Tenant-ID',
  file: 'src/api.ts',
  line: 4,
  column: 2,
  endLine: 4,
  endColumn: 30,
  onChangedLine: true,
};

let written = '';
const originalWrite = process.stdout.write.bind(process.stdout);
beforeEach(() => {
  written = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
});
afterEach(() => {
  process.stdout.write = originalWrite;
});

describe('annotate', () => {
  it('puts the most severe first, then lines the change added, since GitHub shows 10 of a kind', () => {
    const results: RunResults = {
      ...emptyResults(),
      findings: [
        finding(1, { file: 'b.ts', severity: 'high' }),
        finding(2, { file: 'c.ts', severity: 'high', onChangedLine: true }),
        finding(3, { file: 'a.ts', severity: 'critical', exposure: 'client' }),
        finding(4, { file: 'd.ts', severity: 'low' }),
        finding(5, { file: 'e.ts', severity: 'high', baselined: true }),
      ],
      lintProblems: [lint],
    };
    annotate(results);
    const commands = parseWorkflowCommands(written);
    expect(commands.map((command) => [command.command, command.properties.file])).toEqual([
      ['error', 'a.ts'],
      ['error', 'c.ts'],
      ['error', 'src/api.ts'],
      ['error', 'b.ts'],
      ['notice', 'e.ts'],
      ['notice', 'd.ts'],
    ]);
    expect(commands[2]?.properties).toMatchObject({ line: '4', col: '2', endColumn: '30' });
  });

  it('escapes file names and messages so they cannot inject workflow commands', () => {
    const hostile = 'x,line=99::%0A\r\n::error file=evil.ts::pwned';
    annotate({ ...emptyResults(), findings: [finding(6, { file: hostile, message: 'a\n::warning::b %25\u202e\u001b[2J' })] });
    const lines = written.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const [command] = parseWorkflowCommands(written);
    expect(command?.properties.file).toBe(hostile);
    expect(command?.properties.line).toBe('1');
    // The message is escaped as every text output is: its newline, bidi override and escape show as such.
    expect(command?.message.startsWith('a\\n::warning::b %25\\u202e\\x1b[2J')).toBe(true);
  });

  it('puts a history finding on its line only while that line is still there, else names the commit and line', () => {
    const commit = { sha: 'f6765cb90a93'.padEnd(40, '0'), author: 'Ada', date: '2026-01-02T03:04:05Z', presentAtHead: false };
    const message = `Live Engium key eng_live_…abcd was added in commit ${commit.sha.slice(0, 12)} (Ada, 2026-01-02) to src/a.ts.`;
    annotate({
      ...emptyResults(),
      findings: [
        finding(8, { file: 'src/kept.ts', line: 7, ruleId: 'engium/history-key', commit, message, lineAtHead: true }),
        finding(9, { file: 'src/moved.ts', line: 12, ruleId: 'engium/history-key', commit, message, lineAtHead: false }),
      ],
    });
    const [kept, moved] = parseWorkflowCommands(written);
    expect(kept?.properties).toMatchObject({ file: 'src/kept.ts', line: '7' });
    expect(moved?.properties.file).toBe('src/moved.ts');
    expect(moved?.properties.line).toBeUndefined();
    expect(moved?.message).toContain(`It was on line 12 of src/moved.ts in commit ${commit.sha.slice(0, 12)}`);
    // The commit is named once per annotation, by the finding's own message.
    expect(kept?.message.split(commit.sha.slice(0, 12)).length).toBe(2);
  });
});

describe('ESLint and the scanner on one key', () => {
  it('folds no-key-in-client into the scanner finding in the same file or chain, and keeps other rules', () => {
    const inFile = finding(10, { file: 'app/pay.tsx', line: 2, exposure: 'client', severity: 'critical', chain: ['app/pay.tsx ("use client")'] });
    const viaChain = finding(11, { file: '.env', ruleId: 'engium/public-env-key', exposure: 'client', severity: 'critical', chain: ['app/widget.tsx ("use client")'] });
    const keyInClient = (file: string, line: number): LintProblem => ({ ...lint, ruleId: `${RULE_PREFIX}no-key-in-client`, severity: 'critical', file, line });
    const left = mergeLintIntoFindings([inFile, viaChain], [keyInClient('app/pay.tsx', 3), keyInClient('app/widget.tsx', 5), keyInClient('app/other.tsx', 1), lint]);
    expect(left.map((problem) => `${problem.ruleId} ${problem.file}`)).toEqual([`${RULE_PREFIX}no-key-in-client app/other.tsx`, 'engium/require-tenant-header src/api.ts']);
    expect(inFile.alsoReportedBy).toEqual([{ ruleId: `${RULE_PREFIX}no-key-in-client`, file: 'app/pay.tsx', line: 3, column: 2 }]);
    expect(viaChain.alsoReportedBy?.map((problem) => problem.file)).toEqual(['app/widget.tsx']);
  });

  it('folds a problem in a module that uses the name the key is bound to, and only that name', () => {
    const key = finding(12, { file: 'src/engium.ts', exposure: 'client', severity: 'critical', chain: ['app/a.tsx ("use client")', 'src/engium.ts'], snippet: { text: "export const ENGIUM_KEY = 'eng_live_…abcd';", column: 28 } });
    const bearer = (name: string): LintProblem => ({ ...lint, ruleId: `${RULE_PREFIX}no-key-in-client`, file: 'app/b.tsx', message: `This file runs in the browser and sends ${name} as a Bearer token.` });
    const left = mergeLintIntoFindings([key], [bearer('ENGIUM_KEY'), bearer('ENGIUM_KEY_2')]);
    expect(left.map((problem) => problem.message)).toEqual(['This file runs in the browser and sends ENGIUM_KEY_2 as a Bearer token.']);
    expect(key.alsoReportedBy?.map((problem) => problem.file)).toEqual(['app/b.tsx']);
  });

  it('gives every ESLint result in the SARIF file a partial fingerprint that does not move with its line', () => {
    const log = sarifLog({ ...emptyResults(), lintProblems: [lint, { ...lint, line: 9 }, { ...lint, file: 'src/b.ts' }] });
    const fingerprints = log.runs[1]?.results?.map((result) => result.partialFingerprints?.['engiumLintProblem/v1']);
    expect(fingerprints).toHaveLength(3);
    expect(new Set(fingerprints).size).toBe(3);
    const moved = sarifLog({ ...emptyResults(), lintProblems: [{ ...lint, line: 20 }] });
    expect(moved.runs[1]?.results?.[0]?.partialFingerprints).toEqual(log.runs[1]?.results?.[0]?.partialFingerprints);
  });
});

describe('summary Markdown', () => {
  it('escapes what comes from the repository', () => {
    // A newline shows as `\n` (its backslash escaped for Markdown), never breaks the table row.
    expect(escapeMarkdown('a|b <img src=x> `c` *d*\ne')).toBe('a\\|b &lt;img src=x&gt; \\`c\\` \\*d\\*\\\\ne');
    expect(escapeMarkdown('\u202eevil\u001b[2J')).toBe('\\\\u202eevil\\\\x1b\\[2J');
    const summary = summaryMarkdown(
      { ...emptyResults(), findings: [finding(7, { file: 'pipe|name<script>.ts' })] },
      { failOn: 'high', description: 'test', blocking: 1 },
    );
    const row = summary.split('\n').find((line) => line.includes('pipe'));
    expect(row).toContain('pipe\\|name&lt;script&gt;.ts');
    expect(row?.split(/(?<!\\)\|/).length).toBe(9);
  });

  it("stays under GitHub's 1 MiB for a job summary however long the paths, cutting each list at a row and saying how many are left", () => {
    // 200 keys, each in ten files whose names (three 240-character folders deep) take a kilobyte: 2 MB of places.
    const folder = ['a', 'b', 'c'].map((letter) => letter.repeat(240)).join('/');
    const findings = Array.from({ length: 200 }, (_, key) =>
      Array.from({ length: 10 }, (_, place) => finding(2000 + key, { file: `${folder}/key-${key}-place-${place}.ts` })),
    ).flat();
    const skipped = Array.from({ length: 200 }, (_, index) => ({ file: `${folder}/binary-${index}.bin`, reason: 'binary' }));
    const summary = summaryMarkdown({ ...emptyResults(), findings, skipped }, { failOn: 'high', description: 'test', blocking: findings.length });
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThan(1024 * 1024);
    const rows = summary.split('\n').filter((line) => line.startsWith('| high'));
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.length).toBeLessThan(200);
    expect(summary).toContain(`…and ${200 - rows.length} more: the SARIF file lists every one.`);
    // The sections after the cut list are still there.
    expect(summary).toContain('### Rotate every leaked live key');
    expect(summary).toContain('Files not scanned');
  });
});
