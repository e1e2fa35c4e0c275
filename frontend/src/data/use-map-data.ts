import { useState } from 'react';
import { listParks, listRegions, listRivers } from '../api/muyield-api';
import type { ParkFeature, Problem, RegionFeature, RiverFeature } from '../api/types';
import { useDataRevision } from './data-revision';
import { dataOf, useResource } from './use-resource';

/** How many years the year selector offers, counting back from the latest reported. */
export const YEARS_OFFERED = 3;

export interface MapData {
  regions: RegionFeature[];
  parks: ParkFeature[];
  rivers: RiverFeature[];
  /** Years to choose from, newest first: the latest reported year and the ones before it. */
  years: number[];
  /** The year the parks' figures are for (the latest reported when none was asked for). */
  year: number | null;
  /** True until parks have arrived (or failed); regions and rivers may still follow. */
  loading: boolean;
  /** Failures of any of the requests, for the error banner. */
  problems: Problem[];
}

const latestYearOf = (parks: readonly ParkFeature[]) =>
  parks.reduce<number | null>((max, p) => (p.properties.year != null && (max === null || p.properties.year > max) ? p.properties.year : max), null);

/**
 * The collections the map draws for `year` (null: the latest reported), each loaded independently so
 * one failure hides one layer. The first answer without a year names the latest year, from which the
 * selectable years are counted back; it is remembered across year changes.
 */
export function useMapData(year: number | null): MapData {
  // Grades (after 分类调档) and grade counts change with the server's data: reloaded on each revision.
  const revision = useDataRevision();
  const regions = useResource((signal) => listRegions(year, signal), true, year, revision);
  const parks = useResource((signal) => listParks(year, signal), true, year, revision);
  const rivers = useResource(listRivers);
  const parkFeatures = dataOf(parks)?.features ?? [];
  const [latestYear, setLatestYear] = useState<number | null>(null);
  // Asked for a year (from a shared link): one unyeared request to learn the latest year.
  const latest = useResource((signal) => listParks(null, signal), year !== null && latestYear === null);
  const answeredLatest = latestYearOf(year === null ? parkFeatures : (dataOf(latest)?.features ?? []));
  if (answeredLatest !== null && answeredLatest !== latestYear) setLatestYear(answeredLatest);
  const years = latestYear === null ? [] : Array.from({ length: YEARS_OFFERED }, (_, i) => latestYear - i);
  if (year !== null && !years.includes(year)) years.push(year);
  const problems = [regions, parks, rivers].flatMap((r) => (r.status === 'error' ? [r.problem] : []));
  return {
    regions: dataOf(regions)?.features ?? [],
    parks: parkFeatures,
    rivers: dataOf(rivers)?.features ?? [],
    years: years.sort((a, b) => b - a),
    year: year ?? latestYearOf(parkFeatures),
    loading: parks.status === 'loading',
    problems,
  };
}
