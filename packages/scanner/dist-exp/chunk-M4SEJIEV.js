import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  snippetOf
} from "./chunk-ECVGTPWI.js";
import {
  RULES
} from "./chunk-DQOGS7S2.js";
import {
  JWT_FLOW_ADVICE,
  ROTATE_ADVICE,
  SERVER_SIDE_ADVICE,
  severityOf
} from "./chunk-IKJJJJ2Q.js";

// packages/scanner/dist/classify/finding.js
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
function encodingNote(encoding) {
  if (encoding === "plain")
    return "";
  if (encoding === "concatenation")
    return " (assembled from string constants)";
  return ` (hidden as ${encoding})`;
}
function whatHappened(hit, context, exposure) {
  const key = `${hit.kind === "live" ? "Live" : "Test"} Engium key ${hit.secret.redacted}${encodingNote(hit.encoding)}`;
  const chain = context.chain?.length ? context.chain.join(" \u2192 ") : void 0;
  const reason = context.reason ? ` (${context.reason})` : "";
  switch (context.ruleId) {
    case RULES.publicEnvKey.id:
      return `${key} is assigned to ${context.envVariable ?? "a public variable"} in ${context.file}${reason}: every visitor's browser receives it.`;
    case RULES.envFileKey.id:
      return exposure === "client" ? `${key} is assigned to ${context.envVariable ?? "a variable"} in committed ${context.file} and reaches the browser${chain ? `: ${chain}` : reason}.` : `${key} is committed in ${context.file}${context.envVariable ? ` (${context.envVariable})` : ""}: everyone with the repository has it.`;
    case RULES.bundleKey.id: {
      const from = context.origin ? `, from ${context.origin.file}:${context.origin.line}:${context.origin.column}` : "";
      const served = exposure === "client" ? `, which is served to browsers${chain ? `: ${chain}` : reason}` : exposure === "server" ? `${reason}` : "";
      return `${key} is in built output ${context.file}${from}${served}.`;
    }
    case RULES.historyKey.id: {
      const commit = context.commit;
      const when = commit ? ` was added in commit ${commit.sha.slice(0, 12)} (${commit.author}, ${commit.date.slice(0, 10)})` : " is in git history";
      const still = commit && !commit.presentAtHead ? "; it is gone at HEAD but stays in every clone" : "";
      return `${key}${when} to ${context.file}${still}.`;
    }
    case RULES.stagedKey.id:
      return `${key} is staged for commit in ${context.file}.`;
    default:
      return exposure === "client" ? `${key} in ${context.file} ships to the browser${chain ? `: ${chain}` : reason}.` : `${key} is committed in ${context.file}${exposure === "server" ? reason : ""}.`;
  }
}
function whatToDo(context, exposure) {
  if (context.ruleId === RULES.publicEnvKey.id) {
    return `Drop the public prefix and read the key on the server only; ${JWT_FLOW_ADVICE}. ${ROTATE_ADVICE}.`;
  }
  if (context.ruleId === RULES.stagedKey.id) {
    return `Unstage it and move the key to a gitignored env file such as .env.local; rotate it if it was ever pushed (${ROTATE_ADVICE.toLowerCase()}). In an emergency, git commit --no-verify bypasses the hook.`;
  }
  const move = exposure === "client" ? `Move it server-side (${SERVER_SIDE_ADVICE}); ${JWT_FLOW_ADVICE}.` : context.ruleId === RULES.envFileKey.id ? "Move it to a gitignored env file such as .env.local or to a secret store, and stop committing this file." : `${capitalise(SERVER_SIDE_ADVICE)}.`;
  return `${move} ${ROTATE_ADVICE}: a committed key must be treated as leaked.`;
}
function buildFinding(hit, context) {
  const exposure = context.exposure ?? "unknown";
  const readers = context.readers?.length ? ` Read by: ${context.readers.join(", ")}.` : "";
  const snippet = hit.snippet ?? (context.lineText !== void 0 ? snippetOf(context.lineText, hit.column, hit.length ?? hit.secret.redacted.length, hit.secret.redacted) : void 0);
  const finding = {
    ruleId: context.ruleId,
    severity: severityOf(hit.kind, exposure),
    message: `${whatHappened(hit, context, exposure)}${readers} ${whatToDo(context, exposure)}`,
    file: context.file,
    line: hit.line,
    column: hit.column,
    exposure,
    secret: hit.secret,
    encoding: hit.encoding
  };
  if (snippet)
    finding.snippet = snippet;
  if (context.origin)
    finding.origin = context.origin;
  if (exposure === "client" && context.chain?.length)
    finding.chain = context.chain;
  if (context.commit)
    finding.commit = context.commit;
  if (hit.ignoredInline)
    finding.ignoredInline = true;
  return finding;
}

export {
  buildFinding
};
