// Defence in depth for the job log: whatever the process writes (our messages, @actions/core's
// debug lines, ESLint's or a library's debug output under DEBUG) passes through core's redaction.
// Only the runner's `::add-mask::` commands carry a key whole: the runner consumes them, never
// shows them, and masks the key in every later line.
import { redactKeys } from '@engium/core';

const MASK_COMMAND = '::add-mask::';

function redactChunk(chunk: unknown): unknown {
  if (typeof chunk === 'string') return chunk.startsWith(MASK_COMMAND) ? chunk : redactKeys(chunk);
  if (chunk instanceof Uint8Array) {
    const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
    return text.startsWith(MASK_COMMAND) || !text.includes('eng_') ? chunk : redactKeys(text);
  }
  return chunk;
}

/** Routes stdout and stderr writes through `redactKeys`, for the rest of the process. */
export function redactProcessOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => write(redactChunk(chunk), ...rest)) as typeof stream.write;
  }
}
