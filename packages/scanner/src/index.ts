export * from './finding.js';
export * from './analyse/key-hits.js';
