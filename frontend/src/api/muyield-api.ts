// The only module that knows the API's URLs. Same origin: the backend serves this app at `/`.
import { getJson } from './http-client';
import type { DatasetList, Health, ParkCollection, RegionCollection, RiverCollection } from './types';

/** `?year=Y`, or nothing for the latest reported year. */
const yearQuery = (year: number | null | undefined) => (year == null ? '' : `?year=${year}`);

export const listRegions = (year: number | null, signal?: AbortSignal) =>
  getJson<RegionCollection>(`/api/regions${yearQuery(year)}`, signal);

export const listParks = (year: number | null, signal?: AbortSignal) =>
  getJson<ParkCollection>(`/api/parks${yearQuery(year)}`, signal);

export const listRivers = (signal?: AbortSignal) => getJson<RiverCollection>('/api/basemap/rivers', signal);

export const listDatasets = (signal?: AbortSignal) => getJson<DatasetList>('/api/datasets', signal);

export const getHealth = (signal?: AbortSignal) => getJson<Health>('/api/health', signal);
