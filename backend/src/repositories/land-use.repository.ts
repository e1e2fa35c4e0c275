import type { Database } from '../db/database.js';
import { sqlFile } from './sql-file.js';

const sql = (name: string) => sqlFile(new URL(`./sql/${name}.sql`, import.meta.url));

export interface ParcelShapeRow {
  code: string;
  park_code: string;
  region_code: string | null;
  geometry: GeoJSON.MultiPolygon;
  /** The parcel minus building footprints. */
  uncovered_geometry: GeoJSON.MultiPolygon | GeoJSON.Polygon;
  uncovered_sqm: number;
}

export interface UnsuppliedLandRow {
  park_code: string;
  region_code: string | null;
  geometry: GeoJSON.MultiPolygon | GeoJSON.Polygon;
  area_sqm: number;
}

export interface LandUseScope {
  parkCode?: string;
  regionCode?: string;
}

export function createLandUseRepository(db: Database) {
  return {
    listParcelShapes: (scope: LandUseScope) =>
      db.query<ParcelShapeRow>(sql('list-parcel-shapes'), [scope.parkCode ?? null, scope.regionCode ?? null]),
    listUnsuppliedLand: (scope: LandUseScope) =>
      db.query<UnsuppliedLandRow>(sql('list-unsupplied-land'), [scope.parkCode ?? null, scope.regionCode ?? null]),
  };
}
export type LandUseRepository = ReturnType<typeof createLandUseRepository>;
