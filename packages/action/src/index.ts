// The runner's entry point: everything happens in main.ts.
import { run } from './main.js';
import { redactProcessOutput } from './redact-output.js';

redactProcessOutput();
await run();
