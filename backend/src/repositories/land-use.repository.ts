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

export interface BuildingFact {
  code: string;
  floors: number;
  floorAreaSqm: number;
  heightM: number | null;
}

/** A parcel's contract facts and buildings, for the idle-land, under-use and low-yield rules (list-parcel-facts.sql). */
export interface ParcelFactRow {
  code: string;
  park_code: string;
  region_code: string | null;
  land_area_sqm: number;
  land_use: string | null;
  supplied_on: string | null;
  agreed_start_on: string | null;
  agreed_completion_on: string | null;
  started_on: string | null;
  completed_on: string | null;
  work_stopped_on: string | null;
  developed_area_sqm: number | null;
  planned_investment_yuan: number | null;
  invested_yuan: number | null;
  land_price_yuan: number | null;
  idle_cause: 'enterprise' | 'government' | null;
  building_count: number;
  /** Sum of the floor areas of the buildings on the parcel, m²; null without buildings. */
  floor_area_sqm: number | null;
  /** Parcel area under building footprints, m² on the spheroid. */
  covered_sqm: number;
  buildings: BuildingFact[];
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

/** The facts of the parcels of a park or county, or of one parcel. */
export const listParcelFacts = (db: Database, scope: LandUseScope & { parcelCode?: string }) =>
  db.query<ParcelFactRow>(sql('list-parcel-facts'), [scope.parkCode ?? null, scope.regionCode ?? null, scope.parcelCode ?? null]);

export function createLandUseRepository(db: Database) {
  return {
    listParcelShapes: (scope: LandUseScope) =>
      db.query<ParcelShapeRow>(sql('list-parcel-shapes'), [scope.parkCode ?? null, scope.regionCode ?? null]),
    listParcelFacts: (scope: LandUseScope) => listParcelFacts(db, scope),
    listUnsuppliedLand: (scope: LandUseScope) =>
      db.query<UnsuppliedLandRow>(sql('list-unsupplied-land'), [scope.parkCode ?? null, scope.regionCode ?? null]),
    listParkRegions: (scope: LandUseScope) =>
      db.query<{ code: string; region_code: string | null }>(sql('list-park-regions'), [scope.parkCode ?? null, scope.regionCode ?? null]),
    regionExists: async (regionCode: string) => (await db.query(sql('find-region'), [regionCode])).length > 0,
  };
}
export type LandUseRepository = ReturnType<typeof createLandUseRepository>;
