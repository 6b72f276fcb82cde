/** A random-looking key that is deterministic per seed, so fixtures are reproducible. */
export declare function fakeKey(kind: 'live' | 'test', seed: number, length?: number): string;
/** A key deterministic per label (`nuxt/server-env`), distinct for distinct labels (a hash of the label). */
export declare function fakeKeyFor(kind: 'live' | 'test', label: string, length?: number): string;
