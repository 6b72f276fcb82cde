// A key that a CI workflow, Dockerfile, deploy config or package.json script assigns to a public
// env variable reaches the browser through the build that runs with it; the same key under a
// server-only name, or in a README's example, does not.
import { redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../packages/scanner/src/finding.js';
import { fakeKey, tempDir, writeFiles } from '../support/index.js';
import { scanJson } from '../scanner/support.js';

describe('public env variables set by build and deploy configs', () => {
  const keys = [1480, 1481, 1482, 1483, 1484, 1485, 1486].map((seed) => fakeKey('live', seed));
  const [workflow, docker, dockerArg, script, netlify, serverOnly, readme] = keys as [string, string, string, string, string, string, string];
  const dir = tempDir('engium-build-env-');
  writeFiles(dir, {
    'package.json': JSON.stringify({ name: 'shop', scripts: { build: `VITE_ENGIUM_KEY=${script} vite build` }, devDependencies: { vite: '6.0.0' } }, null, 2),
    '.github/workflows/deploy.yml': `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      NEXT_PUBLIC_ENGIUM_KEY: ${workflow}\n    steps:\n      - run: npm run build\n`,
    Dockerfile: `FROM node:20\nENV REACT_APP_ENGIUM_TOKEN ${docker}\nARG PUBLIC_ENGIUM_KEY="${dockerArg}"\nRUN npm run build\n`,
    'netlify.toml': `[build.environment]\n  GATSBY_ENGIUM_KEY = "${netlify}"\n`,
    'docker-compose.yml': `services:\n  api:\n    environment:\n      - ENGIUM_API_KEY=${serverOnly}\n`,
    'README.md': `Set NEXT_PUBLIC_ENGIUM_KEY=${readme} and run the build.\n`,
  });
  const { report } = scanJson(dir, keys, ['--fail-on', 'none']);
  const findingOf = (key: string): Finding => {
    const finding = report.findings.find((candidate) => candidate.secret.redacted === redact(key));
    expect(finding, redact(key)).toBeDefined();
    return finding as Finding;
  };

  it.each([
    ['a CI workflow env', workflow, '.github/workflows/deploy.yml:6', 'NEXT_PUBLIC_ENGIUM_KEY'],
    ["a Dockerfile's ENV", docker, 'Dockerfile:2', 'REACT_APP_ENGIUM_TOKEN'],
    ["a Dockerfile's ARG", dockerArg, 'Dockerfile:3', 'PUBLIC_ENGIUM_KEY'],
    ['a package.json build script', script, 'package.json:4', 'VITE_ENGIUM_KEY'],
    ["netlify.toml's build environment", netlify, 'netlify.toml:2', 'GATSBY_ENGIUM_KEY'],
  ])('%s: the build inlines the key into browser code', (_where, key, line, name) => {
    const finding = findingOf(key);
    expect(finding).toMatchObject({ exposure: 'client', severity: 'critical', ruleId: 'engium/source-key' });
    expect(finding.message).toContain(`${line} (sets ${name}: `);
    expect(finding.message).toContain('Drop the public prefix, keep the key in a secret of the CI or host');
  });

  it('leaves a server-only name and a README example as they were', () => {
    expect(findingOf(serverOnly).exposure).not.toBe('client');
    expect(findingOf(readme).exposure).not.toBe('client');
  });
});
