// Is a key found in history still there at HEAD: in the file that received it, or anywhere else?
// The answer changes the advice (remove it from the code, or only rotate it) but never whether
// it leaked.
import { mayContainKey } from '@engium/core';
import { nameFromBytes, namesFromNulSeparated } from '../discover/byte-names.js';
import { keyHitsInText } from '../analyse/key-hits.js';
import { readBlobs } from './blobs.js';
import { runGit } from './process.js';

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

/** Where each plain key appears at HEAD, through one `git grep` reading the keys from stdin. */
async function plainKeysAtHead(root: string, keys: readonly string[]): Promise<Map<string, Set<string>>> {
  const places = new Map<string, Set<string>>();
  if (keys.length === 0) return places;
  let output: Buffer;
  try {
    // -w matches whole keys only: the key grammar's token boundary is git's word boundary.
    // --text: a `binary` or `-diff` attribute must not hide where a key still is.
    output = await runGit(root, ['grep', '-F', '-w', '-z', '-o', '--text', '--no-color', '-f', '-', 'HEAD', '--'], keys.join('\n') + '\n');
  } catch {
    return places; // git grep exits 1 when nothing matches
  }
  let at = 0;
  while (at < output.length) {
    const nul = output.indexOf(0, at);
    const newline = nul === -1 ? -1 : output.indexOf(10, nul);
    if (nul === -1 || newline === -1) break;
    const path = nameFromBytes(output.subarray(at, nul)).replace(/^HEAD:/, '');
    const key = output.toString('utf8', nul + 1, newline);
    let paths = places.get(key);
    if (!paths) places.set(key, (paths = new Set()));
    paths.add(path);
    at = newline + 1;
  }
  return places;
}

/** Presence at HEAD for every sighting, by `sightingId`. Without a HEAD nothing is present. */
export async function presenceAtHead(root: string, sightings: readonly Sighting[], headExists: boolean): Promise<Map<string, PresenceAtHead>> {
  const result = new Map<string, PresenceAtHead>();
  for (const sighting of sightings) result.set(sightingId(sighting.fingerprint, sighting.file), { inFile: false, elsewhere: [] });
  if (!headExists || sightings.length === 0) return result;

  // In the same file: read it at HEAD and look with the full finder, so encoded keys count too.
  const files = [...new Set(sightings.map((sighting) => sighting.file))];
  const blobs = await blobsAtHead(root, files);
  const contents = await readBlobs(root, [...new Set(blobs.values())]);
  const fingerprintsByFile = new Map<string, Set<string>>();
  for (const [file, id] of blobs) {
    const content = contents.get(id);
    if (!content || !mayContainKey(content)) continue;
    fingerprintsByFile.set(file, new Set(keyHitsInText(content.toString('utf8')).map((hit) => hit.secret.fingerprint)));
  }

  // Anywhere else: a whole-repository grep for the plain keys.
  const places = await plainKeysAtHead(root, [...new Set(sightings.map((sighting) => sighting.key))]);
  for (const sighting of sightings) {
    const presence = result.get(sightingId(sighting.fingerprint, sighting.file));
    if (!presence) continue;
    presence.inFile = fingerprintsByFile.get(sighting.file)?.has(sighting.fingerprint) ?? false;
    presence.elsewhere = [...(places.get(sighting.key) ?? [])].filter((path) => path !== sighting.file).sort();
  }
  return result;
}
