import { setUpHook } from '../git/hook-setup.js';
import { errorMessage } from '../report/escape.js';
import type { CommandOptions } from './options.js';
import { SCANNER_VERSION } from '../package-version.js';

/** `engium-scan init [dir]`: set up husky and a pre-commit hook running `engium-scan staged`. */
export async function run(dir: string, _options: CommandOptions): Promise<number> {
  try {
    const { root, changes, nextSteps } = await setUpHook(dir, `^${SCANNER_VERSION}`);
    // The root's name and husky's output come from outside: each line escaped, as every output is.
    const say = (line: string) => console.log(errorMessage(line));
    if (changes.length === 0) say(`engium-scan init: ${root} is already set up; nothing changed.`);
    else {
      say(`engium-scan init: set up the pre-commit hook in ${root}:`);
      for (const change of changes) say(`  ${change.file}: ${change.what}`);
    }
    for (const step of nextSteps) say(`  next: ${step}`);
    return 0;
  } catch (error) {
    console.error(`engium-scan init: ${errorMessage(error instanceof Error ? error.message : String(error))}`);
    return 2;
  }
}
