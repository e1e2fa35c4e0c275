import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, TEST_ADMIN_TOKEN, type TestApp, postImport } from '../test-support/test-app.js';
import { tinyBundleDir, tinyParcelsGeoJson } from '../test-support/bundles.js';
import { loadBundle } from '../bundle/load-bundle.js';
import { readBundleFiles } from '../bundle/read-bundle-files.js';
import { computeUsccCheckChar } from '../domain/uscc.js';

// A single-file import writes, on rows that exist, only the fields its mapping maps; a bundle writes every field.
let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t?.dispose());

const upload = (file: Buffer | string, query: string) => postImport(t.app, file, query);
async function undo(id: number) {
  const res = await t.app.inject({ method: 'POST', url: `/api/imports/${id}/undo`, headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  return { status: res.statusCode, body: res.json() };
}
/** The whole stored row as text (geometry as hex EWKB), to compare exactly */
async function enterprise(uscc: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await t.db.query<{ row: Record<string, unknown> }>(`SELECT to_jsonb(e) AS row FROM enterprises e WHERE uscc = $1`, [uscc]);
  return row?.row;
}
async function parcel(code: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await t.db.query<{ row: Record<string, unknown> }>(
    `SELECT to_jsonb(p) - 'geom' || jsonb_build_object('geom', encode(ST_AsEWKB(p.geom), 'hex')) AS row FROM parcels p WHERE code = $1`, [code]);
  return row?.row;
}
async function dataVersion(): Promise<number> {
  const [row] = await t.db.query<{ version: number }>('SELECT version::int AS version FROM data_version');
  return row.version;
}

const FIRM = '91999901MA0000A19A';
const newUscc = (() => {
  const base = '91999901MA0000P7Q';
  return base + computeUsccCheckChar(base);
})();
const PARCEL = '999901001001GB00001';
const tinyParcels = tinyParcelsGeoJson;

describe('an enterprises sheet of 统一社会信用代码 and 企业名称 only', () => {
  it('renames the firm and leaves its 规上 flag, industry, status and dates; a new firm gets the defaults; undo restores the row exactly', async () => {
    await t.db.query(`UPDATE enterprises SET status = 'half_halted', status_since = '2024-03-01' WHERE uscc = $1`, [FIRM]);
    const before = await enterprise(FIRM);
    expect(before).toMatchObject({ above_scale: true, industry_code: 'C14', status: 'half_halted', status_since: '2024-03-01', registered_on: '2014-06-18' });
    const version = await dataVersion();

    const imported = await upload(`统一社会信用代码,企业名称\n${FIRM},改名的富硒食品公司\n${newUscc},新来的公司\n`, 'layer=enterprises&fileName=names.csv');
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({
      status: 'committed', counts: { insert: 1, update: 1 },
      fieldsWritten: ['name'], fieldsKept: ['industry_code', 'above_scale', 'status', 'status_since', 'registered_on'],
    });
    expect(await enterprise(FIRM)).toEqual({ ...before, name: '改名的富硒食品公司' });
    expect(await enterprise(newUscc)).toEqual({
      uscc: newUscc, name: '新来的公司', industry_code: null, above_scale: false, status: 'operating', status_since: null, registered_on: null,
    });
    expect(await dataVersion()).toBeGreaterThan(version);

    expect((await undo(imported.body.importId)).body).toMatchObject({ status: 'undone', restored: 1, deleted: 1 });
    expect(await enterprise(FIRM)).toEqual(before);
    expect(await enterprise(newUscc)).toBeUndefined();
  });

  it('writes a mapped column that is empty in a row: the file says the field, the cell says nothing', async () => {
    const before = await enterprise(FIRM);
    const imported = await upload(`统一社会信用代码,企业名称,行业代码\n${FIRM},示例富硒食品有限公司,\n`, 'layer=enterprises&fileName=industry.csv');
    expect(imported.body).toMatchObject({ status: 'committed', fieldsWritten: ['name', 'industry_code'] });
    expect(await enterprise(FIRM)).toEqual({ ...before, name: '示例富硒食品有限公司', industry_code: null });
    await undo(imported.body.importId);
    expect(await enterprise(FIRM)).toEqual(before);
  });
});

describe('a parcels file of code, park and dates', () => {
  it('with its shapes: writes the dates and the shape, leaves land use, money and targets; undo restores the row exactly', async () => {
    const before = await parcel(PARCEL);
    expect(before).toMatchObject({ land_use: 'industrial', invested_yuan: 130000000, developed_area_sqm: 40000, supplied_on: '2015-05-10' });
    const fc = tinyParcels();
    const feature = fc.features[0];
    feature.properties = { code: PARCEL, park_code: 'T-PARK', completed_on: '2018-01-31', work_stopped_on: '2023-05-01' };
    for (const p of (feature.geometry as GeoJSON.Polygon).coordinates[0]) p[0] += 0.00005;
    const version = await dataVersion();

    const imported = await upload(JSON.stringify({ type: 'FeatureCollection', features: [feature] }), 'layer=parcels&fileName=dates.geojson');
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ status: 'committed', counts: { insert: 0, update: 1 } });
    expect(imported.body.fieldsWritten).toEqual(['park_code', 'completed_on', 'work_stopped_on', 'geometry']);
    expect(imported.body.fieldsKept).toContain('land_use');
    expect(imported.body.fieldsKept).not.toContain('completed_on');

    const after = await parcel(PARCEL);
    const { geom: oldGeom, land_area_sqm: oldArea, ...unchanged } = before!;
    expect(after).toMatchObject({ ...unchanged, completed_on: '2018-01-31', work_stopped_on: '2023-05-01' });
    expect(after!.geom).not.toBe(oldGeom);
    expect(Number(after!.land_area_sqm)).toBeCloseTo(Number(oldArea), -1); // the same shape moved ~5 m east
    expect(await dataVersion()).toBeGreaterThan(version);

    expect((await undo(imported.body.importId)).body).toMatchObject({ status: 'undone', restored: 1, deleted: 0 });
    expect(await parcel(PARCEL)).toEqual(before);
  });

  it('a new parcel in a partial file gets the defaults (illustrative false) and its measured area', async () => {
    const fc = tinyParcels();
    const feature = fc.features[1];
    feature.properties = { code: 'PARTIAL-NEW-1', park_code: 'T-PARK', supplied_on: '2020-02-02' };
    for (const p of (feature.geometry as GeoJSON.Polygon).coordinates[0]) p[1] += 0.004;
    const imported = await upload(JSON.stringify({ type: 'FeatureCollection', features: [feature] }), 'layer=parcels&fileName=new.geojson');
    expect(imported.body).toMatchObject({ status: 'committed', counts: { insert: 1, update: 0 } });
    expect(await parcel('PARTIAL-NEW-1')).toMatchObject({ supplied_on: '2020-02-02', land_use: null, illustrative: false, invested_yuan: null, land_area_sqm: expect.any(Number) });
    await undo(imported.body.importId);
    expect(await parcel('PARTIAL-NEW-1')).toBeUndefined();
  });

  it('without shapes: refused (parcels need their geometry), nothing changes', async () => {
    const before = await parcel(PARCEL);
    const refused = await upload(`code,park_code,completed_on\n${PARCEL},T-PARK,2019-09-09\n`, 'layer=parcels&fileName=dates.csv');
    expect(refused.status).toBe(422);
    expect(refused.body.problems).toContainEqual(expect.objectContaining({ severity: 'error', field: 'geometry', message: expect.stringMatching(/has no geometry/) }));
    expect(await parcel(PARCEL)).toEqual(before);
  });
});

describe('a bundle', () => {
  it('is a complete data set: loading it writes every field, also those a partial import left', async () => {
    await t.db.query(`UPDATE enterprises SET above_scale = false, industry_code = NULL, status = 'halted', status_since = '2025-01-01' WHERE uscc = $1`, [FIRM]);
    await t.db.query(`UPDATE parcels SET land_use = 'other', invested_yuan = 1 WHERE code = $1`, [PARCEL]);
    await loadBundle(t.db, await readBundleFiles(tinyBundleDir));
    expect(await enterprise(FIRM)).toMatchObject({ above_scale: true, industry_code: 'C14', status: 'operating', status_since: null });
    expect(await parcel(PARCEL)).toMatchObject({ land_use: 'industrial', invested_yuan: 130000000 });
  });
});
