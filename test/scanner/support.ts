// Helpers for the engium-scan end-to-end tests: run the built CLI, parse and validate its reports
// against the shipped JSON Schema and the official SARIF 2.1.0 schema, and check that no output
// holds a full key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import type { Finding, ScanReport } from '../../packages/scanner/src/finding.js';
import { REPO_ROOT, expectNoFullKey, runScanner, type CliResult } from '../support/index.js';

export const REPORT_SCHEMA_PATH = join(REPO_ROOT, 'packages/scanner/schemas/report.schema.json');
/** CI keeps ../shared beside the clone. */
export const SARIF_SCHEMA_PATH = join(REPO_ROOT, '../shared/schemas/sarif-schema-2.1.0.json');

type SchemaNode = { properties?: Record<string, unknown>; [keyword: string]: unknown };

/**
 * The official SARIF 2.1.0 schema puts some keywords (`anyOf` on `region`) inside `properties`,
 * where no validator reads them and a strict one rejects the schema. Lift them to where they mean
 * what the spec says (a region needs a start), so the schema validates more, never less.
 */
function liftMisplacedKeywords(node: unknown): void {
  if (typeof node !== 'object' || node === null) return;
  const schema = node as SchemaNode;
  for (const [name, value] of Object.entries(schema.properties ?? {})) {
    if (Array.isArray(value) && schema.properties) {
      schema[name] = value;
      delete schema.properties[name];
    }
  }
  for (const value of Object.values(schema)) liftMisplacedKeywords(value);
}

function compile(ajv: Ajv | Ajv2020, path: string) {
  addFormats.default(ajv);
  const schema = JSON.parse(readFileSync(path, 'utf8')) as object;
  liftMisplacedKeywords(schema);
  return ajv.compile(schema);
}

const validateReport = compile(new Ajv({ allErrors: true, strict: false }), REPORT_SCHEMA_PATH);
/** The SARIF schema writes case-insensitive patterns as `(?i)…`, which JavaScript spells with the `i` flag. */
function inlineFlagRegExp(pattern: string, flags: string): RegExp {
  return pattern.includes('(?i)') ? new RegExp(pattern.replaceAll('(?i)', ''), `${flags}i`) : new RegExp(pattern, flags);
}
inlineFlagRegExp.code = 'new RegExp';

const validateSarif = compile(new Ajv2020({ allErrors: true, strict: false, code: { regExp: inlineFlagRegExp } }), SARIF_SCHEMA_PATH);

export function expectValidReport(value: unknown): void {
  const valid = validateReport(value);
  expect(validateReport.errors ?? [], 'report schema errors').toEqual([]);
  expect(valid).toBe(true);
}

export function expectValidSarif(value: unknown): void {
  const valid = validateSarif(value);
  expect(validateSarif.errors ?? [], 'SARIF schema errors').toEqual([]);
  expect(valid).toBe(true);
}

export interface JsonScan extends CliResult {
  report: ScanReport;
}

/** Runs `engium-scan <dir> --format json …`, checks the output against the schema and for full keys. */
export function scanJson(dir: string, keys: readonly string[], args: string[] = []): JsonScan {
  const result = runScanner([dir, '--format', 'json', ...args]);
  expectNoFullKey(result.stdout + result.stderr, keys);
  let report: ScanReport;
  try {
    report = JSON.parse(result.stdout) as ScanReport;
  } catch {
    throw new Error(`engium-scan printed no JSON (exit ${result.status}): ${result.stderr}`);
  }
  expectValidReport(report);
  return { ...result, report };
}

/** The parts of a finding the tests compare exactly. */
export function summary(finding: Finding): string {
  const origin = finding.origin ? ` <- ${finding.origin.file}:${finding.origin.line}` : '';
  return `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.severity} ${finding.exposure} ${finding.encoding} ${finding.secret.redacted}${origin}`;
}

export function summaries(report: ScanReport): string[] {
  return report.findings.map(summary);
}
