#!/usr/bin/env node
// The installed command. A committed, executable file, so `npx engium-scan` works right after
// `npm ci && npm run build` (tsc writes dist/cli.js without the executable bit).
import "../dist/cli.js";
