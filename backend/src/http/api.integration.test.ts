import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { tinyBundle, tinyBundleDir } from '../test-support/bundles.js';
import { buildApp, createServices } from '../app.js';
import { readConfig } from '../config.js';
import { loadBundle } from '../bundle/load-bundle.js';
import { readBundleFiles } from '../bundle/read-bundle-files.js';

const ADMIN_TOKEN = 'test-admin-token';
const P2 = '999901001001GB00002';
const B2 = '999901001001GB00002F0001';
const T1 = '91999901MA0000C38L';
const T2 = '91999901MA0000D42R';

let t: TestDatabase;
let app: FastifyInstance;
beforeAll(async () => {
  t = await openTestDatabase();
  await loadBundle(t.db, await readBundleFiles(tinyBundleDir));
  const config = { ...readConfig({}), adminToken: ADMIN_TOKEN, webRoot: '/nonexistent' };
  app = await buildApp({ config, services: createServices(t.db, config), logger: false });
});
afterAll(async () => {
  await app?.close();
  await t?.dispose();
});

const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, type: res.headers['content-type'], body: res.json() };
};

async function zipOf(files: Map<string, Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of files) zip.file(`tiny/${name}`, content);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('the API on the tiny fixture', () => {
  it('reports health with the database kind and PostGIS version', async () => {
    const { body } = await get('/api/health');
    expect(body).toEqual({ status: 'ok', database: t.db.kind, postgis: expect.stringMatching(/^3\.\d+/) });
  });

  it("gives the park's latest figures per mu of land in use (README: 223.94 万元/亩 on the ellipsoid)", async () => {
    const { body } = await get('/api/parks');
    expect(body.type).toBe('FeatureCollection');
    const park = body.features.find((f: { id: string }) => f.id === 'T-PARK');
    expect(park.geometry.type).toBe('MultiPolygon');
    expect(park.properties).toMatchObject({
      code: 'T-PARK', regionCode: '999901', level: 'county', illustrative: false, year: 2025,
      outputWanYuan: 23_500, taxWanYuan: 985, enterpriseCount: 5, areaMu: 1500,
    });
    expect(park.properties.usedLandMu).toBeCloseTo(104.94, 2);
    expect(park.properties.outputWanYuanPerMu).toBeCloseTo(223.94, 2);
    expect(park.properties.taxWanYuanPerMu).toBeCloseTo(9.386, 3);
  });

  it("gives the park's and its county's land-use rates (README areas: supplied P1–P3, built P1–P2)", async () => {
    const { body } = await get('/api/parks/T-PARK?year=2025');
    const m = body.properties.landMetrics;
    expect(m.landSupplyRate).toBeCloseTo(69_960.24 / 83_285.99, 4);
    expect(m.landBuiltRate).toBeCloseTo(59_965.93 / 69_960.24, 4);
    expect(m.industrialLandRate).toBe(1);
    expect(m.plotRatio).toBeCloseTo(11_000 / 59_965.93, 4);
    expect(m.buildingDensity).toBeCloseTo(6_996.02 / 59_965.93, 4);
    expect(m.industrialTaxWanYuanPerMu).toBeCloseTo(985 / (59_965.93 / (10_000 / 15)), 3);
    const regions = await get('/api/regions?year=2025');
    const county = regions.body.features.find((f: { id: string }) => f.id === '999901');
    expect(county.properties).toMatchObject({ parkCount: 1, year: 2025, outputWanYuan: 23_500, landMetrics: m });
    expect(county.properties.outputWanYuanPerMu).toBeCloseTo(body.properties.outputWanYuanPerMu, 10);
    // every per-mu indicator of the issue, for park and county alike (README: A's value added 5 000 万元 …)
    for (const p of [body.properties, county.properties]) {
      expect(Object.keys(p.metrics)).toEqual(expect.arrayContaining(['taxWanYuanPerMu', 'valueAddedWanYuanPerMu', 'outputWanYuanPerMu', 'revenueWanYuanPerMu', 'valueAddedWanYuanPerTce', 'laborProductivityWanYuanPerPerson', 'rdRatio', 'taxYuanPerKwh']));
      expect(p.metrics.outputWanYuanPerMu).toBeCloseTo(body.properties.outputWanYuanPerMu, 6);
    }
    expect(county.properties.gradeCounts).toEqual(body.properties.gradeCounts);
  });

  it('names on /api/parks the year its figures are for, the latest year and every year with figures', async () => {
    const latest = await get('/api/parks');
    expect(latest.body).toMatchObject({ type: 'FeatureCollection', year: 2025, latestYear: 2025, years: [2025, 2024] });
    const earlier = await get('/api/parks?year=2024');
    expect(earlier.body).toMatchObject({ year: 2024, latestYear: 2025, years: [2025, 2024] });
    expect(earlier.body.features[0].properties.year).toBe(2024);
    const none = await get('/api/parks?year=1999');
    expect(none.body).toMatchObject({ year: 1999, latestYear: 2025, years: [2025, 2024] });
    const openapi = app.swagger() as unknown as { paths: Record<string, any> };
    expect(openapi.paths['/api/parks'].get.responses['200'].content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['year', 'latestYear', 'years', 'features']),
    );
  });

  it('answers for an earlier year when asked', async () => {
    const { body } = await get('/api/parks/T-PARK?year=2024');
    expect(body.properties.year).toBe(2024);
    expect(body.properties.outputWanYuan).not.toBe(23_500);
    const empty = await get('/api/parks/T-PARK?year=1999');
    expect(empty.body.properties).toMatchObject({ year: 1999, outputWanYuan: null, outputWanYuanPerMu: null });
  });

  it('lists parcel holders, counting a leased unit as a tenancy once', async () => {
    const { body } = await get(`/api/parcels/${P2}`);
    expect(body.properties.areaMu).toBeCloseTo(29.983, 3);
    expect(body.properties.holders).toEqual([
      expect.objectContaining({ role: 'owner', uscc: '91999901MA0000B23E' }),
      expect.objectContaining({ role: 'tenant', uscc: T1, leasedFloorAreaSqm: 2000 }),
      expect.objectContaining({ role: 'tenant', uscc: T2, leasedFloorAreaSqm: 1000 }),
    ]);
    const parcels = await get('/api/parks/T-PARK/parcels');
    expect(parcels.body.features.map((f: { id: string }) => f.id)).toHaveLength(4);
  });

  it("gives each parcel of a park the year's per-mu tax and output of its one-parcel view, and its main holder's grade", async () => {
    const parcels = await get('/api/parks/T-PARK/parcels?year=2025');
    const evaluations = await get('/api/evaluations?year=2025&park=T-PARK');
    const gradeOf = new Map(evaluations.body.results.map((r: { uscc: string; grade: string | null }) => [r.uscc, r.grade]));
    for (const f of parcels.body.features) {
      const one = await get(`/api/parcels/${f.id}?year=2025`);
      expect(f.properties).toMatchObject({ year: 2025, taxWanYuanPerMu: one.body.properties.taxWanYuanPerMu, outputWanYuanPerMu: one.body.properties.outputWanYuanPerMu });
      for (const h of f.properties.holders) expect(h.grade).toBe(gradeOf.get(h.uscc) ?? null);
      if (f.properties.holderGradeUscc) expect(f.properties.holderGrade).toBe(gradeOf.get(f.properties.holderGradeUscc));
    }
    const p2 = parcels.body.features.find((f: { id: string }) => f.id === P2);
    expect(p2.properties.taxWanYuanPerMu).toEqual(expect.any(Number));
    const earlier = await get('/api/parks/T-PARK/parcels?year=2024');
    expect(earlier.body.features[0].properties.year).toBe(2024);
  });

  it("gives the standard factory's lettable, leased and vacant area and its units", async () => {
    const { body } = await get('/api/parks/T-PARK/buildings');
    const b2 = body.features.find((f: { id: string }) => f.id === B2);
    expect(b2.properties).toMatchObject({ kind: 'standard_factory', floors: 3, lettableSqm: 6000, leasedSqm: 3000, vacantSqm: 2000, reservedSqm: 1000, occupancyRate: 0.5 });
    const units = await get(`/api/buildings/${B2}/units`);
    expect(units.body).toMatchObject({ lettableSqm: 6000, leasedSqm: 3000, reservedSqm: 1000, vacantSqm: 2000, occupancyRate: 0.5 });
    expect(units.body.units).toHaveLength(4);
    expect(units.body.units[0]).toMatchObject({ floor: 1, areaSqm: 2000, status: 'leased', tenantUscc: T1, rentYuanPerSqmMonth: 9.5 });
  });

  it('gives an enterprise with its land and yearly indicators', async () => {
    const { body } = await get(`/api/enterprises/${T2}`);
    expect(body).toMatchObject({ uscc: T2, parkCode: 'T-PARK', holdings: [expect.objectContaining({ parcelCode: P2, role: 'tenant', leasedFloorAreaSqm: 1000 })] });
    expect(body.indicators.map((i: { year: number }) => i.year)).toEqual([2024, 2025]);
  });

  it('answers unknown codes, bad parameters and injection strings with problem+json, not a crash', async () => {
    const notFound = await get('/api/parks/NOPE');
    expect(notFound).toMatchObject({ status: 404, type: expect.stringContaining('application/problem+json'), body: { title: 'Not found', detail: 'no park with code "NOPE"' } });
    const injection = await get(`/api/parks/${encodeURIComponent("x';DROP TABLE parks;--")}`);
    expect(injection).toMatchObject({ status: 400, body: { detail: expect.stringMatching(/parkCode must match pattern/) } });
    const quoted = await get(`/api/parcels/${encodeURIComponent("1'OR'1'='1")}`);
    expect(quoted).toMatchObject({ status: 404, body: { detail: `no parcel with code "1'OR'1'='1"` } });
    expect((await get('/api/parks')).body.features).toHaveLength(1);
    const badYear = await get('/api/parks?year=twenty');
    expect(badYear).toMatchObject({ status: 400, body: { detail: expect.stringMatching(/year must be integer/) } });
    const badUscc = await get('/api/enterprises/123');
    expect(badUscc).toMatchObject({ status: 400, body: { detail: expect.stringMatching(/uscc must match pattern/) } });
    expect((await get('/api/nothing-here')).status).toBe(404);
  });

  it('refuses writes without the admin token', async () => {
    const body = await zipOf(tinyBundle().files);
    const none = await app.inject({ method: 'POST', url: '/api/bundles', headers: { 'content-type': 'application/zip' }, payload: body });
    expect(none.statusCode).toBe(401);
    const wrong = await app.inject({ method: 'POST', url: '/api/bundles', headers: { 'content-type': 'application/zip', authorization: 'Bearer nope' }, payload: body });
    expect(wrong.statusCode).toBe(401);
  });

  it('loads an uploaded bundle zip with the admin token, and refuses a bad one naming file and row', async () => {
    const headers = { 'content-type': 'application/zip', authorization: `Bearer ${ADMIN_TOKEN}` };
    const ok = await app.inject({ method: 'POST', url: '/api/bundles?dryRun=true', headers, payload: await zipOf(tinyBundle().files) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ dryRun: true, counts: { parks: 1, parcels: 4 } });

    const bad = tinyBundle({ 'units.csv': (text) => text.replace(',2000,leased,', ',-5,leased,') });
    const refused = await app.inject({ method: 'POST', url: '/api/bundles', headers, payload: await zipOf(bad.files) });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toMatch(/units\.csv row 2 .*field "area_sqm": -5 must be greater than 0/);

    const broken = await app.inject({ method: 'POST', url: '/api/bundles', headers, payload: Buffer.from('not a zip') });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().detail).toMatch(/not a readable zip/);
  });

  it('documents every route in OpenAPI', async () => {
    const { body } = await get('/api/docs/json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/parks', '/api/parks/{parkCode}', '/api/parks/{parkCode}/parcels', '/api/enterprises/{uscc}', '/api/bundles']));
  });
});
