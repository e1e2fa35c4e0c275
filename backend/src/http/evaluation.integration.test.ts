import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../test-support/test-app.js';
import { DEFAULT_SCHEME } from '../domain/default-scheme.js';
import { matchesVacancyFilter, type VacancyFilter } from '../domain/vacancy.js';
import { ALL_UNIT_STATUSES, createVacancyRepository, toVacancyUnit } from '../repositories/vacancy.repository.js';

// The tiny fixture (gis-data/fixtures/tiny/README.md) through the API. The README's figures use turf's
// sphere; the database measures on the WGS84 ellipsoid, 0.057% less at this latitude: areas and per-mu
// figures are checked to 0.1%.
const ADMIN_TOKEN = TEST_ADMIN_TOKEN;
const A = '91999901MA0000A19A';
const B = '91999901MA0000B23E';
const T1 = '91999901MA0000C38L';
const T2 = '91999901MA0000D42R';
const U = '919999015999999055';
const P1 = '999901001001GB00001';
const P2 = '999901001001GB00002';
const P3 = '999901001001GB00003';
const P4 = '999901001001GB00004';
const B2 = '999901001001GB00002F0001';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t?.dispose());

const get = (url: string) => t.get(url);
const put = (url: string, payload: unknown, token: string | null = ADMIN_TOKEN) => t.send('PUT', url, payload, token);
const expectNear = (actual: number, expected: number, relative = 0.001) =>
  expect(Math.abs(actual / expected - 1), `${actual} vs ${expected}`).toBeLessThan(relative);

/** Ten significant digits: the same file on PGlite's PostGIS 3.6 and a server's 3.3. */
const goldenJson = (value: unknown) =>
  `${JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(10)) : v), 2)}\n`;

describe('evaluations of the tiny park', () => {
  it('matches the golden file', async () => {
    const { status, body } = await get('/api/evaluations?park=T-PARK');
    expect(status).toBe(200);
    await expect(goldenJson(body)).toMatchFileSnapshot('./__golden__/tiny-park.evaluations.json');
  });

  it('grades the latest year with the default scheme, and says why U is not graded', async () => {
    const { body } = await get('/api/evaluations');
    expect(body).toMatchObject({ year: 2025, schemeId: 'default', schemeVersion: 1 });
    const byUscc = Object.fromEntries(body.results.map((r: { uscc: string }) => [r.uscc, r]));
    expect(Object.keys(byUscc).sort()).toEqual([A, B, T1, T2, U].sort());
    expect(byUscc[U]).toMatchObject({ eligible: false, reason: 'excludedIndustry', grade: null, score: null, parkCode: 'T-PARK', regionCode: '999901' });
    expect(byUscc[A]).toMatchObject({ group: 'aboveScale', eligible: true, rank: 1, poolSize: 1, grade: expect.any(String) });
    expect(byUscc[B]).toMatchObject({ group: 'belowScale', rank: 3, contributions: { taxWanYuanPerMu: 0 } });
  });

  it('filters by county and park without changing ranks', async () => {
    expect((await get('/api/evaluations?region=999901')).body.results).toHaveLength(5);
    expect((await get('/api/evaluations?region=610902')).body.results).toEqual([]);
    expect((await get('/api/evaluations?park=NOPE')).body.results).toEqual([]);
  });
});

