import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { findAssembledKeys } from '../../src/analyse/concatenation.js';

const BODY = 'Xq7Lm2Pz9Rt4Vw8K';
// Built at run time, so the repository holds no key-shaped literal.
const KEY = ['eng', 'live', BODY].join('_');

describe('findAssembledKeys', () => {
  it.each([
    ['literal + literal', `const k = "eng_" + "live_" + "${BODY}";`, 'const k = '.length],
    ['constants defined earlier', `const P = 'eng_live_';\nconst B = '${BODY}';\nexport const K = P + B;`, `const P = 'eng_live_';\nconst B = '${BODY}';\nexport const K = `.length],
    ['a template of constants', `const B = "${BODY}";\nconst k = \`eng_live_\${B}\`;`, `const B = "${BODY}";\nconst k = `.length],
    ['minified declarations', `var o="eng_live_",s=o+"${BODY}";`, 'var o="eng_live_",s='.length],
    ['escapes inside a part', `const k = "eng_\\x6c" + "ive_${BODY}";`, 'const k = '.length],
  ])('%s', (_name, text, index) => {
    expect(findAssembledKeys(text)).toEqual([{ key: KEY, kind: 'live', index, length: expect.any(Number) }]);
  });

  it('reads the .concat() calls TypeScript and Babel write for templates when they compile to ES5', () => {
    const source = [
      `const BODY = '${BODY}';`,
      'const PREFIX = "eng_live_";',
      'export const KEY = `eng_live_${BODY}`;',
      'export const header = (tenant: string) => ({ Authorization: `Bearer eng_live_${BODY}`, tenant: `${tenant}` });',
      'export const joined = `${PREFIX}${BODY}`;',
      'export const mixed = `x${PREFIX}`.length + `eng_${"live_"}${BODY}`.length;',
    ].join('\n');
    // The compiler's own ES5 output: `"eng_live_".concat(BODY)`, `"".concat(PREFIX).concat(BODY)`.
    const es5 = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.CommonJS } }).outputText;
    expect(es5).toContain('.concat(');
    const found = findAssembledKeys(es5);
    expect(found.map(({ key }) => key)).toEqual([KEY, KEY, KEY, KEY]);
    for (const { index, length } of found) expect(es5.slice(index, index + length)).toMatch(/^"[^"]*"\.concat\(/);
    // A call that is not all constants assembles nothing, and stops the chain there.
    expect(findAssembledKeys(`var k = "eng_live_".concat(body, "${BODY}"); f(a, "${BODY}");`)).toEqual([]);
    expect(findAssembledKeys(`var k = "eng_live_".concat(x).concat("${BODY}");`)).toEqual([]);
  });

  it('reports the assembly once, not at each use of the constant', () => {
    const text = `const K = "eng_" + "live_${BODY}";\nfetch(u, { headers: { Authorization: \`Bearer \${K}\` } });\nconst again = K + "";`;
    expect(findAssembledKeys(text).map((found) => found.index)).toEqual(['const K = '.length]);
  });

  it('leaves keys written out whole to the plain matcher', () => {
    expect(findAssembledKeys(`const k = "${KEY}" + "";`)).toEqual([]);
  });

  it('ignores what it cannot resolve, comments and regex literals', () => {
    expect(findAssembledKeys(`const k = "eng_live_" + body;`)).toEqual([]);
    expect(findAssembledKeys(`// const k = "eng_" + "live_${BODY}";\n/* "eng_" + "live_${BODY}" */`)).toEqual([]);
    expect(findAssembledKeys(`const r = /"eng_/; const s = "live_" + "${BODY}";`)).toEqual([]);
  });

  it('skips placeholders', () => {
    expect(findAssembledKeys('const k = "eng_" + "live_xxxxxxxxxxxx";')).toEqual([]);
  });

  it('stays linear on a large minified input', () => {
    const text = `${'var a=b+c,d="x"+"y";'.repeat(200_000)}var o="eng_live_",s=o+"${BODY}";`;
    const started = performance.now();
    expect(findAssembledKeys(text)).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
