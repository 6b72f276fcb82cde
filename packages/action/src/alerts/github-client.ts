/**
 * The Octokit the alerts use: @actions/github's (GITHUB_API_URL, proxy, user agent) with
 * @octokit/plugin-retry for transient failures (5xx, connection resets, timeouts) and
 * @octokit/plugin-throttling for GitHub's rate limits (spacing writes as GitHub asks, and honouring
 * `retry-after` and `x-ratelimit-reset`). Every wait is capped: a step that found a leak must not sit
 * for an hour waiting on a rate limit to report it; a refused call becomes a warning instead
 * (github-errors.ts) and the annotations and job summary still show every finding.
 */
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type Octokit = ReturnType<typeof getOctokit>;

/** Bounds on the waits: per retry, retries per request, and all rate-limit waits of one run together. */
export const RETRY_LIMITS = {
  /** Longest single wait for a rate limit to lift (GitHub's secondary limits usually ask 60 s). */
  maxWaitSeconds: 60,
  /** Rate-limit retries of one request. */
  maxRateLimitRetries: 2,
  /** All rate-limit waits of the run together. */
  totalWaitSeconds: 120,
  /** Retries of a request that failed with a 5xx, a reset connection or a timeout (waits 1 s, 4 s, 9 s). */
  transientRetries: 3,
  /** One attempt of one request. */
  requestTimeoutMs: 30_000,
};

/**
 * Aborts an attempt that hangs. Registered before the retry plugin, so its hook wraps each attempt
 * (hooks registered first run innermost) and a retry starts with a fresh timeout. The hooks share
 * one options object, bound when the request starts, so the signal is set on it rather than passed
 * down in a copy the inner hooks would never see.
 */
function requestTimeout(octokit: Pick<Octokit, 'hook'>): void {
  octokit.hook.wrap('request', (request, options) => {
    options.request = { ...options.request, signal: AbortSignal.timeout(RETRY_LIMITS.requestTimeoutMs) };
    return request(options);
  });
}

export function createOctokit(token: string): Octokit {
  let waited = 0;
  const mayWait = (kind: string, retryAfter: number, options: { method: string; url: string }, retryCount: number): boolean => {
    const request = `${options.method} ${options.url}`;
    if (retryCount < RETRY_LIMITS.maxRateLimitRetries && retryAfter <= RETRY_LIMITS.maxWaitSeconds && waited + retryAfter <= RETRY_LIMITS.totalWaitSeconds) {
      waited += retryAfter;
      core.info(`GitHub's ${kind} rate limit answered ${request}; retrying in ${retryAfter} s.`);
      return true;
    }
    core.info(`GitHub's ${kind} rate limit answered ${request} and lifts in ${retryAfter} s: not waiting that long.`);
    return false;
  };
  return getOctokit(
    token,
    {
      retry: {
        retries: RETRY_LIMITS.transientRetries,
        // GitHub's refusals that a retry cannot change; 403 and 429 rate limits are the throttling plugin's.
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      },
      throttle: {
        onRateLimit: (retryAfter, options, _octokit, retryCount) => mayWait('primary', retryAfter, options, retryCount),
        onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) => mayWait('secondary', retryAfter, options, retryCount),
      },
    },
    requestTimeout,
    retry,
    throttling,
  );
}
