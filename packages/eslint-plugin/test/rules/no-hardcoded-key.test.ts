import { redact } from '@engium/core';
import rule from '../../src/rules/no-hardcoded-key.js';
import { fakeKey, named, ruleTester } from '../rule-tester.js';

const live = fakeKey('live', 1);
const test = fakeKey('test', 2);
const liveBody = live.slice('eng_live_'.length);
const ENV = 'process.env.ENGIUM_API_KEY';
// Valid cases that look like keys but are not use a body no reported key has, so no test name reveals one.
const unusedBody = fakeKey('live', 99).slice('eng_live_'.length);
const base64 = Buffer.from(live).toString('base64');

/** One reported key, optionally with the suggestion's output. */
function error(key: string, suggestion?: string) {
  return {
    messageId: 'hardcodedKey' as const,
    data: { kind: key.startsWith('eng_live_') ? 'live' : 'test', redacted: redact(key), env: ENV },
    suggestions: suggestion === undefined ? [] : [{ messageId: 'readFromEnv' as const, data: { env: ENV }, output: suggestion }],
  };
}

ruleTester.run('no-hardcoded-key', rule, {
  valid: named([
    `const key = process.env.ENGIUM_API_KEY;`,
    `const key = import.meta.env.ENGIUM_API_KEY;`,
    // The docs' placeholders and other key-shaped text that is not a secret.
    `const key = 'eng_live_xxxxxxxxxxxx';`,
    `const key = 'eng_test_YOURKEYHERE1';`,
    `const key = "eng_live_<your-key-here>";`,
    `const key = 'eng_live_1234567890ab';`,
    `const key = 'eng_test_MyApiKeyHere';`,
    // Key-shaped words (core's definition, shared with the scanner): a feature flag's name.
    `const flag = 'eng_test_checkoutFlowRedesignExperiment';`,
    `flags.enabled('eng_live_AppointmentReminderEmailsVariant');`,
    `const experiment = \`eng_test_\${'checkoutFlowRedesignExperiment'}\`;`,
    `// Set ENGIUM_API_KEY=eng_live_xxxxxxxxxxxx in .env`,
    `/** @example Authorization: Bearer eng_test_REPLACEME12345 */ export {};`,
    // Identifiers and short bodies are not keys.
    `const eng_live_subscription_count = 3;`,
    `const prefix = 'eng_live_';`,
    `const short = 'eng_live_abc123';`,
    `const other = 'sk_live_${unusedBody}';`,
    `const word = 'beng_live_${unusedBody}';`,
    // Prefixes joined with dynamic parts are not constants.
    `const key = 'eng_live_' + readBody();`,
    `const key = \`eng_live_\${process.env.BODY}\`;`,
    `function f(body: string) { return 'eng_' + 'live_' + body; }`,
    // Templates and concatenations over constants that form no key.
    `const BASE = 'https://api.engium.app/api/v1'; const url = \`\${BASE}/bookings\`;`,
    `const a = 'eng_'; const b = 'live'; const c = a + b;`,
    { code: `const el = <input placeholder="eng_live_xxxxxxxxxxxx" />;`, filename: 'form.tsx' },
    { code: `const el = <p>Paste your key (eng_live_…) here</p>;`, filename: 'help.tsx' },
    `const headers = { Authorization: \`Bearer \${process.env.ENGIUM_API_KEY}\` };`,
    `const pattern = /eng_live_[A-Za-z0-9]{12,}/;`,
    `type Key = \`eng_live_\${string}\`;`,
    `const masked = 'eng_live_…x7Qz';`,
    `const n = 1 + 2;`,
  ]),
  invalid: named([
    { code: `const key = '${live}';`, errors: [error(live, `const key = ${ENV};`)] },
    { code: `const key = "${test}";`, errors: [error(test, `const key = ${ENV};`)] },
    {
      code: `const headers = { Authorization: 'Bearer ${live}' };`,
      errors: [error(live, `const headers = { Authorization: \`Bearer \${${ENV}}\` };`)],
    },
    { code: `const key = \`${live}\`;`, errors: [error(live)] },
    { code: `const header = \`Bearer ${live} for \${user}\`;`, errors: [error(live)] },
    // Object properties, as values and as names.
    { code: `const config = { apiKey: '${live}' };`, errors: [error(live, `const config = { apiKey: ${ENV} };`)] },
    { code: `const keys = { '${live}': 'prod' };`, errors: [error(live)] },
    { code: `type LiveKey = '${live}';`, errors: [error(live)] },
    { code: `const keys = { ${live}: true };`, errors: [error(live)] },
    // Comments.
    { code: `// old key: ${live}\nexport {};`, errors: [error(live)] },
    { code: `/* ${test} */ export {};`, errors: [error(test)] },
    { code: `/**\n * @deprecated use ${live}\n */\nexport {};`, errors: [error(live)] },
    // Constant expressions, folded by ESLint's getStaticValue.
    { code: `const key = 'eng_' + 'live_' + '${liveBody}';`, errors: [error(live, `const key = ${ENV};`)] },
    { code: `const key = 'eng_live_' + '${liveBody}';`, errors: [error(live, `const key = ${ENV};`)] },
    { code: `const key = "eng_li" + "ve_" + '${liveBody}';`, errors: [error(live, `const key = ${ENV};`)] },
    { code: `const kind = 'live'; const key = \`eng_\${kind}_${liveBody}\`;`, errors: [error(live, `const kind = 'live'; const key = ${ENV};`)] },
    { code: `const PREFIX = 'eng_live_'; const BODY = '${liveBody}'; const key = PREFIX + BODY;`, errors: [error(live, `const PREFIX = 'eng_live_'; const BODY = '${liveBody}'; const key = ${ENV};`)] },
    { code: `const PREFIX = 'eng_live_'; const BODY = '${liveBody}'; const auth = \`Bearer \${PREFIX}\${BODY}\`;`, errors: [error(live)] },
    // Reported once, where the key is put together, not where it is used again.
    {
      code: `const KEY = 'eng_live_' + '${liveBody}';\nconst auth = 'Bearer ' + KEY;\nconst again = \`Bearer \${KEY}\`;`,
      errors: [{ ...error(live, `const KEY = ${ENV};\nconst auth = 'Bearer ' + KEY;\nconst again = \`Bearer \${KEY}\`;`), line: 1 }],
    },
    { code: `const auth = 'Bearer ' + '${live}';`, errors: [error(live, `const auth = 'Bearer ' + ${ENV};`)] },
    // Encoded keys.
    { code: `const hidden = '${base64}';`, errors: [error(live)] },
    { code: `const escaped = 'eng\\x5flive\\x5f${liveBody}';`, errors: [error(live)] },
    // JSX attribute values and text.
    { code: `const el = <Engium apiKey="${live}" />;`, filename: 'widget.tsx', errors: [error(live, `const el = <Engium apiKey={${ENV}} />;`)] },
    { code: `const el = <code>${test}</code>;`, filename: 'docs.tsx', errors: [error(test)] },
    { code: `const el = <Engium apiKey={'${live}'} />;`, filename: 'widget.tsx', errors: [error(live, `const el = <Engium apiKey={${ENV}} />;`)] },
    { code: `const el = <Engium apiKey={\`eng_live_\${'${liveBody}'}\`} />;`, filename: 'widget.tsx', errors: [error(live, `const el = <Engium apiKey={${ENV}} />;`)] },
    // TypeScript syntax around the key.
    { code: `const key = '${live}' as const;`, errors: [error(live, `const key = ${ENV} as const;`)] },
    { code: `enum Keys { Live = '${live}' }`, errors: [error(live, `enum Keys { Live = ${ENV} }`)] },
    { code: `class Client { private key: string = '${test}'; }`, errors: [error(test, `class Client { private key: string = ${ENV}; }`)] },
    // Two keys in one string, each reported.
    {
      code: `const both = '${live} ${test}';`,
      errors: [
        error(live, `const both = \`\${${ENV}} ${test}\`;`),
        error(test, `const both = \`${live} \${${ENV}}\`;`),
      ],
    },
    { code: `fetch(url, { headers: { Authorization: 'Bearer ${live}' } });`, errors: [error(live, `fetch(url, { headers: { Authorization: \`Bearer \${${ENV}}\` } });`)] },
  ]),
});
