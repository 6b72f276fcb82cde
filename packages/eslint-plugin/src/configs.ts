/**
 * The shareable flat configs, derived from each rule's `meta.docs` so they cannot drift from the
 * rules: `recommended` (every recommended rule as an error), `strict` (also reports what cannot
 * be resolved) and `recommendedTypeChecked` (resolves across modules with type information).
 */
import parser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import type { EngiumRuleDocs } from './util/create-rule.js';

export const FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

type RuleEntry = 'error' | ['error', Record<string, unknown>];

interface DocumentedRule {
  meta: { docs?: EngiumRuleDocs };
}

export function ruleEntries(
  rules: Readonly<Record<string, DocumentedRule>>,
  namespace: string,
  options: (docs: EngiumRuleDocs) => Record<string, unknown> | undefined = () => undefined,
): Record<string, RuleEntry> {
  const entries: Record<string, RuleEntry> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const docs = rule.meta.docs;
    if (!docs?.recommended) continue;
    const ruleOptions = options(docs);
    entries[`${namespace}/${name}`] = ruleOptions ? ['error', ruleOptions] : 'error';
  }
  return entries;
}

export function buildConfigs(plugin: TSESLint.FlatConfig.Plugin, rules: Readonly<Record<string, DocumentedRule>>, namespace: string) {
  const base = {
    files: FILES,
    plugins: { [namespace]: plugin },
    languageOptions: {
      parser: parser as TSESLint.FlatConfig.Parser,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  };
  const recommended: TSESLint.FlatConfig.Config = {
    ...base,
    name: `${namespace}/recommended`,
    rules: ruleEntries(rules, namespace),
  };
  const strict: TSESLint.FlatConfig.Config = {
    ...base,
    name: `${namespace}/strict`,
    rules: ruleEntries(rules, namespace, (docs) => docs.strictOptions),
  };
  const recommendedTypeChecked: TSESLint.FlatConfig.Config = {
    ...base,
    name: `${namespace}/recommended-type-checked`,
    languageOptions: {
      ...base.languageOptions,
      parserOptions: { ...base.languageOptions.parserOptions, projectService: true },
    },
    rules: ruleEntries(rules, namespace, (docs) => docs.typeCheckedOptions),
  };
  return { recommended, strict, recommendedTypeChecked };
}
