/**
 * Runs the scans a plan asks for and gathers their results with repository-relative paths:
 * the working tree (all of it in an audit; the changed files in a pull request or push), the
 * commits of the range (or the whole history in an audit), and the ESLint rules on changed files.
 */
import * as core from '@actions/core';
import { compareSeverity, severityOf } from '@engium/core';
import { keyHitsInText, loadConfig, redactReport, scanDirectory, type Finding, type OnSecret, type ScanOptions, type ScanReport } from '@engium/scanner';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { git, gitSucceeds } from './git.js';
import { scanCommits, type HistoryResult } from './history.js';
import type { Inputs } from './inputs.js';
import { lintChangedFiles } from './lint.js';
import { mergeLintIntoFindings } from './merge-lint.js';
import { scanPackages } from './pack.js';
import type { RangePlan, ScanPlan } from './plan.js';
import { completeFullHistory, EMPTY_TREE, hasCommit, headCommit, RangeError, resolveRange, resolveSince, type ResolvedRange } from './range.js';
import { emptyResults, type KeyFinding, type RunResults } from './results.js';
import { suppressionFiles, suppressionsAddedByChange } from './suppressions.js';

export const UNAPPROVED_INLINE_IGNORE =
  'The engium-ignore comment beside it was added by this change and does not count: suppressions come from the base branch only, so a maintainer must approve it there (an allowlist entry in engium.config.json).';

interface ScanTarget {
  /** The checkout holding the head commit's files. */
  tree: string;
  /** Removes a temporary worktree, if one was made. */
  cleanup: () => Promise<void>;
}

/**
 * The working tree when it holds the head commit (or GitHub's merge commit for a pull request);
 * otherwise (`pull_request_target` checks out the base) a temporary worktree at head. Files are only
 * read, never run.
 */
async function checkoutOf(repo: string, head: string): Promise<ScanTarget> {
  const current = (await git(repo, ['rev-parse', 'HEAD'])).trim();
  const mergeParent = (await gitSucceeds(repo, ['rev-parse', '--verify', '--quiet', 'HEAD^2'])) ? (await git(repo, ['rev-parse', 'HEAD^2'])).trim() : '';
  if (current === head || mergeParent === head) return { tree: repo, cleanup: async () => undefined };
  const dir = await mkdtemp(join(tmpdir(), 'engium-guard-head-'));
  await git(repo, ['worktree', 'add', '--quiet', '--detach', dir, head]);
  core.info(`Scanning the head commit ${head.slice(0, 12)} in a temporary worktree (the checkout is at ${current.slice(0, 12)}).`);
  return {
    tree: dir,
    cleanup: async () => {
      await git(repo, ['worktree', 'remove', '--force', dir]).catch(() => rm(dir, { recursive: true, force: true }));
    },
  };
}

function withPrefix(prefix: string, path: string): string {
  return prefix === '' ? path : posix.join(prefix, path);
}

/** Findings of a scan of `<repo>/<prefix>`, moved to repository-relative paths. */
function relocate(report: ScanReport, prefix: string): Finding[] {
  return report.findings.map((finding) => ({
    ...finding,
    file: withPrefix(prefix, finding.file),
    ...(finding.origin ? { origin: { ...finding.origin, file: withPrefix(prefix, finding.origin.file) } } : {}),
    // Chain links are `path (why)`: the path leads, so prefixing the text moves it.
    ...(finding.chain && prefix !== '' ? { chain: finding.chain.map((link) => `${prefix}/${link}`) } : {}),
  }));
}

/** A finding concerns the change when its file, its source-map origin or a module of its chain changed. */
function touchesChange(finding: Finding, changed: ReadonlySet<string>): boolean {
  if (changed.has(finding.file) || (finding.origin && changed.has(finding.origin.file))) return true;
  return (finding.chain ?? []).some((link) => changed.has(link.split(' (')[0] ?? link));
}

function markChangedLines(findings: readonly Finding[], range: ResolvedRange | undefined): KeyFinding[] {
  return findings.map((finding) => ({ ...finding, onChangedLine: range?.addedLines.get(finding.file)?.has(finding.line) ?? false }));
}

