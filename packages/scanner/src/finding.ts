import type { Exposure, KeyEncoding, KeyKind, SecretDescription, Severity } from '@engium/core';

/**
 * The report contract shared by the CLI, its JSON Schema, the SARIF writer and the GitHub Action.
 * A finding never holds a key: only its redacted form and fingerprint.
 */

/** Core's encodings plus the one the scanner resolves in JS/TS source: constants joined by `+` or a template. */
export type FindingEncoding = KeyEncoding | 'concatenation';

export interface Snippet {
  /** The text of the finding's line (a window of it, for long lines), every key in it redacted. */
  text: string;
  /** 1-based column in `text` where the redacted key starts. */
  column: number;
}

export interface Position {
  /** POSIX path relative to the scanned directory. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, where the key or its encoded form starts. */
  column: number;
}

export interface CommitInfo {
  /** Full SHA of the first commit in the range that added the key to this file. */
  sha: string;
  author: string;
  /** ISO 8601. */
  date: string;
  /** Whether the key is still in the file at HEAD. */
  presentAtHead: boolean;
}

export interface Finding extends Position {
  ruleId: string;
  severity: Severity;
  message: string;
  exposure: Exposure;
  secret: SecretDescription;
  /** How the key is written where it was found. */
  encoding: FindingEncoding;
  /** The line around the key with every key on it redacted, for code frames. */
  snippet?: Snippet;
  /** For findings in built output: the original source position, through the source map. */
  origin?: Position;
  /** For client findings: the modules that ship it, entry first (`app/page.tsx ("use client")`, …). */
  chain?: string[];
  /** For findings from git history. */
  commit?: CommitInfo;
  /** Set when a baseline entry covers the finding: it is shown and counted, but does not fail the run. */
  baselined?: boolean;
  /**
   * In a report merged from many (`engium-scan merge`): every place the key appears, in every
   * repository and commit; the finding's own fields describe the most severe of them.
   */
  occurrences?: Occurrence[];
}

/** One place a key appears in a merged report. */
export interface Occurrence extends Position {
  /** The repository's name as the merge was told it (`owner/name`). */
  repository: string;
  ruleId: string;
  severity: Severity;
  exposure: Exposure;
  /** The message the scan gave for this place. */
  message?: string;
  origin?: Position;
  commit?: CommitInfo;
}

export interface SkippedFile {
  file: string;
  reason: string;
  /** In a merged report: the repository the file belongs to. */
  repository?: string;
}

export interface ScanStats {
  filesScanned: number;
  bytesScanned: number;
  durationMs: number;
  /** Files that were not (fully) scanned, each with a reason a person can act on. */
  skipped: SkippedFile[];
  /** Findings left out by an allowlist entry or an inline `engium-ignore` comment. */
  suppressed: number;
  /** Findings covered by the baseline (still listed, marked `baselined`). */
  baselined: number;
  /** Things that did not stop the scan but limit what it could tell (a broken source map, a huge file read in windows). */
  warnings?: ScanWarning[];
}

export interface ScanWarning {
  file: string;
  message: string;
}

/** One key (by fingerprint) in one repository, with the places it reaches: what reports count. */
export interface Leak {
  fingerprint: string;
  /** In a merged report: the repository this leak is in. */
  repository?: string;
  redacted: string;
  kind: KeyKind;
  /** The worst severity and exposure over its places. */
  severity: Severity;
  exposure: Exposure;
  /** Indices into the report's findings: the primary place first, then the others in reading order. */
  findings: number[];
}

export interface ScanReport {
  version: 1;
  /** The repository this report describes (`owner/name`), when the caller names it. */
  repository?: string;
  /** In a merged report: every repository merged, those without findings too. */
  repositories?: string[];
  findings: Finding[];
  /**
   * The findings grouped by key, as the JSON report writes them. Writers work them out from the
   * findings every time (report/leaks.ts); a report read back may carry them.
   */
  leaks?: Leak[];
  stats: ScanStats;
}

/**
 * Callers that must know raw keys in memory (the GitHub Action masks each one with
 * `core.setSecret` before anything is logged) pass this; it is called once per distinct key,
 * before the report exists. Nothing else ever sees a key.
 */
export type OnSecret = (key: string) => void;
