import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintTables } from '../test-support/fingerprint.js';
import { openTestApp, TEST_ADMIN_TOKEN, type TestApp, postImport } from '../test-support/test-app.js';
import { tinyParcelsGeoJson } from '../test-support/bundles.js';
import { computeUsccCheckChar } from '../domain/uscc.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t?.dispose());

const TABLES = ['parks', 'parcels', 'buildings', 'units', 'enterprises', 'land_rights', 'indicators'];
const content = () => fingerprintTables(t.db, TABLES);

const upload = (file: Buffer | string, query: string) => postImport(t.app, file, query);
async function undo(id: number, method: 'POST' | 'DELETE' = 'POST') {
  const res = await t.app.inject({ method, url: method === 'POST' ? `/api/imports/${id}/undo` : `/api/imports/${id}`, headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  return { status: res.statusCode, body: res.json() };
}

const newUscc = (() => {
  const first17 = '91999901MA0000N7';
  const base = `${first17}X`.slice(0, 17);
  return base + computeUsccCheckChar(base);
})();
const tinyParcels = tinyParcelsGeoJson;

describe('undo restores the database as it was', () => {
  it('undoes enterprise imports newest first, refusing to undo one a later import overwrote', async () => {
    const original = await content();
    const first = await upload(`统一社会信用代码,企业名称,是否规上,经营状态\n91999901MA0000A19A,改名的富硒食品公司,是,停产\n${newUscc},新来的公司,否,在营\n`, 'layer=enterprises&fileName=企业.csv');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'committed', counts: { rows: 2, insert: 1, update: 1, errors: 0 } });
    const afterFirst = await content();
    const second = await upload(`统一社会信用代码,企业名称\n91999901MA0000A19A,又改名的公司\n`, 'layer=enterprises&fileName=企业2.csv');
    expect(second.body.status).toBe('committed');

    const refused = await undo(first.body.importId);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(new RegExp(`later import\\(s\\) ${second.body.importId} \\(企业2\\.csv\\) wrote the same data`));

    expect((await undo(second.body.importId, 'DELETE')).body).toMatchObject({ status: 'undone', restored: 1, deleted: 0 });
    expect(await content()).toEqual(afterFirst);
    expect((await undo(first.body.importId)).body).toMatchObject({ status: 'undone', restored: 1, deleted: 1 });
    expect(await content()).toEqual(original);
    expect((await undo(first.body.importId)).status).toBe(409);

    const list = await t.get('/api/imports');
    expect(list.body.imports.slice(0, 2)).toMatchObject([
      { id: second.body.importId, fileName: '企业2.csv', layer: 'enterprises', format: 'csv', status: 'undone' },
      { id: first.body.importId, fileName: '企业.csv', layer: 'enterprises', status: 'undone', counts: { insert: 1, update: 1 } },
    ]);
    expect(list.body.imports.at(-1)).toMatchObject({ layer: null, bundleName: expect.stringContaining('Tiny') });
  });

  it('undoes a parcel import: moved geometry comes back exactly, a new parcel goes', async () => {
    const original = await content();
    const fc = tinyParcels();
    for (const p of (fc.features[0].geometry as GeoJSON.Polygon).coordinates[0]) p[0] += 0.0001;
    const extra = JSON.parse(JSON.stringify(fc.features[1])) as GeoJSON.Feature<GeoJSON.Polygon>;
    extra.properties!.code = 'NEW-PARCEL-1';
    for (const p of (extra.geometry as GeoJSON.Polygon).coordinates[0]) p[1] += 0.002;
    fc.features.push(extra);
    const imported = await upload(JSON.stringify(fc), 'layer=parcels&fileName=parcels.geojson');
    expect(imported.body).toMatchObject({ status: 'committed', counts: { insert: 1, update: 4 } });
    expect(await content()).not.toEqual(original);
    expect((await undo(imported.body.importId)).body).toMatchObject({ restored: 4, deleted: 1 });
    expect(await content()).toEqual(original);
  });

  it('refuses to undo the creation of a parcel that other data now points at', async () => {
    const fc = tinyParcels();
    const extra = fc.features[1];
    extra.properties!.code = 'NEW-PARCEL-2';
    for (const p of (extra.geometry as GeoJSON.Polygon).coordinates[0]) p[1] += 0.003;
    const imported = await upload(JSON.stringify({ type: 'FeatureCollection', features: [extra] }), 'layer=parcels&fileName=new.geojson');
    expect(imported.body.status).toBe('committed');
    await t.db.exec(`INSERT INTO land_rights (uscc, parcel_code, role) VALUES ('91999901MA0000A19A', 'NEW-PARCEL-2', 'owner')`);
    const refused = await undo(imported.body.importId);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/other data now refers to rows it created/);
    await t.db.exec(`DELETE FROM land_rights WHERE parcel_code = 'NEW-PARCEL-2'`);
    expect((await undo(imported.body.importId)).body).toMatchObject({ deleted: 1 });
  });

  it('refuses to undo a bundle load or an import that does not exist', async () => {
    const list = await t.get('/api/imports');
    const bundle = list.body.imports.find((i: { layer: string | null }) => i.layer === null);
    expect((await undo(bundle.id)).status).toBe(409);
    expect((await undo(99999)).status).toBe(404);
  });
});

