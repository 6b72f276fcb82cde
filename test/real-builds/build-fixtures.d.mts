export type RealBuildName = 'next-turbopack' | 'next-webpack' | 'vite' | 'sveltekit-node' | 'astro' | 'webpack-lib' | 'webpack-eval-source-map' | 'webpack-eval' | 'webpack-eval-trusted-types' | 'rollup-lib' | 'rollup-lib-cdn-maps' | 'esbuild' | 'rspack' | 'webpack-app' | 'esbuild-cli' | 'esbuild-script' | 'nuxt' | 'react-router' | 'react-router-no-maps' | 'parcel' | 'parcel-targets';

export interface RealBuild {
  build: RealBuildName;
  /** The built app: its sources, `.env` files and build output (no node_modules). */
  root: string;
  /** The keys planted in the app, by role (`client-literal`, `server-env`, …). */
  keys: Record<string, string>;
}

export const CACHE_DIR: string;
export const BUILDS: Record<RealBuildName, { fixture: string; env: Record<string, string>; seed: number; script?: string }>;
export function plantedKey(build: RealBuildName, role: string): string;
export function installTools(): void;
export function realBuild(build: RealBuildName): RealBuild;
