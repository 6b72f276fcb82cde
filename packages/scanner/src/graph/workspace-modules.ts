// A checkout whose dependencies are not installed still names its own workspace packages by name:
// Turborepo's `"extends": "@repo/typescript-config/nextjs.json"` is a package of the repository,
// found through node_modules only once `npm install` has linked it. This host answers those
// node_modules paths from the package's folder, so the compiler reads the config it extends.
import { posix } from 'node:path';
import type { PackageInfo } from './packages.js';
import type { RootPaths } from './paths.js';
import type { TypeScript } from './typescript.js';

const NODE_MODULES = '/node_modules/';

type FileHost = Pick<TypeScript.ParseConfigFileHost, 'fileExists' | 'readFile'> & { directoryExists?: (path: string) => boolean; realpath?: (path: string) => string };

/** `host`, with paths inside a node_modules folder that lack a workspace package read from its folder. */
export function withWorkspaceModules<Host extends FileHost>(host: Host, paths: RootPaths, packages: readonly PackageInfo[]): Host {
  const folders = new Map(packages.flatMap((info) => (info.name ? [[info.name, paths.absolute(info.dir)] as const] : [])));
  if (folders.size === 0) return host;
  const scopes = new Set([...folders.keys()].filter((name) => name.startsWith('@')).map((name) => name.split('/')[0] as string));
  /** The workspace path a node_modules path stands for, if it names a workspace package. */
  const root = paths.absolute('');
  const underRoot = (path: string): boolean => path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`);
  const inWorkspace = (path: string): string | undefined => {
    if (!underRoot(path)) return undefined;
    const at = path.lastIndexOf(NODE_MODULES);
    if (at === -1) return undefined;
    const parts = path.slice(at + NODE_MODULES.length).split('/');
    const length = parts[0]?.startsWith('@') ? 2 : 1;
    const folder = folders.get(parts.slice(0, length).join('/'));
    return folder === undefined ? undefined : posix.join(folder, ...parts.slice(length));
  };
  const isVirtualFolder = (path: string): boolean => {
    const trimmed = path.replace(/\/$/, '');
    // Only the repository's own node_modules folders, never those of the folders above it.
    if (!underRoot(trimmed)) return false;
    if (trimmed.endsWith('/node_modules')) return true;
    const at = trimmed.lastIndexOf(NODE_MODULES);
    return at !== -1 && !trimmed.slice(at + NODE_MODULES.length).includes('/') && scopes.has(trimmed.slice(at + NODE_MODULES.length));
  };
  const fallback = <T>(real: (path: string) => T, missing: (value: T) => boolean) => (path: string): T => {
    const value = real(path);
    if (!missing(value)) return value;
    const mapped = inWorkspace(path);
    return mapped === undefined ? value : real(mapped);
  };
  const { directoryExists, realpath } = host;
  return {
    ...host,
    fileExists: fallback((path) => host.fileExists(path), (exists) => !exists),
    readFile: fallback((path) => host.readFile(path), (text) => text === undefined),
    ...(directoryExists ? { directoryExists: (path: string) => directoryExists(path) || isVirtualFolder(path) || (inWorkspace(path) !== undefined && directoryExists(inWorkspace(path) as string)) } : {}),
    ...(realpath ? { realpath: (path: string) => (host.fileExists(path) ? realpath(path) : realpath(inWorkspace(path) ?? path)) } : {}),
  };
}
