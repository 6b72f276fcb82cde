import * as core from '@actions/core';

/**
 * Alerts must not hide the scan's result. The annotations and the job summary show every finding
 * and the exit status follows `fail-on`, whatever GitHub answers the comment and issue calls; a
 * failed call becomes one warning saying what was not done.
 */

/** Why GitHub refused a call, as far as its status, headers and message tell. */
export type RefusalKind = 'no-access' | 'rate-limited' | 'unavailable' | 'other';

export interface Refusal {
  kind: RefusalKind;
  /** `HTTP 403: Resource not accessible by integration`, or the network error. */
  detail: string;
  /** For a rate limit: when GitHub said it lifts. */
  resetsAt?: Date;
}

interface RequestErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

function header(error: RequestErrorLike, name: string): string | undefined {
  const value = error.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

/** The first line of GitHub's message (Octokit appends the documentation URL after a dash). */
function gitHubMessage(error: RequestErrorLike): string {
  return (error.message ?? '').split(' - https://')[0]?.trim() ?? '';
}

export function classifyRefusal(error: unknown): Refusal {
  const failure = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as RequestErrorLike;
  const status = failure.status;
  const message = gitHubMessage(failure);
  const detail = status !== undefined && status < 500 ? `HTTP ${status}: ${message}` : status !== undefined ? `HTTP ${status}${message ? `: ${message}` : ''}` : message;
  if (status === 403 || status === 429) {
    const reset = header(failure, 'x-ratelimit-reset');
    const retryAfter = header(failure, 'retry-after');
    if (header(failure, 'x-ratelimit-remaining') === '0' || retryAfter !== undefined || /rate limit/i.test(message)) {
      const resetsAt = retryAfter !== undefined ? new Date(Date.now() + Number(retryAfter) * 1000) : reset !== undefined ? new Date(Number(reset) * 1000) : undefined;
      return { kind: 'rate-limited', detail, ...(resetsAt && !Number.isNaN(resetsAt.getTime()) ? { resetsAt } : {}) };
    }
  }
  // A locked conversation (403) or issues turned off (410) refuse this call, not the token: the other calls go on.
  if (status === 403 && /\blocked\b/i.test(message)) return { kind: 'other', detail };
  if (status === 401 || status === 403 || status === 404) return { kind: 'no-access', detail };
  if (status === undefined || status >= 500) return { kind: 'unavailable', detail: detail || 'no answer' };
  return { kind: 'other', detail };
}

function explain(refusal: Refusal): string {
  switch (refusal.kind) {
    case 'no-access':
      return (
        'The token cannot write here: a pull request from a fork (or by Dependabot) gets a read-only token (GITHUB_TOKEN), ' +
        'and so does a workflow without `issues: write` and `pull-requests: write` permissions.'
      );
    case 'rate-limited':
      return `GitHub's API rate limit is used up${refusal.resetsAt ? ` until ${refusal.resetsAt.toISOString()}` : ''}, longer than the action waits.`;
    case 'unavailable':
      return "GitHub's API did not answer, even after retries.";
    case 'other':
      return '';
  }
}

/**
 * The run's GitHub calls. Once GitHub refuses one for a reason that holds for the others too (the
 * token cannot write, the rate limit is used up, the API is down), the rest are skipped rather than
 * refused one by one, and `report` says it all in one warning.
 */
export class GitHubCalls {
  private stop: { what: string; refusal: Refusal } | undefined;
  private readonly skipped: string[] = [];
  private readonly failed: { what: string; refusal: Refusal }[] = [];

  /** Runs `call` unless an earlier refusal stopped the calls; a failure is recorded, never thrown. */
  async attempt<T>(what: string, call: () => Promise<T>): Promise<T | undefined> {
    if (this.stop) {
      this.skipped.push(what);
      return undefined;
    }
    try {
      return await call();
    } catch (error) {
      this.refused(what, error);
      return undefined;
    }
  }

  /** Records a refusal of `what` (for a call that went on after one of its requests failed). */
  refused(what: string, error: unknown): void {
    const refusal = classifyRefusal(error);
    if (refusal.kind === 'other') this.failed.push({ what, refusal });
    else if (this.stop) this.skipped.push(what);
    else this.stop = { what, refusal };
  }

  /** Whether every call went through. */
  get delivered(): boolean {
    return !this.stop && this.failed.length === 0;
  }

  /** One line per thing not done, for the job summary. */
  notes(): string[] {
    const notes = this.failed.map(({ what, refusal }) => `Could not ${what} (${refusal.detail}).`);
    if (this.stop) {
      notes.push(`Could not ${this.stop.what} (${this.stop.refusal.detail}). ${explain(this.stop.refusal)}`);
      if (this.skipped.length > 0) notes.push(`Skipped after that: ${this.skipped.join('; ')}.`);
    }
    return notes;
  }

  /** The warnings: one per unexpected failure, and one for a refusal that stopped the calls, naming what it skipped. */
  report(): void {
    const after = ' Every finding is in the annotations and the job summary, and the step still fails or passes on them.';
    for (const { what, refusal } of this.failed) core.warning(`Engium Guard could not ${what} (${refusal.detail}).${after}`);
    if (this.stop) {
      const skipped = this.skipped.length > 0 ? ` Skipped as well: ${this.skipped.join('; ')}.` : '';
      core.warning(`Engium Guard could not ${this.stop.what} (${this.stop.refusal.detail}). ${explain(this.stop.refusal)}${skipped}${after}`);
    }
  }
}

/** For calls outside GitHub (the webhook): a failure becomes a warning at once. */
export async function warnOnFailure<T>(what: string, call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    const status = (error as { status?: number }).status;
    core.warning(`Engium Guard could not ${what}${status ? ` (HTTP ${status})` : ''}: ${(error as Error).message}.`);
    return undefined;
  }
}
