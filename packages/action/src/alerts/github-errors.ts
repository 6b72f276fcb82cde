import * as core from '@actions/core';

/**
 * Alerts must not hide the scan's result: with a read-only token (fork pull requests) GitHub answers
 * 403 and the annotations and summary are what people see, so a failed call becomes a warning.
 */
export async function warnOnFailure<T>(what: string, call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    const status = (error as { status?: number }).status;
    const hint =
      status === 403 || status === 401 || status === 404
        ? ' The token cannot write here (a pull request from a fork gets a read-only token; grant `issues: write` and `pull-requests: write` otherwise). The annotations and job summary still show every finding.'
        : '';
    core.warning(`Engium Guard could not ${what}${status ? ` (HTTP ${status})` : ''}: ${(error as Error).message}.${hint}`);
    return undefined;
  }
}
