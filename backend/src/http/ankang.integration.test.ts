import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { ankangBundleDir } from '../test-support/bundles.js';
import { buildApp, createServices } from '../app.js';
import { readConfig } from '../config.js';
import { loadBundle } from '../bundle/load-bundle.js';
import { readBundleFiles } from '../bundle/read-bundle-files.js';
import { DEFAULT_SCHEME } from '../domain/default-scheme.js';
import { sqmToMu } from '../domain/units.js';

// The Ankang demo bundle (gis-data/ankang) through the API: golden files of what the demo shows, and
// invariants that must hold whatever the generated data. Numbers are rounded (6 significant digits, scores
// 4, areas 0.1 亩) so the same files hold on PGlite's PostGIS and a real server's.
const YEAR = 2025;
const AS_OF = '2026-06-01';

let t: TestDatabase;
let app: FastifyInstance;
let services: ReturnType<typeof createServices>;
beforeAll(async () => {
  t = await openTestDatabase();
  await loadBundle(t.db, await readBundleFiles(ankangBundleDir));
  const config = { ...readConfig({}), webRoot: '/nonexistent' };
  services = createServices(t.db, config);
  app = await buildApp({ config, services, logger: false });
});
afterAll(async () => {
  await app?.close();
  await t?.dispose();
});

const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json();
};

const sig = (v: number | null, digits: number) => (v == null ? null : Number(v.toPrecision(digits)));
const golden = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

interface Result {
  uscc: string;
  regionCode: string | null;
  group: 'aboveScale' | 'belowScale';
  eligible: boolean;
  reason: string | null;
  landAreaMu: number | null;
  score: number | null;
  maxScore: number;
  rank: number | null;
  poolSize: number | null;
  grade: string | null;
  contributions: Record<string, number>;
}

interface Total { parcelCount: number; areaMu: number }
interface KindTotal extends Total { byRule: Record<string, Total> }
interface Summary { byKind: Record<string, KindTotal>; recoverable: Total; toVerify: Total }
interface LandUseProps { kind: string; rule: string; parcelCode: string | null; parkCode: string; areaMu: number; possibleDataGap: boolean; [more: string]: unknown }
type LandUseFeature = { geometry: GeoJSON.Geometry; properties: LandUseProps };

type LandUseIssues = { features: LandUseFeature[]; summary: Summary };
let landUseIssues: LandUseIssues | undefined;
const landUse = async (): Promise<LandUseIssues> => (landUseIssues ??= await get(`/api/idle-land?asOf=${AS_OF}`));

