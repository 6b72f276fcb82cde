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
