import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// packages/scanner/dist/config.js
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isAbsolute, join, resolve } from "node:path";
var CONFIG_FILE_NAME = "engium.config.json";
var UsageError = class extends Error {
  name = "UsageError";
};
var require2 = createRequire(import.meta.url);
var CONFIG_SCHEMA_PATH = require2.resolve("../schemas/config.schema.json");
async function loadConfig(dir, file) {
  const path = file !== void 0 ? resolve(file) : join(dir, CONFIG_FILE_NAME);
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = error.code;
    if (file === void 0 && code === "ENOENT")
      return {};
    throw new UsageError(`cannot read config ${isAbsolute(file ?? "") ? file : path}: ${code ?? String(error)}`);
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`config ${path} is not valid JSON: ${error.message}`);
  }
  await validateConfig(value, path);
  return value;
}
async function validateConfig(value, path) {
  const [{ Ajv }, formats] = await Promise.all([import("./ajv-VDK4NRT4.js"), import("./dist-2USQN3AU.js")]);
  const ajv = new Ajv({ allErrors: true, strict: false });
  formats.default.default(ajv);
  const schema = JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, "utf8"));
  const validate = ajv.compile(schema);
  if (validate(value))
    return;
  const problems = (validate.errors ?? []).map((error) => {
    const where = error.instancePath || "(top level)";
    const extra = error.keyword === "additionalProperties" ? ` (${error.params.additionalProperty})` : "";
    return `  ${where}: ${error.message ?? "invalid"}${extra}`;
  });
  throw new UsageError(`invalid config ${path}:
${problems.join("\n")}`);
}

export {
  UsageError,
  loadConfig
};
