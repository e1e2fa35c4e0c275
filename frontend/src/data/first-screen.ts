// The first screen's three answers (parks, counties, rivers), asked by main.tsx the moment the page's
// first small script runs, while the rest of the app (React, MapLibre, deck.gl: most of the bytes) is
// still loading and compiling. useMapData takes them over instead of asking again.
import { listParks, listRegions, listRivers } from '../api/muyield-api';
import type { ParkCollection, RegionCollection, RiverCollection } from '../api/types';

interface Started {
  /** The year asked for (null: the latest reported); rivers have none. */
  year: number | null;
  parks?: Promise<ParkCollection>;
  regions?: Promise<RegionCollection>;
  rivers?: Promise<RiverCollection>;
}

let started: Started | null = null;

/** Ask now for the city map's parks and counties of `year` (null: the latest reported) and the rivers. */
export function startFirstScreenData(year: number | null): void {
  started = { year, parks: listParks(year), regions: listRegions(year), rivers: listRivers() };
  // A failure is reported by the hook that takes the request over; until then it is not "unhandled".
  for (const request of [started.parks, started.regions, started.rivers]) request?.catch(() => {});
}

/**
 * The request started for `kind`, once: the first call for a kind empties its slot, so a later load (another
 * year and back, a remount) asks the server afresh. Null when none was started or it was for another year.
 */
export function takeStarted<K extends 'parks' | 'regions' | 'rivers'>(kind: K, year: number | null): Started[K] | null {
  if (!started) return null;
  const request = started[kind];
  started[kind] = undefined;
  return request && (kind === 'rivers' || started.year === year) ? request : null;
}
