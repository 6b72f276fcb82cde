import { createRequire as __engiumCreateRequire } from 'node:module';
const require = __engiumCreateRequire(import.meta.url);