describe('an enterprise with its land and evaluation', () => {
  it.each([
    [A, 60, 333.33, 15.0],
    [B, 15, 100.0, -1.3333],
    [T1, 10, 120.0, 6.0],
    [T2, 5, 160.0, 8.0],
  ])('%s holds %s 亩: output %s and tax %s 万元/亩 (README)', async (uscc, mu, outputPerMu, taxPerMu) => {
    const { body } = await get(`/api/enterprises/${uscc}`);
    expect(body).toMatchObject({ uscc, year: 2025, parkCode: 'T-PARK' });
    expectNear(body.landAreaMu, mu);
    expectNear(body.outputWanYuanPerMu, outputPerMu);
    expectNear(body.taxWanYuanPerMu, taxPerMu);
    expect(body.evaluation).toMatchObject({ eligible: true, grade: expect.any(String), score: expect.any(Number) });
    expect(body.indicators.map((i: { year: number }) => i.year)).toEqual([2024, 2025]);
  });

  it("gives A's other indicators and contributions that sum to its score", async () => {
    const { body } = await get(`/api/enterprises/${A}`);
    expectNear(body.valueAddedWanYuanPerMu, 83.33);
    expect(body.valueAddedWanYuanPerTce).toBeCloseTo(1.667, 3);
    expect(body.laborProductivityWanYuanPerPerson).toBeCloseTo(16.67, 2);
    expect(body.rdRatio).toBeCloseTo(0.02, 6);
    const sum = Object.values(body.evaluation.contributions as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(body.evaluation.score, 9);
  });

  it('explains the tenant formula and answers for an earlier year', async () => {
    const { body } = await get(`/api/enterprises/${T1}?year=2024`);
    expect(body.year).toBe(2024);
    expect(body.landShares).toEqual([expect.objectContaining({ parcelCode: P2, role: 'tenant', leasedFloorAreaSqm: 2000, totalFloorAreaSqm: 6000, formula: expect.stringMatching(/× 2000 m² ÷ 6000 m²$/) })]);
    expectNear(body.taxWanYuanPerMu, 5.0); // 2024: 50 万元 ÷ 10 亩
  });

  it('shows U as not graded, with the reason', async () => {
    const { body } = await get(`/api/enterprises/${U}`);
    expect(body.evaluation).toMatchObject({ eligible: false, reason: 'excludedIndustry', reasonDetail: expect.stringContaining('D44'), grade: null });
  });
});

describe('a parcel with its holders and figures', () => {
  it("splits P2 into B's 15, T1's 10 and T2's 5 亩 and apportions their figures", async () => {
    const { body } = await get(`/api/parcels/${P2}`);
    const shares = Object.fromEntries(body.properties.holders.map((h: { uscc: string; landShareMu: number }) => [h.uscc, h.landShareMu]));
    expectNear(shares[B], 15);
    expectNear(shares[T1], 10);
    expectNear(shares[T2], 5);
    expectNear(body.properties.outputWanYuanPerMu, 3_500 / 30); // (1 500 + 1 200 + 800) 万元 ÷ 30 亩
    expectNear(body.properties.taxWanYuanPerMu, 80 / 30); // (−20 + 60 + 40) 万元 ÷ 30 亩
    expectNear(body.properties.buildingCoverage, 0.1);
    expectNear(body.properties.plotRatio, 0.3);
  });

  it("counts P1's 12 m single storey twice in the plot ratio", async () => {
    const { body } = await get(`/api/parcels/${P1}`);
    expectNear(body.properties.buildingCoverage, 0.125);
    expectNear(body.properties.plotRatio, 0.25);
    expectNear(body.properties.outputWanYuanPerMu, 333.33);
  });
});

describe('parks with grades', () => {
  it('counts the grades of its firms and grades the park', async () => {
    const { body } = await get('/api/parks/T-PARK');
    expect(body.properties.gradeCounts).toEqual({ A: 0, B: 1, C: 3, D: 0, notGraded: 1 });
    expect(body.properties.grade).toEqual(expect.any(String));
    const list = await get('/api/parks?year=1999');
    expect(list.body.features[0].properties).toMatchObject({ grade: null, gradeItems: null, gradeMaxScore: 100, gradeCounts: { notGraded: 5 } });
  });

  it("explains the park's grade: every item with its value, benchmark and points, summing to the score out of 100", async () => {
    const { body } = await get('/api/parks/T-PARK');
    const p = body.properties;
    expect(p.gradeMaxScore).toBe(100);
    expect(p.gradeItems.map((i: { key: string }) => i.key)).toEqual(DEFAULT_SCHEME.groups.aboveScale.indicators.map((i) => i.key));
    for (const item of p.gradeItems) {
      expect(item).toMatchObject({ weight: expect.any(Number), maxScore: item.weight, benchmark: expect.any(Number), score: expect.any(Number), basis: expect.any(String) });
      expect(item.score).toBeLessThanOrEqual(item.maxScore);
    }
    expect(p.gradeItems.reduce((s: number, i: { score: number }) => s + i.score, 0)).toBeCloseTo(p.gradeScore, 9);
  });

  it("computes each ratio of the park over the firms that report both its terms (T1's value added has no energy beside it)", async () => {
    const item = async (url: string, key: string) => {
      const { body } = await get(url);
      const feature = body.features ? body.features.find((f: { properties: { code: string } }) => ['T-PARK', '999901'].includes(f.properties.code)) : body;
      return feature.properties.gradeItems.find((i: { key: string }) => i.key === key).value as number;
    };
    // value added of A, B, T2 and U (50 000 000 + 3 500 000 + 1 800 000 + 0 元) over their 3 000 + 200 + 22 + 2.5 tce
    expectNear((await get('/api/parks/T-PARK')).body.properties.metrics.valueAddedWanYuanPerTce, 5_530 / 3_224.5, 1e-9);
    expectNear(await item('/api/parks/T-PARK', 'valueAddedWanYuanPerTce'), 5_530 / 3_224.5, 1e-9);
    expectNear(await item('/api/regions', 'valueAddedWanYuanPerTce'), 5_530 / 3_224.5, 1e-9);
    // every firm reports staff: all value added over all staff
    expectNear(await item('/api/parks/T-PARK', 'laborProductivityWanYuanPerPerson'), 5_830 / (300 + 40 + 38 + 62 + 3), 1e-9);
  });
});

describe('idle, under-used, unsupplied and low-yield land', () => {
  const features = async (asOf: string) => (await get(`/api/idle-land?asOf=${asOf}&park=T-PARK`)).body.features as { geometry: GeoJSON.Geometry; properties: Record<string, unknown> }[];

  it('finds P3 idle from 2025-03-01, with a 1 000 000 元 fee and take-back from 2026-03-01', async () => {
    const idle = (await features('2026-06-01')).filter((f) => f.properties.kind === 'idle');
    expect(idle.map((f) => f.properties)).toEqual([expect.objectContaining({
      parcelCode: P3, rule: 'notStartedOneYearAfterAgreedStart', since: '2025-03-01', daysIdle: 457,
      feeYuan: 1_000_000, takeBackFrom: '2026-03-01', takeBackCandidate: true, cause: 'enterprise',
    })]);
    expectNear(idle[0].properties.areaMu as number, 15);
  });

  it('counts the idle days from the idle-since date it shows, and gives each date the rule uses with its article', async () => {
    const [idle] = (await features('2026-06-01')).filter((f) => f.properties.kind === 'idle');
    expect(idle.properties).toMatchObject({
      agreedStartOn: '2024-03-01',
      idleSince: '2025-03-01', // agreed start + 1 full year (第二条)
      since: '2025-03-01',
      daysIdle: 457, // 2025-03-01 → 2026-06-01, not the 822 days from the agreed start
      feeDueFrom: '2025-03-01', // 未动工开发满一年, counted from the agreed start (第十四条)
      takeBackFrom: '2026-03-01',
    });
    const articles = (idle.properties.basis as { document: string; article: string; about: string }[]).map((b) => [b.about, b.article]);
    expect(articles).toEqual(expect.arrayContaining([['idleSince', '第二条'], ['feeDueFrom', '第十四条第（一）项'], ['takeBackFrom', '第十四条第（二）项']]));
    expect((idle.properties.basis as { document: string }[]).every((b) => b.document.includes('国土资源部令第53号'))).toBe(true);
  });

  it('judges on the date asked', async () => {
    const before = (await features('2025-02-28')).filter((f) => f.properties.kind === 'idle');
    expect(before).toEqual([]);
    const [firstYear] = (await features('2025-06-01')).filter((f) => f.properties.kind === 'idle');
    expect(firstYear.properties).toMatchObject({ feeYuan: 1_000_000, takeBackCandidate: false });
  });

  it('gives the 1 375 亩 of the park no parcel covers, and P4 as unsupplied', async () => {
    const unsupplied = (await features('2026-06-01')).filter((f) => f.properties.kind === 'unsupplied');
    const rest = unsupplied.find((f) => f.properties.rule === 'noParcel')!;
    expect(rest.properties).toMatchObject({ parcelCode: null, parkCode: 'T-PARK' });
    expectNear(rest.properties.areaMu as number, 1375, 0.005);
    expect(unsupplied.filter((f) => f.properties.parcelCode).map((f) => f.properties.parcelCode)).toEqual([P4]);
  });

  it('shows the unbuilt part of P1 and P2, whose coverage is under 30%', async () => {
    const underused = (await features('2026-06-01')).filter((f) => f.properties.kind === 'underused');
    expect(underused.map((f) => f.properties.parcelCode)).toEqual([P1, P2]);
    expectNear(underused[0].properties.areaMu as number, 60 - 7.5); // P1 minus B1's footprint
    expect(underused[0].properties).toMatchObject({ belowCoverage: true, belowPlotRatio: true });
    expect(['Polygon', 'MultiPolygon']).toContain(underused[0].geometry.type);
  });

  it('lists low-yield candidates with the rule that fired', async () => {
    const lowYield = (await features('2026-06-01')).filter((f) => f.properties.kind === 'lowYield');
    expect(lowYield.map((f) => [f.properties.parcelCode, f.properties.rule, f.properties.kindLabel])).toEqual([
      [P1, 'belowLandUseControl', '疑似低效'],
      [P2, 'belowLandUseControl', '疑似低效'],
    ]);
  });

  it('totals each kind counting a parcel once, and the recoverable land once across kinds', async () => {
    const { status, body } = await get('/api/land-use/summary?asOf=2026-06-01&park=T-PARK');
    expect(status).toBe(200);
    expect(body).toMatchObject({ asOf: '2026-06-01', year: 2025, schemeId: 'default' });
    const park = body.parks['T-PARK'];
    expect(body.city).toEqual(park);
    expect(body.regions).toEqual({ 999901: park });
    const { idle, underused, unsupplied, lowYield } = park.byKind;
    expect([idle.parcelCount, underused.parcelCount, unsupplied.parcelCount, lowYield.parcelCount]).toEqual([1, 2, 1, 2]);
    expectNear(idle.areaMu, 15);
    expectNear(underused.areaMu, 60 - 7.5 + (30 - 3)); // P1 and P2 minus their buildings' footprints
    expectNear(lowYield.areaMu, 60 + 30);
    expectNear(unsupplied.areaMu, 20 + 1375); // P4, and the park land no parcel covers
    expect(unsupplied.byRule.noParcel.parcelCount).toBe(0);
    expectNear(unsupplied.byRule.noParcel.areaMu, 1375, 0.005);
    expect(unsupplied.byRule.parcelNotSupplied.parcelCount).toBe(1);
    // P1 is under-used (52.5 亩 unbuilt) and low-yield (all 60 亩): 60 亩 once; every parcel and the rest of the park: 1 500 亩
    expect(park.recoverable.parcelCount).toBe(4);
    expectNear(park.recoverable.areaMu, 1500);
    const idleLand = await get('/api/idle-land?asOf=2026-06-01&park=T-PARK');
    expect(idleLand.body.summary).toEqual(park);
  });

  it('refuses a summary without a date, or of a park or county it does not know', async () => {
    expect(await get('/api/land-use/summary')).toMatchObject({ status: 400, body: { detail: expect.stringContaining('asOf') } });
    expect((await get('/api/land-use/summary?asOf=2026-06-01&park=NOPE')).status).toBe(404);
    expect(await get('/api/land-use/summary?asOf=2026-06-01&region=000000')).toMatchObject({ status: 404, body: { detail: expect.stringContaining('000000') } });
  });

  it('needs asOf, as a real date', async () => {
    expect(await get('/api/idle-land')).toMatchObject({ status: 400, body: { detail: expect.stringContaining('asOf') } });
    expect(await get('/api/idle-land?asOf=2026-02-30')).toMatchObject({ status: 400, body: { detail: expect.stringContaining('asOf') } });
    expect(await get('/api/idle-land?asOf=June')).toMatchObject({ status: 400, body: { detail: expect.stringContaining('asOf') } });
    expect((await get('/api/idle-land?asOf=2026-06-01&park=NOPE')).status).toBe(404);
  });
});

describe('vacancy search', () => {
  it('finds the 2 000 m² vacant unit for at least 1 500 m², with its building footprint', async () => {
    const { body } = await get('/api/vacancies?minAreaSqm=1500&park=T-PARK');
    expect(body.units).toEqual([expect.objectContaining({ buildingCode: B2, floor: 2, areaSqm: 2000, status: 'vacant', rentYuanPerSqmMonth: 8 })]);
    expect(body.units[0].footprint.type).toBe('MultiPolygon');
    expect(body.buildings).toEqual([expect.objectContaining({ buildingCode: B2, lettableSqm: 6000, leasedSqm: 3000, reservedSqm: 1000, vacantSqm: 2000, occupancyRate: 0.5 })]);
    expect(body.parks).toEqual([expect.objectContaining({ parkCode: 'T-PARK', occupancyRate: 0.5 })]);
  });

  it('totals as vacant exactly the vacant units it lists, reserved apart: lettable = leased + reserved + vacant', async () => {
    const { body } = await get('/api/vacancies?park=T-PARK');
    const listedSqm = body.units.reduce((s: number, u: { areaSqm: number }) => s + u.areaSqm, 0);
    expect(body.units.map((u: { status: string }) => u.status)).toEqual(['vacant']);
    expect(body.parks).toEqual([expect.objectContaining({ parkCode: 'T-PARK', lettableSqm: 6000, leasedSqm: 3000, reservedSqm: 1000, vacantSqm: listedSqm })]);
    expect(body.buildings).toEqual([expect.objectContaining({ buildingCode: B2, reservedSqm: 1000, vacantSqm: 2000 })]);
    const reserved = await get('/api/vacancies?park=T-PARK&status=reserved');
    expect(reserved.body.parks[0].reservedSqm).toBe(reserved.body.units.reduce((s: number, u: { areaSqm: number }) => s + u.areaSqm, 0));
  });

  it('answers an empty search with no units and no buildings', async () => {
    const { body } = await get('/api/vacancies?minAreaSqm=2001');
    expect(body).toMatchObject({ units: [], buildings: [] });
  });

  it('agrees with matchesVacancyFilter on every bound, units without stated values included', async () => {
    await t.db.query(`INSERT INTO units (code, building_code, floor, area_sqm, status) VALUES ('TEST-UNIT-NO-FIGURES', $1, 2, 500, 'vacant')`, [B2]);
    try {
      const repo = createVacancyRepository(t.db);
      const all = (await repo.searchUnits({}, { statuses: ALL_UNIT_STATUSES })).map(toVacancyUnit);
      const filters: VacancyFilter[] = [
        {}, { minAreaSqm: 1500 }, { minAreaSqm: 2000 }, { maxAreaSqm: 1000 }, { minFloor: 2, maxFloor: 2 }, { maxFloor: 1, statuses: ALL_UNIT_STATUSES },
        { minCeilingHeightM: 5 }, { minCeilingHeightM: 5.01 }, { minFloorLoadKnPerSqm: 8 }, { minFloorLoadKnPerSqm: 20, statuses: ALL_UNIT_STATUSES },
        { maxRentYuanPerSqmMonth: 8 }, { maxRentYuanPerSqmMonth: 7.99 }, { maxRentYuanPerSqmMonth: 7.5, statuses: ['reserved', 'leased'] },
        { statuses: ['reserved'] }, { minAreaSqm: 1000, maxAreaSqm: 2000, minFloor: 1, maxFloor: 3, minCeilingHeightM: 5, minFloorLoadKnPerSqm: 8, maxRentYuanPerSqmMonth: 10, statuses: ALL_UNIT_STATUSES },
      ];
      for (const filter of filters) {
        const bySql = (await repo.searchUnits({}, filter)).map((u) => u.code).sort();
        const byDomain = all.filter((u) => matchesVacancyFilter(u, filter)).map((u) => u.code).sort();
        expect({ filter, codes: bySql }).toEqual({ filter, codes: byDomain });
      }
      expect(all.filter((u) => matchesVacancyFilter(u, {})).map((u) => u.code)).toContain('TEST-UNIT-NO-FIGURES');
    } finally {
      await t.db.query(`DELETE FROM units WHERE code = 'TEST-UNIT-NO-FIGURES'`);
    }
  });
});

describe('evaluation schemes', () => {
  const variant = (change: (s: typeof DEFAULT_SCHEME) => void) => {
    const s = structuredClone({ ...DEFAULT_SCHEME, id: 'test-variant' });
    change(s);
    return s;
  };

  it('serves the default scheme, seeded from DEFAULT_SCHEME', async () => {
    const list = await get('/api/schemes');
    expect(list.body.schemes).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'default', version: 1 })]));
    const one = await get('/api/schemes/default');
    expect(one.body).toMatchObject({ id: 'default', version: 1, scheme: { ...DEFAULT_SCHEME, id: 'default' } });
    expect(one.body.scheme.controls.edition).toEqual({ name: '工业项目建设用地控制指标', documentNumber: '国土资发〔2008〕24号', year: 2008 });
    expect((await get('/api/schemes/nope')).status).toBe(404);
  });

  it('refuses a bad weight with 400, naming the path', async () => {
    const bad = variant((s) => { s.groups.aboveScale.indicators[0].weight = -5; });
    const res = await put('/api/schemes/test-variant', bad);
    expect(res).toMatchObject({ status: 400, type: expect.stringContaining('application/problem+json') });
    expect(res.body.detail).toContain('groups.aboveScale.indicators[0].weight: must be a positive number');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'groups.aboveScale.indicators[0].weight' })]);
    expect((await put('/api/schemes/other-id', variant(() => undefined))).status).toBe(400);
  });

  it('refuses writes without the admin token', async () => {
    expect((await put('/api/schemes/test-variant', variant(() => undefined), null)).status).toBe(401);
    expect((await put('/api/schemes/test-variant', variant(() => undefined), 'wrong')).status).toBe(401);
  });

  it('stores each write as a new version that evaluations then use, and keeps the old ones', async () => {
    const first = await put('/api/schemes/test-variant', variant(() => undefined));
    expect(first).toMatchObject({ status: 200, body: { id: 'test-variant', version: 1 } });
    const second = await put('/api/schemes/test-variant', variant((s) => { s.grading.labels.C = '测试类'; }));
    expect(second.body).toMatchObject({ id: 'test-variant', version: 2, scheme: { version: 2 } });
    const { body } = await get('/api/evaluations?scheme=test-variant');
    expect(body).toMatchObject({ schemeId: 'test-variant', schemeVersion: 2 });
    expect(body.results.find((r: { uscc: string }) => r.uscc === A)).toMatchObject({ grade: 'C', gradeLabel: '测试类' });
    expect((await get('/api/schemes/test-variant?version=1')).body.scheme.grading.labels.C).toBe('帮扶转型类');
  });

  it('scores against k × last year\'s average when the scheme says so, reading the year before\'s figures', async () => {
    const scheme = variant((s) => {
      s.id = 'test-last-year';
      s.scoring = { ...s.scoring, method: 'benchmarkRatio', benchmarkMode: { kind: 'lastYearAverage', multiplier: 1.5 } } as typeof s.scoring;
    });
    expect((await put('/api/schemes/test-last-year', scheme)).status).toBe(200);
    const { body } = await get('/api/evaluations?year=2025&scheme=test-last-year');
    const a = body.results.find((r: { uscc: string }) => r.uscc === A);
    // A is alone among the county's above-scale firms: the benchmark is 1.5 × its own 2024 figure per mu
    expect(a).toMatchObject({ group: 'aboveScale', poolSize: 1 });
    const [taxPerMu2024, taxPerMu2025] = await Promise.all(
      [2024, 2025].map(async (year) => (await get(`/api/enterprises/${A}?year=${year}`)).body.taxWanYuanPerMu as number),
    );
    const spec = scheme.groups.aboveScale.indicators.find((i) => i.key === 'taxWanYuanPerMu')!;
    const cap = scheme.scoring.method === 'benchmarkRatio' ? scheme.scoring.capMultipleOfWeight : Infinity;
    const expected = Math.min((spec.weight * taxPerMu2025) / (1.5 * taxPerMu2024), cap * spec.weight);
    expectNear(a.contributions.taxWanYuanPerMu, expected, 1e-9);
    // with published benchmarks the same firm scores differently: the year before was read for this scheme only
    const published = (await get('/api/evaluations?year=2025')).body.results.find((r: { uscc: string }) => r.uscc === A);
    expect(Math.abs(published.contributions.taxWanYuanPerMu - expected)).toBeGreaterThan(1e-6);
  });

  it('refuses to evaluate with a stored scheme that fails validation (422)', async () => {
    await t.db.query(`INSERT INTO evaluation_schemes (id, body) VALUES ('test-broken', '{"id": "test-broken"}'::jsonb)`);
    const res = await get('/api/evaluations?scheme=test-broken');
    expect(res).toMatchObject({ status: 422, body: { detail: expect.stringContaining('stored scheme "test-broken" is invalid') } });
  });
});

