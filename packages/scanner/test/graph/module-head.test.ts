// The marks the text pass takes from each module's start for the entry scan: directives in the
// prologue and marker imports, read from bytes, as the graph would read them.
import { describe, expect, it } from 'vitest';
import { HEAD_BYTES, moduleHeadOf } from '../../src/graph/module-head.js';

const head = (text: string | Buffer) => moduleHeadOf(typeof text === 'string' ? Buffer.from(text) : text);

describe('moduleHeadOf', () => {
  it('takes the first client or server directive of the prologue, after comments and a hashbang', () => {
    expect(head(`'use client';\nimport x from 'y';\n`)).toEqual({ directive: 'use client' });
    expect(head(`#!/usr/bin/env node\n/* licence\n  text */\n// note\n"use strict";\n"use server"\nexport async function save() {}\n`)).toEqual({ directive: 'use server' });
    expect(head(`\uFEFF'use client'\n`)).toEqual({ directive: 'use client' });
  });

  it('gives nothing for a module without marks, a directive after code, or one that is an expression', () => {
    expect(head(`import x from 'y';\n'use client';\n`)).toBeUndefined();
    expect(head(`'use client' + suffix;\n`)).toBeUndefined();
    expect(head(`export const mode = 'use client';\n`)).toBeUndefined();
    expect(head('')).toBeUndefined();
  });

  it('finds `import "server-only"` anywhere in the head, and only as an import', () => {
    expect(head(`import { db } from './db';\nimport 'server-only';\n`)).toEqual({ markerImports: ['server-only'] });
    expect(head(`'use client';\nimport "server-only"\n`)).toEqual({ directive: 'use client', markerImports: ['server-only'] });
    expect(head(`// see server-only docs\nconst name = 'server-only';\n`)).toBeUndefined();
  });

  it('looks no further than the head', () => {
    const padding = `// ${'x'.repeat(HEAD_BYTES)}\n`;
    expect(head(`${padding}import 'server-only';\n`)).toBeUndefined();
    expect(head(`import 'server-only';\n${padding}`)).toEqual({ markerImports: ['server-only'] });
  });
});
