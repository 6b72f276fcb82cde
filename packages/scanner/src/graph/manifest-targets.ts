// Builds described in package.json itself, as Parcel's are: `targets`, each an object of the row's
// `platform` properties (`context`, `distDir`, `source`), with the package's `source` as the entry
// of a target that names none. What each target builds for and where it lands, read the way
// Parcel's TargetRequest reads them (`manifestTargets` of the row in ../frameworks.ts).
import type { FrameworkBuild, ManifestTargets } from '../frameworks.js';
import type { ConfigFacts } from './config-injection.js';
import type { PackageInfo } from './packages.js';
import { joinPosix } from './paths.js';
import { outputFolder, platformSide } from './platform.js';

type Descriptor = Record<string, unknown>;

function isDescriptor(value: unknown): value is Descriptor {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Engines that name Node and no browsers (nor a browserslist): the build is for Node. */
function enginesMeanNode(engines: unknown, manifest: PackageInfo['manifest']): boolean {
  return isDescriptor(engines) && engines.node !== undefined && engines.browsers === undefined && manifest.browserslist === undefined;
}

/**
 * Where a target is built when it names no `distDir`: the folder of the file a field of its name
 * names (undefined for the package's own folder, which holds its sources too), else `dist`
 * (`dist/<name>` beside another custom target).
 */
function defaultDistDir(spec: ManifestTargets, name: string, fields: Record<string, unknown>, customTargets: number): string | undefined {
  const field = fields[name];
  if (typeof field === 'string') return outputFolder(field);
  return !spec.fieldTargets.includes(name) && customTargets >= 2 ? `${spec.defaultDistDir}/${name}` : spec.defaultDistDir;
}

/** Whether a field target (`main`, `module`) with no context builds for Node: a browser target beside it, or Node engines. */
function fieldTargetIsNode(spec: ManifestTargets, name: string, manifest: PackageInfo['manifest'], targets: Descriptor): boolean {
  const browserBeside = manifest.browser !== undefined || targets[spec.browserTarget] !== undefined;
  if (name === spec.moduleTarget && browserBeside) return false;
  return browserBeside || enginesMeanNode(manifest.engines, manifest);
}

/** The facts of each target a package.json names: its output folder and side, and its client entries. */
export function readManifestTargets(owner: PackageInfo, row: FrameworkBuild & { manifestTargets: ManifestTargets }, facts: ConfigFacts): void {
  const spec = row.manifestTargets;
  const { manifest } = owner;
  const fields = manifest as Record<string, unknown>;
  const written = fields[spec.targets];
  // No targets and no field naming an output file: Parcel's one default target, built from `source`.
  const appOnly = written === undefined && fields[spec.source] !== undefined && [...spec.fieldTargets, ...spec.codelessTargets].every((name) => fields[name] === undefined);
  if (!isDescriptor(written) && !appOnly) return;
  const targets: Descriptor = isDescriptor(written) ? written : { [spec.defaultTarget]: {} };
  const where = joinPosix(owner.dir, 'package.json');
  const named = Object.entries(targets).filter((entry): entry is [string, Descriptor] => isDescriptor(entry[1]) && !spec.codelessTargets.includes(entry[0]));
  const customTargets = named.filter(([name]) => !spec.fieldTargets.includes(name)).length;
  for (const [name, descriptor] of named) {
    const context = typeof descriptor.context === 'string' ? descriptor.context : undefined;
    const at = isDescriptor(written) ? `${where} ${spec.targets}.${name}` : `${where} (no targets: ${row.name}'s default target)`;
    let side: 'client' | 'server' | 'unknown';
    let note: string;
    if (context !== undefined) ({ side, note } = platformSide(row, [{ property: 'context', values: [context], where: at }]));
    else if (name === spec.browserTarget) [side, note] = ['client', `${at} builds for browsers`];
    else if (spec.fieldTargets.includes(name) ? fieldTargetIsNode(spec, name, manifest, targets) : enginesMeanNode(descriptor.engines ?? manifest.engines, manifest)) {
      [side, note] = ['server', `${at} builds for Node: its engines name Node and no browsers`];
    } else [side, note] = ['client', `${at} builds for browsers, ${row.name}'s default`];
    if (side === 'unknown') continue;
    const distDir = typeof descriptor.distDir === 'string' ? outputFolder(descriptor.distDir) : defaultDistDir(spec, name, fields, customTargets);
    if (distDir === undefined) continue;
    const folder = joinPosix(owner.dir, distDir);
    // A folder outside the package (`../public`) may be another package's: not this one's to judge.
    if (owner.dir === '' ? folder.startsWith('../') : !`${folder}/`.startsWith(`${owner.dir}/`)) continue;
    // The default target of an app built for browsers is what the row's folders already say.
    if (isDescriptor(written) || side === 'server') facts.outputs.push({ path: folder, side, reason: `${note}, into ${distDir}`, by: row.name });
    if (side !== 'client') continue;
    for (const entry of stringsOf(descriptor[spec.source] ?? fields[spec.source])) {
      if (/\.[cm]?[jt]sx?$/.test(entry)) facts.clientEntries.push({ file: joinPosix(owner.dir, entry.replace(/^\.\//, '')), label: `${row.name} target "${name}" in ${where}` });
    }
  }
}
