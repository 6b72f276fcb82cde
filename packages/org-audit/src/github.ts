import { getOctokit } from '@actions/github';

export type Octokit = ReturnType<typeof getOctokit>;

/** The REST client, pointed at GITHUB_API_URL so GitHub Enterprise Server (and the tests' server) work. */
export function createOctokit(token: string, env: NodeJS.ProcessEnv = process.env): Octokit {
  return getOctokit(token, { baseUrl: env.GITHUB_API_URL || 'https://api.github.com' });
}

/** `owner/name` split, or an error that names the input. */
export function splitRepository(fullName: string, what = 'repository'): { owner: string; repo: string } {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(fullName.trim());
  if (!match) throw new Error(`${what} must be owner/name, not "${fullName}"`);
  return { owner: match[1] as string, repo: match[2] as string };
}
