import { byteSize } from '../byte-size.js';
import type { ScanProgress } from '../scan.js';

export interface ProgressReporter {
  update?: (progress: ScanProgress) => void;
  done: () => void;
}

/** The terminal a progress line goes to: stderr, or a stream that says whether it is a TTY. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * A one-line progress indicator on stderr, only on a TTY, never with `--quiet`, and only once a
 * scan has run for `delayMs`: quick scans and piped or CI output stay silent.
 */
export function progressReporter(options: { quiet?: boolean }, stream: ProgressStream = process.stderr, delayMs = 500): ProgressReporter {
  if (options.quiet || !stream.isTTY) return { done: () => undefined };
  const started = Date.now();
  let shown = false;
  return {
    update(progress) {
      if (Date.now() - started < delayMs) return;
      shown = true;
      stream.write(`\rengium-scan: ${progress.filesDone}/${progress.filesTotal} files, ${byteSize(progress.bytesDone)}`);
    },
    done() {
      // Clears the line, so the report or the summary starts on a clean one.
      if (shown) stream.write('\r\u001b[K');
    },
  };
}
