import { ACCESS_TOKEN_LIFETIME_MINUTES, REFRESH_TOKEN_LIFETIME_DAYS } from './api.js';

/** What people are told to do, worded once so the plugin, scanner and action say the same thing. */

export const ROTATION_STEPS: readonly string[] = [
  'Create a new key in Engium: Settings → Developer → API Keys.',
  'Deploy the new key to your servers (an environment variable or secret store, never source code).',
  'Revoke the old key on the same page: a committed or shipped key must be treated as leaked.',
];

export const ROTATE_ADVICE = 'Rotate it now (Settings → Developer → API Keys), then revoke the old key';

/** For a key not yet committed: it leaked only if an earlier push carried it. */
export const ROTATE_IF_PUSHED_ADVICE = 'If it was ever pushed, rotate it: create a new key in Settings → Developer → API Keys, then revoke the old one';

export const SERVER_SIDE_ADVICE = 'keep the key on the server and read it from an environment variable such as ENGIUM_API_KEY';

/** Why and how: said of every client, since a key in an app or an extension leaks as surely as one in a page. */
export const JWT_FLOW_ADVICE =
  `code that ships to users (browsers, apps, extensions) must not hold an API key: sign users in with POST /auth/login for a ${ACCESS_TOKEN_LIFETIME_MINUTES}-minute ` +
  `access token and renew it with POST /auth/refresh (refresh tokens last ${REFRESH_TOKEN_LIFETIME_DAYS} days)`;

/** For a key a build config injects into client code: no prefix or file move stops that, only removing the injection. */
export const INJECTION_ADVICE = 'remove the injection from the build config and call the Engium API from server code, an API route or server action that reads the key there';

export const SUGGESTED_ENV_VARIABLE = 'ENGIUM_API_KEY';
