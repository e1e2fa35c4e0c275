import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../test-support/test-app.js';
import { editFeatures, tinyBundle } from '../test-support/bundles.js';
import { loadBundle } from '../bundle/load-bundle.js';

// The city's own figures beside the parks' (GET /api/parks `city`) and a park's figures over the years
// (GET /api/parks/:code/history), on the tiny fixture: one county, one park, so the city is that park
// (README: 23 500 万元 of output over 104.940 亩 of land in use on the ellipsoid).
let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t?.dispose());

describe('the city on the tiny fixture', () => {
  it('totals the parks: output, tax, land in use and firms are sums, per-mu figures sum over sum', async () => {
    const { status, body } = await t.get('/api/parks?year=2025');
    expect(status).toBe(200);
    const park = body.features[0].properties;
    const city = body.city;
    expect(city).toMatchObject({ year: 2025, parkCount: 1, regionCount: 1, outputWanYuan: 23_500, taxWanYuan: 985, enterpriseCount: 5 });
    expect(city.usedLandMu).toBeCloseTo(104.94, 2);
    expect(city.outputWanYuanPerMu).toBeCloseTo(23_500 / city.usedLandMu, 10);
    expect(city.taxWanYuanPerMu).toBeCloseTo(985 / city.usedLandMu, 10);
    expect(city.landMetrics).toEqual(park.landMetrics);
    expect(city.metrics).toEqual(park.metrics);
    // the fixture's county names no city
    expect(city).toMatchObject({ code: null, name: null });
  });

  it('has no figures before any year was reported', async () => {
    const { body } = await t.get('/api/parks?year=2019');
    expect(body.city).toMatchObject({ year: 2019, parkCount: 1, outputWanYuan: null, taxWanYuan: null, outputWanYuanPerMu: null });
  });

  it("gives a park's figures and the city's for every year reported, oldest first", async () => {
    const { status, body } = await t.get('/api/parks/T-PARK/history');
    expect(status).toBe(200);
    expect(body.parkCode).toBe('T-PARK');
    expect(body.years.map((y: { year: number }) => y.year)).toEqual([2024, 2025]);
    for (const entry of body.years) {
      const { body: parks } = await t.get(`/api/parks?year=${entry.year}`);
      const park = parks.features[0].properties;
      for (const key of ['outputWanYuan', 'taxWanYuan', 'usedLandMu', 'outputWanYuanPerMu', 'taxWanYuanPerMu', 'enterpriseCount']) {
        expect(entry.park[key], `${entry.year} park ${key}`).toEqual(park[key]);
        expect(entry.city[key], `${entry.year} city ${key}`).toEqual(parks.city[key]);
      }
    }
    expect(body.years[1].park.outputWanYuan).toBe(23_500);
  });

  it('answers 404 for a park it does not know', async () => {
    const { status, body } = await t.get('/api/parks/NOPE/history');
    expect(status).toBe(404);
    expect(body.detail).toContain('NOPE');
  });
});

describe("the city's name", () => {
  it("is the counties' parent as the bundle names it (regions.geojson city_code, city_name)", async () => {
    const bundle = tinyBundle({
      'regions.geojson': editFeatures((features) => {
        Object.assign(features[0].properties!, { city_code: '999900', city_name: '示例市' });
      }),
    });
    const report = await loadBundle(t.db, bundle);
    expect(report.warnings.filter((w) => w.file === 'regions.geojson')).toEqual([]);
    const { body } = await t.get('/api/parks');
    expect(body.city).toMatchObject({ code: '999900', name: '示例市' });
    const { body: regions } = await t.get('/api/regions');
    expect(regions.features[0].properties).toMatchObject({ cityCode: '999900', cityName: '示例市' });
    // and the English UI has its English
    const { body: names } = await t.get('/api/names?lang=en');
    expect(names.regions).toMatchObject({ 示例市: 'Shili City', 示例县: 'Shili County' });
  });
});
