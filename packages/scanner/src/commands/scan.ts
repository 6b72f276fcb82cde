import type { CommandOptions } from './options.js';

// Work in progress this session: the command is wired into the CLI before its implementation lands.
export async function run(_dir: string, _options: CommandOptions): Promise<number> {
  console.error('engium-scan: the `scan` command is not available in this build yet');
  return 2;
}
