/** The keys that need rotating: live keys found by this run and not already accepted in the baseline. */
import { leaksOfRun, type KeyFinding, type RunLeak } from '../results.js';

/** A leaked live key: its places, the one that matters most (where it is written) first. */
export type LeakedKey = RunLeak;

export function leakedLiveKeys(findings: readonly KeyFinding[]): LeakedKey[] {
  return leaksOfRun(findings.filter((finding) => finding.secret.kind === 'live' && !finding.baselined));
}

export interface RunLink {
  repository: string;
  url: string | undefined;
}

/** The run's page, for links in comments, issues and webhooks. */
export function runLink(env: NodeJS.ProcessEnv = process.env): RunLink {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const url = repository && env.GITHUB_RUN_ID ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  return { repository, url };
}
