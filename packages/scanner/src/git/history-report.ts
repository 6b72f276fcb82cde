// `engium-scan history`: the history source, then the same classify → suppress → report stages
// as the directory audit, plus whether each key is still there at HEAD.
import { resolve } from 'node:path';
import type { ScanReport } from '../finding.js';
import type { buildFinding } from '../classify/finding.js';
import { RULES } from '../rules.js';
import { scanHistory, startHistoryLog, type HistoryHit, type HistoryLog } from './history-scan.js';
import { keysAtHead, presenceAtHead, sightingId, type KeysAtHead, type PresenceAtHead } from './head-presence.js';
import { GitError, runGit } from './process.js';
import { assembleReport, setUp, type GitReportOptions } from './report-parts.js';
import { revisionArguments, type RevisionOptions } from './revisions.js';

export type HistoryReportOptions = GitReportOptions & RevisionOptions;

/**
 * Says where the key still is at HEAD: in the file, or moved elsewhere. (A key gone everywhere
 * is already called a leak by the finding's message: "gone at HEAD but stays in every clone".)
 */
export function presenceNote(file: string, presence: PresenceAtHead): string {
  const others = presence.elsewhere.slice(0, 3).join(', ') + (presence.elsewhere.length > 3 ? ` and ${presence.elsewhere.length - 3} more` : '');
  if (presence.inFile) return ` At HEAD it is still in ${file}${others ? ` and also in ${others}` : ''}.`;
  if (others) return ` At HEAD it is gone from ${file} but still in ${others}.`;
  return '';
}

function candidateOf(build: typeof buildFinding, sighting: HistoryHit, presence: PresenceAtHead) {
  const { hit, exposure, commit, file } = sighting;
  const finding = build(hit, {
    file,
    ruleId: RULES.historyKey.id,
    // A LineExposure holds only the fields it has: exposure, reason, chain, envVariable.
    ...exposure,
    commit: {
      sha: commit.sha,
      author: commit.author,
      date: commit.date,
      presentAtHead: presence.inFile || presence.elsewhere.length > 0,
    },
  });
  finding.message += presenceNote(file, presence);
  return finding;
}

export async function historyReport(dir: string, options: HistoryReportOptions = {}): Promise<ScanReport> {
  const started = Date.now();
  // History paths are relative to the repository root, whichever folder of it was named. One
  // rev-parse answers both questions (each git process costs Node a fork).
  const asked = repositoryFacts(dir);
  asked.catch(() => undefined); // awaited below, after the revisions
  let log: HistoryLog;
  try {
    log = startHistoryLog(dir, await revisionArguments(dir, options));
  } catch (error) {
    await asked; // "not a git repository" comes before any complaint about a ref
    throw error;
  }
  try {
    return await reportOn(log, await asked, started, options);
  } catch (error) {
    log?.child.kill();
    throw error;
  }
}

/**
 * rev-parse's answers: the root, then whether the clone is shallow. A bare repository (a mirror
 * clone, a server's copy) has commits but no work tree, hence no top level: its root is itself,
 * and every later question is about HEAD's tree, which a bare repository answers as well.
 */
async function repositoryFacts(dir: string): Promise<Buffer> {
  try {
    return await runGit(dir, ['rev-parse', '--show-toplevel', '--is-shallow-repository']);
  } catch (error) {
    if (!(error instanceof GitError) || !/must be run in a work tree/.test(error.message)) throw error;
    const shallow = await runGit(dir, ['rev-parse', '--is-shallow-repository']);
    return Buffer.concat([Buffer.from(`${resolve(dir)}\n`), shallow]);
  }
}

/** The rest of the run, once the log has started: `answers` is rev-parse's (the root, then whether the clone is shallow). */
async function reportOn(log: HistoryLog, answers: Buffer, started: number, options: HistoryReportOptions): Promise<ScanReport> {
  // The root may hold a newline, the answer to the second question cannot.
  const text = answers.toString('utf8').replace(/\n$/, '');
  const split = text.lastIndexOf('\n');
  const root = text.slice(0, split);
  // A shallow clone (CI checkouts often are) starts at a grafted commit that seems to add every file.
  const shallow = text.slice(split + 1) === 'true';
  // The classify stage loads while the log runs, not before it starts.
  const classify = import('../classify/finding.js');
  classify.catch(() => undefined); // awaited below, unless the log fails first
  const { config, skipPath } = await setUp(root, options);
  // HEAD is read beside the log, not after it (the log is the long part, and git runs on its own
  // core), from the first key the log shows: a history without keys never reads HEAD.
  let atHead: Promise<KeysAtHead> | undefined;
  const readHead = (): Promise<KeysAtHead> => {
    if (!atHead) {
      atHead = keysAtHead(root);
      // Awaited below; until then (or if the log fails first) a failure must not count as unhandled.
      atHead.catch(() => undefined);
    }
    return atHead;
  };
  const scan = await scanHistory(log, {
    skipPath,
    ...(config.publicEnvPrefixes ? { publicEnvPrefixes: config.publicEnvPrefixes } : {}),
    onKey(key) {
      void readHead();
      options.onSecret?.(key);
    },
  });
  const atHeadRead = scan.hits.length > 0 ? await readHead() : { fingerprintsByFile: new Map(), filesByWord: new Map() };
  if (scan.hits.length > 0 && scan.wholeFiles.length > 0) await keysAtHead(root, scan.wholeFiles, atHeadRead);
  const presence = presenceAtHead(
    atHeadRead,
    scan.hits.map(({ hit, file }) => ({ key: hit.key, fingerprint: hit.secret.fingerprint, file })),
  );
  const warnings = [
    ...(shallow ? [{ file: '.', message: 'shallow clone: older commits are missing, and keys from them are reported at the oldest commit present (fetch more history with git fetch --unshallow)' }] : []),
    ...scan.warnings,
  ];
  const { buildFinding: build } = await classify;
  const candidates = scan.hits.map((sighting) =>
    candidateOf(build, sighting, presence.get(sightingId(sighting.hit.secret.fingerprint, sighting.file)) ?? { inFile: false, elsewhere: [] }),
  );
  return await assembleReport(
    { candidates, filesScanned: scan.fileChanges, bytesScanned: scan.bytesScanned, skipped: scan.skipped, warnings, started },
    config,
    options,
  );
}
