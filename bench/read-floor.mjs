#!/usr/bin/env node
// A reference for the scan bench, not a scanner: walk a tree (skipping .git and node_modules, as
// every tool here does) and read each file into one reused buffer, with no search and no report.
// Its wall time is what any Node program pays here to start and to get the bytes: the floor under
// engium-scan's figure. `node bench/read-floor.mjs DIR` prints the files and bytes read.
//
// With `--prefilter`, each file's bytes also go through core's SIMD needle search once (the first
// thing engium-scan does with them, and the least any scanner that looks at every byte does): the
// difference between the two figures is what one pass over the bytes costs here, before any rule,
// source map or report (and after loading core, which the scanner loads too).
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const prefilter = args.includes('--prefilter');
const root = args.find((arg) => !arg.startsWith('--')) ?? '.';
const searchNeedles = prefilter ? (await import('../packages/core/dist/index.js')).searchNeedles : undefined;

let buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
let files = 0;
let bytes = 0;
let needles = 0;

function read(path) {
  const fd = openSync(path, 'r');
  try {
    for (let offset = 0; ; ) {
      if (offset === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
      const count = readSync(fd, buffer, offset, buffer.length - offset, offset);
      if (count === 0) return offset;
      offset += count;
    }
  } finally {
    closeSync(fd);
  }
}

function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.git' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.isFile()) {
      const size = read(path);
      if (searchNeedles) needles += searchNeedles(buffer.subarray(0, size)).needles.length;
      bytes += size;
      files++;
    }
  }
}

walk(root);
console.log(`${files} files, ${bytes} bytes${searchNeedles ? `, ${needles} needle starts` : ''}`);
