import type { Database } from '../db/database.js';
import type { VacancyFilter, VacancyUnit } from '../domain/vacancy.js';
import { sqlFile } from './sql-file.js';

const sql = (name: string) => sqlFile(new URL(`./sql/${name}.sql`, import.meta.url));

export interface UnitSearchRow {
  code: string;
  building_code: string;
  park_code: string;
  region_code: string | null;
  floor: number;
  area_sqm: number;
  status: VacancyUnit['status'];
  tenant_uscc: string | null;
  lease_start_on: string | null;
  lease_end_on: string | null;
  rent_yuan_per_sqm_month: number | null;
  ceiling_height_m: number | null;
  floor_load_kn_per_sqm: number | null;
  footprint: GeoJSON.MultiPolygon;
}

export interface VacancyScope {
  parkCode?: string;
  regionCode?: string;
}

export const ALL_UNIT_STATUSES: VacancyUnit['status'][] = ['vacant', 'leased', 'reserved'];

export function toVacancyUnit(r: UnitSearchRow): VacancyUnit {
  return {
    code: r.code,
    buildingCode: r.building_code,
    parkCode: r.park_code,
    regionCode: r.region_code,
    floor: r.floor,
    areaSqm: r.area_sqm,
    status: r.status,
    tenantUscc: r.tenant_uscc,
    leaseStartOn: r.lease_start_on,
    leaseEndOn: r.lease_end_on,
    rentYuanPerSqmMonth: r.rent_yuan_per_sqm_month,
    ceilingHeightM: r.ceiling_height_m,
    floorLoadKnPerSqm: r.floor_load_kn_per_sqm,
  };
}

export function createVacancyRepository(db: Database) {
  return {
    /** Units in scope that meet every bound of the filter: the SQL twin of matchesVacancyFilter. */
    searchUnits: (scope: VacancyScope, f: VacancyFilter) =>
      db.query<UnitSearchRow>(sql('search-units'), [
        f.statuses ?? ['vacant'], scope.parkCode ?? null, scope.regionCode ?? null,
        f.minAreaSqm ?? null, f.maxAreaSqm ?? null, f.minFloor ?? null, f.maxFloor ?? null,
        f.minCeilingHeightM ?? null, f.minFloorLoadKnPerSqm ?? null, f.maxRentYuanPerSqmMonth ?? null,
      ]),
  };
}
export type VacancyRepository = ReturnType<typeof createVacancyRepository>;
