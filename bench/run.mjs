#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.mjs in name order. Each part installs what it lacks,
// measures its subject next to ripgrep and peers in the same run, and prints ratios.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const parts = readdirSync(here)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();
let failed = 0;
for (const part of parts) {
  console.log(`\n=== ${part}`);
  const result = spawnSync(process.execPath, [join(here, part)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
