import { describe, expect, it } from 'vitest';
import { childPath, nameFromBytes, namesFromNulSeparated, pathText } from '../../src/discover/byte-names.js';

describe('nameFromBytes', () => {
  it('keeps valid UTF-8 (U+FFFD included) and shows each invalid byte as \\xHH', () => {
    expect(nameFromBytes(Buffer.from('src/é😀\ufffd.ts'))).toBe('src/é😀\ufffd.ts');
    expect(nameFromBytes(Buffer.from([0x61, 0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xc3, 0xa9]))).toBe('a\\xff\\xc3(\\xed\\xa0\\x80é');
    expect(nameFromBytes(Buffer.from([0xf0, 0x9f, 0x98]))).toBe('\\xf0\\x9f\\x98');
  });

  it('reads git -z output and joins paths whether names are strings or bytes', () => {
    expect(namesFromNulSeparated(Buffer.from('a.ts\0b\xff.ts\0', 'latin1'))).toEqual(['a.ts', 'b\\xff.ts']);
    expect(childPath('/r', 'a')).toBe('/r/a');
    const raw = childPath('/r/', Buffer.from([0xff]));
    expect(Buffer.isBuffer(raw) && [...raw]).toEqual([...Buffer.from('/r/'), 0xff]);
    expect(pathText(raw)).toBe('/r/\\xff');
  });
});