let results: Result[];
const evaluations = async () => (results ??= (await get(`/api/evaluations?year=${YEAR}`)).results);
/** Pools of ranking: county × group, graded firms only. */
const pools = async () => {
  const out = new Map<string, Result[]>();
  for (const r of (await evaluations()).filter((r) => r.grade != null)) {
    const key = `${r.regionCode}|${r.group}`;
    out.set(key, [...(out.get(key) ?? []), r]);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
};

describe('the Ankang demo, golden files', () => {
  it('parks in 2025: figures, used land, grade with its items, and grade counts', async () => {
    const { features } = await get(`/api/parks?year=${YEAR}`);
    expect(features.length).toBeGreaterThan(0);
    const parks = features
      .map(({ properties: p }: { properties: Record<string, unknown> }) => ({
        code: p.code,
        year: p.year,
        outputWanYuan: sig(p.outputWanYuan as number | null, 6),
        taxWanYuan: sig(p.taxWanYuan as number | null, 6),
        outputWanYuanPerMu: sig(p.outputWanYuanPerMu as number | null, 6),
        taxWanYuanPerMu: sig(p.taxWanYuanPerMu as number | null, 6),
        usedLandMu: sig(p.usedLandMu as number | null, 6),
        grade: p.grade,
        gradeScore: sig(p.gradeScore as number | null, 4),
        gradeItems: Object.fromEntries(((p.gradeItems ?? []) as { key: string; value: number | null; score: number; basis: string }[])
          .map((i) => [i.key, { value: sig(i.value, 4), score: sig(i.score, 4), basis: i.basis }])),
        gradeCounts: p.gradeCounts,
      }))
      .sort((a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : 1));
    await expect(golden(parks)).toMatchFileSnapshot('./__golden__/ankang.parks.json');
  });

  it(`idle and other land-use issues on ${AS_OF}: findings per kind and rule, and the totals of the city and each park`, async () => {
    const { features } = await landUse();
    const counts: Record<string, Record<string, number>> = {};
    for (const { properties: p } of features) {
      counts[p.kind] ??= {};
      counts[p.kind][p.rule] = (counts[p.kind][p.rule] ?? 0) + 1;
    }
    const sorted = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
    const { city, parks } = await get(`/api/land-use/summary?asOf=${AS_OF}`);
    const mu = (v: number) => Math.round(v * 10) / 10;
    const total = (t: Total) => ({ parcelCount: t.parcelCount, areaMu: mu(t.areaMu) });
    const kinds = (s: Summary, withRules: boolean) => sorted(Object.fromEntries(Object.entries(s.byKind).map(([kind, t]) =>
      [kind, withRules ? { ...total(t), byRule: sorted(Object.fromEntries(Object.entries(t.byRule).map(([rule, r]) => [rule, total(r)]))) } : total(t)])));
    const summary = {
      asOf: AS_OF,
      features: features.length,
      findingsPerRule: sorted(Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, sorted(v)]))),
      city: { byKind: kinds(city, true), recoverable: total(city.recoverable), toVerify: total(city.toVerify) },
      parks: sorted(Object.fromEntries(Object.entries(parks as Record<string, Summary>).map(([code, s]) =>
        [code, { ...kinds(s, false), recoverable: total(s.recoverable), toVerify: total(s.toVerify) }]))),
    };
    await expect(golden(summary)).toMatchFileSnapshot('./__golden__/ankang.idle-land.json');
  });

  it('evaluations in 2025: grades per county and group, and the top 3 of each', async () => {
    const all = await evaluations();
    const byPool: Record<string, unknown> = {};
    const keys = [...new Set(all.map((r) => `${r.regionCode}|${r.group}`))].sort();
    for (const key of keys) {
      const members = all.filter((r) => `${r.regionCode}|${r.group}` === key);
      const grades: Record<string, number> = Object.fromEntries(['A', 'B', 'C', 'D', 'notGraded'].map((g) => [g, 0]));
      for (const r of members) grades[r.grade ?? 'notGraded'] += 1;
      const top3 = members
        .filter((r) => r.score != null)
        .sort((a, b) => b.score! - a.score! || (a.uscc < b.uscc ? -1 : 1))
        .slice(0, 3)
        .map((r) => ({ uscc: r.uscc, score: sig(r.score, 4), grade: r.grade }));
      byPool[key] = { firms: members.length, grades, top3 };
    }
    const notGraded: Record<string, number> = {};
    for (const r of all) if (!r.eligible) notGraded[r.reason!] = (notGraded[r.reason!] ?? 0) + 1;
    const summary = { year: YEAR, firms: all.length, notGradedBecause: Object.fromEntries(Object.entries(notGraded).sort()), pools: byPool };
    await expect(golden(summary)).toMatchFileSnapshot('./__golden__/ankang.evaluations.json');
  });
});

/** The completed parcels the demo's README lists as data gaps (no building recorded, on purpose). */
function documentedDataGaps(): string[] {
  const readme = fs.readFileSync(path.join(ankangBundleDir, 'README.md'), 'utf8');
  const section = readme.match(/\*\*Data gaps\*\* \(\d+\):[^]*?(?=\n- |\n\n)/)?.[0] ?? '';
  return [...section.matchAll(/`(\d{12}GB\d{5})`/g)].map((m) => m[1]).sort();
}

interface ParkProperties {
  code: string;
  outputWanYuan: number | null;
  outputWanYuanPerMu: number | null;
  taxWanYuanPerMu: number | null;
  landMetrics: { plotRatio: number | null; buildingDensity: number | null };
  metrics: { valueAddedWanYuanPerMu: number | null; outputWanYuanPerMu: number | null } | null;
}

