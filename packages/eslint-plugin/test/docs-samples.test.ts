// The docs' code samples are linted with their own rule, and must report exactly the lines the
// page marks with `// ✗ <messageId>` (correct samples: nothing). Info strings carry the sample's
// kind, and optionally `file=<path>` and `options=<json>`.
import { redact } from '@engium/core';
import { Linter } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findKeys } from '@engium/core';
import plugin from '../src/index.js';

const docsDir = join(dirname(fileURLToPath(import.meta.url)), '../docs/rules');
const pages = readdirSync(docsDir).filter((name) => name.endsWith('.md'));

interface Sample {
  kind: 'correct' | 'incorrect';
  language: string;
  file: string | undefined;
  options: unknown;
  code: string;
  line: number;
}

function samples(markdown: string): Sample[] {
  const found: Sample[] = [];
  const fence = /^```(\w+) (correct|incorrect)([^\n]*)\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(fence)) {
    const [, language = '', kind, attributes = '', code = ''] = match;
    const file = /\bfile=(\S+)/.exec(attributes)?.[1];
    const options = /\boptions=(\S+)/.exec(attributes)?.[1];
    found.push({
      kind: kind as Sample['kind'],
      language,
      file,
      options: options ? JSON.parse(options) : undefined,
      code,
      line: markdown.slice(0, match.index).split('\n').length,
    });
  }
  return found;
}

/** `line:messageId` for every line marked `✗ <messageId>`. */
function expectedReports(code: string): string[] {
  return code.split('\n').flatMap((text, index) => [...text.matchAll(/✗ (\w+)/g)].map((match) => `${index + 1}:${match[1]}`));
}

describe.each(pages)('docs/rules/%s', (page) => {
  const ruleName = page.replace(/\.md$/, '');
  const markdown = readFileSync(join(docsDir, page), 'utf8');
  const pageSamples = samples(markdown);

  it('has correct and incorrect samples', () => {
    expect(pageSamples.some((sample) => sample.kind === 'correct')).toBe(true);
    expect(pageSamples.some((sample) => sample.kind === 'incorrect')).toBe(true);
  });

  it.each(pageSamples.map((sample) => [`${sample.kind} sample at line ${sample.line}`, sample] as const))('%s reports what the page says', (_, sample) => {
    const linter = new Linter({ configType: 'flat' });
    const ruleId = `@engium/${ruleName}`;
    const filename = join(process.cwd(), sample.file ?? `sample.${sample.language}`);
    const messages = linter.verify(
      sample.code,
      [{ ...plugin.configs.recommended, rules: { [ruleId]: sample.options ? ['error', sample.options] : 'error' } } satisfies TSESLint.FlatConfig.Config as Linter.Config],
      { filename },
    );
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    const reported = messages.map((message) => `${message.line}:${message.messageId}`).sort();
    expect(reported).toEqual(sample.kind === 'correct' ? [] : expectedReports(sample.code).sort());
    if (sample.kind === 'incorrect') expect(reported.length).toBeGreaterThan(0);
    // Messages show keys redacted, never whole.
    for (const { key } of findKeys(sample.code)) {
      for (const message of messages) expect(message.message.includes(key), `message shows ${redact(key)} in full`).toBe(false);
    }
  });
});
