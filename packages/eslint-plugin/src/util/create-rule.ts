import { ESLintUtils } from '@typescript-eslint/utils';

/** What each rule's `meta.docs` says beyond the description; the configs are derived from it. */
export interface EngiumRuleDocs {
  /** In `recommended` (and so in `strict`). */
  recommended: boolean;
  /** Options the `strict` config sets (it reports what cannot be resolved). */
  strictOptions?: Record<string, unknown>;
  /** Options the `recommendedTypeChecked` config sets; present means the rule can use type information. */
  typeCheckedOptions?: Record<string, unknown>;
  /** Type information is required (only with the options above); read by eslint-doc-generator. */
  requiresTypeChecking?: boolean;
}

export const REPOSITORY_URL = 'https://github.com/engium/guard';

export function ruleDocsUrl(name: string): string {
  return `${REPOSITORY_URL}/blob/main/packages/eslint-plugin/docs/rules/${name}.md`;
}

export const createRule = ESLintUtils.RuleCreator<EngiumRuleDocs>(ruleDocsUrl);