describe('the Ankang demo as a planner sees it, through the API', () => {
  const parks = async () => ((await get(`/api/parks?year=${YEAR}`)).features as { properties: ParkProperties }[]).map((f) => f.properties);

  it('builds every park to a plot ratio of 0.8–1.3 and a building coverage of 35–55 % of its built land', async () => {
    const all = await parks();
    expect(all).toHaveLength(12);
    for (const p of all) {
      const { plotRatio, buildingDensity } = p.landMetrics;
      expect({ code: p.code, plotRatio, inRange: plotRatio != null && plotRatio >= 0.8 && plotRatio <= 1.3 }).toMatchObject({ inRange: true });
      expect({ code: p.code, buildingDensity, inRange: buildingDensity != null && buildingDensity >= 0.35 && buildingDensity <= 0.55 })
        .toMatchObject({ inRange: true });
    }
  });

  it('keeps to the seed magnitudes: about 966亿元 in all, a handful of parks over 100亿元, several under 10亿元, a few under 100万元/亩', async () => {
    const all = await parks();
    const outputYi = all.map((p) => (p.outputWanYuan ?? 0) / 1e4);
    expect(Math.abs(outputYi.reduce((a, b) => a + b, 0) / 966 - 1)).toBeLessThan(0.01);
    expect(outputYi.filter((v) => v > 100).length).toBeGreaterThanOrEqual(4);
    expect(outputYi.filter((v) => v < 10).length).toBeGreaterThanOrEqual(3);
    expect(all.filter((p) => p.outputWanYuanPerMu != null && p.outputWanYuanPerMu < 100).length).toBeGreaterThanOrEqual(2);
  });

  it("never shows a park's value added per mu above its output per mu", async () => {
    for (const p of await parks()) {
      if (!p.metrics) continue;
      const { valueAddedWanYuanPerMu: va, outputWanYuanPerMu: output } = p.metrics;
      expect({ code: p.code, va, output, atMostOutput: va != null && output != null && va <= output }).toMatchObject({ atMostOutput: true });
    }
  });

  it('leaves no completed parcel without a building but the data gaps its README lists', async () => {
    const gaps: string[] = [];
    for (const p of await parks()) {
      const { features } = await get(`/api/parks/${p.code}/parcels?year=${YEAR}`);
      for (const { properties: q } of features as { properties: { code: string; completedOn: string | null; buildingCodes: string[] } }[]) {
        if (q.completedOn != null && q.completedOn <= `${YEAR}-12-31` && q.buildingCodes.length === 0) gaps.push(q.code);
      }
    }
    const documented = documentedDataGaps();
    expect(documented.length).toBeGreaterThan(0);
    expect(gaps.sort()).toEqual(documented);
  });
});

