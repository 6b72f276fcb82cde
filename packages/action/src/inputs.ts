import * as core from '@actions/core';
import { isSeverityThreshold, type SeverityThreshold } from '@engium/core';
import { isAbsolute, join, normalize, relative, resolve } from 'node:path';
import { ROTATION_LABEL } from './alerts/rotation-issues.js';

/** The action's inputs (documented in action.yml), read and checked once. */
export interface Inputs {
  token: string;
  failOn: SeverityThreshold;
  /** Absolute path of the checkout (GITHUB_WORKSPACE). */
  workspace: string;
  /** The directory to scan, relative to the workspace (POSIX, '' for the root). */
  workingDirectory: string;
  /** Config and baseline paths relative to the working directory. */
  config: string;
  baseline: string | undefined;
  sarifFile: string;
  /** Where the JSON report goes (absolute). */
  jsonFile: string;
  /** `event`: scan what the workflow event asks for; `audit`: the whole checkout and its history, whatever the event. */
  mode: Mode;
  /** In an audit: scan only the history after this commit (undefined: the whole history). */
  since: string | undefined;
  history: boolean;
  /** Package folders or tarballs, relative to the working directory, whose `npm publish` upload is scanned too. */
  pack: string[];
  eslint: boolean;
  annotations: boolean;
  comment: boolean;
  issues: boolean;
  webhookUrl: string | undefined;
  issueLabel: string;
}

export class InputError extends Error {}

export const MODES = ['event', 'audit'] as const;
export type Mode = (typeof MODES)[number];

function isMode(value: string): value is Mode {
  return (MODES as readonly string[]).includes(value);
}

const TRUE_WORDS = ['true', 'yes', '1', 'on'];
const FALSE_WORDS = ['false', 'no', '0', 'off'];

function booleanInput(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (TRUE_WORDS.includes(value)) return true;
  if (FALSE_WORDS.includes(value)) return false;
  throw new InputError(`input "${name}" must be true or false, not "${value}"`);
}

/** A path inside the workspace, relative to it; anything escaping it is refused. */
function insideWorkspace(workspace: string, path: string, name: string): string {
  const absolute = resolve(workspace, path);
  const rel = relative(workspace, absolute);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new InputError(`input "${name}" must stay inside the workspace: ${path}`);
  return rel.split('\\').join('/');
}

/**
 * `pack`: true for the working directory's package, false or empty for none, else package folders
 * or packed tarballs, one per line or comma-separated, relative to the working directory.
 */
function packInput(workspace: string, workingDirectory: string): string[] {
  const value = core.getInput('pack').trim();
  if (value === '' || FALSE_WORDS.includes(value.toLowerCase())) return [];
  if (TRUE_WORDS.includes(value.toLowerCase())) return ['.'];
  const entries = value.split(/[\n,]/).map((entry) => entry.trim()).filter((entry) => entry !== '');
  return entries.map((entry) => {
    const inWorkspace = insideWorkspace(workspace, join(workingDirectory, entry), 'pack');
    return relative(workingDirectory === '' ? '.' : workingDirectory, inWorkspace === '' ? '.' : inWorkspace).split('\\').join('/') || '.';
  });
}

export function readInputs(env: NodeJS.ProcessEnv = process.env): Inputs {
  const workspace = resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  const failOn = core.getInput('fail-on').trim().toLowerCase() || 'high';
  if (!isSeverityThreshold(failOn)) throw new InputError(`input "fail-on" must be critical, high, medium, low or none, not "${failOn}"`);
  const workingDirectory = insideWorkspace(workspace, core.getInput('working-directory') || '.', 'working-directory');
  const webhookUrl = core.getInput('webhook-url').trim() || undefined;
  if (webhookUrl !== undefined) {
    let protocol: string;
    try {
      protocol = new URL(webhookUrl).protocol;
    } catch {
      throw new InputError('input "webhook-url" is not a URL');
    }
    if (protocol !== 'https:' && protocol !== 'http:') throw new InputError('input "webhook-url" must be an http(s) URL');
  }
  // Reports go where asked, else to the runner's temporary folder (never into the scanned checkout).
  const reportFile = (input: string, fallback: string): string =>
    input.trim() ? resolve(workspace, input.trim()) : join(env.RUNNER_TEMP ? resolve(env.RUNNER_TEMP) : workspace, fallback);
  const mode = core.getInput('mode').trim().toLowerCase() || 'event';
  if (!isMode(mode)) throw new InputError(`input "mode" must be ${MODES.join(' or ')}, not "${mode}"`);
  const since = core.getInput('since').trim() || undefined;
  // A revision, never an option to git.
  if (since !== undefined && !/^\w[\w./-]*$/.test(since)) throw new InputError(`input "since" must be a commit SHA or a ref name, not "${since}"`);
  return {
    token: core.getInput('token') || env.GITHUB_TOKEN || '',
    failOn,
    workspace,
    workingDirectory: workingDirectory === '' ? '' : normalize(workingDirectory).split('\\').join('/'),
    config: core.getInput('config').trim() || 'engium.config.json',
    baseline: core.getInput('baseline').trim() || undefined,
    sarifFile: reportFile(core.getInput('sarif-file'), 'engium-guard.sarif'),
    jsonFile: reportFile(core.getInput('json-file'), 'engium-guard.json'),
    mode,
    since,
    history: booleanInput('history', true),
    pack: packInput(workspace, workingDirectory),
    eslint: booleanInput('eslint', true),
    annotations: booleanInput('annotations', true),
    comment: booleanInput('comment', true),
    issues: booleanInput('issues', true),
    webhookUrl,
    issueLabel: core.getInput('issue-label').trim() || ROTATION_LABEL,
  };
}
