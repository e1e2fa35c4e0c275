import { sql } from 'drizzle-orm';
/**
 * Drizzle mirrors of migrations/: the migrations are the truth, these give typed column names to
 * TypeScript. `schema.integration.test.ts` fails when the two drift apart.
 */
import { customType, pgTable, text, boolean, numeric, integer, date, doublePrecision, jsonb, serial, timestamp, primaryKey } from 'drizzle-orm/pg-core';

/** PostGIS geometry(MultiPolygon, 4326), read and written as GeoJSON text by the repositories. */
const multiPolygon = customType<{ data: string; driverData: string }>({
  dataType: () => 'geometry(MultiPolygon,4326)',
});

export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  geom: multiPolygon('geom').notNull(),
  cityCode: text('city_code'),
  cityName: text('city_name'),
});

export const parks = pgTable('parks', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  regionCode: text('region_code'),
  level: text('level'),
  leadingIndustries: text('leading_industries').array().notNull(),
  approvedAreaMu: numeric('approved_area_mu'),
  illustrative: boolean('illustrative').notNull(),
  geom: multiPolygon('geom').notNull(),
});

export const parcels = pgTable('parcels', {
  code: text('code').primaryKey(),
  parkCode: text('park_code').notNull(),
  landUse: text('land_use'),
  suppliedOn: date('supplied_on'),
  agreedStartOn: date('agreed_start_on'),
  agreedCompletionOn: date('agreed_completion_on'),
  startedOn: date('started_on'),
  completedOn: date('completed_on'),
  workStoppedOn: date('work_stopped_on'),
  developedAreaSqm: numeric('developed_area_sqm'),
  plannedInvestmentYuan: numeric('planned_investment_yuan'),
  investedYuan: numeric('invested_yuan'),
  landPriceYuan: numeric('land_price_yuan'),
  idleCause: text('idle_cause'),
  targetTaxWanYuanPerMu: numeric('target_tax_wan_yuan_per_mu'),
  targetInvestmentWanYuanPerMu: numeric('target_investment_wan_yuan_per_mu'),
  targetPlotRatio: numeric('target_plot_ratio'),
  illustrative: boolean('illustrative').notNull(),
  geom: multiPolygon('geom').notNull(),
  // m² on the spheroid, generated from geom (migration 0013)
  landAreaSqm: doublePrecision('land_area_sqm').notNull().generatedAlwaysAs(sql`ST_Area(geom::geography)`),
});

export const buildings = pgTable('buildings', {
  code: text('code').primaryKey(),
  parkCode: text('park_code').notNull(),
  parcelCode: text('parcel_code'),
  kind: text('kind').notNull(),
  floors: integer('floors').notNull(),
  floorAreaSqm: numeric('floor_area_sqm').notNull(),
  heightM: numeric('height_m'),
  completedOn: date('completed_on'),
  illustrative: boolean('illustrative').notNull(),
  geom: multiPolygon('geom').notNull(),
  footprintSqm: doublePrecision('footprint_sqm').notNull(),
});

export const enterprises = pgTable('enterprises', {
  uscc: text('uscc').primaryKey(),
  name: text('name').notNull(),
  industryCode: text('industry_code'),
  aboveScale: boolean('above_scale').notNull(),
  status: text('status').notNull(),
  statusSince: date('status_since'),
  registeredOn: date('registered_on'),
});

export const units = pgTable('units', {
  code: text('code').primaryKey(),
  buildingCode: text('building_code').notNull(),
  floor: integer('floor').notNull(),
  areaSqm: numeric('area_sqm').notNull(),
  status: text('status').notNull(),
  tenantUscc: text('tenant_uscc'),
  leaseStartOn: date('lease_start_on'),
  leaseEndOn: date('lease_end_on'),
  rentYuanPerSqmMonth: numeric('rent_yuan_per_sqm_month'),
  ceilingHeightM: numeric('ceiling_height_m'),
  floorLoadKnPerSqm: numeric('floor_load_kn_per_sqm'),
});

export const landRights = pgTable(
  'land_rights',
  {
    uscc: text('uscc').notNull(),
    parcelCode: text('parcel_code').notNull(),
    role: text('role').notNull(),
    leasedFloorAreaSqm: numeric('leased_floor_area_sqm'),
  },
  (t) => [primaryKey({ columns: [t.uscc, t.parcelCode, t.role] })],
);

export const indicators = pgTable(
  'indicators',
  {
    uscc: text('uscc').notNull(),
    year: integer('year').notNull(),
    outputYuan: numeric('output_yuan'),
    revenueYuan: numeric('revenue_yuan'),
    valueAddedYuan: numeric('value_added_yuan'),
    taxYuan: numeric('tax_yuan'),
    energyTce: numeric('energy_tce'),
    emissionsT: numeric('emissions_t'),
    electricityKwh: numeric('electricity_kwh'),
    employees: integer('employees'),
    rdYuan: numeric('rd_yuan'),
  },
  (t) => [primaryKey({ columns: [t.uscc, t.year] })],
);

export const evaluationSchemes = pgTable('evaluation_schemes', {
  id: text('id').primaryKey(),
  version: integer('version').notNull(),
  regionCode: text('region_code'),
  year: integer('year'),
  body: jsonb('body').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const evaluationSchemeVersions = pgTable(
  'evaluation_scheme_versions',
  {
    id: text('id').notNull(),
    version: integer('version').notNull(),
    body: jsonb('body').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);

export const datasets = pgTable('datasets', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  source: text('source').notNull(),
  licence: text('licence'),
  vintage: text('vintage'),
  crs: text('crs'),
  real: boolean('real').notNull(),
  note: text('note'),
  zh: jsonb('zh'),
});

export const imports = pgTable('imports', {
  id: serial('id').primaryKey(),
  source: text('source').notNull(),
  bundleName: text('bundle_name'),
  counts: jsonb('counts').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  layer: text('layer'),
  format: text('format'),
  crs: text('crs'),
  status: text('status').notNull(),
  undoneAt: timestamp('undone_at', { withTimezone: true }),
});

export const importRows = pgTable('import_rows', {
  importId: integer('import_id').notNull(),
  layer: text('layer').notNull(),
  key: jsonb('key').notNull(),
  before: jsonb('before').notNull(),
}, (t) => [primaryKey({ columns: [t.importId, t.layer, t.key] })]);

export const importCreated = pgTable('import_created', {
  importId: integer('import_id').notNull(),
  layer: text('layer').notNull(),
  keys: jsonb('keys').notNull(),
});

export const importMappings = pgTable('import_mappings', {
  layer: text('layer').notNull(),
  signature: text('signature').notNull(),
  columns: text('columns').array().notNull(),
  mapping: jsonb('mapping').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.layer, t.signature] })]);

export const gradeAdjustments = pgTable('grade_adjustments', {
  id: serial('id').primaryKey(),
  uscc: text('uscc').notNull(),
  year: integer('year').notNull(),
  schemeId: text('scheme_id').notNull(),
  schemeVersion: integer('scheme_version').notNull(),
  grade: text('grade').notNull(),
  reason: text('reason').notNull(),
  adjustedBy: text('adjusted_by').notNull(),
  adjustedAt: timestamp('adjusted_at', { withTimezone: true }).notNull(),
  undoneAt: timestamp('undone_at', { withTimezone: true }),
  undoneBy: text('undone_by'),
  undoReason: text('undo_reason'),
});

export const tables = { regions, parks, parcels, buildings, enterprises, units, landRights, indicators, evaluationSchemes, evaluationSchemeVersions, datasets, imports, importRows, importCreated, importMappings, gradeAdjustments };
