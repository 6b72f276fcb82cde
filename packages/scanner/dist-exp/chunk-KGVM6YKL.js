import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  ruleById
} from "./chunk-DQOGS7S2.js";
import {
  SEVERITIES,
  meetsThreshold
} from "./chunk-IKJJJJ2Q.js";
import {
  __commonJS,
  __toESM
} from "./chunk-7BOAENXZ.js";

// node_modules/picocolors/picocolors.js
var require_picocolors = __commonJS({
  "node_modules/picocolors/picocolors.js"(exports, module) {
    var p = process || {};
    var argv = p.argv || [];
    var env = p.env || {};
    var isColorSupported = !(!!env.NO_COLOR || argv.includes("--no-color")) && (!!env.FORCE_COLOR || argv.includes("--color") || p.platform === "win32" || (p.stdout || {}).isTTY && env.TERM !== "dumb" || !!env.CI);
    var formatter = (open, close, replace = open) => (input) => {
      let string = "" + input, index = string.indexOf(close, open.length);
      return ~index ? open + replaceClose(string, close, replace, index) + close : open + string + close;
    };
    var replaceClose = (string, close, replace, index) => {
      let result2 = "", cursor = 0;
      do {
        result2 += string.substring(cursor, index) + replace;
        cursor = index + close.length;
        index = string.indexOf(close, cursor);
      } while (~index);
      return result2 + string.substring(cursor);
    };
    var createColors = (enabled = isColorSupported) => {
      let f = enabled ? formatter : () => String;
      return {
        isColorSupported: enabled,
        reset: f("\x1B[0m", "\x1B[0m"),
        bold: f("\x1B[1m", "\x1B[22m", "\x1B[22m\x1B[1m"),
        dim: f("\x1B[2m", "\x1B[22m", "\x1B[22m\x1B[2m"),
        italic: f("\x1B[3m", "\x1B[23m"),
        underline: f("\x1B[4m", "\x1B[24m"),
        inverse: f("\x1B[7m", "\x1B[27m"),
        hidden: f("\x1B[8m", "\x1B[28m"),
        strikethrough: f("\x1B[9m", "\x1B[29m"),
        black: f("\x1B[30m", "\x1B[39m"),
        red: f("\x1B[31m", "\x1B[39m"),
        green: f("\x1B[32m", "\x1B[39m"),
        yellow: f("\x1B[33m", "\x1B[39m"),
        blue: f("\x1B[34m", "\x1B[39m"),
        magenta: f("\x1B[35m", "\x1B[39m"),
        cyan: f("\x1B[36m", "\x1B[39m"),
        white: f("\x1B[37m", "\x1B[39m"),
        gray: f("\x1B[90m", "\x1B[39m"),
        bgBlack: f("\x1B[40m", "\x1B[49m"),
        bgRed: f("\x1B[41m", "\x1B[49m"),
        bgGreen: f("\x1B[42m", "\x1B[49m"),
        bgYellow: f("\x1B[43m", "\x1B[49m"),
        bgBlue: f("\x1B[44m", "\x1B[49m"),
        bgMagenta: f("\x1B[45m", "\x1B[49m"),
        bgCyan: f("\x1B[46m", "\x1B[49m"),
        bgWhite: f("\x1B[47m", "\x1B[49m"),
        blackBright: f("\x1B[90m", "\x1B[39m"),
        redBright: f("\x1B[91m", "\x1B[39m"),
        greenBright: f("\x1B[92m", "\x1B[39m"),
        yellowBright: f("\x1B[93m", "\x1B[39m"),
        blueBright: f("\x1B[94m", "\x1B[39m"),
        magentaBright: f("\x1B[95m", "\x1B[39m"),
        cyanBright: f("\x1B[96m", "\x1B[39m"),
        whiteBright: f("\x1B[97m", "\x1B[39m"),
        bgBlackBright: f("\x1B[100m", "\x1B[49m"),
        bgRedBright: f("\x1B[101m", "\x1B[49m"),
        bgGreenBright: f("\x1B[102m", "\x1B[49m"),
        bgYellowBright: f("\x1B[103m", "\x1B[49m"),
        bgBlueBright: f("\x1B[104m", "\x1B[49m"),
        bgMagentaBright: f("\x1B[105m", "\x1B[49m"),
        bgCyanBright: f("\x1B[106m", "\x1B[49m"),
        bgWhiteBright: f("\x1B[107m", "\x1B[49m")
      };
    };
    module.exports = createColors();
    module.exports.createColors = createColors;
  }
});

