// Is a key found in history still there at HEAD: in the file that received it, or anywhere else?
// The answer changes the advice (remove it from the code, or only rotate it) but never whether
// it leaked. HEAD is read before the keys are known, beside the history log: one `git grep` lists
// the files holding a needle of core's prefilter, and only those are read.
import { holdsWrappedBase64Line, isWordUnit, KEY_NEEDLES, KEY_PREFIXES, mayContainKey } from '@engium/core';
import { nameFromBytes, namesFromNulSeparated } from '../discover/byte-names.js';
import { keyHitsInText } from '../analyse/key-hits.js';
import { utf8OfUnicodeText } from '../analyse/text-encoding.js';
import { readBlobs } from './blobs.js';
import { GitError, runGit, tryGit } from './process.js';

export interface Sighting {
  /** The raw key: compared in memory only. */
  key: string;
  fingerprint: string;
  file: string;
}

export interface PresenceAtHead {
  /** The key is in the same file at HEAD. */
  inFile: boolean;
  /** Other files holding the key at HEAD (POSIX paths from the repository root). */
  elsewhere: string[];
}

/** What HEAD holds, read once, for answering presence questions about any key. */
export interface KeysAtHead {
  /** Fingerprints of the keys core's finder sees in each file (plain or encoded), by path. */
  fingerprintsByFile: Map<string, Set<string>>;
  /** The files holding each whole word that contains a key prefix: the plain keys, by word. */
  filesByWord: Map<string, Set<string>>;
}

export const sightingId = (fingerprint: string, file: string): string => `${fingerprint}\0${file}`;

/** Blob ids at HEAD of `files` that exist there. */
async function blobsAtHead(root: string, files: readonly string[]): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  const record = (listing: Buffer, wanted?: ReadonlySet<string>) => {
    for (const entry of namesFromNulSeparated(listing)) {
      const tab = entry.indexOf('\t');
      const [, type, id] = entry.slice(0, tab).split(' ');
      const path = entry.slice(tab + 1);
      if (tab !== -1 && type === 'blob' && id && (!wanted || wanted.has(path))) blobs.set(path, id);
    }
  };
  // A name that is not valid UTF-8 cannot be passed as an argument: those are picked from the whole tree.
  const byteNamed = new Set(files.filter((file) => file.includes('\\x')));
  const plain = files.filter((file) => !byteNamed.has(file));
  if (byteNamed.size > 0) record(await runGit(root, ['ls-tree', '-r', '-z', 'HEAD']), byteNamed);
  // Pathspecs in batches, so a long list never exceeds the command-line limit.
  for (let from = 0; from < plain.length; from += 500) {
    record(await runGit(root, ['--literal-pathspecs', 'ls-tree', '-r', '-z', 'HEAD', '--', ...plain.slice(from, from + 500)]));
  }
  return blobs;
}

/**
 * HEAD's files that hold any of core's needles, by one `git grep -l` reading them from stdin:
 * every file in which the finder could see a key, plain or encoded (`--text`: a `binary` or
 * `-diff` attribute must not hide where a key still is).
 */
async function filesWithNeedles(root: string): Promise<string[]> {
  let output: Buffer;
  try {
    // In the background: it reads every file at HEAD, and the history log it runs beside is what the
    // run waits for. (The few files it names are then read at normal priority.)
    output = await runGit(root, ['grep', '-l', '-z', '-F', '--text', '--no-color', '-f', '-', 'HEAD', '--'], KEY_NEEDLES.join('\n') + '\n', { background: true });
  } catch (error) {
    // git grep exits 1 when nothing matches. Otherwise there is no HEAD, or an object of it git
    // cannot read (grep stops there): then every file of HEAD is read, each blob that can be.
    if (!(error instanceof GitError) || error.exitCode === 1) return [];
    const listing = await tryGit(root, ['ls-tree', '-r', '-z', '--name-only', 'HEAD']);
    return listing ? namesFromNulSeparated(listing) : [];
  }
  const head = 'HEAD:';
  const files: string[] = [];
  for (let at = 0; at < output.length; ) {
    const nul = output.indexOf(0, at);
    const end = nul === -1 ? output.length : nul;
    const name = nameFromBytes(output.subarray(at, end));
    if (name.startsWith(head)) files.push(name.slice(head.length));
    at = end + 1;
  }
  return files;
}

