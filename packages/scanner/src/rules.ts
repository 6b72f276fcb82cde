import { JWT_FLOW_ADVICE, ROTATION_STEPS, SERVER_SIDE_ADVICE } from '@engium/core';

/**
 * The scanner's rules: one per place a key is found. A finding's `ruleId` is one of these ids;
 * SARIF lists them with their help text. Exposure (client/server) is a property of the finding,
 * not a rule, so one rule covers both.
 */
export interface ScanRule {
  id: string;
  name: string;
  shortDescription: string;
  /** Plain-text help shown by code-scanning UIs. */
  help: string;
}

const ROTATION = ROTATION_STEPS.map((step, index) => `${index + 1}. ${step}`).join('\n');

function help(what: string, fix: string): string {
  return `${what}\n\n${fix}\n\nA committed or shipped key must be treated as leaked:\n${ROTATION}`;
}

export const RULES = {
  sourceKey: {
    id: 'engium/source-key',
    name: 'SourceKey',
    shortDescription: 'Engium API key in a committed file',
    help: help(
      'An Engium API key is written in a file of the repository (source, config or docs).',
      `Remove it: ${SERVER_SIDE_ADVICE}. If the code runs in a browser, ${JWT_FLOW_ADVICE}.`,
    ),
  },
  publicEnvKey: {
    id: 'engium/public-env-key',
    name: 'PublicEnvKey',
    shortDescription: 'Engium API key under a public env prefix',
    help: help(
      'A .env variable whose name has a public prefix (NEXT_PUBLIC_, VITE_, …) holds an Engium API key: the bundler inlines it into every browser bundle.',
      `Rename the variable without the public prefix and read it on the server only; ${JWT_FLOW_ADVICE}.`,
    ),
  },
  envFileKey: {
    id: 'engium/env-file-key',
    name: 'EnvFileKey',
    shortDescription: 'Engium API key in a committed .env file',
    help: help(
      'A .env file that is not gitignored holds an Engium API key, so everyone with the repository has it.',
      'Move the key to a gitignored file such as .env.local or to your secret store, and gitignore the env file.',
    ),
  },
  bundleKey: {
    id: 'engium/bundle-key',
    name: 'BundleKey',
    shortDescription: 'Engium API key in built output',
    help: help(
      'Built output (a bundle, its source map or a static asset) holds an Engium API key; whatever is deployed from it carries the key.',
      `Find the source that put it there (the finding's origin), ${SERVER_SIDE_ADVICE}, and rebuild. In the browser, ${JWT_FLOW_ADVICE}.`,
    ),
  },
  shippedKey: {
    id: 'engium/shipped-key',
    name: 'ShippedKey',
    shortDescription: 'Engium API key inside a shipped app or package',
    help: help(
      'A file inside an app package (APK, AAB, IPA, Electron asar, browser extension) or inside the npm package about to be published holds an Engium API key: anyone who downloads or installs it can extract the key.',
      `Take the key out of the app or package and ${SERVER_SIDE_ADVICE}; ${JWT_FLOW_ADVICE}. Then rebuild and publish again.`,
    ),
  },
  historyKey: {
    id: 'engium/history-key',
    name: 'HistoryKey',
    shortDescription: 'Engium API key in git history',
    help: help(
      'A commit added an Engium API key. Removing it in a later commit does not help: every clone keeps the history.',
      `Rotate the key, then ${SERVER_SIDE_ADVICE}.`,
    ),
  },
  stagedKey: {
    id: 'engium/staged-key',
    name: 'StagedKey',
    shortDescription: 'Engium API key in staged changes',
    help: help(
      'The commit being made would record an Engium API key.',
      'Unstage the file, move the key to a gitignored env file, and rotate it if it was ever pushed. In an emergency, `git commit --no-verify` bypasses the hook.',
    ),
  },
} as const satisfies Record<string, ScanRule>;

export type RuleName = keyof typeof RULES;

const BY_ID = new Map<string, ScanRule>(Object.values(RULES).map((rule) => [rule.id, rule]));

/** The rule with `id`, or a generic description for ids another tool made up. */
export function ruleById(id: string): ScanRule {
  return BY_ID.get(id) ?? { id, name: id, shortDescription: 'Engium API key', help: help('An Engium API key was found.', SERVER_SIDE_ADVICE) };
}
