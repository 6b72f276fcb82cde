/** The keys that need rotating: live keys found by this run and not already accepted in the baseline. */
import { keysOf, type KeyFinding } from '../results.js';

export interface LeakedKey {
  fingerprint: string;
  redacted: string;
  /** Every finding of the key, most severe first. */
  findings: KeyFinding[];
}

export function leakedLiveKeys(findings: readonly KeyFinding[]): LeakedKey[] {
  const live = findings.filter((finding) => finding.secret.kind === 'live' && !finding.baselined);
  return [...keysOf(live)].map(([fingerprint, list]) => ({ fingerprint, redacted: list[0]?.secret.redacted ?? '', findings: list }));
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
