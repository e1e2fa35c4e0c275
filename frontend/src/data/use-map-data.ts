import { listParks, listRegions, listRivers } from '../api/muyield-api';
import type { ParkFeature, Problem, RegionFeature, RiverFeature } from '../api/types';
import { dataOf, useResource } from './use-resource';

export interface MapData {
  regions: RegionFeature[];
  parks: ParkFeature[];
  rivers: RiverFeature[];
  /** True until parks have arrived (or failed); regions and rivers may still follow. */
  loading: boolean;
  /** Failures of any of the three requests, for the error banner. */
  problems: Problem[];
}

/** The three collections the map draws, each loaded independently so one failure hides one layer. */
export function useMapData(): MapData {
  const regions = useResource(listRegions);
  const parks = useResource(listParks);
  const rivers = useResource(listRivers);
  const problems = [regions, parks, rivers].flatMap((r) => (r.status === 'error' ? [r.problem] : []));
  return {
    regions: dataOf(regions)?.features ?? [],
    parks: dataOf(parks)?.features ?? [],
    rivers: dataOf(rivers)?.features ?? [],
    loading: parks.status === 'loading',
    problems,
  };
}