/**
 * Keys on lines the pull request added that an `engium-ignore` comment it also added would hide:
 * they are findings, marked as needing approval.
 */
async function unapprovedInlineIgnores(tree: string, range: ResolvedRange, reported: KeyFinding[], onSecret: OnSecret): Promise<KeyFinding[]> {
  const byPlace = new Map(reported.map((finding) => [`${finding.secret.fingerprint}\0${finding.file}`, finding]));
  const seen = new Set<string>();
  const findings: KeyFinding[] = [];
  for (const [file, lines] of range.addedLines) {
    let text: string;
    try {
      text = await readFile(join(tree, file), 'utf8');
    } catch {
      continue;
    }
    for (const hit of keyHitsInText(text)) {
      if (!hit.ignoredInline || !lines.has(hit.line)) continue;
      onSecret(hit.key);
      const id = `${hit.secret.fingerprint}\0${file}`;
      if (seen.has(id)) continue;
      seen.add(id);
      // Already reported (from the pull request's commits, where the comment counts for nothing): say why.
      const known = byPlace.get(id);
      if (known) {
        known.unapprovedSuppression ??= UNAPPROVED_INLINE_IGNORE;
        continue;
      }
      findings.push({
        ruleId: 'engium/source-key',
        severity: severityOf(hit.kind, 'unknown'),
        message: `Engium ${hit.kind} key ${hit.secret.redacted} committed in ${file}.`,
        file,
        line: hit.line,
        column: hit.column,
        exposure: 'unknown',
        secret: hit.secret,
        encoding: hit.encoding,
        onChangedLine: true,
        unapprovedSuppression: UNAPPROVED_INLINE_IGNORE,
      });
    }
  }
  return findings;
}

/** Line `line` (1-based) of `file` at `commit`, or undefined when the file or the line is not there. */
async function lineAt(repo: string, commit: string, file: string, line: number): Promise<string | undefined> {
  try {
    return (await git(repo, ['show', `${commit}:${file}`])).split('\n')[line - 1];
  } catch {
    return undefined;
  }
}

/**
 * A history finding's line number belongs to the commit that added the key. Annotations land on
 * the file as it is at `head`: they may use the line only when it still holds the same text there.
 * The text is compared in memory and never printed.
 */
async function markLinesGoneSinceCommit(repo: string, head: string, findings: KeyFinding[]): Promise<void> {
  for (const finding of findings) {
    if (!finding.commit) continue;
    const then = await lineAt(repo, finding.commit.sha, finding.file, finding.line);
    const now = finding.commit.sha === head ? then : await lineAt(repo, head, finding.file, finding.line);
    finding.lineAtHead = then !== undefined && then === now;
  }
}

/** Sets apart the history findings of a key the tree scan already reports in the same file. */
function withoutDuplicates(tree: readonly KeyFinding[], history: readonly KeyFinding[]): Pick<RunResults, 'findings' | 'repeatedInHistory'> {
  const inTree = new Set(tree.map((finding) => `${finding.secret.fingerprint}\0${finding.file}`));
  const repeated = (finding: KeyFinding) => inTree.has(`${finding.secret.fingerprint}\0${finding.file}`);
  return { findings: [...tree, ...history.filter((finding) => !repeated(finding))], repeatedInHistory: history.filter(repeated) };
}

/** A scan of files under `<repo>/<prefix>`: the tree's, or a package's that `pack` lists. */
interface PlacedReport {
  report: ScanReport;
  prefix: string;
}

