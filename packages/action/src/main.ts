/**
 * The action's flow: read the event, resolve what to scan, scan it (keys in files and history,
 * ESLint rules on changed files), then report (annotations, summary, SARIF, outputs), alert
 * (pull request comment, rotation issues, webhook) and block when findings reach `fail-on`.
 */
import * as core from '@actions/core';
import * as github from '@actions/github';
import { meetsThreshold } from '@engium/core';
import { isUnreadCommit } from '@engium/scanner';
import { leakedLiveKeys, runLink } from './alerts/leaks.js';
import { createOctokit } from './alerts/github-client.js';
import { GitHubCalls, warnOnFailure } from './alerts/github-errors.js';
import { findPullRequestComment, upsertPullRequestComment, type ExistingComment } from './alerts/pr-comment.js';
import { leaksToAlert, ledgerMarkers, readLedger, type AlertLedger, type LeakToAlert } from './alerts/alert-ledger.js';
import { ledgerOnIssues, recordOnIssues } from './alerts/issue-ledger.js';
import { MAX_NEW_ISSUES_PER_RUN, openRotationIssues } from './alerts/open-rotation-issues.js';
import { findRotationIssues } from './alerts/rotation-issues.js';
import { postWebhook, webhookAlert } from './alerts/webhook.js';
import { annotate, leftOutNote } from './annotations.js';
import { readInputs, type Inputs } from './inputs.js';
import { summaryMarkdown } from './markdown.js';
import { setOutputs } from './outputs.js';
import { planAudit, planScan, type EventPayload, type ScanPlan } from './plan.js';
import type { RunResults } from './results.js';
import { writeJsonReport } from './report-files.js';
import { writeSarif } from './sarif.js';
import { collectResults } from './scan.js';

function blockingCount(results: RunResults, inputs: Inputs): number {
  return (
    results.findings.filter((finding) => !finding.baselined && meetsThreshold(finding.severity, inputs.failOn)).length +
    results.lintProblems.filter((problem) => meetsThreshold(problem.severity, inputs.failOn)).length
  );
}

/**
 * Comments, issues and the webhook. Never throws: what GitHub refuses becomes one warning and the
 * lines it returns, for the job summary; the findings were already annotated.
 */
