// One RuleTester for every rule test: typescript-eslint's tester, run by vitest.
import { RuleTester, type RunTests } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import { afterAll, describe, it } from 'vitest';
import { redactAllKeys } from '../src/util/safe-text.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

/**
 * Runs a rule's cases, typed by the rule's own message ids and options. The rule tester bundles
 * its own copy of @typescript-eslint/utils, so its RuleModule type is a structural twin of ours.
 */
export const ruleTester = {
  run<MessageIds extends string, Options extends readonly unknown[]>(
    name: string,
    rule: TSESLint.RuleModule<MessageIds, Options, unknown>,
    tests: RunTests<MessageIds, Options>,
  ): void {
    tester.run(name, rule as unknown as Parameters<typeof tester.run<MessageIds, Options>>[1], tests);
  },
};

/** Test names show code, and code holds keys: name each case by its code with every key (plain or encoded) redacted. */
export const safeName = redactAllKeys;

/** Names every case safely (see `safeName`); strings become `{ code }` cases. */
export function named<T extends { code: string; name?: string }>(cases: readonly (T | string)[]): T[] {
  return cases.map((item) => (typeof item === 'string' ? ({ code: item, name: safeName(item) } as T) : { ...item, name: item.name ?? safeName(item.code) }));
}

export { fakeKey } from '../../../test/support/index.js';
