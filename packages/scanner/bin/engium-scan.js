#!/usr/bin/env node
// A committed launcher, so npm can link the bin on a fresh install before `tsc -b` has built dist/.
import '../dist/cli.js';
