import { describe, expect, it } from 'vitest';
import { evalModules, mayHoldEvalModuleKeys } from '../../src/analyse/eval-modules.js';

const KEY = 'KEYBYTES';

/** The bundle `parts` joined, and the offset of each KEY in it. */
function bundle(...parts: string[]): { bytes: Buffer; offsets: number[] } {
  const text = parts.join('');
  const offsets: number[] = [];
  for (let at = text.indexOf(KEY); at !== -1; at = text.indexOf(KEY, at + 1)) offsets.push(at);
  return { bytes: Buffer.from(text), offsets };
}

describe('mayHoldEvalModuleKeys', () => {
  it('finds a key inside an eval("…") string, past escaped quotes and backslashes', () => {
    const cases = [
      bundle('eval("const k = \\"', KEY, '\\";\\n//# sourceURL=webpack://app/./src/a.js?");'),
      bundle('x;\neval("a = \\"\\\\\\" + \\"', KEY, '\\"");'),
      bundle('eval("', KEY, '")'),
      // webpack with output.trustedTypes (Next.js's dev builds) passes each string through __webpack_require__.ts.
      bundle('/***/ (() => {\n\neval(__webpack_require__.ts("{const k = \\"', KEY, '\\";\\n//# sourceURL=webpack://app/./src/a.js?\\n}"));\n\n/***/ })'),
    ];
    for (const { bytes, offsets } of cases) {
      expect(mayHoldEvalModuleKeys(bytes, offsets)).toBe(true);
      const [module] = evalModules(bytes);
      expect(module && module.start < (offsets[0] ?? 0) && (offsets[0] ?? 0) < module.end).toBe(true);
    }
  });

  it('does not take other strings for eval strings', () => {
    const cases = [
      // An eval call that closed before the key's own string.
      bundle('eval("x");var k="', KEY, '";'),
      // A backslash escaped before the quote closes the eval string.
      bundle('eval("x\\\\");var k=\'', KEY, "';"),
      // The eval string is on an earlier line.
      bundle('eval("x\n', KEY, '")'),
      // No quote at all, or none before the key.
      bundle('var k=`', KEY, '`'),
      bundle(KEY, ' eval("x")'),
      bundle('eval("y");f("', KEY, '")'),
    ];
    for (const { bytes, offsets } of cases) expect(mayHoldEvalModuleKeys(bytes, offsets)).toBe(false);
  });

  it('checks every key, in any order, and reads nothing twice to do it', () => {
    const { bytes, offsets } = bundle('var a="', KEY, '";\neval("b = \\"', KEY, '\\"");var c="', KEY, '"');
    expect(mayHoldEvalModuleKeys(bytes, [...offsets].reverse())).toBe(true);
    expect(mayHoldEvalModuleKeys(bytes, [offsets[0] ?? 0, offsets[2] ?? 0])).toBe(false);
    expect(mayHoldEvalModuleKeys(bytes, [offsets[1] ?? 0, offsets[1] ?? 0])).toBe(true);
  });
});
