/**
 * What the webhook already said, so it speaks once per leak across reruns and nightly audits. The
 * action keeps no state of its own: each alert leaves a hidden marker where GitHub keeps the leak's
 * conversation (a comment on the key's rotation issue, or the pull request comment), and the next
 * run reads those markers back. A leak is alerted again only when it reaches a worse exposure or a
 * new place.
 */
import { createHash } from 'node:crypto';
import type { Exposure } from '@engium/core';
import { compareExposure } from '@engium/scanner';
import type { KeyFinding } from '../results.js';
import type { LeakedKey } from './leaks.js';

/** What was alerted for one key: its worst exposure and the places it had then. */
export interface AlertedLeak {
  exposure: Exposure;
  places: Set<string>;
}

export type AlertLedger = Map<string, AlertedLeak>;

/** Why a leak is alerted: never before, worse than before, or seen in more places. */
export type AlertStatus = 'new' | 'worse-exposure' | 'new-places';

export interface LeakToAlert {
  leak: LeakedKey;
  status: AlertStatus;
  /** The places no earlier alert named. */
  newPlaces: KeyFinding[];
}

const MARKER = /<!-- engium-guard:alerted:([0-9a-f]+):(client|server|unknown):([0-9a-f,]*) -->/g;

/**
 * A place, as a short hash (file names stay out of the marker, which must survive any name): the
 * file, and the commit for a place in history. Line numbers are left out, so a key moved by an
 * edit above it is the same place.
 */
export function placeId(finding: Pick<KeyFinding, 'file' | 'commit'>): string {
  return createHash('sha256').update(`${finding.file}\0${finding.commit?.sha ?? ''}`).digest('hex').slice(0, 12);
}

function markerOf(fingerprint: string, exposure: Exposure, places: Iterable<string>): string {
  return `<!-- engium-guard:alerted:${fingerprint}:${exposure}:${[...new Set(places)].sort().join(',')} -->`;
}

/** The marker saying `leak` was alerted as it is now. */
export function alertMarker(leak: LeakedKey): string {
  return markerOf(leak.fingerprint, leak.exposure, leak.findings.map(placeId));
}

/** Every alert marker in `texts` (comment bodies), merged per key: the worst exposure, all places. */
export function readLedger(texts: Iterable<string | null | undefined>): AlertLedger {
  const ledger: AlertLedger = new Map();
  for (const text of texts) {
    for (const match of (text ?? '').matchAll(MARKER)) {
      const [, fingerprint = '', exposure, places = ''] = match;
      const known = ledger.get(fingerprint) ?? { exposure: exposure as Exposure, places: new Set<string>() };
      if (compareExposure(exposure as Exposure, known.exposure) < 0) known.exposure = exposure as Exposure;
      for (const place of places.split(',').filter(Boolean)) known.places.add(place);
      ledger.set(fingerprint, known);
    }
  }
  return ledger;
}

/** The leaks an alert must name now, and why; the others were alerted as they are. */
export function leaksToAlert(leaks: readonly LeakedKey[], ledger: AlertLedger): LeakToAlert[] {
  const due: LeakToAlert[] = [];
  for (const leak of leaks) {
    const known = ledger.get(leak.fingerprint);
    if (!known) {
      due.push({ leak, status: 'new', newPlaces: leak.findings });
      continue;
    }
    const newPlaces = leak.findings.filter((finding) => !known.places.has(placeId(finding)));
    if (compareExposure(leak.exposure, known.exposure) < 0) due.push({ leak, status: 'worse-exposure', newPlaces });
    else if (newPlaces.length > 0) due.push({ leak, status: 'new-places', newPlaces });
  }
  return due;
}

/** The markers to keep after alerting `alerted`: what was known, plus what was just said. */
export function ledgerMarkers(ledger: AlertLedger, alerted: readonly LeakToAlert[]): string[] {
  const merged: AlertLedger = new Map([...ledger].map(([fingerprint, known]) => [fingerprint, { exposure: known.exposure, places: new Set(known.places) }]));
  for (const { leak } of alerted) {
    const known = merged.get(leak.fingerprint) ?? { exposure: leak.exposure, places: new Set<string>() };
    if (compareExposure(leak.exposure, known.exposure) < 0) known.exposure = leak.exposure;
    for (const finding of leak.findings) known.places.add(placeId(finding));
    merged.set(leak.fingerprint, known);
  }
  return [...merged]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([fingerprint, known]) => markerOf(fingerprint, known.exposure, known.places));
}
