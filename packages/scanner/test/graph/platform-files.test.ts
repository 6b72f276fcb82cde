// React Native platform files: Metro bundles `x.ios.tsx`, `x.android.tsx`, `x.native.tsx` or
// `x.web.tsx` in place of `./x`, so an app ships every one an import names.
import { describe, expect, it } from 'vitest';
import { analyseApp, packageJson } from './support.js';

describe('React Native platform files', () => {
  it('follows an import to each platform file, beside the plain module or without one', async () => {
    const analysis = await analyseApp({
      'package.json': packageJson({ expo: '56.0.0', 'react-native': '0.85.0' }),
      'App.tsx': `import { Button } from './components/Button';\nimport { pay } from './lib/pay';\nexport default function App() { return Button(pay); }\n`,
      'components/Button.ios.tsx': `export const Button = (onPress: () => void) => onPress;\n`,
      'components/Button.android.tsx': `import { ripple } from './ripple';\nexport const Button = (onPress: () => void) => ripple(onPress);\n`,
      'components/ripple.ts': `export const ripple = <T,>(value: T) => value;\n`,
      'lib/pay.ts': `export const pay = () => undefined;\n`,
      'lib/pay.native.ts': `export const pay = () => null;\n`,
      'lib/pay.test.ts': `export const unused = 1;\n`,
    });
    expect(analysis.exposureOf('components/Button.ios.tsx').chain).toEqual(['App.tsx (React Native app entry)', 'components/Button.ios.tsx']);
    expect(analysis.exposureOf('components/ripple.ts').chain).toEqual(['App.tsx (React Native app entry)', 'components/Button.android.tsx', 'components/ripple.ts']);
    expect(analysis.exposureOf('lib/pay.ts').exposure).toBe('client');
    expect(analysis.exposureOf('lib/pay.native.ts').chain).toEqual(['App.tsx (React Native app entry)', 'lib/pay.native.ts']);
    expect(analysis.exposureOf('lib/pay.test.ts').exposure).not.toBe('client');
  });

  it('leaves the platform files of a web app alone: only Metro picks them', async () => {
    const analysis = await analyseApp({
      'package.json': packageJson({ next: '16.0.0', react: '19.0.0' }),
      'app/page.tsx': `'use client';\nimport { pay } from '../lib/pay';\nexport default function Page() { return pay(); }\n`,
      'lib/pay.ts': `export const pay = () => undefined;\n`,
      'lib/pay.native.ts': `export const pay = () => null;\n`,
    });
    expect(analysis.exposureOf('lib/pay.ts').exposure).toBe('client');
    expect(analysis.exposureOf('lib/pay.native.ts').exposure).not.toBe('client');
  });
});
