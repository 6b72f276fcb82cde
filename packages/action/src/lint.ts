/**
 * The ESLint plugin's recommended rules on the changed JS/TS files, through ESLint's Node API with
 * the action's own flat config: never the repository's eslint.config.*, which is code, and no
 * inline `eslint-disable` comments, which the change itself could add.
 */
import { DEFAULT_API_BASE_URL, type Severity } from '@engium/core';
import type { EngiumConfig } from '@engium/scanner';
import engium from '@engium/eslint-plugin';
import { ESLint, type Linter } from 'eslint';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LintProblem } from './results.js';

export const LINTED_EXTENSIONS = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** The plugin's rule ids are `<namespace>/<rule>`. */
export const RULE_PREFIX = `${engium.meta.namespace}/`;

/** Keys in code are the scanner's to report (with exposure and fingerprint); one problem, one report. */
const LEFT_TO_THE_SCANNER = new Set([`${RULE_PREFIX}no-hardcoded-key`]);

/** A key-bearing variable read in client code ships the key to browsers; a broken call fails in production. */
function severityOf(ruleId: string): Severity {
  return ruleId === `${RULE_PREFIX}no-key-in-client` ? 'critical' : 'high';
}

/** What engium.config.json tells the rules: a proxy in front of the API, the bundler's extra public prefixes. */
function pluginSettings(config: EngiumConfig): Record<string, string[]> {
  return {
    apiBaseUrls: [DEFAULT_API_BASE_URL, ...(config.apiBaseUrls ?? [])],
    publicEnvPrefixes: [...(config.publicEnvPrefixes ?? [])],
  };
}

export interface LintOutcome {
  problems: LintProblem[];
  /** Files ESLint could not parse, with its message. */
  unparsable: { file: string; reason: string }[];
}

/**
 * Lints `files` (relative to `root`, POSIX) and returns problems with paths prefixed by `prefix`
 * (the scanned directory relative to the repository root).
 */
export async function lintChangedFiles(
  root: string,
  files: readonly string[],
  prefix: string,
  isChangedLine: (file: string, line: number) => boolean,
  config: EngiumConfig = {},
): Promise<LintOutcome> {
  const targets = files.filter((file) => LINTED_EXTENSIONS.test(file) && existsSync(join(root, file)));
  if (targets.length === 0) return { problems: [], unparsable: [] };
  const recommended = engium.configs.recommended as unknown as Linter.Config;
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [{ ...recommended, settings: { ...recommended.settings, engium: pluginSettings(config) }, linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } }],
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
    globInputPaths: false,
  });
  const results = await eslint.lintFiles(targets.map((file) => join(root, file)));
  const problems: LintProblem[] = [];
  const unparsable: LintOutcome['unparsable'] = [];
  for (const result of results) {
    const file = `${prefix}${result.filePath.slice(root.length + 1).split('\\').join('/')}`;
    for (const message of result.messages) {
      if (message.fatal || message.ruleId === null) {
        unparsable.push({ file, reason: `ESLint could not parse it: ${message.message}` });
        continue;
      }
      if (!message.ruleId.startsWith(RULE_PREFIX) || LEFT_TO_THE_SCANNER.has(message.ruleId)) continue;
      problems.push({
        ruleId: message.ruleId,
        severity: severityOf(message.ruleId),
        message: message.message,
        file,
        line: message.line,
        column: message.column,
        ...(message.endLine !== undefined ? { endLine: message.endLine } : {}),
        ...(message.endColumn !== undefined ? { endColumn: message.endColumn } : {}),
        onChangedLine: isChangedLine(file, message.line),
      });
    }
  }
  return { problems, unparsable };
}
