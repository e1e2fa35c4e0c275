// The only module that knows the API's URLs. Same origin: the backend serves this app at `/`.
import { getJson } from './http-client';
import type { DatasetList, Health, ParkCollection, RegionCollection, RiverCollection } from './types';

export const listRegions = (signal?: AbortSignal) => getJson<RegionCollection>('/api/regions', signal);

export const listParks = (signal?: AbortSignal) => getJson<ParkCollection>('/api/parks', signal);

export const listRivers = (signal?: AbortSignal) => getJson<RiverCollection>('/api/basemap/rivers', signal);

export const listDatasets = (signal?: AbortSignal) => getJson<DatasetList>('/api/datasets', signal);

export const getHealth = (signal?: AbortSignal) => getJson<Health>('/api/health', signal);