describe('the Ankang demo, invariants', () => {
  it("places every firm in the same park as the SQL view enterprise_parks (the evaluation's TypeScript path)", async () => {
    const view = await t.db.query<{ uscc: string; park_code: string }>('SELECT uscc, park_code FROM enterprise_parks ORDER BY uscc');
    const byEvaluation = new Map((await evaluations()).map((r) => [r.uscc, (r as Result & { parkCode: string | null }).parkCode]));
    expect(view.length).toBeGreaterThan(700);
    for (const row of view) expect(byEvaluation.get(row.uscc), row.uscc).toBe(row.park_code);
    expect([...byEvaluation.values()].filter((park) => park != null).length).toBe(view.length);
  });

  it('flags a firm halted for a year or more, dated from its status_since', async () => {
    const { features } = await get(`/api/idle-land?asOf=${AS_OF}`);
    const halted = (features as { properties: { rule: string; since: string; uscc: string; evidence: { status: string } } }[])
      .filter((f) => f.properties.rule === 'halted');
    expect(halted.length).toBeGreaterThan(0);
    // A handful: each enterprise request evaluates the year again.
    for (const { properties: p } of halted.slice(0, 5)) {
      const firm = await get(`/api/enterprises/${p.uscc}`);
      expect(firm.statusSince, p.uscc).toBe(p.since);
      expect(['halted', 'half_halted']).toContain(firm.status);
      expect(p.since <= `${Number(AS_OF.slice(0, 4)) - 1}${AS_OF.slice(4)}`, p.since).toBe(true);
    }
  });

  it('grades a fair share of the firms', async () => {
    const all = await evaluations();
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((r) => r.grade != null).length).toBeGreaterThan(all.length / 2);
  });

  it("adds up every graded firm's contributions to its score, within 1e-9", async () => {
    for (const r of (await evaluations()).filter((x) => x.grade != null)) {
      const sum = Object.values(r.contributions).reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - r.score!), r.uscc).toBeLessThan(1e-9);
    }
  });

  it("scores no firm above the scheme's maximum", async () => {
    const graded = (await evaluations()).filter((r) => r.score != null);
    expect(graded.length).toBeGreaterThan(100);
    for (const r of graded) expect({ uscc: r.uscc, maxScore: r.maxScore, within: r.score! <= r.maxScore }).toEqual({ uscc: r.uscc, maxScore: 100, within: true });
  });

  it('grades no park operator or other firm outside sections B and C, and says why', async () => {
    const firms = await t.db.query<{ uscc: string; industry_code: string }>(`SELECT uscc, industry_code FROM enterprises WHERE industry_code !~ '^[BC]'`);
    expect(firms.filter((f) => f.industry_code.startsWith('L')).length).toBeGreaterThan(0);
    const byUscc = new Map((await evaluations()).map((r) => [r.uscc, r]));
    for (const f of firms) {
      const expected = /^D4[4-6]/.test(f.industry_code) ? 'excludedIndustry' : 'notIndustrial';
      expect({ uscc: f.uscc, grade: byUscc.get(f.uscc)?.grade, reason: byUscc.get(f.uscc)?.reason }).toEqual({ uscc: f.uscc, grade: null, reason: expected });
    }
  });

  it('grades no firm without production in the year A or B, and floors its ratios over production figures', async () => {
    const idle = await t.db.query<{ uscc: string }>(
      `SELECT e.uscc FROM enterprises e LEFT JOIN indicators i ON i.uscc = e.uscc AND i.year = $1
       WHERE i.uscc IS NOT NULL AND (coalesce(i.output_yuan, 0) <= 0 OR (e.status = 'halted' AND e.status_since <= make_date($1, 1, 1)))`,
      [YEAR],
    );
    const byUscc = new Map((await evaluations()).map((r) => [r.uscc, r]));
    const graded = idle.filter((f) => byUscc.get(f.uscc)?.grade != null);
    expect(graded.length).toBeGreaterThan(5);
    for (const f of graded) expect({ uscc: f.uscc, grade: byUscc.get(f.uscc)!.grade }).toEqual({ uscc: f.uscc, grade: expect.stringMatching(/^[CD]$/) });
    const firm = await get(`/api/enterprises/${graded[0].uscc}?year=${YEAR}`);
    expect(firm.evaluation.noProduction).toEqual(expect.any(String));
    expect(firm.evaluation.items.filter((i: { basis: string }) => i.basis === 'noProduction').length).toBeGreaterThan(0);
  });

  it("counts every held parcel's land once: its holders' shares (landlords' included) add up to it, and to the park's used land", async () => {
    const ev = await services.evaluation.evaluateYear(YEAR);
    const allocatedSqm = new Map<string, number>(Object.entries(ev.allocation.unallocatedSqmByParcel));
    for (const land of Object.values(ev.allocation.enterprises)) {
      for (const share of land.shares) allocatedSqm.set(share.parcelCode, (allocatedSqm.get(share.parcelCode) ?? 0) + share.sqm);
    }
    const held = new Set(ev.facts.holdings.map((h) => h.parcelCode));
    const usedSqmByPark = new Map<string, number>();
    for (const p of ev.facts.parcels.filter((x) => held.has(x.code))) {
      expect({ parcel: p.code, near: Math.abs((allocatedSqm.get(p.code) ?? 0) - p.landAreaSqm) < 1e-6 * p.landAreaSqm }).toEqual({ parcel: p.code, near: true });
      usedSqmByPark.set(p.parkCode, (usedSqmByPark.get(p.parkCode) ?? 0) + p.landAreaSqm);
    }
    const { features } = await get(`/api/parks?year=${YEAR}`);
    for (const { properties: park } of features as { properties: { code: string; usedLandMu: number } }[]) {
      expect({ park: park.code, usedLandMu: sig(park.usedLandMu, 6) }).toEqual({ park: park.code, usedLandMu: sig(sqmToMu(usedSqmByPark.get(park.code) ?? 0), 6) });
    }
  });

  it('grades no firm without land, and no firm that is not eligible', async () => {
    for (const r of await evaluations()) {
      if (r.landAreaMu == null) expect({ uscc: r.uscc, grade: r.grade, score: r.score }).toEqual({ uscc: r.uscc, grade: null, score: null });
      if (!r.eligible) expect({ uscc: r.uscc, grade: r.grade, reason: typeof r.reason }).toEqual({ uscc: r.uscc, grade: null, reason: 'string' });
    }
  });

  it('gives A to the top 20% of each county and group, more only by a tie at the cut', async () => {
    const share = DEFAULT_SCHEME.grading.percentileBands.find((b) => b.grade === 'A')!.share;
    for (const [key, pool] of await pools()) {
      const n = pool.length;
      expect(pool.every((r) => r.poolSize === n), key).toBe(true);
      const ranked = [...pool].sort((a, b) => b.score! - a.score!);
      // grade A exactly when the (tie-sharing) rank is within the top share
      for (const r of ranked) expect({ key, uscc: r.uscc, a: r.grade === 'A' }).toEqual({ key, uscc: r.uscc, a: r.rank! <= share * n + 1e-9 });
      const quota = Math.floor(share * n + 1e-9);
      const as = ranked.filter((r) => r.grade === 'A');
      expect(as.length, key).toBeGreaterThanOrEqual(quota);
      // any A beyond the quota ties (within 1e-9) with the last A inside it
      for (const extra of as.slice(quota)) expect(Math.abs(extra.score! - as[quota - 1].score!), `${key} ${extra.uscc}`).toBeLessThan(1e-9);
    }
  });

  it('ranks by score within each county and group', async () => {
    for (const [key, pool] of await pools()) {
      const ranked = [...pool].sort((a, b) => a.rank! - b.rank!);
      for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].score! + 1e-9, key).toBeGreaterThanOrEqual(ranked[i].score!);
    }
  });
});

