/**
 * Which file names are archives, and which reader opens each: one row per format. Whether an
 * archive ships to users (an app package) is core's knowledge (`appPackageOf`).
 */
export type ArchiveFormat = 'zip' | 'crx' | 'tar' | 'tgz' | 'asar' | 'gzip' | 'brotli';

interface FormatRow {
  extensions: readonly string[];
  format: ArchiveFormat;
}

const FORMATS: readonly FormatRow[] = [
  // Zip, and the formats built on it: Android (apk, aab), iOS (ipa), Java (jar, war, ear, aar), Firefox add-ons (xpi).
  { extensions: ['.zip', '.apk', '.aab', '.ipa', '.jar', '.war', '.ear', '.aar', '.xpi'], format: 'zip' },
  // A Chrome extension: a zip after a CRX header.
  { extensions: ['.crx'], format: 'crx' },
  { extensions: ['.tar'], format: 'tar' },
  { extensions: ['.tgz', '.tar.gz'], format: 'tgz' },
  { extensions: ['.asar'], format: 'asar' },
  // One file compressed whole, as servers send precompressed assets (after `.tar.gz`, which is a tar).
  { extensions: ['.gz'], format: 'gzip' },
  { extensions: ['.br'], format: 'brotli' },
];

/** Formats that hold one file, compressed: their entry is that file, with its role. */
export const SINGLE_FILE_FORMATS: ReadonlySet<ArchiveFormat> = new Set(['gzip', 'brotli']);

/** The rows by a name's last extension (`.gz` for `.tar.gz`): every scanned file's name is looked up. */
const BY_LAST_EXTENSION = new Map<string, { extension: string; format: ArchiveFormat }[]>();
for (const { extensions, format } of FORMATS) {
  for (const extension of extensions) {
    const last = extension.slice(extension.lastIndexOf('.'));
    BY_LAST_EXTENSION.set(last, [...(BY_LAST_EXTENSION.get(last) ?? []), { extension, format }]);
  }
}

export function archiveFormatOf(name: string): ArchiveFormat | undefined {
  const rows = BY_LAST_EXTENSION.get(name.slice(name.lastIndexOf('.')).toLowerCase());
  if (!rows) return undefined;
  const lower = name.toLowerCase();
  return rows.find(({ extension }) => lower.endsWith(extension))?.format;
}

const COMPRESSED_SUFFIX = /\.(?:gz|br)$/i;

/** A file compressed whole (of `format`) whose original is among `paths` (`app.js.gz` beside `app.js`). */
export function isPrecompressedCopy(path: string, format: ArchiveFormat, paths: ReadonlySet<string>): boolean {
  return SINGLE_FILE_FORMATS.has(format) && paths.has(path.replace(COMPRESSED_SUFFIX, ''));
}