describe("land shares with their formula's inputs", () => {
  type Share = { basis: string; sqm: number; mu: number; parcelLandSqm: number; parcelLandMu: number; leasedFloorAreaSqm: number | null; totalFloorAreaSqm: number | null; buildingsFloorAreaSqm: number | null; tenantsSqm: number | null; tenantsMu: number | null; ownerCount: number | null };
  type Holder = { uscc: string; role: string; landShareSqm: number | null; landShare: Share | null };
  const holdersOf = async (parcelCode: string) => {
    const { body } = await get(`/api/parcels/${parcelCode}?year=2025`);
    const holders = body.properties.holders as Holder[];
    return { mode: body.properties.landAllocationMode, landAreaSqm: body.properties.landAreaSqm as number, byUscc: (uscc: string) => holders.find((h) => h.uscc === uscc)! };
  };

  it("serves a tenant's leased and the buildings' floor area and the parcel's land, and an owner's rest, on the parcel and the firm", async () => {
    const { mode, landAreaSqm, byUscc } = await holdersOf(P2);
    expect(mode).toBe('apportion');
    const t1 = byUscc(T1).landShare!;
    expect(t1).toMatchObject({ basis: 'apportioned', leasedFloorAreaSqm: 2000, totalFloorAreaSqm: 6000, buildingsFloorAreaSqm: 6000, parcelLandSqm: landAreaSqm });
    expectNear(t1.sqm, (2000 / 6000) * landAreaSqm, 1e-12);
    expectNear(t1.mu, t1.sqm / (10_000 / 15), 1e-12);
    expectNear(t1.parcelLandMu, landAreaSqm / (10_000 / 15), 1e-12);
    expect(byUscc(T1).landShareSqm).toBe(t1.sqm);
    const t2 = byUscc(T2).landShare!;
    const owner = byUscc(B).landShare!;
    expect(owner).toMatchObject({ basis: 'owner', ownerCount: 1, leasedFloorAreaSqm: null });
    expectNear(owner.tenantsSqm!, t1.sqm + t2.sqm, 1e-12);
    expectNear(owner.sqm, landAreaSqm - t1.sqm - t2.sqm, 1e-12);
    const firm = (await get(`/api/enterprises/${T1}?year=2025`)).body;
    expect(firm).toMatchObject({ landAllocationMode: 'apportion', landMergedInto: [], landMergedFrom: [] });
    expect(firm.landShares).toEqual([expect.objectContaining({ ...t1, parcelCode: P2, role: 'tenant' })]);
  });

  it("says a tenant is rated inside its owner under 'mergeIntoOwner', and with which owner", async () => {
    const merged = { ...structuredClone(DEFAULT_SCHEME), id: 'default', landAllocationMode: 'mergeIntoOwner' as const };
    expect((await put('/api/schemes/default', merged)).status).toBe(200);
    try {
      const { mode, landAreaSqm, byUscc } = await holdersOf(P2);
      expect(mode).toBe('mergeIntoOwner');
      expect(byUscc(T1).landShare).toMatchObject({ basis: 'merged', sqm: 0, leasedFloorAreaSqm: 2000 });
      expect(byUscc(B).landShare).toMatchObject({ basis: 'owner', tenantsSqm: 0, ownerCount: 1, sqm: landAreaSqm });
      const firm = (await get(`/api/enterprises/${T1}?year=2025`)).body;
      expect(firm.landAllocationMode).toBe('mergeIntoOwner');
      expect(firm.landMergedInto).toEqual([{ ownerUscc: B, ownerName: '示例毛绒玩具有限公司', parcelCode: P2, weight: 1 }]);
      const owner = (await get(`/api/enterprises/${B}?year=2025`)).body;
      expect(owner.landMergedFrom).toEqual([
        { tenantUscc: T1, tenantName: '示例电子科技有限公司', parcelCode: P2, weight: 1 },
        { tenantUscc: T2, tenantName: '示例服饰有限公司', parcelCode: P2, weight: 1 },
      ]);
    } finally {
      expect((await put('/api/schemes/default', { ...structuredClone(DEFAULT_SCHEME), id: 'default' })).status).toBe(200);
    }
  });
});

it('documents the new routes in OpenAPI', async () => {
  const { body } = await get('/api/docs/json');
  expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/evaluations', '/api/idle-land', '/api/vacancies', '/api/schemes', '/api/schemes/{id}']));
});