describe('the Ankang demo, land-use totals', () => {
  /** Area of the union of the geometries, 亩, measured by PostGIS (geography → m² on the spheroid). */
  const unionAreaMu = async (geometries: GeoJSON.Geometry[]) => {
    const [row] = await t.db.query<{ sqm: number }>(
      `SELECT coalesce(ST_Area(ST_Union(ST_SetSRID(ST_GeomFromGeoJSON(g::text), 4326))::geography), 0)::float8 AS sqm
       FROM json_array_elements($1::text::json) g`,
      [JSON.stringify(geometries)],
    );
    return row.sqm / (10000 / 15);
  };

  it("counts a parcel once in each park's totals: a kind's area is the area of the union of its findings", async () => {
    const { features } = await landUse();
    const { parks } = (await get(`/api/land-use/summary?asOf=${AS_OF}`)) as { parks: Record<string, Summary> };
    expect(Object.keys(parks).length).toBeGreaterThan(10);
    let doubleCounted = 0;
    for (const [parkCode, summary] of Object.entries(parks)) {
      const own = features.filter((f) => f.properties.parkCode === parkCode);
      for (const kind of ['idle', 'underused', 'unsupplied', 'lowYield']) {
        const ofKind = own.filter((f) => f.properties.kind === kind);
        const parcels = new Set(ofKind.map((f) => f.properties.parcelCode).filter((c) => c != null));
        const expectedMu = await unionAreaMu(ofKind.map((f) => f.geometry));
        expect(summary.byKind[kind].parcelCount, `${parkCode} ${kind}`).toBe(parcels.size);
        expect(Math.abs(summary.byKind[kind].areaMu - expectedMu), `${parkCode} ${kind}: ${summary.byKind[kind].areaMu} vs ${expectedMu} 亩`).toBeLessThan(0.01 + expectedMu * 1e-5);
        if (ofKind.reduce((s, f) => s + f.properties.areaMu, 0) > expectedMu + 1) doubleCounted++;
      }
      // Recoverable land: every finding but the data gaps to check, a parcel once across kinds
      const recoverable = own.filter((f) => !f.properties.possibleDataGap);
      const recoverableMu = await unionAreaMu(recoverable.map((f) => f.geometry));
      expect(summary.recoverable.parcelCount, parkCode).toBe(new Set(recoverable.map((f) => f.properties.parcelCode).filter((c) => c != null)).size);
      expect(Math.abs(summary.recoverable.areaMu - recoverableMu), `${parkCode} recoverable`).toBeLessThan(0.01 + recoverableMu * 1e-5);
    }
    // The demo has parcels firing several rules of a kind: summing the findings would count them again
    expect(doubleCounted).toBeGreaterThan(0);
  });

  it("gives /api/idle-land's own totals for its scope, the same as the summary's", async () => {
    const park = 'G612150';
    const [{ summary }, { parks, city }] = await Promise.all([get(`/api/idle-land?asOf=${AS_OF}&park=${park}`), get(`/api/land-use/summary?asOf=${AS_OF}&park=${park}`)]);
    expect(summary).toEqual(parks[park]);
    expect(city).toEqual(parks[park]);
    expect((await landUse()).summary).toEqual((await get(`/api/land-use/summary?asOf=${AS_OF}`)).city);
  });

  it('flags every completed parcel without a building as under-used or a data gap to check', async () => {
    const rows = await t.db.query<{ code: string }>(
      `SELECT p.code FROM parcels p WHERE p.completed_on <= $1::date AND NOT EXISTS (SELECT 1 FROM buildings b WHERE b.parcel_code = p.code) ORDER BY p.code`,
      [AS_OF],
    );
    expect(rows.length).toBeGreaterThan(0); // the demo's deliberate data gaps (gis-data/ankang/README.md)
    const flagged = (await landUse()).features.filter((f) => f.properties.rule === 'completedWithoutBuildings');
    expect(flagged.map((f) => f.properties.parcelCode).sort()).toEqual(rows.map((r) => r.code));
    for (const { properties: p } of flagged) expect({ code: p.parcelCode, kind: p.kind, possibleDataGap: p.possibleDataGap }).toEqual({ code: p.parcelCode, kind: 'underused', possibleDataGap: true });
    const city = (await landUse()).summary;
    expect(city.byKind.underused.byRule.completedWithoutBuildings.parcelCount).toBe(rows.length);
    expect(city.byKind.underused.byRule.belowLandUseControl.parcelCount).toBeGreaterThan(0);
  });

  it("judges a standard-factory parcel's plot ratio by its tenants' industries, not by its landlord's", async () => {
    // A park platform company (商务服务业 L72) owns the standard factories; the 2008 control table has no plot-ratio
    // minimum for L72, so judging by the owner left these parcels' plot ratio unjudged. The land is used by the
    // manufacturing tenants: the minimum is theirs, weighted by the floor area each leases. Coverage is judged
    // against 30 % whatever the storeys: the control is on footprints, and multi-storey factories are no exception.
    const rows = await t.db.query<{ code: string; industries: string[] }>(
      `SELECT p.code, array_agg(DISTINCT e.industry_code) AS industries
       FROM parcels p
       JOIN land_rights r ON r.parcel_code = p.code AND r.role = 'tenant'
       JOIN enterprises e ON e.uscc = r.uscc
       WHERE EXISTS (SELECT 1 FROM buildings b WHERE b.parcel_code = p.code AND b.kind = 'standard_factory')
         AND NOT EXISTS (SELECT 1 FROM land_rights o JOIN enterprises oe ON oe.uscc = o.uscc
                         WHERE o.parcel_code = p.code AND o.role = 'owner' AND oe.industry_code LIKE 'C%')
       GROUP BY p.code ORDER BY p.code`,
    );
    expect(rows.length).toBeGreaterThan(5);
    const controls = DEFAULT_SCHEME.controls.minPlotRatioByIndustry;
    const minimumOf = (code: string) => controls.filter((c) => code.startsWith(c.industryPrefix)).sort((a, b) => b.industryPrefix.length - a.industryPrefix.length)[0]?.minPlotRatio;
    for (const row of rows) {
      const parcel = (await get(`/api/parcels/${row.code}?year=${YEAR}`)).properties;
      const minima = row.industries.map(minimumOf).filter((m): m is number => m != null);
      expect(parcel.minPlotRatio, row.code).not.toBeNull();
      expect(parcel.minPlotRatio, row.code).toBeGreaterThanOrEqual(Math.min(...minima) - 1e-9);
      expect(parcel.minPlotRatio, row.code).toBeLessThanOrEqual(Math.max(...minima) + 1e-9);
      const finding = (await landUse()).features.find((f) => f.properties.parcelCode === row.code && f.properties.rule === 'belowLandUseControl' && f.properties.kind === 'underused');
      if (finding) expect(finding.properties.minPlotRatio, row.code).toBeCloseTo(parcel.minPlotRatio, 9);
    }
  });
});

