import { describe, expect, it } from 'vitest';
import { findKeys, fingerprint, redact } from '../src/index.js';

const KEY = 'eng_live_a8Kd93LmQz7Xw2Pq';

describe('findKeys', () => {
  it('finds a plain key at its offset', () => {
    const text = `const key = "${KEY}";`;
    expect(findKeys(text)).toMatchObject([{ key: KEY, kind: 'live', encoding: 'plain', index: 13 }]);
  });

  it('leaves out identifiers and placeholders', () => {
    expect(findKeys('eng_live_subscription_count beng_live_a8Kd93LmQz7Xw2Pq eng_live_xxxxxxxxxxxx')).toEqual([]);
  });

  it('finds a base64-encoded key where its encoding starts', () => {
    const encoded = Buffer.from(`"${KEY}"`).toString('base64');
    const text = `atob("${encoded}")`;
    expect(findKeys(text)).toMatchObject([{ key: KEY, encoding: 'base64', index: 6 }]);
  });
});

describe('redact and fingerprint', () => {
  it('shows the prefix and last four body characters only', () => {
    expect(redact(KEY)).toBe('eng_live_…w2Pq');
    expect(fingerprint(KEY)).toMatch(/^[0-9a-f]{16}$/);
  });
});
