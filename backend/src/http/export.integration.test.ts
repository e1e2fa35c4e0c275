import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { openTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../test-support/test-app.js';
import { hasGdal, ogrSummary, ogrToGeoJson, writeTempFile } from '../test-support/gdal.js';
import type { Database } from '../db/database.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t?.dispose());

async function download(url: string) {
  const res = await t.app.inject({ method: 'GET', url });
  return { status: res.statusCode, type: res.headers['content-type'] as string, disposition: res.headers['content-disposition'] as string, body: res.rawPayload, json: () => res.json() };
}

/** Each feature's ellipsoidal area (m²) as PostGIS measures the geometry GDAL read back, by parcel code. */
async function areasOf(db: Database, collection: GeoJSON.FeatureCollection, codeField: string): Promise<Map<string, number>> {
  const rows = await db.query<{ code: string; area_sqm: number }>(
    `SELECT f->'properties'->>$2 AS code, ST_Area(ST_SetSRID(ST_GeomFromGeoJSON(f->>'geometry'), 4326)::geography) AS area_sqm
     FROM jsonb_array_elements($1::text::jsonb) f`,
    [JSON.stringify(collection.features), codeField],
  );
  return new Map(rows.map((r) => [r.code, r.area_sqm]));
}

async function expectParcelAreasKept(read: GeoJSON.FeatureCollection, codeField: string) {
  const stored = await t.db.query<{ code: string; land_area_sqm: number }>('SELECT code, land_area_sqm FROM parcels');
  const areas = await areasOf(t.db, read, codeField);
  expect(areas.size).toBe(stored.length);
  for (const p of stored) expect(Math.abs(areas.get(p.code)! / p.land_area_sqm - 1)).toBeLessThan(1e-4);
}

describe('GET /api/export/:layer', () => {
  it('gives parcels as an RFC 7946 FeatureCollection, named in ASCII and UTF-8', async () => {
    const res = await download('/api/export/parcels?format=geojson&park=T-PARK');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/geo+json');
    expect(res.disposition).toBe(`attachment; filename="muyield-parcels-T-PARK.geojson"; filename*=UTF-8''${encodeURIComponent('亩均-宗地-T-PARK.geojson')}`);
    const json = res.json();
    expect(json.type).toBe('FeatureCollection');
    expect(json.features).toHaveLength(4);
    expect(json.features[0].properties).toMatchObject({ code: '999901001001GB00001', park_code: 'T-PARK', park_name: '示例工业集中区', owners: '示例富硒食品有限公司' });
  });

  it('refuses an unknown layer, format or language naming the parameter, and an unknown park or county with 404', async () => {
    const cases: [string, number, RegExp][] = [
      ['/api/export/roads?format=csv', 400, /^layer: "roads" is not one of parks, parcels/],
      ['/api/export/parcels?format=kml', 400, /^format: "kml" is not one of geojson, shp, gpkg, csv, xlsx/],
      ['/api/export/parcels?format=csv&lang=fr', 400, /^lang: "fr" is not one of zh, en/],
      ['/api/export/units?format=shp', 400, /^format: units has no geometry, so it cannot be a Shapefile; use format=csv, xlsx or geojson/],
      ['/api/export/indicators?format=gpkg', 400, /^format: indicators has no geometry, so it cannot be a GeoPackage/],
      ['/api/export/parcels?format=csv&park=NOPE', 404, /no park with code "NOPE"/],
      ['/api/export/parcels?format=csv&region=123456', 404, /no region with code "123456"/],
      ['/api/export/parcels?format=csv&colour=red', 400, /querystring: value must NOT have additional properties: "colour"/],
    ];
    for (const [url, status, detail] of cases) {
      const res = await download(url);
      expect({ url, status: res.status, type: res.type }).toEqual({ url, status, type: 'application/problem+json; charset=utf-8' });
      expect(res.json().detail).toMatch(detail);
    }
  });

  it('gives CSV with a BOM and Chinese headers with units, English ones with lang=en', async () => {
    const res = await download('/api/export/parcels?format=csv');
    expect(res.type).toBe('text/csv; charset=utf-8');
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<Record<string, string>>(res.body.toString('utf8').slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ 宗地代码: '999901001001GB00001', '用地面积(亩)': '59.9659', 园区名称: '示例工业集中区' });
    const en = (await download('/api/export/indicators?format=csv&lang=en&year=2025')).body.toString('utf8');
    expect(en.split('\r\n')[0]).toBe('\uFEFFUSCC,Enterprise,Park code,Year,Output (10k yuan),Revenue (10k yuan),Value added (10k yuan),Tax (10k yuan),Energy (tce),Emissions (t),Electricity (kWh),Employees,R&D spending (10k yuan)');
    expect(en).toContain('91999901MA0000A19A,示例富硒食品有限公司,T-PARK,2025,20000,19000,5000,900,');
    expect(en).not.toContain(',2024,');
  });

  it("gives each building's lettable, leased, reserved and vacant floor area apart, and the units' letting status", async () => {
    const buildings = res2rows((await download('/api/export/buildings?format=csv&park=T-PARK')).body);
    expect(buildings.find((r) => r['建筑代码'] === '999901001001GB00002F0001')).toMatchObject({
      '可出租面积(m²)': '6000', '已出租面积(m²)': '3000', '已预留面积(m²)': '1000', '空置面积(m²)': '2000', 出租率: '0.5',
    });
    const en = (await download('/api/export/buildings?format=csv&park=T-PARK&lang=en')).body.toString('utf8').split('\r\n')[0];
    expect(en).toContain('Lettable (m²),Leased (m²),Reserved (m²),Vacant (m²),Occupancy rate');
    const units = res2rows((await download('/api/export/units?format=csv&park=T-PARK')).body);
    expect(units).toHaveLength(4);
    expect(Object.keys(units[0])).toContain('出租状态');
  });

  it('gives XLSX with Chinese headers with units and money in 万元', async () => {
    const res = await download('/api/export/indicators?format=xlsx&year=2025');
    expect(res.disposition).toContain(`filename*=UTF-8''${encodeURIComponent('亩均-企业指标-2025.xlsx')}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('企业指标');
    expect(sheet.getRow(1).getCell(8).value).toBe('税收(万元)');
    const taxes = new Map(sheet.getSheetValues().slice(2).map((r) => [(r as unknown[])[1], (r as unknown[])[8]]));
    expect(taxes.get('91999901MA0000B23E')).toBe(-20);
  });

  it('gives evaluations with score, grade and rank, and idle land for a day', async () => {
    const evaluations = res2rows((await download('/api/export/evaluations?format=csv&year=2025')).body);
    expect(evaluations.length).toBeGreaterThan(0);
    expect(Object.keys(evaluations[0])).toEqual(expect.arrayContaining(['统一社会信用代码', '综合得分', '排名', '档次']));
    expect(evaluations.some((r) => r['档次'] !== '')).toBe(true);
    const idle = (await download('/api/export/idle-land?format=geojson&asOf=2026-06-30')).json();
    expect(idle.features.length).toBeGreaterThan(0);
    expect(idle.features.every((f: GeoJSON.Feature) => f.properties!.as_of === '2026-06-30')).toBe(true);
    expect(new Set(idle.features.map((f: GeoJSON.Feature) => f.properties!.kind))).toContain('idle');
  });

  describe.runIf(hasGdal)('read back by GDAL', () => {
    it("Shapefile of buildings: the standard factory's floor area split into leased, reserved and vacant", async () => {
      const file = writeTempFile('buildings.shp.zip', (await download('/api/export/buildings?format=shp&park=T-PARK')).body);
      const read = ogrToGeoJson(`/vsizip/${file}`);
      expect(read.features.find((f) => f.properties!.code === '999901001001GB00002F0001')!.properties).toMatchObject({
        let_sqm: 6000, leased_sqm: 3000, resv_sqm: 1000, vacant_sqm: 2000, occupancy: 0.5,
      });
    });

    it('Shapefile: four parcels, ≤10-character fields, Chinese names, areas within 0.01 percent', async () => {
      const res = await download('/api/export/parcels?format=shp');
      expect(res.type).toBe('application/zip');
      const file = writeTempFile('parcels.shp.zip', res.body);
      const summary = ogrSummary(`/vsizip/${file}`);
      expect(summary).toMatch(/Feature Count: 4/);
      expect(summary).toMatch(/ID\["EPSG",4326\]/);
      for (const field of summary.match(/^(\w+): (String|Real|Integer|Integer64|Date) /gm) ?? []) expect(field.split(':')[0].length).toBeLessThanOrEqual(10);
      const read = ogrToGeoJson(`/vsizip/${file}`);
      expect(read.features[0].properties).toMatchObject({ code: '999901001001GB00001', park_name: '示例工业集中区', owners: '示例富硒食品有限公司' });
      await expectParcelAreasKept(read, 'code');
    });

    it('GeoPackage: one feature table of four parcels in EPSG:4326, areas within 0.01 percent', async () => {
      const res = await download('/api/export/parcels?format=gpkg');
      expect(res.type).toBe('application/geopackage+sqlite3');
      const file = writeTempFile('parcels.gpkg', res.body);
      const summary = ogrSummary(file);
      expect(summary.match(/^Layer name: /gm)).toHaveLength(1);
      expect(summary).toMatch(/Layer name: parcels\nGeometry: Multi Polygon\nFeature Count: 4/);
      expect(summary).toMatch(/ID\["EPSG",4326\]/);
      const read = ogrToGeoJson(file);
      expect(read.features[1].properties).toMatchObject({ code: '999901001001GB00002', tenants: expect.stringContaining('示例电子科技有限公司') });
      await expectParcelAreasKept(read, 'code');
    });

    it('GeoJSON and CSV: the same parcels, areas within 0.01 percent', async () => {
      const geojson = ogrToGeoJson(writeTempFile('parcels.geojson', (await download('/api/export/parcels?format=geojson')).body));
      await expectParcelAreasKept(geojson, 'code');
      const csv = ogrToGeoJson(writeTempFile('parcels.csv', (await download('/api/export/parcels?format=csv')).body));
      expect(csv.features.map((f) => f.properties!['宗地代码'])).toEqual(geojson.features.map((f) => f.properties!.code));
      expect(csv.features[0].properties).toMatchObject({ '土地使用权人': '示例富硒食品有限公司' });
    });

    it('idle land as a Shapefile', async () => {
      const file = writeTempFile('idle.shp.zip', (await download('/api/export/idle-land?format=shp&asOf=2026-06-30')).body);
      const geojson = (await download('/api/export/idle-land?format=geojson&asOf=2026-06-30')).json();
      expect(ogrSummary(`/vsizip/${file}`)).toMatch(new RegExp(`Feature Count: ${geojson.features.length}\\b`));
    });
  });
});

function res2rows(body: Buffer) {
  return Papa.parse<Record<string, string>>(body.toString('utf8').slice(1), { header: true, skipEmptyLines: true }).data;
}

/** Every table a bundle fills, plus datasets and schemes, in a stable order, geometry to the bit (WKB), to compare databases. */
async function snapshot(db: Database): Promise<string> {
  const tables = ['regions', 'parks', 'parcels', 'buildings', 'units', 'enterprises', 'land_rights', 'indicators', 'datasets'];
  const parts: unknown[] = [];
  for (const table of tables) {
    const hasGeom = ['regions', 'parks', 'parcels', 'buildings'].includes(table);
    parts.push(await db.query(hasGeom
      ? `SELECT to_jsonb(t) - 'geom' AS row, md5(ST_AsBinary(t.geom)) AS geom_wkb_md5 FROM ${table} t ORDER BY (to_jsonb(t) - 'geom')::text`
      : `SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY to_jsonb(t)::text`));
  }
  parts.push(await db.query('SELECT id, body FROM evaluation_schemes ORDER BY id'));
  return JSON.stringify(parts);
}

describe('GET /api/export/bundle', () => {
  it('gives a bundle that loads into an empty database as the same content', async () => {
    await download('/api/evaluations?year=2025'); // seeds the default scheme, which the bundle carries
    await t.db.query(`INSERT INTO datasets (id, name, name_en, source, licence, vintage, crs, real, note)
      VALUES ('parcels-survey', '宗地调查', 'Parcel survey', '示例县自然资源局', NULL, '2024', 'EPSG:4545', true, 'for the round trip')`);
    const res = await download('/api/export/bundle');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/zip');
    expect(res.disposition).toMatch(/^attachment; filename="muyield-bundle-\d{4}-\d{2}-\d{2}\.zip"; filename\*=UTF-8''/);

    const fresh = await openTestApp(null);
    try {
      const load = await fresh.app.inject({
        method: 'POST', url: '/api/bundles', payload: res.body,
        headers: { 'content-type': 'application/zip', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      });
      expect(load.statusCode, load.body).toBe(200);
      expect(load.json().counts).toMatchObject({ regions: 1, parks: 1, parcels: 4, buildings: 2, enterprises: 5 });
      expect(await snapshot(fresh.db)).toBe(await snapshot(t.db));
    } finally {
      await fresh.dispose();
    }
  });
});
