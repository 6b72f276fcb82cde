import { appConfigModule, JWT_FLOW_ADVICE } from '@engium/core';
import rule from '../../src/rules/no-key-in-client.js';
import { named, ruleTester } from '../rule-tester.js';

const advice = JWT_FLOW_ADVICE.charAt(0).toUpperCase() + JWT_FLOW_ADVICE.slice(1);
const clientFile = '"*.client.*" files run in the browser';
const useClient = '"use client" makes the module part of the browser bundle';
void clientFile;
/** The data of a `keyInApp` report: a key-bearing value read through an app config module. */
const inApp = (name: string, module: string, envModules: string[] = []): { messageId: 'keyInApp'; data: Record<string, string> } => ({
  messageId: 'keyInApp',
  data: { name, module, reason: appConfigModule(module, envModules)?.reason ?? '', advice: JWT_FLOW_ADVICE },
});

ruleTester.run('no-key-in-client', rule, {
  valid: named([
    // Server code may read the secret key.
    { code: `const key = process.env.ENGIUM_API_KEY;`, filename: 'server/engium.ts' },
    { code: `const key = process.env.ENGIUM_API_KEY;`, filename: 'app/bookings/page.server.ts' },
    { code: `'use client';\nconst tenant = process.env.NEXT_PUBLIC_ENGIUM_TENANT_ID;`, filename: 'app/page.tsx' },
    { code: `const url = import.meta.env.VITE_ENGIUM_API_URL;`, filename: 'src/main.client.ts' },
    { code: `'use client';\nfetch(url, { headers: { Authorization: \`Bearer \${accessToken}\` } });`, filename: 'app/page.tsx' },
    { code: `'use client';\nfetch(url, { headers: { Authorization: \`Bearer \${session.jwt}\` } });`, filename: 'app/page.tsx' },
    { code: `import 'server-only';\nconst key = process.env.ENGIUM_API_KEY;`, filename: 'lib/engium.ts' },
    { code: `const key = process.env.ENGIUM_API_KEY;`, filename: 'src/engium.ts', settings: { engium: { clientFiles: ['src/ui/**'] } } },
    { code: `'use client';\nconst process = { env: {} as Record<string, string> };\nconst key = process.env.ENGIUM_API_KEY;`, filename: 'app/page.tsx' },
    // A token named like some API's key, sent to another API: that API's business.
    { code: `'use client';\nexport function Map({ apiKey }: { apiKey: string }) { fetch(tilesUrl, { headers: { Authorization: \`Bearer \${apiKey}\` } }); return null; }`, filename: 'app/map.tsx' },
    { code: `'use client';\nconst headers = new Headers(); headers.set('Authorization', 'Bearer ' + config.mapsApiKey); fetch('https://maps.example.com/tiles', { headers });`, filename: 'app/map.tsx' },
    // Aliases of the env object in server files, and public names through aliases in client files.
    { code: `const env = process.env;\nconst key = env.ENGIUM_API_KEY;`, filename: 'server/engium.ts' },
    { code: `'use client';\nconst env = process.env;\nconst tenant = env.NEXT_PUBLIC_ENGIUM_TENANT_ID;`, filename: 'app/page.tsx' },
    { code: `'use client';\nconst env = getEnv();\nconst key = env.ENGIUM_API_KEY;`, filename: 'app/page.tsx' },
    // A token-named variable in browser code holds what the login returned, not a key.
    { code: `'use client';\nconst engiumToken = localStorage.getItem('engium_token');\nfetch('https://api.engium.app/api/v1/bookings', { headers: { Authorization: \`Bearer \${engiumToken}\` } });`, filename: 'app/page.tsx' },
    // A public variable sent as a Bearer token to another API, or from server code.
    { code: `fetch('https://maps.example.com/tiles', { headers: { Authorization: \`Bearer \${import.meta.env.VITE_MAPS_TOKEN}\` } });`, filename: 'src/map.ts' },
    { code: `import 'server-only';\nfetch('https://api.engium.app/api/v1/bookings', { headers: { Authorization: \`Bearer \${process.env.NEXT_PUBLIC_API_TOKEN}\` } });`, filename: 'lib/engium.ts' },
    // Key literals are no-hardcoded-key's to report.
    { code: `'use client';\nfetch(url, { headers: { Authorization: 'Bearer ' + 'token' } });`, filename: 'app/page.tsx' },
    // React Native and Expo: names that hold no key, and same-named objects from other modules.
    { code: `import Config from 'react-native-config';\nconst url = Config.API_URL;\nconst engium = Config.ENGIUM_TENANT_ID;`, filename: 'src/api.ts' },
    { code: `import { TENANT_ID, ENGIUM_API_URL } from '@env';`, filename: 'src/api.ts' },
    { code: `import { ENGIUM_TENANT_ID } from 'react-native-dotenv';`, filename: 'src/api.ts' },
    { code: `import { ENGIUM_API_KEY } from '@config';`, filename: 'src/api.ts' },
    { code: `import type { ENGIUM_API_KEY } from '@env';\nimport { type ENGIUM_SECRET, API_URL } from '@env';`, filename: 'src/api.ts' },
    { code: `import Config from './config';\nconst key = Config.ENGIUM_API_KEY;`, filename: 'src/api.ts' },
    { code: `import { Config } from 'react-native';\nconst key = Config.ENGIUM_API_KEY;`, filename: 'src/api.ts' },
    { code: `const Config = { ENGIUM_API_KEY: '' };\nconst key = Config.ENGIUM_API_KEY;`, filename: 'src/api.ts' },
    { code: `import { ENGIUM_API_KEY } from './env';\nimport Config from 'react-native-config';\nconst url = Config.ENGIUM_API_URL;`, filename: 'src/api.ts' },
    // The default import of react-native-config is its config object; a local of the same name is not.
    { code: `import Config from 'react-native-config';\nfunction f(Config: Record<string, string>) { return Config.ENGIUM_API_KEY; }`, filename: 'src/api.ts' },
    { code: `import Constants from 'expo-constants';\nconst url = Constants.expoConfig?.extra?.engiumApiUrl;\nconst name = Constants.expoConfig?.name;`, filename: 'src/api.ts' },
    { code: `import Constants from './constants';\nconst key = Constants.expoConfig?.extra?.engiumApiKey;`, filename: 'src/api.ts' },
    // Other fields of Expo's config are not its extra.
    { code: `import Constants from 'expo-constants';\nconst key = Constants.expoConfig?.engiumApiKey;\nconst other = Constants.manifest2?.extra?.engiumApiKey;`, filename: 'src/api.ts' },
  ]),
  invalid: named([
    {
      code: `const key = process.env.NEXT_PUBLIC_ENGIUM_API_KEY;`,
      filename: 'lib/engium.ts',
      errors: [{ messageId: 'publicKeyVariable', data: { name: 'NEXT_PUBLIC_ENGIUM_API_KEY', reason: 'Next.js inlines NEXT_PUBLIC_ variables into browser bundles', advice: JWT_FLOW_ADVICE } }],
    },
    {
      code: `const key = import.meta.env.VITE_ENGIUM_KEY;`,
      filename: 'src/api.ts',
      errors: [{ messageId: 'publicKeyVariable', data: { name: 'VITE_ENGIUM_KEY', reason: 'Vite exposes VITE_ variables to client code through import.meta.env', advice: JWT_FLOW_ADVICE } }],
    },
    {
      code: `const { REACT_APP_ENGIUM_SECRET } = process.env;`,
      filename: 'src/api.js',
      errors: [{ messageId: 'publicKeyVariable', data: { name: 'REACT_APP_ENGIUM_SECRET', reason: 'Create React App embeds REACT_APP_ variables in the build', advice: JWT_FLOW_ADVICE } }],
    },
    {
      code: `import { PUBLIC_ENGIUM_KEY } from '$env/static/public';`,
      filename: 'src/routes/+page.ts',
      errors: [{ messageId: 'publicKeyVariable', data: { name: 'PUBLIC_ENGIUM_KEY', reason: 'SvelteKit inlines $env/static/public values into client code', advice: JWT_FLOW_ADVICE } }],
    },
    {
      code: `import { env } from '$env/dynamic/public';\nconst key = env.ENGIUM_API_TOKEN;`,
      filename: 'src/routes/+page.ts',
      errors: [{ messageId: 'publicKeyVariable', data: { name: 'ENGIUM_API_TOKEN', reason: 'SvelteKit sends $env/dynamic/public values to the browser', advice: JWT_FLOW_ADVICE } }],
    },
    {
      code: `const key = process.env['NEXT_PUBLIC_ENGIUM_API_KEY'];`,
      filename: 'pages/api/bookings.ts',
      errors: [{ messageId: 'publicKeyVariable' }],
    },
    {
      code: `const key = process.env.MYAPP_ENGIUM_KEY;`,
      filename: 'src/a.ts',
      settings: { engium: { publicEnvPrefixes: ['MYAPP_'] } },
      errors: [{ messageId: 'publicKeyVariable', data: { name: 'MYAPP_ENGIUM_KEY', reason: 'MYAPP_ variables are configured as public', advice: JWT_FLOW_ADVICE } }],
    },
    {
      code: `'use client';\nexport function Bookings() { const key = process.env.ENGIUM_API_KEY; return <p>{key}</p>; }`,
      filename: 'app/bookings/page.tsx',
      errors: [{ messageId: 'secretVariableInClient', data: { name: 'ENGIUM_API_KEY', where: useClient, advice } }],
    },
    {
      code: `const key = process.env.ENGIUM_SECRET;`,
      filename: 'src/widget.client.ts',
      errors: [{ messageId: 'secretVariableInClient', data: { name: 'ENGIUM_SECRET', where: '*.client.* files run in the browser', advice } }],
    },
    {
      code: `const key = process.env.ENGIUM_API_KEY;`,
      filename: 'src/ui/bookings.ts',
      settings: { engium: { clientFiles: ['src/ui/**'] } },
      errors: [{ messageId: 'secretVariableInClient', data: { name: 'ENGIUM_API_KEY', where: 'settings.engium.clientFiles lists this file', advice } }],
    },
    {
      code: `'use client';\nexport function Widget({ apiKey }: { apiKey: string }) { fetch('https://api.engium.app/api/v1/bookings', { headers: { Authorization: \`Bearer \${apiKey}\` } }); return null; }`,
      filename: 'app/widget.tsx',
      errors: [{ messageId: 'bearerKeyInClient', data: { name: 'apiKey', where: useClient, advice } }],
    },
    {
      code: `'use client';\nconst headers = new Headers(); headers.set('Authorization', 'Bearer ' + config.engiumKey);`,
      filename: 'app/widget.tsx',
      errors: [{ messageId: 'bearerKeyInClient', data: { name: 'engiumKey', where: useClient, advice } }],
    },
    {
      code: `'use client';\nimport axios from 'axios';\nexport const api = axios.create({ baseURL: 'https://api.engium.app/api/v1', headers: { Authorization: \`Bearer \${props.apiKey}\` } });`,
      filename: 'app/api.ts',
      errors: [{ messageId: 'bearerKeyInClient', data: { name: 'apiKey', where: useClient, advice } }],
    },
    // Env reads through aliases and destructuring.
    {
      code: `'use client';\nconst env = process.env;\nexport const key = env.ENGIUM_SECRET;`,
      filename: 'app/page.tsx',
      errors: [{ messageId: 'secretVariableInClient', data: { name: 'ENGIUM_SECRET', where: useClient, advice } }],
    },
    {
      code: `'use client';\nconst { ENGIUM_API_KEY } = process.env;`,
      filename: 'app/page.tsx',
      errors: [{ messageId: 'secretVariableInClient', data: { name: 'ENGIUM_API_KEY', where: useClient, advice } }],
    },
    {
      code: `'use client';\nconst { ENGIUM_API_KEY: key = '' } = process.env;`,
      filename: 'app/page.tsx',
      errors: [{ messageId: 'secretVariableInClient', data: { name: 'ENGIUM_API_KEY', where: useClient, advice } }],
    },
    {
      code: `'use client';\nconst { env } = process;\nfetch(url, { headers: { key: env.ENGIUM_API_KEY } });`,
      filename: 'app/page.tsx',
      errors: [{ messageId: 'secretVariableInClient', data: { name: 'ENGIUM_API_KEY', where: useClient, advice } }],
    },
    {
      code: `const env = process.env;\nconst vars = env;\nexport const key = vars.NEXT_PUBLIC_ENGIUM_API_KEY;`,
      filename: 'lib/engium.ts',
      errors: [{ messageId: 'publicKeyVariable', data: { name: 'NEXT_PUBLIC_ENGIUM_API_KEY', reason: 'Next.js inlines NEXT_PUBLIC_ variables into browser bundles', advice: JWT_FLOW_ADVICE } }],
    },
    {
      code: `const env = import.meta.env;\nexport const key = env.VITE_ENGIUM_KEY;`,
      filename: 'src/api.ts',
      errors: [{ messageId: 'publicKeyVariable', data: { name: 'VITE_ENGIUM_KEY', reason: 'Vite exposes VITE_ variables to client code through import.meta.env', advice: JWT_FLOW_ADVICE } }],
    },
    {
      code: `const { VITE_ENGIUM_KEY } = import.meta.env;`,
      filename: 'src/api.ts',
      errors: [{ messageId: 'publicKeyVariable', data: { name: 'VITE_ENGIUM_KEY', reason: 'Vite exposes VITE_ variables to client code through import.meta.env', advice: JWT_FLOW_ADVICE } }],
    },
    // One problem: the env read through an alias, not also the Bearer header built from it.
    {
      code: `'use client';\nconst env = process.env;\nfetch('https://api.engium.app/api/v1/bookings', { headers: { Authorization: \`Bearer \${env.ENGIUM_API_KEY}\` } });`,
      filename: 'app/page.tsx',
      errors: [{ messageId: 'secretVariableInClient' }],
    },
    // Custom key-bearing names.
    {
      code: `const key = process.env.NEXT_PUBLIC_BOOKING_CREDENTIAL;`,
      filename: 'src/a.ts',
      options: [{ keyBearingNames: { require: ['BOOKING'], anyOf: ['CREDENTIAL'] } }],
      errors: [{ messageId: 'publicKeyVariable' }],
    },
    // A public variable of any name sent to Engium as the Bearer token is a key in the bundle.
    {
      code: `fetch('https://api.engium.app/api/v1/bookings', { headers: { Authorization: \`Bearer \${import.meta.env.VITE_API_TOKEN}\` } });`,
      filename: 'src/api.ts',
      errors: [{ messageId: 'publicKeyVariable', data: { name: 'VITE_API_TOKEN', reason: 'Vite exposes VITE_ variables to client code through import.meta.env', advice: JWT_FLOW_ADVICE } }],
    },
    {
      code: `const token = process.env.NEXT_PUBLIC_API_TOKEN;
import axios from 'axios';
export const api = axios.create({ baseURL: 'https://api.engium.app/api/v1', headers: { Authorization: 'Bearer ' + token } });`,
      filename: 'src/api.ts',
      errors: [{ messageId: 'publicKeyVariable' }],
    },
    {
      code: `import { PUBLIC_API_TOKEN } from '$env/static/public';
const headers = new Headers();
headers.set('Authorization', \`Bearer \${PUBLIC_API_TOKEN}\`);
fetch('https://api.engium.app/api/v1/bookings', { headers });`,
      filename: 'src/routes/+page.ts',
      errors: [{ messageId: 'publicKeyVariable' }],
    },
    // One problem, reported once: the env read, not also the header built from it.
    {
      code: `'use client';\nfetch(url, { headers: { Authorization: \`Bearer \${process.env.NEXT_PUBLIC_ENGIUM_API_KEY}\` } });`,
      filename: 'app/page.tsx',
      errors: [{ messageId: 'publicKeyVariable' }],
    },
    // React Native: react-native-config builds every .env variable into the app, wherever it is read.
    {
      code: `import Config from 'react-native-config';\nexport const key = Config.ENGIUM_API_KEY;`,
      filename: 'src/api.ts',
      errors: [inApp('ENGIUM_API_KEY', 'react-native-config')],
    },
    {
      code: `import Env from 'react-native-config';\nexport const key = Env['ENGIUM_SECRET'];\nexport const url = Env.API_URL;`,
      filename: 'src/api.ts',
      errors: [inApp('ENGIUM_SECRET', 'react-native-config')],
    },
    {
      code: `import { Config } from 'react-native-config';\nconst { ENGIUM_API_KEY, API_URL } = Config;`,
      filename: 'src/api.ts',
      errors: [{ ...inApp('ENGIUM_API_KEY', 'react-native-config'), line: 2, column: 9 }],
    },
    {
      code: `import Config from 'react-native-config';\nconst env = Config;\nexport const key = env?.ENGIUM_API_TOKEN ?? '';`,
      filename: 'src/api.ts',
      errors: [inApp('ENGIUM_API_TOKEN', 'react-native-config')],
    },
    {
      code: `import Config from 'react-native-ultimate-config';\nexport const key = Config.ENGIUM_API_KEY;`,
      filename: 'src/api.ts',
      errors: [inApp('ENGIUM_API_KEY', 'react-native-ultimate-config')],
    },
    // react-native-dotenv inlines what the app imports from '@env' (or, in older setups, from the package).
    {
      code: `import { ENGIUM_API_KEY, API_URL } from '@env';`,
      filename: 'src/api.ts',
      errors: [{ ...inApp('ENGIUM_API_KEY', '@env'), column: 10 }],
    },
    {
      code: `import { ENGIUM_SECRET as secret } from 'react-native-dotenv';`,
      filename: 'App.tsx',
      errors: [inApp('ENGIUM_SECRET', 'react-native-dotenv')],
    },
    {
      code: `import * as env from '@env';\nexport const key = env.ENGIUM_API_KEY;`,
      filename: 'src/api.ts',
      errors: [inApp('ENGIUM_API_KEY', '@env')],
    },
    // Expo ships the app config's extra in every app; expo-constants reads it.
    {
      code: `import Constants from 'expo-constants';\nexport const key = Constants.expoConfig?.extra?.engiumApiKey;`,
      filename: 'src/api.ts',
      errors: [inApp('engiumApiKey', 'expo-constants')],
    },
    {
      code: `import Expo from 'expo-constants';\nconst a = Expo.manifest.extra.ENGIUM_KEY;\nconst b = Expo.manifest2?.extra?.expoClient?.extra?.engiumSecret;`,
      filename: 'src/api.ts',
      errors: [inApp('ENGIUM_KEY', 'expo-constants'), inApp('engiumSecret', 'expo-constants')],
    },
    {
      code: `import Constants from 'expo-constants';\nconst { engiumApiKey } = Constants.expoConfig?.extra ?? {};\nconst extra = Constants.expoConfig!.extra;\nconst token = extra.engiumToken;`,
      filename: 'src/api.ts',
      errors: [inApp('engiumApiKey', 'expo-constants'), inApp('engiumToken', 'expo-constants')],
    },
    {
      code: `import Constants from 'expo-constants';\nconst { expoConfig } = Constants;\nconst { extra: { engiumApiKey } } = expoConfig;`,
      filename: 'src/api.ts',
      errors: [inApp('engiumApiKey', 'expo-constants')],
    },
    // A Bearer header built from such a read in a client file: one problem, the read.
    {
      code: `'use client';\nimport Config from 'react-native-config';\nimport { ENGIUM_SECRET } from '@env';\nfetch(url, { headers: { Authorization: \`Bearer \${Config.ENGIUM_API_KEY}\` } });\nfetch(url, { headers: { Authorization: 'Bearer ' + ENGIUM_SECRET } });`,
      filename: 'app/page.tsx',
      errors: [inApp('ENGIUM_SECRET', '@env'), inApp('ENGIUM_API_KEY', 'react-native-config')],
    },
    // react-native-dotenv configured with another moduleName.
    {
      code: `import { ENGIUM_API_KEY } from '@config';\nimport { ENGIUM_SECRET } from '@env';`,
      filename: 'src/api.ts',
      settings: { engium: { envModules: ['@config'] } },
      errors: [inApp('ENGIUM_API_KEY', '@config', ['@config']), inApp('ENGIUM_SECRET', '@env')],
    },
    // The env object passed through `as`, `!` and `?? {}`.
    {
      code: `'use client';\nconst key = (process.env as Record<string, string>).ENGIUM_API_KEY;\nconst { ENGIUM_SECRET } = process.env ?? {};`,
      filename: 'app/page.tsx',
      errors: [
        { messageId: 'secretVariableInClient', data: { name: 'ENGIUM_API_KEY', where: useClient, advice } },
        { messageId: 'secretVariableInClient', data: { name: 'ENGIUM_SECRET', where: useClient, advice } },
      ],
    },
    // Custom key-bearing names apply to app config reads too.
    {
      code: `import Config from 'react-native-config';\nexport const key = Config.BOOKING_CREDENTIAL;`,
      filename: 'src/api.ts',
      options: [{ keyBearingNames: { require: ['BOOKING'], anyOf: ['CREDENTIAL'] } }],
      errors: [{ messageId: 'keyInApp' }],
    },
  ]),
});
