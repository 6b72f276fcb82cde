import type { Readable } from 'node:stream';
import { byteSize } from '../../byte-size.js';

/**
 * A stream's bytes, or a problem once it passes `limit`: the stream is then destroyed, so a bomb
 * is never decompressed past the limit.
 */
export async function collect(stream: Readable, limit: number): Promise<Buffer | { problem: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) {
        stream.destroy();
        return { problem: `decompresses to more than ${byteSize(limit)}, the limit left: not scanned` };
      }
      chunks.push(chunk);
    }
  } catch (error) {
    return { problem: `unreadable (${(error as Error).message})` };
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
}