// packages/scanner/dist/report/index.js
import { writeFileSync } from "node:fs";

// packages/scanner/dist/report/json.js
function renderJson(report) {
  const { version: version2, findings, stats, ...rest } = report;
  return `${JSON.stringify({ version: version2, ...rest, findings, stats }, null, 2)}
`;
}

// packages/scanner/dist/report/sarif.js
import { createRequire } from "node:module";
var require2 = createRequire(import.meta.url);
var { version } = require2("../../package.json");
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var INFORMATION_URI = "https://github.com/engium/engium-guard/tree/main/packages/scanner";
var SECURITY_SEVERITY = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };
var LEVEL = { critical: "error", high: "error", medium: "warning", low: "note" };
function encodeUri(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}
function ruleDescriptor(ruleId, findings) {
  const rule = ruleById(ruleId);
  const worst = findings.map((finding) => finding.severity).sort((a, b) => Number(SECURITY_SEVERITY[b]) - Number(SECURITY_SEVERITY[a]))[0] ?? "high";
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.shortDescription },
    fullDescription: { text: rule.help.split("\n\n", 1)[0] ?? rule.shortDescription },
    help: { text: rule.help, markdown: rule.help.replace(/\n(\d\.)/g, "\n\n$1") },
    helpUri: INFORMATION_URI,
    defaultConfiguration: { level: LEVEL[worst] },
    properties: { tags: ["security", "secret", "engium"], precision: "very-high", "security-severity": SECURITY_SEVERITY[worst] }
  };
}
function result(finding, ruleIndex) {
  const region = { startLine: finding.line, startColumn: finding.column, ...finding.snippet ? { snippet: { text: finding.snippet.text } } : {} };
  const sarifResult = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(finding.file), uriBaseId: "%SRCROOT%" }, region } }],
    partialFingerprints: { "engiumKeyFingerprint/v1": `${finding.secret.fingerprint}:${finding.ruleId}` },
    properties: {
      severity: finding.severity,
      exposure: finding.exposure,
      encoding: finding.encoding,
      secret: { ...finding.secret },
      ...finding.chain ? { chain: finding.chain } : {},
      ...finding.commit ? { commit: { ...finding.commit } } : {}
    }
  };
  if (finding.origin) {
    sarifResult.relatedLocations = [
      {
        id: 1,
        message: { text: "original source, through the source map" },
        physicalLocation: {
          artifactLocation: { uri: encodeUri(finding.origin.file), uriBaseId: "%SRCROOT%" },
          region: { startLine: finding.origin.line, startColumn: finding.origin.column }
        }
      }
    ];
  }
  if (finding.baselined)
    sarifResult.baselineState = "unchanged";
  return sarifResult;
}
function toSarif(report) {
  const ruleIds = [...new Set(report.findings.map((finding) => finding.ruleId))].sort();
  const rules = ruleIds.map((id) => ruleDescriptor(id, report.findings.filter((finding) => finding.ruleId === id)));
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "engium-scan", informationUri: INFORMATION_URI, semanticVersion: version, version, rules } },
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The scanned directory (the repository root)." } } },
        results: report.findings.map((finding) => result(finding, ruleIds.indexOf(finding.ruleId))),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: [
              ...report.stats.skipped.filter((entry) => entry.reason !== "binary file").map((entry) => ({ level: "warning", message: { text: `not scanned: ${entry.reason}` }, locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(entry.file), uriBaseId: "%SRCROOT%" } } }] })),
              ...(report.stats.warnings ?? []).map((warning) => ({ level: "note", message: { text: warning.message }, locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(warning.file), uriBaseId: "%SRCROOT%" } } }] }))
            ]
          }
        ]
      }
    ]
  };
}
function renderSarif(report) {
  return `${JSON.stringify(toSarif(report), null, 2)}
`;
}

// packages/scanner/dist/report/text.js
var import_picocolors = __toESM(require_picocolors(), 1);
function printable(text) {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "?");
}
function severityLabel(severity, colours) {
  const label = severity.padEnd(8);
  if (severity === "critical")
    return colours.bold(colours.red(label));
  if (severity === "high")
    return colours.red(label);
  if (severity === "medium")
    return colours.yellow(label);
  return colours.dim(label);
}
function codeFrame(finding, colours) {
  if (!finding.snippet)
    return [];
  const gutter = String(finding.line);
  const caretPad = " ".repeat(Math.max(0, finding.snippet.column - 1));
  return [
    `    ${colours.dim(`${gutter} |`)} ${printable(finding.snippet.text)}`,
    `    ${colours.dim(`${" ".repeat(gutter.length)} |`)} ${caretPad}${colours.red("^")}`
  ];
}
function formatBytes(bytes) {
  if (bytes >= 1024 * 1024)
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024)
    return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