const isWordByte = (byte: number | undefined): boolean => byte !== undefined && isWordUnit(byte);

const PREFIX_BYTES = Object.values(KEY_PREFIXES).map((prefix) => Buffer.from(prefix));

/**
 * The whole words (runs of letters, digits and `_`) that contain a key prefix: a plain key is
 * present where a word equals it, the key grammar's token boundary being the word boundary.
 */
export function wordsWithKeyPrefix(content: Buffer): Set<string> {
  const words = new Set<string>();
  for (const prefix of PREFIX_BYTES) {
    let searchFrom = 0;
    for (let at = content.indexOf(prefix, searchFrom); at !== -1; at = content.indexOf(prefix, searchFrom)) {
      let start = at;
      while (isWordByte(content[start - 1])) start--;
      let end = at + prefix.length;
      while (isWordByte(content[end])) end++;
      words.add(content.toString('latin1', start, end));
      searchFrom = end;
    }
  }
  return words;
}

/** Files read per `git cat-file`: what HEAD holds is kept as keys found, its bytes only a batch at a time. */
const FILES_PER_READ = 256;

/**
 * Reads what HEAD holds in `files`, by default those `git grep` finds a needle in (Unicode text and
 * wrapped base64, which it may not see into, are named by the caller); a repository without a
 * HEAD holds nothing.
 */
export async function keysAtHead(root: string, files?: readonly string[], found: KeysAtHead = { fingerprintsByFile: new Map(), filesByWord: new Map() }): Promise<KeysAtHead> {
  const blobs = [...(await blobsAtHead(root, files ?? (await filesWithNeedles(root))))];
  for (let from = 0; from < blobs.length; from += FILES_PER_READ) {
    const batch = blobs.slice(from, from + FILES_PER_READ);
    const filesOf = new Map<string, string[]>();
    for (const [file, id] of batch) filesOf.set(id, [...(filesOf.get(id) ?? []), file]);
    await readBlobs(root, [...filesOf.keys()], (id, read) => {
      const content = utf8OfUnicodeText(read) ?? read;
      // Wrapped base64 may cut the prefix's signature with a line break, which the prefilter misses.
      if (!(mayContainKey(content) || (files !== undefined && holdsWrappedBase64Line(content)))) return;
      // The full finder, so that encoded keys count too in the file that received them.
      const fingerprints = new Set(keyHitsInText(content.toString('utf8')).map((hit) => hit.secret.fingerprint));
      const words = wordsWithKeyPrefix(content);
      for (const file of filesOf.get(id) ?? []) {
        found.fingerprintsByFile.set(file, fingerprints);
        for (const word of words) {
          let holding = found.filesByWord.get(word);
          if (!holding) found.filesByWord.set(word, (holding = new Set()));
          holding.add(file);
        }
      }
    });
  }
  return found;
}

/** Presence at HEAD for every sighting, by `sightingId`. */
export function presenceAtHead(atHead: KeysAtHead, sightings: readonly Sighting[]): Map<string, PresenceAtHead> {
  const result = new Map<string, PresenceAtHead>();
  for (const sighting of sightings) {
    result.set(sightingId(sighting.fingerprint, sighting.file), {
      inFile: atHead.fingerprintsByFile.get(sighting.file)?.has(sighting.fingerprint) ?? false,
      elsewhere: [...(atHead.filesByWord.get(sighting.key) ?? [])].filter((path) => path !== sighting.file).sort(),
    });
  }
  return result;
}