/** What the file scans and the history scan skipped, hid and read, with repository-relative paths. */
function scanTotals(scans: readonly PlacedReport[], history: HistoryResult | undefined): Pick<RunResults, 'skipped' | 'suppressed' | 'scanned'> {
  const sum = (count: (report: ScanReport) => number) => scans.reduce((total, { report }) => total + count(report), 0);
  return {
    skipped: [...scans.flatMap(({ report, prefix }) => report.stats.skipped.map((entry) => ({ ...entry, file: withPrefix(prefix, entry.file) }))), ...(history?.skipped ?? [])],
    suppressed: sum((report) => report.stats.suppressed) + (history?.suppressed ?? 0),
    scanned: {
      files: sum((report) => report.stats.filesScanned) + (history?.filesScanned ?? 0),
      bytes: sum((report) => report.stats.bytesScanned) + (history?.bytesScanned ?? 0),
      durationMs: 0,
      warnings: [
        ...scans.flatMap(({ report, prefix }) => (report.stats.warnings ?? []).map((warning) => ({ ...warning, file: withPrefix(prefix, warning.file) }))),
        ...(history?.warnings ?? []),
      ],
    },
  };
}

/**
 * The `pack` input's packages, scanned as `npm publish` would upload them. Not in a temporary
 * worktree (a `pull_request_target` head): it holds no build output, and npm would read the
 * untrusted head's config.
 */
async function scanPackedFiles(inputs: Inputs, tree: string, options: ScanOptions): Promise<PlacedReport[]> {
  if (inputs.pack.length === 0) return [];
  if (tree !== inputs.workspace) {
    core.info('pack: not scanned, since the head is read from a temporary worktree, which holds no build output and whose npm config is not trusted.');
    return [];
  }
  const packed = await scanPackages(join(tree, inputs.workingDirectory), inputs.pack, options);
  return packed.map(({ dir, report }) => ({ report, prefix: withPrefix(inputs.workingDirectory, dir) }));
}

const placeOf = (finding: Finding) => `${finding.secret.fingerprint}\0${finding.file}\0${finding.line}\0${finding.column}`;

/**
 * The tree's findings with the packages': a key both report at one place is one finding, rated as
 * the worse of the two (a library's server code is server in the tree and shipped in the package).
 */
function withPackedFindings(tree: readonly KeyFinding[], packed: readonly KeyFinding[]): KeyFinding[] {
  const merged = [...tree];
  const indexByPlace = new Map(merged.map((finding, index) => [placeOf(finding), index]));
  for (const finding of packed) {
    const index = indexByPlace.get(placeOf(finding));
    const known = index === undefined ? undefined : merged[index];
    if (index === undefined || known === undefined) {
      indexByPlace.set(placeOf(finding), merged.length);
      merged.push(finding);
    } else if (compareSeverity(finding.severity, known.severity) < 0) {
      merged[index] = { ...finding, onChangedLine: known.onChangedLine };
    }
  }
  return merged;
}

/** Whether a change alters what a package publishes: its manifest or its .npmignore. */
function changesPublishedFiles(changed: ReadonlySet<string>, prefix: string): boolean {
  return ['package.json', '.npmignore'].some((name) => changed.has(withPrefix(prefix, name)));
}