function summaryLine(report) {
  const { findings, stats } = report;
  const counts = SEVERITIES.map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length]).filter(([, count]) => count > 0).map(([severity, count]) => `${count} ${severity}`);
  const head = findings.length === 0 ? "No Engium keys found" : `${findings.length} finding${findings.length === 1 ? "" : "s"} (${counts.join(", ")})`;
  const extras = [
    stats.baselined ? `${stats.baselined} baselined` : "",
    stats.suppressed ? `${stats.suppressed} suppressed` : "",
    stats.skipped.length ? `${stats.skipped.length} skipped` : "",
    stats.warnings?.length ? `${stats.warnings.length} warning${stats.warnings.length === 1 ? "" : "s"}` : ""
  ].filter(Boolean);
  const scanned = `in ${stats.filesScanned} file${stats.filesScanned === 1 ? "" : "s"} (${formatBytes(stats.bytesScanned)}), ${(stats.durationMs / 1e3).toFixed(2)} s`;
  return `${head} ${scanned}${extras.length ? `; ${extras.join(", ")}` : ""}`;
}
function renderText(report, options = {}) {
  const colours = import_picocolors.default.createColors(options.color ?? false);
  const lines = [];
  const byFile = /* @__PURE__ */ new Map();
  for (const finding of report.findings) {
    const group = byFile.get(finding.file) ?? [];
    group.push(finding);
    byFile.set(finding.file, group);
  }
  for (const [file, findings] of byFile) {
    lines.push(colours.underline(printable(file)));
    for (const finding of findings) {
      const where = colours.dim(`${finding.line}:${finding.column}`.padEnd(8));
      const baselined = finding.baselined ? colours.dim(" (baselined)") : "";
      lines.push(`  ${where} ${severityLabel(finding.severity, colours)} ${finding.exposure.padEnd(7)} ${colours.dim(finding.ruleId)}${baselined}`);
      lines.push(`    ${printable(finding.message)}`);
      if (finding.origin)
        lines.push(`    ${colours.dim(`from ${printable(finding.origin.file)}:${finding.origin.line}:${finding.origin.column}`)}`);
      if (finding.commit)
        lines.push(`    ${colours.dim(`commit ${finding.commit.sha} by ${printable(finding.commit.author)} on ${finding.commit.date}`)}`);
      lines.push(...codeFrame(finding, colours));
    }
    lines.push("");
  }
  if (!options.quiet) {
    const { skipped, warnings = [] } = report.stats;
    const unreadable = skipped.filter((entry) => entry.reason !== "binary file");
    if (unreadable.length > 0) {
      lines.push(colours.yellow("Not scanned:"));
      for (const entry of unreadable)
        lines.push(`  ${printable(entry.file)}: ${printable(entry.reason)}`);
    }
    if (warnings.length > 0) {
      lines.push(colours.yellow("Warnings:"));
      for (const warning of warnings)
        lines.push(`  ${printable(warning.file)}: ${printable(warning.message)}`);
    }
    const summary = summaryLine(report);
    lines.push(report.findings.some((finding) => !finding.baselined) ? colours.bold(summary) : colours.green(summary));
  }
  return `${lines.join("\n")}
`;
}

// packages/scanner/dist/report/index.js
function renderReport(report, format, options = {}) {
  if (format === "json")
    return renderJson(report);
  if (format === "sarif")
    return renderSarif(report);
  return renderText(report, options);
}
function wantsColor(stream = process.stdout, env = process.env) {
  if (env.NO_COLOR !== void 0 && env.NO_COLOR !== "")
    return false;
  if (env.FORCE_COLOR !== void 0)
    return env.FORCE_COLOR !== "0";
  return stream.isTTY === true;
}
function writeReport(report, options) {
  const color = options.output === void 0 && (options.color ?? wantsColor());
  const text = renderReport(report, options.format, { color, ...options.quiet ? { quiet: true } : {} });
  if (options.output !== void 0)
    writeFileSync(options.output, text);
  else
    process.stdout.write(text);
}
function exitCodeFor(report, failOn) {
  return report.findings.some((finding) => !finding.baselined && meetsThreshold(finding.severity, failOn)) ? 1 : 0;
}

export {
  writeReport,
  exitCodeFor
};
