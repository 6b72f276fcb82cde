/** Runs the committed org-audit bundle as the runner does, and reads back outputs and the summary. */
import { join } from 'node:path';
import { REPO_ROOT } from '../support/index.js';
import { runBundle, type BundleRun } from '../action/run-action.js';

export const ORG_AUDIT_BUNDLE = join(REPO_ROOT, 'packages/org-audit/dist/index.js');

export type OrgAuditRun = BundleRun;

export async function runOrgAudit(inputs: Record<string, string>, options: { apiUrl?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<OrgAuditRun> {
  return runBundle(
    ORG_AUDIT_BUNDLE,
    {
      inputs,
      ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
      repository: 'acme/security',
      ...(options.cwd ? { cwd: options.cwd } : {}),
      env: () => ({ GITHUB_REPOSITORY_OWNER: 'acme', ...options.env }),
    },
    () => ({}),
  );
}