describe('the Ankang demo, the city beside its parks', () => {
  interface Figures {
    code: string;
    outputWanYuan: number | null;
    taxWanYuan: number | null;
    usedLandMu: number | null;
    outputWanYuanPerMu: number | null;
    taxWanYuanPerMu: number | null;
    enterpriseCount: number;
    metrics: Record<string, number | null> | null;
    landMetrics: Record<string, number | null>;
  }
  const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);
  const closeTo = (actual: number | null, expected: number) => expect(Math.abs((actual ?? NaN) / expected - 1)).toBeLessThan(1e-9);

  it('shows the city, not an average: output, tax, land and firms summed over the parks, per mu as sum over sum', async () => {
    const body = await get(`/api/parks?year=${YEAR}`);
    const parks = (body.features as { properties: Figures }[]).map((f) => f.properties);
    const city = body.city as Figures & { code: string; name: string; parkCount: number; regionCount: number };
    expect(city).toMatchObject({ code: '610900', name: '安康市', year: YEAR, parkCount: 12, regionCount: 10 });
    const output = sum(parks.map((p) => p.outputWanYuan));
    closeTo(city.outputWanYuan, output);
    expect(Math.abs(output / 1e4 / 966 - 1)).toBeLessThan(0.01); // about 966 亿元, the seed's
    closeTo(city.taxWanYuan, sum(parks.map((p) => p.taxWanYuan)));
    closeTo(city.usedLandMu, sum(parks.map((p) => p.usedLandMu)));
    expect(city.enterpriseCount).toBe(sum(parks.map((p) => p.enterpriseCount)));
    closeTo(city.outputWanYuanPerMu, output / sum(parks.map((p) => p.usedLandMu)));
    closeTo(city.taxWanYuanPerMu, sum(parks.map((p) => p.taxWanYuan)) / sum(parks.map((p) => p.usedLandMu)));
    // the same firms and land through the evaluation's path
    closeTo(city.metrics!.outputWanYuanPerMu, city.outputWanYuanPerMu!);
    closeTo(city.metrics!.taxWanYuanPerMu, city.taxWanYuanPerMu!);
    // a ratio of sums lies within its parts' ratios; a mean of the parks' ratios would not be it
    for (const [key, value] of Object.entries(city.metrics!)) {
      const own = parks.map((p) => p.metrics?.[key]).filter((v): v is number => v != null);
      expect({ key, value, within: value != null && value >= Math.min(...own) - 1e-9 && value <= Math.max(...own) + 1e-9 }).toMatchObject({ within: true });
    }
    for (const [key, value] of Object.entries(city.landMetrics)) {
      const own = parks.map((p) => p.landMetrics[key]).filter((v): v is number => v != null);
      expect({ key, value, within: value != null && value >= Math.min(...own) - 1e-9 && value <= Math.max(...own) + 1e-9 }).toMatchObject({ within: true });
    }
    const regions = (await get(`/api/regions?year=${YEAR}`)).features as { properties: Figures & { cityName: string } }[];
    closeTo(sum(regions.map((r) => r.properties.outputWanYuan ?? null)), output);
    expect(new Set(regions.map((r) => r.properties.cityName))).toEqual(new Set(['安康市']));
  });

  it("gives each park's history with the city's of the same year", async () => {
    const { features } = await get(`/api/parks?year=${YEAR}`);
    const code = features[0].properties.code as string;
    const history = await get(`/api/parks/${code}/history`);
    expect(history.years.map((y: { year: number }) => y.year)).toEqual([2023, 2024, 2025]);
    for (const entry of history.years) {
      const parks = (await get(`/api/parks?year=${entry.year}`)).features.map((f: { properties: Figures }) => f.properties) as Figures[];
      const park = parks.find((p) => p.code === code)!;
      expect(entry.park.outputWanYuan).toBe(park.outputWanYuan);
      expect(entry.park.taxWanYuanPerMu).toBe(park.taxWanYuanPerMu);
      closeTo(entry.city.outputWanYuan, sum(parks.map((p) => p.outputWanYuan)));
      closeTo(entry.city.outputWanYuanPerMu, sum(parks.map((p) => p.outputWanYuan)) / sum(parks.map((p) => p.usedLandMu)));
    }
  });
});
