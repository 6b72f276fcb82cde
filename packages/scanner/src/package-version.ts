// The scanner's version, from its package.json (one folder up from src/ and dist/), for --version,
// the SARIF tool entry and the hook `init` sets up.
import { createRequire } from 'node:module';

export const { version: SCANNER_VERSION } = createRequire(import.meta.url)('../package.json') as { version: string };
