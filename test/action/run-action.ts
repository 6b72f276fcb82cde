/**
 * Runs the committed action bundle as the GitHub runner does: `node packages/action/dist/index.js`
 * with INPUT_*, GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and
 * GITHUB_API_URL, and reads back what the runner would: exit status, workflow commands, outputs
 * and the job summary.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectOutput, REPO_ROOT } from '../support/index.js';

/**
 * The committed bundle; ENGIUM_ACTION_BUNDLE names another build of it (`node packages/action/build.mjs
 * packages/action/.cache/index.js`, a gitignored folder as deep as dist/ so the bundle's relative
 * asset paths hold) to test source changes without touching the committed one.
 */
export const ACTION_BUNDLE = process.env.ENGIUM_ACTION_BUNDLE ? join(REPO_ROOT, process.env.ENGIUM_ACTION_BUNDLE) : join(REPO_ROOT, 'packages/action/dist/index.js');

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
  /** Index of the stdout line, to check ordering (masks before any use). */
  line: number;
}

/** What a run of a bundle leaves, as the runner reads it. */
export interface BundleRun {
  status: number;
  stdout: string;
  stderr: string;
  commands: WorkflowCommand[];
  outputs: Record<string, string>;
  summary: string;
}

export interface ActionRun extends BundleRun {
  /** The SARIF file named by the `sarif-file` output, read before the scratch dir goes. */
  sarif: string | undefined;
  /** Likewise the JSON report named by the `json-file` output. */
  json: string | undefined;
}

export interface ActionRunOptions {
  eventName: string;
  payload: object;
  workspace: string;
  inputs?: Record<string, string>;
  apiUrl?: string;
  repository?: string;
  env?: NodeJS.ProcessEnv;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return text.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/** A pull_request event payload: `head` (of `headRepository`, a fork when it differs) into `base`. */
export function pullRequestPayload(options: { number: number; base: string; head: string; headRef?: string; repository?: string; headRepository?: string }): object {
  const repository = options.repository ?? 'acme/shop';
  return {
    pull_request: {
      number: options.number,
      base: { sha: options.base, ref: 'main', repo: { full_name: repository } },
      head: { sha: options.head, ref: options.headRef ?? 'feature', repo: { full_name: options.headRepository ?? repository } },
    },
    repository: { default_branch: 'main', full_name: repository },
  };
}

/** Parses `::name key=value,key=value::message` lines as the runner does. */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  stdout.split('\n').forEach((raw, line) => {
    const text = raw.replace(/\r$/, '');
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(text);
    if (!match) return;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    commands.push({ command: match[1] as string, properties, message: unescapeData(match[3] ?? ''), line });
  });
  return commands;
}

/** Reads a GITHUB_OUTPUT file (`name<<delimiter` heredocs, as @actions/core writes them). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] as string);
    if (!match) continue;
    const [, name = '', delimiter] = match;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] as string);
    outputs[name] = value.join('\n');
  }
  return outputs;
}

export interface BundleRunOptions {
  inputs?: Record<string, string>;
  apiUrl?: string;
  repository: string;
  /** Default: the scratch dir. */
  cwd?: string;
  /** Variables of this kind of run, given the scratch dir (RUNNER_TEMP) to put files in. */
  env?: (scratch: string) => NodeJS.ProcessEnv;
}

/**
 * Runs a committed bundle as the runner does, in a clean environment (nothing from the test
 * runner's own CI leaks in), with INPUT_* variables and files for outputs and the job summary.
 * `readMore` reads files the outputs name before the scratch dir goes.
 */
export async function runBundle<Extra extends object>(
  bundle: string,
  options: BundleRunOptions,
  readMore: (outputs: Record<string, string>) => Extra,
): Promise<BundleRun & Extra> {
  const scratch = mkdtempSync(join(tmpdir(), 'engium-bundle-run-'));
  try {
    const outputPath = join(scratch, 'output');
    const summaryPath = join(scratch, 'summary.md');
    writeFileSync(outputPath, '');
    writeFileSync(summaryPath, '');
    const inputs = Object.fromEntries(
      Object.entries(options.inputs ?? {}).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]),
    );
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME ?? tmpdir(),
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_REPOSITORY: options.repository,
      GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
      RUNNER_TEMP: scratch,
      NO_PROXY: '127.0.0.1',
      no_proxy: '127.0.0.1',
      INPUT_TOKEN: 'ghs_test_token',
      ...inputs,
      ...options.env?.(scratch),
    };
    const child = spawn(process.execPath, [bundle], { cwd: options.cwd ?? scratch, env });
    const { status, stdout, stderr } = await collectOutput(child);
    const outputs = parseOutputFile(readFileSync(outputPath, 'utf8'));
    return { status, stdout, stderr, commands: parseWorkflowCommands(stdout), outputs, summary: readFileSync(summaryPath, 'utf8'), ...readMore(outputs) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const written = (path: string | undefined) => (path && existsSync(path) ? readFileSync(path, 'utf8') : undefined);
  return runBundle(
    ACTION_BUNDLE,
    {
      ...(options.inputs ? { inputs: options.inputs } : {}),
      ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
      repository: options.repository ?? 'acme/shop',
      cwd: options.workspace,
      env: (scratch) => {
        const eventPath = join(scratch, 'event.json');
        writeFileSync(eventPath, JSON.stringify(options.payload));
        return {
          GITHUB_EVENT_NAME: options.eventName,
          GITHUB_EVENT_PATH: eventPath,
          GITHUB_WORKSPACE: options.workspace,
          GITHUB_SERVER_URL: 'https://github.example',
          GITHUB_RUN_ID: '4242',
          GITHUB_TOKEN: 'ghs_test_token',
          ...options.env,
        };
      },
    },
    (outputs) => ({ sarif: written(outputs['sarif-file']), json: written(outputs['json-file']) }),
  );
}
