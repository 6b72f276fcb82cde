// Values a server build sends to browsers as they are: Nitro writes the runtime config into its
// server chunk (`_inlineRuntimeConfig`), and sends its `public` half with every server-rendered
// page. A key there ships though the file runs on the server; the rest of the config does not.
// (test/real-builds/exposure.test.ts checks the same on a real `nuxt build`.)
import { redact } from '@engium/core';
import { describe, expect, it } from 'vitest';
import { fakeKey, gitRepo, writeFiles } from '../support/index.js';
import { scanJson } from './support.js';

const publicKey = fakeKey('live', 3101);
const privateKey = fakeKey('live', 3102);
const minifiedPublic = fakeKey('live', 3103);
const minifiedPrivate = fakeKey('live', 3104);
const notNitro = fakeKey('live', 3105);
const keys = [publicKey, privateKey, minifiedPublic, minifiedPrivate, notNitro];

describe("Nitro's runtime config in its server build", () => {
  it('is client in `public`, server elsewhere, pretty-printed or minified, and only under a Nitro output folder', () => {
    const dir = gitRepo();
    const config = { app: { baseURL: '/' }, public: { widgetKey: publicKey }, engiumSecret: privateKey };
    writeFiles(dir, {
      'package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { nuxt: '4.4.5' } }),
      '.output/server/chunks/nitro/nitro.mjs': `import process from 'node:process';\n\nconst _inlineRuntimeConfig = ${JSON.stringify(config, null, 2)};\nconst envOptions = { prefix: "NITRO_" };\nexport { _inlineRuntimeConfig, envOptions };\n`,
      '.vercel/output/functions/__nitro.func/index.mjs': `const a=1;const _inlineRuntimeConfig={app:{baseURL:"/"},engiumSecret:"${minifiedPrivate}",public:{widgetKey:"${minifiedPublic}"}};export{_inlineRuntimeConfig};\n`,
      // The same name in a server file no Nitro preset writes: the folder's verdict stands.
      'server/dist/config.mjs': `const _inlineRuntimeConfig = { public: { widgetKey: "${notNitro}" } };\nexport default _inlineRuntimeConfig;\n`,
    });
    const { report } = scanJson(dir, keys, ['--no-graph']);
    const exposureOf = (key: string) => report.findings.filter((finding) => finding.secret.redacted === redact(key)).map((finding) => [finding.file, finding.exposure]);
    expect(exposureOf(publicKey)).toEqual([['.output/server/chunks/nitro/nitro.mjs', 'client']]);
    expect(exposureOf(privateKey)).toEqual([['.output/server/chunks/nitro/nitro.mjs', 'server']]);
    expect(exposureOf(minifiedPublic)).toEqual([['.vercel/output/functions/__nitro.func/index.mjs', 'client']]);
    expect(exposureOf(minifiedPrivate)).toEqual([['.vercel/output/functions/__nitro.func/index.mjs', 'server']]);
    expect(exposureOf(notNitro).map(([, exposure]) => exposure)).not.toContain('client');
    const shipped = report.findings.find((finding) => finding.secret.redacted === redact(publicKey));
    expect(shipped?.message).toContain("Nuxt/Nitro sends the public runtime config to every browser in each server-rendered page's payload");
    expect(shipped?.chain).toEqual(['.output/server/chunks/nitro/nitro.mjs:7 (_inlineRuntimeConfig.public)']);
  });
});
