import { afterEach, describe, expect, it } from 'vitest';
import { InputError, readInputs } from '../src/inputs.js';

const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
});

function withInputs(inputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
}

describe('readInputs', () => {
  it('applies the documented defaults', () => {
    const inputs = readInputs({ GITHUB_WORKSPACE: '/work/repo', RUNNER_TEMP: '/runner/tmp' });
    expect(inputs).toMatchObject({
      failOn: 'high',
      workingDirectory: '',
      config: 'engium.config.json',
      sarifFile: '/runner/tmp/engium-guard.sarif',
      jsonFile: '/runner/tmp/engium-guard.json',
      mode: 'event',
      since: undefined,
      history: true,
      eslint: true,
      annotations: true,
      comment: true,
      issues: true,
      issueLabel: 'engium-leaked-key',
    });
  });

  it('refuses values it cannot honour, naming the input', () => {
    withInputs({ 'fail-on': 'severe' });
    expect(() => readInputs({ GITHUB_WORKSPACE: '/w' })).toThrow(InputError);
    expect(() => readInputs({ GITHUB_WORKSPACE: '/w' })).toThrow(/"fail-on" must be critical, high, medium, low or none, not "severe"/);
    withInputs({ 'fail-on': 'none', history: 'maybe' });
    expect(() => readInputs({ GITHUB_WORKSPACE: '/w' })).toThrow(/"history" must be true or false/);
    withInputs({ history: 'false', 'webhook-url': 'file:///etc/passwd' });
    expect(() => readInputs({ GITHUB_WORKSPACE: '/w' })).toThrow(/"webhook-url" must be an http\(s\) URL/);
    withInputs({ 'webhook-url': '', 'working-directory': '../elsewhere' });
    expect(() => readInputs({ GITHUB_WORKSPACE: '/w' })).toThrow(/must stay inside the workspace/);
    withInputs({ 'working-directory': '.', mode: 'pull-request' });
    expect(() => readInputs({ GITHUB_WORKSPACE: '/w' })).toThrow(/"mode" must be event or audit, not "pull-request"/);
    withInputs({ mode: 'audit', since: 'HEAD~1 --all' });
    expect(() => readInputs({ GITHUB_WORKSPACE: '/w' })).toThrow(/"since" must be a commit SHA or a ref name/);
    withInputs({ since: ` ${'a'.repeat(40)} ` });
    expect(readInputs({ GITHUB_WORKSPACE: '/w' })).toMatchObject({ mode: 'audit', since: 'a'.repeat(40) });
  });

  it('normalises the working directory', () => {
    withInputs({ 'working-directory': './apps//web/' });
    expect(readInputs({ GITHUB_WORKSPACE: '/w' }).workingDirectory).toBe('apps/web');
  });
});
