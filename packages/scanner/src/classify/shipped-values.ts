/**
 * Values a framework's server build sends to browsers as they are (`ShippedServerValue` rows of the
 * framework table): a key inside one ships, though the file around it runs on the server. The
 * built file is parsed, only when it holds a key, to find where the value's object lies.
 */
import { join } from 'node:path';
import picomatch from 'picomatch';
import type { FileAnalysis } from '../analyse/index.js';
import { FRAMEWORK_BUILDS, type ShippedServerValue } from '../frameworks.js';
import { MAX_MODULE_BYTES } from '../graph/read.js';
import { loadTypeScript, parseOptions, type Ts, type TypeScript } from '../graph/typescript.js';
import { readRegularText, realRootOf } from '../safe-read.js';

/** Where a shipped value lies in a built file: 1-based lines and columns, its end exclusive. */
export interface ShippedRange {
  value: ShippedServerValue;
  from: { line: number; column: number };
  to: { line: number; column: number };
}

const VALUES = FRAMEWORK_BUILDS.flatMap((row) => (row.shippedServerValues ?? []).map((value) => ({ value, matches: picomatch(value.files.map((glob) => `**/${glob}`), { dot: true }) })));

/** For each built file with a key that may hold a shipped value: where those values lie in it. */
export async function shippedValueRanges(root: string, analyses: readonly FileAnalysis[]): Promise<Map<string, ShippedRange[]>> {
  const ranges = new Map<string, ShippedRange[]>();
  const candidates = analyses.filter(({ file, hits }) => file.role === 'build' && !file.archive && hits.length > 0 && VALUES.some(({ matches }) => matches(file.path)));
  if (candidates.length === 0) return ranges;
  const ts = await loadTypeScript();
  for (const { file } of candidates) {
    let text: string;
    try {
      text = readRegularText(join(root, file.path), { within: realRootOf(root), maxBytes: MAX_MODULE_BYTES });
    } catch {
      // Unreadable or too large to parse: its findings keep the folder's verdict.
      continue;
    }
    const values = VALUES.filter(({ matches }) => matches(file.path)).map(({ value }) => value);
    // A cheap text test first: most server chunks do not declare the variable.
    const present = values.filter((value) => text.includes(value.variable));
    if (present.length === 0) continue;
    const source = ts.createSourceFile(file.path, text, parseOptions(ts), false, ts.ScriptKind.JS);
    const found = present.flatMap((value) => rangesOf(ts, source, value));
    if (found.length > 0) ranges.set(file.path, found);
  }
  return ranges;
}

function rangesOf(ts: Ts, source: TypeScript.SourceFile, value: ShippedServerValue): ShippedRange[] {
  const position = (offset: number) => {
    const { line, character } = source.getLineAndCharacterOfPosition(offset);
    return { line: line + 1, column: character + 1 };
  };
  const found: ShippedRange[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== value.variable) continue;
      const object = declaration.initializer;
      if (!object || !ts.isObjectLiteralExpression(object)) continue;
      for (const property of object.properties) {
        const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
        if (name === value.property) found.push({ value, from: position(property.getStart(source)), to: position(property.end) });
      }
    }
  }
  return found;
}

/** The shipped value a hit at `line:column` sits in, if any. */
export function shippedValueAt(ranges: readonly ShippedRange[] | undefined, line: number, column: number): ShippedRange | undefined {
  const before = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line < b.line || (a.line === b.line && a.column < b.column);
  return ranges?.find(({ from, to }) => !before({ line, column }, from) && before({ line, column }, to));
}