describe('the report before anything is written', () => {
  it('offers ST_MakeValid for a bow-tie and applies it only with repair=true', async () => {
    const fc = tinyParcels();
    const ring = (fc.features[0].geometry as GeoJSON.Polygon).coordinates[0];
    [ring[1], ring[2]] = [ring[2], ring[1]];
    const refused = await upload(JSON.stringify(fc), 'layer=parcels&fileName=bowtie.geojson');
    expect(refused.status).toBe(422);
    expect(refused.body.repairs).toEqual([expect.objectContaining({ feature: 1, reason: expect.stringMatching(/^Self-intersection/), applied: false, repairedAreaSqm: expect.any(Number) })]);
    const repaired = await upload(JSON.stringify(fc), 'layer=parcels&fileName=bowtie.geojson&repair=true');
    expect(repaired.body.status).toBe('committed');
    expect(repaired.body.repairs[0].applied).toBe(true);
    expect(repaired.body.problems).toContainEqual(expect.objectContaining({ severity: 'warning', feature: 1, message: expect.stringMatching(/repaired with ST_MakeValid/) }));
    const [row] = await t.db.query<{ valid: boolean }>(`SELECT ST_IsValid(geom) AS valid FROM parcels WHERE code = '999901001001GB00001'`);
    expect(row.valid).toBe(true);
    await undo(repaired.body.importId);
  });

  it('warns of overlapping parcels and parcels reaching outside their park, in a dry run that writes nothing', async () => {
    const before = await content();
    const fc = tinyParcels();
    (fc.features[1].geometry as GeoJSON.Polygon).coordinates = (fc.features[0].geometry as GeoJSON.Polygon).coordinates;
    for (const p of (fc.features[2].geometry as GeoJSON.Polygon).coordinates[0]) p[0] += 0.005;
    const { status, body } = await upload(JSON.stringify(fc), 'layer=parcels&fileName=parcels.geojson&dryRun=true');
    expect(status).toBe(200);
    expect(body.status).toBe('dryRun');
    const warnings = body.problems.map((p: { message: string }) => p.message).join('\n');
    expect(warnings).toMatch(/overlaps parcel 999901001001GB00002 by \d+\.\d m²/);
    expect(warnings).toMatch(/m² \(\d+\.\d %\) lies outside its park T-PARK/);
    expect(await content()).toEqual(before);
  });

  it('converts 万元 and 亩 by the column header, and remembers the mapping for the same columns', async () => {
    const header = '年份,信用代码,产值（万元）,税收(万元),从业人员';
    const mapping = { uscc: '信用代码', year: '年份', output_yuan: { column: '产值（万元）', unit: 'wan_yuan' }, tax_yuan: { column: '税收(万元)', unit: 'wan_yuan' }, employees: '从业人员' };
    const first = await upload(`${header}\n2023,91999901MA0000A19A,"1,234.5",88.2,310\n`, `layer=indicators&fileName=指标.csv&mapping=${encodeURIComponent(JSON.stringify(mapping))}`);
    expect(first.body).toMatchObject({ status: 'committed', mappingFrom: 'given' });
    const [row] = await t.db.query<{ output_yuan: string; tax_yuan: string }>(`SELECT output_yuan::text, tax_yuan::text FROM indicators WHERE uscc = '91999901MA0000A19A' AND year = 2023`);
    expect(row).toEqual({ output_yuan: '12345000', tax_yuan: '882000' });

    const remembered = await t.get(`/api/import-mappings?layer=indicators&signature=${first.body.signature}`);
    expect(remembered.status).toBe(200);
    expect(remembered.body.mapping.output_yuan).toEqual({ column: '产值（万元）', unit: 'wan_yuan' });
    const again = await upload(`${header}\n2022,91999901MA0000A19A,1000,50,300\n`, 'layer=indicators&fileName=指标2023.csv&dryRun=true');
    expect(again.body).toMatchObject({ status: 'dryRun', mappingFrom: 'remembered', mapping: { uscc: { column: '信用代码' } } });
    expect((await t.get('/api/import-mappings?layer=parcels&signature=0123456789abcdef0123456789abcdef')).status).toBe(404);
  });

  it('suggests a mapping from Chinese headers with their units', async () => {
    const { body } = await upload('统一社会信用代码,年度,工业总产值(万元),实缴税金（元）\n91999901MA0000A19A,2021,10,5\n', 'layer=indicators&fileName=x.csv&dryRun=true');
    expect(body.mapping).toEqual({
      uscc: { column: '统一社会信用代码' }, year: { column: '年度' },
      output_yuan: { column: '工业总产值(万元)', unit: 'wan_yuan' }, tax_yuan: { column: '实缴税金（元）' },
    });
    expect(body.status).toBe('dryRun');
  });
});
