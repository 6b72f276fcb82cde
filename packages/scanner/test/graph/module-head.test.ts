// The marks the text pass takes from each module's start for the entry scan: directives in the
// prologue and marker imports, read from bytes, as the graph would read them.
import { prologueDirectives } from '@engium/core';
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

  it('skips any run of comments before a directive, and reads code after them as the end of the prologue', () => {
    expect(head(`/**\n * Licence: MIT * / not the end\n */\n// a\n//\n\v\f'use client'\n`)).toEqual({ directive: 'use client' });
    expect(head(`/* a */ /* b */ "use server";\n`)).toEqual({ directive: 'use server' });
    expect(head(`/* never closed\n'use client'\n`)).toBeUndefined();
    expect(head(`// only a comment`)).toBeUndefined();
    expect(head(`#!/usr/bin/env node`)).toBeUndefined();
    expect(head(`/ 2; 'use client'\n`)).toBeUndefined();
    expect(head(`/regex/.test(x);\n'use client'\n`)).toBeUndefined();
  });

  it('agrees with the decoded prologue on every way a module may start', () => {
    const starts = ['', ' ', '\n', '\r\n', '\t', '\uFEFF', '\u00A0', '#!/bin/node\n', '// c\n', '/* c */', '/* * / */', '/**/', '/*/', '//', '/', '*/', 'x', 'import a from "b";\n'];
    const directives = [`'use client'`, `"use server";`, `'use strict'`, `'use client' + x`, `"use client`, ''];
    for (const first of starts) {
      for (const second of starts) {
        for (const directive of directives) {
          const text = `${first}${second}${directive}\nexport default 1;\n`;
          const expected = prologueDirectives(text).find((name) => name === 'use client' || name === 'use server');
          expect(head(text)?.directive, JSON.stringify(text)).toBe(expected);
        }
      }
    }
  });
});
