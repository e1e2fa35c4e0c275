import { useState } from 'react';
import { listParks, listRegions, listRivers } from '../api/muyield-api';
import type { CityFigures } from '../api/area-types';
import type { ParkFeature, Problem, RegionFeature, RiverFeature } from '../api/types';
import { useDataRevision } from './data-revision';
import { takeStarted } from './first-screen';
import { dataOf, useResource } from './use-resource';

/** How many years the year selector offers: the latest ones with reported figures. */
export const YEARS_OFFERED = 3;

export interface MapData {
  regions: RegionFeature[];
  parks: ParkFeature[];
  rivers: RiverFeature[];
  /** Years to choose from, newest first: the latest reported years (and the year asked, if not among them). */
  years: number[];
  /** The year the parks' figures are for (the latest reported when none was asked for). */
  year: number | null;
  /** The city's own figures for that year (GET /api/parks `city`); null until the parks arrive. */
  city: CityFigures | null;
  /** True until parks have arrived (or failed); regions and rivers may still follow. */
  loading: boolean;
  /** Failures of any of the requests, for the error banner. */
  problems: Problem[];
}

const sameYears = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((y, i) => y === b[i]);

/**
 * The collections the map draws for `year` (null: the latest reported), each loaded independently so
 * one failure hides one layer. The first load takes over the requests main.tsx started before React
 * rendered. One /api/parks answer names its year, the latest year and the years with figures, so a
 * shared link with a year needs no second request; the years are remembered while another year loads.
 */
export function useMapData(year: number | null): MapData {
  // Grades (after 分类调档) and grade counts change with the server's data: reloaded on each revision.
  const revision = useDataRevision();
  const regions = useResource((signal) => takeStarted('regions', year) ?? listRegions(year, signal), true, year, revision);
  const parks = useResource((signal) => takeStarted('parks', year) ?? listParks(year, signal), true, year, revision);
  const rivers = useResource((signal) => takeStarted('rivers', null) ?? listRivers(signal));
  const answer = dataOf(parks);
  const [reported, setReported] = useState<readonly number[]>([]);
  const answered = answer?.years.slice(0, YEARS_OFFERED);
  if (answered && !sameYears(answered, reported)) setReported(answered);
  const years = year !== null && !reported.includes(year) ? [...reported, year] : [...reported];
  const problems = [regions, parks, rivers].flatMap((r) => (r.status === 'error' ? [r.problem] : []));
  return {
    regions: dataOf(regions)?.features ?? [],
    parks: answer?.features ?? [],
    rivers: dataOf(rivers)?.features ?? [],
    years: years.sort((a, b) => b - a),
    year: year ?? answer?.year ?? null,
    city: answer?.city ?? null,
    loading: parks.status === 'loading',
    problems,
  };
}
