/**
 * Which file names are archives, and which reader opens each: one row per format. Whether an
 * archive ships to users (an app package) is core's knowledge (`appPackageOf`).
 */
export type ArchiveFormat = 'zip' | 'crx' | 'tar' | 'tgz' | 'asar';

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
];

export function archiveFormatOf(name: string): ArchiveFormat | undefined {
  const lower = name.toLowerCase();
  return FORMATS.find((row) => row.extensions.some((extension) => lower.endsWith(extension)))?.format;
}