async function alert(results: RunResults, inputs: Inputs, plan: ScanPlan): Promise<string[]> {
  const keys = leakedLiveKeys(results.findings);
  const link = runLink();
  const canCallGitHub = inputs.token !== '' && link.repository.includes('/');
  const octokit = canCallGitHub ? createOctokit(inputs.token) : undefined;
  const calls = new GitHubCalls();
  const [owner = '', name = ''] = link.repository.split('/');
  const repo = { owner, repo: name };
  const webhookUrl = inputs.webhookUrl;
  const pullRequest = plan.kind === 'pull-request' ? plan.pullRequest : undefined;
  const defaultBranch = plan.kind !== 'nothing' && plan.kind !== 'pull-request' && plan.onDefaultBranch;

  // The webhook's memory: the pull request comment on pull requests, the rotation issues on the default branch.
  let ledger: AlertLedger = new Map();
  let earlier: { comment: ExistingComment | undefined } | undefined;
  if (octokit && pullRequest && inputs.comment) {
    earlier = await calls.attempt(`read the comments of pull request #${pullRequest.number}`, async () => ({
      comment: await findPullRequestComment(octokit, repo, pullRequest.number, inputs.workingDirectory),
    }));
    ledger = readLedger([earlier?.comment?.body]);
  }
  let issues = new Map<string, number>();
  const deferredNotes: string[] = [];
  if (octokit && defaultBranch && keys.length > 0) {
    if (inputs.issues) {
      const outcome = await calls.attempt('open rotation issues', () => openRotationIssues(octokit, repo, keys, link, inputs.issueLabel));
      if (outcome) core.info(`Rotation issues: ${outcome.created.length} opened, ${outcome.existing} already reported.`);
      if (outcome && outcome.deferred.length > 0) {
        const deferred =
          `${outcome.deferred.length} more leaked key${outcome.deferred.length === 1 ? ' gets its' : 's get their'} rotation issue on a later run ` +
          `(${MAX_NEW_ISSUES_PER_RUN} new issues a run, the worst leaks first, to stay within GitHub's limits on content creation): ${outcome.deferred.join(', ')}.`;
        core.info(deferred);
        deferredNotes.push(deferred);
      }
      if (outcome?.error !== undefined) {
        calls.refused(`open the rotation issue of ${outcome.notOpened.length} leaked key${outcome.notOpened.length === 1 ? '' : 's'} (${outcome.notOpened.join(', ')})`, outcome.error);
      }
      issues = outcome?.issues ?? issues;
    } else if (webhookUrl) {
      // Not opening issues here, but earlier runs may have: their comments still say what was alerted.
      const found = await calls.attempt('find the rotation issues', () => findRotationIssues(octokit, repo, inputs.issueLabel));
      issues = new Map([...(found ?? [])].map(([fingerprint, issue]) => [fingerprint, issue.number]));
    }
    if (webhookUrl) {
      ledger = (await calls.attempt('read which leaks were alerted', () => ledgerOnIssues(octokit, repo, issues, keys.map((key) => key.fingerprint)))) ?? ledger;
    }
  }

  const due = webhookUrl ? leaksToAlert(keys, ledger) : [];
  let alerted: LeakToAlert[] = [];
  if (webhookUrl && due.length > 0) {
    const posted = await warnOnFailure('post the webhook alert', () => postWebhook(webhookUrl, webhookAlert(due, link)));
    if (posted !== undefined) alerted = due;
  } else if (webhookUrl && keys.length > 0) {
    core.info('Webhook: every leak was alerted before, in the same places; nothing new to send.');
  }
  if (octokit && alerted.length > 0 && issues.size > 0) {
    await calls.attempt('record the webhook alert on the rotation issues', () => recordOnIssues(octokit, repo, issues, alerted, link));
  }

  if (octokit && inputs.comment && pullRequest) {
    const number = pullRequest.number;
    const outcome = await calls.attempt(`comment on pull request #${number}`, () =>
      upsertPullRequestComment(octokit, repo, number, keys, link, inputs.workingDirectory, ledgerMarkers(ledger, alerted), earlier),
    );
    if (outcome && outcome !== 'skipped') core.info(`Pull request comment ${outcome}.`);
  }
  calls.report();
  return [...deferredNotes, ...calls.notes()];
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const plan = (inputs.mode === 'audit' ? planAudit : planScan)(github.context.eventName, github.context.payload as EventPayload, process.env.GITHUB_SHA, process.env.GITHUB_REF);
    core.info(`Engium Guard: ${plan.description}`);
    if (github.context.eventName === 'pull_request_target' && plan.kind === 'pull-request' && plan.pullRequest?.fromFork) {
      // The job's token can write and its secrets are there, while the head is someone else's code: it is read, never run.
      core.info(
        'pull_request_target on a pull request from a fork: the head commit is untrusted and this job holds a write token, so Engium Guard only reads its files ' +
          '(from a temporary worktree, with the base branch\'s config and the action\'s own ESLint config); nothing from the head is installed, built or run.',
      );
    }
    if (inputs.since !== undefined && plan.kind !== 'audit') core.warning(`Engium Guard: input "since" applies to audits only (mode: audit, schedule, workflow_dispatch); this ${plan.kind} run ignores it.`);
    // Every key is masked the moment a scan meets it, before anything can log it (once: the tree
    // and the history scans meet the same keys).
    const masked = new Set<string>();
    const results = await collectResults(inputs, plan, (key) => {
      if (masked.has(key)) return;
      masked.add(key);
      core.setSecret(key);
    });
    const blocking = blockingCount(results, inputs);
    setOutputs(results, { sarif: await writeSarif(results, inputs.sarifFile), json: await writeJsonReport(results, inputs.jsonFile) });
    // Annotations point at files of the repository whose workflow runs: an audit of another repository's checkout turns them off.
    const annotated = inputs.annotations ? leftOutNote(annotate(results)) : undefined;
    // Commits git could not read are what the history scan did not do.
    const unread = results.scanned.warnings.filter(isUnreadCommit).map((warning) => `History: ${warning.message}`);
    const notes = [...(results.fallback ? [`The event's range: ${results.fallback}`] : []), ...unread, ...(annotated ? [annotated] : []), ...(await alert(results, inputs, plan))];
    // An audit from `since` reads only the newer history, a fallback reads more than the range: the scope says so.
    const description =
      results.historySince ? `${plan.description} (history after ${results.historySince.slice(0, 12)} only)`
      : results.fallback ? `${plan.description}, which could not be resolved: a wider scan instead (see below)`
      : plan.description;
    const summary = summaryMarkdown(results, { failOn: inputs.failOn, description, blocking, notes });
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary).write();
    else core.info(summary);
    if (blocking > 0) {
      core.setFailed(
        `Engium Guard: ${blocking} finding${blocking === 1 ? '' : 's'} at or above fail-on "${inputs.failOn}". ` +
          'See the annotations and the job summary; rotate every leaked live key.',
      );
    } else if (unread.length > 0) {
      // A commit git could not read leaves the history unproven: no finding is not "no leak" then.
      core.setFailed('Engium Guard: git could not read every commit of the history (the job summary names them under Not done): no finding does not mean no leak.');
    } else {
      core.info(`Engium Guard: nothing at or above fail-on "${inputs.failOn}".`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /not a git repository/i.test(message) ? ' Run actions/checkout (with fetch-depth: 0) before this step.' : '';
    core.setFailed(`Engium Guard: ${message}${hint}`);
  }
}
