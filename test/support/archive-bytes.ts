// Archive bytes written by hand for the tests, where a real packer would refuse the input (an asar
// header that is not JSON) or where a few lines beat a packer (a tar of text files).
import tarStream from 'tar-stream';

/** An asar archive whose header (a pickled string, JSON or not) is `header`, followed by `data`. */
export function asarOf(header: string, data: string): Buffer {
  const text = Buffer.from(header);
  const padded = Buffer.concat([Buffer.alloc(4), text, Buffer.alloc((4 - (text.length % 4)) % 4)]);
  padded.writeUInt32LE(text.length, 0);
  const pickled = Buffer.concat([Buffer.alloc(4), padded]);
  pickled.writeUInt32LE(padded.length, 0);
  const size = Buffer.alloc(8);
  size.writeUInt32LE(4, 0);
  size.writeUInt32LE(pickled.length, 4);
  return Buffer.concat([size, pickled, Buffer.from(data)]);
}

/** A tar of text files, by name. */
export async function tarOf(files: Record<string, string>): Promise<Buffer> {
  const pack = tarStream.pack();
  for (const [name, content] of Object.entries(files)) pack.entry({ name }, content);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
