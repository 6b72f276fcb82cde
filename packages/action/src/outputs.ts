/** The step's outputs: counts, fingerprints, report paths and commits, never a key. */
import * as core from '@actions/core';
import { leaksOfRun, type RunResults } from './results.js';

export function setOutputs(results: RunResults, files: { sarif: string; json: string }): void {
  // A leak is a key; a finding is a place (a key's place or an ESLint problem ESLint alone reports).
  const fingerprints = leaksOfRun(results.findings).map((leak) => leak.fingerprint);
  core.setOutput('findings', results.findings.length + results.lintProblems.length);
  core.setOutput('leaked-keys', fingerprints.length);
  core.setOutput('fingerprints', fingerprints.join(','));
  core.setOutput('sarif-file', files.sarif);
  core.setOutput('json-file', files.json);
  core.setOutput('commit', results.commit ?? '');
  core.setOutput('history-since', results.historySince ?? '');
}
