// Real apps built by the real bundlers (test/real-builds): the first test that asks for a build
// installs the pinned bundlers and builds it into the gitignored cache; later runs reuse it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { plantedKey, realBuild, type RealBuild, type RealBuildName } from '../real-builds/build-fixtures.mjs';

export { plantedKey, realBuild, type RealBuild, type RealBuildName };

/** A hook that may install the bundlers and build an app: minutes on two cores, the first time. */
export const REAL_BUILD_TIMEOUT = 15 * 60_000;

/** Every file under `root` whose bytes hold `needle`, as sorted paths relative to `root`. */
export function filesHolding(root: string, needle: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => readFileSync(path, 'latin1').includes(needle))
    .map((path) => relative(root, path))
    .sort();
}
