export * from './finding.js';
export * from './analyse/key-hits.js';
export * from './merge/merge-reports.js';
export * from './merge/read-report.js';
