import type { Database } from '../db/database.js';
import type { LayerName } from '../bundle/fields.js';
import { sqlFile } from './sql-file.js';

const sql = (name: string) => sqlFile(new URL(`./sql/${name}.sql`, import.meta.url));

/** Decimal places of exported layer geometry: 1e-9° is about 0.1 mm, far below any survey's accuracy. */
const LAYER_GEOMETRY_DIGITS = 9;

export interface ExportScope {
  parkCode?: string;
  regionCode?: string;
}

type Geometry = { geometry: GeoJSON.MultiPolygon };

export interface ExportParcelRow extends Geometry {
  code: string;
  park_code: string;
  park_name: string;
  region_code: string | null;
  land_use: string | null;
  land_area_sqm: number;
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
  illustrative: boolean;
  owners: string | null;
  tenants: string | null;
}

export interface ExportBuildingRow extends Geometry {
  code: string;
  park_code: string;
  parcel_code: string | null;
  kind: string;
  floors: number;
  floor_area_sqm: number;
  footprint_sqm: number;
  height_m: number | null;
  completed_on: string | null;
  illustrative: boolean;
  /** From the building's units, m²; null without units. */
  lettable_sqm: number | null;
  leased_sqm: number | null;
  reserved_sqm: number | null;
  vacant_sqm: number | null;
  /** leased ÷ lettable; null without lettable area. */
  occupancy_rate: number | null;
}

export interface ExportIndicatorRow {
  uscc: string;
  enterprise_name: string;
  park_code: string | null;
  year: number;
  output_yuan: number | null;
  revenue_yuan: number | null;
  value_added_yuan: number | null;
  tax_yuan: number | null;
  energy_tce: number | null;
  emissions_t: number | null;
  electricity_kwh: number | null;
  employees: number | null;
  rd_yuan: number | null;
}

/** A stored row of a bundle table, as JSON, with its geometry for the four geographic tables. */
export interface BundleRow {
  layer: LayerName;
  values: Record<string, unknown>;
  geometry: GeoJSON.MultiPolygon | null;
}

export interface DatasetRow {
  id: string;
  name: string;
  name_en: string | null;
  source: string;
  licence: string | null;
  vintage: string | null;
  crs: string | null;
  real: boolean;
  note: string | null;
  zh: Record<string, string> | null;
}

export interface StoredSchemeRow {
  id: string;
  version: number;
  body: Record<string, unknown>;
  updated_at: string;
}

export function createExportRepository(db: Database) {
  const scoped = <Row>(name: string, scope: ExportScope, ...more: unknown[]) =>
    db.query<Row>(sql(name), [scope.parkCode ?? null, scope.regionCode ?? null, ...more]);
  return {
    regionExists: async (regionCode: string) => (await db.query('SELECT 1 FROM regions WHERE code = $1', [regionCode])).length > 0,
    listParcels: (scope: ExportScope) => scoped<ExportParcelRow>('export-parcels', scope, LAYER_GEOMETRY_DIGITS),
    listBuildings: (scope: ExportScope) => scoped<ExportBuildingRow>('export-buildings', scope, LAYER_GEOMETRY_DIGITS),
    listUnits: (scope: ExportScope) => scoped<Record<string, string | number | null>>('export-units', scope),
    listEnterprises: (scope: ExportScope) => scoped<Record<string, string | boolean | null>>('export-enterprises', scope),
    listLandRights: (scope: ExportScope) => scoped<Record<string, string | number | null>>('export-land-rights', scope),
    listIndicators: (scope: ExportScope, year?: number) => scoped<ExportIndicatorRow>('export-indicators', scope, year ?? null),
    listBundleRows: () => db.query<BundleRow>(sql('export-bundle-rows')),
    listDatasets: () => db.query<DatasetRow>(sql('export-datasets')),
    listSchemes: () => db.query<StoredSchemeRow>(sql('export-schemes')),
    countNotInBundle: async () => (await db.query<{ grade_adjustments: number; scheme_versions: number }>(sql('export-counts')))[0],
  };
}
export type ExportRepository = ReturnType<typeof createExportRepository>;
