import type { Database } from '../db/database.js';
import { sqlFile } from './sql-file.js';
import { listParcelFacts, type ParcelFactRow } from './land-use.repository.js';

const sql = (name: string) => sqlFile(new URL(`./sql/${name}.sql`, import.meta.url));

export interface HolderRow {
  uscc: string;
  name: string;
  role: 'owner' | 'tenant';
  leasedFloorAreaSqm: number | null;
}

export interface ParcelRow {
  code: string;
  park_code: string;
  land_use: string | null;
  land_area_sqm: number;
  illustrative: boolean;
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
  idle_cause: string | null;
  target_tax_wan_yuan_per_mu: number | null;
  target_investment_wan_yuan_per_mu: number | null;
  target_plot_ratio: number | null;
  geometry: GeoJSON.MultiPolygon;
  holders: HolderRow[];
  building_codes: string[];
}

export interface BuildingRow {
  code: string;
  park_code: string;
  parcel_code: string | null;
  kind: string;
  floors: number;
  floor_area_sqm: number;
  height_m: number | null;
  completed_on: string | null;
  footprint_sqm: number;
  illustrative: boolean;
  geometry: GeoJSON.MultiPolygon;
  unit_count: number;
  lettable_sqm: number;
  leased_sqm: number;
  vacant_sqm: number;
  reserved_sqm: number;
}

export interface UnitRow {
  code: string;
  building_code: string;
  floor: number;
  area_sqm: number;
  status: 'vacant' | 'leased' | 'reserved';
  tenant_uscc: string | null;
  tenant_name: string | null;
  lease_start_on: string | null;
  lease_end_on: string | null;
  rent_yuan_per_sqm_month: number | null;
  ceiling_height_m: number | null;
  floor_load_kn_per_sqm: number | null;
}

export function createLandRepository(db: Database) {
  return {
    listParcelsOfPark: (parkCode: string) => db.query<ParcelRow>(sql('list-parcels'), [parkCode, null]),
    findParcel: async (parcelCode: string) => (await db.query<ParcelRow>(sql('list-parcels'), [null, parcelCode]))[0],
    /** Its contract facts, buildings and footprint cover, as the land-use rules read them. */
    findParcelFacts: async (parcelCode: string): Promise<ParcelFactRow | undefined> => (await listParcelFacts(db, { parcelCode }))[0],
    listBuildingsOfPark: (parkCode: string) => db.query<BuildingRow>(sql('list-buildings'), [parkCode]),
    listUnitsOfBuilding: (buildingCode: string) => db.query<UnitRow>(sql('list-units'), [buildingCode]),
    buildingExists: async (buildingCode: string) =>
      (await db.query('SELECT 1 FROM buildings WHERE code = $1', [buildingCode])).length > 0,
  };
}
export type LandRepository = ReturnType<typeof createLandRepository>;
