import { describe, expect, it } from 'vitest';
import { hermesKeyHits, hermesStrings, isHermesBytecode } from '../../src/analyse/hermes.js';

// Built at run time, so the repository holds no key-shaped literal.
const KEY = ['eng', 'live', 'Xq7Lm2Pz9Rt4Vw8KbN3cD5fG'].join('_');

const MAGIC = [0xc6, 0x1f, 0xbc, 0x03, 0xc1, 0x03, 0x19, 0x1f];

/**
 * A minimal bytecode file in the v99 layout (12-byte function headers): no functions, one string
 * kind, the given strings back to back in storage, `next` right after the key so the raw bytes
 * run together. Real hermesc output is tested end to end (test/archives/hermes.test.ts).
 */
function bytecode(strings: string[]): Buffer {
  const storage = Buffer.from(strings.join(''), 'latin1');
  const header = Buffer.alloc(128);
  Buffer.from(MAGIC).copy(header);
  header.writeUInt32LE(99, 8);
  const tables = Buffer.alloc(4 + 4 * strings.length);
  tables.writeUInt32LE(strings.length, 0); // one kind (String) covering every string
  let offset = 0;
  strings.forEach((string, index) => {
    tables.writeUInt32LE(((offset << 1) | (string.length << 24)) >>> 0, 4 + 4 * index);
    offset += string.length;
  });
  header.writeUInt32LE(1, 44); // stringKindCount
  header.writeUInt32LE(strings.length, 52); // stringCount
  header.writeUInt32LE(storage.length, 60); // stringStorageSize
  const file = Buffer.concat([header, tables, storage]);
  file.writeUInt32LE(file.length, 32); // fileLength
  return file;
}

describe('Hermes bytecode', () => {
  it('recognises the magic', () => {
    expect(isHermesBytecode(bytecode(['a']))).toBe(true);
    expect(isHermesBytecode(Buffer.alloc(200))).toBe(false);
  });

  it('reads each string by the table, so a key does not run into its neighbour', () => {
    const file = bytecode(['hello', KEY, 'Qz9xtail']);
    expect(file.toString('latin1')).toContain(`${KEY}Qz9xtail`);
    const strings = hermesStrings(file);
    expect(Array.isArray(strings) && strings.map((string) => file.toString('latin1', string.offset, string.offset + string.length))).toEqual(['hello', KEY, 'Qz9xtail']);
    const { hits } = hermesKeyHits(file);
    expect(hits.map((hit) => [hit.key === KEY, hit.line, hit.column])).toEqual([[true, 1, file.indexOf(KEY) + 1]]);
  });

  it('says why a truncated file is not read', () => {
    const file = bytecode(['hello', KEY]);
    const { hits, problem } = hermesKeyHits(file.subarray(0, file.length - 10));
    expect(hits).toEqual([]);
    expect(problem).toMatch(/^truncated \(the header says \d+ bytes, the file has \d+\)$/);
  });
});
