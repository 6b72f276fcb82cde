import { describeSecret } from '@engium/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeKey } from '../../../test/support/index.js';
import { parseWorkflowCommands } from '../../../test/action/run-action.js';
import { annotate } from '../src/annotations.js';
import { escapeMarkdown, summaryMarkdown } from '../src/markdown.js';
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
});
