/**
 * One finding from one key hit: severity from core, and a message that says what happened and
 * what to do, in core's words. Shared by every command (scan, history, staged), so they all
 * speak alike.
 */
import { INJECTION_ADVICE, JWT_FLOW_ADVICE, ROTATE_ADVICE, ROTATE_IF_PUSHED_ADVICE, SERVER_SIDE_ADVICE, severityOf, type Exposure, type KeyKind, type SecretDescription } from '@engium/core';
import type { CommitInfo, Finding, FindingEncoding, Origin, Snippet } from '../finding.js';
import { snippetOf } from '../analyse/snippet.js';
import { RULES } from '../rules.js';

/** What buildFinding needs from a key hit (a KeyHit from `keyHitsInText` fits). */
export interface HitLike {
  kind: KeyKind;
  secret: SecretDescription;
  encoding: FindingEncoding;
  line: number;
  column: number;
  /** Length of the key or its encoded form, for the code frame. */
  length?: number;
  ignoredInline?: boolean;
  snippet?: Snippet;
}

export interface FindingContext {
  /** POSIX path relative to the scanned root. */
  file: string;
  ruleId: string;
  exposure?: Exposure;
  /** Why that exposure, in words a person can check. */
  reason?: string;
  /** For client exposure: the modules that ship it, entry first. */
  chain?: string[];
  /** Modules that import the constant or read the env variable. */
  readers?: string[];
  /** For built output: the original position. */
  origin?: Origin;
  /** For `.env*` files: the variable that holds the key. */
  envVariable?: string;
  /** The build config line that injects the key into client code (`vite.config.ts:7`). */
  injectedBy?: string;
  /** Who receives the key, when not every visitor's browser (`everyone who installs the app`): env and source findings say so. */
  receivedBy?: string;
  /** What to do, when the rule's own advice does not fit (a tool that ships env files whole). */
  advice?: string;
  /** For git history and staged changes. */
  commit?: CommitInfo;
  /** The text of the hit's line, when the hit carries no snippet yet. */
  lineText?: string;
}

/** A finding before suppressions: it still knows whether an inline `engium-ignore` covers it. */
export type FindingCandidate = Finding & { ignoredInline?: boolean };

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function encodingNote(encoding: FindingEncoding): string {
  if (encoding === 'plain') return '';
  if (encoding === 'concatenation') return ' (assembled from string constants)';
  return ` (hidden as ${encoding})`;
}

/** A reason beside a clause: in parentheses, unless it holds some itself (chain links do), which would nest them. */
function aside(reason: string): string {
  return reason.includes('(') ? `; ${reason}` : ` (${reason})`;
}

/** What happened: where the key is and how far it travels. */
function whatHappened(hit: HitLike, context: FindingContext, exposure: Exposure): string {
  const key = `${hit.kind === 'live' ? 'Live' : 'Test'} Engium key ${hit.secret.redacted}${encodingNote(hit.encoding)}`;
  const chain = context.chain?.length ? context.chain.join(' → ') : undefined;
  const reason = context.reason ? aside(context.reason) : '';
  switch (context.ruleId) {
    case RULES.publicEnvKey.id:
      return `${key} is assigned to ${context.envVariable ?? 'a public variable'} in ${context.file}${reason}: ${context.receivedBy ?? "every visitor's browser"} receives it.`;
    case RULES.envFileKey.id:
      return exposure === 'client'
        ? `${key} is assigned to ${context.envVariable ?? 'a variable'} in committed ${context.file} and reaches the browser${chain ? `: ${chain}` : reason}.`
        : `${key} is committed in ${context.file}${context.envVariable ? ` (${context.envVariable})` : ''}: everyone with the repository has it.${
            // Client code that reads it is named below: the reason says why that ships nothing.
            exposure === 'server' && context.readers?.length && context.reason ? ` It does not ship: ${context.reason}.` : ''
          }`;
    case RULES.bundleKey.id: {
      const from = context.origin ? `, from ${context.origin.file}:${context.origin.line}:${context.origin.column}${context.origin.inRepository ? '' : ' (not a file of the repository)'}` : '';
      const served = exposure === 'client' ? `, which is served to browsers${reason}${chain ? `: ${chain}` : ''}` : exposure === 'server' ? `${reason}` : '';
      return `${key} is in built output ${context.file}${from}${served}.`;
    }
    case RULES.shippedKey.id:
      return `${key} in ${context.file} ${context.reason ?? 'ships to users'}.`;
    case RULES.historyKey.id: {
      const commit = context.commit;
      const when = commit ? ` was added in commit ${commit.sha.slice(0, 12)} (${commit.author}, ${commit.date.slice(0, 10)})` : ' is in git history';
      const still = commit && !commit.presentAtHead ? '; it is gone at HEAD but stays in every clone' : '';
      return `${key}${when} to ${context.file}${still}.`;
    }
    case RULES.stagedKey.id:
      return `${key} is staged for commit in ${context.file}.`;
    default:
      return exposure === 'client'
        ? `${key} in ${context.file} ships to ${context.receivedBy ?? 'the browser'}${context.injectedBy ? reason : ''}${chain ? `: ${chain}` : reason}.`
        : `${key} is committed in ${context.file}${exposure === 'server' ? reason : ''}.`;
  }
}

