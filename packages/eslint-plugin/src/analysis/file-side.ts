/**
 * Whether the linted file runs in the browser: core's markers (`"use client"`, `*.client.*`,
 * server paths, `import "server-only"`, Vue and Svelte components) plus the project's
 * `clientFiles` / `serverFiles` globs.
 */
import { componentMarker, fileMarker, MARKER_IMPORTS, prologueDirectives, type FileMarker } from '@engium/core';
import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import { relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { EngiumSettings } from './settings.js';

function globMarker(globs: readonly string[], side: 'client' | 'server', path: string): FileMarker | undefined {
  if (globs.length === 0 || !picomatch(globs as string[], { dot: true })(path)) return undefined;
  return { side, id: `${side}-files-setting`, reason: `settings.engium.${side}Files lists this file` };
}

export function fileSide(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, settings: EngiumSettings): FileMarker | undefined {
  const path = relative(context.cwd, context.filename).split(sep).join('/');
  const source = context.sourceCode.text;
  const directives = prologueDirectives(source);
  if (directives.includes('use client') || directives.includes('use server')) return fileMarker(path, source);
  for (const statement of context.sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      const specifier = statement.source.value;
      if (Object.hasOwn(MARKER_IMPORTS, specifier)) return MARKER_IMPORTS[specifier];
    }
  }
  const byPath = fileMarker(path);
  if (byPath?.side === 'server') return byPath;
  return globMarker(settings.serverFiles, 'server', path) ?? byPath ?? componentMarker(path) ?? globMarker(settings.clientFiles, 'client', path);
}