async function scanRange(inputs: Inputs, plan: RangePlan, onSecret: OnSecret): Promise<RunResults> {
  const repo = inputs.workspace;
  let range: ResolvedRange;
  try {
    range = await resolveRange(repo, plan);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // A range that cannot be had never passes as "nothing to scan": the checkout at head, and all the history it holds, is scanned instead.
    const fallback = `${error.message} Scanning the whole tree at ${plan.head.slice(0, 12)} and the history it holds instead.`;
    core.warning(`Engium Guard: ${fallback}`);
    const audit = await scanAudit(inputs, onSecret, { head: plan.head, noSuppressions: plan.kind === 'pull-request', shallowTolerated: true });
    return { ...audit, fallback: audit.fallback ? `${fallback} ${audit.fallback}` : fallback };
  }
  if (range.fallback) core.warning(`Engium Guard: ${range.fallback}`);
  if (range.fetched.length > 0) core.info(`Fetched ${range.fetched.join(', ')} to complete the range.`);
  core.info(`${range.commits.length} commit(s) and ${range.changedFiles.length} changed file(s) to scan.`);
  const prefix = inputs.workingDirectory;
  const configPath = withPrefix(prefix, inputs.config);
  const baselinePath = inputs.baseline === undefined ? undefined : withPrefix(prefix, inputs.baseline);
  // A pull request is judged by its base branch's suppressions; a push by the pushed tree's own.
  const suppressions = await suppressionFiles(repo, plan.kind === 'pull-request' ? range.base : undefined, configPath, baselinePath);
  const target = await checkoutOf(repo, range.head);
  try {
    const scanRoot = join(target.tree, prefix);
    // Read once: the scan and the ESLint rules (API base URLs, public prefixes) share it.
    const config = await loadConfig(scanRoot, suppressions.configFile);
    const options = {
      onSecret,
      config,
      configFile: suppressions.configFile,
      ...(suppressions.baselineFile !== undefined ? { baselineFile: suppressions.baselineFile } : {}),
    };
    const changed = new Set(range.changedFiles.filter((file) => prefix === '' || file.startsWith(`${prefix}/`)));
    const report = await scanDirectory(scanRoot, options);
    const packed = await scanPackedFiles(inputs, target.tree, options);
    // Of a package, what the change touched, or all of it when the change alters what it publishes.
    const packedFindings = packed.flatMap(({ report: packReport, prefix: packPrefix }) =>
      relocate(packReport, packPrefix).filter((finding) => changesPublishedFiles(changed, packPrefix) || touchesChange(finding, changed)),
    );
    const treeFindings = withPackedFindings(
      markChangedLines(relocate(report, prefix).filter((finding) => touchesChange(finding, changed)), range),
      markChangedLines(packedFindings, range),
    );
    // The range's added lines are all the pull request's own: none of its ignore comments count.
    const historyOptions = plan.kind === 'pull-request' ? { ...options, inlineIgnores: false } : options;
    const historyReport = inputs.history ? await scanCommits(target.tree, prefix, `${range.base}..${range.head}`, historyOptions) : undefined;
    const historyFindings = markChangedLines(historyReport?.findings ?? [], range);
    const { findings, repeatedInHistory } = withoutDuplicates(treeFindings, historyFindings);
    if (plan.kind === 'pull-request') {
      const added = await suppressionsAddedByChange(repo, range.base, range.head, configPath, baselinePath);
      for (const finding of findings) {
        const note = added.get(finding.secret.fingerprint);
        if (note) finding.unapprovedSuppression = note;
      }
      findings.push(...(await unapprovedInlineIgnores(target.tree, range, findings, onSecret)));
    }
    const lint = inputs.eslint
      ? await lintChangedFiles(
          scanRoot,
          [...changed].map((file) => (prefix === '' ? file : file.slice(prefix.length + 1))),
          prefix === '' ? '' : `${prefix}/`,
          (file, line) => range.addedLines.get(file)?.has(line) ?? false,
          config,
        )
      : { problems: [], unparsable: [] };
    if (historyReport) await markLinesGoneSinceCommit(repo, range.head, findings);
    const totals = scanTotals([{ report, prefix }, ...packed], historyReport);
    return {
      findings,
      repeatedInHistory,
      lintProblems: mergeLintIntoFindings(findings, lint.problems),
      ...totals,
      skipped: [...totals.skipped, ...lint.unparsable],
      commit: range.head,
      ...(range.fallback ? { fallback: range.fallback } : {}),
    };
  } finally {
    await target.cleanup();
    await suppressions.cleanup();
  }
}

/** How a range's fallback audit differs from a plain one. */
interface FallbackAudit {
  /** The commit to audit, when the checkout may be elsewhere (`pull_request_target` checks out the base). */
  head: string;
  /** A pull request's own config must not suppress its findings, and its base's cannot be read: none count. */
  noSuppressions: boolean;
  /** A shallow checkout whose history cannot be fetched is audited with the history it holds, with a warning. */
  shallowTolerated: boolean;
}

