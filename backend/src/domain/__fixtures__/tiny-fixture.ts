/**
 * Test support only (imported by *.test.ts): reads gis-data/fixtures/tiny/ into the shapes the domain
 * functions take. Parcel and building areas are turf.area of the shapes, as in the fixture's README.
 */
import fs from 'node:fs';
import { area } from '@turf/turf';
import Papa from 'papaparse';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { Holding, ParcelLand } from '../land-allocation.js';
import type { RawFigures } from '../metrics.js';
import type { VacancyUnit } from '../vacancy.js';

const DIR = new URL('../../../../gis-data/fixtures/tiny/', import.meta.url);

type Row = Record<string, string>;

function readCsv(name: string): Row[] {
  return Papa.parse<Row>(fs.readFileSync(new URL(name, DIR), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

function readFeatures(name: string): Feature<Polygon, Record<string, unknown>>[] {
  return (JSON.parse(fs.readFileSync(new URL(name, DIR), 'utf8')) as FeatureCollection<Polygon, Record<string, unknown>>).features;
}

const numberOrNull = (v: string | undefined): number | null => (v == null || v === '' ? null : Number(v));
const stringOrNull = (v: unknown): string | null => (v == null || v === '' ? null : String(v));

export const TINY_REGION_CODE = '999901';
export const TINY = {
  A: '91999901MA0000A19A',
  B: '91999901MA0000B23E',
  T1: '91999901MA0000C38L',
  T2: '91999901MA0000D42R',
  U: '919999015999999055',
  P1: '999901001001GB00001',
  P2: '999901001001GB00002',
  P3: '999901001001GB00003',
  P4: '999901001001GB00004',
} as const;

export interface TinyParcel extends ParcelLand {
  props: Record<string, unknown>;
}

export interface TinyBuilding {
  code: string;
  parcelCode: string;
  floors: number;
  floorAreaSqm: number;
  heightM: number;
  footprintSqm: number;
}

export interface TinyEnterprise {
  uscc: string;
  industryCode: string;
  aboveScale: boolean;
  registeredOn: string;
}

export function loadTinyFixture() {
  const parcels: TinyParcel[] = readFeatures('parcels.geojson').map((f) => ({
    code: String(f.properties.code),
    landAreaSqm: area(f),
    props: f.properties,
  }));
  const buildings: TinyBuilding[] = readFeatures('buildings.geojson').map((f) => ({
    code: String(f.properties.code),
    parcelCode: String(f.properties.parcel_code),
    floors: Number(f.properties.floors),
    floorAreaSqm: Number(f.properties.floor_area_sqm),
    heightM: Number(f.properties.height_m),
    footprintSqm: area(f),
  }));
  const enterprises: TinyEnterprise[] = readCsv('enterprises.csv').map((r) => ({
    uscc: r.uscc,
    industryCode: r.industry_code,
    aboveScale: r.above_scale === 'true',
    registeredOn: r.registered_on,
  }));
  const figures: Record<string, Record<number, RawFigures>> = {};
  for (const r of readCsv('indicators.csv')) {
    (figures[r.uscc] ??= {})[Number(r.year)] = {
      outputYuan: numberOrNull(r.output_yuan),
      revenueYuan: numberOrNull(r.revenue_yuan),
      valueAddedYuan: numberOrNull(r.value_added_yuan),
      taxYuan: numberOrNull(r.tax_yuan),
      energyTce: numberOrNull(r.energy_tce),
      emissionsT: numberOrNull(r.emissions_t),
      electricityKwh: numberOrNull(r.electricity_kwh),
      employees: numberOrNull(r.employees),
      rdYuan: numberOrNull(r.rd_yuan),
    };
  }
  const units: VacancyUnit[] = readCsv('units.csv').map((r) => ({
    code: r.code,
    buildingCode: r.building_code,
    parkCode: 'T-PARK',
    regionCode: TINY_REGION_CODE,
    floor: Number(r.floor),
    areaSqm: Number(r.area_sqm),
    status: r.status as VacancyUnit['status'],
    tenantUscc: stringOrNull(r.tenant_uscc),
    leaseStartOn: stringOrNull(r.lease_start_on),
    leaseEndOn: stringOrNull(r.lease_end_on),
    rentYuanPerSqmMonth: numberOrNull(r.rent_yuan_per_sqm_month),
    ceilingHeightM: numberOrNull(r.ceiling_height_m),
    floorLoadKnPerSqm: numberOrNull(r.floor_load_kn_per_sqm),
  }));
  const landRights: Holding[] = readCsv('land_rights.csv').map((r) => ({
    uscc: r.uscc,
    parcelCode: r.parcel_code,
    role: r.role as Holding['role'],
    leasedFloorAreaSqm: numberOrNull(r.leased_floor_area_sqm),
  }));
  return { parcels, buildings, enterprises, figures, units, landRights, holdings: toHoldings(landRights, units, buildings) };
}

/** As the parcel_holdings view: explicit land rights, plus a tenancy for each leased unit not already listed. */
function toHoldings(landRights: Holding[], units: VacancyUnit[], buildings: TinyBuilding[]): Holding[] {
  const parcelOf = new Map(buildings.map((b) => [b.code, b.parcelCode]));
  const implied = new Map<string, Holding>();
  for (const u of units) {
    const parcelCode = parcelOf.get(u.buildingCode);
    if (u.status !== 'leased' || !u.tenantUscc || !parcelCode) continue;
    if (landRights.some((lr) => lr.uscc === u.tenantUscc && lr.parcelCode === parcelCode)) continue;
    const key = `${u.tenantUscc}|${parcelCode}`;
    const h = implied.get(key) ?? { uscc: u.tenantUscc, parcelCode, role: 'tenant' as const, leasedFloorAreaSqm: 0 };
    h.leasedFloorAreaSqm = (h.leasedFloorAreaSqm ?? 0) + u.areaSqm;
    implied.set(key, h);
  }
  return [...landRights, ...implied.values()];
}

export function floorAreaByParcel(buildings: TinyBuilding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const b of buildings) out[b.parcelCode] = (out[b.parcelCode] ?? 0) + b.floorAreaSqm;
  return out;
}
