import type { Database } from '../db/database.js';
import { sqlFile } from './sql-file.js';

const sql = (name: string) => sqlFile(new URL(`./sql/${name}.sql`, import.meta.url));

export interface RegionRow {
  code: string;
  name: string;
  city_code: string | null;
  city_name: string | null;
  geometry: GeoJSON.MultiPolygon;
  park_count: number;
}

export interface ParkRow {
  code: string;
  name: string;
  region_code: string | null;
  region_name: string | null;
  level: 'national' | 'provincial' | 'county' | null;
  leading_industries: string[];
  approved_area_mu: number | null;
  illustrative: boolean;
  boundary_area_sqm: number;
  geometry: GeoJSON.MultiPolygon;
  year: number | null;
  output_yuan: number | null;
  tax_yuan: number | null;
  reporting_enterprises: number;
  enterprise_count: number;
  used_land_sqm: number | null;
  parcel_count: number;
  land_ready_sqm: number | null;
  supplied_sqm: number | null;
  built_sqm: number | null;
  built_industrial_sqm: number | null;
  built_floor_area_sqm: number | null;
  built_footprint_sqm: number | null;
}

export function createParksRepository(db: Database) {
  return {
    listRegions: () => db.query<RegionRow>(sql('list-regions')),
    /** The cities the counties name, with how many counties name each (a county naming none: nulls). */
    listRegionCities: async () =>
      (await db.query<{ city_code: string | null; city_name: string | null; region_count: number }>(sql('list-region-cities')))
        .map((r) => ({ cityCode: r.city_code, cityName: r.city_name, regionCount: r.region_count })),
    parkExists: async (parkCode: string) => (await db.query('SELECT 1 FROM parks WHERE code = $1', [parkCode])).length > 0,
    /** All parks, or the one with `parkCode`; figures for `year` (latest reported when undefined). */
    listParks: (options: { parkCode?: string; year?: number } = {}) =>
      db.query<ParkRow>(sql('list-parks'), [options.parkCode ?? null, options.year ?? null]),
    /** Years with reported indicators, newest first. */
    listIndicatorYears: async () => (await db.query<{ year: number }>(sql('list-indicator-years'))).map((r) => r.year),
  };
}
export type ParksRepository = ReturnType<typeof createParksRepository>;
