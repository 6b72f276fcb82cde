/**
 * What a workflow event asks the action to scan, read from the event payload alone (no git yet):
 * a pull request or merge queue entry: its changed files and every commit from base to head;
 * a push: the pushed commits (for a new branch, those not on the default branch);
 * a schedule or manual run: the whole repository and its history. With `mode: audit` every event
 * gets that audit (an organisation audit runs the action on other repositories' checkouts, so the
 * event says nothing about what to scan).
 */
import { NULL_SHA } from './git.js';

export interface RangePlan {
  kind: 'pull-request' | 'push';
  /** The commit the changes are measured from (base branch tip, `before`, or the default branch). */
  base: { sha: string; ref?: string } | { ref: string; sha?: undefined };
  head: string;
  /**
   * The branch whose tip stands in for a base commit that cannot be had (a force push removed
   * `before`, a rewritten base branch): the range becomes the commits not on it. None for a push to
   * the default branch, where that range would be empty: the run audits the checkout instead.
   */
  fallbackBranch?: string;
  /** Whether this run reports to the default branch (issues are opened only then). */
  onDefaultBranch: boolean;
  pullRequest?: { number: number; fromFork: boolean };
  description: string;
}

export interface AuditPlan {
  kind: 'audit';
  head?: string;
  onDefaultBranch: boolean;
  description: string;
}

export interface NothingPlan {
  kind: 'nothing';
  description: string;
}

export type ScanPlan = RangePlan | AuditPlan | NothingPlan;

/** The subset of the webhook payloads this action reads. */
export interface EventPayload {
  pull_request?: {
    number: number;
    base: { sha: string; ref: string; repo?: { full_name?: string } };
    head: { sha: string; ref: string; repo?: { full_name?: string } | null };
  };
  merge_group?: { base_sha: string; head_sha: string; base_ref?: string };
  before?: string;
  after?: string;
  ref?: string;
  created?: boolean;
  deleted?: boolean;
  repository?: { default_branch?: string; full_name?: string };
}

export class UnsupportedEventError extends Error {}

function stripHeads(ref: string | undefined): string | undefined {
  return ref?.replace(/^refs\/heads\//, '');
}

export function planScan(eventName: string, payload: EventPayload, currentSha?: string, currentRef?: string): ScanPlan {
  const defaultBranch = payload.repository?.default_branch;
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = payload.pull_request;
      if (!pr) throw new UnsupportedEventError(`the ${eventName} event payload has no pull_request`);
      const baseRepo = pr.base.repo?.full_name;
      const headRepo = pr.head.repo?.full_name;
      return {
        kind: 'pull-request',
        base: { sha: pr.base.sha, ref: pr.base.ref },
        head: pr.head.sha,
        fallbackBranch: pr.base.ref,
        onDefaultBranch: false,
        pullRequest: { number: pr.number, fromFork: headRepo === undefined || headRepo !== baseRepo },
        description: `pull request #${pr.number}: ${pr.base.sha.slice(0, 7)}..${pr.head.sha.slice(0, 7)}`,
      };
    }
    case 'merge_group': {
      const group = payload.merge_group;
      if (!group) throw new UnsupportedEventError('the merge_group event payload has no merge_group');
      return {
        kind: 'pull-request',
        base: { sha: group.base_sha, ref: stripHeads(group.base_ref) ?? '' },
        head: group.head_sha,
        ...(group.base_ref ? { fallbackBranch: stripHeads(group.base_ref) } : {}),
        onDefaultBranch: false,
        description: `merge queue entry ${group.base_sha.slice(0, 7)}..${group.head_sha.slice(0, 7)}`,
      };
    }
    case 'push': {
      const branch = stripHeads(payload.ref);
      const after = payload.after;
      if (payload.deleted || !after || NULL_SHA.test(after)) {
        return { kind: 'nothing', description: `push deleting ${payload.ref ?? 'a ref'}: nothing to scan` };
      }
      const onDefaultBranch = branch !== undefined && branch === defaultBranch;
      const before = payload.before;
      if (payload.created || !before || NULL_SHA.test(before)) {
        // A new branch: its commits are those not on the default branch. A new default branch
        // (the repository's first push) has no base: audit its whole history.
        if (!defaultBranch || onDefaultBranch) {
          return { kind: 'audit', head: after, onDefaultBranch, description: `first push of ${branch ?? after}: full audit` };
        }
        return {
          kind: 'push',
          base: { ref: defaultBranch },
          head: after,
          onDefaultBranch,
          description: `new branch ${branch ?? after}: commits not on ${defaultBranch}`,
        };
      }
      return {
        kind: 'push',
        base: { sha: before },
        head: after,
        ...(defaultBranch && !onDefaultBranch ? { fallbackBranch: defaultBranch } : {}),
        onDefaultBranch,
        description: `push to ${branch ?? payload.ref ?? 'a ref'}: ${before.slice(0, 7)}..${after.slice(0, 7)}`,
      };
    }
    case 'schedule':
    case 'workflow_dispatch':
      return planAudit(eventName, payload, currentSha, currentRef);
    default:
      throw new UnsupportedEventError(
        `engium-guard does not handle the "${eventName}" event; use pull_request, pull_request_target, merge_group, push, schedule or workflow_dispatch`,
      );
  }
}

/** An audit of the whole checkout and its history: a schedule, a manual run, or any event with `mode: audit`. */
export function planAudit(eventName: string, payload: EventPayload, currentSha?: string, currentRef?: string): AuditPlan {
  const defaultBranch = payload.repository?.default_branch;
  const branch = stripHeads(currentRef);
  const reason = eventName === 'schedule' || eventName === 'workflow_dispatch' ? eventName : `mode: audit (${eventName || 'no event'})`;
  return {
    kind: 'audit',
    head: currentSha,
    onDefaultBranch: defaultBranch === undefined || branch === undefined || branch === defaultBranch,
    description: `${reason}: full audit of the repository and its history`,
  };
}
