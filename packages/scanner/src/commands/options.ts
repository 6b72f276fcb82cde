import type { SeverityThreshold } from '@engium/core';

/** Options every reporting command takes (see cli.ts). */
export interface CommonOptions {
  format: 'text' | 'json' | 'sarif';
  output?: string;
  failOn: SeverityThreshold;
  config?: string;
  baseline?: string;
  quiet?: boolean;
  /** `--no-graph`: skip the module-graph pass (scan and baseline). */
  graph?: boolean;
  /** `--threads N`: threads that read files (scan and baseline). */
  threads?: number;
}

/** What `history` adds (see cli.ts). */
export interface HistoryOptions {
  range?: string;
  since?: string;
  all?: boolean;
}

export type CommandOptions = CommonOptions & HistoryOptions;
