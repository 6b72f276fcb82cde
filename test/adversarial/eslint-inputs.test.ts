// The ESLint plugin on what a hostile or merely strange file holds: a key in every kind of token
// (a regular expression literal among them), a megabyte of minified code on one line, and
// nesting as deep as the parser goes. A real ESLint run with the plugin's strict config: the
// plugin must never throw on what the parser accepts, never print a full key, and report each key.
import { redact } from '@engium/core';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../packages/eslint-plugin/src/index.js';
import { expectNoFullKey, fakeKey } from '../support/index.js';

const KEY = fakeKey('live', 973);
const linter = new Linter({ configType: 'flat' });
const strict = plugin.configs.strict as Linter.Config;
const config: Linter.Config[] = [{ ...strict, files: ['**/*.tsx'] }];

/** `line:column messageId` of each problem, after checking none is a crash and none prints the key. */
function lint(code: string): string[] {
  const messages = linter.verify(code, config, { filename: 'hostile.tsx' });
  expectNoFullKey(JSON.stringify(messages), [KEY]);
  for (const message of messages) expect(message.fatal ?? false, message.message).toBe(false);
  return messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? ''}/${message.messageId ?? ''}`);
}

const HARDCODED = '@engium/no-hardcoded-key/hardcodedKey';

describe('a key in every kind of token', () => {
  it.each([
    ['a regular expression literal', `const pattern = /${KEY}/u;`, 18],
    ['a string', `const text = "${KEY}";`, 15],
    // Once, where it is written: not again for the template that holds it.
    ['a template', `const text = \`key \${1} ${KEY}\`;`, 24],
    ['JSX text', `const element = <p>${KEY}</p>;`, 20],
    ['a comment', `/* ${KEY} */ export {};`, 4],
  ])('%s', (_, code, column) => {
    expect(lint(code)).toEqual([`1:${column} ${HARDCODED}`]);
  });

  it('reports the redacted form only', () => {
    const [message] = linter.verify(`const pattern = /${KEY}/;`, config, { filename: 'hostile.tsx' });
    expect(message?.message).toContain(redact(KEY));
  });
});

describe('big and deep files', () => {
  it('a megabyte of minified code on one line, with a key at its end', () => {
    const strings = Array.from({ length: 60_000 }, (_, index) => `"s${index}"`).join(',');
    const code = `var a=[${strings}],k="${KEY}";fetch("https://api.engium.app/api/v1/x",{headers:{Authorization:"Bearer "+k}});`;
    const problems = lint(code);
    expect(problems).toContain(`1:${code.indexOf(KEY) + 1} ${HARDCODED}`);
  });

  it.each([
    ['arrays', (depth: number) => `const o = ${'['.repeat(depth)}"${KEY}"${']'.repeat(depth)};`],
    ['functions', (depth: number) => `${'function f(){'.repeat(depth)}const k = "${KEY}";${'}'.repeat(depth)}`],
    ['JSX elements', (depth: number) => `const e = ${'<div>'.repeat(depth)}${KEY}${'</div>'.repeat(depth)};`],
    ['calls', (depth: number) => `fetch("https://api.engium.app/api/v1/x", ${'f('.repeat(depth)}{ headers: { Authorization: "Bearer ${KEY}" } }${')'.repeat(depth)});`],
  ])('%s nested as deep as the parser goes: the key is reported, nothing throws', (_, nest) => {
    // The deepest nesting the parser takes, found by halving: the plugin must handle all of it.
    const parses = (depth: number) => !linter.verify(nest(depth), [{ files: ['**/*.tsx'], languageOptions: strict.languageOptions ?? {} }], { filename: 'probe.tsx' }).some((message) => message.fatal);
    let low = 1;
    let high = 4096;
    while (low < high) {
      const depth = Math.ceil((low + high) / 2);
      if (parses(depth)) low = depth;
      else high = depth - 1;
    }
    // The limit moves with the stack frames the JIT has compiled by then and with the rules' own
    // frames below the parser's: a depth the parser took while probing may overflow in the real run,
    // so the run keeps a margin of a twentieth below it.
    const deepest = Math.floor(low * 0.95);
    expect(lint(nest(deepest))).toContain(`1:${nest(deepest).indexOf(KEY) + 1} ${HARDCODED}`);
  });
});
