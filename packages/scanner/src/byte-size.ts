/** Sizes for people, in one form for every message and report: `512 B`, `5.2 KB`, `16 MB`. */
const KB = 1024;
const MB = 1024 * KB;

const oneDecimal = (value: number) => `${Math.round(value * 10) / 10}`;

export function byteSize(bytes: number): string {
  if (bytes >= MB) return `${oneDecimal(bytes / MB)} MB`;
  if (bytes >= KB) return `${oneDecimal(bytes / KB)} KB`;
  return `${bytes} B`;
}