async function scanAudit(inputs: Inputs, onSecret: OnSecret, fallback?: FallbackAudit): Promise<RunResults> {
  const repo = inputs.workspace;
  const prefix = inputs.workingDirectory;
  const head = fallback && (await hasCommit(repo, fallback.head)) ? fallback.head : undefined;
  const target = head ? await checkoutOf(repo, head) : { tree: repo, cleanup: async () => undefined };
  const scanRoot = join(target.tree, prefix);
  const suppressions = await suppressionFiles(
    target.tree,
    fallback?.noSuppressions ? EMPTY_TREE : undefined,
    withPrefix(prefix, inputs.config),
    inputs.baseline === undefined ? undefined : withPrefix(prefix, inputs.baseline),
  );
  const options = {
    onSecret,
    configFile: suppressions.configFile,
    ...(suppressions.baselineFile !== undefined ? { baselineFile: suppressions.baselineFile } : {}),
  };
  let report: ScanReport;
  let packed: PlacedReport[];
  let historyReport: HistoryResult | undefined;
  let since: string | undefined;
  let commit: string | undefined;
  let historyNote: string | undefined;
  try {
    report = await scanDirectory(scanRoot, options);
    packed = await scanPackedFiles(inputs, target.tree, options);
    if (inputs.history) {
      historyNote = await completeHistoryForAudit(repo, fallback?.shallowTolerated ?? false);
      since = await historyStart(repo, inputs.since);
      historyReport = await scanCommits(target.tree, prefix, since === undefined ? undefined : `${since}..HEAD`, options);
    }
    commit = await headCommit(target.tree);
  } finally {
    await target.cleanup();
    await suppressions.cleanup();
  }
  const treeFindings = withPackedFindings(
    markChangedLines(relocate(report, prefix), undefined),
    markChangedLines(packed.flatMap(({ report: packReport, prefix: packPrefix }) => relocate(packReport, packPrefix)), undefined),
  );
  return {
    ...withoutDuplicates(treeFindings, markChangedLines(historyReport?.findings ?? [], undefined)),
    lintProblems: [],
    ...scanTotals([{ report, prefix }, ...packed], historyReport),
    ...(commit !== undefined ? { commit } : {}),
    ...(since !== undefined ? { historySince: since } : {}),
    ...(historyNote !== undefined ? { fallback: historyNote } : {}),
  };
}

/**
 * Fetches the whole history for an audit; a fallback audit goes on with the history it has when
 * that fails, and returns what it says about that.
 */
async function completeHistoryForAudit(repo: string, shallowTolerated: boolean): Promise<string | undefined> {
  try {
    const fetched = await completeFullHistory(repo);
    if (fetched.length > 0) core.info(`Fetched ${fetched.join(', ')} to audit the history.`);
    return undefined;
  } catch (error) {
    if (!shallowTolerated || !(error instanceof RangeError)) throw error;
    const note = `${error.message}; scanning only the commits the checkout holds.`;
    core.warning(`Engium Guard: ${note}`);
    return note.charAt(0).toUpperCase() + note.slice(1);
  }
}

/**
 * Where an audit's history scan starts: after `since` when that commit is in HEAD's history (an
 * incremental audit), else from the beginning, with a warning when `since` was asked for.
 */
async function historyStart(repo: string, since: string | undefined): Promise<string | undefined> {
  if (since === undefined) return undefined;
  const start = await resolveSince(repo, since);
  if (start.commit !== undefined) {
    core.info(`Scanning the history after ${start.commit.slice(0, 12)} (since).`);
    return start.commit;
  }
  core.warning(`Engium Guard: since ${since.slice(0, 40)}: ${start.reason}; scanning the whole history instead.`);
  return undefined;
}

export async function collectResults(inputs: Inputs, plan: ScanPlan, onSecret: OnSecret): Promise<RunResults> {
  const started = Date.now();
  if (plan.kind === 'nothing') return emptyResults();
  const results = plan.kind === 'audit' ? await scanAudit(inputs, onSecret) : await scanRange(inputs, plan, onSecret);
  results.scanned.durationMs = Date.now() - started;
  // Every string here came from the repository (names, authors, messages): annotations, the summary,
  // comments, issues, webhooks and report files all read this one redacted copy.
  return redactReport(results);
}
