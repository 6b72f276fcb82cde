import { readFile, writeFile } from 'node:fs/promises';
import * as core from '@actions/core';
import { isSeverityThreshold, type SeverityThreshold } from '@engium/core';
import { planMatrix, type PlanFile } from './batches.js';
import { collectRepository } from './collect.js';
import { fanIn, repositoryFileName } from './fan-in.js';
import { createOctokit } from './github.js';
import { listRepositories } from './repositories.js';
import { readState } from './state.js';

class InputError extends Error {}

const JOB_OUTPUT_LIMIT = 1024 * 1024;

/** A list input: one item per line or comma, blanks and `#` comments dropped. */
function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((item) => (item.split('#', 1)[0] ?? '').trim())
    .filter(Boolean);
}

function booleanInput(name: string): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new InputError(`input "${name}" must be true or false, not "${value}"`);
}

function severityInput(name: string, fallback: SeverityThreshold): SeverityThreshold {
  const value = core.getInput(name).trim().toLowerCase() || fallback;
  if (!isSeverityThreshold(value)) throw new InputError(`input "${name}" must be critical, high, medium, low or none, not "${value}"`);
  return value;
}

function token(): string {
  const value = core.getInput('token') || process.env.GITHUB_TOKEN || '';
  if (!value) throw new InputError('input "token" is required: a GitHub App or fine-grained token that can read the repositories');
  return value;
}

/** `plan`: list the repositories, read the state, and lay out the matrix. */
async function plan(): Promise<void> {
  const organization = core.getInput('organization').trim() || process.env.GITHUB_REPOSITORY_OWNER || '';
  if (!organization) throw new InputError('input "organization" is required');
  const maxParallel = Number(core.getInput('max-parallel') || '20');
  if (!Number.isInteger(maxParallel) || maxParallel < 1) throw new InputError(`input "max-parallel" must be a positive whole number, not "${core.getInput('max-parallel')}"`);
  const repositories = await listRepositories(createOctokit(token()), {
    organization,
    topic: core.getInput('topic').trim() || undefined,
    namePatterns: listInput('name-pattern'),
    repositories: listInput('repositories'),
    includeForks: booleanInput('include-forks'),
    includeArchived: booleanInput('include-archived'),
  });
  const state = await readState(core.getInput('state-file').trim() || undefined, core.warning);
  const matrix = planMatrix(repositories, state, { maxParallel, fullRescan: booleanInput('full-rescan') });
  const incremental = matrix.batches.flatMap((batch) => batch.repositories).filter((target) => target.since).length;
  for (const repository of matrix.empty) core.notice(`${repository} has no commits yet: skipped (nothing to check out or scan); the next run looks again`);
  core.info(
    `${matrix.repositoryCount} repositories in ${matrix.batches.length} batch(es); ${incremental} scanned from their last commit, ${matrix.repositoryCount - incremental} in full` +
      (matrix.empty.length ? `; ${matrix.empty.length} empty, skipped` : ''),
  );
  const batches = JSON.stringify(matrix.batches);
  // The matrix reaches the scan jobs through a job output, which GitHub caps at 1 MB.
  if (Buffer.byteLength(batches) > JOB_OUTPUT_LIMIT) {
    throw new InputError(`the plan for ${matrix.repositoryCount} repositories is ${Buffer.byteLength(batches)} bytes, over GitHub's 1 MB job output limit: split the audit into several calls by topic or name-pattern, each with its own state-name`);
  }
  // The fan-in reads the plan from this file (an artifact): an input that large would not fit in an environment variable.
  const planFile = core.getInput('plan-file').trim() || 'engium-org-audit-plan.json';
  const planned: PlanFile = { batches: matrix.batches, empty: matrix.empty };
  await writeFile(planFile, `${JSON.stringify(planned)}\n`);
  core.setOutput('plan-file', planFile);
  core.setOutput('batches', batches);
  core.setOutput('repository-count', String(matrix.repositoryCount));
  core.setOutput('batch-count', String(matrix.batches.length));
  core.setOutput('batch-parallel', String(matrix.batchParallel));
  core.setOutput('repository-parallel', String(matrix.repositoryParallel));
}

/** `collect`: in a matrix job, after the Engium Guard action audited the checkout, its report as the repository's artifact. */
async function collect(): Promise<void> {
  const repository = core.getInput('repository', { required: true }).trim();
  const output = core.getInput('output-directory').trim() || `engium-org-audit/${repositoryFileName(repository)}`;
  const { report, record } = await collectRepository({
    repository,
    ref: core.getInput('ref').trim() || 'main',
    reportFile: core.getInput('report-file', { required: true }).trim(),
    commit: core.getInput('commit', { required: true }).trim(),
    since: core.getInput('since').trim() || undefined,
    outputDirectory: output,
  });
  core.info(`${repository}: ${report.findings.length} distinct key(s) at ${record.commit.slice(0, 12)}${record.since ? ` (history after ${record.since.slice(0, 12)})` : ' (whole history)'}`);
  core.setOutput('report-directory', output);
  core.setOutput('artifact-name', `engium-report-${repositoryFileName(repository)}`);
}

/** What the list job planned: the repositories sent out (to name those that left no report) and the empty ones it skipped. */
async function readPlan(planFile: string): Promise<{ planned: string[]; empty: string[] }> {
  if (!planFile) return { planned: [], empty: [] };
  try {
    const plan = JSON.parse(await readFile(planFile, 'utf8')) as PlanFile;
    return { planned: plan.batches.flatMap((batch) => batch.repositories.map((target) => target.repository)), empty: plan.empty };
  } catch (error) {
    core.warning(`cannot read the plan ${planFile} (${(error as Error).message}): repositories whose scan left no report cannot be named`);
    return { planned: [], empty: [] };
  }
}

/** `report`: the fan-in. */
async function report(): Promise<void> {
  const trackingRepository = core.getInput('tracking-repository').trim() || undefined;
  const uploadSarif = booleanInput('upload-sarif');
  const { planned, empty } = await readPlan(core.getInput('plan-file').trim());
  const needsApi = Boolean(trackingRepository) || uploadSarif;
  const result = await fanIn(
    needsApi ? createOctokit(token()) : undefined,
    {
      reportsDirectory: core.getInput('reports-directory').trim() || 'reports',
      outputDirectory: core.getInput('output-directory').trim() || 'engium-org-audit',
      previousState: await readState(core.getInput('state-file').trim() || undefined, core.warning),
      planned,
      empty,
      trackingRepository,
      issueThreshold: severityInput('issue-threshold', 'high'),
      failOn: severityInput('fail-on', 'none'),
      uploadSarif,
    },
    core.warning,
  );
  await core.summary.addRaw(result.summary).write();
  core.setOutput('merged-report', result.mergedReportPath);
  core.setOutput('state-file', result.statePath);
  core.setOutput('sarif-directory', result.sarifDirectory);
  core.setOutput('keys', String(result.merged.findings.length));
  core.setOutput('fingerprints', result.merged.findings.map((finding) => finding.secret.fingerprint).join(','));
  for (const failure of result.failures) core.error(failure);
  if (result.failures.length) core.setFailed(`organisation audit: ${result.failures.join('; ')}`);
}

const COMMANDS: Record<string, () => Promise<void>> = { plan, collect, report };

export async function run(): Promise<void> {
  try {
    const name = core.getInput('command', { required: true }).trim();
    const command = COMMANDS[name];
    if (!command) throw new InputError(`input "command" must be plan, collect or report, not "${name}"`);
    await command();
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
