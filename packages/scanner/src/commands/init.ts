import { setUpHook } from '../git/hook-setup.js';
import type { CommandOptions } from './options.js';
import { SCANNER_VERSION } from '../package-version.js';

/** `engium-scan init [dir]`: set up husky and a pre-commit hook running `engium-scan staged`. */
export async function run(dir: string, _options: CommandOptions): Promise<number> {
  try {
    const { root, changes, nextSteps } = await setUpHook(dir, `^${SCANNER_VERSION}`);
    if (changes.length === 0) console.log(`engium-scan init: ${root} is already set up; nothing changed.`);
    else {
      console.log(`engium-scan init: set up the pre-commit hook in ${root}:`);
      for (const change of changes) console.log(`  ${change.file}: ${change.what}`);
    }
    for (const step of nextSteps) console.log(`  next: ${step}`);
    return 0;
  } catch (error) {
    console.error(`engium-scan init: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}