/** What to do, in core's words. */
function whatToDo(context: FindingContext, exposure: Exposure): string {
  if (context.advice !== undefined) return `${capitalise(context.advice)}; ${JWT_FLOW_ADVICE}. ${ROTATE_ADVICE}.`;
  if (context.injectedBy && exposure === 'client') {
    return `Stop the injection at ${context.injectedBy}: ${INJECTION_ADVICE}; ${JWT_FLOW_ADVICE}. ${ROTATE_ADVICE}.`;
  }
  if (context.ruleId === RULES.publicEnvKey.id) {
    return `Drop the public prefix and read the key on the server only; ${JWT_FLOW_ADVICE}. ${ROTATE_ADVICE}.`;
  }
  if (context.ruleId === RULES.stagedKey.id) {
    return `Unstage it and move the key to a gitignored env file such as .env.local. ${ROTATE_IF_PUSHED_ADVICE}. In an emergency, git commit --no-verify bypasses the hook.`;
  }
  const move =
    exposure === 'client'
      ? `Move it server-side (${SERVER_SIDE_ADVICE}); ${JWT_FLOW_ADVICE}.`
      : context.ruleId === RULES.envFileKey.id
        ? 'Move it to a gitignored env file such as .env.local or to a secret store, and stop committing this file.'
        : `${capitalise(SERVER_SIDE_ADVICE)}.`;
  return `${move} ${ROTATE_ADVICE}: a committed key must be treated as leaked.`;
}

/** The finding for `hit` at `context.file`, with severity, message and redacted code frame. */
export function buildFinding(hit: HitLike, context: FindingContext): FindingCandidate {
  const exposure = context.exposure ?? 'unknown';
  const readers = context.readers?.length ? ` Read by: ${context.readers.join(', ')}.` : '';
  const snippet =
    hit.snippet ??
    (context.lineText !== undefined ? snippetOf(context.lineText, hit.column, hit.length ?? hit.secret.redacted.length, hit.secret.redacted) : undefined);
  const finding: FindingCandidate = {
    ruleId: context.ruleId,
    severity: severityOf(hit.kind, exposure),
    message: `${whatHappened(hit, context, exposure)}${readers} ${whatToDo(context, exposure)}`,
    file: context.file,
    line: hit.line,
    column: hit.column,
    exposure,
    secret: hit.secret,
    encoding: hit.encoding,
  };
  if (snippet) finding.snippet = snippet;
  if (context.origin) finding.origin = context.origin;
  if (exposure === 'client' && context.chain?.length) finding.chain = context.chain;
  if (context.commit) finding.commit = context.commit;
  if (hit.ignoredInline) finding.ignoredInline = true;
  return finding;
}
