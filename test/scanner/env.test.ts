// .env rules: a public prefix ships the key (critical, client); a committed env file is high; a
// server-only name in a gitignored .env.local is where keys belong; gitignored env files are read.
import { redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import { fakeKey, git, gitRepo, tempDir, writeFiles } from '../support/index.js';
import { scanJson, summaries } from './support.js';

const publicLive = fakeKey('live', 11);
const publicTest = fakeKey('test', 12);
const committedLive = fakeKey('live', 13);
const committedTest = fakeKey('test', 14);
const localServer = fakeKey('live', 15);
const localPublic = fakeKey('live', 16);
const customPrefix = fakeKey('live', 17);
const keys = [publicLive, publicTest, committedLive, committedTest, localServer, localPublic, customPrefix];

describe('env files by other names', () => {
  // Docker's env_file, direnv, Flask and Cloudflare Wrangler keep variables in files not named .env*.
  const keys = [431, 432, 433, 434, 435].map((seed) => fakeKey('live', seed));
  const [dockerEnv, direnv, wrangler, flask, publicName] = keys as [string, string, string, string, string];
  const dir = gitRepo();
  writeFiles(dir, {
    '.gitignore': '.envrc\n.dev.vars\n',
    'deploy/production.env': `ENGIUM_API_KEY=${dockerEnv}\n`,
    '.envrc': `export ENGIUM_API_KEY=${direnv}\n`,
    '.dev.vars': `ENGIUM_API_KEY="${wrangler}"\n`,
    '.flaskenv': `ENGIUM_API_KEY=${flask}\n`,
    'web.env': `NEXT_PUBLIC_ENGIUM_KEY=${publicName}\n`,
  });
  const { report } = scanJson(dir, keys, ['--no-graph']);

  it('reads them as env files: committed ones are env-file findings, gitignored server-only ones are where keys belong', () => {
    expect(summaries(report)).toEqual([
      `.flaskenv:1:16 engium/env-file-key high server plain ${redact(flask)}`,
      `deploy/production.env:1:16 engium/env-file-key high server plain ${redact(dockerEnv)}`,
      `web.env:1:24 engium/public-env-key critical client plain ${redact(publicName)}`,
    ]);
    expect(report.findings.find((finding) => finding.file === 'deploy/production.env')?.message).toContain('(ENGIUM_API_KEY)');
  });
});

describe('public prefixes of apps and extensions', () => {
  // Their variables go to everyone who installs what they build, not to a site's visitors.
  const keys = [436, 437, 438].map((seed) => fakeKey('live', seed));
  const [electronMain, extension, site] = keys as [string, string, string];
  const dir = gitRepo();
  writeFiles(dir, {
    'desktop/.env': `MAIN_VITE_ENGIUM_KEY=${electronMain}\n`,
    'extension/.env': `WXT_ENGIUM_KEY=${extension}\n`,
    'web/.env': `VITE_ENGIUM_KEY=${site}\n`,
  });
  const { report } = scanJson(dir, keys, ['--no-graph']);
  const messageOf = (file: string): string => report.findings.find((finding) => finding.file === file)?.message ?? '';

  it('says who receives the key', () => {
    expect(messageOf('desktop/.env')).toContain('packed into the app every user installs): everyone who installs the app receives it.');
    expect(messageOf('extension/.env')).toContain('through import.meta.env): everyone who installs the extension receives it.');
    expect(messageOf('web/.env')).toContain("every visitor's browser receives it.");
    expect(messageOf('desktop/.env') + messageOf('extension/.env')).not.toContain("every visitor's browser");
  });
});

describe('.env files', () => {
  const dir = gitRepo();
  writeFiles(dir, {
    '.gitignore': '.env.local\n.env.*.local\n',
    '.env': `# shared\nNEXT_PUBLIC_ENGIUM_API_KEY=${publicLive}\nexport VITE_ENGIUM_KEY="${publicTest}"\n`,
    '.env.production': `ENGIUM_API_KEY=${committedLive}\nENGIUM_TENANT_ID=3fa85f64-5717-4562-b3fc-2c963f66afa6\n`,
    'apps/api/.env.test': `ENGIUM_API_KEY='${committedTest}'\n`,
    '.env.local': `ENGIUM_API_KEY=${localServer}\nEXPO_PUBLIC_ENGIUM_KEY=${localPublic}\n`,
    '.env.staging.local': `ACME_PUBLIC_ENGIUM_KEY=${customPrefix}\n`,
    '.env.example': 'ENGIUM_API_KEY=eng_live_xxxxxxxxxxxx\nNEXT_PUBLIC_ENGIUM_API_KEY=eng_live_YOURKEYHERE\n',
    'engium.config.json': JSON.stringify({ publicEnvPrefixes: ['ACME_PUBLIC_'] }),
  });
  const { report, status } = scanJson(dir, keys, ['--no-graph']);

  it('applies the env rules exactly', () => {
    expect(summaries(report)).toEqual([
      `.env:2:28 engium/public-env-key critical client plain ${redact(publicLive)}`,
      `.env:3:25 engium/public-env-key medium client plain ${redact(publicTest)}`,
      `.env.local:2:24 engium/public-env-key critical client plain ${redact(localPublic)}`,
      `.env.production:1:16 engium/env-file-key high server plain ${redact(committedLive)}`,
      `.env.staging.local:1:24 engium/public-env-key critical client plain ${redact(customPrefix)}`,
      `apps/api/.env.test:1:17 engium/env-file-key low server plain ${redact(committedTest)}`,
    ]);
    expect(status).toBe(1);
  });

  it('does not report a server-only key in a gitignored .env.local', () => {
    expect(report.findings.some((finding) => finding.secret.redacted === redact(localServer))).toBe(false);
  });

  it('explains the public prefix and the fix', () => {
    const finding = report.findings[0];
    expect(finding?.message).toContain('NEXT_PUBLIC_ENGIUM_API_KEY');
    expect(finding?.message).toContain('Next.js inlines NEXT_PUBLIC_ variables');
    expect(finding?.message).toContain('POST /auth/login');
    expect(finding?.chain?.length).toBeGreaterThan(0);
  });

  it('passes with --fail-on critical when only high findings remain', () => {
    const onlyCommitted = gitRepo();
    writeFiles(onlyCommitted, { '.env.production': `ENGIUM_API_KEY=${committedLive}\n` });
    expect(scanJson(onlyCommitted, keys, ['--no-graph', '--fail-on', 'critical']).status).toBe(0);
    expect(scanJson(onlyCommitted, keys, ['--no-graph']).status).toBe(1);
  });
});

describe('files git tracks although .gitignore matches them', () => {
  const forcedEnv = fakeKey('live', 18);
  const forcedSource = fakeKey('live', 19);
  const untracked = fakeKey('live', 20);
  const forcedKeys = [forcedEnv, forcedSource, untracked];
  const dir = gitRepo();
  writeFiles(dir, {
    '.gitignore': '.env.local\nsecrets/\n',
    '.env.local': `ENGIUM_API_KEY=${forcedEnv}\n`,
    'secrets/engium.ts': `export const key = "${forcedSource}";\n`,
    'secrets/local-only.ts': `export const key = "${untracked}";\n`,
  });
  // `git add -f` commits them anyway; secrets/local-only.ts stays untracked and ignored.
  git(dir, 'add', '-f', '.gitignore', '.env.local', 'secrets/engium.ts');
  git(dir, 'commit', '-q', '-m', 'force-add');
  const { report } = scanJson(dir, forcedKeys, ['--no-graph']);

  it('counts a force-added env file as committed, and scans a force-added file in an ignored folder', () => {
    expect(summaries(report)).toEqual([
      `.env.local:1:16 engium/env-file-key high server plain ${redact(forcedEnv)}`,
      `secrets/engium.ts:1:21 engium/source-key high unknown plain ${redact(forcedSource)}`,
    ]);
  });

  it('outside a git repository, .gitignore is all there is', () => {
    const plain = tempDir();
    writeFiles(plain, { '.gitignore': '.env.local\n', '.env.local': `ENGIUM_API_KEY=${forcedEnv}\n` });
    expect(scanJson(plain, forcedKeys, ['--no-graph']).report.findings).toEqual([]);
  });
});
