import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { CopyBinary } from '../db/copy-binary.js';
import { CopyText } from '../db/copy-text.js';
import type { MultiPolygonCoordinates } from '../bundle/parse-geojson.js';
import { multiPolygonEwkbHex } from '../db/wkb.js';
import { addParcelCopyRow, createdCodesJson, createImportRepository, PARCEL_FIELD_TYPES, stagingValues, type StagedGeometry } from './import.repository.js';
import { sqlFile } from './sql-file.js';

// Runs on the embedded PGlite (unit project) and on a real PostgreSQL (integration, TEST_DATABASE_URL)
let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t?.dispose());

const square = (lon: number, lat: number, side = 0.001): MultiPolygonCoordinates =>
  [[[[lon, lat], [lon + side, lat], [lon + side, lat + side], [lon, lat + side], [lon, lat]]]];

describe('addParcelCopyRow (new parcels as binary COPY data)', () => {
  it('writes each field by the type parcels gives its column', async () => {
    const columns = await t.db.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'parcels' AND column_name = ANY($1::text[])`,
      [Object.keys(PARCEL_FIELD_TYPES)]);
    expect(Object.fromEntries(columns.map((c) => [c.column_name, c.data_type]))).toEqual(PARCEL_FIELD_TYPES);
  });

  it('stores a new parcel as the staging table\'s text COPY stores the same row, and an illustrative left out as false', async () => {
    const rows: { values: StagedGeometry['values']; geometry: MultiPolygonCoordinates }[] = [
      {
        values: {
          code: '610131-地块-0001', park_code: 'R-PARK', land_use: 'industrial', supplied_on: '2019-02-28', agreed_start_on: '2019-06-30',
          agreed_completion_on: '2021-06-30', started_on: '2019-07-01', completed_on: '2021-12-31', work_stopped_on: '2020-02-29',
          developed_area_sqm: 4660.5, planned_investment_yuan: 58110169, invested_yuan: 1e21, land_price_yuan: 0.001, idle_cause: 'enterprise',
          target_tax_wan_yuan_per_mu: 12.345678901234567, target_investment_wan_yuan_per_mu: 300, target_plot_ratio: 1.2, illustrative: true,
        },
        geometry: square(108.9, 34.2),
      },
      { values: { code: '610131-地块-0002', park_code: 'R-PARK' }, geometry: square(108.902, 34.2) },
    ];
    const repo = createImportRepository(t.db);
    const { parcels, staged } = await t.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO parks (code, name, geom) VALUES ('R-PARK', 'Repository park', ST_Multi(ST_MakeEnvelope(108.8, 34.1, 109, 34.3, 4326)))`);
      await repo.createStaging(tx);
      const text = new CopyText();
      rows.forEach((r, i) => text.add(stagingValues('parcels', { position: i + 1, declared_sqm: null, ewkb: multiPolygonEwkbHex(r.geometry), values: r.values })));
      await repo.stageRows(tx, 'parcels', text);
      const copy = new CopyBinary();
      for (const r of rows) addParcelCopyRow(copy, r.values, r.geometry);
      expect(await tx.copyFrom('parcels', [...Object.keys(PARCEL_FIELD_TYPES), 'geom'], copy)).toBe(2);
      // Every column as its text output: a numeric's scale, a date, the shape's bytes
      const read = (table: string) => tx.query(`SELECT ${Object.keys(PARCEL_FIELD_TYPES).map((c) => `${c}::text`).join(', ')}, encode(ST_AsEWKB(geom, 'NDR'), 'hex') AS geom FROM ${table} ORDER BY code`);
      const result = { parcels: await read('parcels'), staged: await read('import_staged') };
      await tx.query('DELETE FROM parcels');
      await tx.query('DELETE FROM parks');
      return result;
    });
    expect(parcels).toEqual(staged.map((row, i) => (i === 1 ? { ...row, illustrative: 'false' } : row)));
    expect(parcels[0]).toMatchObject({ invested_yuan: '1000000000000000000000', land_price_yuan: '0.001', work_stopped_on: '2020-02-29', illustrative: 'true' });
    expect(staged[1]).toMatchObject({ supplied_on: null, developed_area_sqm: null, illustrative: null });
  });

  it('refuses a value of a type its column cannot hold', () => {
    expect(() => addParcelCopyRow(new CopyBinary(), { code: 'X', park_code: 'P', supplied_on: 20240501 }, square(108, 34))).toThrow(/supplied_on: a number cannot be written to a date column/);
  });
});

describe('the keys of created rows (save-created-keys.sql)', () => {
  it('stores the list jsonb_build_object makes of the codes as sent, awkward ones included, and none for no codes', async () => {
    const codes = ['G610101GB000001', '西安-地块-01', 'quote " and backslash \\ and \\u0041', 'tab\tnew line\n\u0001', '😀 pair', 'lone \ud800 high', 'lone \udc00 low', ''];
    const save = sqlFile(new URL('./sql/save-created-keys.sql', import.meta.url));
    const repo = createImportRepository(t.db);
    const stored = await t.db.transaction(async (tx) => {
      const importId = await repo.insertImport(tx, { fileName: 'keys.geojson', counts: {}, layer: 'parcels', format: 'geojson', crs: null });
      await tx.query(save, [importId, 'parcels', createdCodesJson(codes)], { prepare: true });
      await tx.query(save, [importId, 'parcels', createdCodesJson([])], { prepare: true });
      const rows = await tx.query<{ same: boolean; n: number }>(
        `SELECT c.keys = (SELECT jsonb_agg(jsonb_build_object('code', k.code)) FROM unnest($2::text[]) AS k(code)) AS same, jsonb_array_length(c.keys) AS n
         FROM import_created c WHERE c.import_id = $1`, [importId, codes]);
      await tx.query('DELETE FROM imports WHERE id = $1', [importId]);
      return rows;
    });
    expect(stored).toEqual([{ same: true, n: codes.length }]);
  });
});
