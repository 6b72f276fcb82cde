/** A random-looking key that is deterministic per seed, so fixtures are reproducible. */
export declare function fakeKey(kind: 'live' | 'test', seed: number, length?: number): string;
