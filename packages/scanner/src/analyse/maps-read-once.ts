/**
 * Each source map read once. A bundle with keys has its map read to place them; the map is also a
 * file of the scan, mostly analysed right after its bundle (`app.js`, then `app.js.map`). So its own
 * analysis is made then, from the bytes already read, and taken when its turn comes. (A map is often
 * a build's largest file, larger than its bundle.)
 */
import { resolve } from 'node:path';
import type { DiscoveredFile } from '../discover/index.js';
import type { FileAnalysis } from './index.js';

export class MapsReadOnce {
  /** Map files still to analyse, by absolute path (a scan of a relative root has relative file paths). */
  private readonly pending = new Map<string, DiscoveredFile>();
  private readonly analysed = new Map<string, FileAnalysis>();

  constructor(files: readonly DiscoveredFile[]) {
    // A name that is not UTF-8 has no exact text form to key it by: such a map is read in its turn.
    for (const file of files) {
      if (!file.archive && file.path.endsWith('.map') && typeof file.absolutePath === 'string') this.pending.set(resolve(file.absolutePath), file);
    }
  }

  /** A map at `path` was read for a bundle: a scanned file still to come is analysed now. */
  read(mapPath: string, bytes: Buffer, analyse: (file: DiscoveredFile, bytes: Buffer) => FileAnalysis): void {
    const path = resolve(mapPath);
    const file = this.pending.get(path);
    if (!file) return;
    this.pending.delete(path);
    this.analysed.set(path, analyse(file, bytes));
  }

  /** The analysis made early of `file`, if there is one (given once). */
  take(file: DiscoveredFile): FileAnalysis | undefined {
    if (!file.path.endsWith('.map')) return undefined;
    if (typeof file.absolutePath !== 'string') return undefined;
    const path = resolve(file.absolutePath);
    this.pending.delete(path);
    const analysis = this.analysed.get(path);
    this.analysed.delete(path);
    return analysis;
  }
}
