/** The step's outputs: counts and fingerprints, never a key. */
import * as core from '@actions/core';
import { keysOf, type RunResults } from './results.js';

export function setOutputs(results: RunResults, sarifFile: string | undefined): void {
  const fingerprints = [...keysOf(results.findings).keys()];
  core.setOutput('findings', results.findings.length + results.lintProblems.length);
  core.setOutput('leaked-keys', fingerprints.length);
  core.setOutput('fingerprints', fingerprints.join(','));
  core.setOutput('sarif-file', sarifFile ?? '');
}
