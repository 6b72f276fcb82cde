/** Runs the committed org-audit bundle as the runner does, and reads back outputs and the summary. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectOutput, REPO_ROOT } from '../support/index.js';
import { parseOutputFile, parseWorkflowCommands, type WorkflowCommand } from '../action/run-action.js';

export const ORG_AUDIT_BUNDLE = join(REPO_ROOT, 'packages/org-audit/dist/index.js');

export interface OrgAuditRun {
  status: number;
  stdout: string;
  stderr: string;
  commands: WorkflowCommand[];
  outputs: Record<string, string>;
  summary: string;
}

export async function runOrgAudit(inputs: Record<string, string>, options: { apiUrl?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<OrgAuditRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'engium-org-audit-run-'));
  try {
    const outputPath = join(scratch, 'output');
    const summaryPath = join(scratch, 'summary.md');
    writeFileSync(outputPath, '');
    writeFileSync(summaryPath, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME ?? tmpdir(),
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_REPOSITORY: 'acme/security',
      GITHUB_REPOSITORY_OWNER: 'acme',
      GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
      RUNNER_TEMP: scratch,
      NO_PROXY: '127.0.0.1',
      no_proxy: '127.0.0.1',
      INPUT_TOKEN: 'ghs_test_token',
      ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
      ...options.env,
    };
    const child = spawn(process.execPath, [ORG_AUDIT_BUNDLE], { cwd: options.cwd ?? scratch, env });
    const { status, stdout, stderr } = await collectOutput(child);
    return { status, stdout, stderr, commands: parseWorkflowCommands(stdout), outputs: parseOutputFile(readFileSync(outputPath, 'utf8')), summary: readFileSync(summaryPath, 'utf8') };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
