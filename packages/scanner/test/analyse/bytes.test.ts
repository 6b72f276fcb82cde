import { describe, expect, it } from 'vitest';
import { keyHitsInBytes, WHOLE_DECODE_BYTES } from '../../src/analyse/bytes.js';

// Built at run time, so the repository holds no key-shaped literal.
const KEY = ['eng', 'live', 'Xq7Lm2Pz9Rt4Vw8K'].join('_');
const NOISE = 'if(e._live_reload)x.is_test_mode=!0;export{y as _test_helpers};var eng_live_subscription_count=1;\n';

function large(middle: string): Buffer {
  const noise = NOISE.repeat(Math.ceil((WHOLE_DECODE_BYTES * 2) / NOISE.length));
  return Buffer.from(`${noise}${middle}\n${noise}`);
}

describe('keyHitsInBytes', () => {
  it('finds nothing in identifiers that merely contain _live_ or _test_', () => {
    expect(keyHitsInBytes(large('')).hits).toEqual([]);
    expect(keyHitsInBytes(Buffer.from(NOISE)).hits).toEqual([]);
  });

  it('locates a key in a large buffer by windows, with the line and column of the whole file', () => {
    const buffer = large(`const a = "${KEY}";`);
    const line = buffer.toString('utf8', 0, buffer.indexOf(KEY)).split('\n').length;
    const [hit, ...rest] = keyHitsInBytes(buffer).hits;
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ key: KEY, line, column: 'const a = "'.length + 1, encoding: 'plain' });
    expect(hit?.snippet.text).toBe('const a = "eng_live_…Vw8K";');
  });

  it('keeps a key whose prefix head is escaped but whose underscores are plain', () => {
    const partly = `\\x65\\x6e\\x67${KEY.slice(3)}`;
    expect(keyHitsInBytes(large(`s="${partly}"`)).hits.map((hit) => hit.key)).toEqual([KEY]);
    expect(keyHitsInBytes(Buffer.from(`s="${partly}"`)).hits.map((hit) => hit.key)).toEqual([KEY]);
  });

  it('counts columns in UTF-16 units after multi-byte characters, and continues a region’s line', () => {
    const text = `// café ☕ 𝄞 "${KEY}"`;
    const [hit] = keyHitsInBytes(Buffer.from(text), { line: 7, column: 10 }).hits;
    expect(hit).toMatchObject({ line: 7, column: 10 + text.indexOf(KEY) + 1 });
  });

  it('finds keys close together in a large buffer once each', () => {
    const second = ['eng', 'test', 'Pz9Rt4Vw8KXq7Lm2'].join('_');
    // Needles just over one window apart: the second window starts inside the first key's token.
    const gap = ' '.repeat(4100 - (KEY.length + '";b="'.length));
    const buffer = large(`a="${KEY}";${gap}b="${second}";${gap}c="${KEY}";`);
    expect(keyHitsInBytes(buffer).hits.map((hit) => hit.key)).toEqual([KEY, second, KEY]);
  });
});
