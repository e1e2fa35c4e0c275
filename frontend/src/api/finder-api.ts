// URLs of the vacancy search, the search box and the building sheet (same origin, like muyield-api.ts).
import type { ParkFeature } from './types';
import { getJson } from './http-client';
import type { BuildingCollection, BuildingUnits, EnterpriseDetails, SearchAnswer, VacancySearchResult } from './finder-types';

/** Query parameters of GET /api/vacancies; undefined bounds are left out. */
export interface VacancyQuery {
  park?: string;
  region?: string;
  minAreaSqm?: number;
  maxAreaSqm?: number;
  floor?: number;
  minCeilingHeightM?: number;
  minFloorLoadKnPerSqm?: number;
  maxRentYuanPerSqmMonth?: number;
}

const VACANCY_QUERY_ORDER: readonly (keyof VacancyQuery)[] = [
  'park', 'region', 'minAreaSqm', 'maxAreaSqm', 'floor', 'minCeilingHeightM', 'minFloorLoadKnPerSqm', 'maxRentYuanPerSqmMonth',
];

export function toVacancyQueryString(query: VacancyQuery): string {
  const params = new URLSearchParams();
  for (const key of VACANCY_QUERY_ORDER) {
    const value = query[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const searchVacancies = (query: VacancyQuery, signal?: AbortSignal) =>
  getJson<VacancySearchResult>(`/api/vacancies${toVacancyQueryString(query)}`, signal);

export const searchPlaces = (text: string, limit: number, signal?: AbortSignal) =>
  getJson<SearchAnswer>(`/api/search?q=${encodeURIComponent(text)}&limit=${limit}`, signal);

export const getEnterprise = (uscc: string, signal?: AbortSignal) =>
  getJson<EnterpriseDetails>(`/api/enterprises/${encodeURIComponent(uscc)}`, signal);

export const getPark = (parkCode: string, signal?: AbortSignal) =>
  getJson<ParkFeature>(`/api/parks/${encodeURIComponent(parkCode)}`, signal);

export const listParkBuildings = (parkCode: string, signal?: AbortSignal) =>
  getJson<BuildingCollection>(`/api/parks/${encodeURIComponent(parkCode)}/buildings`, signal);

export const listBuildingUnits = (buildingCode: string, signal?: AbortSignal) =>
  getJson<BuildingUnits>(`/api/buildings/${encodeURIComponent(buildingCode)}/units`, signal);
